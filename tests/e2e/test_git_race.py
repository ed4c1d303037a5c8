"""A change of crm's that someone else's racing `git commit` took back out of HEAD is
committed again by the next crm command that writes (issue 22; store/committed.hpp).

`git commit` reads the index before it locks it, so a person's commit running beside
crm's can write back the index from before crm's commit; their next commit, made from
that index, takes crm's change out of HEAD while the file on disk stays crm's. The soak
(tests/soak/run.py) found it; here the stale index is put back by hand, as that git
would, so the case is exact."""
import shutil
import unittest

from harness import CrmTestCase

CLIENT = "clients/acme/client.yaml"


class TakenBackTest(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.crm_in("add-client", "Acme", check=0)
        self.crm_in("add-client", "Beta", check=0)
        self.write("journal.txt", "journal\n")
        self.git("add", "journal.txt")
        self.git("commit", "-q", "-m", "my journal")

    def head_has(self, path):
        return path in self.git("ls-tree", "-r", "--name-only", "HEAD").split()

    def in_head(self, path):
        return self.git("show", f"HEAD:{path}")

    def racing_commit(self, run):
        """Runs `run` (a crm command) while the person's `git commit` has read the index:
        their commit writes the index it read back, then they commit again."""
        index = self.dir / ".git/index"
        stale = self.tmp / "stale-index"
        shutil.copyfile(index, stale)
        result = run()
        shutil.copyfile(stale, index)
        with open(self.dir / "journal.txt", "a") as f:
            f.write("a line\n")
        self.git("add", "journal.txt")
        self.git("commit", "-q", "-m", "my journal, again")
        return result

    def test_a_new_visit_taken_out_of_head_is_committed_again(self):
        r = self.racing_commit(lambda: self.crm_in("log-visit", "acme", "Kick-off", check=0))
        visit = r.out.strip()
        self.assertFalse(self.head_has(visit), "the race did not happen as git has it")
        self.assertTrue((self.dir / visit).is_file())
        r = self.crm_in("log-visit", "beta", "Call", check=0)
        self.assertIn(f"crm: {visit}: a git commit made beside crm's took crm's change back "
                      "out of git; the file on disk is crm's, and crm commits it again", r.err)
        self.assertTrue(self.head_has(visit))
        self.assertIn("Kick-off", self.in_head(visit))
        self.assertIn(visit, self.last_commit_files())
        self.assertTrue(self.last_commit_message().startswith("log-visit: Beta"))
        self.assertEqual(self.git("status", "--porcelain"), "")

    def test_a_changed_client_file_is_crms_again_and_not_refused(self):
        self.racing_commit(lambda: self.crm_in("set", "acme", "tier", "A", check=0))
        self.assertNotIn("tier: A", self.in_head(CLIENT))
        r = self.crm_in("set", "acme", "stage", "client", check=0)
        self.assertEqual(r.code, 0)
        text = self.in_head(CLIENT)
        self.assertIn("tier: A", text)
        self.assertIn("stage: client", text)
        self.assertEqual(self.git("status", "--porcelain"), "")

    def test_a_stale_index_alone_does_not_make_crms_file_foreign(self):
        index = self.dir / ".git/index"
        stale = self.tmp / "stale-index"
        shutil.copyfile(index, stale)
        self.crm_in("set", "acme", "tier", "A", check=0)
        shutil.copyfile(stale, index)  # written back, not yet committed from
        self.crm_in("set", "acme", "stage", "client", check=0)
        text = self.in_head(CLIENT)
        self.assertIn("tier: A", text)
        self.assertIn("stage: client", text)

    def test_a_reset_that_drops_crms_commit_is_the_persons_choice(self):
        self.crm_in("set", "acme", "tier", "A", check=0)
        self.git("reset", "-q", "HEAD~1")  # keeps the change on disk, uncommitted
        r = self.crm_in("log-visit", "beta", "Call", check=0)
        self.assertNotIn("commits it again", r.err)
        self.assertNotIn(CLIENT, self.last_commit_files())
        self.assertNotIn("tier: A", self.in_head(CLIENT))
        self.assertIn("tier: A", (self.dir / CLIENT).read_text())
        # ... and it stays theirs: crm refuses to edit it, as any file with changes.
        r = self.crm_in("set", "acme", "stage", "client", check=1)
        self.assertIn(f"crm: error: {CLIENT} has changes that are not committed", r.err)

    def test_a_revert_in_git_is_not_undone(self):
        self.crm_in("set", "acme", "tier", "A", check=0)
        self.git("revert", "--no-edit", "HEAD")
        r = self.crm_in("log-visit", "beta", "Call", check=0)
        self.assertNotIn("commits it again", r.err)
        self.assertNotIn("tier: A", self.in_head(CLIENT))
        self.assertNotIn("tier: A", (self.dir / CLIENT).read_text())


if __name__ == "__main__":
    unittest.main()
