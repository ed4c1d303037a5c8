"""A crm killed (kill -9) in the middle of merge, rename --slug, rm or import: the next
command that writes takes back what it had changed, or commits it when the killed one had
reached its commit, and says so in one line. The folder is whole (old or new, never half),
`crm check` is clean, no empty client folder is left. A full disk (a small tmpfs) is an
error before anything changes, never a silent promise (issue 22, finding 5).

Two ways to stop crm where it hurts: CRM_TEST_PAUSE_AFTER_STEP=N (the transaction sleeps
after its Nth change, for tests only), and a `git` wrapper on PATH that sleeps before
`git commit` (crm killed while its commit runs)."""
import os
import select
import signal
import subprocess
import time
import unittest
from pathlib import Path

from harness import CRM
from lifeutil import LifeTestCase

ACME = "clients/acme-engineering"
BETA = "clients/acme-eng"


class InterruptedTest(LifeTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.crm_in("add-client", "Acme Engineering", "--contact", "Jane Doe <jane@acme.example>",
                    check=0)
        self.crm_in("add-client", "Acme Eng", "--contact", "Tom Lee <tom@acme.example>", check=0)
        for summary in ("First visit", "Second visit", "Third visit"):
            self.crm_in("log-visit", "acme-eng", summary, check=0)
        self.crm_in("review", "acme-eng", "--project", "Bridge", "--rating", "happy", check=0)

    # -- stopping crm ---------------------------------------------------------------
    def git_wrapper(self):
        """A `git` first on PATH that, for `git commit`, says so in a file and sleeps."""
        bin_dir = self.tmp / "bin"
        bin_dir.mkdir(exist_ok=True)
        real = subprocess.run(["sh", "-c", "command -v git"], capture_output=True, text=True,
                              env=self.env).stdout.strip()
        marker = self.tmp / "in-commit"
        (bin_dir / "git").write_text(
            "#!/bin/sh\n"
            f'for a in "$@"; do [ "$a" = commit ] && {{ : > "{marker}"; sleep 60; }}; done\n'
            f'exec "{real}" "$@"\n')
        (bin_dir / "git").chmod(0o755)
        return {"PATH": f"{bin_dir}:{self.env['PATH']}"}, marker

    def killed(self, *args, pause_after=None, in_commit=False):
        """Runs crm ARGS in a process group of its own and kills it (SIGKILL) at the
        pause or in its commit; returns what it had said on stderr."""
        env = dict(self.env)
        marker = None
        if pause_after is not None:
            env["CRM_TEST_PAUSE_AFTER_STEP"] = str(pause_after)
        if in_commit:
            extra, marker = self.git_wrapper()
            env.update(extra)
        proc = subprocess.Popen([CRM, "--dir", str(self.dir), *args], env=env, cwd=str(self.tmp),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                start_new_session=True)
        said = b""
        deadline = time.monotonic() + 30
        try:
            while time.monotonic() < deadline:
                if marker is not None and marker.exists():
                    break
                if marker is None and b"paused after change" in said:
                    break
                ready, _, _ = select.select([proc.stderr], [], [], 0.05)
                if ready:
                    chunk = os.read(proc.stderr.fileno(), 4096)
                    if not chunk and proc.poll() is not None:
                        break
                    said += chunk
            else:
                self.fail(f"crm {args} never reached the point to kill it: {said!r}")
            self.assertIsNone(proc.poll(), f"crm {args} ended before it was killed: {said!r}")
        finally:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            proc.stdout.close()
            proc.stderr.close()
        self.assertTrue((self.dir / ".crm" / "journal").exists(), "no journal was left")
        return said.decode()

    # -- what must hold afterwards ----------------------------------------------------
    def assertWhole(self):
        """crm check is clean, git sees nothing uncommitted, no empty folder is left."""
        self.assertCheckClean()
        self.assertEqual(self.git("status", "--porcelain", "--untracked-files=all"), "")
        for root, dirs, files in os.walk(self.dir / "clients"):
            self.assertTrue(dirs or files, f"empty folder left: {root}")
        for d in (self.dir / "clients").iterdir():
            self.assertTrue((d / "client.yaml").is_file(), f"client folder without client.yaml: {d}")
        self.assertFalse((self.dir / ".crm" / "journal").exists())
        self.assertEqual(os.listdir(self.dir / ".crm" / "tmp"), [])

    def next_writer(self, before_files=None):
        """Another writing command; returns its stderr lines about the killed one."""
        r = self.crm_in("add-client", "Zeta Water", check=0)
        lines = [l for l in r.err.splitlines() if "crm command" in l]
        self.assertEqual(len(lines), 1, r)
        # Its own commit holds its own file and, when the killed one is finished, those.
        self.assertIn("clients/zeta-water/client.yaml", self.last_commit_files())
        return lines[0], r

    def taken_back(self, *args, pause_after):
        before = self.files()
        head = self.git("rev-parse", "HEAD")
        self.killed(*args, pause_after=pause_after)
        self.assertNotEqual(self.files(), before, "the kill came before any change")
        line, _ = self.next_writer()
        self.assertIn("an interrupted crm command was taken back (nothing of it was committed)",
                      line)
        after = self.files()
        del after["clients/zeta-water/client.yaml"]
        self.assertEqual(after, before)
        self.assertEqual(self.git("rev-parse", "HEAD~1"), head)
        self.assertWhole()
        return line

    # -- merge ----------------------------------------------------------------------------
    def test_a_merge_killed_after_moving_a_visit_is_taken_back(self):
        line = self.taken_back("merge", "acme-engineering", "acme-eng", pause_after=1)
        self.assertIn(f"{BETA}/visits/", line)
        self.assertEqual(len(list((self.dir / BETA / "visits").iterdir())), 3)
        self.assertFalse((self.dir / ACME / "visits").exists())

    def test_a_merge_killed_before_removing_other_is_taken_back(self):
        # Three visits and a review moved, KEEP's client.yaml replaced: OTHER still there.
        self.taken_back("merge", "acme-engineering", "acme-eng", pause_after=5)

    def test_a_merge_killed_in_its_commit_is_committed_by_the_next_command(self):
        self.killed("merge", "acme-engineering", "acme-eng", in_commit=True)
        line, _ = self.next_writer()
        self.assertIn("did not commit; the next commit takes them", line)
        self.assertFalse((self.dir / BETA).exists())
        self.assertEqual(len(list((self.dir / ACME / "visits").iterdir())), 3)
        tree = self.git("ls-tree", "-r", "--name-only", "HEAD")
        self.assertNotIn(BETA + "/", tree)
        self.assertEqual(tree.count(ACME + "/visits/"), 3)
        self.assertIn("Tom Lee", self.git("show", f"HEAD:{ACME}/client.yaml"))
        self.assertWhole()

    # -- rename --slug ----------------------------------------------------------------------
    def test_a_rename_killed_between_the_name_and_the_folder_is_taken_back(self):
        self.taken_back("rename", "acme-eng", "Beta Water", "--slug", pause_after=1)

    def test_a_rename_killed_in_its_commit_is_committed_by_the_next_command(self):
        self.killed("rename", "acme-eng", "Beta Water", "--slug", in_commit=True)
        self.next_writer()
        tree = self.git("ls-tree", "-r", "--name-only", "HEAD")
        self.assertNotIn(BETA + "/", tree)
        self.assertEqual(tree.count("clients/beta-water/visits/"), 3)
        self.assertIn("name: Beta Water", self.git("show", "HEAD:clients/beta-water/client.yaml"))
        self.assertWhole()

    # -- rm -------------------------------------------------------------------------------------
    def test_an_rm_killed_before_its_commit_is_taken_back(self):
        self.taken_back("rm", "acme-eng", "--yes", pause_after=1)
        self.assertTrue((self.dir / BETA / "client.yaml").is_file())

    def test_an_rm_killed_in_its_commit_is_committed_by_the_next_command(self):
        self.killed("rm", "acme-eng", "--yes", in_commit=True)
        self.next_writer()
        self.assertNotIn(BETA + "/", self.git("ls-tree", "-r", "--name-only", "HEAD"))
        self.assertFalse((self.dir / BETA).exists())
        self.assertWhole()

    # -- import -----------------------------------------------------------------------------------
    def write_csv(self):
        csv = self.tmp / "contacts.csv"
        csv.write_text("First Name,Last Name,E-mail Address,Company\n"
                       "Ann,One,ann@one.example,One Pty\n"
                       "Bob,Two,bob@two.example,Two Pty\n"
                       "Cat,Three,cat@three.example,Three Pty\n"
                       "Una,New,una@acme.example,Acme Eng\n")
        return csv

    def test_an_import_killed_halfway_is_taken_back_and_a_rerun_imports_it_all(self):
        csv = self.write_csv()
        self.taken_back("import", str(csv), pause_after=2)
        self.assertFalse((self.dir / "clients/one-pty").exists())
        r = self.crm_in("import", str(csv), check=0)
        self.assertIn("3 created, 1 updated", r.err)
        tree = self.git("ls-tree", "-r", "--name-only", "HEAD")
        for slug in ("one-pty", "two-pty", "three-pty"):
            self.assertIn(f"clients/{slug}/client.yaml", tree)
        self.assertWhole()

    def test_an_import_killed_in_its_commit_is_committed_and_a_rerun_changes_nothing(self):
        csv = self.write_csv()
        self.killed("import", str(csv), in_commit=True)
        self.next_writer()
        tree = self.git("ls-tree", "-r", "--name-only", "HEAD")
        for slug in ("one-pty", "two-pty", "three-pty"):
            self.assertIn(f"clients/{slug}/client.yaml", tree)
        r = self.crm_in("import", str(csv), check=0)
        self.assertIn("0 created, 0 updated, 4 unchanged", r.err)
        self.assertWhole()


class FullDiskTest(LifeTestCase):
    """A folder on a tmpfs of 4 MiB (CI runs as root and mounts it; a machine that cannot
    mount fails here rather than skip)."""

    def setUp(self):
        super().setUp()
        self.mnt = self.tmp / "small"
        self.mnt.mkdir()
        r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(self.mnt)],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 0,
                         f"this test mounts a small tmpfs and needs root: {r.stderr}")
        self.addCleanup(subprocess.run, ["umount", "-l", str(self.mnt)])
        self.dir = self.mnt / "crm"
        self.init()
        self.crm_in("add-client", "Acme", check=0)
        self.fill = self.mnt / "fill"

    def fill_disk(self):
        with open(self.fill, "wb") as f:
            try:
                while True:
                    f.write(b"\0" * 65536)
                    f.flush()
            except OSError:
                pass

    def test_a_full_disk_is_an_error_before_anything_changes(self):
        before = self.state()
        self.fill_disk()
        r = self.crm_in("log-visit", "acme", "Met on a full disk")
        self.assertEqual(r.code, 1, r)
        self.assertIn("No space left on device", r.err)
        self.assertNotIn("next crm command", r.err)  # no promise it cannot keep
        self.fill.unlink()
        self.assertEqual(self.state(), before)
        self.assertFalse((self.dir / ".crm" / "journal").exists())
        self.crm_in("log-visit", "acme", "Met once there was room", check=0)
        self.assertEqual(self.git("status", "--porcelain"), "")

    def test_a_refused_commit_on_a_full_disk_keeps_its_promise_through_the_journal(self):
        hook = self.dir / ".git" / "hooks" / "pre-commit"
        hook.parent.mkdir(parents=True, exist_ok=True)
        hook.write_text(f"#!/bin/sh\ncat /dev/zero > '{self.fill}' 2>/dev/null\nexit 1\n")
        hook.chmod(0o755)
        r = self.crm_in("log-visit", "acme", "Met while the disk filled up")
        self.assertEqual(r.code, 1, r)
        self.assertEqual(r.out, "")  # a path is printed only once it is committed
        visits = list((self.dir / "clients" / "acme" / "visits").glob("*.yaml"))
        self.assertEqual(len(visits), 1)
        visit = visits[0].relative_to(self.dir).as_posix()
        self.assertIn(f"the data is saved in {visit}", r.err)
        # Where the promise is kept depends on the room git's failed `commit --only` gave
        # back (its second index): .crm/uncommitted when crm could write it, else the
        # journal, which the error then names.
        if "cannot write .crm/uncommitted" in r.err:
            self.assertIn(".crm/journal keeps the list", r.err)
            self.assertTrue((self.dir / ".crm" / "journal").exists())
        else:
            self.assertIn(visit, (self.dir / ".crm" / "uncommitted").read_text())
        hook.unlink()
        self.fill.unlink()
        r = self.crm_in("add-client", "Beta", check=0)
        self.assertRegex(r.err, f"(wrote {visit} but did not commit; the next commit takes them"
                                f"|also committed what an earlier command could not: {visit})")
        self.assertIn(visit, self.last_commit_files())
        self.assertEqual(self.git("status", "--porcelain"), "")


if __name__ == "__main__":
    unittest.main()
