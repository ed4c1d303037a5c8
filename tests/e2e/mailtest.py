"""What the mail tests share: a real SMTP server on 127.0.0.1 and Debian's msmtp.

The server is aiosmtpd's Controller (Debian's python3-aiosmtpd), run by smtp_sink.py in
a process of its own so that it works whichever Python runs the tests; what arrives is
parsed with Python's email package. Nothing goes beyond 127.0.0.1.
"""
import email
import email.policy
import json
import mailbox
import os
import shutil
import subprocess
import sys
from pathlib import Path

from harness import CrmTestCase

HERE = Path(__file__).resolve().parent
MSMTP = shutil.which("msmtp")


def python_with_aiosmtpd():
    """This Python when it has aiosmtpd, else Debian's own (where python3-aiosmtpd lives)."""
    for python in (sys.executable, "/usr/bin/python3"):
        if python and os.path.exists(python):
            probe = subprocess.run([python, "-c", "import aiosmtpd.controller"],
                                   capture_output=True)
            if probe.returncode == 0:
                return python
    return None


SINK_PYTHON = python_with_aiosmtpd()
MISSING_TOOLS = (  # why a mail test cannot run
    "needs Debian's msmtp and python3-aiosmtpd (scripts/bootstrap installs both): "
               f"msmtp {'found' if MSMTP else 'missing'}, "
               f"aiosmtpd {'found' if SINK_PYTHON else 'missing'}")
HAVE_MTA = bool(MSMTP and SINK_PYTHON)


def read_mbox(path):
    """The messages of an mbox file, the file closed again."""
    box = mailbox.mbox(str(path))
    try:
        return list(box)
    finally:
        box.close()


class SmtpSink:
    """An SMTP server on 127.0.0.1 that keeps every message it is given."""

    def __init__(self, spool):
        self.spool = Path(spool)
        self.spool.mkdir(parents=True, exist_ok=True)
        self.proc = subprocess.Popen(
            [SINK_PYTHON, str(HERE / "smtp_sink.py"), str(self.spool)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        if not line.startswith("PORT "):
            self.proc.kill()
            raise RuntimeError("smtp_sink did not start: " + line + self.proc.stderr.read())
        self.port = int(line.split()[1])

    def stop(self):
        if self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc.stdout.close()
        self.proc.stderr.close()

    def received(self):
        """Every message so far, oldest first: (parsed message, envelope recipients)."""
        out = []
        for eml in sorted(self.spool.glob("*.eml")):
            raw = eml.read_bytes()
            msg = email.message_from_bytes(raw, policy=email.policy.default)
            envelope = json.loads(eml.with_suffix(".json").read_text())
            out.append((msg, envelope["rcpt_tos"], raw))
        return out


class MailTestCase(CrmTestCase):
    """A folder with a team, its mail going through msmtp to a local SMTP server."""

    TEAM = [("Alice Smith", "alice@hp.example"), ("Bob Jones", "bob@hp.example"),
            ("Jürgen Müller", "juergen@hp.example"), ("Carol White", "carol@hp.example")]

    def setUp(self):
        super().setUp()
        if not HAVE_MTA:
            # A missing tool fails the test: a skip would pass for a run that proved nothing.
            self.fail(MISSING_TOOLS)
        self.sink = SmtpSink(self.tmp / "spool")
        self.addCleanup(self.sink.stop)
        self.init()
        self.set_settings()

    def msmtp_command(self):
        # Everything on the command line: no msmtprc of the machine or of a person counts.
        return (f"{MSMTP} --host=127.0.0.1 --port={self.sink.port} --auth=off --tls=off "
                f"--from=crm@hp.example -t")

    def set_settings(self, team=None, command=None, extra=""):
        """crm.yaml's team and From: address; the mail command is the person's own, in
        CRM_MAIL_COMMAND (crm.yaml names no program: test_teammate_settings.py)."""
        team = self.TEAM if team is None else team
        lines = ["team:"] + [f"  - {{name: {n}, email: {e}}}" for n, e in team]
        lines += ["mail:", "  from: crm@hp.example"]
        self.env["CRM_MAIL_COMMAND"] = command or self.msmtp_command()
        self.write("crm.yaml", "\n".join(lines) + "\n" + extra)
        self.git("add", "crm.yaml")
        self.git("commit", "-q", "--allow-empty", "-m", "team and mail")

    def script(self, name, body):
        """An executable shell script in the test's folder, for the mail command."""
        path = self.tmp / name
        path.write_text("#!/bin/sh\n" + body)
        path.chmod(0o755)
        return path

    def received(self):
        # msmtp has returned when crm has, and the server writes each message before it
        # answers 250: nothing is in flight.
        return self.sink.received()

    def by_recipient(self):
        out = {}
        for msg, rcpt, raw in self.received():
            self.assertEqual(len(rcpt), 1, "one recipient per message")
            self.assertNotIn(rcpt[0], out, f"{rcpt[0]} got two messages")
            out[rcpt[0]] = msg
        return out
