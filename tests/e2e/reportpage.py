"""What the `crm report` tests share: a generated folder with its history, made once per
test class, the page read back by html_check.py, and the figures the terminal reports give
for the same folder (their JSON), worked into the page's tables."""
import json
import os
import subprocess
import sys
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import yaml

import report_folder
from harness import CrmTestCase

HERE = Path(__file__).resolve().parent
PERIOD = (date(2026, 10, 1), date(2026, 10, 31))  # the month before TODAY's
EOM = "2026-11-30"


def python_with_html5lib():
    """This Python when it has html5lib, else Debian's (python3-html5lib); None without."""
    for python in (sys.executable, "/usr/bin/python3"):
        if python and os.path.exists(python):
            probe = subprocess.run([python, "-c", "import html5lib"], capture_output=True)
            if probe.returncode == 0:
                return python
    return None


def check_html(test, path):
    """html_check.py's reading of the file (see there)."""
    python = python_with_html5lib()
    test.assertIsNotNone(python, "html5lib is missing: scripts/bootstrap installs python3-html5lib")
    proc = subprocess.run([python, str(HERE / "html_check.py"), str(path)], capture_output=True,
                          text=True)
    test.assertEqual(proc.returncode, 0, proc.stderr)
    return json.loads(proc.stdout)


def amount(x):
    """As crm's tables show money: digits grouped, cents only when there are any."""
    return f"{x:,.0f}" if round(x * 100) % 100 == 0 else f"{x:,.2f}"


def share(part, whole):
    return f"{(part * 100 + whole // 2) // whole}%" if whole > 0 else "-"


def day_month(d):
    return f"{d.day} {d.strftime('%b')}"


def person_of(item):
    """crm remind's rule: a promise or action is its maker's, the rest the owner's."""
    if item["type"] in ("promise", "action"):
        return item["by"].strip() or item["owner"].strip()
    return item["owner"].strip()


def label(person, team):
    if not person:
        return "(nobody)"
    return person if person in team else f"{person} (not in the team)"


class SharedFolderCase(CrmTestCase):
    """One generated folder with its history and its page for all the tests of a class."""

    @classmethod
    def setUpClass(cls):
        builder = CrmTestCase()
        builder.setUp()
        cls.addClassCleanup(builder.doCleanups)
        cls.shared = builder
        cls.make_folder(builder.dir)
        cls.expected = report_folder.replay_history(builder, builder.dir)
        cls.page = builder.tmp / "report.html"
        r = builder.crm_in("report", "-o", str(cls.page))
        assert r.code == 0, r

    @classmethod
    def make_folder(cls, root):
        report_folder.generate(root)

    def setUp(self):
        super().setUp()
        self.dir = self.shared.dir  # the shared folder; crm_in and git use it

    def json_of(self, *args):
        r = self.crm_in(*args, "--format", "json", check=0)
        return json.loads(r.out)

    def team(self):
        return [m["name"] for m in yaml.safe_load((self.dir / "crm.yaml").read_text())["team"]]

    # -- the tables the page should hold, from the terminal reports' JSON --------------
    def due_people(self):
        team = self.team()
        items = self.json_of("due", "--until", EOM)["items"]
        groups = {"contact": 3, "promise": 4, "action": 4, "follow-up": 5, "next-step": 6,
                  "rfp": 6}
        rows = defaultdict(lambda: [0] * 7)
        for i in items:
            row = rows[person_of(i)]
            row[1 if i["overdue"] else 2] += 1
            row[groups[i["type"]]] += 1
        return {label(p, team): [str(n) for n in row[1:]] for p, row in rows.items()}, items

    def visits(self):
        """Every visit file: (date, by)."""
        out = []
        for path in (self.dir / "clients").glob("*/visits/*.yaml"):
            v = yaml.safe_load(path.read_text(encoding="utf-8"))
            out.append((v["date"], (v.get("by") or "").strip()))
        return out

    def activity(self, since, until):
        monday = since - timedelta(days=since.weekday())
        weeks = []
        while monday <= until:
            weeks.append(monday)
            monday += timedelta(days=7)
        counts = defaultdict(lambda: [0] * len(weeks))
        for when, by in self.visits():
            if since <= when <= until:
                counts[by][(when - weeks[0]).days // 7] += 1
        return weeks, counts

    def names(self):
        return {p.parent.name: yaml.safe_load(p.read_text(encoding="utf-8"))["name"]
                for p in (self.dir / "clients").glob("*/client.yaml")}
