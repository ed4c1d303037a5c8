"""Paths as git's index has them (issue 22, finding 3), with real sparse checkouts,
assume-unchanged and skip-worktree entries.

A slug or file in the index but not on disk is taken; a path git is told not to look at
is refused before anything is written; a path git refuses never blocks later, unrelated
writes."""
import unittest

from harness import CrmTestCase

ACME = "clients/acme/client.yaml"
BETA = "clients/beta/client.yaml"


class IndexTestCase(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.crm_in("add-client", "Acme", check=0)
        self.crm_in("add-client", "Beta", "--tier", "A", check=0)
        self.crm_in("contact", "add", "beta", "Jane Doe <jane@beta.example>", check=0)
        self.beta_in_head = self.git("show", f"HEAD:{BETA}")

    def head(self):
        return self.git("rev-parse", "HEAD").strip()

    def assertBetaIntact(self):
        self.assertEqual(self.git("show", f"HEAD:{BETA}"), self.beta_in_head)
        self.assertIn("Jane Doe", self.beta_in_head)


class SparseCheckoutTest(IndexTestCase):
    def test_a_slug_in_the_index_but_not_on_disk_is_taken(self):
        self.git("sparse-checkout", "set", "--no-cone", "/*", "!/clients/beta/")
        self.assertFalse((self.dir / "clients/beta").exists())
        self.assertIn(BETA, self.git("ls-files"))
        r = self.crm_in("add-client", "Beta", check=0)
        self.assertEqual(r.out, "beta-2\n")
        self.assertEqual(self.last_commit_files(), ["clients/beta-2/client.yaml"])
        self.assertBetaIntact()
        # Later, unrelated writes commit their own file only.
        visit = self.crm_in("log-visit", "acme", "After", check=0).out.strip()
        self.assertEqual(self.last_commit_files(), [visit])
        self.assertBetaIntact()

    def test_a_folder_moved_onto_a_slug_git_has_is_refused_and_put_back(self):
        self.git("sparse-checkout", "set", "--no-cone", "/*", "!/clients/beta/")
        head = self.head()
        acme = (self.dir / ACME).read_bytes()
        r = self.crm_in("rename", "acme", "Beta", "--slug", check=1)
        self.assertIn("clients/beta", r.err)
        self.assertIn("in git's index but not on disk", r.err)
        self.assertIn("nothing was written", r.err)
        self.assertEqual(r.out, "")
        self.assertEqual(self.head(), head)
        self.assertEqual((self.dir / ACME).read_bytes(), acme)
        self.assertFalse((self.dir / "clients/beta").exists())
        self.assertEqual(self.git("status", "--porcelain"), "")
        self.assertBetaIntact()

    def test_a_path_outside_the_cone_fails_once_and_blocks_nothing_after(self):
        self.git("sparse-checkout", "set", "clients/acme")
        self.assertFalse((self.dir / "clients/beta").exists())
        head = self.head()
        r = self.crm_in("add-client", "Gamma", check=1)
        self.assertIn("not committed: git add failed", r.err)
        self.assertIn("clients/gamma/client.yaml stays on disk", r.err)
        self.assertEqual(r.out, "")
        self.assertEqual(self.head(), head)
        self.assertTrue((self.dir / "clients/gamma/client.yaml").is_file())
        # Not remembered for the next commit, which would fail the same way forever.
        self.assertNotIn("clients/gamma", (self.dir / ".crm/uncommitted").read_text()
                         if (self.dir / ".crm/uncommitted").exists() else "")
        visit = self.crm_in("log-visit", "acme", "After", check=0).out.strip()
        self.assertEqual(self.last_commit_files(), [visit])
        self.crm_in("set", "acme", "tier", "C", check=0)
        self.assertEqual(self.last_commit_files(), [ACME])
        self.assertBetaIntact()


class IgnoredEntriesTest(IndexTestCase):
    def assertRefusedUntouched(self, args, says):
        head = self.head()
        before = (self.dir / ACME).read_bytes()
        r = self.crm_in(*args, check=1)
        self.assertIn(says, r.err)
        self.assertIn("nothing was written", r.err)
        self.assertNotIn("set to", r.err)
        self.assertEqual(r.out, "")
        self.assertEqual((self.dir / ACME).read_bytes(), before)
        self.assertEqual(self.head(), head)

    def test_assume_unchanged_is_refused_up_front(self):
        self.git("update-index", "--assume-unchanged", ACME)
        self.assertRefusedUntouched(["set", "acme", "tier", "A"],
                                    f"{ACME} is marked assume-unchanged in git's index")
        self.assertRefusedUntouched(["watch", "acme", "Bob Jones"], "assume-unchanged")
        # Other clients are not blocked.
        self.crm_in("set", "beta", "tier", "C", check=0)
        self.assertEqual(self.last_commit_files(), [BETA])

    def test_skip_worktree_is_refused_up_front_and_blocks_nothing_else(self):
        self.git("update-index", "--skip-worktree", ACME)
        self.assertRefusedUntouched(["set", "acme", "tier", "A"],
                                    f"{ACME} is marked skip-worktree in git's index")
        self.crm_in("set", "beta", "tier", "C", check=0)
        self.assertEqual(self.last_commit_files(), [BETA])
        visit = self.crm_in("log-visit", "acme", "Still fine", check=0).out.strip()
        self.assertEqual(self.last_commit_files(), [visit])

    def test_a_remembered_path_git_now_ignores_leaves_the_list_with_a_warning(self):
        hook = self.dir / ".git/hooks/pre-commit"
        hook.parent.mkdir(parents=True, exist_ok=True)
        hook.write_text("#!/bin/sh\nexit 1\n")
        hook.chmod(0o755)
        self.crm_in("set", "acme", "tier", "A", check=1)
        hook.unlink()
        self.assertIn(ACME, (self.dir / ".crm/uncommitted").read_text())
        self.git("update-index", "--skip-worktree", ACME)
        r = self.crm_in("set", "beta", "tier", "C", check=0)
        self.assertIn(f"crm: warning: {ACME} is no longer among the files crm commits for you",
                      r.err)
        self.assertEqual(self.last_commit_files(), [BETA])
        r = self.crm_in("set", "beta", "stage", "client", check=0)
        self.assertNotIn("warning", r.err)
        self.assertEqual(self.last_commit_files(), [BETA])


if __name__ == "__main__":
    unittest.main()
