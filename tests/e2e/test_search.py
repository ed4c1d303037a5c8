"""search: every match in every record, with client and file:line."""
import json
import unittest

from harness import CrmTestCase


class SearchTest(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.copy_example()

    def line_of(self, relative, number):
        return (self.dir / relative).read_text(encoding="utf-8").split("\n")[number - 1]

    def test_matches_name_the_client_file_and_line(self):
        r = self.crm_in("search", "PARKRUN", "--no-color", check=0)
        lines = r.out.strip().split("\n")
        self.assertEqual(lines[0].split()[:2], ["CLIENT", "FILE:LINE"])
        hits = [l.split(None, 2) for l in lines[1:]]
        self.assertTrue(hits)
        for slug, where, text in hits:
            file, number = where.rsplit(":", 1)
            self.assertTrue(file.startswith(f"clients/{slug}/"), where)
            self.assertEqual(self.line_of(file, int(number)).strip(), text)
            self.assertIn("parkrun", text.lower())
        self.assertIn("acme-engineering-pty-ltd", [h[0] for h in hits])

    def test_json_and_phrase_of_several_words(self):
        r = self.crm_in("search", "broncos", "FAN", "--format", "json", check=0)
        hits = json.loads(r.out)
        self.assertTrue(hits)
        for h in hits:
            self.assertIn("broncos fan", h["text"].lower())
            self.assertEqual(self.line_of(h["file"], h["line"]).strip(), h["text"])
            self.assertTrue(h["file"].startswith("clients/" + h["client"] + "/"))

    def test_accented_letters_fold_too(self):
        self.crm_in("add-client", "ZÜRCHER ÖKO-BÜRO", check=0)
        r = self.crm_in("search", "zürcher öko-büro", "--format", "json", check=0)
        hits = json.loads(r.out)
        self.assertEqual([(h["client"], h["file"], h["line"]) for h in hits],
                         [("zurcher-oko-buro", "clients/zurcher-oko-buro/client.yaml", 1)])

    def test_no_match_exits_1_like_grep(self):
        r = self.crm_in("search", "zebra crossing in antarctica", check=1)
        self.assertEqual(r.out, "")
        self.assertIn("no match for 'zebra crossing in antarctica'", r.err)
        r = self.crm_in("search", "zebra", "--format", "json", check=1)
        self.assertEqual(json.loads(r.out), [])

    def test_broken_files_are_still_searched(self):
        self.write("clients/acme-engineering-pty-ltd/visits/2026-11-20-bob-jones-abcdef.yaml",
                   "date: 2026-11-20\nnotes: [unclosed flamingo\n")
        r = self.crm_in("search", "flamingo", "--format", "json", check=0)
        self.assertEqual(json.loads(r.out), [{
            "client": "acme-engineering-pty-ltd",
            "file": "clients/acme-engineering-pty-ltd/visits/2026-11-20-bob-jones-abcdef.yaml",
            "line": 2, "text": "notes: [unclosed flamingo"}])

    def test_empty_text_is_a_usage_error(self):
        self.crm_in("search", "  ", check=2)


if __name__ == "__main__":
    unittest.main()
