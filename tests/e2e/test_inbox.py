"""crm inbox (list, file, drop), the inbox in crm due and crm check, the cadence rule for
e-mail, and captured mail in show, news, notify, search and log; --keep-attachments and
--dry-run."""
import json
import unittest
from datetime import date

from capture import DATA, CaptureTestCase, message, parse


class InboxTest(CaptureTestCase):
    def setUp(self):
        super().setUp()
        self.log_bytes(message("Alice Smith <alice@harbourpike.example>",
                               "Jane Doe <jane@acme.example>, Raj Patel <raj@brick.example>",
                               subject="Joint site meeting", msgid="<joint@x>",
                               date="Wed, 25 Nov 2026 10:00:00 +1100"), "-", check=0)
        self.log_bytes(message("Stranger <stranger@gmail.com>", "bob@harbourpike.example",
                               subject="A quote for you", msgid="<stranger@x>",
                               date="Tue, 24 Nov 2026 10:00:00 +1100"), "-", check=0)

    def test_list_numbers_them_by_date_with_sender_subject_and_candidates(self):
        r = self.crm_in("inbox", check=0)
        lines = r.out.splitlines()
        self.assertEqual(lines[0].split(), ["#", "DATE", "FROM", "SUBJECT", "CANDIDATES"])
        self.assertRegex(lines[1], r"^1\s+2026-11-24\s+Stranger <stranger@gmail\.com>\s+"
                                   r"A quote for you\s+none$")
        self.assertRegex(lines[2], r"^2\s+2026-11-25\s+Alice Smith <alice@harbourpike\.example>\s+"
                                   r"Joint site meeting\s+acme-engineering, brick-co$")
        self.assertEqual(len(lines), 3)

    def test_file_logs_it_as_the_clients_visit_and_removes_it_in_one_commit(self):
        commits = self.commit_count()
        [first, second] = self.inbox_files()
        r = self.crm_in("inbox", "file", "2", "brick", check=0)
        written = r.out.strip()
        self.assertTrue(written.startswith("clients/brick-co/visits/2026-11-25-alice-smith-"))
        v = self.load(written)
        self.assertEqual(v, {"date": date(2026, 11, 25), "by": "Alice Smith", "kind": "email",
                             "with": ["Raj Patel"], "subject": "Joint site meeting",
                             "direction": "out", "message_id": "joint@x",
                             "notes": "Hello there.\n"})
        self.assertFalse(second.exists())
        self.assertTrue(first.exists())
        self.assertEqual(self.commit_count(), commits + 1)
        self.assertEqual(self.last_commit_files(),
                         sorted([written, str(second.relative_to(self.dir))]))
        self.assertEqual(self.last_commit_message(), "inbox: Brick Co (2026-11-25 email) filed")
        self.assertCheckClean()
        # Filed once: the same message again is already logged.
        r = self.log_bytes(message("Alice Smith <alice@harbourpike.example>",
                                   "Jane Doe <jane@acme.example>, Raj Patel <raj@brick.example>",
                                   subject="Joint site meeting", msgid="<joint@x>"), "-", check=0)
        self.assertEqual(self.summary(r), "0 logged, 1 skipped: 1 already logged")

    def test_drop_removes_it_and_logs_nothing(self):
        [first, _] = self.inbox_files()
        r = self.crm_in("inbox", "drop", "1", check=0)
        self.assertIn("dropped A quote for you from Stranger <stranger@gmail.com>", r.err)
        self.assertFalse(first.exists())
        self.assertEqual(self.last_commit_files(), [str(first.relative_to(self.dir))])
        self.assertEqual(self.last_commit_message(),
                         "inbox: dropped A quote for you from Stranger <stranger@gmail.com>")
        self.assertEqual(len(self.inbox_files()), 1)

    def test_bad_numbers_and_clients_are_refused_and_change_nothing(self):
        commits = self.commit_count()
        r = self.crm_in("inbox", "drop", "x", check=2)
        self.assertIn("'x' is not a message number", r.err)
        r = self.crm_in("inbox", "drop", "3", check=1)
        self.assertIn("there is no message 3 in the inbox (it has 2)", r.err)
        self.crm_in("inbox", "file", "1", "no-such-client", check=1)
        self.assertEqual(self.commit_count(), commits)
        self.assertEqual(len(self.inbox_files()), 2)

    def test_due_ends_with_the_inbox_count_and_its_json_has_it(self):
        r = self.crm_in("due", check=0)
        self.assertTrue(r.out.endswith("\n2 messages in the inbox (crm inbox)\n"), r.out)
        got = json.loads(self.crm_in("due", "--format", "json", check=0).out)
        self.assertEqual(got["inbox"], 2)
        self.crm_in("inbox", "drop", "1", check=0)
        self.crm_in("inbox", "drop", "1", check=0)
        r = self.crm_in("due", check=0)
        self.assertNotIn("inbox", r.out)
        self.assertEqual(json.loads(self.crm_in("due", "--format", "json", check=0).out)["inbox"], 0)

    def test_check_reads_the_inbox(self):
        self.assertCheckClean()
        bad = self.write("inbox/2026-11-26-ffffff.yaml", "date: 2026-11-31\nfrom: x\n")
        r = self.crm_in("check", check=1)
        self.assertIn("inbox/2026-11-26-ffffff.yaml:1:7: date: '2026-11-31' is not a date", r.out + r.err)
        self.assertIn("inbox message has no message_id:", r.out + r.err)
        # The list still lists the others, and names the broken one.
        r = self.crm_in("inbox", check=1)
        self.assertIn("cannot be read", r.out)
        bad.unlink()


