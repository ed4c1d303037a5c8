"""crm due against a second, deliberately simple implementation of spec section 3.

Random folders (fixed seeds, so a failure can be replayed) are written as YAML by hand;
the model below reads the same facts from the generator, never from crm.
"""
import calendar
import datetime as dt
import json
import random
import shutil
import unittest

from harness import CrmTestCase

TODAY = dt.date(2026, 11, 23)
TIERS = {"A": ("d", 30), "B": ("d", 60), "C": ("d", 120)}
STAGES = ["lead", "prospect", "proposal", "client", "former", "lost"]
INACTIVE = {"former", "lost"}
RATINGS = ["angry", "unhappy", "neutral", "happy", "elated"]


def add(date, unit, n):
    if unit == "d":
        return date + dt.timedelta(days=n)
    if unit == "w":
        return date + dt.timedelta(weeks=n)
    months = n if unit == "m" else 12 * n
    y, m = divmod(date.month - 1 + months, 12)
    y += date.year
    m += 1
    return dt.date(y, m, min(date.day, calendar.monthrange(y, m)[1]))


def model_due(clients, end):
    items = []
    for c in clients:
        visits = sorted(c["visits"], key=lambda v: (v["date"], v["file"]))
        # An inactive stage stops contact reminders only: promises, actions and
        # follow-ups stay due.
        if c["stage"] in INACTIVE:
            cadence = None
        elif c["every"] is not None:
            cadence = None if c["every"] == "never" else c["every"]
        else:
            cadence = TIERS.get(c["tier"] or "B", TIERS["B"])
        if cadence is not None:
            if visits:
                last = visits[-1]
                nxt = last["next"] or add(last["date"], *cadence)
            else:
                nxt = c["since"]
            if nxt <= end:
                items.append(("contact", c["slug"], nxt, None))
        for v in visits:
            for kind in ("promise", "action"):
                for it in v[kind + "s"]:
                    if it["done"] is None and it["due"] is not None and it["due"] <= end:
                        items.append((kind, c["slug"], it["due"], it["what"]))
        for r in c["reviews"]:
            if r["rating"] in ("angry", "unhappy") and not any(v["date"] > r["date"] for v in visits):
                due = r["date"] + dt.timedelta(days=7)
                if due <= end:
                    items.append(("follow-up", c["slug"], due, None))
    return items


class Generator:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def date(self, lo=-200, hi=60):
        return TODAY + dt.timedelta(days=self.r.randint(lo, hi))

    def maybe_date(self, p=0.6, lo=-120, hi=40):
        return self.date(lo, hi) if self.r.random() < p else None

    def items(self, kind, n):
        out = []
        for i in range(n):
            due = self.maybe_date(0.85)
            done = self.date(-60, 0) if self.r.random() < 0.3 else None
            out.append({"what": f"{kind} {i} {self.r.randint(0, 10**6)}", "due": due, "done": done})
        return out

    def folder(self):
        clients = []
        for n in range(self.r.randint(1, 7)):
            every = self.r.choice([None, None, None, "never", ("d", self.r.randint(1, 90)),
                                   ("w", self.r.randint(1, 8)), ("m", self.r.randint(1, 4)),
                                   ("y", 1)])
            c = {"slug": f"client-{n}", "stage": self.r.choice(STAGES),
                 "tier": self.r.choice(["A", "B", "C", None, "Z"]), "every": every,
                 "since": self.date(-400, 10), "visits": [], "reviews": []}
            for k in range(self.r.randint(0, 4)):
                c["visits"].append({
                    "file": f"{self.date().isoformat()}-v{k}.yaml", "date": None,
                    "next": self.maybe_date(0.3, -30, 60),
                    "promises": self.items("promise", self.r.randint(0, 3)),
                    "actions": self.items("action", self.r.randint(0, 2))})
                c["visits"][-1]["date"] = dt.date.fromisoformat(c["visits"][-1]["file"][:10])
            for k in range(self.r.randint(0, 2)):
                c["reviews"].append({"date": self.date(-90, 0), "rating": self.r.choice(RATINGS),
                                     "k": k})
            clients.append(c)
        return clients


def unit_text(every):
    return "never" if every == "never" else f"{every[1]}{every[0]}"


class DuePropertyTest(CrmTestCase):
    def write_folder(self, clients):
        for c in clients:
            lines = [f"name: Client {c['slug']}", f"stage: {c['stage']}",
                     f"since: {c['since'].isoformat()}"]
            if c["tier"]:
                lines.append(f"tier: {c['tier']}")
            if c["every"] is not None:
                lines.append(f"every: {unit_text(c['every'])}")
            self.write(f"clients/{c['slug']}/client.yaml", "\n".join(lines) + "\n")
            for v in c["visits"]:
                text = f"date: {v['date'].isoformat()}\nby: Someone\n"
                for kind in ("promises", "actions"):
                    if v[kind]:
                        text += f"{kind}:\n"
                        for it in v[kind]:
                            text += f"  - what: {it['what']}\n"
                            if it["due"]:
                                text += f"    due: {it['due'].isoformat()}\n"
                            if it["done"]:
                                text += f"    done: {it['done'].isoformat()}\n"
                if v["next"]:
                    text += f"next_contact: {v['next'].isoformat()}\n"
                self.write(f"clients/{c['slug']}/visits/{v['file']}", text)
            for r in c["reviews"]:
                self.write(f"clients/{c['slug']}/reviews/{r['date'].isoformat()}-r{r['k']}.yaml",
                           f"date: {r['date'].isoformat()}\nproject: P\nrating: {r['rating']}\n")

    def test_random_folders_match_the_model(self):
        self.init()
        settings = (self.dir / "crm.yaml").read_text()
        for seed in range(40):
            with self.subTest(seed=seed):
                shutil.rmtree(self.dir / "clients", ignore_errors=True)
                gen = Generator(seed)
                clients = gen.folder()
                self.write("crm.yaml", settings)
                self.write_folder(clients)
                if gen.r.random() < 0.5:
                    days = gen.r.randint(0, 60)
                    args, end = ["--within", f"{days}d"], TODAY + dt.timedelta(days=days)
                else:
                    # Often exactly on an item's date, to test the window's last day.
                    dates = [d for _, _, d, _ in model_due(clients, dt.date(2100, 1, 1))]
                    end = gen.r.choice(dates) if dates and gen.r.random() < 0.7 else gen.date(-20, 60)
                    args = ["--until", end.isoformat()]
                out = self.crm_in("due", "--format", "json", *args, check=0).out
                got = json.loads(out)["items"]
                got_keys = sorted((i["type"], i["client"], i["due"],
                                   i["what"] if i["type"] in ("promise", "action") else None)
                                  for i in got)
                want = sorted((t, c, d.isoformat(), w) for t, c, d, w in model_due(clients, end))
                self.assertEqual(got_keys, want)
                dues = [i["due"] for i in got]
                self.assertEqual(dues, sorted(dues))
                for i in got:
                    self.assertEqual(i["overdue"], i["due"] < TODAY.isoformat())


if __name__ == "__main__":
    unittest.main()
