"""crm remind and crm notify, end to end through a real MTA path: Debian's msmtp as
mail.command, delivering to an SMTP server on 127.0.0.1 (mailtest.py), every message
parsed with Python's email package."""
import mailbox
import subprocess
import unittest

from harness import CrmTestCase
from mailtest import MailTestCase

ACME = "clients/acme-engineering/"
MULLER = "clients/muller-sohne-gmbh/"
CAROLS = "clients/carols-client/"


def read_mbox(path):
    box = mailbox.mbox(str(path))
    try:
        return list(box)
    finally:
        box.close()


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
        self.assertIn(b"=?utf-8?q?J=C3=BCrgen_M=C3=BCller?=", headers)
        self.assertEqual(str(juergen["Subject"]), "crm: 1 thing due by 2026-11-30 (1 overdue)")
        self.assertIn("Müller & Söhne GmbH", juergen.get_content())

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
                         "crm.yaml:8:12: mail.command is empty",
                         "crm.yaml:9:17: notify_on_sync: expected true or false"):
            self.assertIn(expected, text)


class NotifyTestCase(MailTestCase):
    """Alice owns Acme, Bob watches it; Jürgen owns Müller & Söhne."""

    def setUp(self):
        super().setUp()
        self.crm_in("add-client", "Acme Engineering", "--owner", "Alice Smith", check=0)
        self.crm_in("add-client", "Müller & Söhne GmbH", "--owner", "Jürgen Müller", check=0)
        self.crm_in("watch", "acme", "bob jones", check=0)

    def log(self, who, client, summary, *args, date=None):
        extra = ["--date", date] if date else []
        return self.crm_in("log-visit", client, summary, *extra, *args,
                           env={"CRM_USER": who}, check=0)


class NotifyTest(NotifyTestCase):
    def test_the_first_run_sends_nothing_and_says_so(self):
        self.log("Carol White", "acme", "Before the first notify")
        r = self.crm_in("notify", check=0)
        self.assertIn("the first crm notify from this clone sends nothing", r.err)
        self.assertEqual(self.received(), [])
        self.assertTrue((self.dir / ".crm/notify").exists())
        self.assertEqual(self.git("status", "--porcelain"), "", "the state is not committed")

    def test_others_work_at_clients_watched_or_owned_never_ones_own(self):
        self.crm_in("notify", check=0)
        self.log("Carol White", "acme", "Phase 2 scope for the bridge",
                 "--promise", "Send capability statement by 2026-11-30", "--next", "2026-12-15",
                 date="2026-11-22")
        self.log("Alice Smith", "acme", "Alice's own visit")
        self.log("Bob Jones", "muller", "Bob at Müller")
        self.crm_in("review", "muller", "--project", "Brücke", "--rating", "happy",
                    env={"CRM_USER": "Jürgen Müller"}, check=0)
        self.crm_in("notify", check=0)
        got = self.by_recipient()
        # Carol owns and watches nothing; Jürgen's only news is his own review and Bob's
        # visit; Alice and Bob hear of Acme.
        self.assertEqual(sorted(got), ["alice@hp.example", "bob@hp.example",
                                       "juergen@hp.example"])

        alice = got["alice@hp.example"]
        self.assertEqual(str(alice["Subject"]), "crm: 1 new report at Acme Engineering")
        body = alice.get_content()
        self.assertIn("Acme Engineering (acme-engineering), you own it", body)
        self.assertIn("2026-11-22  visit by Carol White", body)
        self.assertIn("Phase 2 scope for the bridge", body)
        self.assertIn("Promised: Send capability statement, due 2026-11-30", body)
        self.assertIn("Next contact: 2026-12-15", body)
        self.assertNotIn("Alice's own visit", body)

        bob = got["bob@hp.example"].get_content()
        self.assertIn("you watch it", bob)
        self.assertLess(bob.index("Phase 2 scope"), bob.index("Alice's own visit"))
        self.assertNotIn("Bob at Müller", bob)

        juergen = got["juergen@hp.example"]
        self.assertEqual(str(juergen["To"]), "Jürgen Müller <juergen@hp.example>")
        self.assertEqual(str(juergen["Subject"]), "crm: 1 new report at Müller & Söhne GmbH")
        self.assertIn("Bob at Müller", juergen.get_content())
        self.assertNotIn("Brücke", juergen.get_content())

        # Twice in a row: nothing the second time.
        r = self.crm_in("notify", check=0)
        self.assertEqual(r.err, "")
        self.assertEqual(len(self.received()), 3)

    def test_nothing_for_a_teammate_whose_only_news_is_their_own_work(self):
        self.crm_in("notify", check=0)
        self.log("Alice Smith", "acme", "Alice at her own client")
        self.crm_in("notify", check=0)
        got = self.by_recipient()
        self.assertEqual(sorted(got), ["bob@hp.example"])
        self.assertIn("Alice at her own client", got["bob@hp.example"].get_content())

    def test_a_record_logged_late_with_an_old_date_is_still_news(self):
        self.crm_in("notify", check=0)
        self.log("Carol White", "acme", "Logged late", date="2026-10-01")
        self.crm_in("notify", check=0)
        self.assertIn("Logged late", self.by_recipient()["alice@hp.example"].get_content())

    def test_since_takes_records_dated_on_or_after_and_sends_each_once(self):
        self.log("Carol White", "acme", "Old news", date="2026-10-01")
        self.log("Carol White", "acme", "Recent", date="2026-11-20")
        self.crm_in("notify", "--since", "2026-11-15", check=0)
        body = self.by_recipient()["alice@hp.example"].get_content()
        self.assertIn("Recent", body)
        self.assertNotIn("Old news", body)
        self.crm_in("notify", "--since", "2026-11-15", check=0)
        self.assertEqual(len(self.received()), 2)  # Alice and Bob, once each

    def test_dry_run_and_mbox_count_as_nothing(self):
        self.crm_in("notify", check=0)
        self.log("Carol White", "acme", "Shown, not sent")
        r = self.crm_in("notify", "--dry-run", check=0)
        self.assertIn("Subject: crm: 1 new report at Acme Engineering", r.out)
        box = self.tmp / "n.mbox"
        self.crm_in("notify", "--mbox", str(box), check=0)
        self.assertEqual(len(read_mbox(box)), 2)
        self.assertEqual(self.received(), [])
        self.crm_in("notify", check=0)
        self.assertEqual(len(self.received()), 2)

    def test_a_failure_then_a_retry_sends_each_message_once(self):
        self.crm_in("notify", check=0)
        flag = self.tmp / "refuse"
        flag.touch()
        mta = self.script("mta", f"""msg=$(cat)
if [ -e '{flag}' ] && printf '%s' "$msg" | grep -q '^To: Alice Smith'; then
    echo "421 try again later" >&2; exit 75
fi
printf '%s\\n' "$msg" | {self.msmtp_command()}
""")
        self.set_settings(command=str(mta))
        self.log("Carol White", "acme", "News for both")
        r = self.crm_in("notify", check=1)
        self.assertIn("mail to Alice Smith <alice@hp.example> was not sent", r.err)
        self.assertIn("421 try again later", r.err)
        self.assertEqual(sorted(self.by_recipient()), ["bob@hp.example"])
        flag.unlink()
        self.crm_in("notify", check=0)
        self.crm_in("notify", check=0)
        self.assertEqual(sorted(self.by_recipient()), ["alice@hp.example", "bob@hp.example"])


