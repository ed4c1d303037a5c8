"""A whole backup in CSV (issue 25): `crm export --format csv` of clients, visits, reviews
and opportunities, imported into an empty folder, gives the same JSON export; importing the
four files again changes nothing; bad rows are named with their lines, and nothing is
half-written."""
import csv
import io
import json
import shutil
import unittest

import yaml

from harness import CrmTestCase

KINDS = ("clients", "visits", "reviews", "opportunities")

# Text a spreadsheet, a CSV writer or crm's list cells could get wrong.
QUOTES = 'He said "yes", then "no"'
LINES = "line one\nline two, with a comma\n\nline four"
SEMI = "scope; budget; timing"
CJK = "山田建設との打合せ（第二期）"
FORMULA = '=HYPERLINK("http://evil.example","click")'
MINUS = "-2 kids"
QUOTED_FORMULA = "'=already quoted"


def stdin_yaml(record):
    return yaml.safe_dump(record, allow_unicode=True, sort_keys=False)


class BackupCase(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.init()

    def export_csv(self, folder, what):
        r = self.crm("--dir", str(folder), "export", "--format", "csv", "--what", what,
                     check=0)
        path = self.tmp / f"{what}.csv"
        path.write_text(r.out, encoding="utf-8", newline="")
        return path

    def export_json(self, folder):
        return json.loads(self.crm("--dir", str(folder), "export", "--format", "json",
                                   check=0).out)

    def import_into(self, folder, path, check=0):
        return self.crm("--dir", str(folder), "import", str(path), check=check)

    def empty_folder(self, name="restored"):
        folder = self.tmp / name
        self.crm("init", str(folder), check=0)
        return folder

    def commits(self, folder):
        return self.git("rev-list", "--count", "HEAD", cwd=folder).strip()

    def status(self, folder):
        return self.git("status", "--porcelain", "--untracked-files=all", cwd=folder)

    def rows(self, path):
        return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))

    def visit(self, client, record, *extra):
        r = self.crm_in("log-visit", client, "-", *extra, input=stdin_yaml(record), check=0)
        return r.out.strip()


