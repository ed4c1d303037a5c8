"""How mail reaches crm log-email: the README's recipes run for real (procmail and maildrop
delivering a BCC address into the folder, fetchmail's mda, mutt's and aerc's pipe, saved
.eml files, an mbox, a maildir), and bad input: named skips or one-line errors, nothing
half-written, nothing logged twice, no record crm check would refuse."""
import email
import email.policy
import os
import shutil
import subprocess
import unittest

from capture import DATA, CaptureTestCase, message
from harness import CRM

PROCMAIL = shutil.which("procmail")
MAILDROP = shutil.which("maildrop")


class RecipesTest(CaptureTestCase):
    def deliver(self, argv, data, env=None):
        full_env = dict(self.env)
        full_env.update(env or {})
        return subprocess.run(argv, input=data, capture_output=True, env=full_env,
                              cwd=str(self.tmp), timeout=120)

    def test_a_bcc_address_delivered_through_procmail(self):
        self.assertTrue(PROCMAIL, "procmail is missing (scripts/bootstrap installs it)")
        mail = self.home / "Mail"
        mail.mkdir()
        # The README's recipe, with crm's folder and program named in full: procmail starts
        # with an environment of its own (PATH, HOME from the password file).
        rc = self.home / ".procmailrc"
        rc.write_text(
            "SHELL=/bin/sh\n"
            f"PATH={os.path.dirname(CRM)}:/usr/bin:/bin\n"
            "CRM_TODAY=2026-11-30\n"
            "MAILDIR=$HOME/Mail\n"
            "DEFAULT=$HOME/Mail/inbox\n"
            "LOGFILE=$HOME/procmail.log\n"
            "# Every message to the BCC address becomes a visit; one crm cannot take stays\n"
            "# in DEFAULT.\n"
            ":0 w\n"
            f"| {os.path.basename(CRM)} --dir {self.dir} log-email -\n")
        commits = self.commit_count()
        # As an MTA runs it for the BCC address's user: the rcfile, HOME the harness's.
        p = self.deliver([PROCMAIL, f"HOME={self.home}", str(rc)],
                         (DATA / "thunderbird-reply.eml").read_bytes())
        self.assertEqual(p.returncode, 0, p.stderr)
        v = self.only_visit("acme-engineering")
        self.assertEqual(v["subject"], "Re: Phase 2 scope for the bridge retrofit")
        self.assertEqual(self.commit_count(), commits + 1)
        self.assertFalse((mail / "inbox").exists(), "crm took the message")
        # A message crm cannot read is not lost: procmail delivers it to DEFAULT.
        cut = (DATA / "thunderbird-reply.eml").read_bytes()[:2000]
        p = self.deliver([PROCMAIL, f"HOME={self.home}", str(rc)], cut)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn(b"Subject: Re: Phase 2 scope", (mail / "inbox").read_bytes())
        self.assertEqual(self.commit_count(), commits + 1)

    def test_maildrop_delivering_to_crm(self):
        self.assertTrue(MAILDROP, "maildrop is missing (scripts/bootstrap installs it)")
        (self.home / "Mail").mkdir()
        rc = self.home / ".mailfilter"
        rc.write_text(
            f'HOME="{self.home}"\n'
            'DEFAULT="$HOME/Mail/maildrop"\n'
            'CRM_TODAY="2026-11-30"\n'
            f'to "| {CRM} --dir {self.dir} log-email -"\n')
        rc.chmod(0o600)
        p = self.deliver([MAILDROP, str(rc)], (DATA / "gmail-alternative.eml").read_bytes())
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(self.only_visit("northern-water")["by"], "Bob Jones")

    def test_fetchmail_mda_mutt_and_aerc_pipe_the_message_on_stdin(self):
        # fetchmail's mda and mutt's <pipe-message> run a command line through sh with one
        # message on stdin; aerc's :pipe -m writes several marked messages as an mbox.
        one = (DATA / "outlook-reply.eml").read_bytes()
        p = self.deliver(["sh", "-c", f"{CRM} --dir {self.dir} log-email -"], one)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.only_visit("muller-sohne-gmbh")
        # Without "-" standard input is read too when it is no terminal.
        p = self.deliver(["sh", "-c", f"{CRM} --dir {self.dir} log-email"],
                         (DATA / "iso-2022-jp.eml").read_bytes())
        self.assertEqual(p.returncode, 0, p.stderr)
        self.only_visit("nihon-kogyo")
        marked = b"".join(b"From x@y Thu Nov 26 08:30:05 2026\n" + (DATA / name).read_bytes() + b"\n"
                          for name in ("apple-mail.eml", "html-only.eml"))
        p = self.deliver(["sh", "-c", f"{CRM} --dir {self.dir} log-email -"], marked)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn(b"2 logged", p.stderr)
        self.assertEqual(len(self.visits("acme-engineering")), 2)
        self.assertCheckClean()

    def test_saved_eml_files_from_thunderbird_and_outlook(self):
        downloads = self.home / "Downloads"
        downloads.mkdir()
        for name in ("thunderbird-reply.eml", "outlook-reply.eml"):
            shutil.copy(DATA / name, downloads / name)
        p = self.deliver(["sh", "-c", f"{CRM} --dir {self.dir} log-email {downloads}/*.eml"], b"")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(len(self.visits("acme-engineering")) + len(self.visits("muller-sohne-gmbh")),
                         2)


