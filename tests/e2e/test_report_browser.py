"""crm report in a real browser (Debian's chromium, headless): screenshots at 1280 and 390
pixels wide that show the page and nothing sticking out sideways, and a print to PDF on
A4 whose text holds the figures, each section from the top of a page. A missing chromium,
pdftotext or pdfinfo fails these tests (scripts/bootstrap installs them)."""
import re

import browser
import pngutil
from reportpage import SharedFolderCase, check_html

SECTIONS = ["Due and overdue, per teammate", "Pipeline and the deal clock",
            "Post-project reviews", "Portfolio: action categories", "The funnel",
            "Contact activity, and clients past their cadence", "What changed, October 2026"]


class ReportInBrowserTest(SharedFolderCase):
    def test_screenshots_at_1280_and_390_pixels_show_the_page(self):
        for width in (1280, 390):
            png = browser.screenshot(self, self.page, self.tmp / f"page-{width}.png", width,
                                     2000, self.tmp)
            image = pngutil.decode(png)
            self.assertEqual(image.width, width)
            dark = image.non_white()
            # Text, charts and rules: far more than a blank or broken page would show.
            self.assertGreater(dark, image.width * image.height // 50, f"{width}px: {dark}")
            columns = image.non_white_columns()
            # Drawn across the width, not in one corner...
            self.assertLess(min(columns), width // 10)
            self.assertGreater(max(columns), width // 2)

    def test_nothing_overflows_sideways_at_1280_or_390_pixels(self):
        for width in (1280, 390):
            found = browser.layout(self, self.page, width, self.tmp)
            self.assertEqual(found["inner"], width, found)
            self.assertLessEqual(found["scroll"], found["client"], found)
            self.assertEqual(found["over"], [], found)
        # On a phone, lists reflow into blocks; only tables of figures may scroll, in
        # their own box.
        self.assertNotIn("overdue-items", found["scrolling"])
        self.assertNotIn("past-cadence", found["scrolling"])

    def test_the_measurement_sees_an_overflow(self):
        # The check above must be able to fail: the same page with one wide element.
        html = self.page.read_text(encoding="utf-8")
        wide = self.tmp / "wide.html"
        wide.write_text(html.replace("<main>", '<main><div style="width:600px">x</div>'),
                        encoding="utf-8")
        found = browser.layout(self, wide, 390, self.tmp)
        self.assertGreater(found["scroll"], found["client"])
        self.assertTrue(any(o.startswith("div") for o in found["over"]), found)

    def test_printed_on_a4_each_section_on_its_own_page_with_its_figures(self):
        pdf = browser.print_pdf(self, self.page, self.tmp / "page.pdf", self.tmp)
        info = browser.pdf_info(self, pdf)
        size = re.match(r"\s*([\d.]+) x ([\d.]+) pts", info["Page size"])
        self.assertAlmostEqual(float(size.group(1)), 595.3, delta=1)  # A4: 210 x 297 mm
        self.assertAlmostEqual(float(size.group(2)), 841.9, delta=1)
        pages = int(info["Pages"])
        self.assertGreaterEqual(pages, len(SECTIONS))
        tops = []
        for n in range(1, pages + 1):
            lines = [l.strip() for l in browser.pdf_text(self, pdf, n).splitlines() if l.strip()]
            tops.append(lines[0] if lines else "")
        for title in SECTIONS[1:]:
            self.assertIn(title, tops, f"{title!r} does not start a page: {tops}")
        text = browser.pdf_text(self, pdf)
        tables = check_html(self, self.page)["tables"]
        # Each row of figures prints whole, in order, on one line: nothing cut or hidden.
        for table_id in ("due-people", "pipeline-months", "deal-clock", "portfolio-tiers",
                         "funnel-stages", "cadence-people", "changes-summary"):
            for row in tables[table_id][1:]:
                numbers = [c for c in row[1:] if re.fullmatch(r"[\d,.%-]+", c)]
                pattern = r"\s+".join(re.escape(n) for n in numbers)
                self.assertRegex(text, re.escape(row[0].split(" (")[0]) + r".*" + pattern,
                                 f"{table_id}: {row}")
        for name in [r[0] for r in tables["past-cadence"][1:]]:
            self.assertIn(name.split(" <")[0][:12], text)
