#!/usr/bin/env python3
"""Generate a taskwarrior 2.6 data folder to compare `crm due` against (spec section 6).

    python3 bench/gen_tasks.py OUTDIR

Writes OUTDIR/pending.data (2,000 pending tasks, due around 2026-11-23),
OUTDIR/completed.data (50,000 completed tasks over ten years) and OUTDIR/taskrc.
The data files are written directly in taskwarrior's own line format, as
`task add` / `task done` write them, which is much faster than 52,000 `task add`s.

Run the comparison command as:

    task rc:OUTDIR/taskrc due

Taskwarrior has no built-in `due` report, so the taskrc defines one with crm's meaning:
pending tasks overdue or due within 7 days of 2026-11-23, soonest first. The window is
a fixed date, not "now + 7 days", so the output does not depend on the day it runs.
"""

import datetime as dt
import os
import random
import sys
import uuid

SEED = 20261125
PENDING = 2_000
COMPLETED = 50_000
TODAY = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)
WINDOW_END = "2026-12-01"  # exclusive: due by the end of 2026-11-30, as `crm due`

PROJECTS = ["Acme", "Northern Water", "Harbour Council", "Redgum Builders",
            "Summit Legal", "Granite Mining", "Cedar Health", "Admin", "Marketing"]
TAGS = ["call", "email", "visit", "promise", "invoice", "proposal", "report", "urgent"]
VERBS = ["Call", "Email", "Send", "Review", "Prepare", "Check", "Book", "Update"]
OBJECTS = ["capability statement", "fee proposal", "site visit", "revised drawings",
           "cost estimate", "invoice", "progress report", "insurance certificate",
           "meeting notes", "tender documents"]
ANNOTATIONS = ["Left a voicemail", "Waiting on their reply", "Draft is in the shared folder",
               "Asked Bob for figures"]

# `due` is our report; everything else keeps taskwarrior from prompting, colouring,
# or rewriting the data files (gc, recurrence, hooks), so that every run of the
# benchmark reads exactly the same files and does the same work.
TASKRC = """\
data.location={data}
confirmation=no
verbose=nothing
color=off
gc=off
recurrence=off
hooks=off
news.version=2.6.0
report.due.description=Overdue or due within 7 days (what crm due reports)
report.due.columns=id,due,project,tags,description
report.due.labels=ID,Due,Project,Tags,Description
report.due.filter=status:pending and due.before:{window_end}
report.due.sort=due+
"""


def epoch(moment):
    return str(int(moment.timestamp()))


class TaskWriter:
    def __init__(self, rng):
        self.rng = rng

    def _base(self, entry):
        """Attributes common to pending and completed tasks."""
        rng = self.rng
        attrs = {
            "description": f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}",
            "entry": epoch(entry),
            "project": rng.choice(PROJECTS),
            "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        }
        tags = rng.sample(TAGS, rng.randint(0, 2))
        if tags:
            # taskwarrior 2.6 writes both the list and one tags_<name> marker per tag
            attrs["tags"] = ",".join(tags)
            attrs.update({f"tags_{tag}": "x" for tag in tags})
        if rng.random() < 0.2:
            when = entry + dt.timedelta(hours=rng.randint(1, 48))
            attrs[f"annotation_{epoch(when)}"] = rng.choice(ANNOTATIONS)
        return attrs

    def pending(self):
        due = TODAY + dt.timedelta(days=self.rng.randint(-60, 60), hours=self.rng.randint(0, 8))
        entry = due - dt.timedelta(days=self.rng.randint(1, 90))
        attrs = self._base(entry)
        attrs.update(due=epoch(due), modified=epoch(entry), status="pending")
        return attrs

    def completed(self):
        entry = TODAY - dt.timedelta(days=self.rng.randint(1, 3650), minutes=self.rng.randint(0, 1440))
        end = entry + dt.timedelta(days=self.rng.randint(0, 30))
        attrs = self._base(entry)
        if self.rng.random() < 0.6:
            attrs["due"] = epoch(end + dt.timedelta(days=self.rng.randint(-5, 10)))
        attrs.update(end=epoch(end), modified=epoch(end), status="completed")
        return attrs


def line(attrs):
    """One task in taskwarrior's FF4 format: sorted name:"value" pairs in brackets.
    Our values never contain '"' or '\\', so no escaping is needed."""
    return "[" + " ".join(f'{k}:"{v}"' for k, v in sorted(attrs.items())) + "]\n"


def main(argv):
    if len(argv) != 2:
        sys.exit(f"usage: {argv[0]} OUTDIR")
    outdir = os.path.abspath(argv[1])
    os.makedirs(outdir, exist_ok=True)
    writer = TaskWriter(random.Random(SEED))
    with open(os.path.join(outdir, "pending.data"), "w") as f:
        f.writelines(line(writer.pending()) for _ in range(PENDING))
    with open(os.path.join(outdir, "completed.data"), "w") as f:
        f.writelines(line(writer.completed()) for _ in range(COMPLETED))
    with open(os.path.join(outdir, "taskrc"), "w") as f:
        f.write(TASKRC.format(data=outdir, window_end=WINDOW_END))


if __name__ == "__main__":
    main(sys.argv)
