"""The command line itself: --version, --help, exit codes, errors, finding the folder."""
import os
import pty
import re
import subprocess
import unittest

from harness import CRM

from harness import CrmTestCase

COMMANDS = ["init", "add-client", "log-visit", "due", "review", "list", "show", "promises",
            "done", "set", "edit", "reviews", "portfolio", "funnel", "check", "sync", "watch",
            "unwatch", "news", "search", "import", "export", "completion"]


class HelpVersionTest(CrmTestCase):
    def test_version(self):
        r = self.crm("--version", check=0)
        self.assertRegex(r.out.strip(), r"^crm \d+\.\d+\.\d+$")
        self.assertEqual(r.err, "")

    def test_help_lists_every_command_with_a_summary(self):
        for args in (["--help"], ["-h"]):
            r = self.crm(*args, check=0)
            for name in COMMANDS:
                self.assertRegex(r.out, rf"(?m)^\s+{re.escape(name)}\s+\S.*$", name)
            for option in ("--dir", "--no-commit", "--no-color", "--version"):
                self.assertIn(option, r.out)

    def test_command_help_lists_its_options(self):
        r = self.crm("log-visit", "--help", check=0)
        for option in ("--date", "--kind", "--where", "--initiated-by", "--with", "--discussed",
                       "--new-topic", "--promise", "--action", "--next", "--note", "--edit"):
            self.assertIn(option, r.out)
        r = self.crm("add-client", "--help", check=0)
        for option in ("--stage", "--tier", "--every", "--owner", "--contact", "--phone",
                       "--tag", "--note"):
            self.assertIn(option, r.out)


class ErrorsTest(CrmTestCase):
    def test_unknown_command_is_a_usage_error_with_a_suggestion(self):
        r = self.crm("lst", check=2)
        self.assertEqual(r.out, "")
        self.assertIn("crm: error: unknown command 'lst'", r.err)
        self.assertIn("did you mean 'crm list'?", r.err)
        r = self.crm("frobnicate", check=2)
        self.assertIn("unknown command 'frobnicate'", r.err)
        self.assertIn("crm --help", r.err)

    def test_no_command_and_unknown_option_are_usage_errors(self):
        r = self.crm(check=2)
        self.assertTrue(r.err.startswith("crm: error: "), r)
        r = self.crm("list", "--bogus", check=2)
        self.assertTrue(r.err.startswith("crm: error: "), r)
        self.assertIn("--bogus", r.err)
        r = self.crm("show", check=2)  # CLIENT is required
        self.assertIn("CLIENT", r.err)

    def test_bad_option_values_exit_2_naming_the_value(self):
        self.init()
        self.crm_in("add-client", "Acme", check=0)
        r = self.crm_in("list", "--format", "xml", check=2)
        self.assertIn("xml", r.err)
        r = self.crm_in("show", "acme", "--format", "yaml", check=2)
        self.assertIn("yaml", r.err)
        r = self.crm_in("list", "--where", "novalue", check=2)
        self.assertIn("'novalue' is not KEY=VALUE", r.err)

    def test_bad_crm_today_is_a_usage_error(self):
        self.init()
        r = self.crm_in("add-client", "Acme", env={"CRM_TODAY": "2026-11-31"}, check=2)
        self.assertIn("CRM_TODAY='2026-11-31' is not a date", r.err)

    def test_missing_folder_is_a_runtime_error_with_a_hint(self):
        r = self.crm_in("list", check=1)
        self.assertIn("crm: error: no crm folder at", r.err)
        self.assertIn("hint: ", r.err)
        self.assertIn("crm init", r.err)
        self.dir.mkdir()
        r = self.crm_in("list", check=1)
        self.assertIn("is not a crm folder", r.err)

    def test_no_folder_anywhere_says_where_crm_looked(self):
        # In a folder without crm.yaml, and no ~/crm: name the current folder first.
        work = self.tmp / "work"
        work.mkdir()
        r = self.crm("list", cwd=work, check=1)
        self.assertIn(f"crm: error: no crm folder: no crm.yaml in {work} or any folder above it, "
                      f"and none in {self.home / 'crm'}", r.err)
        self.assertIn("crm init .", r.err)
        r = self.crm("check", cwd=work, check=1)
        self.assertIn("no crm.yaml in", r.err)

    def test_a_value_that_starts_with_a_dash_is_explained(self):
        self.init()
        r = self.crm_in("add-client", "-rf now", check=2)
        self.assertIn("'-rf now' was read as an option", r.err)
        self.assertIn('crm add-client -- "-rf now"', r.err)
        self.assertEqual(self.crm_in("add-client", "--", "-rf now", check=0).out, "rf-now\n")
        # A mistyped option is not a value: the usual hint.
        r = self.crm_in("add-client", "Acme", "--ownr", "Bob", check=2)
        self.assertNotIn("was read as an option", r.err)
        self.assertEqual(r.err, "crm: error: add-client: unknown option --ownr\n"
                                "hint: did you mean --owner?\n")
        # Text that starts with a dash and a blank is no option at all (as CLI11 reads it).
        self.assertEqual(self.crm_in("add-client", "- Dash & Co", check=0).out, "dash-co\n")

    def test_crm_today_replaces_today(self):
        self.init()
        self.crm_in("add-client", "Acme", env={"CRM_TODAY": "2025-02-03"}, check=0)
        self.assertEqual(str(self.load("clients/acme/client.yaml")["since"]), "2025-02-03")


