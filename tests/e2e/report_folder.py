"""Folders for the report tests: a small generated firm, and a git history for a folder
that has only its final files (the example), so that "what changed" has commits to read.

`generate(root)` writes a folder of spec section 2 from a fixed seed: a team of three, an
owner outside the team, a client nobody owns; visits, promises, reviews and opportunities
over the year before 2026-11-23; and hostile text where the page must escape it (markup,
quotes, a script tag, a line too long to wrap, CJK and right-to-left names).

`replay_history(case, root)` commits the folder's files as they might have been written:
each client.yaml on its `since` day (in the stage before its own when it has a later
`stage_since`, then as it is on that day), each record on the day its name starts with,
an opportunity that was won or lost first as open and then as it is on its `won`/`lost`
day. Each commit is authored on its day, by the record's author or the client's owner.
It returns the changes it made, as the report should tell them.
"""
import json
import random
import re
import subprocess
from datetime import date, timedelta
from pathlib import Path

TODAY = date(2026, 11, 23)
TEAM = ["Alice Smith", "Bob Jones", "Chloe Nguyen"]
OUTSIDER = "Dana Wu"  # owns clients, but is not in crm.yaml's team
STAGES = ["lead", "prospect", "proposal", "client", "former", "lost"]
BEFORE = {"prospect": "lead", "proposal": "prospect", "client": "proposal", "former": "client",
          "lost": "proposal"}
KINDS = ["visit", "call", "meeting", "email", "lunch", "event", "other"]
RATINGS = ["angry", "unhappy", "neutral", "happy", "elated"]

NAMES = ["Acme Engineering", "Harbour Board", "Northern Water", "Riverside Council",
         "Müller & Söhne GmbH", "日本建設株式会社", "شركة المياه", "Kestrel <Law> & \"Partners\"",
         "<script>alert('x')</script> Pty Ltd", "Westbridge Civil", "Lakeside School",
         "Coastal Rail", "Summit Geotechnical", "Greenfield Solar", "Tanaka Kensetsu",
         "Brightwater Developments", "Clearwater Co-op", "Meridian Ports", "Harlow Architects",
         "Hollis & Grant", "Orchard Health", "Pioneer Mining", "Quayside Retail",
         "Redgum Timber", "Saltbush Farms", "Tidewater Marine", "Upland Energy",
         "Vantage Towers", "Wattle Schools", "Yarra " + "Infrastructure" * 6]
HOSTILE_TEXT = ["</blockquote><img src=\"http://evil.example/x.png\"> & more",
                "url(http://evil.example/a.css) @import 'x.css'",
                "a \"quoted\" <b>bold</b> note",
                "Straightforward, responsive and on budget.",
                "Best consultant we've used."]


