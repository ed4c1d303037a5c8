"""Contacts in and out without loss (issue 25): the import rules over files as Google,
Outlook, Apple, Nextcloud, Thunderbird and LinkedIn write them (tests/data/import/), bad
input, contacts' uids, the vCard export read by khard and vobject, the CSV round trip,
and crm query in mutt's format."""
import csv
import io
import json
import re
import subprocess
import sys
import unittest
from pathlib import Path

import yaml

from contacts_case import DATA, ContactsTestCase
from harness import TODAY

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def vobject_python():
    """An interpreter that has vobject (Debian's python3-vobject): the test's own, else
    the system's. None found is a failure, never a skip."""
    for exe in (sys.executable, "/usr/bin/python3"):
        if Path(exe).exists() and subprocess.run([exe, "-c", "import vobject"],
                                                 capture_output=True).returncode == 0:
            return exe
    raise AssertionError("python3-vobject is not installed (scripts/bootstrap installs it)")


READ_CARDS = r"""
import json, sys, vobject
out = []
for card in vobject.readComponents(sys.stdin.read()):
    c = {"version": card.version.value, "fn": card.fn.value, "uid": card.uid.value,
         "n": [card.n.value.family, card.n.value.given, card.n.value.additional]}
    for key in ("org", "title", "email", "tel", "note", "categories"):
        if key in card.contents:
            c[key] = card.contents[key][0].value
    out.append(c)
print(json.dumps(out))
"""


def read_cards(text):
    proc = subprocess.run([vobject_python(), "-c", READ_CARDS], input=text, capture_output=True,
                          text=True)
    if proc.returncode != 0:
        raise AssertionError(f"vobject could not read the cards: {proc.stderr}\n{text}")
    return json.loads(proc.stdout)


def yaml_load(path):
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def without_uid(contact):
    return {k: v for k, v in contact.items() if k != "uid"}


