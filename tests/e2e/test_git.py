"""git: one commit per writing command holding exactly its files; --no-commit; no git."""
import subprocess
import unittest

from harness import CrmTestCase


class CommitTest(CrmTestCase):
    def test_each_writing_command_makes_one_commit_of_its_files(self):
        self.init()
        self.assertEqual(self.commit_count(), 1)
        self.assertEqual(self.last_commit_message(), "init: crm folder")
        self.assertEqual(self.last_commit_files(), [".gitignore", "crm.yaml"])
        self.write("notes.txt", "a file the user has not committed\n")
        self.git("add", "notes.txt")  # even a staged file stays out of crm's commit
        self.crm_in("add-client", "Acme", check=0)
        self.assertEqual(self.commit_count(), 2)
        self.assertEqual(self.last_commit_files(), ["clients/acme/client.yaml"])
        path = self.crm_in("log-visit", "acme", "Hello", "--kind", "call", check=0).out.strip()
        self.assertEqual(self.commit_count(), 3)
        self.assertEqual(self.last_commit_files(), [path])
        self.assertEqual(self.last_commit_message(), "log-visit: Acme (2026-11-23 call)")
        self.assertIn("A  notes.txt", self.git("status", "--porcelain"))
        # Reading commands commit nothing.
        self.crm_in("list", check=0)
        self.crm_in("show", "acme", check=0)
        self.assertEqual(self.commit_count(), 3)
        # The author is git's identity; the tree is clean apart from the user's file.
        self.assertEqual(self.git("log", "-1", "--format=%an").strip(), "Test User")
        self.assertEqual(self.git("status", "--porcelain", "--", "clients"), "")

    def test_no_commit_writes_without_committing(self):
        self.init()
        self.crm_in("--no-commit", "add-client", "Acme", check=0)
        self.crm_in("log-visit", "acme", "--no-commit", check=0)
        self.assertEqual(self.commit_count(), 1)
        status = self.git("status", "--porcelain", "--untracked-files=all")
        self.assertIn("?? clients/acme/client.yaml", status)
        self.assertIn("?? clients/acme/visits/", status)

    def test_autocommit_false_in_crm_yaml(self):
        self.init()
        (self.dir / "crm.yaml").write_text("autocommit: false\n")
        self.git("commit", "-qam", "no autocommit")
        self.crm_in("add-client", "Acme", check=0)
        self.assertEqual(self.commit_count(), 2)

    def test_init_no_commit_and_init_inside_an_existing_repository(self):
        self.crm("--no-commit", "init", str(self.dir), check=0)
        self.assertTrue((self.dir / ".git").is_dir())
        self.assertEqual(self.git("rev-list", "--all").strip(), "")
        outer = self.tmp / "outer"
        outer.mkdir()
        self.git("init", "-q", cwd=outer)
        self.git("commit", "-q", "--allow-empty", "-m", "outer", cwd=outer)
        self.crm("init", str(outer / "crm"), check=0)
        self.assertFalse((outer / "crm" / ".git").exists())  # no nested repository
        files = self.git("show", "--name-only", "--format=", "HEAD", cwd=outer).split()
        self.assertEqual(sorted(files), ["crm/.gitignore", "crm/crm.yaml"])
        self.crm("--dir", str(outer / "crm"), "add-client", "Acme", check=0)
        files = self.git("show", "--name-only", "--format=", "HEAD", cwd=outer).split()
        self.assertEqual(files, ["crm/clients/acme/client.yaml"])

    def test_gitignore_hides_crm_files(self):
        self.init()
        (self.dir / ".crm").mkdir(exist_ok=True)
        (self.dir / ".crm" / "cache").write_text("x")
        (self.dir / ".client.yaml.crm-tmp-123456").write_text("x")
        self.assertEqual(self.git("status", "--porcelain", "--untracked-files=all"), "")

    def test_hostile_names_and_git_environment_cannot_redirect_git(self):
        self.init()
        other = self.tmp / "other"
        other.mkdir()
        self.git("init", "-q", cwd=other)
        env = {"GIT_DIR": str(other / ".git"), "GIT_WORK_TREE": str(other),
               "GIT_INDEX_FILE": str(other / "index")}
        self.crm_in("add-client", "--", "--output=/tmp/x", env=env, check=0)
        self.crm_in("add-client", "--", "-- -rf", env=env, check=0)
        self.assertEqual(self.commit_count(), 3)
        self.assertEqual(self.last_commit_files(), ["clients/rf/client.yaml"])
        r = subprocess.run(["git", "rev-list", "--all"], cwd=other, capture_output=True,
                           text=True, env=self.env)
        self.assertEqual(r.stdout.strip(), "")


class NoGitTest(CrmTestCase):
    def test_a_folder_outside_any_repository_works_without_git(self):
        self.write("crm.yaml", "")  # every default
        self.crm_in("add-client", "Acme", check=0)
        path = self.crm_in("log-visit", "acme", "Hello", check=0).out.strip()
        self.assertEqual(self.load(path)["notes"], "Hello")
        self.assertEqual(self.crm_in("list", "-q", check=0).out, "acme\n")
        self.assertFalse((self.dir / ".git").exists())
        r = subprocess.run(["git", "rev-parse", "--git-dir"], cwd=self.dir, capture_output=True,
                           text=True, env=self.env)
        self.assertNotEqual(r.returncode, 0)

    def test_failing_commit_keeps_the_file_and_explains(self):
        self.init()
        hook = self.dir / ".git" / "hooks" / "pre-commit"
        hook.write_text("#!/bin/sh\necho 'hook says no' >&2\nexit 1\n")
        hook.chmod(0o755)
        r = self.crm_in("add-client", "Acme", check=1)
        self.assertIn("not committed", r.err)
        self.assertIn("clients/acme/client.yaml", r.err)
        self.assertEqual(self.load("clients/acme/client.yaml")["name"], "Acme")


if __name__ == "__main__":
    unittest.main()
