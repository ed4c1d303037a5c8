"""crm opportunity add|set|won|lost, and opportunities in due, show, search, export, check."""
import csv
import io
import json
import os
import unittest

from harness import CrmTestCase, changed_lines
from shells import Shells

ACME = "clients/acme-engineering"

# An opportunity as a person edits it: comments, a blank line, quoting, a custom key.
HAND = """\
# Depot expansion - Jane's pet project. Keep this comment!
title: 'Depot expansion stage 2'   # as the client calls it
by: Alice Smith
owner: Alice Smith
stage: pre-scoping

value: 180000      # our estimate, ex GST
engaged: 2026-10-02
rfp_expected: 2027-03-01
decision_expected: 2027-05-15
next_step: "Site walk with the depot manager"
next_step_due: 2026-12-10
sector: 'transport'  # custom
notes: |
  Depot manager is new.
  # this line is part of the notes
"""
HAND_FILE = f"{ACME}/opportunities/2026-10-02-alice-smith-d3p0t1.yaml"



class OpportunityCase(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.crm_in("add-client", "Acme Engineering", "--owner", "Alice Smith", check=0)
        self.crm_in("add-client", "Beta Water", "--owner", "Bob Jones", check=0)

    def add(self, *args, client="acme"):
        r = self.crm_in("opportunity", "add", client, *args, check=0)
        path = r.out.strip()
        self.assertTrue((self.dir / path).is_file(), r)
        return path

    def files(self):
        return sorted(p.relative_to(self.dir).as_posix()
                      for p in (self.dir / "clients").rglob("opportunities/*"))

    def check_clean(self):
        r = self.crm_in("check", check=0)
        self.assertIn("no problems", r.err)

    def hand_written(self):
        self.write(HAND_FILE, HAND)
        self.git("add", "-A")
        self.git("commit", "-q", "-m", "hand edit")

    def text(self, relative=HAND_FILE):
        return (self.dir / relative).read_text(encoding="utf-8")

    def assertRefused(self, args, code, *words):
        """The command fails with `code` naming `words`, and writes and commits nothing."""
        before_files, before_commits = self.files(), self.commit_count()
        before_texts = {f: self.text(f) for f in before_files}
        r = self.crm_in(*args, check=code)
        for w in words:
            self.assertIn(w, r.err)
        self.assertTrue(r.err.startswith("crm: error: "), r.err)
        self.assertEqual(self.files(), before_files)
        self.assertEqual({f: self.text(f) for f in before_files}, before_texts)
        self.assertEqual(self.commit_count(), before_commits)
        return r


class AddTest(OpportunityCase):
    def test_add_with_defaults_prints_the_path_and_commits_it(self):
        path = self.add("Depot expansion stage 2")
        self.assertRegex(path, r"^clients/acme-engineering/opportunities/"
                               r"2026-11-23-alice-smith-[0-9a-f]{6}\.yaml$")
        data = self.load(path)
        self.assertEqual(data, {"title": "Depot expansion stage 2", "by": "Alice Smith",
                                "owner": "Alice Smith", "stage": "pre-scoping",
                                "engaged": __import__("datetime").date(2026, 11, 23)})
        self.assertEqual(self.last_commit_files(), [path])
        self.assertEqual(self.last_commit_message(),
                         "opportunity add: Acme Engineering: Depot expansion stage 2")
        self.check_clean()

    def test_add_with_every_option(self):
        path = self.add("Depot expansion stage 2", "--value", "180000", "--probability", "15",
                        "--stage", "proposal", "--engaged", "2026-10-02", "--rfp", "2027-03-01",
                        "--decision", "2027-05-15",
                        "--next-step", "Site walk with the depot manager by 2026-12-10",
                        "--owner", "Bob Jones", "--note", "Jane's pet project: #1")
        data = self.load(path)
        self.assertEqual(data["value"], 180000)
        self.assertEqual(data["probability"], 15)
        self.assertEqual(data["stage"], "proposal")
        self.assertEqual(str(data["engaged"]), "2026-10-02")
        self.assertEqual(str(data["rfp_expected"]), "2027-03-01")
        self.assertEqual(str(data["decision_expected"]), "2027-05-15")
        self.assertEqual(data["next_step"], "Site walk with the depot manager")
        self.assertEqual(str(data["next_step_due"]), "2026-12-10")
        self.assertEqual(data["owner"], "Bob Jones")
        self.assertEqual(data["by"], "Alice Smith")
        self.assertEqual(data["notes"], "Jane's pet project: #1")
        self.assertNotIn("rfp_since", data)
        self.check_clean()

    def test_relative_dates_and_a_decimal_value(self):
        path = self.add("Pier", "--value", "12500.50", "--engaged", "-3m", "--rfp", "eoy",
                        "--decision", "+2m", "--next-step", "Call Jane by fri")
        data = self.load(path)
        self.assertEqual(data["value"], 12500.5)
        self.assertEqual(str(data["engaged"]), "2026-08-23")
        self.assertEqual(str(data["rfp_expected"]), "2026-12-31")
        self.assertEqual(str(data["decision_expected"]), "2027-01-23")
        self.assertEqual(str(data["next_step_due"]), "2026-11-27")
        self.check_clean()

    def test_added_in_the_rfp_stage_the_rfp_is_out_today(self):
        data = self.load(self.add("Haul road", "--stage", "rfp"))
        self.assertEqual(str(data["rfp_since"]), "2026-11-23")

    def test_text_any_parser_reads_back(self):
        for title in ("yes", "2026-01-01", "- dash", "a: b # c", "017"):
            self.assertEqual(self.load(self.add(title))["title"], title)

    def test_bad_options_are_usage_errors_and_write_nothing(self):
        cases = [
            (["--value", "180,000"], "'180,000' is not a non-negative number"),
            (["--value", "-5"], "--value: '-5'"),
            (["--value", "1e5"], "--value: '1e5'"),
            (["--value", "lots"], "180000 or 12500.50"),
            (["--probability", "150"], "--probability: '150' is not a probability from 0 to 100"),
            (["--probability", "-1"], "--probability: '-1'"),
            (["--probability", "high"], "from 0 to 100"),
            (["--stage", "hot"], "--stage: 'hot' is not one of pre-scoping, rfp, proposal, negotiation"),
            (["--stage", "won"], "'won' ends an opportunity"),
            (["--stage", "lost"], "crm opportunity lost"),
            (["--rfp", "2027-06-01", "--decision", "2027-05-15"],
             "rfp_expected 2027-06-01 is after decision_expected 2027-05-15"),
            (["--engaged", "2026-12-01"], "--engaged: Tue 2026-12-01 is in the future"),
            (["--engaged", "someday"], "--engaged"),
            (["--rfp", "soonish"], "--rfp"),
            (["--next-step", "Call Jane by fri 31st"], "--next-step"),
            (["--next-step", "   "], "--next-step: the text is empty"),
        ]
        for args, message in cases:
            with self.subTest(args=args):
                self.assertRefused(["opportunity", "add", "acme", "Depot", *args], 2, message)
        self.assertRefused(["opportunity", "add", "acme", "  "], 2, "TITLE: the text is empty")
        self.assertRefused(["opportunity", "add", "acme"], 2)
        self.assertRefused(["opportunity", "add", "nobody-here", "Depot"], 1, "no client matches")
        self.assertRefused(["opportunity"], 2)
        self.assertRefused(["opportunity", "frobnicate"], 2)

    def test_no_commit(self):
        before = self.commit_count()
        r = self.crm_in("--no-commit", "opportunity", "add", "acme", "Depot", check=0)
        self.assertTrue((self.dir / r.out.strip()).is_file())
        self.assertEqual(self.commit_count(), before)


class SetTest(OpportunityCase):
    def setUp(self):
        super().setUp()
        self.hand_written()

    def assertOnlyChanged(self, removed, added):
        self.assertEqual(changed_lines(HAND, self.text()), (removed, added))

    def test_set_changes_one_line_keeps_every_other_byte(self):
        self.crm_in("opportunity", "set", "acme", "depot", "probability", "40", check=0)
        self.assertOnlyChanged([], ["probability: 40\n"])
        self.assertEqual(self.last_commit_files(), [HAND_FILE])
        self.assertEqual(self.last_commit_message(),
                         "opportunity set: Acme Engineering: Depot expansion stage 2")
        self.crm_in("opportunity", "set", "acme", "depot", "value", "200000", check=0)
        self.assertOnlyChanged(["value: 180000      # our estimate, ex GST\n"],
                               ["value: 200000      # our estimate, ex GST\n", "probability: 40\n"])
        self.check_clean()

    def test_stage_rfp_records_when_the_rfp_came_out(self):
        self.crm_in("opportunity", "set", "acme", "depot", "stage", "rfp", check=0)
        self.assertOnlyChanged(["stage: pre-scoping\n"], ["stage: rfp\n", "rfp_since: 2026-11-23\n"])
        # Later stages keep the day the RFP came out.
        self.crm_in("opportunity", "set", "acme", "depot", "stage", "proposal",
                    env={"CRM_TODAY": "2026-12-01"}, check=0)
        self.crm_in("opportunity", "set", "acme", "depot", "stage", "rfp",
                    env={"CRM_TODAY": "2026-12-05"}, check=0)
        self.assertEqual(str(self.load(HAND_FILE)["rfp_since"]), "2026-11-23")
        self.check_clean()

    def test_dates_next_step_text_and_custom_keys(self):
        self.crm_in("opportunity", "set", "acme", "depot", "rfp", "2027-02-15", check=0)
        self.crm_in("opportunity", "set", "acme", "depot", "decision_expected", "2027-06-01",
                    check=0)
        self.crm_in("opportunity", "set", "acme", "depot", "next_step",
                    "Send the capability statement by 2026-12-01", check=0)
        self.crm_in("opportunity", "set", "acme", "depot", "title", "Depot: stage 2", check=0)
        self.crm_in("opportunity", "set", "acme", "depot", "owner", "Bob Jones", check=0)
        self.crm_in("opportunity", "set", "acme", "depot", "engaged", "2026-09-15", check=0)
        self.crm_in("opportunity", "set", "acme", "depot", "sector", "water: ports", check=0)
        data = self.load(HAND_FILE)
        self.assertEqual(str(data["rfp_expected"]), "2027-02-15")
        self.assertEqual(str(data["decision_expected"]), "2027-06-01")
        self.assertEqual(data["next_step"], "Send the capability statement")
        self.assertEqual(str(data["next_step_due"]), "2026-12-01")
        self.assertEqual(data["title"], "Depot: stage 2")
        self.assertEqual(data["owner"], "Bob Jones")
        self.assertEqual(str(data["engaged"]), "2026-09-15")
        self.assertEqual(data["sector"], "water: ports")
        text = self.text()
        for kept in ("# Depot expansion - Jane's pet project. Keep this comment!\n",
                     "value: 180000      # our estimate, ex GST\n", "\n\n",
                     "  # this line is part of the notes\n"):
            self.assertIn(kept, text)
        self.check_clean()

    def test_unchanged_value_writes_nothing(self):
        before = self.commit_count()
        r = self.crm_in("opportunity", "set", "acme", "depot", "value", "180000", check=0)
        self.assertIn("nothing to change", r.err)
        self.assertEqual(self.commit_count(), before)
        self.assertEqual(self.text(), HAND)

    def test_bad_values_write_nothing(self):
        set_ = ["opportunity", "set", "acme", "depot"]
        self.assertRefused(set_ + ["probability", "150"], 2, "probability: '150'")
        self.assertRefused(set_ + ["value", "180k"], 2, "value: '180k' is not a non-negative number")
        self.assertRefused(set_ + ["stage", "hot"], 2, "stage: 'hot' is not one of")
        self.assertRefused(set_ + ["stage", "won"], 2, "crm opportunity won")
        self.assertRefused(set_ + ["won", "2026-11-01"], 2, "'won' cannot be set with crm opportunity set")
        self.assertRefused(set_ + ["lost", "2026-11-01"], 2, "--reason")
        self.assertRefused(set_ + ["by", "Bob"], 2, "by is who logged it")
        self.assertRefused(set_ + ["rfp_expected", "2027-06-01"], 2,
                           "rfp_expected 2027-06-01 is after decision_expected 2027-05-15")
        self.assertRefused(set_ + ["decision", "2027-02-01"], 2,
                           "rfp_expected 2027-03-01 is after decision_expected 2027-02-01")
        self.assertRefused(set_ + ["engaged", "2027-01-01"], 2, "engaged: Fri 2027-01-01 is in the future")
        self.assertRefused(set_ + ["next_step_due", "someday"], 2, "next_step_due")
        self.assertRefused(set_ + ["next_step", "Call by fri 31st"], 2, "next_step")
        self.assertRefused(set_ + ["title", " "], 2, "title: the text is empty")
        self.assertRefused(set_ + ["bad key!", "x"], 2, "is not a field name")
        self.assertEqual(self.text(), HAND)

    def test_a_file_that_cannot_be_edited_safely_is_left_alone(self):
        self.write(HAND_FILE, HAND.replace('next_step: "Site walk with the depot manager"\n',
                                           'next_step: "Site walk with\n  the depot manager"\n'))
        self.git("commit", "-qam", "a quoted value over two lines")
        self.assertRefused(["opportunity", "set", "acme", "depot", "next_step", "Call"], 1,
                           "cannot change")

    def test_an_unreadable_file_is_named(self):
        self.write(HAND_FILE, HAND.replace("value: 180000      # our estimate, ex GST\n",
                                           "value:\n  - 180000\n"))
        self.git("commit", "-qam", "a list where a number goes")
        r = self.crm_in("opportunity", "set", "acme", "depot", "value", "1", check=1)
        self.assertIn(f"{HAND_FILE}:8:3: value:", r.err)
        self.assertIn("could not be read", r.err)


class MatchTest(OpportunityCase):
    def setUp(self):
        super().setUp()
        self.depot = self.add("Depot expansion stage 2")
        self.depot2 = self.add("Depot expansion stage 3")
        self.pier = self.add("Pier inspection")

    def test_a_unique_piece_of_the_title_or_file_name_any_case(self):
        self.crm_in("opportunity", "set", "acme", "PIER", "value", "1", check=0)
        self.assertEqual(self.load(self.pier)["value"], 1)
        self.crm_in("opportunity", "set", "acme", "stage 3", "value", "3", check=0)
        self.assertEqual(self.load(self.depot2)["value"], 3)
        name = os.path.basename(self.depot)
        self.crm_in("opportunity", "set", "acme", name, "value", "2", check=0)
        self.crm_in("opportunity", "set", "acme", name[:-5].upper(), "probability", "20", check=0)
        self.crm_in("opportunity", "set", "acme", self.depot, "owner", "Bob Jones", check=0)
        data = self.load(self.depot)
        self.assertEqual((data["value"], data["probability"], data["owner"]), (2, 20, "Bob Jones"))
        # The whole title wins over a piece of another.
        self.add("Depot")
        self.crm_in("opportunity", "set", "acme", "depot", "value", "9", check=0)

    def test_ambiguous_or_none_lists_the_candidates(self):
        r = self.assertRefused(["opportunity", "set", "acme", "depot", "value", "1"], 1,
                               "'depot' matches 2 opportunities of acme-engineering",
                               "Depot expansion stage 2", "Depot expansion stage 3")
        self.assertNotIn("Pier", r.err)
        r = self.assertRefused(["opportunity", "won", "acme", "bridge"], 1,
                               "no opportunity of acme-engineering matches 'bridge'",
                               "Pier inspection", os.path.basename(self.pier))
        self.assertRefused(["opportunity", "won", "beta", "x"], 1, "beta-water has no opportunities")


class WonLostTest(OpportunityCase):
    def setUp(self):
        super().setUp()
        self.hand_written()

    def test_won_sets_stage_date_and_final_value(self):
        self.crm_in("opportunity", "won", "acme", "depot", "--value", "175000", "--date",
                    "2026-11-20", check=0)
        self.assertEqual(changed_lines(HAND, self.text()),
                         (["stage: pre-scoping\n", "value: 180000      # our estimate, ex GST\n"],
                          ["stage: won\n", "value: 175000      # our estimate, ex GST\n",
                           "won: 2026-11-20\n"]))
        self.assertEqual(self.last_commit_message(),
                         "opportunity won: Acme Engineering: Depot expansion stage 2")
        self.check_clean()
        # Lost after won: refused, nothing written.
        self.assertRefused(["opportunity", "lost", "acme", "depot", "--reason", "price"], 1,
                           "was won on 2026-11-20", "won or lost, not both", "crm edit")
        # Again: nothing to change.
        before = self.commit_count()
        self.crm_in("opportunity", "won", "acme", "depot", "--date", "2026-11-20", check=0)
        self.assertEqual(self.commit_count(), before)

    def test_lost_sets_stage_date_and_reason(self):
        self.crm_in("opportunity", "lost", "acme", "depot", "--reason", "price: 10% over", check=0)
        data = self.load(HAND_FILE)
        self.assertEqual(data["stage"], "lost")
        self.assertEqual(str(data["lost"]), "2026-11-23")
        self.assertEqual(data["lost_reason"], "price: 10% over")
        self.assertIn("# Depot expansion - Jane's pet project. Keep this comment!\n", self.text())
        self.check_clean()
        self.assertRefused(["opportunity", "won", "acme", "depot"], 1, "was lost on 2026-11-23")
        # A closed opportunity's stage stays as it ended.
        self.assertRefused(["opportunity", "set", "acme", "depot", "stage", "proposal"], 1,
                           "its stage stays")

    def test_bad_options(self):
        self.assertRefused(["opportunity", "won", "acme", "depot", "--value", "a lot"], 2, "--value")
        self.assertRefused(["opportunity", "won", "acme", "depot", "--date", "2026-12-01"], 2,
                           "--date: Tue 2026-12-01 is in the future")
        self.assertRefused(["opportunity", "lost", "acme", "depot"], 2, "--reason")
        self.assertRefused(["opportunity", "lost", "acme", "depot", "--reason", "  "], 2,
                           "--reason: the text is empty")
        self.assertRefused(["opportunity", "won", "acme"], 2)

    def test_a_broken_file_is_the_files_fault(self):
        self.write(HAND_FILE, HAND + "won: 2026-11-01\nlost: 2026-11-02\n")
        self.assertRefused(["opportunity", "set", "acme", "depot", "value", "1"], 1,
                           "won or lost, not both", "fix the file first")


class DueTest(OpportunityCase):
    def setUp(self):
        super().setUp()
        # Bob pursues an opportunity at Alice's client.
        self.add("Depot expansion", "--owner", "Bob Jones", "--rfp", "2026-12-20",
                 "--decision", "2027-02-01", "--next-step", "Site walk by 2026-11-26")
        self.add("Later job", "--rfp", "2027-06-01", "--next-step", "Call Jane by 2027-01-10")
        won = self.add("Won job", "--rfp", "2026-12-01", "--next-step", "Kick-off by 2026-11-25")
        self.crm_in("opportunity", "won", "acme", "won job", check=0)
        self.lost = self.add("Lost job", "--next-step", "x by 2026-11-25", client="beta")
        self.crm_in("opportunity", "lost", "beta", "lost job", "--reason", "price", check=0)
        self.won = won

    def items(self, *args):
        data = json.loads(self.crm_in("due", "--format", "json", *args, check=0).out)
        return [i for i in data["items"] if i["type"] in ("next-step", "rfp")]

    def test_next_step_and_rfp_items_in_json(self):
        items = self.items()
        self.assertEqual([(i["type"], i["due"], i["overdue"]) for i in items],
                         [("rfp", "2026-11-20", True), ("next-step", "2026-11-26", False)])
        rfp, step = items
        self.assertEqual(rfp["what"],
                         "RFP for Depot expansion expected 2026-12-20: be in touch before it's out")
        self.assertEqual(rfp["owner"], "Bob Jones")
        self.assertEqual(rfp["client"], "acme-engineering")
        self.assertEqual(rfp["name"], "Acme Engineering")
        self.assertEqual(step["what"], "Site walk")
        self.assertEqual(step["owner"], "Bob Jones")
        self.assertEqual(step["by"], "Alice Smith")
        self.assertTrue(step["file"].startswith("clients/acme-engineering/opportunities/"))
        # A wider window takes the later ones; won and lost ones never come.
        self.assertEqual([i["what"] for i in self.items("--until", "2027-06-01")],
                         ["RFP for Depot expansion expected 2026-12-20: be in touch before it's out",
                          "Site walk", "Call Jane",
                          "RFP for Later job expected 2027-06-01: be in touch before it's out"])

    def test_owner_and_mine_go_by_the_opportunitys_owner(self):
        self.assertEqual(len(self.items("--owner", "Bob Jones")), 2)
        self.assertEqual(self.items("--owner", "Alice Smith"), [])
        self.assertEqual(self.items("--mine"), [])
        bob = json.loads(self.crm_in("due", "--format", "json", "--mine",
                                     env={"CRM_USER": "Bob Jones"}, check=0).out)["items"]
        self.assertEqual([(i["type"], i["client"]) for i in bob],
                         [("rfp", "acme-engineering"), ("contact", "beta-water"),
                          ("next-step", "acme-engineering")])
        # The client's own contact item stays Alice's.
        alice = json.loads(self.crm_in("due", "--format", "json", "--owner", "Alice Smith",
                                       check=0).out)["items"]
        self.assertEqual([i["type"] for i in alice], ["contact"])

    def test_rfp_item_goes_when_the_rfp_is_out(self):
        self.crm_in("opportunity", "set", "acme", "depot", "stage", "rfp", check=0)
        self.assertEqual([i["type"] for i in self.items()], ["next-step"])

    def test_every_format(self):
        table = self.crm_in("due", env={"COLUMNS": "200"}, check=0).out
        self.assertIn("rfp        Acme Engineering  RFP for Depot expansion expected 2026-12-20",
                      table)
        self.assertIn("next-step  Acme Engineering  Site walk (next step of the opportunity "
                      "Depot expansion)", table)
        rows = list(csv.DictReader(io.StringIO(self.crm_in("due", "--format", "csv",
                                                           check=0).out)))
        self.assertEqual([(r["type"], r["due"], r["owner"]) for r in rows if r["type"] != "contact"],
                         [("rfp", "2026-11-20", "Bob Jones"), ("next-step", "2026-11-26", "Bob Jones")])
        md = self.crm_in("due", "--format", "markdown", check=0).out
        self.assertIn("| rfp | Acme Engineering | RFP for Depot expansion expected 2026-12-20: "
                      "be in touch before it's out | Bob Jones |", md)
        self.assertIn("| next-step | Acme Engineering | Site walk (next step of the opportunity "
                      "Depot expansion) | Bob Jones |", md)
        ics = self.crm_in("due", "--format", "ics", check=0).out
        self.assertIn("SUMMARY:RFP: Acme Engineering: RFP for Depot expansion expected", ics)
        self.assertIn("SUMMARY:Next step: Acme Engineering: Site walk", ics)
        self.assertIn("CATEGORIES:next-step", ics)
        uids = sorted(l for l in ics.splitlines() if l.startswith("UID:"))
        self.assertTrue(any(u.startswith("UID:rfp-acme-engineering-") for u in uids))
        self.assertTrue(any(u.startswith("UID:next-step-acme-engineering-") for u in uids))
        # The UIDs name the thing to do, not its date: moving the step keeps them.
        self.crm_in("opportunity", "set", "acme", "depot", "next_step_due", "2026-11-28", check=0)
        again = self.crm_in("due", "--format", "ics", check=0).out
        self.assertEqual(sorted(l for l in again.splitlines() if l.startswith("UID:")), uids)


class ShowSearchExportTest(OpportunityCase):
    def setUp(self):
        super().setUp()
        self.hand_written()
        self.add("Pier inspection", "--value", "12000")
        self.crm_in("opportunity", "won", "acme", "pier", check=0)

    def test_show_lists_the_open_ones_with_next_step_and_rfp(self):
        out = self.crm_in("show", "acme", check=0).out
        self.assertIn("Open opportunities\n"
                      "  Depot expansion stage 2  pre-scoping, 180,000 at 10%, Alice Smith\n"
                      "      next step: Site walk with the depot manager  (2026-12-10, in 17 days)\n"
                      "      RFP expected 2027-03-01; decision expected 2027-05-15\n"
                      "  won 1, lost 0 (see crm pipeline)\n", out)
        data = json.loads(self.crm_in("show", "acme", "--format", "json", check=0).out)
        self.assertEqual([o["title"] for o in data["opportunities"]],
                         ["Pier inspection", "Depot expansion stage 2"])
        self.assertEqual(data["opportunities"][1]["custom"], {"sector": "transport"})

    def test_search_finds_them_with_file_and_line(self):
        r = self.crm_in("search", "depot manager", "--format", "json", check=0)
        hits = json.loads(r.out)
        self.assertIn({"client": "acme-engineering", "name": "Acme Engineering",
                       "file": HAND_FILE, "line": 11,
                       "text": 'next_step: "Site walk with the depot manager"'}, hits)

    def test_export_json_nests_them_and_csv_has_a_table(self):
        data = json.loads(self.crm_in("export", check=0).out)
        acme = [c for c in data["clients"] if c["slug"] == "acme-engineering"][0]
        self.assertEqual(len(acme["opportunities"]), 2)
        depot = acme["opportunities"][0]
        self.assertEqual(depot["value"], 180000)
        self.assertEqual(depot["file"], HAND_FILE)
        self.assertEqual(acme["opportunities"][1]["stage"], "won")
        rows = list(csv.DictReader(io.StringIO(
            self.crm_in("export", "--format", "csv", "--what", "opportunities", check=0).out)))
        self.assertEqual(len(rows), 2)
        self.assertEqual(list(rows[0])[:5], ["client", "name", "title", "by", "owner"])
        self.assertEqual(rows[0]["title"], "Depot expansion stage 2")
        self.assertEqual(rows[0]["value"], "180000")
        self.assertEqual(rows[1]["won"], "2026-11-23")

    def test_portfolio_has_the_value_won_in_12_months(self):
        data = json.loads(self.crm_in("portfolio", "--format", "json", check=0).out)
        won = {c["client"]: c["won_12m"] for t in data["tiers"] for c in t["clients"]}
        self.assertEqual(won, {"acme-engineering": 12000, "beta-water": 0})
        out = self.crm_in("portfolio", env={"COLUMNS": "200"}, check=0).out
        self.assertIn("WON 12M", out)
        self.assertIn("12,000", out)

    def test_edit_opens_an_opportunity_file(self):
        r = self.crm_in("edit", "acme", "--visit", os.path.basename(HAND_FILE),
                        env={"EDITOR": "true", "VISUAL": "true"}, check=0)
        self.assertIn("no changes", r.err)


class CheckTest(OpportunityCase):
    def test_check_names_each_problem_with_file_and_line(self):
        bad = f"{ACME}/opportunities/2026-11-01-x-aaaaaa.yaml"
        self.write(bad, "title: A\nstage: hot\nvalue: 180,000\nprobability: 150\n"
                        "rfp_expected: 2027-06-01\ndecision_expected: 2027-05-15\n"
                        "won: 2026-11-01\nlost: 2026-11-02\nnext_step_due: 2026-13-01\n")
        r = self.crm_in("check", check=1)
        for line in (f"{bad}:2:8: stage: unknown stage 'hot'",
                     f"{bad}:3:8: value: '180,000' is not a non-negative number",
                     f"{bad}:4:14: probability: '150' is not a percentage from 0 to 100",
                     f"{bad}:9:16: next_step_due: '2026-13-01' is not a date",
                     f"{bad}:8:7: an opportunity is won or lost, not both",
                     f"{bad}:5:15: rfp_expected 2027-06-01 is after decision_expected 2027-05-15"):
            self.assertIn(line, r.out)

    def test_a_broken_file_warns_and_the_reports_go_on(self):
        self.add("Good one", "--next-step", "Call by 2026-11-25")
        self.write(f"{ACME}/opportunities/2026-11-01-x-aaaaaa.yaml", "title: [a\n")
        r = self.crm_in("due", "--format", "json", check=1)
        self.assertIn("next-step", [i["type"] for i in json.loads(r.out)["items"]])
        self.assertIn("2026-11-01-x-aaaaaa.yaml", r.err)
        self.crm_in("pipeline", check=1)

    def test_hidden_files_are_nobodys_opportunity(self):
        self.write(f"{ACME}/opportunities/.2026-11-01-x.yaml.swp", "title: [broken\n")
        self.write(f"{ACME}/opportunities/.hidden.yaml",
                   "title: Hidden\nnext_step_due: 2026-11-24\n")
        self.crm_in("check", check=0)
        self.assertEqual([i for i in json.loads(self.crm_in("due", "--format", "json",
                                                            check=0).out)["items"]
                          if i["type"] == "next-step"], [])
        self.assertEqual(json.loads(self.crm_in("pipeline", "--format", "json", check=0).out)["open"], [])
        self.assertNotIn("Hidden", self.crm_in("show", "acme", check=0).out)
        self.crm_in("search", "Hidden", check=1)

    def test_the_cache_sees_a_hand_edit(self):
        path = self.add("Depot", "--next-step", "Call by 2026-11-25")
        self.crm_in("due", check=0)  # fills the cache
        text = (self.dir / path).read_text().replace("2026-11-25", "2026-11-26")
        (self.dir / path).write_text(text)
        items = json.loads(self.crm_in("due", "--format", "json", check=0).out)["items"]
        self.assertIn("2026-11-26", [i["due"] for i in items if i["type"] == "next-step"])


class CompletionTest(OpportunityCase):
    def complete(self, *words):
        """What bash offers (shells.py), each word as bash would insert it."""
        return Shells(self).candidates("bash", *words)

    def test_review_project_completes_from_won_titles(self):
        self.add("Bridge retrofit stage 1")
        self.crm_in("opportunity", "won", "acme", "bridge", "--date", "2026-10-01", check=0)
        self.add("Pier works")
        self.crm_in("opportunity", "won", "acme", "pier", check=0)
        self.add("Still open")
        self.add("Lost one")
        self.crm_in("opportunity", "lost", "acme", "lost one", "--reason", "price", check=0)
        self.assertEqual(self.complete("review", "acme", "--project", ""),
                         ["Pier\\ works", "Bridge\\ retrofit\\ stage\\ 1"])
        self.assertEqual(self.complete("review", "acme", "--project", "Br"),
                         ["Bridge\\ retrofit\\ stage\\ 1"])
        self.assertEqual(self.complete("review", "beta", "--project", ""), [])
        # The titles are the client's named before --project, not the whole folder's.
        self.add("Beta reservoir", client="beta")
        self.crm_in("opportunity", "won", "beta", "reservoir", check=0)
        self.assertEqual(self.complete("review", "beta", "--project", ""), ["Beta\\ reservoir"])
        self.assertEqual(self.complete("review", "acme", "--project", ""),
                         ["Pier\\ works", "Bridge\\ retrofit\\ stage\\ 1"])

    def test_opportunity_titles_of_the_client_typed(self):
        self.add("Depot expansion stage 2")
        self.add("Pier works")
        self.crm_in("opportunity", "won", "acme", "pier", check=0)
        # Open ones first; the client's own, whatever it is called on the line.
        self.assertEqual(self.complete("opportunity", "set", "acme", ""),
                         ["Depot\\ expansion\\ stage\\ 2", "Pier\\ works"])
        self.assertEqual(self.complete("opportunity", "won", "\"Acme Engineering\"", "D"),
                         ["Depot\\ expansion\\ stage\\ 2"])
        self.assertEqual(self.complete("opportunity", "lost", "beta", ""), [])
        # FIELD, then the values of the field typed.
        self.assertIn("decision_expected", self.complete("opportunity", "set", "acme", "depot", ""))
        self.assertEqual(self.complete("opportunity", "set", "acme", "depot", "stage", ""),
                         ["pre-scoping", "rfp", "proposal", "negotiation"])

    def test_opportunity_subcommands_options_and_values(self):
        self.assertEqual(self.complete("opportunity", ""), ["add", "set", "won", "lost"])
        self.assertEqual(self.complete("opportunity", "w"), ["won"])
        self.assertEqual(self.complete("opportunity", "add", "ac"), ["acme-engineering"])
        self.assertIn("--next-step", self.complete("opportunity", "add", "acme", "T", "--n"))
        self.assertEqual(self.complete("opportunity", "add", "acme", "T", "--stage", ""),
                         ["pre-scoping", "rfp", "proposal", "negotiation"])
        self.assertEqual(self.complete("opportunity", "lost", "--re"), ["--reason"])
        self.assertEqual(self.complete("pipeline", "--format", ""), ["table", "json", "csv"])
        self.assertEqual(self.complete("due", "--format", "m"), ["markdown"])
        self.assertEqual(self.complete("add-client", "X", "--tier", ""), ["A", "B", "C"])
        # A flag takes no value: the word after it is the client.
        self.assertEqual(self.complete("log-visit", "--edit", "be"), ["beta-water"])

    def test_values_are_quiet_without_a_folder(self):
        r = self.crm("__complete", "opportunity", "add", "acme", "T", "--stage", "",
                     env={"CRM_DIR": str(self.tmp / "none")}, check=0)
        self.assertEqual((r.out, r.err), ("words\n", ""))
        r = self.crm("__complete", "review", "nobody", "--project", "",
                     env={"CRM_DIR": str(self.dir)}, check=0)
        self.assertEqual((r.out, r.err), ("words\n", ""))
        self.crm("completion", check=2)

if __name__ == "__main__":
    unittest.main()
