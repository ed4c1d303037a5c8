"""crm init, and crm.yaml as the folder's settings."""
import unittest

from harness import CrmTestCase


class InitTest(CrmTestCase):
    def test_init_writes_commented_settings_that_parse_to_the_defaults(self):
        self.init()
        text = (self.dir / "crm.yaml").read_text()
        self.assertTrue(text.startswith("# "))
        self.assertEqual(self.load("crm.yaml"), {
            "stages": ["lead", "prospect", "proposal", "client", "former", "lost"],
            "inactive_stages": ["former", "lost"],
            "tiers": {"A": {"every": "30d"}, "B": {"every": "60d"}, "C": {"every": "120d"}},
            "default_tier": "B",
            "due_within": "7d",
            "review_follow_up": "7d",
            "autocommit": True,
            "opportunity_stages": {"pre-scoping": 10, "rfp": 25, "proposal": 50,
                                   "negotiation": 75},
            "rfp_lead": "30d",
            "cadence_kinds": ["visit", "call", "meeting", "lunch", "event"],
            "report_within": "2d",
        })
        gitignore = (self.dir / ".gitignore").read_text()
        self.assertIn(".crm/", gitignore)
        self.assertIn("*.crm-tmp-*", gitignore)

    def test_init_adopts_an_existing_empty_folder(self):
        self.dir.mkdir()
        self.init()
        self.assertTrue((self.dir / "crm.yaml").is_file())
        self.assertEqual(self.commit_count(), 1)

    def test_init_keeps_an_existing_gitignore(self):
        self.dir.mkdir()
        (self.dir / ".gitignore").write_text("mine\n")
        self.init()
        self.assertEqual((self.dir / ".gitignore").read_text(), "mine\n")
        self.assertEqual(self.last_commit_files(), ["crm.yaml"])

    def test_init_refuses_a_file_and_an_existing_folder(self):
        self.tmp.joinpath("file").write_text("x")
        r = self.crm("init", str(self.tmp / "file"), check=1)
        self.assertIn("is not a folder", r.err)
        self.init()
        r = self.crm("init", str(self.dir), check=1)
        self.assertIn("already holds a crm folder", r.err)
        self.assertEqual(self.commit_count(), 1)

    def test_settings_are_used_and_a_bad_crm_yaml_is_an_error_with_its_position(self):
        self.init()
        self.write("crm.yaml", "stages: [new, won]\ndefault_tier: C\n")
        self.crm_in("add-client", "Acme", check=0)
        c = self.load("clients/acme/client.yaml")
        self.assertEqual((c["stage"], c["tier"]), ("new", "C"))
        self.write("crm.yaml", "due_within: soon\n")
        r = self.crm_in("list", check=1)
        self.assertIn("crm: error: crm.yaml:1:13: due_within", r.err)
        self.write("crm.yaml", "stages: [a\n")
        r = self.crm_in("list", check=1)
        self.assertIn("crm: error: crm.yaml:", r.err)


if __name__ == "__main__":
    unittest.main()
