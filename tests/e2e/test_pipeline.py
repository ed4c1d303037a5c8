"""crm pipeline: open opportunities weighted, totals by month, and the deal clock over a
history built here with crm's own commands (CRM_TODAY moved through time)."""
import csv
import io
import json
import unittest

from harness import CrmTestCase
from reportutil import width


class PipelineCase(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        for name, owner in (("Acme Engineering", "Alice Smith"), ("Beta Water", "Bob Jones"),
                            ("Gamma Council", "Alice Smith")):
            self.crm_in("add-client", name, "--owner", owner, check=0)

    def at(self, day, *args, **kw):
        """crm as of `day`."""
        return self.crm_in(*args, env={"CRM_TODAY": day}, check=0, **kw)

    def add(self, day, client, title, *args):
        return self.at(day, "opportunity", "add", client, title, *args).out.strip()

    def pipeline(self, *args, **kw):
        return json.loads(self.crm_in("pipeline", "--format", "json", *args, check=0, **kw).out)

    def history(self):
        """Closed: early won 3, early lost 1, late won 1, late lost 2, and one won with no
        RFP date (not on the clock)."""
        self.add("2025-06-01", "acme", "Bridge retrofit", "--rfp", "2025-09-01")
        self.at("2025-11-05", "opportunity", "won", "acme", "bridge")
        self.add("2025-01-10", "acme", "Depot stage 1", "--rfp", "2025-04-01")
        self.at("2025-06-01", "opportunity", "won", "acme", "depot stage 1")
        self.add("2025-03-01", "beta", "Pump station", "--engaged", "2025-02-01",
                 "--rfp", "2025-05-01")
        self.at("2025-07-01", "opportunity", "won", "beta", "pump")
        self.add("2025-02-01", "beta", "Reservoir", "--rfp", "2025-06-01")
        self.at("2025-08-01", "opportunity", "lost", "beta", "reservoir", "--reason", "price")
        # Engaged after the RFP was expected: late, won (Bob's).
        self.add("2025-08-01", "gamma", "Car park", "--rfp", "2025-07-15", "--owner", "Bob Jones")
        self.at("2025-10-01", "opportunity", "won", "gamma", "car park")
        # Logged when the RFP was already out: late, lost.
        self.add("2025-05-01", "gamma", "Library", "--stage", "rfp")
        self.at("2025-09-01", "opportunity", "lost", "gamma", "library", "--reason", "scope")
        # Expected later, but it came out the day we engaged: rfp_since wins, late, lost.
        self.add("2025-03-01", "acme", "Wharf", "--rfp", "2025-09-01")
        self.at("2025-03-01", "opportunity", "set", "acme", "wharf", "stage", "rfp")
        self.at("2025-10-01", "opportunity", "lost", "acme", "wharf", "--reason",
                "went elsewhere")
        self.add("2025-04-01", "beta", "Mystery job")
        self.at("2025-05-01", "opportunity", "won", "beta", "mystery")

    def open_ones(self):
        self.add("2026-10-02", "acme", "Depot stage 2", "--value", "180000", "--rfp", "2027-03-01",
                 "--decision", "2027-05-15", "--next-step", "Site walk by 2026-12-10")
        self.add("2026-06-01", "beta", "Treatment plant", "--value", "400000",
                 "--rfp", "2026-11-30", "--decision", "2027-02-10")
        self.at("2026-11-23", "opportunity", "set", "beta", "treatment", "stage", "rfp")
        self.add("2026-11-01", "gamma", "Road upgrade", "--value", "90000", "--probability", "40",
                 "--stage", "proposal", "--rfp", "2026-10-15", "--decision", "2027-02-20")
        self.add("2026-11-23", "acme", "Small job", "--stage", "negotiation")
        self.add("2026-11-20", "beta", "Pier", "--value", "10000", "--stage", "negotiation",
                 "--decision", "2027-05-30", "--owner", "Bob Jones")


class PipelineJsonTest(PipelineCase):
    def test_the_figures_from_a_history(self):
        # Open ones by stage, then by expected decision, undated last.
        self.history()
        self.open_ones()
        self.crm_in("check", check=0)
        data = self.pipeline()
        self.assertEqual(list(data), ["as_of", "open", "by_month", "clock"])
        self.assertEqual(data["as_of"], "2026-11-23")
        self.assertEqual(data["clock"], {"early": {"won": 3, "lost": 1},
                                         "late": {"won": 1, "lost": 2}})
        rows = {o["title"]: o for o in data["open"]}
        self.assertEqual([o["title"] for o in data["open"]],
                         ["Depot stage 2", "Treatment plant", "Road upgrade", "Pier", "Small job"])
        self.assertEqual(list(data["open"][0]),
                         ["client", "title", "stage", "value", "probability", "weighted",
                          "rfp_expected", "decision_expected", "engaged", "months_before_rfp"])
        self.assertEqual(rows["Depot stage 2"],
                         {"client": "acme-engineering", "title": "Depot stage 2",
                          "stage": "pre-scoping", "value": 180000, "probability": 10,
                          "weighted": 18000, "rfp_expected": "2027-03-01",
                          "decision_expected": "2027-05-15", "engaged": "2026-10-02",
                          "months_before_rfp": 4.9})
        plant = rows["Treatment plant"]
        self.assertEqual((plant["stage"], plant["probability"], plant["weighted"]),
                         ("rfp", 25, 100000))
        # The RFP came out today (rfp_since), 175 days after we engaged: 5.7 months.
        self.assertEqual(plant["months_before_rfp"], 5.7)
        road = rows["Road upgrade"]
        self.assertEqual((road["probability"], road["weighted"], road["months_before_rfp"]),
                         (40, 36000, -0.6))
        small = rows["Small job"]
        self.assertEqual((small["value"], small["weighted"], small["probability"]), (None, None, 75))
        self.assertEqual((small["engaged"], small["months_before_rfp"]), ("2026-11-23", None))
        self.assertEqual((rows["Pier"]["weighted"], rows["Pier"]["client"]), (7500, "beta-water"))
        self.assertEqual(data["by_month"], [{"month": "2027-02", "count": 2, "weighted": 136000},
                                            {"month": "2027-05", "count": 2, "weighted": 25500}])

    def test_owner_and_mine(self):
        self.history()
        self.open_ones()
        bob = self.pipeline("--owner", "bob jones")
        self.assertEqual([o["title"] for o in bob["open"]], ["Pier"])
        self.assertEqual(bob["clock"], {"early": {"won": 0, "lost": 0}, "late": {"won": 1, "lost": 0}})
        self.assertEqual(bob["by_month"], [{"month": "2027-05", "count": 1, "weighted": 7500}])
        mine = self.pipeline("--mine")
        self.assertEqual(len(mine["open"]), 4)
        self.assertEqual(self.pipeline("--mine", env={"CRM_USER": "Bob Jones"}), bob)
        self.crm_in("pipeline", "--mine", "--owner", "x", check=2)

    def test_the_folders_own_stages_and_probabilities(self):
        (self.dir / "crm.yaml").write_text(
            "opportunity_stages:\n  chat: 5\n  tender: 30\n  shortlist: 60\n")
        self.add("2026-11-23", "acme", "A", "--value", "1000")
        self.add("2026-11-23", "acme", "B", "--value", "1000", "--stage", "shortlist")
        data = self.pipeline()
        self.assertEqual([(o["stage"], o["probability"], o["weighted"]) for o in data["open"]],
                         [("chat", 5, 50), ("shortlist", 60, 600)])
        self.crm_in("opportunity", "add", "acme", "C", "--stage", "proposal", check=2)

    def test_nothing_at_all(self):
        self.assertEqual(self.pipeline(), {"as_of": "2026-11-23", "open": [], "by_month": [],
                                           "clock": {"early": {"won": 0, "lost": 0},
                                                     "late": {"won": 0, "lost": 0}}})


class PipelineTextTest(PipelineCase):
    def test_table_chart_and_reading(self):
        self.history()
        self.open_ones()
        out = self.crm_in("pipeline", env={"COLUMNS": "200"}, check=0).out
        lines = out.splitlines()
        self.assertEqual(lines[0], "Pipeline as of 2026-11-23: 5 open opportunities, "
                                   "value 680,000, weighted 161,500")
        self.assertTrue(lines[1].startswith("STAGE        CLIENT            TITLE"))
        depot = [l for l in lines if "Depot stage 2" in l][0]
        for cell in ("pre-scoping", "Acme Engineering", "180,000", "18,000", "2027-03-01",
                     "2027-05-15", "4.9 mo"):
            self.assertIn(cell, depot)
        self.assertIn("2026-11-23 out", [l for l in lines if "Treatment plant" in l][0])
        self.assertIn("-0.6 mo", [l for l in lines if "Road upgrade" in l][0])
        self.assertIn("Weighted value by month of expected decision", lines)
        self.assertTrue([l for l in lines if l.startswith("2027-02  █") and "136,000" in l
                         and "2 opportunities" in l])
        self.assertIn("1 open opportunity has no decision_expected", lines)
        self.assertEqual(lines[-2:], ["Deal clock (won and lost, all history)",
                                      "  engaged early: won 3 of 4; late: won 1 of 3"])
        self.assertNotIn("\x1b[", out)  # no colour when piped

    def test_fits_the_terminal(self):
        self.history()
        self.open_ones()
        for cols in ("100", "80", "60"):
            out = self.crm_in("pipeline", env={"COLUMNS": cols}, check=0).out
            for line in out.splitlines():
                self.assertLessEqual(width(line), int(cols), line)
            self.assertIn("engaged early: won 3 of 4", out.replace("\n  ", " "))

    def test_a_sentence_when_nothing_is_open(self):
        self.history()
        out = self.crm_in("pipeline", check=0).out
        self.assertTrue(out.startswith("No open opportunities as of 2026-11-23; log one with "
                                       "'crm opportunity add CLIENT TITLE'\n"), out)
        self.assertIn("engaged early: won 3 of 4; late: won 1 of 3", out)

    def test_csv(self):
        self.open_ones()
        rows = list(csv.DictReader(io.StringIO(self.crm_in("pipeline", "--format", "csv",
                                                           check=0).out)))
        self.assertEqual(list(rows[0]), ["client", "title", "stage", "value", "probability",
                                         "weighted", "rfp_expected", "decision_expected",
                                         "engaged", "months_before_rfp"])
        self.assertEqual(rows[0], {"client": "acme-engineering", "title": "Depot stage 2",
                                   "stage": "pre-scoping", "value": "180000", "probability": "10",
                                   "weighted": "18000", "rfp_expected": "2027-03-01",
                                   "decision_expected": "2027-05-15", "engaged": "2026-10-02",
                                   "months_before_rfp": "4.9"})
        self.assertEqual((rows[4]["title"], rows[4]["weighted"]), ("Small job", ""))
        self.crm_in("pipeline", "--format", "xml", check=2)


class ExampleTest(CrmTestCase):
    def test_the_consultancy_examples_clock_and_pipeline(self):
        # As consultancy-expected.md reads them.
        self.copy_example()
        data = json.loads(self.crm_in("pipeline", "--format", "json", check=0).out)
        self.assertEqual(data["clock"], {"early": {"won": 5, "lost": 1},
                                         "late": {"won": 1, "lost": 3}})
        self.assertEqual(len(data["open"]), 7)
        self.assertEqual(sum(o["value"] for o in data["open"]), 1470000)
        self.assertEqual(sum(o["weighted"] for o in data["open"]), 445500)
        out = self.crm_in("pipeline", check=0).out
        self.assertIn("engaged early: won 5 of 6; late: won 1 of 4", out)
        portfolio = json.loads(self.crm_in("portfolio", "--format", "json", check=0).out)
        won = {c["client"]: c["won_12m"] for t in portfolio["tiers"] for c in t["clients"]
               if c["won_12m"]}
        self.assertEqual(won, {"coastal-rail-alliance": 165000,
                               "clearwater-irrigation-co-operative": 62000,
                               "meridian-ports-authority": 48000,
                               "westbridge-civil-contractors": 38000})


if __name__ == "__main__":
    unittest.main()
