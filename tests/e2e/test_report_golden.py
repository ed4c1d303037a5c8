"""crm report over examples/consultancy, with a git history replayed from its files
(report_folder.replay_history): the Markdown is compared with golden files in
tests/golden/report/, and the options are checked. CRM_UPDATE_GOLDEN=1 rewrites the golden
files and the picture of the page in docs/ (docs/report.png, from a headless Chromium
screenshot 1280 pixels wide) instead of comparing."""
import difflib
import os
import shutil
from pathlib import Path

import browser
import pngutil
from harness import EXAMPLES, CrmTestCase
from reportpage import SharedFolderCase, check_html

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden" / "report"
PICTURE = ROOT / "docs" / "report.png"
UPDATE = os.environ.get("CRM_UPDATE_GOLDEN") == "1"


class ReportGoldenTest(SharedFolderCase):
    @classmethod
    def make_folder(cls, root):
        shutil.copytree(EXAMPLES / "consultancy", root)

    def compare(self, name, text):
        path = GOLDEN / name
        if UPDATE:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        self.assertTrue(path.exists(), f"no {path}: run with CRM_UPDATE_GOLDEN=1 to write it")
        want = path.read_text(encoding="utf-8")
        if text != want:
            diff = "".join(difflib.unified_diff(want.splitlines(True), text.splitlines(True),
                                                str(path), "crm report"))
            self.fail(f"the report differs from {path} (CRM_UPDATE_GOLDEN=1 rewrites it "
                      f"when the change is meant):\n{diff}")

    def test_markdown_of_last_month(self):
        r = self.crm_in("report", "--format", "markdown", check=0)
        self.assertEqual(r.err, "")
        self.assertIn("# Partners' report: October 2026", r.out)
        self.compare("consultancy-2026-10.md", r.out)

    def test_markdown_since_august(self):
        r = self.crm_in("report", "--format", "markdown", "--since", "2026-08-01", check=0)
        self.assertIn("# Partners' report: 2026-08-01 to 2026-11-23", r.out)
        self.compare("consultancy-since-2026-08-01.md", r.out)

    def test_the_picture_in_docs_is_this_page(self):
        self.assertEqual(check_html(self, self.page)["errors"], [])
        png = browser.screenshot(self, self.page, self.tmp / "shot.png", 1280, 1500, self.tmp)
        image = pngutil.decode(png)
        if UPDATE:
            PICTURE.write_bytes(image.cropped(1500).encode())
        picture = pngutil.decode(PICTURE.read_bytes())
        self.assertEqual(picture.width, 1280)
        self.assertLess(PICTURE.stat().st_size, 300 * 1024)
        self.assertGreater(picture.non_white(), picture.width * picture.height // 50)


class ReportOptionsTest(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.copy_example()

    def title(self, *args):
        r = self.crm_in("report", "--format", "markdown", *args, check=0)
        return r.out.splitlines()[0]

    def test_the_period(self):
        self.assertEqual(self.title(), "# Partners' report: October 2026")
        self.assertEqual(self.title("--month", "2026-09"), "# Partners' report: September 2026")
        # This month so far: the page tells no future.
        self.assertEqual(self.title("--month", "2026-11"),
                         "# Partners' report: 2026-11-01 to 2026-11-23")
        self.assertEqual(self.title("--since", "-2w"),
                         "# Partners' report: 2026-11-09 to 2026-11-23")
        self.assertEqual(self.title("--since", "2026-07-01", "--until", "2026-07-31"),
                         "# Partners' report: July 2026")
        first = self.crm_in("report", "--format", "markdown", check=0,
                            env={"CRM_TODAY": "2026-12-01"}).out
        self.assertTrue(first.startswith("# Partners' report: November 2026\n"))
        self.assertIn("due by 2026-12-31", first)

    def test_bad_periods_are_usage_errors(self):
        for args, words in ((["--month", "2026-13"], "--month: '2026-13' is not a month"),
                            (["--month", "Nov"], "is not a month"),
                            (["--until", "2026-10-01"], "--until needs --since"),
                            (["--since", "2026-10-05", "--until", "2026-10-01"], "before it starts"),
                            (["--month", "2027-01"], "starts after today"),
                            (["--month", "2026-10", "--since", "2026-10-01"],
                             "crm: error: report: --month and --since do not go together\n"
                             "hint: give one of them\n"),
                            (["--format", "pdf"], "pdf")):
            r = self.crm_in("report", *args)
            self.assertEqual(r.code, 2, r)
            self.assertIn(words, r.err)
            self.assertEqual(r.out, "")

    def test_output_file_is_written_whole(self):
        out = self.tmp / "out" / "page.html"
        out.parent.mkdir()
        out.write_text("old page")
        os.chmod(out, 0o640)
        r = self.crm_in("report", "-o", str(out), check=0)
        self.assertEqual(r.out, "")
        self.assertEqual(out.read_text(encoding="utf-8"), self.crm_in("report", check=0).out)
        self.assertEqual(sorted(p.name for p in out.parent.iterdir()), ["page.html"])
        self.assertEqual(out.stat().st_mode & 0o777, 0o640)
        r = self.crm_in("report", "-o", str(out.parent))
        self.assertEqual(r.code, 1, r)
        self.assertIn("it is a folder", r.err)
        r = self.crm_in("report", "-o", str(self.tmp / "missing" / "page.html"))
        self.assertEqual(r.code, 1, r)
        self.assertFalse((self.tmp / "missing").exists())

    def test_without_git_the_page_says_what_changed_is_unknown(self):
        shutil.rmtree(self.dir / ".git")
        r = self.crm_in("report", "--format", "markdown", check=0)
        self.assertIn("The folder is not in a git repository: crm cannot tell what changed",
                      r.out)
        self.assertIn("## Due and overdue, per teammate", r.out)

    def test_a_broken_file_is_warned_about_and_the_page_still_made(self):
        (self.dir / "clients" / "acme-engineering-pty-ltd" / "visits" / "2026-11-01-x-1.yaml"
         ).write_text("date: [unclosed\n")
        r = self.crm_in("report", "--format", "markdown")
        self.assertEqual(r.code, 1, r)
        self.assertIn("2026-11-01-x-1.yaml", r.err)
        self.assertIn("## What changed, October 2026", r.out)
