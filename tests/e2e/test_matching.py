"""How a CLIENT argument finds its client, end to end."""
import json
import unittest

from harness import CrmTestCase


class MatchingTest(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        for name in ("Acme Engineering", "Acme Logistics", "Müller & Söhne GmbH",
                     "Northern Water Corporation", "Beta Holdings"):
            self.crm_in("add-client", "--no-commit", name, check=0)
        self.crm_in("add-client", "--no-commit", "Beta", check=0)  # slug beta

    def slug_of(self, query):
        r = self.crm_in("show", query, "--format", "json", check=0)
        return json.loads(r.out)["slug"]

    def test_slug_name_prefix_substring(self):
        self.assertEqual(self.slug_of("acme-logistics"), "acme-logistics")
        self.assertEqual(self.slug_of("beta"), "beta")  # exact slug beats the prefix
        self.assertEqual(self.slug_of("NORTHERN WATER CORPORATION"), "northern-water-corporation")
        self.assertEqual(self.slug_of("müller & söhne gmbh"), "muller-sohne-gmbh")
        self.assertEqual(self.slug_of("north"), "northern-water-corporation")
        self.assertEqual(self.slug_of("Acme Eng"), "acme-engineering")
        self.assertEqual(self.slug_of("Muller"), "muller-sohne-gmbh")
        self.assertEqual(self.slug_of("water"), "northern-water-corporation")
        self.assertEqual(self.slug_of("Söhne"), "muller-sohne-gmbh")
        self.assertEqual(self.slug_of("holdings"), "beta-holdings")

    def test_log_visit_uses_the_same_matching(self):
        path = self.crm_in("log-visit", "Logist", check=0).out
        self.assertTrue(path.startswith("clients/acme-logistics/visits/"))

    def test_ambiguous_lists_the_candidates(self):
        r = self.crm_in("show", "acme", check=1)
        self.assertEqual(r.out, "")
        self.assertIn("crm: error: 'acme' matches 2 clients: acme-engineering (Acme Engineering), "
                      "acme-logistics (Acme Logistics)", r.err)
        self.assertIn("hint: ", r.err)
        r = self.crm_in("log-visit", "acme", check=1)
        self.assertIn("matches 2 clients", r.err)

    def test_unknown_names_the_closest(self):
        r = self.crm_in("show", "acme-enginering", check=1)
        self.assertIn("no client matches 'acme-enginering'", r.err)
        self.assertIn("did you mean acme-engineering (Acme Engineering)", r.err)
        # The typos people make: a swap, a missing letter, a word run, in any case.
        for typo, slug in (("acem", "acme-"), ("muler", "muller-sohne-gmbh"),
                           ("nothern", "northern-water-corporation"),
                           ("ACME ENGINERING", "acme-engineering"), ("hodlings", "beta-holdings")):
            with self.subTest(typo=typo):
                r = self.crm_in("show", typo, check=1)
                self.assertIn(f"no client matches '{typo}'", r.err)
                self.assertIn(f"did you mean {slug}", r.err)
        r = self.crm_in("show", "zzzzzz", check=1)
        self.assertIn("no client matches 'zzzzzz'", r.err)
        self.assertIn("crm list", r.err)


if __name__ == "__main__":
    unittest.main()
