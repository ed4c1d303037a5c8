"""The man pages cover every command and every option the program has."""
import re
import unittest
from pathlib import Path

from harness import CrmTestCase

MAN = Path(__file__).resolve().parents[2] / "man"


def commands(help_text):
    section = help_text.split("Commands:", 1)[1]
    return re.findall(r"^  ([a-z][a-z-]+)  ", section, re.M)


class ManPagesTest(CrmTestCase):
    def test_every_command_has_a_page_listed_in_crm_1(self):
        names = commands(self.crm("--help", check=0).out)
        self.assertGreaterEqual(len(names), 31)
        overview = (MAN / "crm.1").read_text()
        for name in names:
            self.assertTrue((MAN / f"crm-{name}.1").exists(), f"man/crm-{name}.1 is missing")
            self.assertIn(f"crm\\-{name.replace('-', chr(92) + '-')} (1)", overview)
            self.assertIn(f".B {name.replace('-', chr(92) + '-')}", overview)

    def test_every_option_is_documented(self):
        for name in commands(self.crm("--help", check=0).out):
            page = (MAN / f"crm-{name}.1").read_text().replace("\\-", "-")
            help_text = self.crm(name, "--help", check=0).out
            # A command's subcommands (crm opportunity add) are on its page too; its help
            # lists them under "Commands:" as crm's own does.
            if "\nCommands:\n" in help_text:
                subs = re.findall(r"^  ([a-z][a-z-]+)  ", help_text.split("\nCommands:\n", 1)[1], re.M)
                self.assertTrue(subs)
                for sub in subs:
                    self.assertIn(f"{name} {sub}", page)
                    help_text += self.crm(name, sub, "--help", check=0).out
            for option in set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", help_text)):
                if option in ("--help", "--dir", "--no-commit", "--no-color", "--version"):
                    continue
                self.assertIn(option, page, f"crm-{name}.1 does not document {option}")

    def test_global_options_and_environment_in_crm_1(self):
        page = (MAN / "crm.1").read_text().replace("\\-", "-")
        for word in ("--dir", "--no-commit", "--no-color", "--version", "CRM_DIR", "CRM_TODAY",
                     "CRM_USER", "NO_COLOR", "EXIT STATUS", "FILES"):
            self.assertIn(word, page)


if __name__ == "__main__":
    unittest.main()
