"""Every report fits the terminal it is shown on, measured on real pseudo-terminals of
60, 80, 100 and 120 columns, and stays readable there (spec section 4): no line over the
width, the column people read at least 30 wide at 80 with its text whole across its
continuation lines, no number or date cut, and clients with similar names told apart.
Piped, the same commands keep every line whole."""
import re
import unittest

from harness import CRM, CrmTestCase
from ptyrun import ANSI, cut_columns, display_width, run_on_pty, widest

WIDTHS = (60, 80, 100, 120)

# Over examples/consultancy: every table the brief names, and the help pages.
COMMANDS = [
    ["due"], ["due", "--within", "30d"], ["promises"], ["promises", "--all"], ["list"],
    ["show", "acme"], ["show", "coastal"], ["reviews"], ["portfolio"],
    ["pipeline"], ["funnel"], ["news", "--since", "2026-01-01"],
    ["--help"], ["due", "--help"], ["log-visit", "--help"], ["import", "--help"],
]

SMITHS = ["Smith Consulting Engineers Pty Ltd", "Smith Architects and Heritage Planners",
          "Smith Surveying"]
LONG_PROMISE = ("Send the revised fee proposal for the Halle 3 structural design, with the "
                "German and English versions side by side")
CJK = "東京設計事務所株式会社"
CJK_PROMISE = "東京設計事務所に見積書と工程表を送る"

# A number or a date cut by a table: a digit right before the "…".
CUT_NUMBER = re.compile(r"\d…")


def columns_under(shown, header):
    """The text under `header` in the first table whose heading line holds it, read
    across the rows and their continuation lines to the end, joined by spaces."""
    lines = ANSI.sub("", shown).split("\n")
    pieces = []
    for i, line in enumerate(lines):
        match = re.search(r"(^|  )(" + re.escape(header) + r")( +\S|$)", line)
        if not match or not line.replace(" ", "").isupper():
            continue
        start = display_width(line[:match.start(2)])
        # The next heading starts the next column; the last column runs to the end.
        end = display_width(line[:match.end(3) - 1]) - 2 if match.group(3) else None
        for row in lines[i + 1:]:
            # A right-aligned number's heading starts after its column does: the cell
            # ends at the first gap of two spaces.
            cell = cut_columns(row, start, end).strip().split("  ")[0]
            if cell.strip():
                pieces.append(cell.strip())
        break
    return " ".join(pieces)


def reading_width(shown, header):
    """Display columns from `header` to the next heading of its table; the last column
    of a table is as wide as its widest line under it."""
    lines = ANSI.sub("", shown).split("\n")
    for i, line in enumerate(lines):
        match = re.search(r"(^|  )(" + re.escape(header) + r")( +\S|$)", line)
        if not match or not line.replace(" ", "").isupper():
            continue
        start = display_width(line[:match.start(2)])
        if match.group(3):
            return display_width(line[:match.end(3) - 1]) - 2 - start
        return max(display_width(row) - start for row in lines[i:] if row.strip())
    return None


class TerminalWidthTest(CrmTestCase):
    def on_pty(self, args, columns):
        return run_on_pty([CRM, "--dir", str(self.dir), *args], self.env, str(self.tmp), columns)

    def shown(self, args, columns):
        code, shown, err = self.on_pty(args, columns)
        self.assertEqual(code, 0, err)
        self.assertGreater(len(shown), 0)
        self.assertLessEqual(widest(shown), columns, shown)
        self.assertIsNone(CUT_NUMBER.search(ANSI.sub("", shown)), shown)
        return ANSI.sub("", shown)


