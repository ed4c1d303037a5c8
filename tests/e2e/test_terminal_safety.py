"""Control characters in the folder's files never reach the terminal.

A teammate's hand edit or an imported CSV can put ESC sequences (clear the screen,
retitle the window, hide text), carriage returns and C1 controls into names, notes and
promises. Every report a person reads shows them as spaces; the machine formats (JSON)
keep the exact text. Output is read as bytes: text mode would turn a CR into a newline
and hide it."""
import json
import os
import pty
import subprocess
import unittest

from harness import CRM, CrmTestCase

ESC = "\x1b"

# YAML escapes (\e ESC, \a BEL, \r CR, \x9b CSI as U+009B) in double-quoted scalars;
# <ESC>, <BEL> and <CSI> are raw bytes, in a comment no report reads (a raw CR would end
# the comment: YAML reads it as a line break).
CLIENT = r'''name: "Evil\e]0;pwned\a Co"
stage: client
tier: A
owner: "Bob\e[31mred"
since: 2026-01-01
tags: ["key\e[5maccount"]
watchers: [Alice Smith]
industry: "water\x9b2J works"
# Imported from Evil<ESC>]0;pwned<BEL> Co by <CSI>2J the CSV tool
contacts:
  - name: "Jane\e[8m Doe"
    role: "Boss\x9b2J"
    email: jane@evil.example
    notes: "likes\rtea"
notes: "line\e[2Jcleared\rover\nsecond\x9b2J line\n"
'''.replace("<ESC>", ESC).replace("<BEL>", "\x07").replace("<CSI>", "\u009b")

VISIT = r'''date: 2026-11-01
by: "Bob\e]2;x\a Jones"
kind: "meeting\e[2J"
where: "HQ\rboardroom"
with: ["Jane\e[8m Doe"]
discussed: ["Scope\x9b2J"]
promises:
  - what: "Send\e[8m report\x9b2J"
    due: 2026-11-20
notes: "Visit\e[2J notes\r\nsecond line\n"
'''

REVIEW = r'''date: 2026-11-05
by: "Bob\e[31m Jones"
project: "Bridge\e[2J retrofit"
rating: unhappy
why: "Late\rreport"
testimonial: "Great\e]0;owned\a work\r, really"
referrals: ["Ann\x9b2J Lee"]
'''

# A client whose stage and tier no crm.yaml lists: they become a funnel bar's label and
# a portfolio heading.
ODD = r'''name: "Odd\e[2J Ltd"
stage: "pitch\e[2J"
tier: "Z\e]0;t\a"
since: 2026-02-01
'''

SLUG = "evil-co"
VISIT_FILE = f"clients/{SLUG}/visits/2026-11-01-bob-jones-abcdef.yaml"
REVIEW_FILE = f"clients/{SLUG}/reviews/2026-11-05-bob-jones-abcdef.yaml"


class Output:
    def __init__(self, proc):
        self.code = proc.returncode
        # Strict decoding: crm's output stays valid UTF-8 too.
        self.out = proc.stdout.decode("utf-8")
        self.err = proc.stderr.decode("utf-8")

    def __repr__(self):
        return f"<exit {self.code}\nstdout:\n{self.out!r}\nstderr:\n{self.err!r}>"


def controls(text, allow=("\n",)):
    """The control characters (C0, DEL, C1) in text, but those allowed."""
    return sorted({ch for ch in text
                   if (ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F) and ch not in allow})


