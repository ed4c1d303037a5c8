"""init, add-client, log-visit, show, list: the foundation of crm."""
import json
import unittest

from harness import CrmTestCase


class InitTest(CrmTestCase):
    def test_init_creates_settings_gitignore_repo_and_first_commit(self):
        r = self.crm("init", str(self.dir), check=0)
        self.assertEqual(r.out.strip(), str(self.dir))
        settings = self.load("crm.yaml")
        self.assertEqual(settings["default_tier"], "B")
        self.assertIn(".crm/", (self.dir / ".gitignore").read_text())
        self.assertEqual(self.commit_count(), 1)
        self.assertEqual(self.last_commit_files(), [".gitignore", "crm.yaml"])

    def test_init_refuses_existing_crm_yaml(self):
        self.init()
        before = (self.dir / "crm.yaml").read_text()
        r = self.crm("init", str(self.dir), check=1)
        self.assertIn("already holds a crm folder", r.err)
        self.assertEqual((self.dir / "crm.yaml").read_text(), before)


class AddClientTest(CrmTestCase):
    def test_add_client_prints_slug_writes_file_and_commits(self):
        self.init()
        r = self.crm_in("add-client", "Müller & Söhne GmbH", "--tier", "A",
                        "--contact", "Jürgen Müller <j@example.de>", "--tag", "manufacturing", check=0)
        self.assertEqual(r.out, "muller-sohne-gmbh\n")
        c = self.load("clients/muller-sohne-gmbh/client.yaml")
        self.assertEqual(c["name"], "Müller & Söhne GmbH")
        self.assertEqual(c["tier"], "A")
        self.assertEqual(c["stage"], "lead")
        self.assertEqual(str(c["since"]), "2026-11-23")
        self.assertRegex(c["contacts"][0].pop("uid"), r"^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$")
        self.assertEqual(c["contacts"][0], {"name": "Jürgen Müller", "email": "j@example.de"})
        self.assertEqual(self.last_commit_files(), ["clients/muller-sohne-gmbh/client.yaml"])
        self.assertEqual(self.last_commit_message(), "add-client: Müller & Söhne GmbH")


class LogVisitTest(CrmTestCase):
    def test_log_visit_with_promise_and_next(self):
        self.init()
        self.crm_in("add-client", "Acme Engineering", check=0)
        r = self.crm_in("log-visit", "acme", "Talked phase 2", "--promise", "Send statement by fri",
                        "--next", "+2w", check=0)
        path = r.out.strip()
        self.assertRegex(path, r"^clients/acme-engineering/visits/2026-11-23-alice-smith-[0-9a-f]{6}\.yaml$")
        v = self.load(path)
        self.assertEqual(v["promises"], [{"what": "Send statement", "due": __import__("datetime").date(2026, 11, 27)}])
        self.assertEqual(str(v["next_contact"]), "2026-12-07")
        self.assertEqual(v["notes"], "Talked phase 2")
        self.assertEqual(self.last_commit_message(), "log-visit: Acme Engineering (2026-11-23 visit)")


class ShowListTest(CrmTestCase):
    def test_show_json_and_list_quiet(self):
        self.init()
        self.crm_in("add-client", "Acme Engineering", check=0)
        self.crm_in("add-client", "Beta Water", "--tag", "water", check=0)
        r = self.crm_in("list", "-q", check=0)
        self.assertEqual(r.out, "acme-engineering\nbeta-water\n")
        r = self.crm_in("list", "--tag", "water", "-q", check=0)
        self.assertEqual(r.out, "beta-water\n")
        r = self.crm_in("show", "beta", "--format", "json", check=0)
        self.assertEqual(json.loads(r.out)["name"], "Beta Water")


if __name__ == "__main__":
    unittest.main()
