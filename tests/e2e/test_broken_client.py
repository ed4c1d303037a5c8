"""A broken file never hides a client (spec section 3; issue 22, finding 7): a client whose
client.yaml cannot be read is matched by its folder's name, `show` names the problem and
shows the rest, `log-visit` still writes, `due` and `remind` keep its promises, actions
and follow-ups under its slug and warn, and `done CLIENT N` refuses numbers while a file
of that client cannot be read."""
import json
import unittest

from harness import CrmTestCase

ACME = "clients/acme-engineering"
BROKEN_CLIENT = """\
name: Acme Engineering
stage: client
tier: A
owner: Alice Smith
since: 2026-13-45
"""
VISIT_1 = """\
date: 2026-11-02
by: Alice Smith
kind: visit
promises:
  - what: Send the capability statement
    due: 2026-11-20
actions:
  - what: Ask Bob for a cost estimate
    due: 2026-11-27
"""
VISIT_2 = """\
date: 2026-11-09
by: Bob Jones
kind: call
promises:
  - what: Send the fee proposal
    due: 2026-11-26
"""
REVIEW = """\
date: 2026-11-10
by: Alice Smith
project: Bridge retrofit
rating: angry
"""


class BrokenClientTest(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.crm_in("add-client", "Beta Water", check=0)
        self.write(f"{ACME}/client.yaml", BROKEN_CLIENT)
        self.write(f"{ACME}/visits/2026-11-02-alice-smith-aaaaaa.yaml", VISIT_1)
        self.write(f"{ACME}/visits/2026-11-09-bob-jones-bbbbbb.yaml", VISIT_2)
        self.write(f"{ACME}/reviews/2026-11-10-alice-smith-cccccc.yaml", REVIEW)
        self.git("add", "-A")
        self.git("commit", "-qm", "a client with a bad date")

    def test_client_matches_its_folder_name(self):
        for query in ("acme-engineering", "acme", "engineering"):
            r = self.crm_in("show", query)
            self.assertEqual(r.code, 1, r)
            self.assertNotIn("no client matches", r.err)
            self.assertTrue(r.out.startswith("acme-engineering"), r)

    def test_show_names_the_problem_and_shows_the_other_files(self):
        r = self.crm_in("show", "acme")
        self.assertEqual(r.code, 1, r)
        self.assertIn(f"{ACME}/client.yaml:5:8: since: '2026-13-45' is not a date", r.out)
        self.assertIn("crm edit acme-engineering", r.out)
        self.assertIn("crm edit acme-engineering", r.err)
        for what in ("Send the capability statement", "Ask Bob for a cost estimate",
                     "Send the fee proposal", "review: angry"):
            self.assertIn(what, r.out)
        j = json.loads(self.crm_in("show", "acme", "--format", "json").out)
        self.assertTrue(j["unreadable"])
        self.assertIn("client.yaml:5:8", j["problem"])
        self.assertEqual(len(j["visits"]), 2)
        self.assertEqual(len(j["open"]), 3)

    def test_log_visit_still_writes_and_commits(self):
        r = self.crm_in("log-visit", "acme", "Called about the bridge", check=0)
        self.assertIn("client.yaml:5:8", r.err)
        self.assertEqual(self.last_commit_files(), [r.out.strip()])
        self.assertTrue(self.last_commit_message().startswith("log-visit: acme-engineering"))

    def test_due_keeps_its_promises_actions_and_follow_up_under_the_slug(self):
        r = self.crm_in("due", "--format", "json")
        self.assertEqual(r.code, 1, r)
        self.assertIn(f"{ACME}/client.yaml:5:8", r.err)
        items = [i for i in json.loads(r.out)["items"] if i["client"] == "acme-engineering"]
        self.assertEqual(sorted((i["type"], i.get("what", "")) for i in items), [
            ("action", "Ask Bob for a cost estimate"),
            ("follow-up", "follow up the angry review of Bridge retrofit"),
            ("promise", "Send the capability statement"),
            ("promise", "Send the fee proposal"),
        ])
        self.assertTrue(all(i["name"] == "acme-engineering" for i in items))
        # The table says it too.
        table = self.crm_in("due")
        self.assertIn("Send the capability statement", table.out)
        self.assertEqual(table.code, 1)

    def test_remind_keeps_them_too(self):
        self.write("crm.yaml", (self.dir / "crm.yaml").read_text() +
                   "\nteam:\n  - {name: Alice Smith, email: alice@hp.example}\n"
                   "  - {name: Bob Jones, email: bob@hp.example}\n"
                   "mail:\n  from: crm@hp.example\n")
        self.git("commit", "-qam", "team")
        r = self.crm_in("remind", "--dry-run")
        self.assertEqual(r.code, 1, r)
        self.assertIn(f"{ACME}/client.yaml:5:8", r.err)
        # Promises and actions are their makers' to keep; the follow-up is the owner's,
        # whom only the unreadable file knows, and is named as nobody's.
        for what in ("Send the capability statement", "Ask Bob for a cost estimate",
                     "Send the fee proposal"):
            self.assertIn(what, r.out)
        self.assertIn("items of people not in the team ((nobody)) go to everyone", r.err)
        # ...and to everyone, in a section of their own: nothing due goes unmailed.
        self.assertEqual(r.out.count("nobody in the team:"), 2, r.out)

    def test_done_refuses_numbers_while_a_file_of_the_client_cannot_be_read(self):
        self.write(f"{ACME}/client.yaml", BROKEN_CLIENT.replace("2026-13-45", "2026-01-05"))
        # Another visit of the client is broken: its items would shift the numbers.
        self.write(f"{ACME}/visits/2026-11-01-eve-dddddd.yaml",
                   "date: 2026-11-01\nby: Eve\npromises:\n  - what: Early promise\n    due: 2026-13-01\n")
        self.git("add", "-A")
        self.git("commit", "-qm", "fixed one, broke another")
        head = self.git("rev-parse", "HEAD")
        for args in (("done", "acme", "1"), ("done", "acme")):
            r = self.crm_in(*args)
            self.assertEqual(r.code, 1, r)
            self.assertIn("item numbers of acme-engineering are refused while "
                          f"{ACME}/visits/2026-11-01-eve-dddddd.yaml cannot be read", r.err)
            self.assertEqual(self.git("rev-parse", "HEAD"), head)
        r = self.crm_in("done", "acme", "fee proposal")
        self.assertEqual(r.code, 1, r)  # done, with the unreadable file warned about
        self.assertIn("marked done", r.err)
        self.assertIn("Send the fee proposal", self.last_commit_message())
        self.assertIn("done: 2026-11-23", (self.dir / f"{ACME}/visits/2026-11-09-bob-jones-bbbbbb.yaml").read_text())


if __name__ == "__main__":
    unittest.main()
