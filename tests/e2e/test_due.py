"""crm due: every rule of spec section 3, each window option, filters, formats."""
import csv
import datetime
import io
import json
import os
import pty
import re
import subprocess
import unittest

from harness import CRM, EXAMPLES, CrmTestCase

CLIENT = """\
name: {name}
stage: {stage}
tier: {tier}
owner: {owner}
since: {since}
{extra}"""


class DueCase(CrmTestCase):
    def client(self, slug, name=None, stage="client", tier="A", owner="Alice Smith",
               since="2026-01-05", extra=""):
        self.write(f"clients/{slug}/client.yaml",
                   CLIENT.format(name=name or slug.title(), stage=stage, tier=tier, owner=owner,
                                 since=since, extra=extra))

    def visit(self, slug, date, body="", by="Alice Smith", suffix="aaaaaa"):
        path = f"clients/{slug}/visits/{date}-{suffix}.yaml"
        self.write(path, f"date: {date}\nby: {by}\nkind: visit\n{body}")
        return path

    def review(self, slug, date, rating, project="Stage 1"):
        self.write(f"clients/{slug}/reviews/{date}-r.yaml",
                   f"date: {date}\nby: Bob Jones\nproject: {project}\nrating: {rating}\n")

    def due_json(self, *args, check=0):
        r = self.crm_in("due", "--format", "json", *args, check=check)
        return json.loads(r.out)

    def rows(self, *args):
        return [(i["type"], i["client"], i["due"]) for i in self.due_json(*args)["items"]]


class ContactRulesTest(DueCase):
    def test_cadence_next_contact_since_inactive_and_never(self):
        self.init()
        # tier A (30d): 2026-10-27 + 30d = 2026-11-26, in the window
        self.client("tiered")
        self.visit("tiered", "2026-10-27")
        # own every overrides the tier: 2026-11-10 + 14d = 2026-11-24
        self.client("own", tier="C", extra="every: 14d\n")
        self.visit("own", "2026-11-10")
        # next_contact of the latest visit wins over the cadence (which would be overdue)
        self.client("explicit")
        self.visit("explicit", "2026-09-01", "next_contact: 2026-11-28\n")
        # an earlier visit's next_contact no longer counts once a later visit exists
        self.client("reset")
        self.visit("reset", "2026-09-01", "next_contact: 2026-09-10\n", suffix="a1")
        self.visit("reset", "2026-11-20", suffix="a2")
        # never visited: due from since
        self.client("fresh", since="2026-08-17")
        # inactive stages and every: never are never due
        self.client("gone", stage="former", since="2025-01-01")
        self.client("lost", stage="lost", since="2025-01-01")
        self.client("untracked", extra="every: never\n", since="2025-01-01")
        # month cadence from a month end: 2026-10-31 + 1m = 2026-11-30 (the last day in)
        self.client("monthly", extra="every: 1m\n")
        self.visit("monthly", "2026-10-31")
        # no tier: default_tier B (60d): 2026-09-30 + 60d = 2026-11-29
        self.write("clients/notier/client.yaml", "name: No Tier\nstage: client\nsince: 2026-01-01\n")
        self.visit("notier", "2026-09-30")
        data = self.due_json()
        self.assertEqual(data["as_of"], "2026-11-23")
        got = {i["client"]: i for i in data["items"]}
        self.assertEqual(sorted(got), ["explicit", "fresh", "monthly", "notier", "own", "tiered"])
        self.assertEqual(got["tiered"]["due"], "2026-11-26")
        self.assertEqual(got["own"]["due"], "2026-11-24")
        self.assertEqual(got["explicit"]["due"], "2026-11-28")
        self.assertEqual(got["fresh"]["due"], "2026-08-17")
        self.assertTrue(got["fresh"]["overdue"])
        self.assertEqual(got["fresh"]["days"], -98)
        self.assertEqual(got["monthly"]["due"], "2026-11-30")
        self.assertEqual(got["notier"]["due"], "2026-11-29")
        self.assertEqual(got["notier"]["tier"], "B")
        for item in data["items"]:
            self.assertEqual(item["type"], "contact")
            for key in ("type", "client", "name", "due", "overdue", "what"):
                self.assertIn(key, item)
        self.assertEqual(got["tiered"]["last_contact"], "2026-10-27")
        self.assertEqual(got["fresh"]["last_contact"], None)
        self.assertIn("2026-10-27 + 30d", got["tiered"]["reason"])
        self.assertIn("own cadence", got["own"]["reason"])
        # Overdue first, then by date.
        self.assertEqual([i["due"] for i in data["items"]], sorted(i["due"] for i in data["items"]))