class ImportRulesTest(ContactsTestCase):
    def test_google_vcard_system_groups_and_named_drops(self):
        r = self.imported("google_30.vcf")
        self.assertIn("2 created, 0 updated, 0 unchanged, 0 skipped", r.err)
        self.assertEqual(self.warnings(r), [
            f"crm: warning: {self.tmp / 'google_30.vcf'}: not imported: ADR (1 card), "
            "BDAY (1 card), URL (1 card), PHOTO (1 card)"])
        water = self.client("northern-water")
        self.assertEqual(water["tags"], ["Clients"])  # not myContacts, starred
        self.assertEqual(water["owner"], "Alice Smith")  # the person importing
        tom = water["contacts"][0]
        self.assertEqual(without_uid(tom), {
            "name": "Tom Lee", "role": "Asset Manager", "email": "tom.lee@northernwater.example",
            "phone": "+61 3 5555 0200", "notes": "Call before writing."})
        self.assertRegex(tom["uid"], UUID)
        grace = self.client("grace-ho")
        self.assertNotIn("tags", grace)  # myContacts only
        self.assertEqual(grace["contacts"][0]["email"], "grace.ho@mail.example")
        self.assert_checked()

    def test_outlook_windows_1252_exchange_address_and_every_column_named(self):
        r = self.imported("outlook_1252.csv")
        self.assertIn("read as windows-1252", r.err)
        self.assertIn("2 created, 0 updated, 0 unchanged, 0 skipped", r.err)
        warnings = self.warnings(r)
        self.assertEqual(warnings[0], f"crm: warning: {self.tmp / 'outlook_1252.csv'}: columns "
                         "not imported: Business Street, Business City, Business Postal Code, "
                         "Business Country/Region, Initials, User 1, Web Page (and 9 empty "
                         "columns)")
        self.assertIn("1 Exchange (EX) address not imported (not e-mail; the SMTP address is "
                      "used)", warnings[1])
        tom = self.client("northern-water")["contacts"][0]
        self.assertEqual(tom["email"], "tlee@northernwater.example")
        self.assertNotIn("/o=", json.dumps(tom))
        self.assertEqual(tom["phone"], "+61 3 5555 0201")
        cafe = self.client("cafe-nord-ag")
        rene = cafe["contacts"][0]
        self.assertEqual(rene["name"], "René Grüßer")
        self.assertEqual(rene["role"], "Einkäufer, Einkauf")
        self.assertEqual(rene["notes"], "„Immer pünktlich“ – Budget € 50k.")
        self.assert_checked()

    def test_two_john_smiths_stay_two(self):
        r = self.imported("google_two_johns.csv")
        self.assertIn("2 created", r.err)
        self.assertEqual(self.clients(), ["john-smith", "john-smith-jsmith-beta-example"])
        first = self.client("john-smith")
        second = self.client("john-smith-jsmith-beta-example")
        self.assertEqual(first["name"], "John Smith")
        self.assertEqual(second["name"], "John Smith (jsmith@beta.example)")
        self.assertEqual(without_uid(first["contacts"][0]), {
            "name": "John Smith", "email": "john.smith@alpha.example",
            "phone": "+61 400 000 001", "notes": "Plumber; did the depot's wet areas"})
        self.assertEqual(without_uid(second["contacts"][0]), {
            "name": "John Smith", "email": "jsmith@beta.example",
            "phone": "+61 400 000 002", "notes": "Retired engineer; sits on the water board"})
        self.assertEqual(first["tags"], ["Trades"])
        # Again: each John is found by his e-mail; nothing changes, nothing is committed.
        before = self.commit_count()
        r = self.imported("google_two_johns.csv")
        self.assertIn("0 created, 0 updated, 2 unchanged, 0 skipped", r.err)
        self.assertEqual(self.commit_count(), before)

    def test_a_contact_already_there_gets_what_they_lacked_and_a_differing_value_in_notes(self):
        self.crm_in("add-client", "Northern Water",
                    "--contact", "Tom Lee <tom.lee@northernwater.example>", check=0)
        uid = self.client("northern-water")["contacts"][0]["uid"]
        r = self.imported("google_30.vcf")
        self.assertIn("1 created, 1 updated, 0 unchanged, 0 skipped", r.err)
        self.assertRegex(r.out, r"updated\s+northern-water\s+Northern Water: Tom Lee: role, "
                                r"phone added")
        tom = self.client("northern-water")["contacts"][0]
        self.assertEqual(tom, {"name": "Tom Lee", "email": "tom.lee@northernwater.example",
                               "uid": uid, "role": "Asset Manager", "phone": "+61 3 5555 0200",
                               "notes": "Call before writing."})
        # A later file says another phone and role for him: kept in his notes, not dropped.
        later = self.tmp / "later.csv"
        later.write_text("First Name,Last Name,Organization Name,Organization Title,"
                         "E-mail 1 - Value,Phone 1 - Value\n"
                         "Tom,Lee,Northern Water,Head of Assets,TOM.LEE@northernwater.example,"
                         "+61 3 5555 0299\n", encoding="utf-8")
        r = self.crm_in("import", str(later), check=0)
        self.assertIn("0 created, 1 updated, 0 unchanged, 0 skipped", r.err)
        tom = self.client("northern-water")["contacts"][0]
        self.assertEqual(tom["role"], "Asset Manager")
        self.assertEqual(tom["phone"], "+61 3 5555 0200")
        self.assertEqual(tom["notes"], f"Call before writing.\nrole (import {TODAY}): Head of "
                                       f"Assets\nphone (import {TODAY}): +61 3 5555 0299")
        self.assertEqual(tom["uid"], uid)
        self.assertEqual(self.last_commit_message(),
                         "import: contacts at 1 client from later.csv")
        # Importing it again finds both values there.
        r = self.crm_in("import", str(later), check=0)
        self.assertIn("0 created, 0 updated, 1 unchanged, 0 skipped", r.err)

    def test_an_organisations_own_entry_adds_to_the_notes_of_a_client_already_there(self):
        self.crm_in("add-client", "Northern Water", "--tag", "water", "--note", "Panel member.",
                    check=0)
        r = self.imported("google_new.csv")
        self.assertRegex(r.out, r"updated\s+northern-water\s+Northern Water: 1 contact added "
                                r"\(Tom Lee\); notes added")
        water = self.client("northern-water")
        self.assertEqual(water["notes"], "Panel member.\nHead office switchboard\n"
                                         "phone (work): +61 3 5555 0000")
        self.assertEqual(water["tags"], ["water"])  # its own tags stay as they were
        r = self.imported("google_new.csv")
        self.assertIn("0 created, 0 updated, 2 unchanged", r.err)

    def test_options_apply_to_the_clients_import_creates_and_due_stays_quiet(self):
        self.crm_in("add-client", "Northern Water", "--stage", "client", check=0)
        r = self.imported("google_30.vcf", "--every", "never", "--owner", "Bob Jones",
                          "--stage", "prospect", "--tag", "imported", "--tag", "phone")
        self.assertIn("1 created, 1 updated", r.err)
        grace = self.client("grace-ho")
        self.assertEqual(grace["every"], "never")
        self.assertEqual(grace["owner"], "Bob Jones")
        self.assertEqual(grace["stage"], "prospect")
        self.assertEqual(grace["tags"], ["imported", "phone"])
        water = self.client("northern-water")  # it was there: its own values stay
        self.assertEqual(water["stage"], "client")
        self.assertNotIn("every", water)
        due = self.crm_in("due", "--within", "3650d", check=0)
        self.assertNotIn("Grace Ho", due.out)

    def test_reimport_of_every_file_changes_nothing(self):
        files = ["google_old.csv", "google_new.csv", "google_30.vcf", "outlook.csv",
                 "outlook_1252.csv", "outlook_21.vcf", "android_21.vcf", "apple_30.vcf",
                 "nextcloud_30.vcf", "nextcloud_40.vcf", "thunderbird_40.vcf", "thunderbird.csv",
                 "linkedin_Connections.csv", "google_two_johns.csv"]
        for name in files:
            self.imported(name)
        self.assert_checked()
        before = self.commit_count()
        snapshot = {p: p.read_bytes() for p in (self.dir / "clients").rglob("*.yaml")}
        for name in files:
            r = self.imported(name)
            self.assertRegex(r.err, r"0 created, 0 updated, \d+ unchanged, 0 skipped", name)
        self.assertEqual(self.commit_count(), before)
        self.assertEqual({p: p.read_bytes() for p in (self.dir / "clients").rglob("*.yaml")},
                         snapshot)

    def test_group_cards_are_no_clients_and_uids_are_kept(self):
        r = self.imported("nextcloud_30.vcf")
        self.assertIn("1 created", r.err)
        self.assertIn("1 group card not imported (a group is no client): Kunden", r.err)
        self.assertIn("not imported: ADR (1 card)", r.err)
        lena = self.client("stadtwerke-nord")["contacts"][0]
        self.assertEqual(lena["uid"], "5b0e6a4e-4d8f-4b1b-9d67-2f0a6c1e7a11")
        self.assertEqual(lena["role"], "Leiterin Netze")
        r = self.imported("nextcloud_40.vcf")
        self.assertIn("1 group card not imported (a group is no client): Ports", r.err)
        self.assertIn("not imported: X-SOCIALPROFILE (1 card), PHOTO (1 card)", r.err)
        self.assertEqual(self.clients(), ["gulf-ports-authority", "stadtwerke-nord"])
        gulf = self.client("gulf-ports-authority")
        self.assertEqual(gulf["tags"], ["Ports", "Clients"])
        omar = gulf["contacts"][0]
        self.assertEqual(omar, {"name": "Omar Haddad", "role": "Engineering Manager",
                                "email": "omar.haddad@gulfports.example",
                                "phone": "+971-4-555-0199",
                                "uid": "0c9a7b52-31f4-4f8e-a3c1-7d4e2b9f6a80"})

    def test_apple_groups_labels_and_named_drops(self):
        r = self.imported("apple_30.vcf")
        self.assertIn("not imported: ADR (1 card), X-SOCIALPROFILE (1 card), PHOTO (1 card), "
                      "URL (1 card)", r.err)
        siobhan = self.client("harbour-pike-architects")["contacts"][0]
        self.assertEqual(siobhan["email"], "siobhan@harbourpike.example")
        self.assertIn("e-mail (home): siobhan.obrien@mail.example", siobhan["notes"])

    def test_thunderbird_vcard_and_csv_are_one_person(self):
        r = self.imported("thunderbird_40.vcf")
        self.assertIn("not imported: URL (1 card), BDAY (1 card)", r.err)
        anna = self.client("kustverket")["contacts"][0]
        self.assertEqual(anna, {
            "name": "Anna Berg", "role": "Projektledare", "email": "anna.berg@kustverket.example",
            "phone": "+46 8 123 45 67",
            "notes": "Träffades på Almedalen.\ne-mail: anna@berg.example\n"
                     "phone (cell): +46 70 765 43 21".replace("(cell)", "(mobile)"),
            "uid": "2b7e9e0c-6c6e-4a52-9d0e-3f1a5b7c9d11"})
        r = self.imported("thunderbird.csv")
        self.assertIn("columns not imported: Work Address, Work City, Work ZipCode, Work Country, "
                      "Web Page 1, Birth Year, Birth Month, Birth Day, Custom 1", r.err)
        self.assertIn("0 created, 1 updated, 0 unchanged", r.err)  # the department is new
        anna = self.client("kustverket")["contacts"][0]
        self.assertIn(f"role (import {TODAY}): Projektledare, Projekt", anna["notes"])

    def test_linkedin_connections_preamble_skipped(self):
        r = self.imported("linkedin_Connections.csv")
        self.assertIn("2 created", r.err)
        self.assertIn("columns not imported: URL, Connected On", r.err)
        priya = self.client("raman-consulting")["contacts"][0]
        self.assertEqual(without_uid(priya), {"name": "Priya Raman", "role": "Director",
                                              "email": "priya@raman.example"})
        marcus = self.client("acme-engineering-pty-ltd")["contacts"][0]
        self.assertEqual(without_uid(marcus), {"name": "Marcus Webb", "role": "Senior Engineer"})

    def test_files_of_another_kind_are_named_for_what_they_are(self):
        xlsx = self.tmp / "contacts.xlsx"
        xlsx.write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 40)
        r = self.crm_in("import", str(xlsx), check=1)
        self.assertEqual(r.err.splitlines()[0],
                         f"crm: error: '{xlsx}' is an Excel workbook, not contacts or a calendar")
        self.assertIn("save it as CSV", r.err)
        eml = self.tmp / "message.eml"
        eml.write_text("Return-Path: <a@b.example>\nFrom: A <a@b.example>\nSubject: hi\n\nhi\n")
        r = self.crm_in("import", str(eml), check=1)
        self.assertIn("is a mail message", r.err)
        self.assertIn("crm log-email reads it", r.err)
        self.assertEqual(self.clients(), [])


