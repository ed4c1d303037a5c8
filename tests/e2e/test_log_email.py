"""crm log-email: messages as Thunderbird, Outlook, Gmail and Apple Mail write them become
visits with every field; the matching rules; deduplication; the skipped kinds."""
import unittest
from datetime import date

from capture import DATA, CaptureTestCase, message, parse


def attachments_of(path):
    """Each attached file's name and decoded size, as Python's email package reads them."""
    m = parse(path.read_bytes())
    out = []
    for part in m.walk():
        if part.is_multipart() or not part.get_filename():
            continue
        out.append({"name": part.get_filename(), "size": len(part.get_payload(decode=True))})
    return out


class RealMessagesTest(CaptureTestCase):
    def setUp(self):
        super().setUp()
        self.before = self.commit_count()
        self.files = sorted(DATA.glob("*.eml"))
        self.result = self.crm_in("log-email", *map(str, self.files), check=0)

    def test_one_commit_of_one_visit_per_message(self):
        self.assertEqual(self.summary(self.result), "6 logged")
        self.assertEqual(self.commit_count(), self.before + 1)
        written = self.result.out.split()
        self.assertEqual(len(written), 6)
        self.assertEqual(self.last_commit_files(), sorted(written))
        self.assertEqual(self.last_commit_message(), "log-email: 6 messages at 4 clients")
        self.assertCheckClean()

    def test_thunderbird_reply_out_with_flowed_text_signature_quote_and_pdf(self):
        found = [v for v in self.visits("acme-engineering").values()
                 if v["subject"].startswith("Re: Phase 2")]
        self.assertEqual(len(found), 1)
        self.assertEqual(found[0], {
            "date": date(2026, 11, 23),
            "by": "Alice Smith",
            "kind": "email",
            "with": ["Jane Doe", "Tom Lee"],
            "subject": "Re: Phase 2 scope for the bridge retrofit",
            "direction": "out",
            "message_id": "7c1f0a52-3d5e-4b8a-9f2e-6a1d0c9b8e47@harbourpike.example",
            "in_reply_to": "CAJane123-x9@mail.acme.example",
            "attachments": attachments_of(DATA / "thunderbird-reply.eml"),
            "notes": "Hi Jane,\n\nHere is the revised scope. We can have the cost estimate to you "
                     "by Friday 4 December; Bob will call Tom about the depot access.\n\n"
                     "Regards,\nAlice\n",
        })
        self.assertEqual(found[0]["attachments"], [{"name": "Scope v2.pdf", "size": 1188}])

    def test_outlook_reply_in_windows_1252_with_its_reply_header_left_out(self):
        v = self.only_visit("muller-sohne-gmbh")
        self.assertEqual(v, {
            "date": date(2026, 11, 24),
            "by": "Alice Smith",
            "kind": "email",
            "with": ["Jürgen Müller"],
            "subject": "AW: Angebot für die Brücke",
            "direction": "in",
            "message_id": "SY4P282MB1234ABCD5678EF90A1B2C3D4E5F6A@SY4P282MB1234.AUSP282.PROD."
                          "OUTLOOK.COM",
            "in_reply_to": "20261123091200.GA1234@harbourpike.example",
            "attachments": [{"name": "Kostenschätzung 2027.xlsx", "size": 2056}],
            "notes": "Hallo Alice,\n\nvielen Dank für das Angebot. Die Kosten von 12.500 € passen; "
                     "können wir am Dienstag telefonieren? Die ‘Brücke’ ist uns wichtig.\n\n"
                     "Mit freundlichen Grüßen\nJürgen Müller\nMüller & Söhne GmbH\n",
        })
        self.assertEqual(v["attachments"], attachments_of(DATA / "outlook-reply.eml"))

    def test_gmail_from_a_public_domain_matched_by_the_contacts_own_address(self):
        v = self.only_visit("northern-water")
        self.assertEqual(v, {
            "date": date(2026, 11, 25),
            "by": "Bob Jones",
            "kind": "email",
            "with": ["Marcus Brown"],
            "subject": "Re: Drone inspections for the depot",
            "direction": "in",
            "message_id": "CAB3xYz+q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9=AbC@mail.gmail.com",
            "in_reply_to": "20261124021000.GB5678@harbourpike.example",
            "notes": "Hi Bob,\n\nYes, drone inspections would help us with the depot roof — "
                     "could you send a\nquote by the end of next week? I’m away 7–11 December."
                     "\n\nCheers,\nMarcus\n",
        })

    def test_apple_mail_with_the_pdf_in_its_html_branch(self):
        [v] = [v for v in self.visits("acme-engineering").values() if v["subject"] == "Re: Site walk"]
        self.assertEqual(v, {
            "date": date(2026, 11, 26),
            "by": "Bob Jones",
            "kind": "email",
            "with": ["Tom Lee"],
            "subject": "Re: Site walk",
            "direction": "in",
            "message_id": "6A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D@acme.example",
            "in_reply_to": "20261125060200.GC9012@harbourpike.example",
            "attachments": attachments_of(DATA / "apple-mail.eml"),
            "notes": "Hi Bob,\n\nFriday works. See you at the depot gate at 9; photos of the roof "
                     "attached.\n\nTom\n",
        })
        self.assertEqual(v["attachments"], [{"name": "Depot roof photos.pdf", "size": 1046}])

    def test_html_only_as_text_matched_by_the_clients_domain(self):
        [v] = [v for v in self.visits("acme-engineering").values()
               if v["subject"] == "Depot procurement"]
        self.assertEqual(v["with"], ["Priya Raman"])  # not a contact: the domain's person
        self.assertEqual(v["by"], "Alice Smith")
        self.assertEqual(v["direction"], "in")
        self.assertEqual(v["date"], date(2026, 11, 27))
        self.assertEqual(v["notes"],
                         "Hello Alice,\n\nI have taken over procurement from Jane for the depot "
                         "project. Please copy me on the tender documents & the site induction.\n\n"
                         "Priya\n\nGet Outlook for iOS\n")
        self.assertNotIn("attachments", v)

    def test_iso_2022_jp_text_and_encoded_words(self):
        v = self.only_visit("nihon-kogyo")
        self.assertEqual(v["subject"], "打ち合わせの日程")
        self.assertEqual(v["with"], ["Yuki Tanaka"])
        self.assertEqual(v["notes"], "田中です。\n来週の打ち合わせは火曜日でお願いします。\n")
        self.assertEqual(v["date"], date(2026, 11, 28))  # the sender's day (+0900)