class WholeBackupTest(BackupCase):
    def setUp(self):
        super().setUp()
        self.crm_in("add-client", 'Acme, "Engineering"', "--contact",
                    "Jane Doe <jane@acme.example>", "--contact", "Tom Lee", "--tag", "civil",
                    "--tag", "roads; bridges",
                    "--owner", "Bob Jones", "--tier", "A", "--note", LINES, check=0)
        self.crm_in("add-client", "山田建設株式会社", "--contact", "山田 太郎 <taro@yamada.example>",
                    check=0)
        self.crm_in("add-client", "Solo Pty Ltd", check=0)
        # Renamed, it keeps its slug; the backup restores that slug, and its records find it.
        self.crm_in("rename", "solo-pty-ltd", "Solo & Sons", check=0)
        self.visit("solo-pty-ltd", {"date": "2026-11-19", "kind": "lunch"})
        self.acme = "acme-engineering"
        self.yamada = json.loads(self.crm_in("list", "--format", "json", check=0).out)
        self.yamada = next(c["slug"] for c in self.yamada if c["name"] == "山田建設株式会社")
        self.visit(self.acme, {
            "date": "2026-11-20", "kind": "meeting", "where": QUOTES, "initiated_by": "client",
            "with": ["Jane Doe", "Tom Lee", "山田 太郎"],
            "discussed": [SEMI, QUOTES, LINES, CJK, FORMULA, "ends with;", ";starts with"],
            "new_topics": [MINUS, QUOTED_FORMULA, "+61 2 5555 0100", "@home"],
            "promises": [
                {"what": "Send statement", "due": "2026-11-30", "done": "2026-11-21"},
                {"what": "Call back (due soon)"},
                {"what": "Quote v2; then v3", "due": "2026-12-04"},
            ],
            "actions": [{"what": "Ask Bob (due 2026-12-01)", "due": "2026-12-05"},
                        {"what": "Book the room ()", "done": "2026-11-22"}],
            "next_contact": "2026-12-15",
            "mood": "tense; then better",
            "notes": f"{QUOTES}\n{LINES}\n{CJK}\n{FORMULA}\n",
        })
        self.visit(self.acme, {
            "date": "2026-11-18", "kind": "email", "subject": f"Re: {SEMI}", "direction": "in",
            "message_id": "abc.123@acme.example", "in_reply_to": "xyz@harbourpike.example",
            "attachments": [{"name": "scope (v2); final.pdf", "size": 12345,
                             "file": f"clients/{self.acme}/files/2026-11-18-scope-v2.pdf"},
                            {"name": "notes.txt", "size": 7}],
            "notes": "Thanks; see attached.\n",
        })
        self.visit(self.yamada, {
            "date": "2026-11-10", "kind": "meeting", "event": "evt-1@calendar.example",
            "report": "pending", "with": ["山田 太郎"], "where": CJK,
        })
        self.visit(self.yamada, {"date": "2026-11-12", "kind": "call", "notes": MINUS})
        for rating, project in (("angry", "Culvert"), ("unhappy", "Bridge; stage 1"),
                                ("neutral", CJK), ("happy", QUOTES), ("elated", FORMULA)):
            self.crm_in("review", self.acme, "--date", "2026-11-01", "--project", project,
                        "--rating", rating, "--why", LINES, "--went-well", SEMI,
                        "--went-well", "Weekly reports", "--improve", QUOTED_FORMULA,
                        "--testimonial", QUOTES, "--referral", "Tom Lee at Northern Water",
                        check=0)
        self.crm_in("review", self.yamada, "--project", "Depot", "--rating", "happy", check=0)

        def opportunity(title, *args, client=self.acme):
            return self.crm_in("opportunity", "add", client, title, *args, check=0).out.strip()

        opportunity("Depot expansion", "--value", "180000", "--engaged", "2026-10-02",
                    "--rfp", "2027-03-01", "--decision", "2027-05-15",
                    "--next-step", "Site walk; with the manager by 2026-12-10", "--note", LINES)
        opportunity("Bridge retrofit (stage 2)", "--stage", "rfp", "--value", "12500.50",
                    "--probability", "35")
        opportunity(CJK, "--stage", "proposal", "--rfp", "2027-01-10", client=self.yamada)
        opportunity(FORMULA, "--stage", "negotiation", "--owner", "Bob Jones")
        opportunity("Won one", "--value", "90000", "--engaged", "2026-01-05")
        self.crm_in("opportunity", "won", self.acme, "Won one", "--value", "95000", "--date",
                    "2026-11-02", check=0)
        opportunity("Lost one", "--engaged", "2026-02-05")
        self.crm_in("opportunity", "lost", self.acme, "Lost one", "--reason", f"price; {QUOTES}",
                    "--date", "2026-11-03", check=0)
        self.crm_in("check", check=0)
        self.assertEqual(self.status(self.dir), "")

    def test_four_csv_files_restore_the_whole_folder_and_again_change_nothing(self):
        before = self.export_json(self.dir)
        files = {what: self.export_csv(self.dir, what) for what in KINDS}
        # The tricky values are in the files as a spreadsheet shows them.
        self.assertEqual({row["tags"] for row in self.rows(files["clients"])
                          if row["slug"] == self.acme}, {"civil;roads;; bridges"})
        visits = self.rows(files["visits"])
        meeting = next(row for row in visits if row["kind"] == "meeting"
                       and row["client"] == self.acme)
        self.assertIn("scope;; budget;; timing; ", meeting["discussed"])
        self.assertEqual(meeting["promises"], "Send statement (due 2026-11-30, done 2026-11-21); "
                                              "Call back (due soon) (); "
                                              "Quote v2;; then v3 (due 2026-12-04)")
        self.assertEqual(meeting["custom.mood"], "tense; then better")
        self.assertEqual(meeting["new_topics"], f"'{MINUS}; {QUOTED_FORMULA}; +61 2 5555 0100; @home")
        for row in visits + self.rows(files["reviews"]) + self.rows(files["opportunities"]):
            for cell in row.values():
                self.assertFalse(cell and cell[0] in "=+-@\t\r", cell)
        self.assertEqual(len(self.rows(files["reviews"])), 6)
        self.assertEqual(sorted(row["stage"] for row in self.rows(files["opportunities"])),
                         ["lost", "negotiation", "pre-scoping", "proposal", "rfp", "won"])

        restored = self.empty_folder()
        summaries = {"clients": "3 created, 0 updated, 0 unchanged, 0 skipped",
                     "visits": "visits: 5 created, 0 unchanged, 0 skipped",
                     "reviews": "reviews: 6 created, 0 unchanged, 0 skipped",
                     "opportunities": "opportunities: 6 created, 0 unchanged, 0 skipped"}
        for what in KINDS:
            r = self.import_into(restored, files[what])
            self.assertIn(summaries[what], r.err)
            self.assertNotIn("warning", r.err)
        self.assertEqual(self.git("log", "-1", "--format=%s", cwd=restored).strip(),
                         "import: 6 opportunities from opportunities.csv")
        self.assertEqual(self.export_json(restored), before)
        self.crm("--dir", str(restored), "check", check=0)
        # The restored folder exports the same four files.
        for what in KINDS:
            self.assertEqual(self.export_csv(restored, what).read_text(encoding="utf-8"),
                             files[what].read_text(encoding="utf-8"), what)

        commits = self.commits(restored)
        for what in KINDS:
            r = self.import_into(restored, files[what])
            self.assertIn("0 created", r.err)
            self.assertEqual(r.out if what != "clients" else "", "")
        self.assertEqual(self.commits(restored), commits)
        self.assertEqual(self.status(restored), "")
        self.assertEqual(self.export_json(restored), before)

    def test_restored_into_the_folder_it_came_from_nothing_changes(self):
        commits = self.commits(self.dir)
        for what in KINDS[1:]:
            r = self.import_into(self.dir, self.export_csv(self.dir, what))
            self.assertRegex(r.err, rf"{what}: 0 created, \d+ unchanged, 0 skipped")
        self.assertEqual(self.commits(self.dir), commits)


