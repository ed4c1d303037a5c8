"""crm import of calendars (spec section 3, "Capture"): Google, Outlook and Thunderbird
exports and a khal/vdirsyncer vdir (tests/data/calendar, its README says where each
structure comes from) become kind: meeting visits with report: pending; recurrences,
exceptions and moved occurrences across the end of summer time; cancellations, skips,
idempotent re-import, moved events; due's report items and log-visit --meeting."""
import json
import os
import shutil
import subprocess
import unittest
from pathlib import Path

from capture import SLUGS, CaptureTestCase

DATA = Path(__file__).resolve().parents[1] / "data" / "calendar"
ACME = SLUGS["Acme Engineering"]
MUELLER = SLUGS["Müller & Söhne GmbH"]
SERIES = "3k9d2mf1q8v7c0acmeweekly@google.com"


class CalendarTestCase(CaptureTestCase):
    def setUp(self):
        super().setUp()
        # The events are in Europe/Berlin; crm's own zone must not decide their day.
        self.env["TZ"] = "UTC"

    def import_(self, path, *args, check=0):
        return self.crm_in("import", str(path), *args, check=check)

    def meetings(self, slug):
        """A client's meetings by their event id."""
        out = {}
        for name, v in self.visits(slug).items():
            if v.get("event"):
                v["file"] = name
                out[v["event"]] = v
        return out

    def summary_line(self, r):
        lines = [l for l in r.err.splitlines() if " logged" in l and ": skipped" not in l]
        self.assertTrue(lines, r.err)
        return lines[-1]


class GoogleTest(CalendarTestCase):
    def test_a_series_across_the_end_of_summer_time(self):
        r = self.import_(DATA / "google.ics")
        m = self.meetings(ACME)
        # Weekly on Thursdays from 15 October, 09:00 in Berlin: 22 October excluded, 29
        # October moved to the Friday at 14:00, 12 November cancelled, 3 December ahead.
        # The RECURRENCE-ID is the occurrence's UTC time: 07:00Z in summer, 08:00Z after.
        self.assertEqual(sorted(m), [f"{SERIES};RECURRENCE-ID={t}" for t in (
            "20261015T070000Z", "20261029T080000Z", "20261105T080000Z", "20261119T080000Z",
            "20261126T080000Z")])
        moved = m[f"{SERIES};RECURRENCE-ID=20261029T080000Z"]
        self.assertEqual(str(moved["date"]), "2026-10-30")
        self.assertTrue(moved["file"].startswith("2026-10-30-"), moved["file"])
        self.assertEqual(moved["where"], "Acme depot, Botany")
        first = m[f"{SERIES};RECURRENCE-ID=20261015T070000Z"]
        self.assertEqual(first, {
            "date": first["date"], "by": "Alice Smith", "kind": "meeting",
            "where": "Acme, 12 Harbour St, Level 3", "with": ["Jane Doe"],
            "subject": "Acme weekly sync", "event": first["event"], "report": "pending",
            "file": first["file"]})
        self.assertEqual(str(first["date"]), "2026-10-15")
        self.assertIn("1 cancelled, 1 not over yet", r.err)

    def test_single_events_take_the_calendars_zone_for_their_day(self):
        self.import_(DATA / "google.ics")
        site = self.only_visit(MUELLER)
        self.assertEqual(str(site["date"]), "2026-11-17")
        self.assertEqual(site["by"], "Bob Jones")
        self.assertEqual(site["with"], ["Jürgen Müller"])
        self.assertEqual(site["where"], "Werk 2, Augsburg")
        self.assertEqual(site["event"], "7hq2lm0s9d1muellersite@google.com")
        # 23:30 UTC on the 18th is half past midnight on the 19th in Berlin.
        late = self.only_visit(SLUGS["Brick Co"])
        self.assertEqual(str(late["date"]), "2026-11-19")
        self.assertNotIn("where", late)

    def test_summary_commit_and_check(self):
        r = self.import_(DATA / "google.ics")
        self.assertEqual(
            self.summary_line(r),
            "crm: 7 meetings logged, 3 skipped: 1 cancelled, 1 not over yet, 1 no client")
        # Skips that come back on every run are counted; a dry run names them.
        self.assertNotIn("Dentist", r.err)
        self.assertEqual(self.last_commit_message(),
                         "import: 7 meetings at 3 clients from google.ics")
        self.assertEqual(len(self.last_commit_files()), 7)
        self.assertEqual(len(r.out.split()), 7)
        self.assertCheckClean()

    def test_importing_again_changes_nothing(self):
        self.import_(DATA / "google.ics")
        count = self.commit_count()
        before = {p: p.read_bytes() for p in (self.dir / "clients").rglob("*.yaml")}
        r = self.import_(DATA / "google.ics")
        # Nothing new: nothing said, so that an hourly cron job mails only news.
        self.assertEqual((r.out, r.err), ("", ""))
        r = self.import_(DATA / "google.ics", "--dry-run")
        self.assertIn("0 meetings logged, 10 skipped: 1 cancelled, 1 not over yet, "
                      "1 no client, 7 already logged; dry run", r.err)
        self.assertIn("skipped, already logged (2026-11-17 'Site visit: Müller & Söhne')",
                      r.err)
        self.assertEqual(self.commit_count(), count)
        self.assertEqual({p: p.read_bytes() for p in (self.dir / "clients").rglob("*.yaml")},
                         before)

    def test_dry_run_writes_nothing(self):
        count = self.commit_count()
        r = self.import_(DATA / "google.ics", "--dry-run")
        self.assertIn("report: pending", r.out)
        self.assertIn("dry run: nothing written", r.err)
        self.assertIn("google.ics: skipped, no client (2026-11-16 'Dentist')", r.err)
        self.assertIn("google.ics: skipped, not over yet (2026-12-03 'Acme phase 2 kickoff')",
                      r.err)
        self.assertEqual(self.commit_count(), count)
        self.assertEqual(self.meetings(ACME), {})