class MatchingTest(CaptureTestCase):
    def test_a_contacts_address_in_any_case_on_any_line(self):
        self.log_bytes(message("Someone <x@other.example>", "JANE@ACME.EXAMPLE",
                               msgid="<case@x>"), "-", check=0)
        v = self.only_visit("acme-engineering")
        self.assertEqual(v["with"], ["Jane Doe"])
        self.assertEqual(v["by"], "Alice Smith")  # nobody of the team on it: the user

    def test_a_domain_shared_with_one_clients_contacts(self):
        self.log_bytes(message("New Person <new@brick.example>", "bob@harbourpike.example",
                               msgid="<dom@x>"), "-", check=0)
        v = self.only_visit("brick-co")
        self.assertEqual((v["with"], v["by"], v["direction"]), (["New Person"], "Bob Jones", "in"))

    def test_a_public_domain_never_matches_by_domain(self):
        # Northern Water's contact is at gmail.com: another gmail.com address is nobody's.
        r = self.log_bytes(message("Stranger <stranger@gmail.com>", "alice@harbourpike.example",
                                   subject="Quote?", msgid="<pub@x>"), "-", check=0)
        self.assertEqual(self.summary(r), "0 logged, 1 to the inbox")
        self.assertEqual(self.visits("northern-water"), {})
        [f] = self.inbox_files()
        m = self.load(f.relative_to(self.dir))
        self.assertNotIn("candidates", m)
        self.assertEqual(m["from"], "Stranger <stranger@gmail.com>")

    def test_two_clients_wait_in_the_inbox_with_both_as_candidates(self):
        r = self.log_bytes(message("Alice Smith <alice@harbourpike.example>",
                                   "Jane Doe <jane@acme.example>, Raj Patel <raj@brick.example>",
                                   subject="Joint site meeting", msgid="<two@x>"), "-", check=0)
        self.assertEqual(self.summary(r), "0 logged, 1 to the inbox")
        [f] = self.inbox_files()
        self.assertEqual(r.out.split(), [str(f.relative_to(self.dir))])
        m = self.load(f.relative_to(self.dir))
        self.assertEqual(m["candidates"], ["acme-engineering", "brick-co"])
        self.assertEqual(m["to"], ["Jane Doe <jane@acme.example>", "Raj Patel <raj@brick.example>"])
        self.assertEqual((m["by"], m["direction"], m["subject"]),
                         ("Alice Smith", "out", "Joint site meeting"))
        self.assertEqual(self.last_commit_files(), [str(f.relative_to(self.dir))])
        # Two clients sharing a domain are two candidates too.
        self.log_bytes(message("ann@east.example", "bob@harbourpike.example", msgid="<east@x>"),
                       "-", check=0)
        cands = [self.load(p.relative_to(self.dir)).get("candidates") for p in self.inbox_files()]
        self.assertIn(["east-one", "east-two"], cands)

    def test_the_teams_own_domain_is_no_clients(self):
        self.log_bytes(message("alice@harbourpike.example", "carol@harbourpike.example",
                               msgid="<team@x>"), "-", check=0)
        self.assertEqual(len(self.inbox_files()), 1)

    def test_client_forces_the_client(self):
        self.log_bytes(message("Stranger <s@gmail.com>", "alice@harbourpike.example",
                               msgid="<forced@x>"), "-", "--client", "brick", check=0)
        v = self.only_visit("brick-co")
        self.assertNotIn("with", v)  # nobody of Brick Co's on it
        self.assertEqual(self.inbox_files(), [])
        r = self.log_bytes(message("s@gmail.com", "alice@harbourpike.example", msgid="<f2@x>"),
                           "-", "--client", "nobody-at-all", check=1)
        self.assertIn("crm: error:", r.err)


    def test_a_refused_commit_says_no_summary_of_success(self):
        # A pre-commit hook refuses: the visit stays on disk, but crm never says it was
        # logged before the commit it could not make.
        hook = self.dir / ".git" / "hooks" / "pre-commit"
        hook.parent.mkdir(parents=True, exist_ok=True)
        hook.write_text("#!/bin/sh\nexit 1\n")
        hook.chmod(0o755)
        r = self.crm_in("log-email", str(DATA / "thunderbird-reply.eml"))
        self.assertEqual(r.code, 1, r)
        self.assertIn("crm: error: not committed", r.err)
        self.assertNotIn("1 logged", r.err)
        self.assertEqual(len(self.visits("acme-engineering")), 1)