class DiscoveryTest(CrmTestCase):
    """--dir, then CRM_DIR, then the nearest crm.yaml at or above cwd, then ~/crm."""

    def make_folder(self, path, client):
        self.crm("init", str(path), check=0)
        self.crm("--dir", str(path), "add-client", client, check=0)

    def listed(self, **kw):
        return self.crm("list", "-q", check=0, **kw).out.split()

    def test_order_of_discovery(self):
        a, b, c = self.tmp / "a", self.tmp / "b", self.tmp / "c"
        home_crm = self.home / "crm"
        self.make_folder(a, "Alpha")
        self.make_folder(b, "Bravo")
        self.make_folder(c, "Charlie")
        self.make_folder(home_crm, "Home")
        sub = c / "clients" / "charlie" / "deeper"
        sub.mkdir(parents=True)
        # ~/crm when nothing else names a folder.
        self.assertEqual(self.listed(cwd=self.tmp), ["home"])
        # The nearest crm.yaml at or above the current directory.
        self.assertEqual(self.listed(cwd=c), ["charlie"])
        self.assertEqual(self.listed(cwd=sub), ["charlie"])
        # CRM_DIR beats the walk up; --dir beats CRM_DIR.
        self.assertEqual(self.listed(cwd=sub, env={"CRM_DIR": str(b)}), ["bravo"])
        r = self.crm("--dir", str(a), "list", "-q", cwd=sub, env={"CRM_DIR": str(b)}, check=0)
        self.assertEqual(r.out.split(), ["alpha"])
        # --dir also works after the command, and relative to the current directory.
        r = self.crm("list", "-q", "--dir", "a", cwd=self.tmp, check=0)
        self.assertEqual(r.out.split(), ["alpha"])

    def test_init_without_dir_uses_crm_dir_or_home(self):
        r = self.crm("init", check=0)
        self.assertEqual(r.out.strip(), str(self.home / "crm"))
        self.assertTrue((self.home / "crm" / "crm.yaml").is_file())
        target = self.tmp / "elsewhere"
        r = self.crm("init", env={"CRM_DIR": str(target)}, check=0)
        self.assertTrue((target / "crm.yaml").is_file())


class ColourTest(CrmTestCase):
    """Colour only on a terminal, and never with --no-color or NO_COLOR."""

    def on_terminal(self, *args, env=None):
        master, slave = pty.openpty()
        full_env = dict(self.env, TERM="xterm", **(env or {}))
        proc = subprocess.Popen([CRM, "--dir", str(self.dir), *args], stdout=slave,
                                stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=full_env)
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        proc.wait(timeout=60)
        os.close(master)
        self.assertEqual(proc.returncode, 0, proc.stderr.read())
        proc.stderr.close()
        return b"".join(chunks).decode()

    def test_colour_on_a_terminal_only(self):
        self.init()
        self.crm_in("add-client", "Acme", check=0)
        self.assertIn("\x1b[", self.on_terminal("list"))
        self.assertNotIn("\x1b[", self.on_terminal("--no-color", "list"))
        self.assertNotIn("\x1b[", self.on_terminal("list", "--no-color"))
        self.assertNotIn("\x1b[", self.on_terminal("list", env={"NO_COLOR": "1"}))
        self.assertNotIn("\x1b[", self.crm_in("list", check=0).out)


if __name__ == "__main__":
    unittest.main()
