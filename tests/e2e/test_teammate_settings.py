"""Nothing a teammate pushes runs on my machine (issue 22, finding 1; spec sections 2, 5).

Bob commits a crm.yaml whose mail.command would write a file, with notify_on_sync: true,
and pushes. Alice pulls it with `crm sync`, and runs `crm remind` and `crm notify`: the
file never appears, every one of them warns on stderr, and her mail goes through her own
mail command (CRM_MAIL_COMMAND, else git's crm.mailCommand, else sendmail -t -oi) to the
SMTP sink of mailtest.py."""
import subprocess
import unittest

from mailtest import MailTestCase

ALICE, BOB = "Alice Smith", "Bob Jones"
ACME = "clients/acme-engineering/"


class TeammateSettingsTest(MailTestCase):
    def setUp(self):
        super().setUp()
        # Acme is Bob's; Alice promised something there, due this week.
        self.crm_in("add-client", "Acme Engineering", "--owner", BOB, check=0)
        self.crm_in("log-visit", "acme", "Kick-off", "--promise", "Send the statement by fri",
                    check=0)
        self.remote = self.tmp / "remote.git"
        subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(self.remote)],
                       check=True, env=self.env)
        self.git("remote", "add", "origin", str(self.remote))
        self.git("push", "-q", "-u", "origin", "main")
        # Alice's mail command is hers: in her clone's git config, not in the folder.
        del self.env["CRM_MAIL_COMMAND"]
        self.git("config", "crm.mailCommand", self.msmtp_command())
        self.pwned = self.tmp / "pwned"
        self.bob_pushes_a_mail_command()

    def bob_pushes_a_mail_command(self):
        bob = self.tmp / "bob"
        self.git("clone", "-q", str(self.remote), str(bob), cwd=self.tmp)
        text = (bob / "crm.yaml").read_text()
        text = text.replace("mail:\n  from: crm@hp.example\n",
                            "mail:\n  from: crm@hp.example\n"
                            f"  command: \"sh -c 'id > {self.pwned}; cat >/dev/null'\"\n")
        self.assertIn("command:", text)
        (bob / "crm.yaml").write_text(text + "notify_on_sync: true\n")
        self.git("commit", "-q", "-am", "mail through my script", cwd=bob)
        self.git("push", "-q", "origin", "main", cwd=bob)

    def assertWarned(self, r):
        self.assertIn("crm: warning: crm.yaml:", r.err)
        self.assertIn("mail.command names a program, and crm never runs a program named in "
                      "the shared folder", r.err)
        self.assertIn("git config --global crm.mailCommand", r.err)

    def test_a_pulled_mail_command_never_runs_and_mine_sends(self):
        r = self.crm_in("sync", check=0)
        self.assertIn("pulled 1 commit", r.err)
        self.assertIn("command:", (self.dir / "crm.yaml").read_text())
        self.assertFalse(self.pwned.exists(), "the teammate's mail.command ran on sync")
        # Alice's visit at Bob's client: the next sync pushes it, and notify_on_sync (Bob's,
        # pulled) mails Bob through Alice's own command.
        self.crm_in("log-visit", "acme", "Site walk", check=0)
        r = self.crm_in("sync", check=0)
        self.assertIn("pushed 1 commit", r.err)
        self.assertFalse(self.pwned.exists(), "the teammate's mail.command ran on sync")
        self.assertWarned(r)
        [(msg, rcpt, _)] = self.received()
        self.assertEqual(rcpt, ["bob@hp.example"])
        self.assertIn("Site walk", msg.get_content())

        # remind, as cron runs it, with CRM_MAIL_COMMAND: it wins over git's config.
        refused = self.script("refusing-mta", f"touch '{self.tmp}/git-config-ran'\nexit 1\n")
        self.git("config", "crm.mailCommand", str(refused))
        r = self.crm_in("remind", env={"CRM_MAIL_COMMAND": self.msmtp_command()}, check=0)
        self.assertFalse(self.pwned.exists(), "the teammate's mail.command ran on remind")
        self.assertWarned(r)
        self.assertFalse((self.tmp / "git-config-ran").exists())
        got = self.received()
        self.assertEqual(len(got), 2)
        self.assertEqual(got[1][1], ["alice@hp.example"])
        self.assertIn("Send the statement", got[1][0].get_content())

        # notify, through git's crm.mailCommand again.
        self.git("config", "crm.mailCommand", self.msmtp_command())
        self.crm_in("log-visit", "acme", "Follow-up call", check=0)
        r = self.crm_in("notify", "--since", "2026-11-01", check=0)
        self.assertFalse(self.pwned.exists(), "the teammate's mail.command ran on notify")
        self.assertWarned(r)
        got = self.received()
        self.assertEqual(len(got), 3)
        self.assertEqual(got[2][1], ["bob@hp.example"])
        self.assertIn("Follow-up call", got[2][0].get_content())

        # crm check says so too, as a warning: the folder is not broken.
        r = self.crm_in("check", check=0)
        self.assertIn("warning: crm.yaml:", r.out)
        self.assertIn("mail.command names a program", r.out)
        self.assertIn("1 ignored setting that name a program", r.err)
        self.assertFalse(self.pwned.exists())

    def test_without_any_configuration_sendmail_is_run_as_sendmail_t_oi(self):
        self.git("config", "--unset", "crm.mailCommand")
        self.crm_in("sync", check=0)  # Bob's crm.yaml arrives
        bin_dir = self.tmp / "bin"
        bin_dir.mkdir()
        calls = self.tmp / "sendmail-calls"
        fake = bin_dir / "sendmail"
        fake.write_text(f"#!/bin/sh\necho \"$*\" >> '{calls}'\ncat > /dev/null\n")
        fake.chmod(0o755)
        r = self.crm_in("remind", env={"PATH": f"{bin_dir}:{self.env['PATH']}"}, check=0)
        self.assertWarned(r)
        self.assertEqual(calls.read_text(), "-t -oi\n")
        self.assertFalse(self.pwned.exists())
        self.assertEqual(self.received(), [])

    def test_a_broken_mail_command_of_mine_is_named_where_it_is_set(self):
        r = self.crm_in("remind", env={"CRM_MAIL_COMMAND": "msmtp 'unclosed"}, check=1)
        self.assertIn("crm: error: CRM_MAIL_COMMAND has an unclosed", r.err)
        self.git("config", "crm.mailCommand", "/nonexistent/mta -t")
        r = self.crm_in("remind", check=1)
        self.assertIn("was not sent: cannot run /nonexistent/mta", r.err)
        self.assertIn("git config crm.mailCommand", r.err)
        self.assertEqual(self.received(), [])


if __name__ == "__main__":
    unittest.main()