class DeduplicationTest(CaptureTestCase):
    def test_the_same_message_twice_in_one_run_and_in_two_runs(self):
        path = DATA / "thunderbird-reply.eml"
        r = self.crm_in("log-email", str(path), str(path), check=0)
        self.assertEqual(self.summary(r), "1 logged, 1 skipped: 1 already logged")
        self.assertIn(f"{path}: skipped, already logged (Message-ID "
                      "7c1f0a52-3d5e-4b8a-9f2e-6a1d0c9b8e47@harbourpike.example)", r.err)
        commits = self.commit_count()
        r = self.log_bytes(path.read_bytes(), "-", check=0)
        self.assertEqual(self.summary(r), "0 logged, 1 skipped: 1 already logged")
        self.assertEqual(self.commit_count(), commits)  # nothing to commit
        self.assertEqual(len(self.visits("acme-engineering")), 1)

    def test_a_message_in_the_inbox_is_not_put_there_twice(self):
        m = message("x@gmail.com", "alice@harbourpike.example", msgid="<inbox-twice@x>")
        self.log_bytes(m, "-", check=0)
        r = self.log_bytes(m, "-", check=0)
        self.assertEqual(self.summary(r), "0 logged, 1 skipped: 1 already logged")
        self.assertEqual(len(self.inbox_files()), 1)

    def test_a_hand_edited_visit_with_the_id_counts_as_logged(self):
        self.write("clients/acme-engineering/visits/2026-11-20-alice-smith-abcdef.yaml",
                   "date: 2026-11-20\nkind: email\nmessage_id: typed@by.hand\n")
        r = self.log_bytes(message("jane@acme.example", "alice@harbourpike.example",
                                   msgid="<typed@by.hand>"), "-", check=0)
        self.assertEqual(self.summary(r), "0 logged, 1 skipped: 1 already logged")


class SkippedKindsTest(CaptureTestCase):
    def test_automatic_never_and_mass_mail_skipped_and_counted(self):
        jane, alice = "Jane Doe <jane@acme.example>", "alice@harbourpike.example"
        messages = [
            message(jane, alice, msgid="<ooo@x>", headers={"Auto-Submitted": "auto-replied"}),
            message(jane, alice, msgid="<list@x>", headers={"List-Id": "Acme news <news.acme.example>"}),
            message(jane, alice, msgid="<bulk@x>", headers={"Precedence": "bulk"}),
            message(jane, alice, msgid="<junk@x>", headers={"Precedence": "junk"}),
            message("payroll@harbourpike.example", jane, msgid="<pay@x>"),
            message(jane, "offers@mail.newsletter.example", msgid="<news@x>"),
            message(jane, ", ".join(f"p{i}@acme.example" for i in range(6)), msgid="<many@x>"),
            message(jane, alice, msgid="<person@x>", headers={"Auto-Submitted": "no"}),
            message(jane, ", ".join(f"p{i}@acme.example" for i in range(5)), msgid="<five@x>"),
        ]
        mbox = self.tmp / "skips.mbox"
        mbox.write_bytes(b"".join(b"From jane@acme.example Mon Nov 23 09:00:00 2026\n" + m + b"\n"
                                  for m in messages))
        r = self.crm_in("log-email", "--mbox", str(mbox), check=0)
        self.assertEqual(self.summary(r), "2 logged, 7 skipped: 4 automatic, 2 in capture.never, "
                                          "1 too many people")
        self.assertIn("message 1: skipped, automatic (Auto-Submitted: auto-replied)", r.err)
        self.assertIn("message 2: skipped, automatic (List-Id)", r.err)
        self.assertIn("message 5: skipped, in capture.never "
                      "(payroll@harbourpike.example is never logged)", r.err)
        self.assertIn("message 6: skipped, in capture.never (newsletter.example is never logged)",
                      r.err)
        self.assertIn("message 7: skipped, too many people (6 people, more than max_recipients 5)",
                      r.err)
        self.assertEqual(sorted(v["message_id"] for v in self.visits("acme-engineering").values()),
                         ["five@x", "person@x"])


if __name__ == "__main__":
    unittest.main()