class OutlookThunderbirdTest(CalendarTestCase):
    def test_outlook_series_with_windows_zone_and_exdate(self):
        r = self.import_(DATA / "outlook.ics")
        m = self.meetings(SLUGS["Nihon Kogyo"])
        uid = ("040000008200E00074C5B7101A82E00800000000B0C1D2E3F4A5B6010000000000000000"
               "100000001A2B3C4D5E6F708192A3B4C5D6E7F8091")
        self.assertEqual(sorted(m), [f"{uid};RECURRENCE-ID={t}" for t in (
            "20261008T080000Z", "20261105T090000Z", "20261119T090000Z")])
        self.assertEqual(sorted(str(v["date"]) for v in m.values()),
                         ["2026-10-08", "2026-11-05", "2026-11-19"])
        one = next(iter(m.values()))
        self.assertEqual((one["with"], one["by"], one["where"], one["subject"]),
                         (["Yuki Tanaka"], "Alice Smith", "Microsoft Teams Meeting",
                          "Nihon Kogyo project review"))
        self.assertEqual(self.summary_line(r),
                         "crm: 3 meetings logged, 2 skipped: 1 in capture.never, "
                         "1 too many people")
        r = self.import_(DATA / "outlook.ics", "--dry-run")
        self.assertIn("'Client drinks': 6 people, more than max_recipients 5", r.err)
        self.assertIn("payroll@harbourpike.example is never logged", r.err)

    def test_thunderbird_declined_all_day_and_cancelled(self):
        r = self.import_(DATA / "thunderbird.ics")
        east = self.only_visit(SLUGS["East One"])
        self.assertEqual((str(east["date"]), east["by"], east["where"], east["with"]),
                         ("2026-11-24", "Bob Jones", "Café Central", ["Eve East"]))
        self.assertEqual(self.meetings(ACME), {})
        self.assertEqual(self.visits(SLUGS["Brick Co"]), {})
        self.assertEqual(self.summary_line(r),
                         "crm: 1 meeting logged, 3 skipped: 1 all-day, 1 cancelled, 1 declined")
        self.assertEqual(self.last_commit_message(),
                         "import: East One (2026-11-24 meeting) from thunderbird.ics")