class BadInputTest(ContactsTestCase):
    def test_hostile_cells_are_text_and_nothing_crm_refuses_is_written(self):
        path = self.tmp / "hostile.csv"
        path.write_bytes(
            "First Name,Last Name,Organization Name,Notes,E-mail 1 - Value\n"
            "\"=HYPERLINK(\"\"http://x.example\"\")\",Evil,../../etc/passwd,\"=cmd|' /C calc'!A0\","
            "evil@x.example\n"
            "Bell\x07,Ring\x1b[31m,.git,ok,bell@x.example\n".encode())
        r = self.crm_in("import", str(path), check=0)
        self.assertNotIn("\x1b", r.out + r.err)  # shown safe on a terminal
        self.assertEqual(self.clients(), ["etc-passwd", "git"])
        evil = self.client("etc-passwd")
        self.assertEqual(evil["name"], "../../etc/passwd")
        self.assertEqual(evil["contacts"][0]["name"], '=HYPERLINK("http://x.example") Evil')
        self.assertEqual(evil["contacts"][0]["notes"], "=cmd|' /C calc'!A0")
        # Text is kept exactly, control characters too: data, never instructions.
        self.assertEqual(self.client("git")["contacts"][0]["name"], "Bell\x07 Ring\x1b[31m")
        self.assert_checked()
        # And a spreadsheet opening the export runs no formula.
        rows = list(csv.DictReader(io.StringIO(self.crm_in("export", "--format", "csv").out)))
        self.assertEqual(rows[0]["contact"], '\'=HYPERLINK("http://x.example") Evil')

    def assert_nothing_written(self, before):
        self.assertEqual(self.clients(), [])
        self.assertEqual(self.commit_count(), before)

    def test_a_huge_value_is_refused_with_its_line(self):
        path = self.tmp / "huge.csv"
        path.write_text("First Name,Organization Name,Notes\nAnn,Fine Co,ok\n"
                        f"Bob,Big Co,{'x' * 5_000_000}\n", encoding="utf-8")
        before = self.commit_count()
        r = self.crm_in("import", str(path), check=1)
        self.assertRegex(r.err, rf"crm: error: {re.escape(str(path))}:3: a value of 4882 KiB is "
                                r"too large for a record")
        self.assert_nothing_written(before)

    def test_invalid_utf8_inside_utf8_is_refused_with_its_line(self):
        path = self.tmp / "mixed.csv"
        path.write_bytes("First Name,Organization Name\nZoë,Café\nBad,\xff\xfe Co\n".encode("utf-8")
                         .replace(b"\xc3\xbf\xc3\xbe", b"\xff\xfe"))
        before = self.commit_count()
        r = self.crm_in("import", str(path), check=1)
        self.assertIn(f"{path}:3: this line is not UTF-8, though the rest of the file is", r.err)
        self.assert_nothing_written(before)

    def test_an_unknown_charset_and_a_truncated_vcard(self):
        path = self.tmp / "koi.vcf"
        path.write_bytes(b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=KOI8-R:\xf0\xc5\xd4\xd2\r\n"
                         b"END:VCARD\r\n")
        before = self.commit_count()
        r = self.crm_in("import", str(path), check=1)
        self.assertIn(f"{path}:3: CHARSET=KOI8-R is not a character set crm reads", r.err)
        cut = self.tmp / "cut.vcf"
        cut.write_bytes((DATA / "apple_30.vcf").read_bytes()[:900])
        r = self.crm_in("import", str(cut), check=1)
        self.assertRegex(r.err, rf"{re.escape(str(cut))}:\d+: this vCard has no END:VCARD")
        self.assert_nothing_written(before)

    def test_a_row_with_more_cells_than_the_header_is_a_named_skip(self):
        path = self.tmp / "long.csv"
        path.write_text("First Name,Organization Name,E-mail 1 - Value\n"
                        "Ann,Fine Co,ann@fine.example\n"
                        "Bob,Odd Co,bob@odd.example,extra,cells\n", encoding="utf-8")
        r = self.crm_in("import", str(path), check=0)
        self.assertIn(f"{path}:3: more cells than the header has columns: row skipped", r.err)
        self.assertEqual(self.clients(), ["fine-co"])


