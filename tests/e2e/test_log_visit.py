"""crm log-visit: every option, promises and actions with dates, stdin, the date grammar."""
import datetime
import json
import unittest

from harness import CrmTestCase

D = datetime.date


class LogVisitTest(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.crm_in("add-client", "Acme Engineering", check=0)

    def log(self, *args, check=0, **kw):
        r = self.crm_in("log-visit", "acme", *args, check=check, **kw)
        return r.out.strip() if check == 0 else r

    def test_every_option(self):
        path = self.log("Talked phase 2", "--date", "fri", "--kind", "meeting",
                        "--where", "Their office, level 3", "--initiated-by", "client",
                        "--with", "Jane Doe", "--with", "Tom Lee",
                        "--discussed", "Phase 2 scope", "--discussed", "Budget",
                        "--new-topic", "New depot planned for 2027",
                        "--promise", "Send capability statement by 2026-11-30",
                        "--promise", "Call back",
                        "--action", "Ask Bob for a cost estimate by tomorrow",
                        "--next", "+3w", "--note", "Jane prefers email.")
        self.assertRegex(path, r"^clients/acme-engineering/visits/2026-11-20-alice-smith-[0-9a-f]{6}\.yaml$")
        v = self.load(path)
        self.assertEqual(v, {
            "date": D(2026, 11, 20),
            "by": "Alice Smith",
            "kind": "meeting",
            "where": "Their office, level 3",
            "initiated_by": "client",
            "with": ["Jane Doe", "Tom Lee"],
            "discussed": ["Phase 2 scope", "Budget"],
            "new_topics": ["New depot planned for 2027"],
            "promises": [{"what": "Send capability statement", "due": D(2026, 11, 30)},
                         {"what": "Call back"}],
            "actions": [{"what": "Ask Bob for a cost estimate", "due": D(2026, 11, 24)}],
            "next_contact": D(2026, 12, 14),
            "notes": "Talked phase 2\n\nJane prefers email.",
        })
        self.assertEqual(self.last_commit_message(),
                         "log-visit: Acme Engineering (2026-11-20 meeting)")
        self.assertEqual(self.last_commit_files(), [path])

    def test_note_alone_goes_to_notes(self):
        self.assertEqual(self.load(self.log("--note", "Only a note"))["notes"], "Only a note")

    def test_positional_summary_after_repeatable_options(self):
        path = self.crm_in("log-visit", "--with", "Jane", "--discussed", "Scope", "acme",
                           "The summary", check=0).out.strip()
        v = self.load(path)
        self.assertEqual(v["with"], ["Jane"])
        self.assertEqual(v["discussed"], ["Scope"])
        self.assertEqual(v["notes"], "The summary")
        path = self.crm_in("log-visit", "acme", "--with", "Jane", "The summary", check=0)
        v = self.load(path.out.strip())
        self.assertEqual(v["with"], ["Jane"])
        self.assertEqual(v["notes"], "The summary")

    def test_promise_dates_use_the_future_grammar(self):
        cases = {
            "by fri": D(2026, 11, 27), "by friday": D(2026, 11, 27), "by mon": D(2026, 11, 30),
            "by today": D(2026, 11, 23), "by tomorrow": D(2026, 11, 24),
            "by +3d": D(2026, 11, 26), "by +2w": D(2026, 12, 7), "by +1m": D(2026, 12, 23),
            "by +1y": D(2027, 11, 23), "by 2027-01-15": D(2027, 1, 15),
        }
        for suffix, due in cases.items():
            with self.subTest(suffix=suffix):
                v = self.load(self.log("--no-commit", "--promise", f"Send it {suffix}",
                                       "--action", f"Do it {suffix}"))
                self.assertEqual(v["promises"], [{"what": "Send it", "due": due}])
                self.assertEqual(v["actions"], [{"what": "Do it", "due": due}])

    def test_only_a_trailing_by_date_is_a_due_date(self):
        v = self.load(self.log("--promise", "Drop by the site by fri",
                               "--action", "Pass by", "--promise", "Call back by nov 27",
                               "--action", "Invoice by end of month"))
        self.assertEqual(v["promises"], [{"what": "Drop by the site", "due": D(2026, 11, 27)},
                                         {"what": "Call back", "due": D(2026, 11, 27)}])
        self.assertEqual(v["actions"], [{"what": "Pass by"},
                                        {"what": "Invoice", "due": D(2026, 11, 30)}])

    def test_a_trailing_by_that_looks_like_a_date_and_is_none_is_refused(self):
        # "by fri 31st", "by next fryday": a promise kept without the date that was meant
        # would never show in `crm due`.
        count = self.commit_count()
        for option, text in (("--promise", "Send it by fri 31st"),
                             ("--promise", "Send it by next fryday"),
                             ("--action", "Quote by 31 nov")):
            with self.subTest(text=text):
                r = self.crm_in("log-visit", "acme", option, text, check=2)
                self.assertIn(f"{option}: '", r.err)
                self.assertIn('after the last "by"', r.err)
        self.assertEqual(self.commit_count(), count)
        self.assertFalse((self.dir / "clients/acme-engineering/visits").exists())

    def test_a_trailing_by_that_is_no_date_stays_in_the_text_with_a_warning(self):
        r = self.crm_in("log-visit", "acme", "--action", "Get drawings checked by Bob",
                           "--promise", "Go by bus tomorrow", "--promise", "Send it by the 27th",
                           check=0)
        v = self.load(r.out.strip())
        self.assertEqual(v["actions"], [{"what": "Get drawings checked by Bob"}])
        self.assertEqual(v["promises"], [{"what": "Go by bus tomorrow"},
                                         {"what": "Send it", "due": D(2026, 11, 27)}])
        self.assertIn("crm: warning: --action 'Get drawings checked by Bob': no due date: it "
                      "will not be in crm due", r.err)
        self.assertIn("--promise 'Go by bus tomorrow': no due date", r.err)
        self.assertNotIn("Send it':", r.err)

    def test_visit_date_uses_the_past_grammar(self):
        cases = {"today": "2026-11-23", "yesterday": "2026-11-22", "-3d": "2026-11-20",
                 "-2w": "2026-11-09", "-1m": "2026-10-23", "-1y": "2025-11-23",
                 "mon": "2026-11-23", "fri": "2026-11-20", "sunday": "2026-11-22",
                 "2026-10-01": "2026-10-01"}
        for value, iso in cases.items():
            with self.subTest(value=value):
                path = self.log("--no-commit", "--date", value)
                self.assertIn(f"/visits/{iso}-alice-smith-", path)
                self.assertEqual(str(self.load(path)["date"]), iso)

    def test_next_uses_the_future_grammar(self):
        cases = {"tomorrow": "2026-11-24", "+3d": "2026-11-26", "+1m": "2026-12-23",
                 "mon": "2026-11-30", "wed": "2026-11-25", "2027-02-01": "2027-02-01"}
        for value, iso in cases.items():
            with self.subTest(value=value):
                v = self.load(self.log("--no-commit", "--next", value))
                self.assertEqual(str(v["next_contact"]), iso)

    def test_bad_dates_exit_2_naming_the_value_and_write_nothing(self):
        for bad in ("2026-2-30", "2026-02-30", "2026-11-23x", "someday", "+3x", "3d"):
            for option in ("--date", "--next"):
                with self.subTest(option=option, bad=bad):
                    r = self.log(option, bad, check=2)
                    self.assertIn(f"{option}: '{bad}' is not a", r.err)
                    self.assertIn("YYYY-MM-DD", r.err)
            if not bad[0].isdigit() and bad[0] != "+":
                continue  # "by someday" is text, not a date (the ' by X' rule)
            with self.subTest(promise=bad):
                r = self.log("--promise", f"Send it by {bad}", check=2)
                self.assertIn(f"--promise: '{bad}' is not a", r.err)
                r = self.log("--action", f"Do it by {bad}", check=2)
                self.assertIn(f"--action: '{bad}' is not a", r.err)
        self.assertFalse((self.dir / "clients/acme-engineering/visits").exists())

    def test_a_visit_logged_late_keeps_what_fell_due_since_and_refuses_before_it(self):
        # A promise due between the visit and today was no typo: it is overdue now.
        r = self.crm_in("log-visit", "acme", "First visit", "--date", "2026-10-01",
                        "--promise", "Send statement by 2026-10-10", "--next", "2026-10-15",
                        check=0)
        v = self.load(r.out.strip())
        self.assertEqual(v["promises"], [{"what": "Send statement", "due": D(2026, 10, 10)}])
        self.assertEqual(v["next_contact"], D(2026, 10, 15))
        self.assertEqual(r.err, "crm: visit dated Thu 2026-10-01\n"
                                "crm: promise 'Send statement' due Sat 2026-10-10\n"
                                "crm: next contact Thu 2026-10-15\n")
        count = self.commit_count()
        # Before the visit itself it is a typo, on the command line and on stdin alike.
        r = self.log("--date", "2026-10-01", "--promise", "Send it by 2026-09-30", check=2)
        self.assertEqual(r.err, "crm: error: --promise: due Wed 2026-09-30 is before the visit "
                                "it belongs to (Thu 2026-10-01)\n"
                                "hint: give 2026-10-01 or a later day, or add --force to keep "
                                "2026-09-30\n")
        r = self.log("--date", "2026-10-01", "--next", "2026-09-30", check=2)
        self.assertIn("crm: error: --next: Wed 2026-09-30 is before the visit it belongs to "
                      "(Thu 2026-10-01)\n", r.err)
        r = self.log("-", input="date: 2026-10-01\npromises:\n  - what: X\n    due: 2026-09-30\n",
                     check=2)
        self.assertIn("crm: error: <stdin>:4:10: promises.due: Wed 2026-09-30 is before the "
                      "visit it belongs to (Thu 2026-10-01)\n", r.err)
        self.assertEqual(self.commit_count(), count)
        path = self.log("-", input="date: 2026-10-01\npromises:\n  - what: X\n    due: 2026-10-02\n")
        self.assertEqual(self.load(path)["promises"], [{"what": "X", "due": D(2026, 10, 2)}])
        # A visit of today still refuses a due date before today.
        r = self.log("--promise", "Send it by 2026-11-22", check=2)
        self.assertIn("--promise: due Sun 2026-11-22 is in the past", r.err)

    def test_bad_kind_and_initiated_by_exit_2(self):
        r = self.log("--kind", "party", check=2)
        self.assertIn("party", r.err)
        r = self.log("--initiated-by", "them", check=2)
        self.assertIn("them", r.err)
        r = self.log("--promise", " by fri", check=2)
        self.assertIn("--promise", r.err)
        for kind in ("visit", "call", "meeting", "email", "lunch", "event", "other"):
            self.assertEqual(self.load(self.log("--no-commit", "--kind", kind))["kind"], kind)

    def test_no_content_without_a_terminal_writes_a_bare_visit(self):
        path = self.log()
        self.assertEqual((self.dir / path).read_text(),
                         "date: 2026-11-23\nby: Alice Smith\nkind: visit\n")

    def test_dash_reads_a_whole_visit_from_stdin(self):
        text = ("date: 2026-11-20\nkind: call\nwith: [Jane Doe]\npromises:\n"
                "  - what: Send statement\n    due: 2026-11-30\nnext_contact: 2026-12-15\n"
                "mood: good\nnotes: |\n  From stdin.\n"
                "regions: [north, \"yes\"]\nbudget: 12000\n\"odd key\": {a: [1, \"x: y\"]}\n")
        path = self.log("-", input=text)
        self.assertIn("/visits/2026-11-20-alice-smith-", path)
        v = self.load(path)
        self.assertEqual(v["kind"], "call")
        self.assertEqual(v["by"], "Alice Smith")
        self.assertEqual(v["with"], ["Jane Doe"])
        self.assertEqual(v["promises"], [{"what": "Send statement", "due": D(2026, 11, 30)}])
        self.assertEqual(v["next_contact"], D(2026, 12, 15))
        self.assertEqual(v["notes"], "From stdin.\n")
        # Custom fields are kept, with their shape.
        self.assertEqual(v["mood"], "good")
        self.assertEqual(v["regions"], ["north", "yes"])
        self.assertEqual(v["budget"], 12000)
        self.assertEqual(v["odd key"], {"a": [1, "x: y"]})
        shown = json.loads(self.crm_in("show", "acme", "--format", "json", check=0).out)
        self.assertEqual(shown["visits"][0]["custom"]["mood"], "good")
        self.assertEqual(self.last_commit_message(), "log-visit: Acme Engineering (2026-11-20 call)")

    def test_dash_without_a_date_means_today(self):
        path = self.log("-", input="kind: call\nby: Bob Jones\n")
        self.assertIn("/visits/2026-11-23-bob-jones-", path)
        self.assertEqual(self.load(path)["by"], "Bob Jones")

    def test_dash_refuses_bad_yaml_with_its_position(self):
        r = self.log("-", input="date: 2026-11-20\ndate: 2026-11-21\n", check=1)
        self.assertIn("<stdin>:2:1: duplicate key 'date'", r.err)
        r = self.log("-", input="date: 2026-02-30\n", check=1)
        self.assertIn("<stdin>:1:7", r.err)
        r = self.log("-", input="kind: party\n", check=2)
        self.assertIn("party", r.err)
        self.assertFalse((self.dir / "clients/acme-engineering/visits").exists())

    def test_client_must_exist(self):
        r = self.crm_in("log-visit", "nobody", check=1)
        self.assertIn("no client matches 'nobody'", r.err)

    def test_two_visits_on_one_day_get_two_files(self):
        a = self.log()
        b = self.log()
        self.assertNotEqual(a, b)
        self.assertEqual(len(list((self.dir / "clients/acme-engineering/visits").iterdir())), 2)


if __name__ == "__main__":
    unittest.main()
