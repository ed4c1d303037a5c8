"""search: every match in every record, with client and file:line."""
import json
import unittest

from harness import CRM, CrmTestCase
from ptyrun import cut_columns, display_width, run_on_pty, widest


class SearchTest(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.copy_example()

    def line_of(self, relative, number):
        return (self.dir / relative).read_text(encoding="utf-8").split("\n")[number - 1]

    def test_matches_name_the_client_file_and_line(self):
        r = self.crm_in("search", "PARKRUN", "--no-color", check=0)
        lines = r.out.rstrip("\n").split("\n")
        self.assertEqual(lines[0].split(), ["CLIENT", "FILE:LINE", "TEXT"])
        hits = json.loads(self.crm_in("search", "PARKRUN", "--format", "json", check=0).out)
        # Piped, one line per match, nothing cut: the client's name, file:line, the text.
        self.assertEqual(len(lines) - 1, len(hits))
        self.assertIn("Acme Engineering Pty Ltd", [h["name"] for h in hits])
        for line, h in zip(lines[1:], hits):
            self.assertTrue(line.startswith(h["name"] + " "), line)
            self.assertIn(f" {h['file']}:{h['line']} ", line)
            self.assertTrue(line.endswith(" " + h["text"]), line)
            self.assertTrue(h["file"].startswith(f"clients/{h['client']}/"))
            self.assertEqual(self.line_of(h["file"], h["line"]).strip(), h["text"])
            self.assertIn("parkrun", h["text"].lower())

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
            "name": "Acme Engineering Pty Ltd",
            "file": "clients/acme-engineering-pty-ltd/visits/2026-11-20-bob-jones-abcdef.yaml",
            "line": 2, "text": "notes: [unclosed flamingo"}])

    def test_empty_text_is_a_usage_error(self):
        self.crm_in("search", "  ", check=2)


    # -- what a person reads, not how YAML writes it (issue 15) -----------------------

    ACME = "clients/acme-engineering-pty-ltd"

    def hits(self, *query):
        r = self.crm_in("search", *query, "--format", "json", check=None)
        self.assertIn(r.code, (0, 1), r.err)
        return [(h["file"], h["line"], h["text"]) for h in json.loads(r.out)]

    def test_escaped_quotes_are_the_quotes_a_person_sees(self):
        visit = f"{self.ACME}/visits/2026-11-20-bob-jones-c0ffee.yaml"
        self.write(visit, 'date: 2026-11-20\nwhere: "The \\"Le Nord\\" cafe"\n')
        self.assertEqual(self.hits('"Le Nord"'),
                         [(visit, 2, 'where: "The \\"Le Nord\\" cafe"')])
        self.assertEqual(self.hits("le nord"), [(visit, 2, 'where: "The \\"Le Nord\\" cafe"')])
        # The quotes are part of the query: a value without them does not match.
        self.write(visit, "date: 2026-11-20\nwhere: The Le Nord cafe\n")
        self.assertEqual(self.hits('"Le Nord"'), [])
        self.assertEqual(len(self.hits("le nord")), 1)

    def test_a_phrase_across_a_line_break_of_a_plain_value(self):
        visit = f"{self.ACME}/visits/2026-11-20-bob-jones-c0ffe1.yaml"
        self.write(visit, "date: 2026-11-20\nwhere: down by the\n  old tram   depot, then\n"
                          "  up the hill\n")
        self.assertEqual(self.hits("the OLD tram depot"), [(visit, 2, "where: down by the")])
        # A match that starts on a later line of the value names that line.
        self.assertEqual(self.hits("then up the hill"), [(visit, 3, "old tram   depot, then")])

    def test_a_phrase_across_lines_of_a_literal_block(self):
        visit = f"{self.ACME}/visits/2026-11-20-bob-jones-c0ffe2.yaml"
        self.write(visit, "date: 2026-11-20\nnotes: |\n  Met on site.\n  Talked about the"
                          "\n  harbour crossing.\n\n  Follow up in March.\n")
        self.assertEqual(self.hits("the harbour crossing"), [(visit, 4, "Talked about the")])
        self.assertEqual(self.hits("crossing. follow up"), [(visit, 5, "harbour crossing.")])
        self.assertEqual(self.hits("follow up in march"), [(visit, 7, "Follow up in March.")])

    def test_keys_are_not_text(self):
        visit = f"{self.ACME}/visits/2026-11-20-bob-jones-c0ffe3.yaml"
        self.write(visit, "date: 2026-11-20\nflamingo_count: 3\nnotes: no birds\n")
        self.assertEqual(self.hits("flamingo_count"), [])
        self.assertEqual(self.hits("no birds"), [(visit, 3, "notes: no birds")])

    def test_case_folds_beyond_ascii(self):
        visit = f"{self.ACME}/visits/2026-11-20-bob-jones-c0ffe4.yaml"
        self.write(visit, "date: 2026-11-20\nwhere: ΑΘΗΝΑ and МОСКВА, Ÿvoir\n")
        self.assertEqual(self.hits("αθηνα and москва, ÿvoir"),
                         [(visit, 2, "where: ΑΘΗΝΑ and МОСКВА, Ÿvoir")])

    def test_hidden_files_are_not_searched(self):
        self.write(f"{self.ACME}/visits/.hidden.yaml", "date: 2026-11-20\nnotes: quetzal\n")
        self.write(f"{self.ACME}/visits/.2026-11-20-x.yaml", "date: 2026-11-20\nnotes: quetzal\n")
        r = self.crm_in("search", "quetzal", check=1)
        self.assertIn("no match for 'quetzal'", r.err)

    def test_a_broken_file_does_not_stop_the_others(self):
        broken = f"{self.ACME}/visits/2026-11-20-bob-jones-c0ffe5.yaml"
        self.write(broken, "date: 2026-11-20\nnotes: \"unclosed narwhal\n\tother: narwhal\n")
        good = "clients/harlow-architects/visits/2026-11-21-bob-jones-c0ffe6.yaml"
        self.write(good, "date: 2026-11-21\nnotes: a narwhal\n")
        self.assertEqual(self.hits("narwhal"), [(broken, 2, 'notes: "unclosed narwhal'),
                                                (broken, 3, "other: narwhal"),
                                                (good, 2, "notes: a narwhal")])

    def test_results_are_sorted_however_many_threads_read(self):
        # Enough clients for the walk to be split between threads.
        for i in range(700):
            slug = f"zz-client-{i:04d}"
            self.write(f"clients/{slug}/client.yaml", f"name: ZZ client {i:04d}\nnotes: okapi\n")
            if i % 7 == 0:
                self.write(f"clients/{slug}/visits/2026-11-2{i % 3}-a-000000.yaml",
                           "date: 2026-11-20\nnotes: |\n  an okapi\n  and another okapi\n")
        r = self.crm_in("search", "okapi", "--format", "json", check=0)
        hits = [(h["client"], h["file"], h["line"]) for h in json.loads(r.out)]
        def order(hit):
            client, file, line = hit
            return (client, not file.endswith("/client.yaml"), file, line)
        self.assertEqual(hits, sorted(hits, key=order))
        self.assertEqual(len(hits), 700 + 2 * 100)
        self.assertEqual(r.out, self.crm_in("search", "okapi", "--format", "json").out)