class NotifyWithoutGitTest(MailTestCase):
    def test_by_date_when_the_folder_is_not_in_git(self):
        import shutil
        shutil.rmtree(self.dir / ".git")
        self.crm_in("add-client", "Acme Engineering", "--owner", "Alice Smith", check=0)
        self.crm_in("notify", check=0)
        self.crm_in("log-visit", "acme", "No git here", env={"CRM_USER": "Bob Jones"}, check=0)
        self.crm_in("notify", check=0)
        [(msg, rcpt, _)] = self.received()
        self.assertEqual(rcpt, ["alice@hp.example"])
        self.assertIn("No git here", msg.get_content())
        self.crm_in("notify", check=0)
        self.assertEqual(len(self.received()), 1)


class NotifyOnSyncTest(NotifyTestCase):
    def setUp(self):
        super().setUp()
        self.remote = self.tmp / "remote.git"
        subprocess.run(["git", "init", "-q", "--bare", str(self.remote)], check=True,
                       env=self.env)
        self.git("remote", "add", "origin", str(self.remote))
        self.git("push", "-q", "-u", "origin", "main")

    def test_sync_mails_what_it_pushed_when_notify_on_sync_is_true(self):
        self.log("Carol White", "acme", "Pushed by sync")
        self.crm_in("sync", check=0)
        self.assertEqual(self.received(), [], "notify_on_sync is false by default")
        self.set_settings(extra="notify_on_sync: true\n")
        self.log("Carol White", "acme", "Shared with the team")
        self.crm_in("sync", check=0)
        got = self.by_recipient()
        self.assertEqual(sorted(got), ["alice@hp.example", "bob@hp.example"])
        body = got["alice@hp.example"].get_content()
        self.assertIn("Shared with the team", body)
        self.assertNotIn("Pushed by sync", body)
        # Nothing pushed, nothing mailed.
        self.crm_in("sync", check=0)
        self.assertEqual(len(self.received()), 2)


class WatchTeammatesTest(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.crm_in("add-client", "Acme Engineering", check=0)

    def team(self):
        self.write("crm.yaml", "team:\n  - {name: Alice Smith, email: alice@hp.example}\n"
                   "  - {name: Bob Jones, email: bob@hp.example}\n"
                   "mail: {from: crm@hp.example}\n")

    def test_a_lead_subscribes_colleagues_as_the_team_spells_them(self):
        self.team()
        self.crm_in("watch", "acme", "bob JONES", "alice smith", check=0)
        self.assertEqual(self.load("clients/acme-engineering/client.yaml")["watchers"],
                         ["Bob Jones", "Alice Smith"])
        self.assertEqual(self.last_commit_message(),
                         "watch: Acme Engineering (Bob Jones, Alice Smith)")
        r = self.crm_in("watch", "acme", "Bob Jones", check=0)
        self.assertIn("Bob Jones already watches", r.err)
        self.crm_in("unwatch", "acme", "bob jones", check=0)
        self.assertEqual(self.load("clients/acme-engineering/client.yaml")["watchers"],
                         ["Alice Smith"])

    def test_a_name_not_in_the_team_is_refused(self):
        self.team()
        r = self.crm_in("watch", "acme", "Dave", check=2)
        self.assertIn("'Dave' is not in crm.yaml's team", r.err)
        self.assertIn("the team: Alice Smith, Bob Jones", r.err)
        self.assertNotIn("watchers", (self.dir / "clients/acme-engineering/client.yaml").read_text())

    def test_without_a_team_any_name_and_by_default_the_user(self):
        self.crm_in("watch", "acme", check=0)
        self.crm_in("watch", "acme", "Dave Stranger", check=0)
        self.assertEqual(self.load("clients/acme-engineering/client.yaml")["watchers"],
                         ["Alice Smith", "Dave Stranger"])


if __name__ == "__main__":
    unittest.main()