class CadenceTest(CaptureTestCase):
    """An e-mail does not reset due's contact item; a call does; cadence_kinds decides."""

    def contact_item(self):
        items = json.loads(self.crm_in("due", "--format", "json", check=0).out)["items"]
        found = [i for i in items if i["type"] == "contact" and i["client"] == "acme-engineering"]
        return found[0] if found else None

    def test_an_email_does_not_reset_the_cadence_a_call_does(self):
        self.crm_in("log-visit", "acme", "Site visit", "--date", "2026-10-01", check=0)
        before = self.contact_item()
        self.assertEqual((before["due"], before["last_contact"]), ("2026-10-31", "2026-10-01"))
        self.log_bytes(message("Jane Doe <jane@acme.example>", "alice@harbourpike.example",
                               msgid="<cadence@x>", date="Fri, 27 Nov 2026 09:00:00 +1100"),
                       "-", check=0)
        self.assertEqual(self.contact_item(), before)
        self.crm_in("log-visit", "acme", "Called Jane", "--kind", "call", "--date", "2026-11-28",
                    check=0)
        self.assertIsNone(self.contact_item())  # 2026-11-28 + 30d is past the window
        show = self.crm_in("show", "acme", "--format", "json", check=0).out
        self.assertEqual(json.loads(show)["last_contact"], "2026-11-28")

    def test_cadence_kinds_with_email_makes_an_email_count(self):
        settings = self.dir / "crm.yaml"
        text = settings.read_text(encoding="utf-8")
        self.assertIn("cadence_kinds: [visit, call, meeting, lunch, event]\n", text)
        settings.write_text(text.replace("cadence_kinds: [visit, call, meeting, lunch, event]",
                                         "cadence_kinds: [visit, call, meeting, email]"),
                            encoding="utf-8")
        self.crm_in("log-visit", "acme", "Site visit", "--date", "2026-10-01", check=0)
        self.log_bytes(message("Jane Doe <jane@acme.example>", "alice@harbourpike.example",
                               msgid="<cadence2@x>", date="Fri, 27 Nov 2026 09:00:00 +1100"),
                       "-", check=0)
        self.assertIsNone(self.contact_item())


