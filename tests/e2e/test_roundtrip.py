"""Any text a user types is written so that crm and PyYAML read back exactly that text."""
import json
import shutil
import unittest

from harness import CrmTestCase

# The spec's list (section 5), and a few more of each kind. None starts or ends with
# whitespace: names, owners and promise texts are trimmed on purpose (see EDGES).
TRICKY = [
    'He said "hi"', "'quoted'", "it's", "key: value", "a:b", "ends with colon:",
    "# hash first", "a #b", "- dash", "---", "--- x", "...", "yes", "no", "on", "off",
    "Yes", "NO", "y", "n", "true", "null", "Null", "~", "017", "0x1F", "1_000", "12:30",
    "190:20:30", "1e3", ".5", "+1", "-1", ".inf", "2026-01-01", "2026-01-01 10:00",
    "<<", "=", "line one\nline two", "tab\there", "cr\rhere", "crlf\r\nline", "emoji 😀🎉",
    "שלום עולם", "مرحبا", "mix עברית and English", "\u200fRLM first", "back\\slash",
    "[flow]", "{map}", "a, b", "*star", "&amp", "!bang", "|pipe", ">gt", "%pct", "@at",
    "`tick", "? q", "Müller & Söhne GmbH", "日本", "!!!",
]
# Local parts that are addresses and, bare, something else to a YAML reader.
YAMLISH_ADDRESSES = ["yes", "no", "on", "null", "Null", "~", "017", "0x1F", "1_000", "1e3",
                     "+1", "-1", "=", "*star", "&amp", "!bang", "|pipe", "%pct", "#hash",
                     "2026-01-01", "{map}", "?q"]
# Whitespace at the edges of free text must survive too.
EDGES = [" leading space", "trailing space ", "\ttab first", "two\n\nparagraphs\n",
         "ends\n\n", "\nleading newline", "line \nwith trailing space"]


class RoundTripTest(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.init()

    def show(self, slug):
        return json.loads(self.crm_in("show", slug, "--format", "json", check=0).out)

    def test_client_fields_read_back_exactly(self):
        for text in TRICKY:
            with self.subTest(text=text):
                r = self.crm_in("add-client", "--no-commit", f"--owner={text}", f"--note={text}",
                                f"--tag={text}", f"--phone={text}", "--", text, check=0)
                slug = r.out.strip()
                shown = self.show(slug)
                self.assertEqual(shown["name"], text)
                self.assertEqual(shown["owner"], text)
                self.assertEqual(shown["notes"], text)
                self.assertEqual(shown["tags"], [text])
                self.assertEqual(shown["contacts"][0]["phone"], text)
                c = self.load(f"clients/{slug}/client.yaml")
                self.assertEqual(c["name"], text)
                self.assertEqual(c["owner"], text)
                self.assertEqual(c["notes"], text)
                self.assertEqual(c["tags"], [text])
                self.assertEqual(c["contacts"][0]["phone"], text)
                self.assertEqual(str(c["since"]), "2026-11-23")
                # Many of these names share a slug ("Yes", "yes"): one at a time, since a
                # name that is already a client is refused.
                shutil.rmtree(self.dir / "clients" / slug)

    def test_contact_names_and_emails_read_back_exactly(self):
        # Names are any text; an e-mail is one address (checked on entry), but one that
        # YAML would read as something else still reads back as written.
        names = [t for t in TRICKY if "<" not in t and ">" not in t]
        emails = [f"{t}@x.example" for t in YAMLISH_ADDRESSES]
        emails += [f"c{i}@x.example" for i in range(len(names) - len(emails))]
        self.crm_in("add-client", "Acme",
                    *[f"--contact={n} <{e}>" for n, e in zip(names, emails)], check=0)
        shown = [(p["name"], p["email"]) for p in self.show("acme")["contacts"]]
        self.assertEqual(shown, list(zip(names, emails)))
        loaded = [(p["name"], p["email"]) for p in self.load("clients/acme/client.yaml")["contacts"]]
        self.assertEqual(loaded, shown)

    def test_visit_fields_read_back_exactly(self):
        self.crm_in("add-client", "Acme", check=0)
        for text in TRICKY:
            with self.subTest(text=text):
                r = self.crm_in("log-visit", "--no-commit", f"--where={text}", f"--with={text}",
                                f"--discussed={text}", f"--new-topic={text}",
                                f"--promise={text}", f"--action={text} by 2026-12-01",
                                "--", "acme", text, check=0)
                path = r.out.strip()
                v = self.load(path)
                for key in ("where", "notes"):
                    self.assertEqual(v[key], text, key)
                for key in ("with", "discussed", "new_topics"):
                    self.assertEqual(v[key], [text], key)
                self.assertEqual(v["promises"][0]["what"], text)
                self.assertEqual(v["actions"][0]["what"], text)
                self.assertEqual(str(v["actions"][0]["due"]), "2026-12-01")
                shown = [x for x in self.show("acme")["visits"] if x["file"] == path][0]
                self.assertEqual(shown["where"], text)
                self.assertEqual(shown["notes"], text)
                self.assertEqual(shown["with"], [text])
                self.assertEqual(shown["discussed"], [text])
                self.assertEqual(shown["new_topics"], [text])
                self.assertEqual(shown["promises"][0]["what"], text)
                self.assertEqual(shown["actions"][0]["what"], text)

    def test_whitespace_at_the_edges_of_free_text_survives(self):
        self.crm_in("add-client", "Acme", check=0)
        for text in EDGES:
            with self.subTest(text=text):
                slug = self.crm_in("add-client", f"--note={text}", f"--tag={text}", "--",
                                   "Edge " + str(EDGES.index(text)), check=0).out.strip()
                self.assertEqual(self.show(slug)["notes"], text)
                self.assertEqual(self.load(f"clients/{slug}/client.yaml")["notes"], text)
                self.assertEqual(self.load(f"clients/{slug}/client.yaml")["tags"], [text])
                path = self.crm_in("log-visit", f"--note={text}", f"--discussed={text}",
                                   f"--where={text.strip()}", "acme", check=0).out.strip()
                v = self.load(path)
                self.assertEqual(v["notes"], text)
                self.assertEqual(v["discussed"], [text])
                path = self.crm_in("review", "acme", "--project", text, "--rating", "happy",
                                   f"--why={text}", f"--testimonial={text}",
                                   f"--went-well={text}", check=0).out.strip()
                rv = self.load(path)
                self.assertEqual(rv["project"], text.strip())  # a name: stray blanks go
                self.assertEqual((rv["why"], rv["testimonial"]), (text, text))
                self.assertEqual(rv["went_well"], [text])

    def test_every_multi_line_note_is_readable_and_exact(self):
        note = "Met Jane.\n  - indented: item\n# not a comment\n---\nLast line\n"
        self.crm_in("add-client", "Acme", f"--note={note}", check=0)
        text = (self.dir / "clients/acme/client.yaml").read_text()
        self.assertIn("notes: |\n  Met Jane.\n", text)  # a literal block a person can read
        self.assertEqual(self.load("clients/acme/client.yaml")["notes"], note)
        self.assertEqual(self.show("acme")["notes"], note)


if __name__ == "__main__":
    unittest.main()
