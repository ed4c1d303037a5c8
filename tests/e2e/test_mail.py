"""crm remind and crm notify, end to end through a real MTA path: Debian's msmtp as
the mail command (CRM_MAIL_COMMAND), delivering to an SMTP server on 127.0.0.1 (mailtest.py), every message
parsed with Python's email package."""
import unittest

from mailtest import MailTestCase, read_mbox

ACME = "clients/acme-engineering/"
MULLER = "clients/muller-sohne-gmbh/"
CAROLS = "clients/carols-client/"


class RemindTestCase(MailTestCase):
    """Alice owns Acme, where Bob promised and agreed things; Jürgen owns Müller & Söhne,
    where Alice promised something; Carol's only client has nothing due."""

    def setUp(self):
        super().setUp()
        self.write(ACME + "client.yaml", "name: Acme Engineering\nstage: client\ntier: A\n"
                   "owner: Alice Smith\nsince: 2026-01-01\n")
        self.write(ACME + "visits/2026-11-10-bob-jones-aaaaaa.yaml",
                   "date: 2026-11-10\nby: Bob Jones\nkind: visit\n"
                   "promises:\n  - what: Send capability statement\n    due: 2026-11-20\n"
                   "actions:\n  - what: Ask for the cost estimate\n    due: 2026-11-27\n"
                   "next_contact: 2026-11-25\n")
        self.write(MULLER + "client.yaml", "name: Müller & Söhne GmbH\nstage: client\ntier: B\n"
                   "owner: jürgen müller\nsince: 2026-01-01\n")
        self.write(MULLER + "visits/2026-11-01-alice-smith-bbbbbb.yaml",
                   "date: 2026-11-01\nby: Alice Smith\nkind: call\n"
                   "promises:\n  - what: Schicke das Angebot für die Brücke\n    due: 2026-11-26\n"
                   "next_contact: 2026-11-18\n")
        self.write(CAROLS + "client.yaml", "name: Carol's Client\nstage: client\ntier: A\n"
                   "owner: Carol White\nsince: 2026-01-01\n")
        self.write(CAROLS + "visits/2026-11-20-carol-white-cccccc.yaml",
                   "date: 2026-11-20\nby: Carol White\nnext_contact: 2027-01-10\n")
        self.git("add", "-A")
        self.git("commit", "-q", "-m", "records")