class BadInputTest(CaptureTestCase):
    def good(self, n=1):
        return message("Jane Doe <jane@acme.example>", "alice@harbourpike.example",
                       subject=f"Good {n}", msgid=f"<good{n}@x>")

    def test_a_text_file_is_no_message_the_good_one_beside_it_is_logged(self):
        text = self.tmp / "notes.txt"
        text.write_text("Remember to call Jane about the depot.\nAnd Tom.\n")
        good = self.tmp / "good.eml"
        good.write_bytes(self.good())
        commits = self.commit_count()
        r = self.crm_in("log-email", str(text), str(good), check=1)
        self.assertIn(f"crm: warning: {text}: skipped, not a message (not a mail message (no "
                      "headers))", r.err)
        self.assertEqual(self.summary(r), "1 logged, 1 skipped: 1 not a message")
        self.assertEqual(self.commit_count(), commits + 1)
        self.assertEqual(self.last_commit_files(), sorted(r.out.split()))
        # Again: the good one is logged already, the text file still named.
        r = self.crm_in("log-email", str(text), str(good), check=1)
        self.assertEqual(self.summary(r), "0 logged, 2 skipped: 1 not a message, 1 already logged")
        self.assertEqual(len(self.visits("acme-engineering")), 1)

    def test_a_truncated_mime_part_is_named_and_nothing_of_it_written(self):
        cut = (DATA / "thunderbird-reply.eml").read_bytes()[:2000]
        r = self.log_bytes(cut, "-", check=1)
        self.assertIn("<stdin>: skipped, not a message (cut short: a MIME part has no end (a "
                      "truncated message))", r.err)
        self.assertEqual(self.visits("acme-engineering"), {})

    def test_a_50_mb_attachment_is_measured_and_kept(self):
        big = bytes(range(256)) * (50 * 1024 * 1024 // 256)
        m = message("Jane Doe <jane@acme.example>", "alice@harbourpike.example",
                    subject="Survey data", msgid="<big@x>")
        e = email.message_from_bytes(m, policy=email.policy.SMTP)
        e.add_attachment(big, maintype="application", subtype="octet-stream",
                         filename="survey.bin")
        r = self.log_bytes(bytes(e), "--keep-attachments", "-", check=0)
        v = self.only_visit("acme-engineering")
        self.assertEqual(v["attachments"], [{"name": "survey.bin", "size": 52428800,
                                             "file": "clients/acme-engineering/files/"
                                                     "2026-11-23-survey.bin"}])
        self.assertEqual((self.dir / v["attachments"][0]["file"]).stat().st_size, 52428800)
        self.assertEqual((self.dir / v["attachments"][0]["file"]).read_bytes()[:512], big[:512])
        self.assertCheckClean()
        self.assertEqual(self.summary(r), "1 logged")

    def test_a_body_in_an_unknown_charset_is_read_and_noted(self):
        raw = (b"From: Jane Doe <jane@acme.example>\nTo: alice@harbourpike.example\n"
               b"Subject: Angebot\nMessage-ID: <cs@x>\nDate: Mon, 23 Nov 2026 09:00:00 +1100\n"
               b"MIME-Version: 1.0\nContent-Type: text/plain; charset=x-made-up\n\n"
               b"Gr\xfc\xdfe aus M\xfcnchen \x80 100\n")
        r = self.log_bytes(raw, "-", check=0)
        self.assertIn("charset 'x-made-up' unknown: its text read as UTF-8 where valid, else "
                      "windows-1252", r.err)
        self.assertEqual(self.only_visit("acme-engineering")["notes"], "Grüße aus München € 100\n")
        self.assertCheckClean()

    def test_headers_with_nul_or_cr(self):
        nul = (b"From: Jane Doe <jane@acme.example>\nTo: alice@harbourpike.example\n"
               b"Subject: a\x00b\nMessage-ID: <nul@x>\n\nbody\n")
        r = self.log_bytes(nul, "-", check=1)
        self.assertIn("skipped, not a message (not read: a header holds a NUL byte)", r.err)
        cr = (b"From: Jane Doe <jane@acme.example>\nTo: alice@harbourpike.example\n"
              b"Subject: one\rBcc: eve@evil.example\nMessage-ID: <cr@x>\n\nbody\n")
        self.log_bytes(cr, "-", check=0)
        v = self.only_visit("acme-engineering")
        self.assertNotIn("\r", v["subject"])
        self.assertNotIn("\n", v["subject"])
        self.assertEqual(v["with"], ["Jane Doe"])
        self.assertCheckClean()

    def test_an_mbox_with_from_lines_in_bodies(self):
        body = ("Here is the plan.\n\nFrom the depot we go north.\n>From quoted, as mboxrd "
                "writers quote\n\nFrom Monday on it is yours.\n")
        mbox = self.tmp / "thread.mbox"
        mbox.write_bytes(
            b"From jane@acme.example Mon Nov 23 09:00:00 2026\n" +
            message("Jane Doe <jane@acme.example>", "alice@harbourpike.example", subject="Plan",
                    body=body, msgid="<plan@x>") + b"\n" +
            b"From raj@brick.example Tue Nov 24 09:00:00 2026\n" +
            message("Raj Patel <raj@brick.example>", "bob@harbourpike.example", subject="Bricks",
                    msgid="<bricks@x>") + b"\n")
        r = self.crm_in("log-email", "--mbox", str(mbox), check=0)
        self.assertEqual(self.summary(r), "2 logged")
        self.assertEqual(self.only_visit("acme-engineering")["notes"],
                         "Here is the plan.\n\nFrom the depot we go north.\nFrom quoted, as mboxrd "
                         "writers quote\n\nFrom Monday on it is yours.\n")
        self.only_visit("brick-co")

    def test_not_an_mbox_is_a_one_line_error_and_nothing_is_written(self):
        commits = self.commit_count()
        good = self.tmp / "good.eml"
        good.write_bytes(self.good())
        junk = self.tmp / "junk.mbox"
        junk.write_text("Subject: nothing like an mbox\n\nhello\n")
        r = self.crm_in("log-email", str(good), "--mbox", str(junk), check=1)
        self.assertEqual(r.err.count("crm: error:"), 1)
        self.assertIn(f"crm: error: {junk}: not an mbox", r.err)
        self.assertEqual(self.commit_count(), commits)
        self.assertEqual(self.visits("acme-engineering"), {})
        temporary = self.dir / ".crm" / "tmp"
        self.assertEqual(list(temporary.glob("*")) if temporary.exists() else [], [])

    def test_a_maildir_with_an_unreadable_entry(self):
        maildir = self.tmp / "Maildir"
        for sub in ("cur", "new", "tmp"):
            (maildir / sub).mkdir(parents=True)
        (maildir / "cur" / "1700000000.1.host:2,S").write_bytes(self.good(1))
        (maildir / "new" / "1700000001.2.host").write_bytes(self.good(2))
        (maildir / "tmp" / "1700000002.3.host").write_bytes(self.good(3))  # being delivered
        (maildir / "new" / "1700000003.4.host").symlink_to(self.tmp / "gone")
        os.mkfifo(maildir / "cur" / "1700000004.5.host:2,")
        locked = maildir / "new" / "1700000005.6.host"
        locked.write_bytes(self.good(6))
        locked.chmod(0)
        r = self.crm_in("log-email", "--maildir", str(maildir), check=1)
        self.assertIn("1700000003.4.host: skipped, unreadable (cannot read", r.err)
        self.assertIn("1700000004.5.host:2,: skipped, unreadable (cannot read", r.err)
        self.assertIn("it is not a regular file", r.err)
        logged = sorted(v["subject"] for v in self.visits("acme-engineering").values())
        if os.geteuid() == 0:  # root reads a file whatever its mode
            self.assertEqual(logged, ["Good 1", "Good 2", "Good 6"])
        else:
            self.assertEqual(logged, ["Good 1", "Good 2"])
            self.assertIn("1700000005.6.host: skipped, unreadable", r.err)
        self.assertCheckClean()
        r = self.crm_in("log-email", "--maildir", str(self.tmp / "nothing"), check=1)
        self.assertIn("is not a maildir: it has no cur/ or new/ folder", r.err)


if __name__ == "__main__":
    unittest.main()
