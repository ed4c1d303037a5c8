"""What the capture tests share: a folder with a team, clients and contacts to match
mail against, messages built with Python's email package, and crm fed bytes on stdin.

The messages real mail programs write are in tests/data/mail (its README says where each
structure comes from); the messages built here are the ones whose headers a test varies
(matching, skips, bad input)."""
import email
import email.policy
import os
import subprocess
from email.message import EmailMessage
from pathlib import Path

from harness import CRM, CrmTestCase

DATA = Path(__file__).resolve().parents[1] / "data" / "mail"

SETTINGS = """
team:
  - {name: Alice Smith, email: alice@harbourpike.example}
  - {name: Bob Jones, email: bob@harbourpike.example}
mail: {from: crm@harbourpike.example}
capture:
  never: [payroll@harbourpike.example, newsletter.example]
  max_recipients: 5
"""

CLIENTS = [  # name, tier, contacts
    ("Acme Engineering", "A", ["Jane Doe <jane@acme.example>", "Tom Lee <tom@acme.example>"]),
    ("Müller & Söhne GmbH", "B", ["Jürgen Müller <juergen@mueller-soehne.example>"]),
    ("Northern Water", "B", ["Marcus Brown <marcus.brown@gmail.com>"]),
    ("Nihon Kogyo", "B", ["Yuki Tanaka <tanaka@nihon-kogyo.example>"]),
    ("Brick Co", "B", ["Raj Patel <raj@brick.example>"]),
    ("East One", "C", ["Eve East <eve@east.example>"]),
    ("East Two", "C", ["Ed East <ed@east.example>"]),
]

SLUGS = {"Acme Engineering": "acme-engineering", "Müller & Söhne GmbH": "muller-sohne-gmbh",
         "Northern Water": "northern-water", "Nihon Kogyo": "nihon-kogyo", "Brick Co": "brick-co",
         "East One": "east-one", "East Two": "east-two"}


def message(frm, to, subject="Hello", body="Hello there.\n", msgid=None, date=None, cc=None,
            headers=None):
    """An RFC 5322 message as bytes, written by Python's email package."""
    m = EmailMessage(policy=email.policy.SMTP)
    m["From"] = frm
    m["To"] = to
    if cc:
        m["Cc"] = cc
    m["Subject"] = subject
    m["Date"] = date or "Mon, 23 Nov 2026 09:00:00 +1100"
    m["Message-ID"] = msgid or f"<{abs(hash((frm, to, subject, body)))}@test.example>"
    for k, v in (headers or {}).items():
        m[k] = v
    m.set_content(body)
    return bytes(m)


def parse(data):
    return email.message_from_bytes(data, policy=email.policy.default)


class CaptureTestCase(CrmTestCase):
    """A folder with the team and clients above, its setup committed."""

    def setUp(self):
        super().setUp()
        # The week of the messages in tests/data/mail is over: nothing is dated after today.
        self.env["CRM_TODAY"] = "2026-11-30"
        self.init()
        with open(self.dir / "crm.yaml", "a", encoding="utf-8") as f:
            f.write(SETTINGS)
        for name, tier, contacts in CLIENTS:
            args = ["add-client", name, "--tier", tier, "--stage", "client"]
            for c in contacts:
                args += ["--contact", c]
            self.crm_in(*args, check=0)
        self.git("add", "-A")
        self.git("commit", "-q", "-m", "settings")

    def log_bytes(self, data, *args, check=None, env=None, cwd=None):
        """crm log-email with `data` (bytes) on standard input."""
        full_env = dict(self.env)
        full_env.update(env or {})
        proc = subprocess.run([CRM, "--dir", str(self.dir), "log-email", *args],
                              input=data, capture_output=True, env=full_env,
                              cwd=str(cwd or self.tmp), timeout=120)
        result = type("Result", (), {})()
        result.code = proc.returncode
        result.out = proc.stdout.decode("utf-8", "replace")
        result.err = proc.stderr.decode("utf-8", "replace")
        if check is not None:
            self.assertEqual(result.code, check, f"stdout:\n{result.out}\nstderr:\n{result.err}")
        return result

    def visits(self, slug):
        """Every visit of a client, parsed with PyYAML, by file name."""
        folder = self.dir / "clients" / slug / "visits"
        if not folder.exists():
            return {}
        return {p.name: self.load(p.relative_to(self.dir)) for p in sorted(folder.glob("*.yaml"))}

    def only_visit(self, slug):
        found = self.visits(slug)
        self.assertEqual(len(found), 1, found)
        return next(iter(found.values()))

    def inbox_files(self):
        folder = self.dir / "inbox"
        return sorted(folder.glob("*.yaml")) if folder.exists() else []

    def assertCheckClean(self):
        r = self.crm_in("check")
        self.assertEqual(r.code, 0, r)

    def summary(self, result):
        """The summary line log-email ends with on stderr."""
        lines = [l for l in result.err.splitlines() if l.startswith("crm: ") and
                 (" logged" in l) and ": skipped" not in l]
        self.assertTrue(lines, result.err)
        return lines[-1][len("crm: "):]
