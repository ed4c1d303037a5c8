"""crm show (text and JSON) and crm list (filters, formats, -q)."""
import csv
import io
import json
import unittest

from harness import CrmTestCase


class ShowTest(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.crm_in("add-client", "Acme Engineering", "--stage", "client", "--tier", "A",
                    "--owner", "Alice Smith", "--contact", "Jane Doe <jane@acme.example>",
                    "--phone", "0400 000 000", "--tag", "civil", "--note", "Key account.",
                    env={"CRM_TODAY": "2026-09-01"}, check=0)
        self.first = self.crm_in("log-visit", "acme", "First visit", "--date", "2026-10-01",
                                 "--promise", "Send statement by 2026-10-10",
                                 "--discussed", "Scope", check=0).out.strip()
        self.second = self.crm_in("log-visit", "acme", "Second visit", "--date", "2026-11-20",
                                  "--kind", "call", "--action", "Ask Bob by 2026-12-05",
                                  "--next", "2026-12-15", check=0).out.strip()
        self.write("clients/acme-engineering/reviews/2026-11-01-alice-smith-abcdef.yaml",
                   "date: 2026-11-01\nby: Alice Smith\nproject: Bridge\nrating: happy\n"
                   "why: On time.\n")

    def test_markdown_has_the_profile_tables_and_timeline(self):
        r = self.crm_in("show", "acme", "--format", "markdown", check=0)
        self.assertTrue(r.out.startswith("# Acme Engineering (acme-engineering)\n"))
        self.assertIn("- owner: Alice Smith\n", r.out)
        self.assertIn("| Name | Role | E-mail | Phone |\n", r.out)
        self.assertIn("| Jane Doe |  | jane@acme.example | 0400 000 000 |\n", r.out)
        self.assertIn("| Type | Due | When | What |\n", r.out)
        self.assertIn("| action | 2026-12-05 | in 12d | Ask Bob |\n", r.out)
        timeline = r.out.split("## Timeline")[1]
        self.assertLess(timeline.index("2026-11-20"), timeline.index("2026-11-01"))
        self.assertLess(timeline.index("2026-11-01"), timeline.index("2026-10-01"))
        self.assertIn("review: happy — Bridge", timeline)
        bad = self.crm_in("show", "acme", "--format", "html", check=2)
        self.assertIn("--format: 'html' is not one of text, json, markdown", bad.err)

    def test_json_has_profile_open_items_and_timeline_newest_first(self):
        j = json.loads(self.crm_in("show", "acme", "--format", "json", check=0).out)
        self.assertEqual(j["slug"], "acme-engineering")
        self.assertEqual(j["name"], "Acme Engineering")
        self.assertEqual(j["stage"], "client")
        self.assertEqual(j["tier"], "A")
        self.assertEqual(j["owner"], "Alice Smith")
        self.assertEqual(j["since"], "2026-09-01")
        self.assertEqual(j["contacts"][0]["email"], "jane@acme.example")
        self.assertEqual(j["tags"], ["civil"])
        self.assertEqual(j["last_contact"], "2026-11-20")
        self.assertEqual(j["next_contact"], "2026-12-15")
        self.assertEqual([(o["type"], o["what"], o["due"]) for o in j["open"]],
                         [("promise", "Send statement", "2026-10-10"),
                          ("action", "Ask Bob", "2026-12-05")])
        self.assertEqual([v["file"] for v in j["visits"]], [self.second, self.first])
        self.assertEqual(j["visits"][0]["kind"], "call")
        self.assertEqual(j["reviews"][0]["rating"], "happy")

    def test_contact_notes_of_several_lines_stay_indented(self):
        self.write("clients/noted/client.yaml",
                   "name: Noted\nstage: client\nsince: 2026-11-01\ncontacts:\n"
                   "  - name: Jane Doe\n    notes: |\n      Broncos fan.\n      Daughter at uni.\n")
        out = self.crm_in("show", "noted", check=0).out
        self.assertIn("  Jane Doe\n    Broncos fan.\n    Daughter at uni.\n", out)

    def test_text_names_the_default_tier_of_a_client_without_one(self):
        self.write("clients/plain-client/client.yaml",  # written by hand, without tier:
                   "name: Plain Client\nstage: client\nsince: 2026-11-01\n")
        out = self.crm_in("show", "plain", check=0).out
        self.assertIn("  tier         B (default)  every 60d\n", out)

    def test_text_shows_profile_contacts_open_items_and_timeline(self):
        r = self.crm_in("show", "acme", check=0)
        out = r.out
        self.assertTrue(out.startswith("Acme Engineering  (acme-engineering)\n"), out)
        for piece in ("stage", "client", "tier", "A  every 30d", "owner", "Alice Smith",
                      "2026-09-01", "Key account.", "Jane Doe, jane@acme.example, 0400 000 000",
                      "Send statement", "44 days overdue", "Ask Bob", "in 12 days",
                      "next contact", "2026-12-15", "On time.", "tags", "civil"):
            self.assertIn(piece, out)
        # Open items soonest first; the timeline newest first.
        self.assertLess(out.index("Send statement"), out.index("Ask Bob"))
        timeline = out[out.index("Timeline"):]
        self.assertLess(timeline.index("2026-11-20"), timeline.index("2026-11-01"))
        self.assertLess(timeline.index("2026-11-01"), timeline.index("2026-10-01"))
        self.assertNotIn("\x1b[", out)  # no colour when piped

    def test_custom_fields_are_shown(self):
        path = self.dir / "clients/acme-engineering/client.yaml"
        path.write_text(path.read_text() + "industry: water\n")
        self.assertIn("industry", self.crm_in("show", "acme", check=0).out)
        j = json.loads(self.crm_in("show", "acme", "--format", "json", check=0).out)
        self.assertEqual(j["custom"], {"industry": "water"})

    def test_a_broken_visit_is_warned_about_and_exits_1(self):
        self.write("clients/acme-engineering/visits/2026-11-21-bob-jones-000000.yaml",
                   "date: 2026-11-21\nkind: call\nkind: visit\n")
        r = self.crm_in("show", "acme", "--format", "json", check=1)
        self.assertEqual(len(json.loads(r.out)["visits"]), 2)
        self.assertIn("2026-11-21-bob-jones-000000.yaml:3:1: duplicate key 'kind'", r.err)

    def test_a_broken_client_file_is_an_error_with_its_position(self):
        self.write("clients/acme-engineering/client.yaml", "name: Acme\nsince: 2026-13-01\n")
        r = self.crm_in("show", "acme-engineering", check=1)
        self.assertIn("clients/acme-engineering/client.yaml:2:8", r.err)


class ListTest(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.crm_in("add-client", "Acme Engineering", "--stage", "client", "--tier", "A",
                    "--owner", "Alice Smith", "--tag", "civil", "--tag", "government", check=0)
        self.crm_in("add-client", "Beta Water", "--stage", "prospect", "--owner", "Bob Jones",
                    "--tag", "water", check=0)
        self.crm_in("add-client", "Gamma Rail", "--tier", "C", "--owner", "alice smith",
                    "--tag", "Civil", check=0)
        path = self.dir / "clients/beta-water/client.yaml"
        path.write_text(path.read_text() + "industry: utilities\nregions: [north, south]\n")

    def q(self, *args):
        return self.crm_in("list", "-q", *args, check=0).out.split()

    def test_quiet_lists_slugs_sorted(self):
        self.assertEqual(self.q(), ["acme-engineering", "beta-water", "gamma-rail"])
        self.assertEqual(self.crm_in("list", "--quiet", check=0).out,
                         "acme-engineering\nbeta-water\ngamma-rail\n")

    def test_filters(self):
        self.assertEqual(self.q("--stage", "client"), ["acme-engineering"])
        self.assertEqual(self.q("--stage", "lead"), ["gamma-rail"])
        self.assertEqual(self.q("--tier", "B"), ["beta-water"])
        self.assertEqual(self.q("--tag", "civil"), ["acme-engineering", "gamma-rail"])
        self.assertEqual(self.q("--tag", "civil", "--tag", "government"), ["acme-engineering"])
        self.assertEqual(self.q("--owner", "Alice Smith"), ["acme-engineering", "gamma-rail"])
        self.assertEqual(self.q("--where", "industry=utilities"), ["beta-water"])
        self.assertEqual(self.q("--where", "regions=south"), ["beta-water"])
        self.assertEqual(self.q("--where", "tier=A", "--where", "stage=client"),
                         ["acme-engineering"])
        self.assertEqual(self.q("--where", "industry=mining"), [])
        self.assertEqual(self.q("--stage", "client", "--tier", "C"), [])

    def test_markdown(self):
        out = self.crm_in("list", "--format", "markdown", check=0).out
        lines = out.splitlines()
        self.assertEqual(lines[0], "| Name | Stage | Tier | Owner | Since | Tags |")
        self.assertEqual(lines[1], "|------|-------|------|-------|-------|------|")
        self.assertTrue(lines[2].startswith("| Acme Engineering | client | A | Alice Smith | "))
        self.assertEqual(len(lines), 5)

    def test_json(self):
        rows = json.loads(self.crm_in("list", "--format", "json", check=0).out)
        self.assertEqual([r["slug"] for r in rows], ["acme-engineering", "beta-water", "gamma-rail"])
        self.assertEqual(rows[1]["custom"]["industry"], "utilities")
        self.assertEqual(rows[0]["tags"], ["civil", "government"])
        rows = json.loads(self.crm_in("list", "--format", "json", "--tag", "water", check=0).out)
        self.assertEqual([r["name"] for r in rows], ["Beta Water"])
        self.assertEqual(json.loads(self.crm_in("list", "--format", "json", "--tier", "C",
                                                "--stage", "client", check=0).out), [])

    def test_csv(self):
        rows = list(csv.reader(io.StringIO(self.crm_in("list", "--format", "csv", check=0).out)))
        self.assertEqual(rows[0], ["slug", "name", "stage", "tier", "owner", "since", "tags"])
        self.assertEqual(rows[1], ["acme-engineering", "Acme Engineering", "client", "A",
                                   "Alice Smith", "2026-11-23", "civil;government"])
        self.assertEqual(len(rows), 4)

    def test_table(self):
        out = self.crm_in("list", check=0).out
        lines = out.splitlines()
        # Names, not slugs (spec section 4): the slug is in JSON, CSV and -q.
        self.assertEqual(lines[0].split(), ["NAME", "STAGE", "TIER", "OWNER", "SINCE", "TAGS"])
        self.assertIn("Acme Engineering", lines[1])
        self.assertNotIn("acme-engineering", out)
        self.assertEqual(len(lines), 4)
        # Columns line up.
        self.assertEqual(len({line.index("2026-11-23") for line in lines[1:]}), 1)
        r = self.crm_in("list", "--tier", "C", "--stage", "client", check=0)
        self.assertEqual(r.out, "")
        self.assertIn("no clients match", r.err)

    def test_stage_and_tier_filters_are_one_rule_in_any_case(self):
        # list, --where and due agree: `a` is tier A, `CLIENT` the stage client, and a
        # client without a tier of its own is in the default tier.
        slugs = lambda *args: self.crm_in("list", "-q", *args, check=0).out.split()
        self.assertEqual(slugs("--tier", "a"), slugs("--tier", "A"))
        self.assertEqual(slugs("--tier", "a"), slugs("--where", "tier=a"))
        self.assertEqual(slugs("--stage", "CLIENT"), slugs("--stage", "client"))
        self.assertNotEqual(slugs("--tier", "a"), [])
        due_a = json.loads(self.crm_in("due", "--tier", "a", "--format", "json", "--until",
                                       "2027-12-31", check=0).out)
        self.assertTrue({i["client"] for i in due_a["items"]} <= set(slugs("--tier", "A")))
        for cmd in (["list"], ["due"]):
            r = self.crm_in(*cmd, "--tier", "Z", check=2)
            self.assertIn("--tier: 'Z' is not one of A, B, C", r.err)
        r = self.crm_in("list", "--stage", "hot", check=2)
        self.assertIn("--stage: 'hot' is not one of", r.err)

    def test_a_broken_client_is_skipped_with_a_warning_and_exit_1(self):
        self.write("clients/zulu/client.yaml", "name: \"Zulu\nstage: lead\ntier: \"A\"\n")
        r = self.crm_in("list", "-q", check=1)
        self.assertEqual(r.out.split(), ["acme-engineering", "beta-water", "gamma-rail"])
        self.assertIn("clients/zulu/client.yaml:1:7", r.err)


if __name__ == "__main__":
    unittest.main()


class HostileFilesTest(CrmTestCase):
    """A broken file never takes the program down: list goes on, warns, exits 1."""

    def test_each_broken_client_file_is_named_with_its_line_and_column(self):
        self.init()
        self.crm_in("add-client", "Good Client", check=0)
        broken = {
            "anchor": ("name: &n Anchor\n", ":1:7:", "anchors"),
            "alias": ("name: Alias\nowner: *n\n", ":2:8:", ""),
            "dupkey": ("name: A\nname: B\n", ":2:1:", "duplicate key"),
            "tabs": ("name: Tabs\ncontacts:\n\t- name: x\n", ":3:1:", "tab"),
            "conflict": ("name: C\n<<<<<<< HEAD\nstage: lead\n=======\nstage: client\n"
                         ">>>>>>> other\n", ":2:1:", "conflict marker"),
            "quote": ('name: "Quote\nstage: lead\ntier: "A"\n', ":1:7:", "quote"),
            "deep": ("name: Deep\nx: " + "[" * 40 + "]" * 40 + "\n", ":2:", "nesting"),
            "tagged": ("name: !!str Tagged\n", ":1:7:", "tags"),
            "twodocs": ("name: One\n---\nname: Two\n", ":2:1:", "second YAML document"),
            "trailing": ("- a\nname: x\n", ":2:1:", ""),
        }
        for slug, (text, _, _) in broken.items():
            self.write(f"clients/{slug}/client.yaml", text)
        (self.dir / "clients/utf16").mkdir()
        (self.dir / "clients/utf16/client.yaml").write_bytes("name: U\n".encode("utf-16"))
        (self.dir / "clients/binary").mkdir()
        (self.dir / "clients/binary/client.yaml").write_bytes(b"\x7fELF\x00\x01\x02name: x\n")
        self.write("clients/huge/client.yaml", "name: Huge\nnotes: " + "x" * (2 << 20) + "\n")
        r = self.crm_in("list", "-q", check=1)
        self.assertEqual(r.out, "good-client\n")
        for slug, (_, where, words) in broken.items():
            with self.subTest(slug=slug):
                line = [l for l in r.err.splitlines() if f"clients/{slug}/client.yaml" in l]
                self.assertEqual(len(line), 1, r.err)
                self.assertIn(f"clients/{slug}/client.yaml{where}", line[0])
                self.assertIn(words, line[0])
        self.assertIn("clients/utf16/client.yaml:1:1: file is UTF-16", r.err)
        self.assertIn("clients/binary/client.yaml", r.err)
        self.assertIn("clients/huge/client.yaml: file is larger than the 1024 KiB", r.err)
        self.assertIn("13 files were skipped", r.err)
        self.assertNotIn("terminate", r.err)
