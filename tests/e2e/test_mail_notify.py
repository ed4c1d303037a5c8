"""crm notify (and crm sync's notify_on_sync), end to end through a real MTA path as in
test_mail.py; and crm watch of teammates, whose alerts notify sends."""
import shutil
import subprocess
import unittest

from harness import CrmTestCase
from mailtest import MailTestCase, read_mbox


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

    def test_a_failing_mail_command_after_the_push_says_how_to_send_again(self):
        self.set_settings(command="false", extra="notify_on_sync: true\n")
        self.log("Carol White", "acme", "Pushed, not mailed")
        r = self.crm_in("sync", check=1)
        self.assertIn("was not sent", r.err)
        self.assertIn("the push went through; crm notify --since 2026-11-23", r.err)
        self.assertEqual(self.git("rev-parse", "HEAD"), self.git("rev-parse", "origin/main"))
        self.set_settings(extra="notify_on_sync: true\n")
        self.crm_in("notify", "--since", "2026-11-23", check=0)
        self.assertEqual(sorted(self.by_recipient()), ["alice@hp.example", "bob@hp.example"])


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