class RemindTest(RemindTestCase):
    def test_each_teammate_gets_their_own_items_by_mail(self):
        r = self.crm_in("remind", check=0)
        self.assertEqual(r.out, "")
        self.assertEqual(r.err, "", "a run that worked is silent off a terminal (cron)")
        got = self.by_recipient()
        # Carol has nothing due: no message for her.
        self.assertEqual(sorted(got), ["alice@hp.example", "bob@hp.example",
                                       "juergen@hp.example"])
        for msg in got.values():
            self.assertEqual(msg["MIME-Version"], "1.0")
            self.assertEqual(msg.get_content_type(), "text/plain")
            self.assertEqual(msg.get_content_charset(), "utf-8")
            self.assertEqual(msg["Content-Transfer-Encoding"], "quoted-printable")
            self.assertEqual(str(msg["From"]), "crm <crm@hp.example>")
            self.assertEqual(msg["Date"].datetime.date().isoformat(), "2026-11-23")
            self.assertTrue(msg["Message-ID"].endswith("@hp.example>"))
        ids = {str(m["Message-ID"]) for m in got.values()}
        self.assertEqual(len(ids), 3, "Message-IDs are unique")

        bob = got["bob@hp.example"]
        self.assertEqual(str(bob["To"]), "Bob Jones <bob@hp.example>")
        self.assertEqual(str(bob["Subject"]), "crm: 2 things due by 2026-11-30 (1 overdue)")
        body = bob.get_content()
        # Overdue first, then by date; Bob's promise and action, not Alice's contact.
        self.assertLess(body.index("Send capability statement"),
                        body.index("Ask for the cost estimate"))
        self.assertIn("3 days overdue", body)
        self.assertNotIn("get in touch", body)

        alice = got["alice@hp.example"]
        self.assertEqual(str(alice["Subject"]), "crm: 2 things due by 2026-11-30")
        body = alice.get_content()
        self.assertLess(body.index("contact    Acme Engineering"),
                        body.index("promise    Müller & Söhne GmbH"))
        self.assertIn("Schicke das Angebot für die Brücke", body)

        juergen = got["juergen@hp.example"]
        # RFC 2047 in the raw header, the name itself once decoded.
        self.assertEqual(str(juergen["To"]), "Jürgen Müller <juergen@hp.example>")
        raw = [raw for _, rcpt, raw in self.received() if rcpt == ["juergen@hp.example"]][0]
        headers = raw.split(b"\r\n\r\n")[0] if b"\r\n\r\n" in raw else raw.split(b"\n\n")[0]
        self.assertTrue(all(b < 0x80 for b in headers), "headers are ASCII")
        self.assertRegex(headers, rb"To: =\?(?i:utf-8)\?[bBqQ]\?[^?]+\?= <juergen@hp\.example>")
        self.assertEqual(str(juergen["Subject"]), "crm: 1 thing due by 2026-11-30 (1 overdue)")
        self.assertIn("Müller & Söhne GmbH", juergen.get_content())

    def test_due_owner_lists_exactly_what_remind_to_mails(self):
        # One rule of whose each item is (spec section 3): Alice owns Acme, where Bob made
        # a promise and an action; Alice made a promise at Jürgen's client.
        import json
        for name, address in (("Alice Smith", "alice@hp.example"), ("Bob Jones", "bob@hp.example"),
                              ("Jürgen Müller", "juergen@hp.example")):
            with self.subTest(name=name):
                due = json.loads(self.crm_in("due", "--owner", name, "--format", "json",
                                             check=0).out)
                whats = [i["what"] for i in due["items"]]
                self.assertTrue(whats)
                self.assertTrue(all(i["who"].casefold() == name.casefold()
                                    for i in due["items"]), due["items"])
                self.crm_in("remind", "--to", name, check=0)
                body = self.by_recipient()[address].get_content()
                listed = [line for line in body.splitlines() if line.startswith("  20")]
                self.assertEqual(len(listed), len(whats), body)
                for what in whats:
                    self.assertIn(what, body)
        mine = json.loads(self.crm_in("due", "--mine", "--format", "json", check=0).out)
        alice = json.loads(self.crm_in("due", "--owner", "Alice Smith", "--format", "json",
                                       check=0).out)
        self.assertEqual(mine["items"], alice["items"])

    def test_a_rerun_the_same_day_sends_nothing_a_new_day_or_window_does(self):
        self.crm_in("remind", check=0)
        self.assertEqual(len(self.received()), 3)
        self.crm_in("remind", check=0)
        self.assertEqual(len(self.received()), 3)
        self.crm_in("remind", "--within", "14d", check=0)
        self.assertEqual(len(self.received()), 6)
        self.crm_in("remind", env={"CRM_TODAY": "2026-11-24"}, check=0)
        self.assertEqual(len(self.received()), 9)

    def test_until_eom_on_the_first_of_the_month(self):
        self.crm_in("remind", "--until", "eom", "--to", "Bob Jones",
                    env={"CRM_TODAY": "2026-11-01"}, check=0)
        [(msg, rcpt, _)] = self.received()
        self.assertEqual(rcpt, ["bob@hp.example"])
        self.assertEqual(str(msg["Subject"]), "crm: 2 things due by 2026-11-30")
        self.assertEqual(msg["Date"].datetime.date().isoformat(), "2026-11-01")

    def test_to_limits_the_teammates_and_refuses_a_stranger(self):
        self.crm_in("remind", "--to", "  bob JONES ", "--to", "Carol White", check=0)
        self.assertEqual(sorted(self.by_recipient()), ["bob@hp.example"])
        r = self.crm_in("remind", "--to", "Dave", check=2)
        self.assertIn("'Dave' is not in crm.yaml's team", r.err)
        self.assertIn("Alice Smith, Bob Jones, Jürgen Müller, Carol White", r.err)
        self.assertEqual(len(self.received()), 1)

    def test_dry_run_runs_no_command_and_records_nothing(self):
        ran = self.tmp / "ran"
        self.set_settings(command=str(self.script("mta", f"touch '{ran}'\ncat >/dev/null\n")))
        r = self.crm_in("remind", "--dry-run", check=0)
        self.assertFalse(ran.exists(), "the mail command ran on --dry-run")
        self.assertFalse((self.dir / ".crm/mail-sent").exists())
        printed = self.tmp / "printed.mbox"
        printed.write_text(r.out)
        subjects = [m["Subject"] for m in read_mbox(printed)]
        self.assertEqual(len(subjects), 3)
        # Nothing counted as sent: the real run sends all three.
        self.crm_in("remind", check=0)
        self.assertTrue(ran.exists())
        self.assertEqual(len((self.dir / ".crm/mail-sent").read_text().splitlines()), 3)

    def test_mbox_appends_and_reads_back(self):
        box = self.tmp / "out.mbox"
        self.crm_in("remind", "--mbox", str(box), check=0)
        self.crm_in("remind", "--mbox", str(box), "--to", "Bob Jones", check=0)
        self.assertEqual(self.received(), [])
        self.assertFalse((self.dir / ".crm/mail-sent").exists())
        messages = read_mbox(box)
        self.assertEqual(len(messages), 4)
        self.assertEqual([m["To"].split("<")[1] for m in messages],
                         ["alice@hp.example>", "bob@hp.example>", "juergen@hp.example>",
                          "bob@hp.example>"])
        self.crm_in("remind", check=0)
        self.assertEqual(len(self.received()), 3)
        self.crm_in("remind", "--dry-run", "--mbox", str(box), check=2)

    def test_a_failure_for_one_recipient_then_a_retry_sends_each_message_once(self):
        flag = self.tmp / "refuse-bob"
        flag.touch()
        mta = self.script("mta", f"""msg=$(cat)
if [ -e '{flag}' ] && printf '%s' "$msg" | grep -q '^To: Bob Jones'; then
    echo "550 5.1.1 <bob@hp.example>: mailbox unavailable" >&2
    exit 1
fi
printf '%s\\n' "$msg" | {self.msmtp_command()}
""")
        self.set_settings(command=str(mta))
        r = self.crm_in("remind", check=1)
        self.assertIn("mail to Bob Jones <bob@hp.example> was not sent", r.err)
        self.assertIn("550 5.1.1", r.err)
        self.assertEqual(sorted(self.by_recipient()), ["alice@hp.example", "juergen@hp.example"])
        flag.unlink()
        self.crm_in("remind", check=0)
        self.crm_in("remind", check=0)
        # Each teammate exactly once over the three runs.
        self.assertEqual(sorted(self.by_recipient()),
                         ["alice@hp.example", "bob@hp.example", "juergen@hp.example"])

    def test_a_mail_command_that_cannot_run(self):
        self.set_settings(command="/nonexistent/sendmail -t")
        r = self.crm_in("remind", "--to", "Bob Jones", check=1)
        self.assertIn("mail to Bob Jones <bob@hp.example> was not sent: cannot run "
                      "/nonexistent/sendmail", r.err)