class ItemRulesTest(DueCase):
    def test_promises_actions_follow_ups(self):
        self.init()
        self.client("acme", name="Acme Engineering")
        self.visit("acme", "2026-11-16", """\
promises:
  - what: Send capability statement
    due: 2026-11-20
  - what: Delivered already
    due: 2026-11-18
    done: 2026-11-17
  - what: Later
    due: 2026-12-01
  - No date at all
actions:
  - what: Ask Bob for an estimate
    due: 2026-11-30
  - what: Undated action
next_contact: 2027-01-10
""")
        self.client("angry", since="2026-01-01")
        self.visit("angry", "2026-11-10", "next_contact: 2027-01-01\n")
        self.review("angry", "2026-11-18", "angry", "Haul road")
        self.client("calm")
        self.visit("calm", "2026-11-10", "next_contact: 2027-01-01\n")
        self.review("calm", "2026-11-12", "unhappy")  # but visited since: no follow-up
        self.visit("calm", "2026-11-15", "next_contact: 2027-01-01\n", suffix="b")
        self.client("happy")
        self.visit("happy", "2026-11-10", "next_contact: 2027-01-01\n")
        self.review("happy", "2026-11-12", "happy")
        # A former client is not due for contact, but the promise made to it still is:
        # the relationship ended, the promise did not (spec: inactive stages).
        self.client("former", stage="former")
        self.visit("former", "2026-11-10", "promises:\n  - what: Old\n    due: 2026-11-01\n")
        items = self.due_json()["items"]
        self.assertEqual([(i["type"], i["client"], i["due"], i["what"]) for i in items], [
            ("promise", "former", "2026-11-01", "Old"),
            ("promise", "acme", "2026-11-20", "Send capability statement"),
            ("follow-up", "angry", "2026-11-25", items[2]["what"]),
            ("action", "acme", "2026-11-30", "Ask Bob for an estimate"),
        ])
        self.assertTrue(items[0]["overdue"])
        self.assertTrue(items[1]["overdue"])
        self.assertFalse(items[2]["overdue"])
        self.assertIn("angry review 2026-11-18", items[2]["reason"])
        self.assertIn("Haul road", items[2]["what"])
        self.assertEqual(items[1]["by"], "Alice Smith")
        self.assertEqual(items[1]["name"], "Acme Engineering")


