"""crm import on contacts as real programs export them (tests/data/import/): Google
Contacts CSV (old and current header), Outlook CSV, vCard 2.1 from Android and Outlook
(quoted-printable, CHARSET, soft line breaks), vCard 3.0 from Apple (folding, item1.
groups). Each file is byte-for-byte what the program writes: BOM, CRLF, windows-1252."""
import unittest

from contacts_case import ContactsTestCase


class ImportRealExportsTest(ContactsTestCase):
    # -- Google Contacts ----------------------------------------------------------------
    def test_google_old_header(self):
        before = self.commit_count()
        r = self.imported("google_old.csv")
        self.assertRegex(r.out, r"created\s+acme-engineering-pty-ltd\s+Acme Engineering Pty Ltd "
                                r"\(2 contacts\)")
        self.assertIn("2 created, 0 updated, 0 unchanged, 0 skipped", r.err)
        # One line for the ~40 columns crm leaves out, one for the row naming no one.
        warnings = self.warnings(r)
        self.assertEqual(len(warnings), 2, r.err)
        self.assertRegex(warnings[0], r"google_old\.csv: columns not imported: Address 1 - Type, "
                                      r"Address 1 - Formatted, Address 1 - Street, Address 1 - "
                                      r"City, Website 1 - Type, Website 1 - Value \(and 33 empty "
                                      r"columns\)$")
        self.assertIn("1 row names no person, organisation or e-mail: skipped", warnings[1])
        acme = self.client_without_uids("acme-engineering-pty-ltd")
        self.assertEqual(acme["tags"], ["Clients"])  # not "* myContacts", "* starred"
        jane, marcus = acme["contacts"]
        self.assertEqual(jane["name"], "Jane Doe")
        self.assertEqual(jane["role"], "Director of Projects")
        self.assertEqual(jane["email"], "jane@acme.example")
        self.assertEqual(jane["phone"], "+61 2 5555 0100")
        self.assertEqual(jane["notes"], "Broncos fan; daughter starts university in 2027\n"
                                        "e-mail (home): jane.doe@home.example\n"
                                        "phone (mobile): +61 400 555 010\n"
                                        "phone (mobile): +61 400 555 011")
        self.assertEqual(marcus, {"name": "Marcus Webb", "role": "Engineer",
                                  "email": "marcus@acme.example"})
        # A person with no organisation is a client of their own (a private client).
        priya = self.client_without_uids("priya-raman")
        self.assertEqual(priya["name"], "Priya Raman")
        self.assertEqual(priya["contacts"], [{"name": "Priya Raman", "email": "priya@raman.example",
                                              "phone": "+61 411 222 333"}])
        self.assertEqual(priya["tags"], ["Private clients"])
        self.assertEqual(self.commit_count(), before + 1)
        self.assertEqual(self.last_commit_message(), "import: 2 clients from google_old.csv")
        self.assertEqual(self.last_commit_files(), ["clients/acme-engineering-pty-ltd/client.yaml",
                                                    "clients/priya-raman/client.yaml"])
        self.crm_in("check", check=0)

    def test_google_current_header_and_the_organisations_own_entry(self):
        r = self.imported("google_new.csv")
        self.assertIn("2 created, 0 updated, 0 unchanged, 0 skipped", r.err)
        self.assertEqual(self.warnings(r), [
            f"crm: warning: {self.tmp / 'google_new.csv'}: columns not imported: Birthday, "
            "Website 1 - Value (and 17 empty columns)"])
        water = self.client_without_uids("northern-water")
        # Northern Water's own row (no person) is the client's, not a contact of itself.
        self.assertEqual([c["name"] for c in water["contacts"]], ["Tom Lee"])
        self.assertEqual(water["notes"], "Head office switchboard\nphone (work): +61 3 5555 0000")
        self.assertEqual(water["tags"], ["Clients", "Water"])
        tom = water["contacts"][0]
        self.assertEqual(tom["role"], "Asset Manager, Depots")
        self.assertEqual(tom["phone"], "+61 3 5555 0201")  # the work number first
        self.assertEqual(tom["notes"], "Call before writing.\nPrefers mornings.\n"
                                       "phone (mobile): +61 3 5555 0200")
        mueller = self.client_without_uids("muller-sohne-gmbh")
        self.assertEqual(mueller["name"], "Müller & Söhne GmbH")
        self.assertEqual(mueller["contacts"], [{"name": "Zoë Adler", "role": "Einkauf",
                                                "email": "zoe.adler@mueller.example"}])
        self.assertNotIn("tags", mueller)  # only system groups

    # -- Outlook CSV --------------------------------------------------------------------
    def test_outlook_csv_with_bom_crlf_and_newlines_in_fields(self):
        r = self.imported("outlook.csv")
        self.assertIn("2 created, 0 updated, 0 unchanged, 0 skipped", r.err)
        warnings = self.warnings(r)
        self.assertEqual(len(warnings), 1, r.err)
        self.assertIn("columns not imported: Title, Business Street, Business City, Initials "
                      "(and 39 empty columns)", warnings[0])
        sj = self.client_without_uids("smith-jones-co")
        self.assertEqual(sj["name"], "Smith, Jones & Co")
        self.assertEqual(sj["tags"], ["Clients", "Tax"])
        ann, carl = sj["contacts"]
        self.assertEqual(ann["role"], "Partner, Tax")
        self.assertEqual(ann["email"], "ann@sj.example")
        self.assertEqual(ann["phone"], "+61 2 5555 0300")  # Business Phone before Home Phone
        self.assertEqual(ann["notes"], "Met at the tax forum.\nAsk about the \"Harbour\" project.\n"
                                       "e-mail: ann.smith@home.example\n"
                                       "phone (mobile): +61 400 300 300\n"
                                       "phone (home): +61 2 9999 1234")
        self.assertEqual(carl, {"name": "Carl Jones", "role": "Associate",
                                "email": "carl@sj.example", "phone": "+61 2 5555 0301"})
        self.assertEqual(self.client_without_uids("bjorn-ek")["contacts"][0]["name"], "Björn Ek")
        self.assertEqual(self.last_commit_message(), "import: 2 clients from outlook.csv")

    # -- vCard 2.1 ----------------------------------------------------------------------
    def test_android_vcard_21_quoted_printable_with_soft_breaks(self):
        r = self.imported("android_21.vcf")
        self.assertEqual(r.err, f"crm: warning: {self.tmp / 'android_21.vcf'}: not imported: "
                                "PHOTO (1 card)\n"
                                "crm: 2 created, 0 updated, 0 unchanged, 0 skipped\n")
        self.assertRegex(r.out, r"created\s+muller-sohne-gmbh\s+Müller & Söhne GmbH \(2 contacts\)")
        m = self.client_without_uids("muller-sohne-gmbh")
        juergen, anna = m["contacts"]
        self.assertEqual(juergen["name"], "Jürgen Müller")
        self.assertEqual(juergen["role"], "Geschäftsführer")
        self.assertEqual(juergen["email"], "juergen@mueller-soehne.example")
        self.assertEqual(juergen["phone"], "+49 30 9876543")
        self.assertEqual(juergen["notes"],
                         "Kennt uns von der Messe in Köln. Bevorzugt Anrufe vormittags.\n"
                         "Hat zwei Standorte: Berlin und München.\n"
                         "e-mail (home): j.mueller@privat.example\n"
                         "phone (mobile): +49 170 1234567")
        self.assertEqual(anna["name"], "Anna Schäfer")
        self.assertEqual(self.client_without_uids("linh-nguyen")["contacts"][0]["phone"], "+61 400 111 222")

    def test_outlook_vcard_21_windows_1252_and_the_company_card(self):
        r = self.imported("outlook_21.vcf")
        self.assertEqual(r.err, f"crm: warning: {self.tmp / 'outlook_21.vcf'}: not imported: "
                                "LABEL (1 card)\n"
                                "crm: 1 created, 0 updated, 0 unchanged, 0 skipped\n")
        cafe = self.client_without_uids("cafe-nord-ag")
        self.assertEqual(cafe["name"], "Café Nord AG")
        # The company's own card (FN = ORG) is the client, not a contact of itself.
        self.assertEqual([c["name"] for c in cafe["contacts"]], ["René Grüßer"])
        self.assertEqual(cafe["notes"], "Hauptsitz Zürich, Lieferungen über den Hof.\n"
                                        "e-mail: info@cafe-nord.example\n"
                                        "phone (work): +41 44 123 45 00")
        self.assertEqual(cafe["tags"], ["Kunden", "Gastro"])
        rene = cafe["contacts"][0]
        self.assertEqual(rene["role"], "Einkäufer")
        self.assertEqual(rene["notes"], "“Immer pünktlich” – Budget € 50k.\nZweite Zeile.\n"
                                        "phone (mobile): +41 79 123 45 67")

    # -- vCard 3.0 ----------------------------------------------------------------------
    def test_apple_vcard_30_folding_groups_and_company_card(self):
        r = self.imported("apple_30.vcf")
        self.assertIn("2 created", r.err)
        hp = self.client_without_uids("harbour-pike-architects")
        self.assertEqual([c["name"] for c in hp["contacts"]], ["Siobhan O'Brien"])
        self.assertEqual(hp["notes"], "phone (work): +61 2 9999 0001")
        self.assertEqual(hp["tags"], ["Architects", "Clients"])
        s = hp["contacts"][0]
        self.assertEqual(s["email"], "siobhan@harbourpike.example")
        self.assertEqual(s["phone"], "+61 412 345 678")  # type=pref
        self.assertEqual(s["notes"], "Met at the AIA conference, 2026. Prefers e-mail; never "
                                     "calls before 10.\nPartner: Dermot.\n"
                                     "e-mail (home): siobhan.obrien@mail.example\n"
                                     "phone (work): +61 2 9999 0000")
        raj = self.client_without_uids("northern-rail-authority")["contacts"][0]
        self.assertEqual(raj["role"], "Head of Procurement, East")
        self.assertEqual(raj["notes"], "Tender for the depot due in March.\n"
                                       "Likes detailed cost breakdowns and prompt replies.")

    # -- dry run, existing clients, broken files ----------------------------------------
    def test_dry_run_reports_and_writes_nothing(self):
        for name in ("google_old.csv", "google_new.csv", "outlook.csv", "android_21.vcf",
                     "outlook_21.vcf", "apple_30.vcf"):
            before = self.commit_count()
            r = self.imported(name, "--dry-run")
            self.assertIn("created", r.out, name)
            self.assertIn("dry run: nothing written", r.err, name)
            self.assertFalse((self.dir / "clients").exists(), name)
            self.assertEqual(self.commit_count(), before, name)

    def test_new_people_join_an_existing_client_surgically(self):
        self.imported("android_21.vcf")
        path = self.dir / "clients/muller-sohne-gmbh/client.yaml"
        edited = path.read_text().replace("stage: lead\n", "stage: lead   # met in Köln\n")
        path.write_text(edited)
        self.git("commit", "-qam", "a note")
        r = self.imported("google_new.csv")
        self.assertRegex(r.out, r"updated\s+muller-sohne-gmbh\s+Müller & Söhne GmbH: 1 contact "
                                r"added \(Zoë Adler\)")
        self.assertIn("1 created, 1 updated, 0 unchanged, 0 skipped", r.err)
        text = path.read_text()
        # Only the new contact's lines are added: every line before stays as it was.
        self.assertTrue(text.startswith(edited), text)
        self.assertTrue(text[len(edited):].startswith("  - name: Zoë Adler\n"), text)
        self.assertEqual([c["name"] for c in self.client_without_uids("muller-sohne-gmbh")["contacts"]],
                         ["Jürgen Müller", "Anna Schäfer", "Zoë Adler"])
        self.assertEqual(self.last_commit_message(),
                         "import: 1 client and contacts at 1 client from google_new.csv")
        r = self.imported("google_new.csv")
        self.assertIn("0 created, 0 updated, 2 unchanged, 0 skipped", r.err)
        self.crm_in("check", check=0)

    def test_unknown_charset_is_one_clear_error_and_nothing_written(self):
        bad = self.tmp / "bad.vcf"
        bad.write_bytes(b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Ok\r\nORG:Fine\r\nEND:VCARD\r\n"
                        b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=KOI8-R:\xf0\xd2\r\n"
                        b"END:VCARD\r\n")
        r = self.crm_in("import", str(bad), check=1)
        lines = r.err.splitlines()
        self.assertEqual(len(lines), 2, r.err)  # the error and its hint
        self.assertRegex(lines[0], r"^crm: error: .*bad\.vcf:8: CHARSET=KOI8-R is not a character set")
        self.assertTrue(lines[1].startswith("hint: "), r.err)
        self.assertFalse((self.dir / "clients").exists())

    def test_a_csv_that_is_not_utf8_is_read_as_windows_1252(self):
        latin = self.tmp / "latin1.csv"
        latin.write_bytes("First Name,Company\r\nRené,Café Nord\r\n".encode("cp1252"))
        r = self.crm_in("import", str(latin), check=0)
        self.assertIn("latin1.csv: not UTF-8; read as windows-1252, as Outlook writes it", r.err)
        self.assertEqual(self.client_without_uids("cafe-nord")["contacts"][0]["name"], "René")


if __name__ == "__main__":
    unittest.main()
