"""crm's commits are git's own: exactly what `git add FILE && git commit --only -- FILE`
gives, the same tree, index, status and a consistent repository, whatever the index
format, racy timestamps or hooks."""
import os
import shutil
import subprocess
import unittest

from harness import CrmTestCase

OLD = 1577836800  # 2020-01-01: files older than the index, so that none is racily clean


class CommitLikeGitTest(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.copy_example()
        # A user's staged change, which must stay staged and out of crm's commits.
        self.write("notes.txt", "staged by the user\n")
        self.git("add", "notes.txt")
        self.backdate()

    def backdate(self, folder=None):
        """Every file old and the index refreshed, so that no entry is racily clean."""
        folder = folder or self.dir
        for root, dirs, files in os.walk(folder):
            dirs[:] = [d for d in dirs if d != ".git"]
            for name in files:
                os.utime(os.path.join(root, name), (OLD, OLD))
        self.git("update-index", "-q", "--refresh", cwd=folder)

    def twin(self):
        """A copy of the repository as it is now, to do the same by hand with git."""
        twin = self.tmp / "twin"
        shutil.rmtree(twin, ignore_errors=True)
        shutil.copytree(self.dir, twin, symlinks=True)
        return twin

    def by_hand(self, twin, path, message):
        """What git's porcelain makes of the file crm wrote, in the twin."""
        (twin / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self.dir / path, twin / path)
        self.git("add", "--", path, cwd=twin)
        # crm's message ends with the trailer that tells its commits from the user's.
        trailer = "Crm-Command: " + message.split(":", 1)[0]
        self.git("commit", "-q", "--only", "-m", message, "-m", trailer, "--", path, cwd=twin)

    def assertSameAsGit(self, twin, path):
        self.assertEqual(self.last_commit_files(), [path])
        self.assertEqual(self.git("rev-parse", "HEAD^{tree}"),
                         self.git("rev-parse", "HEAD^{tree}", cwd=twin))
        self.assertEqual(self.git("ls-tree", "-r", "HEAD"),
                         self.git("ls-tree", "-r", "HEAD", cwd=twin))
        self.assertEqual(self.git("log", "-1", "--format=%s%n%b%n%an <%ae>%n%cn <%ce>"),
                         self.git("log", "-1", "--format=%s%n%b%n%an <%ae>%n%cn <%ce>", cwd=twin))
        self.assertEqual(self.git("diff", "HEAD~1", "--stat"),
                         self.git("diff", "HEAD~1", "--stat", cwd=twin))
        # The index: the committed file, and the user's staged file still staged.
        self.assertEqual(self.git("ls-files", "-s"), self.git("ls-files", "-s", cwd=twin))
        self.assertEqual(self.git("status", "--porcelain"), "A  notes.txt\n")
        self.assertEqual(self.git("status", "--porcelain", cwd=twin), "A  notes.txt\n")
        # Nothing about the file looks changed, even without a refresh.
        self.assertEqual(self.git("diff-files", "--name-only"), "")
        self.assertEqual(self.git("diff-index", "--cached", "--name-only", "HEAD"), "notes.txt\n")
        fsck = subprocess.run(["git", "fsck", "--strict", "--no-dangling"], cwd=self.dir,
                              capture_output=True, text=True, env=self.env)
        self.assertEqual((fsck.returncode, fsck.stdout, fsck.stderr), (0, "", ""))
        # git reads crm's index without complaint, and rewrites it the same.
        self.assertEqual(self.git("update-index", "--refresh"), "")

    def test_a_visit_gives_the_tree_and_index_of_git_commit_only(self):
        twin = self.twin()
        path = self.crm_in("log-visit", "acme", "Hello", check=0).out.strip()
        self.by_hand(twin, path, "log-visit: Acme Engineering Pty Ltd (2026-11-23 visit)")
        self.assertSameAsGit(twin, path)

    def test_first_visit_of_a_client_makes_its_visits_folder(self):
        self.assertNotIn("visits", self.git("ls-tree", "--name-only", "HEAD:clients/greenfield-solar-farms-pty-ltd"))
        twin = self.twin()
        path = self.crm_in("log-visit", "greenfield-solar-farms-pty-ltd", "First", check=0).out.strip()
        self.assertTrue(path.startswith("clients/greenfield-solar-farms-pty-ltd/visits/"))
        self.by_hand(twin, path, self.last_commit_message())
        self.assertSameAsGit(twin, path)

    def test_a_new_client_and_a_changed_file(self):
        twin = self.twin()
        self.crm_in("add-client", "Zephyr Labs", check=0)
        self.by_hand(twin, "clients/zephyr-labs/client.yaml", "add-client: Zephyr Labs")
        self.assertSameAsGit(twin, "clients/zephyr-labs/client.yaml")
        # An existing file rewritten: its entry in the index is replaced, not added.
        self.backdate()
        self.backdate(twin)
        self.crm_in("set", "acme", "owner", "Bob Jones", check=0)
        path = "clients/acme-engineering-pty-ltd/client.yaml"
        self.by_hand(twin, path, self.last_commit_message())
        self.assertSameAsGit(twin, path)

    def make_racy(self, path, T=OLD + 3600):
        """`path` and the index both at time T: its entry is racily clean. ctime is not
        trusted, so that only the content can tell whether the file changed."""
        self.git("config", "core.trustctime", "false")
        os.utime(self.dir / path, (T, T))
        self.git("update-index", "-q", "--refresh")
        os.utime(self.dir / ".git" / "index", (T, T))
        return T

    def log_visit(self, summary):
        """The path of the visit `crm log-visit acme SUMMARY` wrote."""
        return self.crm_in("log-visit", "acme", summary, check=0).out.strip()

    def test_racily_clean_unchanged_files_are_checked_and_kept(self):
        self.make_racy("crm.yaml")
        twin = self.twin()
        path = self.log_visit("Hello")
        self.by_hand(twin, path, self.last_commit_message())
        self.assertSameAsGit(twin, path)

    def test_racily_clean_changed_file_is_smudged_so_git_sees_the_change(self):
        T = self.make_racy("crm.yaml")
        text = (self.dir / "crm.yaml").read_bytes()
        changed = text.replace(b"autocommit", b"Autocommit") if b"autocommit" in text \
            else text[:-2] + b"#\n"
        self.assertEqual(len(changed), len(text))
        (self.dir / "crm.yaml").write_bytes(changed)  # same size, same mtime, same inode
        os.utime(self.dir / "crm.yaml", (T, T))
        path = self.log_visit("Hello")
        self.assertEqual(self.last_commit_files(), [path])
        self.assertEqual(self.git("diff-files", "--name-only"), "crm.yaml\n")
        self.assertEqual(self.git("status", "--porcelain"), " M crm.yaml\nA  notes.txt\n")

    def test_many_racily_clean_files(self):
        T = OLD + 3600
        for n in range(70):
            self.write(f"extra/{n}.txt", f"{n}\n")
        self.git("add", "extra")
        for n in range(70):
            os.utime(self.dir / f"extra/{n}.txt", (T, T))
        self.make_racy("crm.yaml", T)
        twin = self.twin()
        path = self.log_visit("Hello")
        self.by_hand(twin, path, self.last_commit_message())
        self.assertEqual(self.git("ls-files", "-s"), self.git("ls-files", "-s", cwd=twin))
        self.assertEqual(self.git("diff-files", "--name-only"), "")

    def test_two_writes_in_one_second(self):
        # The second finds the first's file as new as the index: racily clean.
        twin = self.twin()
        first = self.log_visit("One")
        second = self.log_visit("Two")
        for path in (first, second):
            self.by_hand(twin, path, "x")
        self.assertEqual(self.git("ls-files", "-s"), self.git("ls-files", "-s", cwd=twin))
        self.assertEqual(self.git("diff-files", "--name-only"), "")
        self.assertEqual(self.git("status", "--porcelain"), "A  notes.txt\n")

    def test_every_index_format(self):
        for setup in (["update-index", "--index-version", "4"],
                      ["update-index", "--split-index"],
                      ["update-index", "--untracked-cache"]):
            with self.subTest(setup=setup):
                self.git(*setup)
                self.git("config", "core.untrackedCache", "true" if "--untracked-cache" in setup
                         else "false")
                self.backdate()
                twin = self.twin()
                path = self.crm_in("log-visit", "acme", " ".join(setup), check=0).out.strip()
                self.by_hand(twin, path, self.last_commit_message())
                self.assertSameAsGit(twin, path)
                self.git("update-index", "--index-version", "2", "--no-split-index",
                         "--no-untracked-cache")

    def test_a_post_index_change_hook_runs(self):
        hook = self.dir / ".git" / "hooks" / "post-index-change"
        hook.write_text("#!/bin/sh\necho ran >> hook-ran  # at the top of the work tree\n")
        hook.chmod(0o755)
        (self.dir / ".git" / "info").mkdir(exist_ok=True)
        (self.dir / ".git" / "info" / "exclude").write_text("hook-ran\n")
        path = self.crm_in("log-visit", "acme", "Hello", check=0).out.strip()
        self.assertEqual(self.last_commit_files(), [path])
        self.assertTrue((self.dir / "hook-ran").exists())
        self.assertEqual(self.git("status", "--porcelain"), "A  notes.txt\n")

    def test_relative_dir_commits_the_same(self):
        path = self.crm("--dir", ".", "log-visit", "acme", "Hello", cwd=self.dir, check=0).out.strip()
        self.assertEqual(self.last_commit_files(), [path])
        self.assertEqual(self.git("status", "--porcelain"), "A  notes.txt\n")


class Sha256Test(CrmTestCase):
    def test_a_sha256_repository_commits_correctly(self):
        self.dir.mkdir()
        self.git("init", "-q", "--object-format=sha256")
        self.crm("init", str(self.dir), check=0)
        self.crm_in("add-client", "Acme", check=0)
        path = self.crm_in("log-visit", "acme", "Hello", check=0).out.strip()
        self.assertEqual(self.commit_count(), 3)
        self.assertEqual(self.last_commit_files(), [path])
        self.assertEqual(len(self.git("rev-parse", "HEAD").strip()), 64)
        self.assertEqual(self.git("status", "--porcelain"), "")
        fsck = subprocess.run(["git", "fsck", "--strict"], cwd=self.dir, capture_output=True,
                              text=True, env=self.env)
        self.assertEqual(fsck.returncode, 0, fsck.stderr)


if __name__ == "__main__":
    unittest.main()