def strings(value):
    """Every string anywhere in a parsed JSON document."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


class TerminalSafetyCase(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.write(f"clients/{SLUG}/client.yaml", CLIENT)
        self.write(VISIT_FILE, VISIT)
        self.write(REVIEW_FILE, REVIEW)
        self.write("clients/odd-ltd/client.yaml", ODD)

    def raw(self, *args, code=0):
        proc = subprocess.run([CRM, "--dir", str(self.dir), *args], capture_output=True,
                              env=self.env, cwd=str(self.tmp), timeout=60)
        r = Output(proc)
        if code is not None:
            self.assertEqual(r.code, code, r)
        return r

    def assert_safe(self, r, *visible):
        self.assertEqual(controls(r.out), [], r)
        self.assertEqual(controls(r.err), [], r)
        for text in visible:
            self.assertIn(text, r.out, r)


class ReportsTest(TerminalSafetyCase):
    def test_show_keeps_the_text_and_drops_the_controls(self):
        r = self.raw("show", "evil")
        self.assert_safe(r, "Evil ]0;pwned  Co", "Bob [31mred", "key [5maccount",
                         "water 2J works", "Jane [8m Doe, Boss 2J, jane@evil.example",
                         "likes tea", "Send [8m report 2J", "meeting [2J by Bob ]2;x  Jones",
                         "at HQ boardroom", "discussed: Scope 2J", "Visit [2J notes  …",
                         "Bridge [2J retrofit", "Late report")
        # Notes keep their lines; a CR inside a line is a space.
        self.assertIn("\nline [2Jcleared over\nsecond 2J line\n", r.out)

    def test_list(self):
        r = self.raw("list")
        self.assert_safe(r, "Evil ]0;pwned  Co", "Bob [31mred", "Odd [2J Ltd", "pitch [2J")
        # Still one line per client under the header.
        self.assertEqual(len(r.out.splitlines()), 3, r)

    def test_due_and_promises(self):
        self.assert_safe(self.raw("due"), "Evil", "Send [8m report 2J", "Bob [31mred")
        r = self.raw("promises")
        self.assert_safe(r, "Evil ]0;pwned  Co", "Send [8m report 2J", "Bob ]2;x  Jones")

    def test_reviews(self):
        r = self.raw("reviews")
        # The testimonial is wrapped: words are joined by one space again.
        self.assert_safe(r, "Evil ]0;pwned  Co", "Bridge [2J retrofit",
                         "\u201cGreat ]0;owned work , really\u201d", "Ann 2J Lee")

    def test_portfolio_and_funnel(self):
        r = self.raw("portfolio")
        self.assert_safe(r, "Evil ]0;pwned  Co", "Odd [2J Ltd", "Tier Z ]0;t")
        r = self.raw("funnel")
        self.assert_safe(r, "Evil ]0;pwned  Co", "Odd [2J Ltd", "pitch [2J")

    def test_search_shows_raw_lines_safely(self):
        # Search reads values, not comments; the raw bytes reach it in a file too broken
        # to parse, which it searches line by line.
        self.write(f"clients/{SLUG}/visits/2026-11-02-bob-jones-abcdef.yaml",
                   "date: 2026-11-02\nnotes: [Imported from Evil\x1b]0;pwned\x07 Co by"
                   " \u009b2J the CSV tool\n")
        r = self.raw("search", "imported from")
        self.assert_safe(r, "Evil ]0;pwned  Co by  2J the CSV tool")
        self.assertIn(ESC, json.loads(self.raw("search", "imported", "--format", "json").out)[0]
                      ["text"])

    def test_news_of_another_author(self):
        r = self.raw("news", "--since", "2026-10-01")
        self.assert_safe(r, "Evil ]0;pwned  Co", "meeting [2J", "Bob ]2;x  Jones",
                         "Visit [2J notes")

    def test_markdown_cells_are_one_line(self):
        r = self.raw("due", "--format", "markdown")
        self.assert_safe(r, "Evil \\]0;pwned  Co")

    def test_colour_still_works_around_the_made_safe_text(self):
        master, slave = pty.openpty()
        proc = subprocess.run([CRM, "--dir", str(self.dir), "show", "evil"], stdout=slave,
                              stderr=subprocess.PIPE, env=self.env, timeout=60)
        os.close(slave)
        out = b""
        try:
            while chunk := os.read(master, 65536):
                out += chunk
        except OSError:
            pass
        os.close(master)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        # The terminal turns each newline into CR LF; every other CR came from the files.
        text = out.decode("utf-8").replace("\r\n", "\n")
        self.assertIn("\x1b[1mEvil ]0;pwned  Co\x1b[0m", text)  # crm's own bold
        self.assertEqual(controls(text, allow=("\n", ESC)), [], text)
        for sequence in ("\x1b]", "\x1b[2J", "\x1b[8m", "\x1b[31mred", "\x1b[5m"):
            self.assertNotIn(sequence, text)


class MachineFormatsTest(TerminalSafetyCase):
    def test_show_json_gives_back_the_exact_strings(self):
        j = json.loads(self.raw("show", "evil", "--format", "json").out)
        self.assertEqual(j["name"], "Evil\x1b]0;pwned\x07 Co")
        self.assertEqual(j["owner"], "Bob\x1b[31mred")
        self.assertEqual(j["notes"], "line\x1b[2Jcleared\rover\nsecond\u009b2J line\n")
        self.assertEqual(j["contacts"][0]["name"], "Jane\x1b[8m Doe")
        self.assertEqual(j["contacts"][0]["role"], "Boss\u009b2J")
        self.assertEqual(j["contacts"][0]["notes"], "likes\rtea")
        self.assertEqual(j["visits"][0]["notes"], "Visit\x1b[2J notes\r\nsecond line\n")
        self.assertEqual(j["open"][0]["what"], "Send\x1b[8m report\u009b2J")
        self.assertEqual(j["reviews"][0]["testimonial"], "Great\x1b]0;owned\x07 work\r, really")

    def test_export_json_gives_back_the_exact_strings(self):
        exported = set(strings(json.loads(self.raw("export", "--format", "json").out)))
        for original in ("Evil\x1b]0;pwned\x07 Co", "Bob\x1b[31mred", "likes\rtea",
                         "Send\x1b[8m report\u009b2J", "Great\x1b]0;owned\x07 work\r, really",
                         "pitch\x1b[2J"):
            self.assertIn(original, exported)


class MessagesTest(TerminalSafetyCase):
    def test_an_error_quoting_an_argument_is_shown_safe(self):
        r = self.raw("show", "nobody\x1b]0;x\x07", code=None)
        self.assertNotEqual(r.code, 0, r)
        self.assert_safe(r)
        self.assertIn("nobody ]0;x", r.err)

    def test_warnings_about_a_broken_file_are_shown_safe(self):
        self.write("clients/broken/client.yaml",
                   'name: "Broken\\e[2J"\nsince: "soon\\e]0;x\\a\\x9b2J"\n')
        for args in (("list",), ("check",), ("due",)):
            r = self.raw(*args, code=1)
            self.assert_safe(r)
            self.assertIn("clients/broken/client.yaml", r.out + r.err, r)

    def test_import_report_and_its_notes(self):
        csv = self.tmp / "evil.csv"
        csv.write_bytes("name,owner,oops\x1b[2J\n\"Bad\x1b]0;x\x07 Corp\",Ann\r\n".encode())
        r = self.raw("import", str(csv))
        self.assert_safe(r, "Bad ]0;x  Corp")
        self.assertIn("oops [2J", r.err)
        j = json.loads(self.raw("show", "bad", "--format", "json").out)
        self.assertEqual(j["name"], "Bad\x1b]0;x\x07 Corp")


class SyncReportTest(CrmTestCase):
    def test_sync_announces_a_teammates_client_safely(self):
        remote = self.tmp / "remote.git"
        subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True,
                       env=self.env)
        alice, bob = self.tmp / "alice", self.tmp / "bob"
        self.crm("init", str(alice), check=0)
        for args in (("remote", "add", "origin", str(remote)), ("push", "-q", "-u", "origin",
                                                               "main")):
            self.git(*args, cwd=alice)
        self.crm("--dir", str(alice), "sync", check=0)
        self.git("clone", "-q", str(remote), str(bob), cwd=self.tmp)
        self.git("config", "user.name", "Bob Jones", cwd=bob)
        for rel, text in ((f"clients/{SLUG}/client.yaml", CLIENT), (VISIT_FILE, VISIT)):
            (bob / rel).parent.mkdir(parents=True, exist_ok=True)
            (bob / rel).write_text(text, encoding="utf-8")
        self.crm("--dir", str(bob), "sync", env={"CRM_USER": "Bob Jones"}, check=0)
        proc = subprocess.run([CRM, "--dir", str(alice), "sync"], capture_output=True,
                              env=self.env, timeout=60)
        r = Output(proc)
        self.assertEqual(r.code, 0, r)
        self.assertEqual(controls(r.out), [], r)
        self.assertEqual(controls(r.err), [], r)
        self.assertIn("Evil ]0;pwned  Co (evil-co)", r.out)
        self.assertIn("Visit [2J notes", r.out)


if __name__ == "__main__":
    unittest.main()
