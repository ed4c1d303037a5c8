"""Every write is one transaction: a commit git refused is taken by the next command's
commit, which says so; --no-commit writes leave nothing for a later commit to take."""
import unittest

from harness import CrmTestCase


class TransactionTest(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.init()

    def refuse_commits(self, refuse=True):
        hook = self.dir / ".git" / "hooks" / "pre-commit"
        if refuse:
            hook.parent.mkdir(parents=True, exist_ok=True)
            hook.write_text("#!/bin/sh\necho 'hook says no' >&2\nexit 1\n")
            hook.chmod(0o755)
        else:
            hook.unlink()

    def test_the_next_command_commits_what_a_refused_commit_left(self):
        self.refuse_commits()
        self.crm_in("add-client", "Acme", check=1)
        self.refuse_commits(False)
        before = self.commit_count()
        r = self.crm_in("add-client", "Beta", check=0)
        self.assertIn("also committed what an earlier command could not: "
                      "clients/acme/client.yaml", r.err)
        self.assertEqual(self.commit_count(), before + 1)
        self.assertEqual(self.last_commit_files(),
                         ["clients/acme/client.yaml", "clients/beta/client.yaml"])
        self.assertEqual(self.git("status", "--porcelain"), "")
        # Taken once: the next commit is its own files only.
        r = self.crm_in("set", "acme", "tier", "A", check=0)
        self.assertNotIn("also committed", r.err)
        self.assertEqual(self.last_commit_files(), ["clients/acme/client.yaml"])

    def test_no_commit_leaves_nothing_for_the_next_commit(self):
        self.crm_in("--no-commit", "add-client", "Acme", check=0)
        r = self.crm_in("add-client", "Beta", check=0)
        self.assertNotIn("also committed", r.err)
        self.assertEqual(self.last_commit_files(), ["clients/beta/client.yaml"])
        self.assertEqual(self.git("status", "--porcelain"), "?? clients/acme/\n")


if __name__ == "__main__":
    unittest.main()
