"""Every command sees the same record files: a hidden file in visits/ (an editor's swap
or backup file, a temporary file) is nobody's record, for search, show and check alike."""
import json
import unittest

from harness import CrmTestCase

VISITS = "clients/acme/visits/"


class HiddenFilesTest(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.crm_in("add-client", "Acme", check=0)

    def test_a_hidden_visit_is_not_searched_not_shown_and_not_checked(self):
        self.write(VISITS + "x.yaml", "date: 2026-11-20\nnotes: A flamingo in the yard\n")
        self.write(VISITS + ".hidden.yaml", "date: 2026-11-21\nnotes: A secret flamingo\n")

        hits = json.loads(self.crm_in("search", "flamingo", "--format", "json", check=0).out)
        self.assertEqual([(h["file"], h["line"]) for h in hits], [(VISITS + "x.yaml", 2)])

        shown = self.crm_in("show", "acme", "--no-color", check=0)
        self.assertIn("A flamingo in the yard", shown.out)
        self.assertNotIn("secret", shown.out)
        self.assertNotIn("hidden", shown.out + shown.err)

        # Broken, both: check reports the record, not the hidden file.
        self.write(VISITS + "x.yaml", "date: [2026\nnotes: flamingo\n")
        self.write(VISITS + ".hidden.yaml", "date: [2026\nnotes: flamingo\n")
        r = self.crm_in("check", "--format", "json", check=1)
        self.assertEqual([p["file"] for p in json.loads(r.out)], [VISITS + "x.yaml"])
        self.assertIn("(3 files checked)", r.err)


if __name__ == "__main__":
    unittest.main()
