"""import (vCard, CSV) and export (JSON, CSV): a newcomer's data in and out."""
import csv
import io
import json
import unittest

from harness import CrmTestCase


class ImportTestCase(CrmTestCase):
    """Reads client.yaml with each contact's uid checked and left out, so that the
    contacts compare with what the file said (crm gives every contact it creates one)."""

    def load(self, relative):
        data = super().load(relative)
        for c in (data or {}).get("contacts", []) if relative.endswith("client.yaml") else []:
            if isinstance(c, dict) and "uid" in c:
                self.assertRegex(c.pop("uid"), r"^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$")
        return data

VCF = (
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "N:Doe;Jane;;;\r\n"
    "FN:Jane Doe\r\n"
    "ORG:Acme Engineering Pty Ltd;Projects\r\n"
    "TITLE:Director of Projects\r\n"
    "item1.EMAIL;TYPE=INTERNET:jane@acme.example\r\n"
    "TEL;TYPE=WORK:+61 2 5555 0100\r\n"
    "NOTE:Broncos fan\\; daughter starts university\\, 2027\\nCall before wr\r\n"
    " iting\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"
    "VERSION:4.0\r\n"
    "FN:Marcus Webb\r\n"
    "ORG:ACME ENGINEERING PTY LTD\r\n"
    "EMAIL:marcus@acme.example\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"
    "VERSION:4.0\r\n"
    "FN:Tom Lee\r\n"
    "ORG:Northern Water\r\n"
    "TEL;VALUE=uri:tel:+61-3-5555-0200\r\n"
    "END:VCARD\r\n"
)