class ConsultancyWidthTest(TerminalWidthTest):
    def setUp(self):
        super().setUp()
        self.copy_example()

    def test_every_report_fits_every_width(self):
        for columns in WIDTHS:
            for args in COMMANDS:
                with self.subTest(args=args, columns=columns):
                    self.shown(args, columns)

    def test_log_and_inbox_fit_every_width(self):
        message = ("From: Unknown Person <u@nowhere.example>\n"
                   "To: alice@harbourpike.example\n"
                   "Subject: A very long subject line about the bridge retrofit tender and "
                   "its many documents, drawings and the fee schedule\n"
                   "Date: Mon, 23 Nov 2026 09:00:00 +0000\n"
                   "Message-ID: <x1@nowhere.example>\n\nHello there.\n")
        self.crm_in("log-email", "-", input=message, check=0)
        for columns in WIDTHS:
            for args in (["log"], ["inbox"]):
                with self.subTest(args=args, columns=columns):
                    shown = self.shown(args, columns)
                    self.assertIn("2026-11-23" if args == ["inbox"] else "log-email", shown)
                    if args == ["inbox"]:
                        subject = columns_under(shown, "SUBJECT")
                        self.assertIn("fee schedule", subject.replace("  ", " "), shown)

    def test_search_fits_60_columns(self):
        # search's streaming table is its own (another change); here it must only fit.
        self.shown(["search", "depot"], 60)

    def test_one_when_column_and_30_to_read_at_80(self):
        shown = self.shown(["due", "--within", "30d"], 80)
        header = shown.split("\n")[0].split()
        self.assertEqual(header[0], "WHEN")
        self.assertNotIn("DUE", header)
        self.assertIn("overdue", shown)
        self.assertNotIn("days overdue", shown)
        self.assertGreaterEqual(reading_width(shown, "WHAT"), 30, shown)
        # Wide enough, the date comes back beside it.
        self.assertEqual(self.shown(["due"], 120).split("\n")[0].split()[0], "DUE")

    def test_list_shows_names_not_slugs(self):
        shown = self.shown(["list"], 80)
        self.assertIn("Acme Engineering Pty Ltd", columns_under(shown, "NAME"))
        self.assertNotIn("acme-engineering-pty-ltd", shown)
        self.assertIn("acme-engineering-pty-ltd", self.crm_in("list", "-q").out)

    def test_colour_only_on_the_terminal(self):
        code, shown, _ = self.on_pty(["due"], 60)
        self.assertIn("\x1b[", shown)
        piped = self.crm_in("due", check=0).out
        self.assertNotIn("\x1b[", piped)

    def test_piped_output_stays_whole(self):
        # The same reports, piped: nothing is cut or wrapped to a terminal's width.
        wide = 0
        for args in (["due", "--within", "30d"], ["show", "acme"], ["list"], ["promises"]):
            out = self.crm_in(*args, check=0).out
            # A table cuts a cell as "word…"; show's " …" (more notes) is content.
            self.assertIsNone(re.search(r"\S…", out), args)
            wide = max(wide, widest(out))
        self.assertGreater(wide, 60)


