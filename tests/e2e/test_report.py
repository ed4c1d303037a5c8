"""crm report: the partners' page over a generated folder with a git history. The page is
read back by an HTML parser (html5lib, strict) and its tables are compared with the JSON
of the terminal reports over the same folder (due, pipeline, reviews, portfolio, funnel),
with the visit files themselves (contact activity), and with the history the test made
(what changed). The browser checks are in test_report_browser.py, the mail in
test_report_mail.py, the golden Markdown in test_report_golden.py."""
import re
from datetime import date

import report_folder
from reportpage import (EOM, PERIOD, SharedFolderCase, amount, check_html, day_month, label,
                        share)


class ReportPageTest(SharedFolderCase):
    def setUp(self):
        super().setUp()
        self.found = check_html(self, self.page)
        self.tables = self.found["tables"]

    def body(self, table_id):
        """A table's rows without its header and total."""
        rows = self.tables[table_id]
        return [r for r in rows[1:] if r and r[0] != "Total"]

    def total(self, table_id):
        return next(r for r in self.tables[table_id] if r and r[0] == "Total")

    def test_the_page_is_valid_html_with_nothing_to_fetch_and_no_script(self):
        self.assertEqual(self.found["errors"], [])
        self.assertEqual(self.found["scripts"], 0)
        self.assertEqual(self.found["external"], [])
        raw = self.page.read_text(encoding="utf-8")
        # As markup, never as text (the folder's text holds all of these, escaped).
        self.assertNotRegex(raw, r"(?i)<script|<img|<link|<iframe|<object|<embed|<base")
        self.assertNotRegex(raw, r"(?i)(src|href)\s*=\s*[\"']?(https?:|//)")

    def test_each_section_of_the_spec_is_there_in_order(self):
        self.assertEqual([s[0] for s in self.found["sections"]],
                         ["due", "pipeline", "reviews", "portfolio", "funnel", "activity",
                          "changes"])

    def test_every_chart_has_a_text_alternative_and_its_table_beside_it(self):
        charts = self.found["charts"]
        self.assertGreaterEqual(len(charts), 8)
        for c in charts:
            self.assertEqual(c["role"], "img")
            self.assertTrue(c["names_exist"], c)
            self.assertTrue(c["title"] and c["desc"], c)
        self.assertEqual(len(self.found["pairs"]), len(charts))
        for chart, table in self.found["pairs"]:
            self.assertIsNotNone(table, f"{chart} has no table beside it")
            self.assertIn(table, self.tables)

    def test_text_from_the_folder_is_escaped(self):
        raw = self.page.read_text(encoding="utf-8")
        self.assertNotIn("<script>alert", raw)
        self.assertNotIn("<b>bold</b>", raw)
        self.assertIn("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Pty Ltd", raw)
        cells = [c for rows in self.tables.values() for r in rows for c in r]
        texts = " ".join(self.found["texts"] + cells)
        self.assertIn("<script>alert('x')</script> Pty Ltd", texts)  # shown, as text
        self.assertIn('Kestrel <Law> & "Partners"', texts)

    def test_due_per_teammate_is_crm_due_until_the_end_of_the_month(self):
        expected, items = self.due_people()
        rows = {r[0]: r[1:] for r in self.body("due-people")}
        for person in self.team():  # the team is on the page even with nothing due
            expected.setdefault(person, ["0"] * 6)
        self.assertEqual(rows, {p: n for p, n in expected.items()
                                if p in self.team() or n[0] != "0" or n[1] != "0"})
        overdue = [i for i in items if i["overdue"]]
        self.assertEqual(self.total("due-people")[1:3],
                         [str(len(overdue)), str(len(items) - len(overdue))])
        late = self.body("overdue-items")
        self.assertEqual([r[0] for r in late],
                         [i["due"] for i in overdue if i["type"] != "contact"][:25])

    def test_pipeline_and_deal_clock_are_crm_pipeline(self):
        p = self.json_of("pipeline")
        self.assertEqual(self.body("pipeline-months"),
                         [[m["month"], str(m["count"]), amount(m["weighted"])]
                          for m in p["by_month"]])
        clock = p["clock"]
        self.assertEqual(
            [r[1:] for r in self.body("deal-clock")],
            [[str(s["won"]), str(s["lost"]), share(s["won"], s["won"] + s["lost"])]
             for s in (clock["early"], clock["late"])])

    def test_reviews_are_crm_reviews_of_the_period(self):
        since, until = (d.isoformat() for d in PERIOD)
        v = self.json_of("reviews", "--since", since, "--until", until)
        self.assertEqual(self.body("reviews-spectrum"),
                         [[s["rating"], str(s["count"])] for s in v["spectrum"]])
        self.assertEqual(len(self.tables.get("follow-ups", [[]])) - 1, len(v["follow_ups"]))
        self.assertEqual(self.found["quotes"],
                         [" ".join(t["testimonial"].split()) for t in v["testimonials"]])
        self.assertEqual(len(self.body("referrals")) if "referrals" in self.tables else 0,
                         len(v["referrals"]))

    def test_portfolio_tiers_are_crm_portfolio(self):
        p = self.json_of("portfolio")
        order = [t["tier"] for t in p["tiers"]]
        expected = []
        for t in p["tiers"]:
            rows = t["clients"]
            up = sum(1 for c in rows if c["suggested_tier"] and
                     order.index(c["suggested_tier"]) < order.index(t["tier"]))
            down = sum(1 for c in rows if c["suggested_tier"] and
                       order.index(c["suggested_tier"]) > order.index(t["tier"]))
            expected.append([t["tier"], t["every"] or "-", str(len(rows)),
                             str(sum(1 for c in rows if c["score"] is not None)), str(up),
                             str(down), str(sum(1 for c in rows if c["score"] is None)),
                             amount(sum(c["won_12m"] for c in rows))])
        self.assertEqual(self.body("portfolio-tiers"), expected)
        flagged = [c["name"] for t in p["tiers"] for c in t["clients"] if c["suggested_tier"]]
        self.assertEqual([r[0] for r in self.body("portfolio-flagged")], flagged[:25])

    def test_funnel_is_crm_funnel(self):
        f = self.json_of("funnel")
        self.assertEqual([(r[0].split(" (")[0], r[1]) for r in self.body("funnel-stages")],
                         [(s["stage"], str(s["count"])) for s in f["stages"]])

    def test_contact_activity_counts_the_visit_files_of_each_week(self):
        weeks, counts = self.activity(*PERIOD)
        header = self.tables["activity-weeks"][0]
        self.assertEqual(header[1:-1], [day_month(max(w, PERIOD[0])) for w in weeks])
        team = self.team()
        expected = {label(p, team): [str(n) for n in c] + [str(sum(c))]
                    for p, c in counts.items()}
        for person in team:
            expected.setdefault(person, ["0"] * (len(weeks) + 1))
        self.assertEqual({r[0]: r[1:] for r in self.body("activity-weeks")}, expected)

    def test_clients_past_their_cadence_are_the_overdue_contacts(self):
        _, items = self.due_people()
        late = [i for i in items if i["type"] == "contact" and i["overdue"]]
        self.assertEqual([r[0] for r in self.body("past-cadence")],
                         [i["name"] for i in late][:25])
        per_owner = {}
        for i in late:
            per_owner[i["owner"]] = per_owner.get(i["owner"], 0) + 1
        rows = {r[0].split(" (not")[0]: r[2] for r in self.body("cadence-people")}
        for owner, n in per_owner.items():
            self.assertEqual(rows[owner or "(nobody)"], str(n))

    def test_what_changed_is_the_history_of_the_period(self):
        names = self.names()
        want = report_folder.in_period(self.expected, *PERIOD)
        got = {k: self.body(f"changes-{k}") if f"changes-{k}" in self.tables else []
               for k in ("new", "stages", "won", "lost")}
        self.assertEqual(sorted(got["new"]),
                         sorted([d.isoformat(), names[s], stage, by]
                                for d, s, stage, by in want["new"]))
        self.assertEqual(sorted(got["stages"]),
                         sorted([d.isoformat(), names[s], a, b, by]
                                for d, s, a, b, by in want["moves"]))
        for kind in ("won", "lost"):
            self.assertEqual(sorted((r[0], r[1], r[2]) for r in got[kind]),
                             sorted((d.isoformat(), names[s], t) for d, s, t, _ in want[kind]))
        self.assertEqual([r[1] for r in self.body("changes-summary")],
                         [str(len(want[k])) for k in ("new", "moves", "won", "lost")])

    def test_a_longer_period_has_its_own_changes_weeks_and_reviews(self):
        since, until = date(2026, 6, 1), date(2026, 9, 15)
        out = self.tmp / "long.html"
        self.crm_in("report", "--since", since.isoformat(), "--until", until.isoformat(),
                    "-o", str(out), check=0)
        tables = check_html(self, out)["tables"]
        want = report_folder.in_period(self.expected, since, until)
        self.assertEqual([r[1] for r in tables["changes-summary"][1:]],
                         [str(len(want[k])) for k in ("new", "moves", "won", "lost")])
        weeks, _ = self.activity(since, until)
        self.assertEqual(len(tables["activity-weeks"][0]), len(weeks) + 2)
        v = self.json_of("reviews", "--since", since.isoformat(), "--until", until.isoformat())
        self.assertEqual([r[1] for r in tables["reviews-spectrum"][1:-1]],
                         [str(s["count"]) for s in v["spectrum"]])

    def test_markdown_holds_the_same_tables(self):
        md = self.crm_in("report", "--format", "markdown", check=0).out
        blocks = re.findall(r"((?:^\|.*\|\n)+)", md, re.M)
        md_tables = []
        for block in blocks:
            lines = block.strip("\n").split("\n")
            rows = [[c.strip().strip("*").replace("\\", "") for c in l.strip("|").split(" | ")]
                    for l in lines if not re.match(r"^\|( ---:? \|)+$", l)]
            md_tables.append(rows)
        html_tables = [[[c for c in r] for r in rows] for rows in self.tables.values()]
        self.assertEqual(len(md_tables), len(html_tables))
        for md_rows, html_rows in zip(md_tables, html_tables):
            self.assertEqual([[c.strip() for c in r] for r in md_rows], html_rows)