class UidTest(ContactsTestCase):
    def test_uids_are_written_at_creation_and_checked(self):
        self.crm_in("add-client", "Acme", "--contact", "Jane Doe <jane@acme.example>", check=0)
        self.crm_in("contact", "add", "acme", "Tom Lee <tom@acme.example>", check=0)
        jane, tom = self.client("acme")["contacts"]
        self.assertRegex(jane["uid"], UUID)
        self.assertRegex(tom["uid"], UUID)
        self.assertNotEqual(jane["uid"], tom["uid"])
        text = (self.dir / "clients/acme/client.yaml").read_text()
        self.write("clients/acme/client.yaml", text.replace(tom["uid"], "not-a-uuid"))
        r = self.crm_in("check", check=1)
        self.assertRegex(r.out + r.err, r"clients/acme/client.yaml:\d+:\d+: contacts: uid 'not-a-uuid' is "
                                r"not a UUID")


class VCardExportTest(ContactsTestCase):
    def setUp(self):
        super().setUp()
        self.crm_in("add-client", "Acme Engineering", "--contact",
                    "Jane Doe <jane@acme.example>", "--tag", "civil", "--tag", "roads, bridges",
                    check=0)
        self.crm_in("contact", "add", "acme-engineering", "Zoë Mary Adler <zoe@acme.example>",
                    "--role", "Director; Projects", "--phone", "+61 2 5555 0100",
                    "--note", "Line one, with a comma\nLine two: " + "long " * 20, check=0)
        self.crm_in("add-client", "Beta Pty", "--contact", "Bo Li <bo@beta.example>", check=0)

    def uids(self):
        return {c["name"]: c["uid"] for slug in self.clients()
                for c in self.client(slug).get("contacts", [])}

    def test_vcard_on_stdout_read_by_vobject(self):
        r = self.crm_in("export", "--format", "vcard", check=0)
        for line in r.out.split("\n"):  # CRLF, read as text
            self.assertLessEqual(len(line.encode()), 75, line)
        cards = {c["fn"]: c for c in read_cards(r.out)}
        uids = self.uids()
        zoe = cards["Zoë Mary Adler"]
        self.assertEqual(zoe["version"], "4.0")
        self.assertEqual(zoe["uid"], f"urn:uuid:{uids['Zoë Mary Adler']}")
        self.assertEqual(zoe["n"], ["Adler", "Zoë", "Mary"])
        self.assertEqual(zoe["org"], ["Acme Engineering"])
        self.assertEqual(zoe["title"], "Director; Projects")
        self.assertEqual(zoe["email"], "zoe@acme.example")
        self.assertEqual(zoe["tel"], "+61 2 5555 0100")
        self.assertEqual(zoe["note"], "Line one, with a comma\nLine two: " + "long " * 20)  # kept exactly, trailing space too
        self.assertEqual(zoe["categories"], ["civil", "roads, bridges"])
        self.assertEqual(cards["Bo Li"]["org"], ["Beta Pty"])
        self.assertNotIn("categories", cards["Bo Li"])

    def khard(self, vdir, *args):
        conf = self.home / ".config" / "khard"
        conf.mkdir(parents=True, exist_ok=True)
        (conf / "khard.conf").write_text(
            f"[addressbooks]\n[[crm]]\npath = {vdir}\n\n[general]\ndefault_action = list\n")
        proc = subprocess.run(["khard", *args], capture_output=True, text=True, env=self.env,
                              timeout=60)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        return proc.stdout

    def test_vdir_for_khard_stable_through_rename_merge_and_a_new_email(self):
        vdir = self.tmp / "contacts"
        vdir.mkdir()
        (vdir / "mine.vcf").write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Mine\r\nN:;Mine;;;\r\n"
                                       "UID:mine\r\nEND:VCARD\r\n")
        r = self.crm_in("export", "--format", "vcard", "--vdir", str(vdir), check=0)
        uids = self.uids()
        self.assertEqual(sorted(p.name for p in vdir.iterdir()),
                         sorted([f"{u}.vcf" for u in uids.values()] + ["mine.vcf"]))
        listed = self.khard(vdir, "email", "--parsable")
        self.assertIn("jane@acme.example\tJane Doe", listed)
        self.assertIn("zoe@acme.example\tZoë Mary Adler", listed)
        shown = self.khard(vdir, "show", "--format", "yaml", "Zoë")
        self.assertIn("Director; Projects", shown)
        self.assertIn("Acme Engineering", shown)
        self.crm_in("rename", "beta-pty", "Beta Holdings", "--slug", check=0)
        self.crm_in("contact", "set", "acme-engineering", "Jane", "email", "jane.doe@acme.example",
                    check=0)
        self.crm_in("merge", "acme-engineering", "beta-holdings", check=0)
        self.assertEqual(self.uids(), uids)
        self.crm_in("contact", "rm", "acme-engineering", "Bo Li", check=0)
        r = self.crm_in("export", "--format", "vcard", "--vdir", str(vdir), check=0)
        self.assertIn("1 removed", r.err)
        left = sorted(p.name for p in vdir.iterdir())
        self.assertEqual(left, sorted([f"{uids['Jane Doe']}.vcf", f"{uids['Zoë Mary Adler']}.vcf",
                                       "mine.vcf"]))
        jane = read_cards((vdir / f"{uids['Jane Doe']}.vcf").read_text())[0]
        self.assertEqual(jane["email"], "jane.doe@acme.example")
        self.assertTrue((vdir / f"{uids['Jane Doe']}.vcf").read_bytes().endswith(b"END:VCARD\r\n"))
        self.assertEqual((vdir / "mine.vcf").read_bytes(),
                         b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Mine\r\nN:;Mine;;;\r\nUID:mine\r\n"
                         b"END:VCARD\r\n")

    def test_contacts_without_a_uid_get_one_in_a_commit_of_their_own(self):
        self.write("clients/old/client.yaml", "name: Old Co\nstage: client\ncontacts:\n"
                   "  - name: Pat Old  # hand-written\n    email: pat@old.example\n")
        self.git("add", "-A")
        self.git("commit", "-q", "-m", "hand-written")
        r = self.crm_in("export", "--format", "vcard", check=0)
        self.assertEqual(self.last_commit_message(), "contacts: uids for vCard export")
        self.assertEqual(self.last_commit_files(), ["clients/old/client.yaml"])
        pat = self.client("old")["contacts"][0]
        self.assertRegex(pat["uid"], UUID)
        self.assertIn("# hand-written", (self.dir / "clients/old/client.yaml").read_text())
        self.assertIn(f"UID:urn:uuid:{pat['uid']}", r.out)
        before = self.commit_count()
        self.crm_in("export", "--format", "vcard", check=0)
        self.assertEqual(self.commit_count(), before)

    def test_a_vdir_imports_into_another_folder_as_the_same_people(self):
        vdir = self.tmp / "vdir"
        self.crm_in("export", "--format", "vcard", "--vdir", str(vdir), check=0)
        uids = self.uids()
        other = self.tmp / "other"
        self.crm("init", str(other), check=0)
        r = self.crm("--dir", str(other), "import", str(vdir), check=0)
        self.assertIn("2 created", r.err)
        acme = yaml_load(other / "clients/acme-engineering/client.yaml")
        self.assertEqual({c["name"]: c["uid"] for c in acme["contacts"]},
                         {"Jane Doe": uids["Jane Doe"], "Zoë Mary Adler": uids["Zoë Mary Adler"]})
        self.assertEqual(acme["tags"], ["civil", "roads, bridges"])
        r = self.crm("--dir", str(other), "import", str(vdir), check=0)
        self.assertIn("0 created, 0 updated, 2 unchanged", r.err)

    def test_options_that_do_not_go_together(self):
        r = self.crm_in("export", "--format", "json", "--vdir", str(self.tmp / "v"), check=2)
        self.assertIn("--vdir is for --format vcard", r.err)
        r = self.crm_in("export", "--format", "vcard", "--what", "visits", check=2)
        self.assertIn("--what is for --format csv", r.err)

    def test_a_client_file_that_cannot_take_a_uid_holds_back_only_its_contacts(self):
        hand = "name: Flow Co\ncontacts: [Ann Flow]   # flow style: crm does not rewrite it\n"
        self.write("clients/flow-co/client.yaml", hand)
        self.git("add", "-A")
        self.git("commit", "-q", "-m", "hand-written")
        r = self.crm_in("export", "--format", "vcard", check=0)
        self.assertIn("clients/flow-co/client.yaml: no uid given (cannot change", r.err)
        self.assertEqual(sorted(c["fn"] for c in read_cards(r.out)),
                         ["Bo Li", "Jane Doe", "Zoë Mary Adler"])
        self.assertEqual((self.dir / "clients/flow-co/client.yaml").read_text(), hand)

    def test_a_vcard_export_imports_back_as_the_same_people(self):
        out = self.crm_in("export", "--format", "vcard", check=0).out
        (self.tmp / "all.vcf").write_text(out)
        r = self.crm_in("import", str(self.tmp / "all.vcf"), check=0)
        self.assertIn("0 created, 0 updated, 2 unchanged, 0 skipped", r.err)