class ExampleBackupTest(BackupCase):
    """The example folder's records (56 visits, reviews, every kind of opportunity) through
    CSV into a folder with its clients but no record gives the same JSON."""

    def test_the_example_records_restore_exactly(self):
        source = self.tmp / "source"
        shutil.rmtree(self.dir)
        self.copy_example()
        self.dir.rename(source)
        restored = self.tmp / "crm"
        shutil.copytree(source, restored, ignore=shutil.ignore_patterns(
            "visits", "reviews", "opportunities", ".git"))
        self.git("init", "-q", cwd=restored)
        self.git("add", "-A", cwd=restored)
        self.git("commit", "-q", "-m", "clients only", cwd=restored)
        for what in KINDS[1:]:
            r = self.import_into(restored, self.export_csv(source, what))
            self.assertRegex(r.err, rf"{what}: [1-9]\d* created, 0 unchanged, 0 skipped")
        self.assertEqual(self.export_json(restored), self.export_json(source))


class BadRowsTest(BackupCase):
    def setUp(self):
        super().setUp()
        self.crm_in("add-client", "Acme", check=0)
        self.first = self.visit("acme", {"date": "2026-11-20", "notes": "First."})
        self.visit("acme", {"date": "2026-11-21", "notes": "Second."})
        self.table = self.export_csv(self.dir, "visits")
        self.lines = self.table.read_text(encoding="utf-8").split("\n")
        self.other = self.empty_folder()
        self.crm("--dir", str(self.other), "add-client", "Acme", check=0)
        self.commits_before = self.commits(self.other)

    def with_rows(self, *rows):
        path = self.tmp / "bad.csv"
        path.write_text("\r\n".join([self.lines[0], *rows, ""]), encoding="utf-8", newline="")
        return path

    def visit_files(self):
        return sorted(p.name for p in (self.other / "clients/acme/visits").glob("*"))\
            if (self.other / "clients/acme/visits").exists() else []

    def assert_nothing_written(self):
        self.assertEqual(self.commits(self.other), self.commits_before)
        self.assertEqual(self.status(self.other), "")
        self.assertEqual(self.visit_files(), [])

    def test_a_row_with_more_cells_than_the_header_is_a_named_skip(self):
        r = self.import_into(self.other, self.with_rows(self.lines[1] + ",extra", self.lines[2]))
        self.assertIn("bad.csv:2: more cells than the header has columns: row skipped", r.err)
        self.assertIn("visits: 1 created, 0 unchanged, 1 skipped", r.err)
        self.assertEqual(len(self.visit_files()), 1)

    def test_a_file_name_that_is_a_path_is_never_written_outside(self):
        row = self.lines[1].replace(self.first, "../x.yaml")
        self.assertNotEqual(row, self.lines[1])
        path = self.with_rows(row)
        r = self.import_into(self.other, path)
        self.assertIn("bad.csv:2: '../x.yaml' is not a name crm gives a visit: a name of "
                      "crm's instead", r.err)
        self.assertIn("visits: 1 created", r.err)
        [name] = self.visit_files()
        self.assertRegex(name, r"^2026-11-20-alice-smith-[0-9a-f]{6}\.yaml$")
        self.assertEqual(sorted(p.name for p in self.other.glob("**/x.yaml")), [])
        self.assertFalse((self.tmp / "x.yaml").exists())
        # Imported again, it is the same visit: no second copy.
        commits = self.commits(self.other)
        r = self.import_into(self.other, path)
        self.assertIn("visits: 0 created, 1 unchanged, 0 skipped", r.err)
        self.assertEqual(self.commits(self.other), commits)
        for bad in ("clients/acme/visits/../x.yaml", "clients/other/visits/2026-11-20-a.yaml",
                    ".2026-11-20-a.yaml", "-2026.yaml", "2026-11-20-A B.yaml"):
            r = self.import_into(self.other, self.with_rows(self.lines[1].replace(self.first, bad)))
            self.assertIn(f"'{bad}' is not a name crm gives a visit", r.err)

    def test_a_date_that_does_not_parse_is_an_error_at_its_line_and_nothing_is_written(self):
        bad = self.lines[2].replace("2026-11-21", "2026-13-01", 1)
        r = self.import_into(self.other, self.with_rows(self.lines[1], bad), check=1)
        self.assertIn("crm: error: ", r.err)
        self.assertIn("bad.csv:3: date '2026-13-01' is not a date", r.err)
        self.assertIn("nothing was written", r.err)
        self.assert_nothing_written()

    def test_a_huge_cell_is_refused_at_its_line_and_nothing_is_written(self):
        huge = self.lines[2].replace("Second.", "x" * (2 * 1024 * 1024))
        r = self.import_into(self.other, self.with_rows(self.lines[1], huge), check=1)
        self.assertIn("bad.csv:3: this visit would be a file crm refuses", r.err)
        self.assertLess(len(r.err), 2000)
        self.assert_nothing_written()

    def test_a_file_there_with_another_record_is_a_named_skip_never_overwritten(self):
        self.import_into(self.other, self.table)
        target = self.other / "clients/acme" / self.first.split("clients/acme/")[1]
        target.write_text(target.read_text().replace("First.", "Changed by hand."))
        self.git("commit", "-qam", "hand edit", cwd=self.other)
        commits = self.commits(self.other)
        r = self.import_into(self.other, self.table)
        self.assertIn(f"visits.csv:2: {self.first} is there with another visit: left as it is: "
                      "row skipped", r.err)
        self.assertIn("visits: 0 created, 1 unchanged, 1 skipped", r.err)
        self.assertIn("Changed by hand.", target.read_text())
        self.assertEqual(self.commits(self.other), commits)

    def test_a_client_the_folder_does_not_have_is_a_named_skip(self):
        row = self.lines[1].replace("acme,Acme,", "nobody,Nobody Ltd,", 1)
        r = self.import_into(self.other, self.with_rows(row, self.lines[2]))
        self.assertIn("bad.csv:2: no client 'nobody' (Nobody Ltd) in this folder", r.err)
        self.assertIn("visits: 1 created, 0 unchanged, 1 skipped", r.err)

    def test_a_table_of_another_crm_is_named_for_what_differs_never_read_as_clients(self):
        rows = list(csv.reader(io.StringIO(self.table.read_text(encoding="utf-8"), newline="")))
        at = rows[0].index("report")
        older = self.tmp / "older.csv"
        with older.open("w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows([row[:at] + row[at + 1:] + (["x"] if i == 0 else [""])
                                     for i, row in enumerate(rows)])
        r = self.import_into(self.other, older, check=1)
        self.assertIn("older.csv:1: the header is nearly that of crm's table of visits, without "
                      "report and with x", r.err)
        self.assert_nothing_written()
        self.assertEqual(self.crm("--dir", str(self.other), "list", "-q", check=0).out, "acme\n")

    def test_dry_run_names_what_it_would_write_and_writes_nothing(self):
        r = self.crm("--dir", str(self.other), "import", str(self.table), "--dry-run", check=0)
        self.assertEqual(r.out.split(), sorted(self.lines[i].split(",")[-1]
                                               for i in (1, 2)))
        self.assertIn("visits: 2 created, 0 unchanged, 0 skipped; dry run: nothing written",
                      r.err)
        self.assert_nothing_written()

    def test_options_for_new_clients_are_refused_with_a_table_of_records(self):
        r = self.crm("--dir", str(self.other), "import", str(self.table), "--owner", "Bob",
                     check=2)
        self.assertIn("--owner is for the clients an import creates", r.err)
        self.assert_nothing_written()


if __name__ == "__main__":
    unittest.main()
