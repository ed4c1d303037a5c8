"""Every report fits the terminal it is shown on, measured on a real pseudo-terminal of 60
columns; piped, the same commands keep every line whole."""
import os
import re
import unittest

from harness import CRM, CrmTestCase
from ptyrun import run_on_pty, widest

COMMANDS = [
    ["due"], ["due", "--within", "30d"], ["promises"], ["list"], ["show", "acme"],
    ["show", "coastal"], ["search", "depot"], ["reviews"], ["portfolio"], ["funnel"],
    ["--help"], ["due", "--help"], ["log-visit", "--help"], ["import", "--help"],
]


class TerminalWidthTest(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.copy_example()

    def on_pty(self, args, columns):
        return run_on_pty([CRM, "--dir", str(self.dir), *args], self.env, str(self.tmp), columns)

    def test_every_report_fits_60_columns(self):
        for args in COMMANDS:
            with self.subTest(args=args):
                code, shown, err = self.on_pty(args, 60)
                self.assertEqual(code, 0, err)
                self.assertGreater(len(shown), 0)
                self.assertLessEqual(widest(shown), 60, shown)

    def test_colour_only_on_the_terminal(self):
        code, shown, _ = self.on_pty(["due"], 60)
        self.assertIn("\x1b[", shown)
        piped = self.crm_in("due", check=0).out
        self.assertNotIn("\x1b[", piped)

    def test_piped_output_stays_whole(self):
        # The same reports, piped: nothing is cut to a terminal's width.
        wide = 0
        for args in (["due", "--within", "30d"], ["show", "acme"], ["list"], ["promises"]):
            out = self.crm_in(*args, check=0).out
            # A table cuts a cell as "word…"; show's " …" (more notes) is content.
            self.assertIsNone(re.search(r"\S…", out), args)
            wide = max(wide, widest(out))
        self.assertGreater(wide, 60)


if __name__ == "__main__":
    unittest.main()