class WindowTest(DueCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.client("a")
        self.visit("a", "2026-11-01", """\
promises:
  - what: Old
    due: 2025-06-01
  - what: Today
    due: 2026-11-23
  - what: In 7
    due: 2026-11-30
  - what: In 8
    due: 2026-12-01
  - what: In 14
    due: 2026-12-07
next_contact: 2027-06-01
""")

    def whats(self, *args):
        return [i["what"] for i in self.due_json(*args)["items"]]

    def test_default_window_is_due_within(self):
        self.assertEqual(self.whats(), ["Old", "Today", "In 7"])
        settings = (self.dir / "crm.yaml").read_text()
        self.write("crm.yaml", re.sub(r"(?m)^due_within:.*$", "due_within: 2w", settings)
                   if "due_within:" in settings else settings + "due_within: 2w\n")
        self.assertEqual(self.whats(), ["Old", "Today", "In 7", "In 8", "In 14"])

    def test_within_and_until(self):
        self.assertEqual(self.whats("--within", "8d"), ["Old", "Today", "In 7", "In 8"])
        self.assertEqual(self.whats("--within", "0d"), ["Old", "Today"])
        self.assertEqual(self.whats("--until", "2026-12-01"), ["Old", "Today", "In 7", "In 8"])
        self.assertEqual(self.whats("--until", "yesterday"), ["Old"])
        self.assertEqual(self.whats("--until", "+2w"), ["Old", "Today", "In 7", "In 8", "In 14"])
        self.assertEqual(self.due_json("--until", "2026-12-01")["until"], "2026-12-01")

    def test_bad_window_values_are_usage_errors(self):
        r = self.crm_in("due", "--within", "soon", check=2)
        self.assertIn("soon", r.err)
        self.crm_in("due", "--until", "2026-13-01", check=2)
        self.crm_in("due", "--within", "7d", "--until", "2026-12-01", check=2)
        self.crm_in("due", "--format", "xml", check=2)


class FilterTest(DueCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.client("alices", owner="Alice Smith", tier="A",
                    extra="tags: [water, government]\n")
        self.client("bobs", owner="Bob Jones", tier="C", extra="tags: [Civil]\n")
        self.visit("bobs", "2026-11-01", "promises:\n  - what: Alice promised this\n"
                   "    due: 2026-11-25\nnext_contact: 2027-01-01\n", by="Alice Smith")
        self.visit("bobs", "2026-11-02", "promises:\n  - what: Bob promised this\n"
                   "    due: 2026-11-25\nnext_contact: 2027-01-01\n", by="Bob Jones", suffix="b")
        self.write("clients/nobody/client.yaml",
                   "name: Nobody's\nstage: lead\nsince: 2026-11-01\n")

    def clients(self, *args):
        return [(i["client"], i["type"]) for i in self.due_json(*args)["items"]]

    def test_no_filter_shows_clients_without_owner(self):
        self.assertEqual(sorted(self.clients()), [("alices", "contact"), ("bobs", "promise"),
                                                  ("bobs", "promise"), ("nobody", "contact")])

    def test_owner_mine_tier_tag(self):
        # One rule of whose each item is, for --owner, --mine and remind: a promise is its
        # maker's, a contact its client owner's.
        self.assertEqual(self.clients("--owner", "alice smith"),
                         [("alices", "contact"), ("bobs", "promise")])
        self.assertEqual([i["what"] for i in self.due_json("--owner", "Bob Jones")["items"]],
                         ["Bob promised this"])
        mine = self.due_json("--mine")["items"]
        self.assertEqual(sorted((i["client"], i["what"]) for i in mine),
                         [("alices", "get in touch"), ("bobs", "Alice promised this")])
        self.assertEqual(mine, self.due_json("--owner", "Alice Smith")["items"])
        bob = self.crm_in("due", "--mine", "--format", "json", env={"CRM_USER": "Bob Jones"},
                          check=0)
        self.assertEqual([i["who"] for i in json.loads(bob.out)["items"]], ["Bob Jones"])
        self.assertEqual(self.clients("--tier", "C"), [("bobs", "promise"), ("bobs", "promise")])
        self.assertEqual(self.clients("--tier", "B"), [("nobody", "contact")])  # default tier
        self.assertEqual(self.clients("--tag", "civil"), [("bobs", "promise"), ("bobs", "promise")])
        self.assertEqual(self.clients("--tag", "water", "--tag", "government"),
                         [("alices", "contact")])
        self.assertEqual(self.clients("--tag", "water", "--tag", "civil"), [])
        self.crm_in("due", "--tier", "Z", check=2)
        self.crm_in("due", "--mine", "--owner", "Bob Jones", check=2)


class FormatTest(DueCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.client("muller", name="Müller & Söhne GmbH", since="2026-11-20")
        self.client("tanaka", name="田中建設", owner="Bob Jones")
        self.visit("tanaka", "2026-11-10", """\
promises:
  - what: "Send memo, with \\"quotes\\"; and a very long description that goes on and on to force folding in calendars"
    due: 2026-11-25
next_contact: 2027-01-01
""")

    def test_table_groups_aligns_and_has_no_colour_when_piped(self):
        r = self.crm_in("due", check=0)
        self.assertNotIn("\x1b", r.out)
        lines = r.out.splitlines()
        self.assertTrue(lines[0].startswith("DUE"))
        self.assertIn("Overdue: 1 item", r.out)
        self.assertIn("3d overdue", r.out)
        self.assertIn("Due by 2026-11-30 (in 7 days): 1 item", r.out)
        rows = [l for l in lines if l.startswith("2026-")]
        # The client column starts at the same display column on every row.
        def col(line, text):
            prefix = line[:line.index(text)]
            return sum(2 if ord(ch) > 0x3000 else 1 for ch in prefix)
        self.assertEqual(col(rows[0], "Müller"), col(rows[1], "田中建設"))
        whats = [l for l in lines if "Send memo" in l]
        self.assertEqual(len(whats), 1)

    def run_on_terminal(self, *args, env=None):
        full = dict(self.env)
        full.update(env or {})
        master, slave = pty.openpty()
        proc = subprocess.run([CRM, "--dir", str(self.dir), *args], stdout=slave,
                              stderr=subprocess.PIPE, env=full, timeout=60)
        os.close(slave)
        out = b""
        try:
            while True:
                chunk = os.read(master, 65536)
                if not chunk:
                    break
                out += chunk
        except OSError:
            pass
        os.close(master)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        return out.decode()

    def test_colour_only_on_a_terminal_and_never_with_no_color(self):
        self.assertIn("\x1b[", self.run_on_terminal("due"))
        self.assertNotIn("\x1b[", self.run_on_terminal("due", env={"NO_COLOR": "1"}))
        self.assertNotIn("\x1b[", self.run_on_terminal("--no-color", "due"))

    def raw(self, *args, env=None):
        """stdout as bytes decoded without newline translation (CRLF stays CRLF)."""
        full = dict(self.env)
        full.update(env or {})
        proc = subprocess.run([CRM, "--dir", str(self.dir), *args], capture_output=True,
                              env=full, timeout=60)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        return proc.stdout.decode("utf-8")

    def test_csv_parses_back(self):
        out = self.raw("due", "--format", "csv")
        self.assertTrue(out.startswith("type,client,name,due,overdue,"))
        self.assertEqual(out.count("\r\n"), 3)
        self.assertNotIn("\n", out.replace("\r\n", ""))
        rows = list(csv.DictReader(io.StringIO(out, newline="")))
        self.assertEqual([(x["type"], x["client"], x["due"], x["overdue"]) for x in rows],
                         [("contact", "muller", "2026-11-20", "yes"),
                          ("promise", "tanaka", "2026-11-25", "no")])
        self.assertEqual(rows[0]["name"], "Müller & Söhne GmbH")
        self.assertTrue(rows[1]["what"].startswith('Send memo, with "quotes"; and'))
        self.assertEqual(rows[1]["owner"], "Bob Jones")

    def test_markdown(self):
        r = self.crm_in("due", "--format", "markdown", check=0)
        self.assertTrue(r.out.startswith("# Due as of 2026-11-23\n"))
        self.assertIn("## Overdue (1)", r.out)
        self.assertIn("| 2026-11-25 | in 2d | promise | 田中建設 |", r.out)
        self.assertIn("Müller & Söhne GmbH", r.out)
        self.assertTrue(r.out.endswith("|\n"))

    def parse_ics(self, text):
        self.assertTrue(text.endswith("\r\n"))
        raw = text.split("\r\n")[:-1]
        self.assertNotIn("\n", "".join(raw))
        for line in raw:
            self.assertLessEqual(len(line.encode()), 75, line)
            self.assertNotIn("\n", line)
        unfolded = []
        for line in raw:
            if line.startswith(" "):
                unfolded[-1] += line[1:]
            else:
                unfolded.append(line)
        events, current = [], None
        for line in unfolded:
            if line == "BEGIN:VEVENT":
                current = {}
            elif line == "END:VEVENT":
                events.append(current)
                current = None
            elif current is not None:
                key, _, value = line.partition(":")
                current[key] = value
        self.assertEqual(unfolded[0], "BEGIN:VCALENDAR")
        self.assertEqual(unfolded[-1], "END:VCALENDAR")
        self.assertIn("VERSION:2.0", unfolded)
        return events

    def unescape(self, value):
        return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)

    def test_an_empty_calendar_is_valid_rfc_5545(self):
        # icalbody = calprops component: a calendar needs at least one component.
        text = self.raw("due", "--format", "ics", "--until", "2026-11-01")
        lines = text.split("\r\n")
        self.assertEqual(lines[0], "BEGIN:VCALENDAR")
        self.assertEqual(lines[-2:], ["END:VCALENDAR", ""])
        self.assertNotIn("BEGIN:VEVENT", text)
        body = lines[lines.index("METHOD:PUBLISH") + 1:-2]
        self.assertEqual(body[0], "BEGIN:X-CRM-NOTHING-DUE")
        self.assertEqual(body[-1], "END:X-CRM-NOTHING-DUE")
        self.assertTrue(all(l.startswith("X-") for l in body[1:-1]) and len(body) > 2)

    def test_ics_parses_back_and_uids_are_stable(self):
        events = self.parse_ics(self.raw("due", "--format", "ics"))
        self.assertEqual(len(events), 2)
        self.assertEqual(events[0]["DTSTART;VALUE=DATE"], "20261120")
        self.assertEqual(events[0]["DTEND;VALUE=DATE"], "20261121")
        self.assertIn("DTSTAMP", events[0])
        summary = self.unescape(events[1]["SUMMARY"])
        self.assertIn('Send memo, with "quotes"; and a very long', summary)
        self.assertIn("田中建設", summary)
        uids = [e["UID"] for e in events]
        self.assertEqual(len(set(uids)), 2)
        # Another day, a moved due date: the same things keep the same UIDs.
        path = next((self.dir / "clients/tanaka/visits").iterdir())
        path.write_text(path.read_text().replace("2026-11-25", "2026-11-27"))
        again = self.parse_ics(self.raw("due", "--format", "ics", env={"CRM_TODAY": "2026-11-24"}))
        self.assertEqual([e["UID"] for e in again], uids)
        self.assertEqual(again[1]["DTSTART;VALUE=DATE"], "20261127")

    def test_sequence_and_last_modified_follow_the_items_files(self):
        # A calendar that imports the feed (rather than subscribing) takes an event as an
        # update only when its SEQUENCE grows; LAST-MODIFIED says when it changed.
        def stamp(path, when):
            t = datetime.datetime.fromisoformat(when).timestamp()
            os.utime(path, (t, t))
        for p in [self.dir, *self.dir.rglob("*")]:
            if ".git" not in p.parts:
                stamp(p, "2026-11-20T08:00:00+00:00")
        events = self.parse_ics(self.raw("due", "--format", "ics"))
        self.assertEqual([e["LAST-MODIFIED"] for e in events], ["20261120T080000Z"] * 2)
        self.assertEqual([e["SEQUENCE"] for e in events], ["3622080"] * 2)  # minutes since 2020
        # The same files: the same events, run after run.
        self.assertEqual(self.parse_ics(self.raw("due", "--format", "ics")), events)
        # The promise's visit changes: its event only moves on.
        visit = next((self.dir / "clients/tanaka/visits").iterdir())
        stamp(visit, "2026-11-21T09:30:00+00:00")
        after = self.parse_ics(self.raw("due", "--format", "ics"))
        self.assertEqual(after[0], events[0])
        self.assertEqual((after[1]["LAST-MODIFIED"], after[1]["SEQUENCE"]),
                         ("20261121T093000Z", "3623610"))
        # crm.yaml (cadences, windows) changes: every event moves on.
        stamp(self.dir / "crm.yaml", "2026-11-22T00:00:00+00:00")
        last = self.parse_ics(self.raw("due", "--format", "ics"))
        self.assertEqual([e["LAST-MODIFIED"] for e in last], ["20261122T000000Z"] * 2)
        self.assertTrue(all(int(e["SEQUENCE"]) > int(a["SEQUENCE"]) for e, a in zip(last, after)))


class BrokenFileTest(DueCase):
    def test_a_broken_file_warns_and_exits_1_but_the_report_goes_on(self):
        self.init()
        self.client("good", since="2026-11-01")
        self.client("bad")
        self.write("clients/bad/visits/2026-11-01-x.yaml", "date: 2026-11-01\nby: A\nby: B\n")  # duplicate key
        r = self.crm_in("due", "--format", "json", check=1)
        self.assertEqual([i["client"] for i in json.loads(r.out)["items"]], ["bad", "good"])
        self.assertIn("clients/bad/visits/2026-11-01-x.yaml", r.err)

    def test_nothing_due_says_so(self):
        self.init()
        r = self.crm_in("due", check=0)
        self.assertEqual(r.out, "Nothing due by 2026-11-30.\n")
        self.assertEqual(self.due_json()["items"], [])
        r = self.crm_in("due", "--until", "eom", check=0)
        self.assertEqual(r.out, "Nothing due by 2026-11-30.\n")


class ExampleTest(DueCase):
    def expected(self):
        text = (EXAMPLES / "consultancy-expected.md").read_text()
        block = text.split("```csv\n", 1)[1].split("```", 1)[0]
        rows = list(csv.DictReader(io.StringIO(block)))
        return [(r["type"], r["client"], r["due"], r["overdue"] == "yes") for r in rows]

    def test_due_on_the_example_matches_the_expected_list(self):
        self.copy_example()
        data = self.due_json()
        self.assertEqual(data["as_of"], "2026-11-23")
        got = [(i["type"], i["client"], i["due"], i["overdue"]) for i in data["items"]]
        expected = self.expected()
        # Same items; same order except among items of one date (free in the expected list).
        self.assertEqual(sorted(got), sorted(expected))
        self.assertEqual([g[2] for g in got], [e[2] for e in expected])
        self.assertEqual({i["type"] for i in data["items"]},
                         {"contact", "promise", "action", "follow-up", "next-step", "rfp"})

    def test_example_windows_and_filters(self):
        self.copy_example()
        self.assertEqual(len(self.due_json("--within", "14d")["items"]), 27)
        self.assertEqual(len(self.due_json("--until", "2026-11-25")["items"]), 15)
        self.assertEqual(len(self.due_json("--owner", "Alice Smith")["items"]), 11)
        self.assertEqual(len(self.due_json("--mine")["items"]), 11)
        self.assertEqual(len(self.due_json("--owner", "Bob Jones")["items"]), 6)
        self.assertEqual(len(self.due_json("--owner", "Chloe Nguyen")["items"]), 7)
        self.assertEqual(len(self.due_json("--tier", "A")["items"]), 12)
        self.assertEqual(len(self.due_json("--tier", "B")["items"]), 10)
        self.assertEqual(len(self.due_json("--tier", "C")["items"]), 2)
        self.assertEqual([i["client"] for i in self.due_json("--tag", "water")["items"]],
                         ["northern-water-corporation"] * 3)


if __name__ == "__main__":
    unittest.main()
