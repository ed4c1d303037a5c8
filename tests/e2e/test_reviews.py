"""crm review (writing a post-project review) and crm reviews (the satisfaction report)."""
import json
import re
import unittest

from harness import CrmTestCase
from reportutil import client_yaml, column_of, review_yaml, visit_yaml, width

SPECTRUM = ["angry", "unhappy", "neutral", "happy", "elated"]


class ReviewCommandTest(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.crm_in("add-client", "Acme Engineering Pty Ltd", check=0)

    def test_review_writes_every_field_prints_path_and_commits(self):
        before = self.commit_count()
        r = self.crm_in("review", "acme", "--project", "Bridge retrofit stage 1", "--rating", "happy",
                        "--why", "Finished two weeks early: clear weekly reports",
                        "--went-well", "Weekly reports", "--went-well", "yes",
                        "--improve", "Invoice detail", "--testimonial", 'Best "consultant" # ever',
                        "--referral", "Tom Lee at Northern Water", "--referral", "017",
                        "--date", "2026-11-20", check=0)
        path = r.out.strip()
        self.assertRegex(path, r"^clients/acme-engineering-pty-ltd/reviews/2026-11-20-alice-smith-[0-9a-f]{6}\.yaml$")
        rv = self.load(path)
        self.assertEqual(str(rv["date"]), "2026-11-20")
        self.assertEqual(rv["by"], "Alice Smith")
        self.assertEqual(rv["project"], "Bridge retrofit stage 1")
        self.assertEqual(rv["rating"], "happy")
        self.assertEqual(rv["why"], "Finished two weeks early: clear weekly reports")
        self.assertEqual(rv["went_well"], ["Weekly reports", "yes"])
        self.assertEqual(rv["to_improve"], ["Invoice detail"])
        self.assertEqual(rv["testimonial"], 'Best "consultant" # ever')
        self.assertEqual(rv["referrals"], ["Tom Lee at Northern Water", "017"])
        self.assertEqual(self.commit_count(), before + 1)
        self.assertEqual(self.last_commit_files(), [path])
        self.assertEqual(self.last_commit_message(),
                         "review: Acme Engineering Pty Ltd (Bridge retrofit stage 1, happy)")
        self.assertNotIn("follow-up", r.err)
        # show lists it
        shown = json.loads(self.crm_in("show", "acme", "--format", "json", check=0).out)
        self.assertEqual(shown["reviews"][0]["project"], "Bridge retrofit stage 1")

    def test_bad_rating_is_a_usage_error_listing_the_valid_ones(self):
        before = self.commit_count()
        r = self.crm_in("review", "acme", "--project", "P", "--rating", "ecstatic", check=2)
        self.assertIn("ecstatic", r.err)
        self.assertIn("angry, unhappy, neutral, happy, elated", r.err)
        self.assertFalse((self.dir / "clients/acme-engineering-pty-ltd/reviews").exists())
        self.assertEqual(self.commit_count(), before)
        # A bad rating is reported even for an unknown client: the usage error comes first.
        self.crm_in("review", "nobody", "--project", "P", "--rating", "meh", check=2)

    def test_rating_and_project_are_required_and_rating_ignores_case(self):
        self.crm_in("review", "acme", "--project", "P", check=2)
        self.crm_in("review", "acme", "--rating", "happy", check=2)
        self.crm_in("review", "acme", "--project", "  ", "--rating", "happy", check=2)
        r = self.crm_in("review", "acme", "--project", "P", "--rating", "Elated", check=0)
        self.assertEqual(self.load(r.out.strip())["rating"], "elated")

    def test_bad_date_is_a_usage_error(self):
        r = self.crm_in("review", "acme", "--project", "P", "--rating", "happy", "--date", "someday",
                        check=2)
        self.assertIn("someday", r.err)

    def test_unknown_client_fails_with_suggestion(self):
        r = self.crm_in("review", "zzz-nobody", "--project", "P", "--rating", "happy", check=1)
        self.assertIn("no client matches", r.err)

    def test_angry_review_notes_when_the_follow_up_is_due(self):
        r = self.crm_in("review", "acme", "--project", "Haul road", "--rating", "angry",
                        "--date", "2026-11-20", check=0)
        # What crm understood: the review's date, and the follow-up's with its weekday and
        # how far away it is.
        self.assertEqual(r.err, "crm: review dated Fri 2026-11-20\n"
                                "crm: a follow-up with Acme Engineering Pty Ltd is due by "
                                "Fri 2026-11-27 (in 4 days): log it with "
                                "'crm log-visit acme-engineering-pty-ltd'\n")
        self.assertEqual(r.out.count("\n"), 1)  # only the path on stdout
        text = (self.dir / "crm.yaml").read_text().replace("review_follow_up: 7d", "review_follow_up: 2w")
        (self.dir / "crm.yaml").write_text(text)
        r = self.crm_in("review", "acme", "--project", "Other", "--rating", "unhappy", "--date",
                        "yesterday", "--no-commit", check=0)
        self.assertEqual(r.err, "crm: review dated Sun 2026-11-22\n"
                                "crm: a follow-up with Acme Engineering Pty Ltd is due by "
                                "Sun 2026-12-06 (in 13 days): log it with "
                                "'crm log-visit acme-engineering-pty-ltd'\n")

    def test_a_past_dated_review_after_its_visit_says_what_due_says(self):
        # The visit was logged today; the review it brought is recorded as of three days
        # ago. The visit came after the review, so no follow-up: crm review, crm due and
        # crm reviews must all say so.
        self.crm_in("log-visit", "acme", "Talked it through", check=0)
        r = self.crm_in("review", "acme", "--project", "Haul road", "--rating", "angry",
                        "--date", "-3d", check=0)
        self.assertNotIn("is due by", r.err)
        self.assertIn("no follow-up is due", r.err)
        due = json.loads(self.crm_in("due", "--format", "json", check=0).out)
        self.assertEqual([i for i in due["items"] if i["type"] == "follow-up"], [])
        self.assertEqual(json.loads(self.crm_in("reviews", "--format", "json", check=0).out)
                         ["follow_ups"], [])
        # A visit on the review's own day does not count as after it.
        r = self.crm_in("review", "acme", "--project", "Depot", "--rating", "unhappy",
                        "--date", "today", check=0)
        self.assertEqual(r.err, "crm: a follow-up with Acme Engineering Pty Ltd is due by "
                                "Mon 2026-11-30 (in 7 days): log it with "
                                "'crm log-visit acme-engineering-pty-ltd'\n")
        due = json.loads(self.crm_in("due", "--format", "json", check=0).out)
        self.assertEqual([(i["type"], i["due"]) for i in due["items"] if i["type"] == "follow-up"],
                         [("follow-up", "2026-11-30")])

    def test_no_commit_writes_but_does_not_commit(self):
        before = self.commit_count()
        r = self.crm_in("--no-commit", "review", "acme", "--project", "P", "--rating", "neutral", check=0)
        self.assertTrue((self.dir / r.out.strip()).exists())
        self.assertEqual(self.commit_count(), before)


class ReviewsReportTest(CrmTestCase):
    def folder(self):
        self.init()
        self.write("clients/muller/client.yaml", client_yaml("Müller & Söhne GmbH"))
        self.write("clients/muller/reviews/2026-11-18-bob-jones-aaaaaa.yaml",
                   review_yaml("2026-11-18", "Halle 3", "angry"))
        self.write("clients/nihon/client.yaml", client_yaml("日本建設株式会社"))
        self.write("clients/nihon/reviews/2026-09-01-bob-jones-bbbbbb.yaml",
                   review_yaml("2026-09-01", "東京 depot", "unhappy"))
        self.write("clients/nihon/visits/2026-09-10-bob-jones-cccccc.yaml", visit_yaml("2026-09-10"))
        self.write("clients/nihon/reviews/2026-10-01-bob-jones-dddddd.yaml",
                   review_yaml("2026-10-01", "大阪 yard", "elated", "素晴らしい仕事でした",
                               ["Ken Sato at Osaka Port"]))
        self.write("clients/acme/client.yaml", client_yaml("Acme"))
        self.write("clients/acme/reviews/2026-03-01-bob-jones-eeeeee.yaml",
                   review_yaml("2026-03-01", "Bridge", "happy", "Best consultant we've used.",
                               ["Tom Lee", "Ann Wu"]))
        self.write("clients/acme/reviews/2026-05-01-bob-jones-ffffff.yaml",
                   review_yaml("2026-05-01", "Pier", "happy"))
        self.write("clients/acme/reviews/2026-06-01-bob-jones-111111.yaml",
                   review_yaml("2026-06-01", "Depot", "elated", "Superb."))
        self.write("clients/acme/reviews/2026-07-01-bob-jones-222222.yaml",
                   review_yaml("2026-07-01", "Ramp", "elated"))
        # unhappy, and the only visit is on the same day: still open
        self.write("clients/zed/client.yaml", client_yaml("Zed Ltd"))
        self.write("clients/zed/reviews/2026-11-12-bob-jones-333333.yaml",
                   review_yaml("2026-11-12", "Science block", "unhappy"))
        self.write("clients/zed/visits/2026-11-12-bob-jones-444444.yaml", visit_yaml("2026-11-12"))

    def test_empty_folder(self):
        self.init()
        r = self.crm_in("reviews", check=0)
        self.assertEqual(r.out, "")
        self.assertIn("no reviews yet", r.err)
        j = json.loads(self.crm_in("reviews", "--format", "json", check=0).out)
        self.assertEqual(j["total"], 0)
        self.assertEqual([s["count"] for s in j["spectrum"]], [0, 0, 0, 0, 0])
        self.assertEqual(j["follow_ups"], [])
        self.assertEqual(j["testimonials"], [])
        self.assertEqual(j["referrals"], [])

    def test_json_counts_follow_ups_testimonials_and_referrals(self):
        self.folder()
        j = json.loads(self.crm_in("reviews", "--format", "json", check=0).out)
        self.assertEqual(j["as_of"], "2026-11-23")
        self.assertEqual(j["total"], 8)
        self.assertEqual({s["rating"]: s["count"] for s in j["spectrum"]},
                         {"angry": 1, "unhappy": 2, "neutral": 0, "happy": 2, "elated": 3})
        self.assertEqual([s["rating"] for s in j["spectrum"]], SPECTRUM)
        self.assertEqual([(f["client"], f["due"], f["overdue"]) for f in j["follow_ups"]],
                         [("zed", "2026-11-19", True), ("muller", "2026-11-25", False)])
        self.assertEqual(j["follow_ups"][1]["name"], "Müller & Söhne GmbH")
        self.assertEqual([t["testimonial"] for t in j["testimonials"]],
                         ["素晴らしい仕事でした", "Superb.", "Best consultant we've used."])
        self.assertEqual([(x["client"], x["referral"]) for x in j["referrals"]],
                         [("nihon", "Ken Sato at Osaka Port"), ("acme", "Tom Lee"), ("acme", "Ann Wu")])

    def test_since_limits_the_spectrum_but_keeps_open_follow_ups(self):
        self.folder()
        j = json.loads(self.crm_in("reviews", "--since", "2026-09-01", "--format", "json", check=0).out)
        self.assertEqual(j["since"], "2026-09-01")
        self.assertEqual(j["total"], 4)
        self.assertEqual(len(j["follow_ups"]), 2)
        self.assertEqual(len(j["testimonials"]), 1)
        self.crm_in("reviews", "--since", "sometime", check=2)

    def test_text_report_bar_chart_and_sections(self):
        self.folder()
        r = self.crm_in("reviews", env={"COLUMNS": "72"}, check=0)
        lines = r.out.splitlines()
        chart = {l.split()[0]: l for l in lines if l.split() and l.split()[0] in SPECTRUM}
        self.assertEqual(list(chart), SPECTRUM)
        blocks = {k: v.count("█") for k, v in chart.items()}
        self.assertEqual(blocks["neutral"], 0)
        self.assertGreater(blocks["elated"], blocks["happy"])
        self.assertGreater(blocks["happy"], blocks["angry"])
        self.assertEqual(blocks["happy"], blocks["unhappy"])
        self.assertTrue(chart["elated"].rstrip().endswith("3  38%"), chart["elated"])
        # the counts line up
        ends = {column_of(v, "%") for k, v in chart.items() if k != "neutral"}
        self.assertEqual(len(ends), 1, chart)
        self.assertIn("Open follow-ups  2", r.out)
        follow = r.out.split("Open follow-ups")[1].split("Testimonials")[0]
        self.assertLess(follow.index("Zed Ltd"), follow.index("Müller & Söhne GmbH"))
        self.assertIn("4d overdue", follow)
        self.assertNotIn("日本建設", follow)
        self.assertIn("素晴らしい仕事でした", r.out)
        self.assertIn("Referrals  3", r.out)
        for line in lines:
            self.assertLessEqual(width(line), 72, line)
        self.assertNotIn("\033[", r.out)  # no colour when piped

    def test_names_with_accents_and_cjk_line_up_in_the_follow_up_table(self):
        self.folder()
        self.write("clients/nihon/reviews/2026-11-20-bob-jones-555555.yaml",
                   review_yaml("2026-11-20", "名古屋", "angry"))
        r = self.crm_in("reviews", check=0)
        follow = r.out.split("Open follow-ups")[1].split("Testimonials")[0].splitlines()
        rows = [l for l in follow if re.match(r"^\d{4}-", l)]
        self.assertEqual(len(rows), 3)
        cols = {column_of(l, "angry") if "angry" in l else column_of(l, "unhappy") for l in rows}
        self.assertEqual(len(cols), 1, "\n".join(rows))

    def test_broken_review_file_is_skipped_with_a_warning_and_exit_1(self):
        self.folder()
        self.write("clients/acme/reviews/2026-08-01-bob-jones-666666.yaml",
                   "date: 2026-08-01\nrating: furious\nproject: x\n")
        r = self.crm_in("reviews", "--format", "json", check=1)
        self.assertIn("2026-08-01-bob-jones-666666.yaml", r.err)
        self.assertEqual(json.loads(r.out)["total"], 8)

    def test_consultancy_example(self):
        self.copy_example()
        j = json.loads(self.crm_in("reviews", "--format", "json", check=0).out)
        self.assertEqual({s["rating"]: s["count"] for s in j["spectrum"]},
                         {"angry": 1, "unhappy": 2, "neutral": 2, "happy": 2, "elated": 2})
        self.assertEqual([(f["client"], f["due"]) for f in j["follow_ups"]],
                         [("lakeside-grammar-school", "2026-11-19"),
                          ("westbridge-civil-contractors", "2026-11-25")])
        self.assertEqual(j["testimonials"][0]["client"], "clearwater-irrigation-co-operative")
        self.assertEqual(len(j["testimonials"]), 4)
        r = self.crm_in("reviews", check=0)
        self.assertIn("Lakeside Grammar School", r.out)


if __name__ == "__main__":
    unittest.main()
