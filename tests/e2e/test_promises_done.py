"""crm promises and crm done: numbering shared by both, the one-line edit, the commit."""
import json
import unittest

from harness import CrmTestCase

VISIT = """\
# Visit notes, typed by hand.
date: 2026-11-16
by: Alice Smith
kind: visit

promises:   # what we owe Jane
  - what: Send capability statement
    due: 2026-11-30      # she needs it for the board
  - what: 'Send revised fee proposal: Phase 2'
    due: 2026-11-20

  - what: Call back about the depot
actions:
  - what: Ask Bob for a cost estimate
    due: 2026-11-25
next_contact: 2027-01-10
notes: |
  Free text.
"""


class PromisesDoneTest(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.write("clients/acme/client.yaml",
                   "name: Acme Engineering Pty Ltd\nstage: client\ntier: A\n"
                   "owner: Alice Smith\nsince: 2026-01-01\n")
        self.write("clients/beta/client.yaml",
                   "name: Beta Water\nstage: client\ntier: A\nowner: Bob Jones\nsince: 2026-01-01\n")
        self.visit_path = "clients/acme/visits/2026-11-16-alice-smith-aaaaaa.yaml"
        self.write(self.visit_path, VISIT)
        self.write("clients/beta/visits/2026-11-10-bob-jones-bbbbbb.yaml",
                   "date: 2026-11-10\nby: Bob Jones\npromises:\n  - what: Send the pump report\n"
                   "    due: 2026-11-12\nnext_contact: 2027-01-10\n")
        self.git("add", "-A")
        self.git("commit", "-qm", "hand-written")

    def promises(self, *args):
        return json.loads(self.crm_in("promises", "--format", "json", *args, check=0).out)

    def test_promises_are_numbered_per_client_soonest_first(self):
        items = self.promises()
        self.assertEqual([(i["client"], i["number"], i["what"]) for i in items], [
            ("beta", 1, "Send the pump report"),
            ("acme", 1, "Send revised fee proposal: Phase 2"),
            ("acme", 2, "Ask Bob for a cost estimate"),
            ("acme", 3, "Send capability statement"),
            ("acme", 4, "Call back about the depot"),
        ])
        self.assertTrue(items[0]["overdue"])
        table = self.crm_in("promises", check=0).out
        self.assertIn("11d overdue", table)
        self.assertIn("no date", table)
        # Filters hide rows but keep the numbers.
        self.assertEqual([(i["client"], i["number"]) for i in self.promises("--overdue")],
                         [("beta", 1), ("acme", 1)])
        self.assertEqual([i["number"] for i in self.promises("--mine")], [1, 2, 3, 4])
        self.assertEqual([i["number"] for i in self.promises("acme", "--overdue")], [1])

    def test_done_by_number_adds_one_line_and_commits(self):
        before = (self.dir / self.visit_path).read_text()
        r = self.crm_in("done", "acme", "3", check=0)
        self.assertIn("Send capability statement", r.err)
        after = (self.dir / self.visit_path).read_text()
        self.assertEqual(after, before.replace(
            "    due: 2026-11-30      # she needs it for the board\n",
            "    due: 2026-11-30      # she needs it for the board\n    done: 2026-11-23\n"))
        v = self.load(self.visit_path)
        self.assertEqual(str(v["promises"][0]["done"]), "2026-11-23")
        self.assertNotIn("done", v["promises"][1])
        self.assertEqual(self.last_commit_files(), [self.visit_path])
        self.assertEqual(self.last_commit_message(),
                         "done: Acme Engineering Pty Ltd: Send capability statement")
        self.assertEqual(self.git("status", "--porcelain"), "")
        # Delivered: gone from due and from promises; the others are renumbered.
        due = json.loads(self.crm_in("due", "--format", "json", check=0).out)["items"]
        self.assertNotIn("Send capability statement", [i["what"] for i in due])
        self.assertEqual([i["what"] for i in self.promises("acme")],
                         ["Send revised fee proposal: Phase 2", "Ask Bob for a cost estimate",
                          "Call back about the depot"])
        listed = self.promises("acme", "--all")
        self.assertEqual(listed[-1]["what"], "Send capability statement")
        self.assertIsNone(listed[-1]["number"])

    def test_done_by_text_with_date_and_item_without_due(self):
        self.crm_in("done", "Acme", "depot", "--date", "yesterday", check=0)
        text = (self.dir / self.visit_path).read_text()
        self.assertIn("  - what: Call back about the depot\n    done: 2026-11-22\nactions:\n", text)
        self.crm_in("done", "acme", "ask", "bob", "for", "a", "cost", "estimate", check=0)  # no quotes
        v = self.load(self.visit_path)
        self.assertEqual(str(v["actions"][0]["done"]), "2026-11-23")
        self.assertEqual(self.commit_count(), 4)  # init, hand-written, two done

    def test_done_refuses_ambiguous_unknown_and_out_of_range(self):
        before = (self.dir / self.visit_path).read_text()
        r = self.crm_in("done", "acme", "send", check=1)
        self.assertIn("matches 2", r.err)
        self.assertIn("Send capability statement", r.err)
        r = self.crm_in("done", "acme", "9", check=1)
        self.assertIn("no item 9", r.err)
        self.crm_in("done", "acme", "nothing like it", check=1)
        r = self.crm_in("done", "acme", check=1)
        self.assertIn("which one", r.err)
        self.crm_in("done", "acme", "1", "--date", "tomorrow", check=2)
        self.crm_in("done", "acme", "1", "--date", "someday", check=2)
        self.assertEqual((self.dir / self.visit_path).read_text(), before)
        self.assertEqual(self.commit_count(), 2)
        # The only open item needs no ITEM.
        self.crm_in("done", "beta", check=0)
        self.assertEqual(str(self.load("clients/beta/visits/2026-11-10-bob-jones-bbbbbb.yaml")
                             ["promises"][0]["done"]), "2026-11-23")
        self.crm_in("done", "beta", check=1)

    def test_done_refuses_a_plain_line_and_flow_style_leaving_the_file(self):
        path = "clients/beta/visits/2026-11-11-bob-jones-cccccc.yaml"
        self.write(path, "date: 2026-11-11\npromises:\n  - Plain promise\n"
                         "actions: [{what: Flow action, due: 2026-11-12}]\n")
        before = (self.dir / path).read_text()
        r = self.crm_in("done", "beta", "plain", check=1)
        self.assertIn("plain line of text", r.err)
        self.assertIn("hint:", r.err)
        r = self.crm_in("done", "beta", "flow", check=1)
        self.assertIn("flow style", r.err)
        self.assertEqual((self.dir / path).read_text(), before)

    def test_no_commit_writes_without_committing(self):
        self.crm_in("--no-commit", "done", "beta", "1", check=0)
        self.assertEqual(self.commit_count(), 2)
        self.assertIn("done: 2026-11-23", (self.dir / "clients/beta/visits/"
                                                      "2026-11-10-bob-jones-bbbbbb.yaml").read_text())


if __name__ == "__main__":
    unittest.main()