class HostileSettingsTest(RemindTestCase):
    def test_a_hostile_address_is_refused_before_any_mail(self):
        self.set_settings(team=[("Alice Smith", "alice@hp.example"),
                                ("Bob Jones", "'x@y.example; touch pwned'")])
        for args in (["remind"], ["remind", "--dry-run"], ["notify", "--since", "2026-11-01"]):
            r = self.crm_in(*args, check=1)
            self.assertIn("crm.yaml:3:", r.err)
            self.assertIn("'x@y.example; touch pwned' is not a plain e-mail address", r.err)
            self.assertEqual(r.out, "")
        self.assertEqual(self.received(), [])
        self.assertFalse((self.tmp / "pwned").exists())
        self.assertFalse((self.dir / "pwned").exists())

    def test_header_injection_through_settings_is_refused(self):
        self.set_settings(team=[("Alice Smith", '"alice@hp.example\\nBcc: eve@evil.example"')])
        r = self.crm_in("remind", check=1)
        self.assertIn("contains a line break", r.err)
        self.set_settings(team=[('"Alice\\r\\nBcc: eve@evil.example"', "alice@hp.example")])
        r = self.crm_in("remind", check=1)
        self.assertIn("a name must be one line", r.err)
        self.assertEqual(self.received(), [])

    def test_header_injection_through_records_goes_nowhere(self):
        # A client's name from a teammate's file lands in a Subject, as text.
        self.write(ACME + "client.yaml",
                   'name: "Acme\\r\\nBcc: eve@evil.example\\n\\nHi"\nstage: client\ntier: A\n'
                   "owner: Alice Smith\nsince: 2026-01-01\nwatchers: [Bob Jones]\n")
        self.crm_in("notify", check=0)  # the first run: where it stands
        self.crm_in("log-visit", "acme", "Injected?", env={"CRM_USER": "Carol White"}, check=0)
        self.crm_in("notify", check=0)
        got = self.received()
        self.assertEqual(sorted(r[0] for _, r, _ in got), ["alice@hp.example", "bob@hp.example"])
        for msg, _, raw in got:
            self.assertIsNone(msg["Bcc"])
            self.assertNotIn(b"\nBcc:", raw.split(b"\n\n")[0].replace(b"\r", b""))
            self.assertEqual(str(msg["Subject"]), "crm: 1 new report at Acme  Bcc: "
                             "eve@evil.example  Hi")

    def test_crm_check_names_each_bad_team_and_mail_entry_with_file_and_line(self):
        self.write("crm.yaml", "team:\n"
                   "  - {name: Alice Smith, email: alice@hp.example}\n"
                   "  - {name: Bob Jones, email: 'x@y.example; touch pwned'}\n"
                   "  - {email: nobody@hp.example}\n"
                   "  - {name: ALICE SMITH, email: other@hp.example}\n"
                   "mail:\n  from: 'CRM <crm@hp.example>'\n  command: ''\n"
                   "notify_on_sync: perhaps\n")
        r = self.crm_in("check", check=1)
        text = r.out + r.err
        for expected in ("crm.yaml:3:", "is not a plain e-mail address: it contains ';'",
                         "crm.yaml:4:5: team: a member has no name:",
                         "crm.yaml:5:12: team: 'ALICE SMITH' is listed twice (first on line 2)",
                         "crm.yaml:7:9: mail.from 'CRM <crm@hp.example>' is not a plain",
                         "crm.yaml:9:17: notify_on_sync: expected true or false",
                         "warning: crm.yaml:8:3: mail.command names a program"):
            self.assertIn(expected, text)
        self.assertNotIn("mail.command is empty", text)


if __name__ == "__main__":
    unittest.main()