class VdirTest(CalendarTestCase):
    def test_vdir_series_override_and_khal_event(self):
        r = self.import_(DATA / "vdir")
        m = self.meetings(MUELLER)
        uid = "c0ffee00-4d1e-4b5a-9c3e-5f7a9b1d3e50"
        self.assertEqual({k: str(v["date"]) for k, v in m.items()}, {
            f"{uid};RECURRENCE-ID=20260910T080000Z": "2026-09-10",
            f"{uid};RECURRENCE-ID=20261010T080000Z": "2026-10-12",
            f"{uid};RECURRENCE-ID=20261110T090000Z": "2026-11-10"})
        self.assertEqual(m[f"{uid};RECURRENCE-ID=20261010T080000Z"]["where"], "Online")
        tom = self.only_visit(ACME)
        # khal writes no organizer: the person importing was there.
        self.assertEqual((tom["by"], tom["with"], str(tom["date"])),
                         ("Alice Smith", ["Tom Lee"], "2026-11-25"))
        self.assertIn("4 meetings logged", r.err)
        self.assertCheckClean()

    def test_khal_reads_the_same_vdir(self):
        khal = shutil.which("khal")
        self.assertIsNotNone(khal, "khal is not installed (scripts/bootstrap installs it)")
        config = self.home / ".config" / "khal" / "config"
        config.parent.mkdir(parents=True)
        vdir = self.tmp / "calendar"
        shutil.copytree(DATA / "vdir", vdir)
        config.write_text(
            "[calendars]\n[[work]]\npath = %s\ntype = calendar\n"
            "[locale]\ntimeformat = %%H:%%M\ndateformat = %%Y-%%m-%%d\n"
            "longdateformat = %%Y-%%m-%%d\ndatetimeformat = %%Y-%%m-%%d %%H:%%M\n"
            "longdatetimeformat = %%Y-%%m-%%d %%H:%%M\nlocal_timezone = Europe/Berlin\n"
            "default_timezone = Europe/Berlin\n" % vdir)
        env = dict(self.env, XDG_CONFIG_HOME=str(self.home / ".config"),
                   XDG_DATA_HOME=str(self.home / ".local" / "share"))
        proc = subprocess.run([khal, "list", "--format", "{start} {title}", "2026-09-01", "100d"],
                              capture_output=True, text=True, env=env, timeout=60)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        lines = [l for l in proc.stdout.splitlines() if l[:4].isdigit()]
        self.assertEqual(lines, [
            "2026-09-10 10:00 Müller steering committee",
            "2026-10-12 10:00 Müller steering committee",
            "2026-11-10 10:00 Müller steering committee",
            "2026-11-25 16:00 Tom: drawings review"])
        # ... and crm imports the folder khal just read.
        r = self.import_(vdir)
        self.assertIn("4 meetings logged", r.err)