class UnusualNamesWidthTest(TerminalWidthTest):
    """Long, CJK and accented names, three clients called Smith something, and an
    amount of 1,150,000."""

    def setUp(self):
        super().setUp()
        self.copy_example()
        for n, name in enumerate(SMITHS):
            slug = f"smith-{n}"
            self.write(f"clients/{slug}/client.yaml",
                       f"name: {name}\nstage: client\ntier: A\nowner: Alice Smith\n"
                       f"since: 2025-01-0{n + 1}\nratings: {{potential: 4, compatibility: 4, "
                       f"profitability: {n + 2}}}\n")
            self.write(f"clients/{slug}/visits/2026-11-0{n + 1}-alice-smith-00000{n}.yaml",
                       f"date: 2026-11-0{n + 1}\nby: Alice Smith\nkind: visit\n"
                       f"promises:\n  - what: {LONG_PROMISE} ({n})\n    due: 2026-11-2{n + 4}\n")
        self.write("clients/smith-0/opportunities/2026-10-01-alice-smith-aaaaaa.yaml",
                   "title: Harbour bridge heritage assessment and structural retrofit design\n"
                   "by: Alice Smith\nstage: proposal\nvalue: 1150000\nengaged: 2026-09-01\n"
                   "rfp_expected: 2026-12-15\ndecision_expected: 2027-02-01\n")
        self.write("clients/smith-1/opportunities/2026-03-01-alice-smith-bbbbbb.yaml",
                   "title: Town hall restoration\nby: Alice Smith\nstage: won\n"
                   "value: 1150000\nwon: 2026-06-01\n")
        self.write("clients/smith-2/reviews/2026-11-20-alice-smith-cccccc.yaml",
                   "date: 2026-11-20\nby: Alice Smith\nproject: Cadastral survey of the "
                   "northern rivers catchment, stage two\nrating: unhappy\n"
                   "referrals: [Harriet Smith at the Northern Rivers Catchment Authority]\n")
        self.write("clients/tokyo/client.yaml",
                   f"name: {CJK}\nstage: prospect\ntier: C\nowner: 田中 花子\n"
                   "since: 2026-01-05\nratings: {potential: 3, compatibility: 3, "
                   "profitability: 3}\n")
        self.write("clients/tokyo/visits/2026-11-10-alice-smith-dddddd.yaml",
                   "date: 2026-11-10\nby: Alice Smith\nkind: call\n"
                   f"promises:\n  - what: {CJK_PROMISE}\n    due: 2026-11-25\n")
        self.write("clients/mueller/client.yaml",
                   "name: Müller & Söhne Ingenieurgesellschaft für Tragwerksplanung mbH\n"
                   "stage: lead\ntier: B\nowner: Jürgen Ölmann\nsince: 2026-02-01\n")
        self.git("add", "-A")
        self.git("commit", "-q", "-m", "unusual names")

    def test_every_report_fits_every_width(self):
        for columns in WIDTHS:
            for args in (["due", "--within", "30d"], ["promises"], ["list"], ["portfolio"],
                         ["pipeline"], ["reviews"], ["funnel"], ["show", "smith-0"],
                         ["show", "tokyo"]):
                with self.subTest(args=args, columns=columns):
                    self.shown(args, columns)

    def test_the_reading_column_is_whole_and_30_wide_at_80(self):
        for args, header, texts in (
                (["due", "--within", "30d"], "WHAT", [LONG_PROMISE + " (0)", CJK_PROMISE]),
                (["promises"], "WHAT", [LONG_PROMISE + " (1)", CJK_PROMISE]),
                (["list"], "NAME", SMITHS + [CJK]),
                (["portfolio"], "CLIENT", SMITHS[:2]),
                (["pipeline"], "TITLE", ["Harbour bridge heritage assessment and structural "
                                         "retrofit design"]),
        ):
            for columns in WIDTHS:
                with self.subTest(args=args, columns=columns):
                    shown = self.shown(args, columns)
                    read = re.sub(r"\s+", " ", columns_under(shown, header))
                    for text in texts:
                        # CJK wraps between characters: compare without spaces.
                        self.assertIn(text.replace(" ", ""), read.replace(" ", ""), shown)
                    if columns == 80 and header == "WHAT":
                        self.assertGreaterEqual(reading_width(shown, header), 30, shown)

    def test_numbers_and_dates_are_never_cut(self):
        for columns in WIDTHS:
            with self.subTest(columns=columns):
                self.assertIn("1,150,000", self.shown(["pipeline"], columns))
                self.assertIn("1,150,000", self.shown(["portfolio"], columns))
                due = self.shown(["due", "--within", "30d"], columns)
                self.assertIn("overdue", due)
                self.assertIsNone(re.search(r"\d{4}-\d\d-\d*…", due))

    def test_portfolio_legend_names_only_the_columns_shown(self):
        for columns in WIDTHS:
            with self.subTest(columns=columns):
                shown = self.shown(["portfolio"], columns)
                headings = set()
                for line in shown.split("\n"):
                    if line.startswith("CLIENT "):
                        headings.update(re.split(r"\s{2,}", line.strip()))
                legend = " ".join(shown[shown.index("RATINGS: potential"):]
                                  .split("\n\n")[0].split())
                named = set()
                for part in legend.split("; "):
                    if ":" in part:
                        named.update(part.split(":")[0].split(", "))
                self.assertIn("RATINGS", named)
                self.assertLessEqual(named, headings, (legend, headings))

    def test_smith_clients_are_told_apart(self):
        for columns in WIDTHS:
            for args, header in ((["list"], "NAME"), (["portfolio"], "CLIENT"),
                                 (["due", "--within", "30d"], "CLIENT"),
                                 (["promises"], "CLIENT")):
                with self.subTest(args=args, columns=columns):
                    read = columns_under(self.shown(args, columns), header)
                    for word in ("Consulting", "Architects", "Surveying"):
                        self.assertIn(word, read)


if __name__ == "__main__":
    unittest.main()