def q(text):
    """A YAML double-quoted scalar (JSON's string syntax is YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def slugify(name, fallback="client"):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40].strip("-") or fallback


class Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.suffix = 0

    def day(self, first, last):
        span = (last - first).days
        return first + timedelta(days=self.rng.randint(0, max(span, 0)))

    def file_name(self, when, author):
        self.suffix += 1
        return f"{when.isoformat()}-{slugify(author) or 'x'}-{self.suffix:06x}.yaml"

    def client(self, i, name):
        r = self.rng
        stage = r.choice(STAGES[:4] * 3 + STAGES[4:])
        since = self.day(date(2025, 1, 6), date(2026, 10, 25))
        owner = r.choice(TEAM * 6 + [OUTSIDER, ""])
        text = f"name: {q(name)}\nstage: {stage}\n"
        if r.random() < 0.8:
            text += f"tier: {r.choice('AABBC')}\n"
        if r.random() < 0.1:
            text += "every: 14d\n"
        text += f"owner: {q(owner)}\nsince: {since}\n" if owner else f"since: {since}\n"
        if stage != "lead" and r.random() < 0.8:
            stage_since = self.day(since, TODAY - timedelta(days=1))
            text += f"stage_since: {stage_since}\n"
        roll = r.random()
        if roll < 0.8:
            p, c, f = (r.randint(1, 5) for _ in range(3))
            text += f"ratings: {{potential: {p}, compatibility: {c}, profitability: {f}}}\n"
        elif roll < 0.9:
            text += f"ratings: {{potential: {r.randint(1, 5)}}}\n"
        text += f"contacts:\n  - name: {q('Contact ' + str(i))}\n    email: c{i}@example.com\n"
        return text, since, owner

    def visit(self, when, author):
        r = self.rng
        text = f"date: {when}\nby: {q(author)}\nkind: {r.choice(KINDS)}\n"
        if r.random() < 0.5:
            text += "promises:\n"
            for k in range(r.randint(1, 2)):
                due = when + timedelta(days=r.randint(3, 40))
                text += f"  - what: {q(r.choice(HOSTILE_TEXT) + ' ' + str(k))}\n    due: {due}\n"
                if due < TODAY and r.random() < 0.5:
                    text += f"    done: {min(due, TODAY)}\n"
        if r.random() < 0.3:
            text += "actions:\n  - what: \"Ask for a cost estimate\"\n"
            text += f"    due: {when + timedelta(days=r.randint(1, 50))}\n"
        if r.random() < 0.3:
            text += f"next_contact: {when + timedelta(days=r.randint(7, 60))}\n"
        return text

    def review(self, when, author):
        r = self.rng
        text = (f"date: {when}\nby: {q(author)}\nproject: {q('Project ' + str(self.suffix))}\n"
                f"rating: {r.choice(RATINGS)}\n")
        if r.random() < 0.5:
            text += f"testimonial: {q(r.choice(HOSTILE_TEXT))}\n"
        if r.random() < 0.4:
            text += f"referrals: [{q('Referral ' + str(self.suffix))}]\n"
        return text

    def opportunity(self, logged, owner):
        r = self.rng
        text = f"title: {q('Opportunity ' + str(self.suffix))}\nby: {q(owner or 'Alice Smith')}\n"
        value = r.choice([None, 25000, 48000, 120000, 260000.5])
        if value is not None:
            text += f"value: {value}\n"
        text += f"engaged: {logged + timedelta(days=r.randint(-60, 10))}\n"
        if r.random() < 0.8:
            text += f"rfp_expected: {logged + timedelta(days=r.randint(-20, 25))}\n"
        outcome = r.choice(["open", "open", "won", "lost"])
        decision = logged + timedelta(days=r.randint(30, 200))
        if outcome == "open":
            text = f"stage: {r.choice(['pre-scoping', 'rfp', 'proposal', 'negotiation'])}\n" + text
            if r.random() < 0.8:
                text += f"decision_expected: {decision}\n"
            if r.random() < 0.5:
                text += f"next_step: \"Call them\"\nnext_step_due: {TODAY + timedelta(days=r.randint(-20, 30))}\n"
        else:
            closed = min(decision, TODAY)
            text = f"stage: {outcome}\n" + text + f"decision_expected: {decision}\n"
            text += f"{outcome}: {closed}\n"
            if outcome == "lost":
                text += "lost_reason: price\n"
        return text


def generate(root, seed=28, clients=30):
    root = Path(root)
    g = Generator(seed)
    team = "".join(f"  - {{name: {m}, email: {m.split()[0].lower()}@firm.example}}\n" for m in TEAM)
    files = {"crm.yaml": "stages: [lead, prospect, proposal, client, former, lost]\n"
                         "inactive_stages: [former, lost]\nteam:\n" + team +
                         "mail:\n  from: crm@firm.example\n",
             ".gitignore": ".crm/\n"}
    for i, name in enumerate(NAMES[:clients]):
        slug = slugify(name, f"client-{chr(ord('a') + i % 26)}x")
        if any(k.startswith(f"clients/{slug}/") for k in files):
            slug = f"{slug}-{i}"
        text, since, owner = g.client(i, name)
        files[f"clients/{slug}/client.yaml"] = text
        for _ in range(g.rng.randint(0, 9)):
            when = g.day(max(since, date(2026, 3, 1)), TODAY)
            author = owner if owner and g.rng.random() < 0.7 else g.rng.choice(TEAM + [OUTSIDER])
            files[f"clients/{slug}/visits/{g.file_name(when, author)}"] = g.visit(when, author)
        for _ in range(g.rng.choice([0, 0, 1, 2])):
            when = g.day(max(since, date(2026, 1, 5)), TODAY)
            author = owner or TEAM[0]
            files[f"clients/{slug}/reviews/{g.file_name(when, author)}"] = g.review(when, author)
        for _ in range(g.rng.choice([0, 1, 1, 2])):
            logged = g.day(since, TODAY - timedelta(days=5))
            path = f"clients/{slug}/opportunities/{g.file_name(logged, owner or TEAM[0])}"
            files[path] = g.opportunity(logged, owner)
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def _field(text, key):
    found = re.search(rf"^{key}: *(.*)$", text, re.M)
    return found.group(1).strip().split("#")[0].strip().strip('"') if found else None


def _day(value):
    return date.fromisoformat(value) if value else None


def replay_history(case, root):
    """Commits the folder's files day by day (see the module's text); returns the changes
    as {"new": [(day, slug, stage, author)], "moves": [(day, slug, from, to, author)],
    "won": [(day, slug, title, author)], "lost": [...]}."""
    root = Path(root)
    steps = []  # (day, order, path, text, author)
    expected = {"new": [], "moves": [], "won": [], "lost": []}
    first = date(2099, 1, 1)
    for path in sorted(root.rglob("*.yaml")):
        rel = path.relative_to(root).as_posix()
        text = path.read_text(encoding="utf-8")
        parts = rel.split("/")
        if rel == "crm.yaml" or parts[0] != "clients":
            continue
        slug = parts[1]
        owner = _field((root / "clients" / slug / "client.yaml").read_text(encoding="utf-8"),
                       "owner") or "Test User"
        if parts[2] == "client.yaml":
            since, stage = _day(_field(text, "since")), _field(text, "stage")
            first = min(first, since)
            moved = _day(_field(text, "stage_since"))
            if moved and moved > since and stage in BEFORE:
                earlier = re.sub(r"^stage: .*$", f"stage: {BEFORE[stage]}", text, flags=re.M)
                earlier = re.sub(r"^stage_since: .*\n", "", earlier, flags=re.M)
                steps.append((since, 0, rel, earlier, owner))
                steps.append((moved, 1, rel, text, owner))
                expected["new"].append((since, slug, BEFORE[stage], owner))
                expected["moves"].append((moved, slug, BEFORE[stage], stage, owner))
            else:
                steps.append((since, 0, rel, text, owner))
                expected["new"].append((since, slug, stage, owner))
            continue
        logged = date.fromisoformat(parts[3][:10])
        author = _field(text, "by") or owner
        outcome = next((o for o in ("won", "lost") if _field(text, o)), None)
        if parts[2] == "opportunities" and outcome:
            closed = _day(_field(text, outcome))
            open_text = re.sub(r"^(won|lost|lost_reason): .*\n", "", text, flags=re.M)
            open_text = re.sub(r"^stage: .*$", "stage: proposal", open_text, flags=re.M)
            steps.append((logged, 2, rel, open_text, author))
            steps.append((max(closed, logged), 3, rel, text, author))
            expected[outcome].append((max(closed, logged), slug, _field(text, "title"), author))
        else:
            steps.append((logged, 2, rel, text, author))
    env = dict(case.env)

    def git(*args, **extra):
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True,
                       env={**env, **extra})

    git("init", "-q")
    for rel in ("crm.yaml", ".gitignore"):
        git("add", "--", rel)
    stamp = f"{first - timedelta(days=1)}T09:00:00+0000"
    git("commit", "-q", "-m", "crm init", GIT_AUTHOR_DATE=stamp, GIT_COMMITTER_DATE=stamp)
    originals = {rel: (root / rel).read_text(encoding="utf-8") for _, _, rel, _, _ in steps}
    steps.sort(key=lambda s: (s[0], s[1], s[2]))
    for when, _, rel, text, author in steps:
        (root / rel).write_text(text, encoding="utf-8")
        git("add", "--", rel)
        stamp = f"{when}T12:00:00+0000"
        git("commit", "-q", "-m", f"{rel}", GIT_AUTHOR_DATE=stamp, GIT_COMMITTER_DATE=stamp,
            GIT_AUTHOR_NAME=author or "Test User", GIT_COMMITTER_NAME="Test User")
    for rel, text in originals.items():
        case.assertEqual((root / rel).read_text(encoding="utf-8"), text)
    return expected


def in_period(expected, since, until):
    """The expected changes of a period, by kind."""
    return {k: sorted(e for e in v if since <= e[0] <= until) for k, v in expected.items()}