class MovedEventTest(CalendarTestCase):
    def copy(self, name="google.ics"):
        path = self.tmp / name
        shutil.copy(DATA / name, path)
        return path

    def test_a_moved_event_moves_its_pending_meeting(self):
        path = self.copy()
        self.import_(path)
        old = self.only_visit(MUELLER)
        text = path.read_bytes().replace(b"DTSTART:20261117T130000Z", b"DTSTART:20261116T130000Z")
        text = text.replace(b"DTEND:20261117T150000Z", b"DTEND:20261116T150000Z")
        text = text.replace(b"LOCATION:Werk 2\\, Augsburg", b"LOCATION:Werk 3\\, Augsburg")
        path.write_bytes(text)
        r = self.import_(path)
        new = self.only_visit(MUELLER)
        files = list(self.visits(MUELLER))
        self.assertEqual(len(files), 1)
        self.assertTrue(files[0].startswith("2026-11-16-"), files)
        self.assertEqual((str(new["date"]), new["where"], new["event"], new["report"]),
                         ("2026-11-16", "Werk 3, Augsburg", old["event"], "pending"))
        self.assertIn("1 moved", r.err)
        self.assertIn("import: Müller & Söhne GmbH (meeting moved to 2026-11-16)",
                      self.last_commit_message())
        status = self.git("show", "--name-status", "--format=", "HEAD")
        self.assertTrue(status.startswith("R"), status)
        self.assertCheckClean()

    def test_a_meeting_written_up_is_never_moved(self):
        path = self.copy()
        self.import_(path)
        self.crm_in("log-visit", "muller", "--meeting", "2026-11-17", "--discussed", "Plant 2",
                    check=0)
        before = {p: p.read_bytes() for p in (self.dir / "clients" / MUELLER).rglob("*.yaml")}
        path.write_bytes(path.read_bytes().replace(b"DTSTART:20261117T130000Z",
                                                   b"DTSTART:20261116T130000Z"))
        count = self.commit_count()
        r = self.import_(path)
        self.assertEqual(r.err, "")
        self.assertEqual(self.commit_count(), count)
        r = self.import_(path, "--dry-run")
        self.assertIn("skipped, written up already (2026-11-16 'Site visit: Müller & Söhne': "
                      f"clients/{MUELLER}/visits/2026-11-17-", r.err)
        after = {p: p.read_bytes() for p in (self.dir / "clients" / MUELLER).rglob("*.yaml")}
        self.assertEqual(after, before)

    def cancel_mueller(self, path):
        text = path.read_bytes()
        at = text.index(b"UID:7hq2lm0s9d1muellersite@google.com")
        status = text.index(b"STATUS:CONFIRMED", at)
        path.write_bytes(text[:status] + b"STATUS:CANCELLED" + text[status + 16:])

    def test_a_cancelled_event_takes_its_pending_meeting_away(self):
        path = self.copy()
        self.import_(path)
        [name] = list(self.visits(MUELLER))
        self.cancel_mueller(path)
        r = self.import_(path)
        self.assertEqual(self.visits(MUELLER), {})
        self.assertIn("1 cancelled and removed", r.err)
        self.assertIn(f"was cancelled; removed the pending meeting clients/{MUELLER}/visits/"
                      f"{name}", r.err)
        status = self.git("show", "--name-status", "--format=", "HEAD")
        self.assertEqual(status.split(), ["D", f"clients/{MUELLER}/visits/{name}"])
        self.assertCheckClean()
        # Cancelled and gone: importing again changes nothing.
        count = self.commit_count()
        self.import_(path)
        self.assertEqual(self.commit_count(), count)

    def test_a_cancelled_event_keeps_a_meeting_written_up(self):
        path = self.copy()
        self.import_(path)
        self.crm_in("log-visit", "muller", "--meeting", "2026-11-17", "--discussed", "Plant 2",
                    check=0)
        self.cancel_mueller(path)
        count = self.commit_count()
        r = self.import_(path, "--dry-run")
        self.assertIn("skipped, cancelled", r.err)
        self.import_(path)
        self.assertEqual(self.commit_count(), count)
        self.assertEqual(len(self.visits(MUELLER)), 1)