class SearchOnTerminalTest(CrmTestCase):
    """The table as a person sees it on terminals of 60, 80, 100 and 120 columns: each
    match printed as found in columns fixed by the terminal, the matched text (the
    column people read) wrapped whole onto continuation lines."""

    WORD = "bridge"

    def setUp(self):
        super().setUp()
        self.copy_example()
        # A long line, a long name and CJK, so that wrapping is seen at every width.
        self.crm_in("add-client", "Ōkubo Bridge & Tunnel Engineering Consultants Incorporated",
                    check=0)
        self.crm_in("log-visit", "okubo", "Walked the bridge deck with the structural team, "
                    "then 橋梁の点検について長い打ち合わせ, then the bridge bearings again at "
                    "https://example.invalid/a/very/long/path/to/bridge-bearing-report.pdf",
                    check=0)
        self.hits = json.loads(self.crm_in("search", self.WORD, "--format", "json", check=0).out)
        self.assertGreater(len(self.hits), 20)

    def test_fits_and_keeps_the_matched_text_whole(self):
        for width in (60, 80, 100, 120):
            with self.subTest(width=width):
                code, shown, err = run_on_pty([CRM, "--dir", str(self.dir), "search", self.WORD,
                                               "--no-color"], self.env, str(self.tmp), width)
                self.assertEqual(code, 0, err)
                lines = shown.rstrip("\n").split("\n")
                self.assertLessEqual(widest(shown), width, shown)
                header = lines[0]
                file_col = display_width(header[:header.index("FILE:LINE")])
                text_col = display_width(header[:header.index("TEXT")])
                if width >= 80:
                    self.assertGreaterEqual(width - text_col, 30)
                    self.assertGreaterEqual(width - text_col, text_col - file_col)
                rows = []
                for line in lines[1:]:
                    where = cut_columns(line, file_col, text_col).strip()
                    if where:  # a match starts; else the line continues the one before
                        rows.append({"name": [], "where": where, "text": []})
                    rows[-1]["name"].append(cut_columns(line, 0, file_col).strip())
                    rows[-1]["text"].append(cut_columns(line, text_col).strip())
                self.assertEqual(len(rows), len(self.hits))
                wrapped = 0
                for row, hit in zip(rows, self.hits):
                    text = " ".join(t for t in row["text"] if t)
                    # Whole: nothing cut, spaces at a break are the break.
                    self.assertEqual(text.replace(" ", ""), hit["text"].replace(" ", ""))
                    self.assertEqual(" ".join(n for n in row["name"] if n), hit["name"])
                    where = f"{hit['file']}:{hit['line']}"
                    own = where.split("/", 2)[2]  # without clients/SLUG/
                    head, _, tail = row["where"].rpartition("…")
                    self.assertTrue(where.endswith(tail), (where, row))
                    self.assertTrue(where.startswith(head) or own.startswith(head), (where, row))
                    if "…" not in row["where"]:
                        self.assertIn(row["where"], (where, own))
                    self.assertTrue(row["where"].endswith(f":{hit['line']}"))
                    wrapped += len(row["text"]) > 1
                self.assertGreater(wrapped, 0)

    def test_json_written_a_match_at_a_time_parses_whole(self):
        code, shown, err = run_on_pty([CRM, "--dir", str(self.dir), "search", self.WORD,
                                       "--format", "json"], self.env, str(self.tmp), 80)
        self.assertEqual(code, 0, err)
        self.assertEqual(json.loads(shown), self.hits)


if __name__ == "__main__":
    unittest.main()