class ShownEverywhereTest(CaptureTestCase):
    def setUp(self):
        super().setUp()
        self.crm_in("log-email", str(DATA / "thunderbird-reply.eml"),
                    str(DATA / "gmail-alternative.eml"), check=0)

    def test_show_timeline_has_subject_direction_and_files(self):
        out = self.crm_in("show", "acme", check=0).out
        self.assertIn("2026-11-23  email from Alice Smith to Jane Doe, Tom Lee: "
                      "Re: Phase 2 scope for the bridge retrofit", out)
        self.assertIn("attachments: Scope v2.pdf (1 KB)", out)
        self.assertIn("Hi Jane, …", out)
        out = self.crm_in("show", "northern", check=0).out
        self.assertIn("email from Marcus Brown to Bob Jones: Re: Drone inspections for the depot",
                      out)
        shown = json.loads(self.crm_in("show", "acme", "--format", "json", check=0).out)
        [v] = shown["visits"]
        self.assertEqual((v["subject"], v["direction"], v["message_id"]),
                         ("Re: Phase 2 scope for the bridge retrofit", "out",
                          "7c1f0a52-3d5e-4b8a-9f2e-6a1d0c9b8e47@harbourpike.example"))

    def test_search_finds_the_text_and_the_subject(self):
        out = self.crm_in("search", "drone inspections", check=0).out
        self.assertRegex(out, r"clients/northern-water/visits/\S+\.yaml:5 +subject: \"Re: Drone "
                              r"inspections for the depot\"")
        self.assertRegex(out, r"clients/northern-water/visits/\S+\.yaml:12 +Yes, drone inspections")
        out = self.crm_in("search", "revised scope", check=0).out
        self.assertIn("clients/acme-engineering/visits/", out)

    def test_log_lists_the_commit(self):
        out = self.crm_in("log", check=0).out
        self.assertIn("log-email: 2 messages at 2 clients", out)
        out = self.crm_in("log", "northern", check=0).out
        self.assertIn("log-email: 2 messages at 2 clients", out)

    def test_news_of_a_watched_client_shows_the_message(self):
        self.crm_in("watch", "northern", env={"CRM_USER": "Alice Smith"}, check=0)
        out = self.crm_in("news", "--since", "2026-11-01", check=0).out
        self.assertRegex(out, r"2026-11-25\s+email in\s+Bob Jones\s+Re: Drone inspections for the "
                              r"depot")

    def test_notify_mails_the_message_to_who_watches_the_client(self):
        self.crm_in("watch", "acme", "Bob Jones", check=0)
        r = self.crm_in("notify", "--since", "2026-11-01", "--dry-run", check=0)
        bob = [m for m in r.out.split("\nFrom ") if "To: Bob Jones" in m]
        self.assertEqual(len(bob), 1, r.out)
        body = parse(bob[0].split("\n", 1)[1].encode()).get_content()
        self.assertIn("email out", body)
        self.assertIn("Re: Phase 2 scope for the bridge retrofit", body)


class KeepAndDryRunTest(CaptureTestCase):
    def test_keep_attachments_stores_the_files_under_the_client_with_safe_names(self):
        path = DATA / "outlook-reply.eml"
        r = self.crm_in("log-email", "--keep-attachments", str(path), check=0)
        kept = "clients/muller-sohne-gmbh/files/2026-11-24-kostenschatzung-2027.xlsx"
        v = self.only_visit("muller-sohne-gmbh")
        self.assertEqual(v["attachments"], [{"name": "Kostenschätzung 2027.xlsx", "size": 2056,
                                             "file": kept}])
        expected = [p.get_payload(decode=True) for p in parse(path.read_bytes()).walk()
                    if p.get_filename()][0]
        self.assertEqual((self.dir / kept).read_bytes(), expected)
        self.assertIn(kept, self.last_commit_files())
        self.assertEqual(len(r.out.split()), 1)  # the visit's path
        self.assertCheckClean()

    def test_attachments_of_an_inbox_message_follow_it_when_filed(self):
        m = parse((DATA / "thunderbird-reply.eml").read_bytes())
        m.replace_header("To", "Stranger <s@gmail.com>")
        del m["Cc"]
        self.log_bytes(bytes(m), "--keep-attachments", "-", check=0)
        [f] = self.inbox_files()
        held = self.load(f.relative_to(self.dir))["attachments"][0]["file"]
        self.assertEqual(held, "inbox/files/2026-11-23-scope-v2.pdf")
        self.assertTrue((self.dir / held).exists())
        self.crm_in("inbox", "file", "1", "acme", check=0)
        v = self.only_visit("acme-engineering")
        moved = "clients/acme-engineering/files/2026-11-23-scope-v2.pdf"
        self.assertEqual(v["attachments"][0]["file"], moved)
        self.assertTrue((self.dir / moved).exists())
        self.assertFalse((self.dir / held).exists())
        self.assertIn(moved, self.last_commit_files())
        self.assertCheckClean()

    def test_dry_run_prints_what_it_would_write_and_writes_nothing(self):
        commits = self.commit_count()
        r = self.crm_in("log-email", "--dry-run", str(DATA / "apple-mail.eml"), check=0)
        self.assertTrue(r.out.startswith("# clients/acme-engineering/visits/2026-11-26-bob-jones-"))
        self.assertIn("subject: \"Re: Site walk\"\n", r.out)
        self.assertIn("1 logged; dry run: nothing written", r.err)
        self.assertEqual(self.commit_count(), commits)
        self.assertEqual(self.visits("acme-engineering"), {})


if __name__ == "__main__":
    unittest.main()
