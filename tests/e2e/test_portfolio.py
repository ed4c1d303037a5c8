"""crm portfolio: clients by tier with their ratings, and tiers their ratings suggest."""
import json
import unittest

from harness import CrmTestCase
from reportutil import client_yaml, column_of, review_yaml, visit_yaml, width


class PortfolioTest(CrmTestCase):
    def folder(self):
        self.init()
        self.write("clients/muller/client.yaml",
                   client_yaml("Müller & Söhne GmbH", tier="A", ratings=(4, 4, 4)))
        self.write("clients/nihon/client.yaml",
                   client_yaml("日本建設株式会社", tier="C", ratings=(5, 5, 5)))
        self.write("clients/acme/client.yaml", client_yaml("Acme", tier="B", ratings=(1, 2, 2)))
        self.write("clients/plain/client.yaml", client_yaml("Plain Co", tier="B"))
        self.write("clients/half/client.yaml",
                   client_yaml("Half Rated", extra="ratings: {potential: 5}\n"))
        self.write("clients/gone/client.yaml",
                   client_yaml("Gone Ltd", stage="former", tier="A", ratings=(1, 1, 1)))
        # visits: exactly a year ago (not counted), the day after (counted), today
        self.write("clients/nihon/visits/2025-11-23-bob-jones-aaaaaa.yaml",
                   visit_yaml("2025-11-23", [("Old promise", None, None)]))
        self.write("clients/nihon/visits/2025-11-24-bob-jones-bbbbbb.yaml",
                   visit_yaml("2025-11-24", [("Done one", "2025-12-01", "2025-11-30")]))
        self.write("clients/nihon/visits/2026-11-23-bob-jones-cccccc.yaml",
                   visit_yaml("2026-11-23", [("Send report", "2026-12-01", None)]))
        self.write("clients/nihon/reviews/2026-10-01-bob-jones-dddddd.yaml",
                   review_yaml("2026-10-01", "Osaka", "elated"))
        self.write("clients/nihon/reviews/2026-06-01-bob-jones-eeeeee.yaml",
                   review_yaml("2026-06-01", "Kobe", "happy"))

    def test_empty_folder(self):
        self.init()
        r = self.crm_in("portfolio", check=0)
        self.assertEqual(r.out, "")
        self.assertIn("no clients yet", r.err)
        j = json.loads(self.crm_in("portfolio", "--format", "json", check=0).out)
        self.assertEqual([t["tier"] for t in j["tiers"]], ["A", "B", "C"])
        self.assertTrue(all(t["clients"] == [] for t in j["tiers"]))
        self.assertEqual(j["flagged"], [])
        self.assertEqual(j["unrated"], [])

    def test_json_rows(self):
        self.folder()
        j = json.loads(self.crm_in("portfolio", "--format", "json", check=0).out)
        tiers = {t["tier"]: t for t in j["tiers"]}
        self.assertEqual(list(tiers), ["A", "B", "C"])
        self.assertEqual(tiers["A"]["every"], "30d")
        self.assertEqual([c["client"] for c in tiers["A"]["clients"]], ["muller", "gone"])
        # no tier: default_tier B; sorted by score, then partial, then unrated
        self.assertEqual([c["client"] for c in tiers["B"]["clients"]], ["acme", "half", "plain"])
        nihon = tiers["C"]["clients"][0]
        self.assertEqual(nihon["name"], "日本建設株式会社")
        self.assertEqual(nihon["ratings"], {"potential": 5, "compatibility": 5, "profitability": 5})
        self.assertEqual(nihon["score"], 15)
        self.assertEqual(nihon["suggested_tier"], "A")
        self.assertEqual(nihon["last_contact"], "2026-11-23")
        self.assertEqual(nihon["visits_12m"], 2)
        self.assertEqual(nihon["last_review"]["date"], "2026-10-01")
        self.assertEqual(nihon["last_review"]["rating"], "elated")
        self.assertEqual(nihon["open_promises"], 2)
        half = tiers["B"]["clients"][1]
        self.assertIsNone(half["score"])
        self.assertEqual(half["ratings"]["compatibility"], None)
        plain = tiers["B"]["clients"][2]
        self.assertIsNone(plain["last_contact"])
        self.assertIsNone(plain["last_review"])
        self.assertEqual(plain["visits_12m"], 0)
        # 12 in A is within a point of A's band; a former client is never flagged
        self.assertEqual([(f["client"], f["score"], f["tier"], f["suggested_tier"]) for f in j["flagged"]],
                         [("acme", 5, "B", "C"), ("nihon", 15, "C", "A")])
        self.assertEqual(j["unrated"], ["plain"])

    def test_text_flags_unrated_and_alignment(self):
        self.folder()
        self.write("clients/tokyo/client.yaml", client_yaml("東京測量", tier="A", ratings=(5, 4, 4)))
        r = self.crm_in("portfolio", env={"COLUMNS": "200"}, check=0)
        self.assertIn("15/15 but in tier C: consider A", r.out)
        self.assertIn("5/15 but in tier B: consider C", r.out)
        self.assertNotIn("Müller & Söhne GmbH  12/15", r.out)
        self.assertIn("Unrated\n  Plain Co\n", r.out)
        self.assertIn("Tier A  every 30d, 3 clients", r.out)
        lines = r.out.splitlines()
        names = ("Müller", "東京測量", "日本建設", "Gone Ltd", "Acme", "Half", "Plain")
        rows = [l for l in lines if l.startswith(names) and "consider" not in l]
        self.assertEqual(len(rows), 7, "\n".join(lines))
        # a tier's table lines up its columns by display width, whatever the names
        tier_a = [l for l in rows if l.startswith(("Müller", "東京測量", "Gone Ltd"))]
        self.assertEqual(len(tier_a), 3)
        for column in ("/", "never"):
            cols = {column_of(l, column) - (2 if column == "/" else 0) for l in tier_a}
            self.assertEqual(len(cols), 1, "\n".join(tier_a))
        self.assertEqual(len({column_of(l, " client ") if " client " in l else column_of(l, " former ")
                              for l in tier_a}), 1, "\n".join(tier_a))
        c_table = [l for l in lines if "日本建設" in l and "2026-" in l][0]
        self.assertIn("5/5/5", c_table)
        self.assertRegex(c_table, r"2026-10-01 +elated")
        self.assertIn("unrated", [l for l in rows if "Plain Co" in l][0])

    def test_narrow_terminal_stays_within_width(self):
        self.folder()
        for cols in ("80", "60"):
            r = self.crm_in("portfolio", env={"COLUMNS": cols}, check=0)
            for line in r.out.splitlines():
                self.assertLessEqual(width(line), int(cols), line)
        r = self.crm_in("portfolio", env={"COLUMNS": "80"}, check=0)
        self.assertIn("5/5/5", r.out)

    def test_unknown_tier_is_listed_after_configured_ones(self):
        self.folder()
        self.write("clients/odd/client.yaml", client_yaml("Odd One", tier="Z", ratings=(3, 3, 3)))
        j = json.loads(self.crm_in("portfolio", "--format", "json", check=0).out)
        self.assertEqual([t["tier"] for t in j["tiers"]], ["A", "B", "C", "Z"])
        self.assertFalse(j["tiers"][3]["configured"])
        r = self.crm_in("portfolio", check=0)
        self.assertIn("Tier Z  not a tier in crm.yaml", r.out)

    def test_broken_client_file_is_skipped_with_exit_1(self):
        self.folder()
        self.write("clients/bad/client.yaml", "name: [unclosed\n")
        r = self.crm_in("portfolio", "--format", "json", check=1)
        self.assertIn("clients/bad/client.yaml", r.err)
        self.assertEqual(len(json.loads(r.out)["flagged"]), 2)

    def test_consultancy_example_flags_the_5_5_5_client_in_tier_c(self):
        self.copy_example()
        r = self.crm_in("portfolio", check=0)
        line = [l for l in r.out.splitlines() if "consider" in l and "Meridian" in l]
        self.assertEqual(len(line), 1, r.out)
        self.assertIn("15/15 but in tier C: consider A", line[0])
        j = json.loads(self.crm_in("portfolio", "--format", "json", check=0).out)
        self.assertEqual(sorted(f["client"] for f in j["flagged"]),
                         ["clearwater-irrigation-co-operative", "meridian-ports-authority",
                          "riverside-city-council", "westbridge-civil-contractors"])
        self.assertEqual(j["unrated"], ["brightwater-developments", "greenfield-solar-farms-pty-ltd"])
        acme = [c for t in j["tiers"] for c in t["clients"] if c["client"] == "acme-engineering-pty-ltd"][0]
        self.assertEqual(acme["visits_12m"], 6)
        self.assertEqual(acme["last_contact"], "2026-11-16")
        self.assertEqual(acme["last_review"]["rating"], "happy")


if __name__ == "__main__":
    unittest.main()