class CsvRoundTripTest(ContactsTestCase):
    def test_crm_csv_export_imports_into_an_empty_folder_as_the_same_json(self):
        self.crm_in("add-client", "Acme, \"Engineering\"", "--contact", "Jane Doe <jane@acme.example>",
                    "--contact", "Tom Lee", "--tag", "civil", "--tag", "=1+1", "--every", "21d",
                    "--owner", "Bob Jones", "--tier", "A", "--note", "Line one\nline two, \"q\"",
                    check=0)
        self.crm_in("contact", "set", "acme-engineering", "Jane", "notes", "Broncos fan\n-2 kids",
                    check=0)
        self.crm_in("set", "acme-engineering", "ratings.potential", "4", check=0)
        self.crm_in("set", "acme-engineering", "stage", "prospect", check=0)
        self.crm_in("watch", "acme-engineering", "Bob Jones", check=0)
        text = (self.dir / "clients/acme-engineering/client.yaml").read_text()
        self.write("clients/acme-engineering/client.yaml", text + "abn: 51 824 753 556\n")
        self.crm_in("add-client", "Solo", check=0)
        before = json.loads(self.crm_in("export", "--format", "json", check=0).out)
        exported = self.crm_in("export", "--format", "csv", check=0).out
        rows = list(csv.DictReader(io.StringIO(exported)))
        self.assertEqual(rows[0]["custom.abn"], "51 824 753 556")
        self.assertEqual(rows[0]["tags"], "civil;=1+1")
        self.assertEqual(rows[0]["contact_notes"], "Broncos fan\n-2 kids")
        (self.tmp / "backup.csv").write_text(exported)
        other = self.tmp / "other"
        self.crm("init", str(other), check=0)
        r = self.crm("--dir", str(other), "import", str(self.tmp / "backup.csv"), check=0)
        self.assertIn("2 created", r.err)
        after = json.loads(self.crm("--dir", str(other), "export", "--format", "json",
                                    check=0).out)
        self.assertEqual(after, before)


class QueryTest(ContactsTestCase):
    def test_mutt_query_format(self):
        self.crm_in("add-client", "Acme", "--contact", "Jane Doe <jane@acme.example>",
                    "--contact", "Tom Lee <tom@acme.example>", "--contact", "No Mail", check=0)
        self.crm_in("add-client", "Northern Water", "--contact", "Janet Roe <janet@nw.example>",
                    check=0)
        r = self.crm_in("query", "jan", check=0)
        self.assertEqual(r.out, "crm: 2 contacts matching 'jan'\n"
                                "jane@acme.example\tJane Doe\tAcme\n"
                                "janet@nw.example\tJanet Roe\tNorthern Water\n")
        r = self.crm_in("query", "ACME", check=0)
        self.assertEqual(r.out.splitlines()[1:], ["jane@acme.example\tJane Doe\tAcme",
                                                  "tom@acme.example\tTom Lee\tAcme"])
        r = self.crm_in("query", "nobody", check=1)
        self.assertEqual(r.out, "crm: no contact matches 'nobody'\n")


if __name__ == "__main__":
    unittest.main()