class DueAndWriteUpTest(CalendarTestCase):
    def setUp(self):
        super().setUp()
        self.import_(DATA / "google.ics")

    def due(self, *args):
        return json.loads(self.crm_in("due", "--format", "json", *args, check=0).out)

    def test_pending_meetings_are_report_items(self):
        items = [i for i in self.due()["items"] if i["type"] == "report"]
        acme = sorted(i["due"] for i in items if i["client"] == ACME)
        # report_within 2d after each meeting; all but the last are overdue on 30 November.
        self.assertEqual(acme, ["2026-10-17", "2026-11-01", "2026-11-07", "2026-11-21",
                                "2026-11-28"])
        one = next(i for i in items if i["client"] == MUELLER)
        self.assertEqual((one["what"], one["due"], one["overdue"]),
                         ("write up the meeting of 2026-11-17", "2026-11-19", True))
        table = self.crm_in("due", check=0).out
        self.assertIn("write up the meeting of 2026-11-26", table)

    def test_a_meeting_counts_as_contact(self):
        # Acme (tier A, 30 days) was met on 26 November: not due for contact, though its
        # reports are.
        items = self.due("--within", "14d")["items"]
        self.assertFalse([i for i in items if i["type"] == "contact" and i["client"] == ACME])
        self.assertTrue([i for i in items if i["type"] == "report" and i["client"] == ACME])

    def test_report_within_from_crm_yaml(self):
        path = self.dir / "crm.yaml"
        text = path.read_text(encoding="utf-8")
        self.assertIn("\nreport_within: 2d", text)
        path.write_text(text.replace("\nreport_within: 2d", "\nreport_within: 5d"),
                        encoding="utf-8")
        items = [i for i in self.due()["items"] if i["type"] == "report" and
                 i["client"] == MUELLER]
        self.assertEqual(items[0]["due"], "2026-11-22")

    def test_log_visit_meeting_fills_the_file_and_clears_pending(self):
        before = self.meetings(MUELLER)
        (event, old), = before.items()
        r = self.crm_in("log-visit", "muller", "--meeting", "2026-11-17", "--discussed",
                        "Plant 2 retrofit", "--promise", "Send the load tables by 2026-12-04",
                        "--next", "2026-12-15", check=0)
        path = f"clients/{MUELLER}/visits/{old['file']}"
        self.assertEqual(r.out.strip(), path)
        v = self.load(path)
        self.assertNotIn("report", v)
        self.assertEqual((v["event"], v["kind"], v["where"], v["with"], v["discussed"]),
                         (event, "meeting", "Werk 2, Augsburg", ["Jürgen Müller"],
                          ["Plant 2 retrofit"]))
        self.assertEqual(v["promises"], [{"what": "Send the load tables",
                                          "due": v["promises"][0]["due"]}])
        self.assertEqual(str(v["promises"][0]["due"]), "2026-12-04")
        self.assertEqual(self.last_commit_message(),
                         "log-visit: Müller & Söhne GmbH (2026-11-17 meeting written up)")
        self.assertEqual(self.last_commit_files(), [path])
        items = self.due("--within", "7d")["items"]
        self.assertFalse([i for i in items if i["type"] == "report" and i["client"] == MUELLER])
        self.assertTrue([i for i in items if i["type"] == "promise" and i["client"] == MUELLER])
        self.assertCheckClean()

    def test_log_visit_meeting_in_the_editor(self):
        (event, old), = self.meetings(MUELLER).items()
        script = self.tmp / "editor.py"
        script.write_text(
            "import sys\npath = sys.argv[1]\ntext = open(path, encoding='utf-8').read()\n"
            "assert 'report: pending' not in text, text\n"
            "assert 'where: Werk 2, Augsburg' in text, text\n"
            "text += 'discussed:\\n  - Crane hire\\n'\n"
            "open(path, 'w', encoding='utf-8').write(text)\n")
        self.crm_in("log-visit", "muller", "--meeting", old["file"], "--edit",
                    env={"EDITOR": f"python3 {script}"}, input="", check=0)
        v = self.load(f"clients/{MUELLER}/visits/{old['file']}")
        self.assertEqual((v["discussed"], v["event"]), (["Crane hire"], event))
        self.assertNotIn("report", v)

    def test_an_unchanged_template_keeps_it_pending(self):
        count = self.commit_count()
        r = self.crm_in("log-visit", "muller", "--meeting", "2026-11-17", "--edit",
                        env={"EDITOR": "true"}, input="", check=0)
        self.assertIn("stays pending", r.err)
        self.assertEqual(self.commit_count(), count)

    def test_meeting_refusals(self):
        r = self.crm_in("log-visit", "muller", "--meeting", "2026-11-18", "--discussed", "x",
                        check=1)
        self.assertIn("no meeting on 2026-11-18 waiting to be written up", r.err)
        self.assertIn("its pending meetings: 2026-11-17", r.err)
        r = self.crm_in("log-visit", "muller", "--meeting", "2026-11-17", input="", check=2)
        self.assertIn("nothing to write up", r.err)
        r = self.crm_in("log-visit", "muller", "--meeting", "2026-11-17", "--date", "2026-11-17",
                        "--discussed", "x", check=2)
        self.assertIn("--date and --meeting cannot go together", r.err)
        r = self.crm_in("log-visit", "muller", "-", "--meeting", "2026-11-17", input="x: 1\n",
                        check=2)
        self.assertIn("- (a visit on standard input) and --meeting cannot go together", r.err)
        self.crm_in("log-visit", "muller", "--meeting", "2026-11-17", "--discussed", "x", check=0)
        r = self.crm_in("log-visit", "muller", "--meeting", "2026-11-17", "--discussed", "y",
                        check=1)
        self.assertIn("written up already", r.err)


