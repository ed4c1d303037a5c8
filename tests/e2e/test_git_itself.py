"""Commits are git's own (spec section 5): whatever git does for `git add FILE && git commit
--only -- FILE`, crm's commits do too: hooks, signing, skip-worktree refusals, core.fileMode,
message cleanup. Another git holding index.lock makes crm wait or refuse, and never leaves
HEAD and the index disagreeing; what a refused commit wrote stays on disk and goes with the
next commit. crm's own files are invisible to git whatever the folder's .gitignore says."""
import os
import shutil
import signal
import stat
import subprocess
import time
import unittest

from harness import CrmTestCase

CLIENT = "clients/acme/client.yaml"


class GitItselfTestCase(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.crm_in("add-client", "Acme", "--owner", "Alice Smith", check=0)

    def head(self):
        return self.git("rev-parse", "HEAD").strip()

    def twin(self):
        """A copy of the repository, to do the same by hand with git and compare."""
        twin = self.tmp / "twin"
        shutil.rmtree(twin, ignore_errors=True)
        shutil.copytree(self.dir, twin, symlinks=True)
        return twin

    def git_result(self, *args, cwd=None):
        return subprocess.run(["git", *args], capture_output=True, text=True, env=self.env,
                              cwd=str(cwd or self.dir))

    def script(self, name, text):
        path = self.tmp / name
        path.write_text("#!/bin/sh\n" + text)
        path.chmod(0o755)
        return path


class BusyGitTest(GitItselfTestCase):
    def test_a_git_status_loop_beside_crm_never_desynchronises_head_and_index(self):
        """An editor's or prompt's `git status` takes index.lock for a moment. Before crm
        committed through git itself, about one log-visit in thirty moved HEAD but left the
        index behind, and the user's next `git commit` deleted those visits. Now each visit
        is committed, and the index agrees with HEAD after every one."""
        loop = subprocess.Popen(["bash", "-c", "while :; do git status >/dev/null 2>&1; done"],
                                cwd=self.dir, env=self.env, start_new_session=True)

        def stop_loop():
            # The loop and the `git status` it is running: git takes its index.lock away
            # on SIGTERM, which it cannot do on the SIGKILL of bash alone.
            try:
                os.killpg(loop.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            loop.wait()
            deadline = time.monotonic() + 10
            while (self.dir / ".git/index.lock").exists() and time.monotonic() < deadline:
                time.sleep(0.05)

        self.addCleanup(stop_loop)
        before = self.commit_count()
        deadline = time.monotonic() + 25
        paths = []
        while len(paths) < 40 and time.monotonic() < deadline:
            r = self.crm_in("log-visit", "acme", f"visit {len(paths)}")
            self.assertEqual(r.code, 0, r)
            paths.append(r.out.strip())
            # Nothing staged that HEAD lacks, nothing in HEAD that the index lacks.
            self.assertEqual(self.git("diff", "--cached", "--name-only", "HEAD"), "")
        stop_loop()
        self.assertGreaterEqual(len(paths), 10)
        self.assertEqual(self.commit_count(), before + len(paths))
        committed = self.git("ls-tree", "-r", "--name-only", "HEAD", "--", "clients").split()
        for p in paths:
            self.assertIn(p, committed)
        # The user's next ordinary commit keeps every visit.
        self.write("notes.txt", "mine\n")
        self.git("add", "notes.txt")
        self.git("commit", "-q", "-m", "mine")
        committed = self.git("ls-tree", "-r", "--name-only", "HEAD", "--", "clients").split()
        self.assertEqual([p for p in paths if p not in committed], [])

    def test_a_lock_that_stays_is_named_and_the_file_goes_with_the_next_commit(self):
        lock = self.dir / ".git" / "index.lock"
        lock.write_text("")
        head = self.head()
        start = time.monotonic()
        r = self.crm_in("log-visit", "acme", "While git is busy", check=1)
        self.assertGreater(time.monotonic() - start, 2)  # it waited before refusing
        self.assertIn("index.lock", r.err)
        self.assertIn("another git process", r.err)
        [path] = r.saved()
        self.assertEqual(self.load(path)["notes"], "While git is busy")
        self.assertEqual(self.head(), head)
        lock.unlink()
        # The next command that commits takes the visit along.
        r = self.crm_in("add-client", "Beta", check=0)
        self.assertIn(path, r.err)
        self.assertEqual(self.last_commit_files(), sorted(["clients/beta/client.yaml", path]))
        self.assertIn(path, self.git("log", "-1", "--format=%b"))
        self.assertEqual(self.git("status", "--porcelain"), "")
        # ...once: the commit after it holds only its own file.
        self.crm_in("add-client", "Gamma", check=0)
        self.assertEqual(self.last_commit_files(), ["clients/gamma/client.yaml"])

    def test_a_lock_released_while_crm_waits_lets_it_commit(self):
        lock = self.dir / ".git" / "index.lock"
        lock.write_text("")
        releaser = subprocess.Popen(["sh", "-c", f"sleep 0.5; rm -f '{lock}'"])
        self.addCleanup(releaser.wait)
        path = self.crm_in("log-visit", "acme", "Waited", check=0).out.strip()
        self.assertEqual(self.last_commit_files(), [path])
        self.assertEqual(self.git("status", "--porcelain"), "")


class LikeGitTest(GitItselfTestCase):
    def test_a_skip_worktree_entry_is_refused_before_anything_is_written(self):
        self.git("update-index", "--skip-worktree", CLIENT)
        head = self.head()
        before = (self.dir / CLIENT).read_bytes()
        r = self.crm_in("set", "acme", "owner", "Bob Jones", check=1)
        self.assertIn(f"{CLIENT} is marked skip-worktree", r.err)
        self.assertIn("nothing was written", r.err)
        self.assertNotIn("set to", r.err)
        # Nothing on disk, in the history or in the index changed.
        self.assertEqual((self.dir / CLIENT).read_bytes(), before)
        self.assertEqual(self.head(), head)
        self.assertNotIn("Bob Jones", self.git("show", f"HEAD:{CLIENT}"))
        self.assertNotIn("Bob Jones", self.git("show", f":{CLIENT}"))
        # git itself refuses the same.
        self.assertNotEqual(self.git_result("add", "--", CLIENT).returncode, 0)

    def test_commit_gpgsign_signs_crm_commits(self):
        signer = self.script("fake-gpg", (
            "cat >/dev/null\n"
            "echo '[GNUPG:] SIG_CREATED D 1 8 00 1700000000 FAKE' >&2\n"
            "printf -- '-----BEGIN PGP SIGNATURE-----\\n\\nZmFrZQ==\\n"
            "-----END PGP SIGNATURE-----\\n'\n"))
        self.git("config", "commit.gpgSign", "true")
        self.git("config", "gpg.program", str(signer))
        self.git("config", "user.signingKey", "FAKE")
        path = self.crm_in("log-visit", "acme", "Signed", check=0).out.strip()
        self.assertEqual(self.last_commit_files(), [path])
        self.assertIn("gpgsig -----BEGIN PGP SIGNATURE-----",
                      self.git("cat-file", "commit", "HEAD"))

    def test_a_failing_signing_program_fails_the_commit_and_keeps_the_file(self):
        signer = self.script("failing-gpg", "cat >/dev/null\necho 'no secret key' >&2\nexit 1\n")
        self.git("config", "commit.gpgSign", "true")
        self.git("config", "gpg.program", str(signer))
        head = self.head()
        r = self.crm_in("log-visit", "acme", "Unsigned", check=1)
        self.assertIn("not committed", r.err)
        self.assertIn("sign", r.err)
        [path] = r.saved()
        self.assertEqual(self.load(path)["notes"], "Unsigned")
        self.assertEqual(self.head(), head)
        # Fixed, the next command commits it along with its own file.
        self.git("config", "commit.gpgSign", "false")
        self.crm_in("set", "acme", "tier", "A", check=0)
        self.assertEqual(self.last_commit_files(), sorted([CLIENT, path]))

    def test_a_hook_git_would_run_runs(self):
        # Executable by others only: whether git runs it is access(X_OK)'s answer (yes for
        # root, no for the owner otherwise). crm must agree with git either way.
        marker = "hook-ran"
        hook_text = f"#!/bin/sh\necho ran >> {marker}\n"
        (self.dir / ".git" / "info").mkdir(exist_ok=True)
        (self.dir / ".git" / "info" / "exclude").write_text(marker + "\n")
        hook = self.dir / ".git" / "hooks" / "pre-commit"
        hook.write_text(hook_text)
        hook.chmod(0o641)
        twin = self.twin()
        self.crm_in("set", "acme", "tier", "A", check=0)
        shutil.copyfile(self.dir / CLIENT, twin / CLIENT)
        self.git("add", "--", CLIENT, cwd=twin)
        self.git("commit", "-q", "--only", "-m", "by hand", "--", CLIENT, cwd=twin)
        self.assertEqual((self.dir / marker).exists(), (twin / marker).exists())
        if os.geteuid() == 0:
            self.assertTrue((self.dir / marker).exists())

    def test_core_filemode_false_keeps_an_executable_entry(self):
        self.git("update-index", "--chmod=+x", CLIENT)
        self.git("commit", "-q", "-m", "executable, as a Windows clone might commit it")
        self.git("config", "core.fileMode", "false")
        self.assertTrue(self.git("ls-files", "-s", CLIENT).startswith("100755"))
        self.crm_in("set", "acme", "tier", "A", check=0)
        self.assertEqual(self.last_commit_files(), [CLIENT])
        self.assertTrue(self.git("ls-tree", "HEAD", CLIENT).startswith("100755"))
        self.assertEqual(self.git("status", "--porcelain"), "")

    def test_the_message_is_cleaned_up_as_git_commit_cleans_it(self):
        twin = self.twin()
        self.crm_in("set", "acme", "referral_source", "Trade fair   ", check=0)
        message = "set: Acme referral_source Trade fair   "
        shutil.copyfile(self.dir / CLIENT, twin / CLIENT)
        self.git("commit", "-q", "--only", "-m", message, "-m", "Crm-Command: set", "--", CLIENT,
                 cwd=twin)
        self.assertEqual(self.git("log", "-1", "--format=%B"),
                         self.git("log", "-1", "--format=%B", cwd=twin))
        self.assertFalse(self.last_commit_message().endswith(" "))

    def test_a_file_the_user_staged_stays_out_even_outside_the_folder(self):
        outer = self.tmp / "outer"
        outer.mkdir()
        self.git("init", "-q", cwd=outer)
        self.crm("init", str(outer / "crm"), check=0)
        (outer / "elsewhere.txt").write_text("staged by the user\n")
        self.git("add", "elsewhere.txt", cwd=outer)
        self.crm("--dir", str(outer / "crm"), "add-client", "Acme", check=0)
        files = self.git("show", "--name-only", "--format=", "HEAD", cwd=outer).split()
        self.assertEqual(files, ["crm/clients/acme/client.yaml"])
        self.assertEqual(self.git("status", "--porcelain", cwd=outer), "A  elsewhere.txt\n")

    def test_a_0600_file_stays_0600(self):
        (self.dir / CLIENT).chmod(0o600)
        self.crm_in("set", "acme", "tier", "A", check=0)
        self.crm_in("watch", "acme", check=0)
        self.assertEqual(stat.S_IMODE((self.dir / CLIENT).stat().st_mode), 0o600)
        self.assertEqual(self.load(CLIENT)["tier"], "A")
        self.assertTrue(self.git("ls-tree", "HEAD", CLIENT).startswith("100644"))


class PrivateFilesTest(GitItselfTestCase):
    def test_crm_files_are_invisible_to_git_with_an_empty_gitignore(self):
        (self.dir / ".gitignore").write_text("")
        self.git("commit", "-q", "-am", "no ignore rules")
        self.crm_in("log-visit", "acme", "Hello", check=0)  # the lock, .crm/tmp
        self.crm_in("due", check=0)  # the cache
        self.assertTrue((self.dir / ".crm" / "cache").exists())
        self.assertTrue((self.dir / ".crm" / ".gitignore").exists())
        self.assertEqual(self.git("status", "--porcelain", "--untracked-files=all",
                                  "--ignored=no"), "")
        self.assertEqual(self.git("ls-files", "--", ".crm"), "")

    def test_crm_init_gives_its_own_repository_the_settings_for_many_files(self):
        self.assertEqual(self.git("config", "feature.manyFiles").strip(), "true")
        # A repository crm did not create keeps its user's settings.
        outer = self.tmp / "outer"
        outer.mkdir()
        self.git("init", "-q", cwd=outer)
        self.crm("init", str(outer / "crm"), check=0)
        self.assertNotEqual(self.git_result("config", "feature.manyFiles", cwd=outer).returncode, 0)

    def test_nothing_to_commit_is_not_an_error(self):
        # The same value again: the file is as in HEAD, and git has nothing to commit.
        self.crm_in("set", "acme", "tier", "A", check=0)
        count = self.commit_count()
        r = self.crm_in("set", "acme", "tier", "A")
        self.assertEqual(r.code, 0, r)
        self.assertEqual(self.commit_count(), count)


if __name__ == "__main__":
    unittest.main()