class ImportVCardTest(ImportTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.vcf = self.tmp / "contacts.vcf"
        self.vcf.write_text(VCF, encoding="utf-8", newline="")

    def test_import_groups_cards_by_org_in_one_commit(self):
        before = self.commit_count()
        r = self.crm_in("import", str(self.vcf), check=0)
        self.assertIn("created", r.out)
        self.assertIn("acme-engineering-pty-ltd", r.out)
        self.assertIn("2 created, 0 updated, 0 unchanged, 0 skipped", r.err)
        acme = self.load("clients/acme-engineering-pty-ltd/client.yaml")
        self.assertEqual(acme["name"], "Acme Engineering Pty Ltd")
        self.assertEqual(acme["stage"], "lead")
        self.assertEqual(acme["tier"], "B")
        self.assertEqual([c["name"] for c in acme["contacts"]], ["Jane Doe", "Marcus Webb"])
        jane = acme["contacts"][0]
        self.assertEqual(jane["role"], "Director of Projects")
        self.assertEqual(jane["email"], "jane@acme.example")
        self.assertEqual(jane["phone"], "+61 2 5555 0100")
        self.assertEqual(jane["notes"],
                         "Broncos fan; daughter starts university, 2027\nCall before writing")
        water = self.load("clients/northern-water/client.yaml")
        self.assertEqual(water["contacts"], [{"name": "Tom Lee", "phone": "+61-3-5555-0200"}])
        self.assertEqual(self.commit_count(), before + 1)
        self.assertEqual(self.last_commit_message(), "import: 2 clients from contacts.vcf")
        self.assertEqual(self.last_commit_files(), ["clients/acme-engineering-pty-ltd/client.yaml",
                                                    "clients/northern-water/client.yaml"])

    def test_reimport_creates_nothing(self):
        self.crm_in("import", str(self.vcf), check=0)
        before = self.commit_count()
        r = self.crm_in("import", str(self.vcf), check=0)
        self.assertIn("0 created, 0 updated, 2 unchanged, 0 skipped", r.err)
        self.assertEqual(self.commit_count(), before)
        self.assertEqual(self.crm_in("list", "-q", check=0).out,
                         "acme-engineering-pty-ltd\nnorthern-water\n")

    def test_existing_client_gets_its_new_contacts_and_keeps_every_line(self):
        self.crm_in("add-client", "Northern Water", check=0)
        path = self.dir / "clients/northern-water/client.yaml"
        edited = path.read_text() + "# my own note, keep me\n"
        path.write_text(edited)
        self.git("commit", "-qam", "a note")
        r = self.crm_in("import", str(self.vcf), check=0)
        self.assertRegex(r.out, r"updated\s+northern-water\s+Northern Water: 1 contact added "
                                r"\(Tom Lee\)")
        self.assertIn("1 created, 1 updated, 0 unchanged, 0 skipped", r.err)
        # The contact is added as `crm contact add` adds one: only new lines.
        text = path.read_text()
        self.assertTrue(text.startswith(edited), text)
        self.assertEqual(self.load("clients/northern-water/client.yaml")["contacts"],
                         [{"name": "Tom Lee", "phone": "+61-3-5555-0200"}])
        self.assertFalse((self.dir / "clients/northern-water-2").exists())
        self.assertEqual(self.last_commit_files(), ["clients/acme-engineering-pty-ltd/client.yaml",
                                                    "clients/northern-water/client.yaml"])
        self.assertEqual(self.last_commit_message(),
                         "import: 1 client and contacts at 1 client from contacts.vcf")
        self.crm_in("check", check=0)

    def test_a_client_file_that_cannot_take_them_safely_is_skipped_untouched(self):
        hand = "name: Northern Water\ncontacts: [Ann]   # flow style: crm does not rewrite it\n"
        self.write("clients/northern-water/client.yaml", hand)
        r = self.crm_in("import", str(self.vcf), check=0)
        self.assertRegex(r.out, r"skipped\s+northern-water\s+Northern Water: cannot change")
        self.assertIn("left as it is, without: 1 contact added (Tom Lee)", " ".join(r.out.split()))
        self.assertIn("1 created, 0 updated, 0 unchanged, 1 skipped", r.err)
        self.assertEqual((self.dir / "clients/northern-water/client.yaml").read_text(), hand)
        self.assertEqual(self.last_commit_files(), ["clients/acme-engineering-pty-ltd/client.yaml"])

    def test_matches_existing_client_by_slug_and_contacts_by_email(self):
        # Renamed by hand: the slug still says which client it is.
        self.write("clients/acme-engineering-pty-ltd/client.yaml",
                   "name: Acme Eng.\ncontacts:\n  - name: J. Doe\n    email: JANE@acme.example\n"
                   "  - name: marcus webb\n")
        self.write("clients/northern-water/client.yaml", "name: NORTHERN WATER\n")
        self.git("add", "-A")
        self.git("commit", "-qm", "by hand")  # crm commits only its own change
        r = self.crm_in("import", str(self.vcf), check=0)
        # Jane by her e-mail, Marcus by his name: each gets what they lacked, and Jane's
        # other name is kept in her notes.
        self.assertRegex(" ".join(r.out.split()), r"updated acme-engineering-pty-ltd Acme Eng\.: "
                                                  r"J\. Doe: .*added; a different name kept in "
                                                  r"notes; marcus webb: e-mail added")
        self.assertRegex(r.out, r"updated\s+northern-water")
        self.assertIn("0 created, 2 updated, 0 unchanged, 0 skipped", r.err)
        jane = self.load("clients/acme-engineering-pty-ltd/client.yaml")["contacts"][0]
        self.assertEqual(jane["name"], "J. Doe")
        self.assertEqual(jane["email"], "JANE@acme.example")
        self.assertIn("name (import 2026-11-23): Jane Doe", jane["notes"])
        r = self.crm_in("import", str(self.vcf), check=0)
        self.assertIn("0 created, 0 updated, 2 unchanged, 0 skipped", r.err)

    def test_dry_run_writes_nothing(self):
        before = self.commit_count()
        r = self.crm_in("import", str(self.vcf), "--dry-run", check=0)
        self.assertIn("created", r.out)
        self.assertIn("dry run: nothing written", r.err)
        self.assertFalse((self.dir / "clients").exists())
        self.assertEqual(self.commit_count(), before)

    def test_broken_vcard_names_the_line_and_writes_nothing(self):
        bad = self.tmp / "bad.vcf"
        bad.write_text("BEGIN:VCARD\nFN:Jane\nORG:Acme\n")
        r = self.crm_in("import", str(bad), check=1)
        self.assertIn("bad.vcf:1", r.err)
        self.assertIn("END:VCARD", r.err)
        self.assertFalse((self.dir / "clients").exists())

    def test_missing_file_and_utf16(self):
        r = self.crm_in("import", str(self.tmp / "nope.csv"), check=1)
        self.assertIn("cannot read", r.err)
        u16 = self.tmp / "u16.csv"
        u16.write_bytes("name\nAcme\n".encode("utf-16"))
        r = self.crm_in("import", str(u16), check=1)
        self.assertIn("is UTF-16 text", r.err)


class ImportCsvTest(ImportTestCase):
    def setUp(self):
        super().setUp()
        self.init()

    def write_csv(self, text, name="clients.csv"):
        path = self.tmp / name
        path.write_bytes(text.encode("utf-8"))
        return path

    def test_an_e_mail_that_is_no_address_goes_to_the_notes_with_a_warning(self):
        path = self.write_csv("Name,Contact,Email\n"
                              "Roe Pty,Jane Roe,\"jane@x.example; touch pwned\"\n"
                              "Roe Pty,Ann Roe,ann@roe.example\n")
        r = self.crm_in("import", str(path), check=0)
        self.assertIn("warning: " + str(path) + ":2: Jane Roe's e-mail 'jane@x.example; touch "
                      "pwned' is not an address (it contains ';'): kept in their notes", r.err)
        self.assertEqual(self.load("clients/roe-pty/client.yaml")["contacts"], [
            {"name": "Jane Roe", "notes": "e-mail (import 2026-11-23): jane@x.example; touch pwned"},
            {"name": "Ann Roe", "email": "ann@roe.example"}])
        self.crm_in("check", check=0)

    def test_csv_with_bom_crlf_quotes_and_several_rows_per_client(self):
        path = self.write_csv(
            "\ufeffName,Tier,Stage,Owner,Contact,Email,Phone,Tags,Industry\r\n"
            "\"Smith, Jones & Co\",A,client,Bob Jones,Ann Smith,ann@sj.example,,\"law;tax\",legal\r\n"
            "\"Smith, Jones & Co\",,,,Carl Jones,carl@sj.example,\"+61 2 5555 0300\",,legal\r\n"
            "Harbour Café,,,,,,,,\r\n"
            "\r\n")
        r = self.crm_in("import", str(path), check=0)
        self.assertIn("clients.csv: columns not imported: Industry (crm reads slug, name,", r.err)
        self.assertEqual(r.err.count("warning"), 1, r.err)
        sj = self.load("clients/smith-jones-co/client.yaml")
        self.assertEqual(sj["name"], "Smith, Jones & Co")
        self.assertEqual((sj["tier"], sj["stage"], sj["owner"]), ("A", "client", "Bob Jones"))
        self.assertEqual(sj["tags"], ["law", "tax"])
        self.assertEqual(sj["contacts"], [
            {"name": "Ann Smith", "email": "ann@sj.example"},
            {"name": "Carl Jones", "email": "carl@sj.example", "phone": "+61 2 5555 0300"}])
        cafe = self.load("clients/harbour-cafe/client.yaml")
        self.assertEqual(cafe["name"], "Harbour Café")
        self.assertNotIn("contacts", cafe)
        self.assertEqual(self.last_commit_message(), "import: 2 clients from clients.csv")
        # Again: the same contact by email under another name is not a new contact.
        again = self.write_csv("name,contact,email\nsmith-jones-co,A. Smith,ANN@sj.example\n",
                               "again.csv")
        r = self.crm_in("import", str(again), check=0)
        self.assertRegex(r.out, r"updated\s+smith-jones-co\s+Smith, Jones & Co: Ann Smith: a "
                                r"different name kept in notes")
        self.assertEqual(len(self.load("clients/smith-jones-co/client.yaml")["contacts"]), 2)

    def test_bad_tier_stops_the_import_naming_the_line(self):
        path = self.write_csv("name,tier\nGood Pty,A\nBad Pty,Z\n")
        r = self.crm_in("import", str(path), check=1)
        self.assertIn("clients.csv:3", r.err)
        self.assertIn("tier 'Z' is not one of A, B, C", r.err)
        self.assertFalse((self.dir / "clients").exists())

    def test_unclosed_quote_and_missing_name_column(self):
        r = self.crm_in("import", str(self.write_csv("name\n\"Acme\nBeta\n")), check=1)
        self.assertIn("clients.csv:2", r.err)
        self.assertIn("never closed", r.err)
        r = self.crm_in("import", str(self.write_csv("company_id,tier\n1,A\n", "x.csv")), check=1)
        self.assertIn("no 'name' column", r.err)

    def test_hostile_names_stay_inside_the_folder(self):
        path = self.write_csv("name\n../../etc/passwd\n.git\n-rf\nyes\n")
        self.crm_in("import", str(path), check=0)
        slugs = self.crm_in("list", "-q", check=0).out.split()
        self.assertEqual(len(slugs), 4)
        for slug in slugs:
            self.assertRegex(slug, r"^[a-z0-9][a-z0-9-]*$")
        names = sorted(self.load(f"clients/{s}/client.yaml")["name"] for s in slugs)
        self.assertEqual(names, sorted(["-rf", ".git", "../../etc/passwd", "yes"]))


class ExportTest(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.copy_example()
        self.slugs = sorted(p.name for p in (self.dir / "clients").iterdir())
        self.visit_files = sorted(str(p.relative_to(self.dir))
                                  for p in self.dir.glob("clients/*/visits/*.yaml"))

    def test_json_holds_every_client_with_visits_and_reviews(self):
        r = self.crm_in("export", check=0)
        data = json.loads(r.out)
        self.assertEqual(data["as_of"], "2026-11-23")
        self.assertEqual([c["slug"] for c in data["clients"]], self.slugs)
        files = sorted(v["file"] for c in data["clients"] for v in c["visits"])
        self.assertEqual(files, self.visit_files)
        acme = next(c for c in data["clients"] if c["slug"] == "acme-engineering-pty-ltd")
        self.assertEqual(acme["custom"]["abn"], "51 824 753 556")
        self.assertEqual(len(acme["visits"]), len(list(
            (self.dir / "clients/acme-engineering-pty-ltd/visits").iterdir())))
        reviews = sum(len(c["reviews"]) for c in data["clients"])
        self.assertEqual(reviews, len(list(self.dir.glob("clients/*/reviews/*.yaml"))))

    def test_json_is_one_document_formatted_as_one_dump(self):
        # Written one client at a time, it must still read as a single indented document.
        r = self.crm_in("export", check=0)
        data = json.loads(r.out)
        self.assertEqual(r.out, json.dumps(data, indent=2, ensure_ascii=False)
                         + "\n")
        empty = self.tmp / "empty"
        self.crm("init", str(empty), check=0)
        r = self.crm("--dir", str(empty), "export", check=0)
        self.assertEqual(json.loads(r.out), {"as_of": "2026-11-23", "clients": []})

    def test_csv_visits_one_row_per_visit(self):
        r = self.crm_in("export", "--format", "csv", "--what", "visits", check=0)
        rows = list(csv.DictReader(io.StringIO(r.out, newline="")))
        self.assertEqual(sorted(row["file"] for row in rows), self.visit_files)
        for row in rows:
            self.assertTrue(row["file"].startswith(f"clients/{row['client']}/visits/{row['date']}"))

    def test_csv_reviews(self):
        r = self.crm_in("export", "--format", "csv", "--what", "reviews", check=0)
        rows = list(csv.DictReader(io.StringIO(r.out, newline="")))
        self.assertEqual(len(rows), len(list(self.dir.glob("clients/*/reviews/*.yaml"))))
        self.assertTrue(all(row["rating"] in {"angry", "unhappy", "neutral", "happy", "elated"}
                            for row in rows))

    def test_csv_clients_round_trips_through_import(self):
        r = self.crm_in("export", "--format", "csv", check=0)
        rows = list(csv.DictReader(io.StringIO(r.out, newline="")))
        self.assertEqual(sorted({row["slug"] for row in rows}), self.slugs)
        acme_contacts = [row["contact"] for row in rows if row["slug"] == "acme-engineering-pty-ltd"]
        self.assertEqual(acme_contacts, ["Jane Doe", "Marcus Webb", "Raj Patel"])
        exported = self.tmp / "export.csv"
        exported.write_text(r.out, newline="")
        other = self.tmp / "other"
        self.crm("init", str(other), check=0)
        r = self.crm("--dir", str(other), "import", str(exported), check=0)
        self.assertNotIn("ignored", r.err)
        data = json.loads(self.crm("--dir", str(other), "export", check=0).out)
        original = json.loads(self.crm_in("export", check=0).out)
        for mine, theirs in zip(data["clients"], original["clients"]):
            self.assertEqual(mine["slug"], theirs["slug"])
            self.assertEqual(mine["name"], theirs["name"])
            # A client without a tier or stage gets the folder's default on import.
            self.assertEqual(mine["tier"], theirs["tier"] or "B")
            self.assertEqual(mine["stage"], theirs["stage"] or "lead")
            for key in ("owner", "every", "since", "tags"):
                self.assertEqual(mine[key], theirs[key], key)
            self.assertEqual([(c["name"], c["role"], c["email"], c["phone"])
                              for c in mine["contacts"]],
                             [(c["name"], c["role"], c["email"], c["phone"])
                              for c in theirs["contacts"]])
        self.assertEqual(len(data["clients"]), len(original["clients"]))

    def test_csv_cells_that_look_like_formulas_are_text_and_import_back(self):
        # OWASP's CSV injection: a spreadsheet runs =..., +..., -..., @... as formulas.
        self.crm_in("add-client", "=HYPERLINK(\"http://evil.example\",\"x\")", "--owner",
                    "+SUM(A1:A2)", "--contact", "@Jane <jane@x.example>", check=0)
        r = self.crm_in("export", "--format", "csv", check=0)
        rows = list(csv.DictReader(io.StringIO(r.out, newline="")))
        row = next(row for row in rows if "HYPERLINK" in row["name"])
        self.assertEqual(row["name"], "'=HYPERLINK(\"http://evil.example\",\"x\")")
        self.assertEqual(row["owner"], "'+SUM(A1:A2)")
        self.assertEqual(row["contact"], "'@Jane")
        for row in rows:
            for cell in row.values():
                self.assertFalse(cell and cell[0] in "=+-@\t\r", cell)
        exported = self.tmp / "export.csv"
        exported.write_text(r.out, newline="")
        other = self.tmp / "other"
        self.crm("init", str(other), check=0)
        self.crm("--dir", str(other), "import", str(exported), check=0)
        names = [c["name"] for c in json.loads(self.crm("--dir", str(other), "export",
                                                        check=0).out)["clients"]]
        self.assertIn("=HYPERLINK(\"http://evil.example\",\"x\")", names)

    def test_what_with_json_is_a_usage_error(self):
        r = self.crm_in("export", "--what", "visits", check=2)
        self.assertIn("--what is for --format csv", r.err)
        self.crm_in("export", "--format", "xml", check=2)

    def test_broken_file_is_named_and_exit_1(self):
        self.write("clients/acme-engineering-pty-ltd/visits/2026-01-01-x-000000.yaml",
                   "date: [unclosed\n")
        r = self.crm_in("export", check=1)
        self.assertIn("2026-01-01-x-000000.yaml", r.err)
        self.assertEqual(len(json.loads(r.out)["clients"]), len(self.slugs))


if __name__ == "__main__":
    unittest.main()