class BadInputTest(CalendarTestCase):
    def write_ics(self, name, text):
        path = self.tmp / name
        path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
        return path

    def event(self, body, uid="x1@test.example"):
        return ("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\nBEGIN:VEVENT\n"
                + (f"UID:{uid}\n" if uid else "") + body +
                "ORGANIZER:mailto:alice@harbourpike.example\n"
                "ATTENDEE;CN=Jane Doe:mailto:jane@acme.example\nSUMMARY:Test\n"
                "END:VEVENT\nEND:VCALENDAR\n")

    def assertNothingWritten(self, count):
        self.assertEqual(self.commit_count(), count)
        self.assertEqual(self.visits(ACME), {})

    def test_truncated_and_non_calendar_files(self):
        count = self.commit_count()
        text = (DATA / "google.ics").read_bytes()
        cut = self.tmp / "cut.ics"
        cut.write_bytes(text[: len(text) // 2])
        r = self.import_(cut, check=1)
        self.assertEqual(len(r.err.strip().splitlines()), 2, r.err)  # the error and its hint
        self.assertIn("cut short: it does not end with END:VCALENDAR", r.err)
        other = self.tmp / "notes.ics"
        other.write_text("Meeting notes\n")
        r = self.import_(other, check=1)
        self.assertIn("is not a calendar", r.err)
        self.assertNothingWritten(count)

    def test_events_without_uid_or_dtstart_and_unknown_zones_are_named(self):
        path = self.write_ics("bad.ics", (
            "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n"
            "BEGIN:VEVENT\nSUMMARY:No uid\nDTSTART:20261110T090000Z\n"
            "ATTENDEE:mailto:jane@acme.example\nEND:VEVENT\n"
            "BEGIN:VEVENT\nUID:nostart@test.example\nSUMMARY:No start\n"
            "ATTENDEE:mailto:jane@acme.example\nEND:VEVENT\n"
            "BEGIN:VEVENT\nUID:mars@test.example\nDTSTART;TZID=Mars/Olympus:20261110T090000\n"
            "ATTENDEE:mailto:jane@acme.example\nEND:VEVENT\n"
            "BEGIN:VEVENT\nUID:good@test.example\nDTSTART:20261110T090000Z\n"
            "DTEND:20261110T100000Z\nATTENDEE;CN=Jane Doe:mailto:jane@acme.example\n"
            "END:VEVENT\nEND:VCALENDAR\n"))
        r = self.import_(path)
        self.assertIn("'No uid': no UID", r.err)
        self.assertIn("UID nostart@test.example: no DTSTART", r.err)
        self.assertIn("UID mars@test.example: DTSTART: unknown time zone 'Mars/Olympus'", r.err)
        self.assertEqual(list(self.meetings(ACME)), ["good@test.example"])
        self.assertIn("3 unreadable event", r.err)
        self.assertCheckClean()

    def test_a_record_crm_check_would_refuse_is_not_written(self):
        big = "x" * (1100 * 1024)  # a title larger than crm reads a record
        path = self.write_ics("big.ics", (
            "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n"
            "BEGIN:VEVENT\nUID:big@test.example\nDTSTART:20261110T090000Z\n"
            f"DTEND:20261110T100000Z\nSUMMARY:{big}\n"
            "ATTENDEE;CN=Jane Doe:mailto:jane@acme.example\nEND:VEVENT\n"
            "BEGIN:VEVENT\nUID:small@test.example\nDTSTART:20261111T090000Z\n"
            "DTEND:20261111T100000Z\nSUMMARY:Small\n"
            "ATTENDEE;CN=Jane Doe:mailto:jane@acme.example\nEND:VEVENT\nEND:VCALENDAR\n"))
        r = self.import_(path, check=1)
        self.assertIn("skipped, refused by crm check", r.err)
        self.assertEqual(list(self.meetings(ACME)), ["small@test.example"])
        self.assertCheckClean()

    def test_an_rrule_without_end_stops_at_today(self):
        path = self.write_ics("daily.ics", self.event(
            "DTSTART:20261101T090000Z\nDTEND:20261101T093000Z\nRRULE:FREQ=DAILY\n"))
        self.import_(path)
        dates = sorted(str(v["date"]) for v in self.meetings(ACME).values())
        self.assertEqual(len(dates), 30)
        self.assertEqual((dates[0], dates[-1]), ("2026-11-01", "2026-11-30"))

    def test_rdates_add_occurrences(self):
        # RFC 5545 3.8.5.2: RDATEs join DTSTART (and the RRULE's), EXDATE still takes out;
        # a date alone is that day at the series' time; later ones are not yet.
        path = self.write_ics("rdate.ics", self.event(
            "DTSTART:20261102T090000Z\nDTEND:20261102T093000Z\n"
            "RDATE:20261105T090000Z,20261109T090000Z\nRDATE;VALUE=DATE:20261112\n"
            "RDATE:20261225T090000Z\nEXDATE:20261109T090000Z\n"))
        self.import_(path)
        self.assertEqual(sorted(str(v["date"]) for v in self.meetings(ACME).values()),
                         ["2026-11-02", "2026-11-05", "2026-11-12"])
        path = self.write_ics("rrule-rdate.ics", self.event(
            "DTSTART:20261103T090000Z\nDTEND:20261103T093000Z\n"
            "RRULE:FREQ=WEEKLY;COUNT=2\nRDATE:20261110T090000Z,20261111T090000Z\n",
            uid="x2@test.example"))
        self.import_(path)
        dates = sorted(str(v["date"]) for k, v in self.meetings(ACME).items()
                       if k.startswith("x2@"))
        self.assertEqual(dates, ["2026-11-03", "2026-11-10", "2026-11-11"])

    def test_a_runaway_rule_is_a_named_skip(self):
        path = self.write_ics("minutely.ics", self.event(
            "DTSTART:20260101T000000Z\nDTEND:20260101T000100Z\nRRULE:FREQ=MINUTELY\n"))
        count = self.commit_count()
        r = self.import_(path)
        self.assertIn("more than 20000 occurrences up to today", r.err)
        self.assertNothingWritten(count)

    def test_ten_thousand_events_one_commit(self):
        # A busy year of a whole calendar: one event in ten with a client (writing ten
        # thousand files is log-email's benchmark, not a test's).
        events = []
        for n in range(10000):
            day = 1 + n % 28
            who = "jane@acme.example" if n % 10 == 0 else f"someone{n}@elsewhere.example"
            events.append(
                f"BEGIN:VEVENT\nUID:bulk-{n}@test.example\n"
                f"DTSTART:202610{day:02}T{8 + n % 10:02}{n % 60:02}00Z\n"
                f"DTEND:202610{day:02}T{9 + n % 10:02}{n % 60:02}00Z\n"
                f"ATTENDEE;CN=Someone:mailto:{who}\nSUMMARY:Bulk\nEND:VEVENT\n")
        path = self.write_ics("bulk.ics", "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//t//EN\n"
                              + "".join(events) + "END:VCALENDAR\n")
        count = self.commit_count()
        r = self.import_(path)
        self.assertIn("1000 meetings logged, 9000 skipped: 9000 no client", r.err)
        self.assertEqual(self.commit_count(), count + 1)
        self.assertEqual(len(list((self.dir / "clients" / ACME / "visits").glob("*.yaml"))),
                         1000)


if __name__ == "__main__":
    unittest.main()
