"""crm rename [--slug] and crm merge: a client's name and folder, two clients made one;
one commit each that git sees as renames, taken back exactly by crm undo."""
import shutil
import unittest

from lifeutil import LifeTestCase, changed_lines

KEEP = "clients/acme-engineering/client.yaml"
OTHER = "clients/acme-engineering-2/client.yaml"

KEEP_HAND = """\
# Our oldest client. Keep this comment!
name: Acme Engineering   # legal name
stage: client
tier: A
owner: Alice Smith
since: 2025-03-02
contacts:
  - name: Jane Doe
    email: jane@acme.example   # work
tags: [civil]
notes: |
  Our biggest account.
"""

OTHER_HAND = """\
name: ACME Eng.
stage: client
since: 2024-06-01
contacts:
  - name: J. Doe
    email: JANE@acme.example
    phone: "+61 2 5555 0100"
  - name: Tom Lee
    role: CFO
tags: [civil, water]
watchers: [Bob Jones]
notes: Met at the 2024 expo.
"""


class RenameTest(LifeTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.crm_in("add-client", "Acme Engineering", check=0)
        self.crm_in("add-client", "Beta Water", check=0)
        self.write(KEEP, KEEP_HAND)
        self.git("commit", "-qam", "hand edit")
        self.visit = self.crm_in("log-visit", "acme", "Phase 2 scope", check=0).out.strip()
        self.crm_in("done", "acme", check=1)  # nothing open: a second commit would need one
        self.crm_in("log-visit", "acme", "Again", "--date", "yesterday", check=0)

    def test_rename_changes_the_name_line_only(self):
        r = self.crm_in("rename", "acme", "Acme Engineering Pty Ltd", check=0)
        self.assertEqual(r.out, "acme-engineering\n")
        text = (self.dir / KEEP).read_text()
        self.assertEqual(changed_lines(KEEP_HAND, text),
                         (["name: Acme Engineering   # legal name\n"],
                          ["name: Acme Engineering Pty Ltd   # legal name\n"]))
        self.assertEqual(self.last_commit_message(),
                         "rename: Acme Engineering to Acme Engineering Pty Ltd")
        self.assertEqual(self.trailer(), "rename")
        self.assertCheckClean()

    def test_rename_slug_moves_the_folder_in_one_commit_git_follows(self):
        before = self.commit_count()
        r = self.crm_in("rename", "acme", "Acme Water", "--slug", check=0)
        self.assertEqual(r.out, "acme-water\n")
        self.assertFalse((self.dir / "clients/acme-engineering").exists())
        moved = self.visit.replace("acme-engineering", "acme-water")
        self.assertTrue((self.dir / moved).is_file())
        self.assertEqual(self.load("clients/acme-water/client.yaml")["name"], "Acme Water")
        self.assertEqual(self.commit_count(), before + 1)
        changes = self.git("show", "--format=", "--name-status", "-M", "HEAD").splitlines()
        self.assertIn(f"R100\t{self.visit}\t{moved}", changes)
        self.assertTrue(any(c.startswith("R0") or c.startswith("R") for c in changes
                            if "client.yaml" in c), changes)
        # The visit's history goes back through the move.
        log = self.git("log", "--follow", "--format=%s", "--", moved).splitlines()
        self.assertEqual(len(log), 2, log)
        self.assertTrue(log[1].startswith("log-visit: Acme Engineering"))
        self.assertEqual(self.git("status", "--porcelain"), "")
        self.assertCheckClean()

    def test_undo_of_a_slug_rename_brings_every_file_back(self):
        before = self.state()
        self.crm_in("rename", "acme", "Acme Water", "--slug", check=0)
        self.crm_in("undo", check=0)
        self.assertEqual(self.state(), before)
        self.assertFalse((self.dir / "clients/acme-water").exists())
        self.assertCheckClean()

    def test_a_name_another_client_has_is_refused(self):
        self.assertRefused("rename", "acme", "BETA WATER",
                           says="'BETA WATER' is already the name of clients/beta-water")

    def test_a_taken_slug_is_refused_in_any_case_and_beside_a_number(self):
        self.crm_in("add-client", "Delta", check=0)
        self.assertRefused("rename", "acme", "Beta-Water!", "--slug",
                           says="the slug 'beta-water' is taken by clients/beta-water (Beta Water)")
        self.write("clients/Gamma/client.yaml", "name: Gamma by hand\n")
        self.git("add", "-A")
        self.git("commit", "-qm", "a folder in capitals")
        self.assertRefused("rename", "acme", "gamma", "--slug", says="is taken by clients/Gamma")
        # delta-2 would stand beside delta: likely one client twice, which check reports.
        self.assertRefused("rename", "acme", "Delta 2", "--slug",
                           says="would stand beside clients/delta (Delta)")
        self.assertIn("crm merge delta acme-engineering", self.crm_in("rename", "acme", "Delta 2",
                                                                      "--slug").err)

    def test_a_numbered_slug_may_drop_its_number(self):
        self.write("clients/acme-engineering-2/client.yaml", "name: Acme Eng. 2\n")
        self.git("add", "-A")
        self.git("commit", "-qm", "the second one, from a teammate")
        self.crm_in("rm", "acme-engineering", "--yes", check=0)
        r = self.crm_in("rename", "acme-engineering-2", "Acme Engineering", "--slug", check=0)
        self.assertEqual(r.out, "acme-engineering\n")
        self.assertCheckClean()

    def test_uncommitted_changes_in_the_folder_stop_a_slug_rename(self):
        path = self.dir / self.visit
        path.write_text(path.read_text() + "# my note\n")
        self.assertRefused("rename", "acme", "Acme Water", "--slug",
                           says="changes git does not have yet")
        # Without --slug nothing moves: the name changes.
        self.crm_in("rename", "acme", "Acme Water", check=0)

    def test_the_same_name_changes_nothing(self):
        before = self.state()
        r = self.crm_in("rename", "acme", "Acme Engineering", check=0)
        self.assertIn("nothing to change", r.err)
        self.assertEqual(self.state(), before)
        self.assertRefused("rename", "acme", " ", code=2)
        self.assertRefused("rename", "zzz-none", "X", says="no client matches")


class MergeTest(LifeTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.crm_in("add-client", "Acme Engineering", check=0)
        # The same firm twice, as a teammate's clone added it (add-client itself refuses).
        self.write(KEEP, KEEP_HAND)
        self.write(OTHER, OTHER_HAND)
        self.git("add", "-A")
        self.git("commit", "-qm", "hand edits")
        self.keep_visit = self.crm_in("log-visit", "acme-engineering", "Kept", check=0).out.strip()
        self.other_visits = [
            self.crm_in("log-visit", "acme-engineering-2", "One", "--date", "-3d", check=0).out.strip(),
            self.crm_in("log-visit", "acme-engineering-2", "Two", check=0).out.strip()]
        self.crm_in("review", "acme-engineering-2", "--project", "Depot", "--rating", "happy",
                    check=0)
        self.other_review = self.git("ls-files", "clients/acme-engineering-2/reviews").strip()
        r = self.crm_in("check")
        self.assertIn("likely the same client as clients/acme-engineering", r.out)

    def test_merge_moves_records_unites_the_profile_in_one_commit(self):
        moved = {f: (self.dir / f).read_bytes() for f in self.other_visits + [self.other_review]}
        before = self.commit_count()
        r = self.crm_in("merge", "acme-engineering", "acme-engineering-2", check=0)
        self.assertEqual(r.out, "acme-engineering\n")
        self.assertIn("merged ACME Eng. (clients/acme-engineering-2) into Acme Engineering: "
                      "3 records moved, 1 contact added, 1 tag, 1 watcher", r.err)
        self.assertFalse((self.dir / "clients/acme-engineering-2").exists())
        for f, data in moved.items():
            self.assertEqual((self.dir / f.replace("acme-engineering-2", "acme-engineering"))
                             .read_bytes(), data)
        keep_dir = self.dir / "clients/acme-engineering"
        self.assertEqual(len(list((keep_dir / "visits").iterdir())), 3)
        self.assertEqual(len(list((keep_dir / "reviews").iterdir())), 1)
        text = (self.dir / KEEP).read_text()
        removed, added = changed_lines(KEEP_HAND, text)
        self.assertEqual(removed, ["since: 2025-03-02\n", "tags: [civil]\n"])
        self.assertIn("since: 2024-06-01\n", added)
        self.assertIn("tags: [civil, water]\n", added)
        self.assertTrue(text.startswith("# Our oldest client. Keep this comment!\n"
                                        "name: Acme Engineering   # legal name\n"))
        self.assertIn("    email: jane@acme.example   # work\n", text)
        data = self.load(KEEP)
        self.assertEqual(data["name"], "Acme Engineering")
        self.assertEqual(data["contacts"], [
            {"name": "Jane Doe", "email": "jane@acme.example", "phone": "+61 2 5555 0100"},
            {"name": "Tom Lee", "role": "CFO"}])
        self.assertEqual(data["watchers"], ["Bob Jones"])
        self.assertEqual(data["notes"], "Our biggest account.\n\nMet at the 2024 expo.\n")
        self.assertEqual(str(data["since"]), "2024-06-01")
        self.assertEqual(self.commit_count(), before + 1)
        self.assertEqual(self.last_commit_message(),
                         "merge: ACME Eng. into Acme Engineering (3 records)")
        changes = self.git("show", "--format=", "--name-status", "-M", "HEAD").splitlines()
        for f in moved:
            self.assertIn(f"R100\t{f}\t{f.replace('acme-engineering-2', 'acme-engineering')}",
                          changes)
        self.assertIn(f"D\t{OTHER}", changes)
        self.assertIn(f"M\t{KEEP}", changes)
        self.assertEqual(self.git("status", "--porcelain"), "")
        self.assertCheckClean()
        self.assertIn("Two", self.crm_in("show", "acme-engineering", check=0).out)

    def test_undo_of_a_merge_brings_every_file_back(self):
        before = self.state()
        self.crm_in("merge", "acme-engineering", "acme-engineering-2", check=0)
        self.crm_in("undo", check=0)
        self.assertEqual(self.state(), before)

    def test_differences_are_refused_unless_prefer_says_whose(self):
        self.crm_in("set", "acme-engineering-2", "tier", "B", check=0)
        self.crm_in("set", "acme-engineering-2", "ratings.potential", "2", check=0)
        self.crm_in("set", "acme-engineering", "ratings.potential", "5", check=0)
        self.assertRefused("merge", "acme-engineering", "acme-engineering-2",
                           says="differ in tier (A / B), ratings.potential (5 / 2)")
        self.crm_in("merge", "acme-engineering", "acme-engineering-2", "--prefer", "other",
                    check=0)
        data = self.load(KEEP)
        self.assertEqual((data["tier"], data["ratings"]["potential"]), ("B", 2))
        self.assertEqual(data["owner"], "Alice Smith")  # only KEEP has one: it stays
        self.assertCheckClean()

    def test_prefer_keep_keeps(self):
        self.crm_in("set", "acme-engineering-2", "owner", "Bob Jones", check=0)
        self.crm_in("merge", "acme-engineering", "acme-engineering-2", "--prefer", "keep",
                    check=0)
        self.assertEqual(self.load(KEEP)["owner"], "Alice Smith")

    def test_a_client_with_itself_and_unknown_clients_are_refused(self):
        self.assertRefused("merge", "acme-engineering", "acme-engineering", code=2,
                           says="a client cannot be merged with itself")
        self.assertRefused("merge", "acme-engineering", "nobody-at-all", says="no client matches")
        self.assertRefused("merge", "acme", "acme-engineering-2", says="matches 2 clients")
        self.assertRefused("merge", "acme-engineering", "acme-engineering-2", "--prefer", "both",
                           code=2)

    def test_a_file_that_is_no_record_or_is_not_committed_stops_it(self):
        self.write("clients/acme-engineering-2/contract.pdf", "%PDF")
        self.git("add", "-A")
        self.git("commit", "-qm", "a contract")
        self.assertRefused("merge", "acme-engineering", "acme-engineering-2",
                           says="clients/acme-engineering-2/contract.pdf is not a record crm knows")
        self.git("rm", "-q", "clients/acme-engineering-2/contract.pdf")
        self.git("commit", "-qm", "no contract")
        path = self.dir / self.other_visits[0]
        path.write_text(path.read_text() + "# not committed\n")
        self.assertRefused("merge", "acme-engineering", "acme-engineering-2",
                           says=f"{self.other_visits[0]} has changes git does not have yet")

    def test_a_step_that_fails_half_way_is_rolled_back(self):
        # The records move first; the new client.yaml cannot be written (crm's temporary
        # folder is a file): the moves are taken back, nothing is committed.
        before = self.state()
        shutil.rmtree(self.dir / ".crm/tmp", ignore_errors=True)
        (self.dir / ".crm/tmp").write_text("in the way\n")
        r = self.crm_in("merge", "acme-engineering", "acme-engineering-2")
        self.assertEqual(r.code, 1, r)
        self.assertIn("crm: error: cannot create", r.err)
        self.assertEqual(self.state(), before)
        (self.dir / ".crm/tmp").unlink()
        self.crm_in("merge", "acme-engineering", "acme-engineering-2", check=0)
        self.assertCheckClean()

    def test_a_record_name_both_have_is_refused(self):
        name = self.other_visits[0].split("/")[-1]
        self.write(f"clients/acme-engineering/visits/{name}", "date: 2026-11-20\n")
        self.git("add", "-A")
        self.git("commit", "-qm", "a copy")
        self.assertRefused("merge", "acme-engineering", "acme-engineering-2", says="exists already")


class LikelyDuplicatesTest(LifeTestCase):
    def test_check_points_out_likely_duplicates_and_still_passes(self):
        self.init()
        self.crm_in("add-client", "Acme", "--contact", "Jane <jane@acme.example>", check=0)
        self.crm_in("add-client", "Acme 2", check=0)
        self.crm_in("add-client", "Beta", "--contact", "J. Doe <JANE@acme.example>", check=0)
        r = self.crm_in("check", check=0)
        self.assertIn("warning: clients/acme-2/client.yaml: likely the same client as clients/acme:"
                      " the same slug but for its number (if so, merge them: crm merge acme acme-2)",
                      r.out)
        self.assertIn("warning: clients/beta/client.yaml: likely the same client as clients/acme: "
                      "both have the contact JANE@acme.example (if so, merge them: crm merge acme "
                      "beta)", r.out)
        self.assertIn("no problems; 2 likely duplicates (crm merge)", r.err)
        self.crm_in("merge", "acme", "acme-2", check=0)
        self.crm_in("merge", "acme", "beta", check=0)
        self.assertCheckClean()


if __name__ == "__main__":
    unittest.main()
