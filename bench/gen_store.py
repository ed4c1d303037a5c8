#!/usr/bin/env python3
"""Generate a benchmark crm data folder (spec section 2) as a git repository.

    python3 bench/gen_store.py solo OUTDIR   # 200 clients,  5,000 visits,   100 reviews,   500 opportunities
    python3 bench/gen_store.py firm OUTDIR   # 2,000 clients, 50,000 visits, 1,000 reviews, 5,000 opportunities
    python3 bench/gen_store.py 3x OUTDIR     # 6,000 clients, 150,000 visits, 3,000 reviews, 15,000 opportunities

The output is deterministic: a fixed seed per size and fixed git dates, so the same
size always gives the same files and the same commit id.

Every text comes from the fixed vocabulary below (letters, digits, spaces, commas),
so it can be written as a plain YAML scalar without quoting; the few values that
need quotes (phone numbers, testimonials) are written quoted on purpose.

One client is special: BENCH_CLIENT has exactly the same number of visits, reviews and
opportunities in both sizes, so that `crm show` on it reads the same amount on solo and
firm.

Opportunities come from a random stream of their own (the size's seed + 1), after
everything else: the clients, visits and reviews are the same files with or without them.
"""

import datetime as dt
import os
import random
import re
import subprocess
import sys

SIZES = {
    # name: (clients, visits, reviews, firm members, seed)
    "solo": (200, 5_000, 100, 3, 20261123),
    "firm": (2_000, 50_000, 1_000, 20, 20261124),
    # the spec's "3x firm": how memory and time grow with the folder
    "3x": (6_000, 150_000, 3_000, 60, 20261125),
}
OPPORTUNITIES = {"solo": 500, "firm": 5_000, "3x": 15_000}

END = dt.date(2026, 11, 23)           # the benchmark's "today" (CRM_TODAY)
START = END - dt.timedelta(days=3652)  # ten years of history
GIT_DATE = "2026-11-23T12:00:00+0000"  # fixed, so the commit id is reproducible

BENCH_CLIENT = "Acme Engineering Pty Ltd"
BENCH_SLUG = "acme-engineering-pty-ltd"
BENCH_VISITS = 25
BENCH_REVIEWS = 1
BENCH_OPPORTUNITIES = 3
# The benchmark runs crm as this user (CRM_USER); no generated firm member has the
# name, so every visit the benchmark logs is told apart from the generated ones.
USER_OF_BENCH = "Bench"

FIRST = """Alice Bob Carol David Emma Frank Grace Henry Isla Jack Kate Liam Mia Noah Olivia
Peter Quinn Ruby Sam Tom Uma Victor Wendy Xavier Yara Zoe Jane Oscar Hannah Leo Chloe
Ethan Ava Lucas Sophie Mason Ella Logan Amelia Ryan""".split()
LAST = """Smith Jones Brown Taylor Wilson Lee Martin White Walker Hall Young King Wright
Green Baker Adams Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker Evans
Edwards Collins Stewart Morris Murphy Cook Rogers Morgan Cooper Reed Bailey Bell Kelly
Howard Ward""".split()
PLACE = """Northern Southern Eastern Western Coastal Summit Redgum Ironbark Harbour Valley
River Lakeside Bayside Highland Granite Silver Golden Cedar Willow Oakridge Pinecrest
Riverside Stonebridge Greenfield Westgate Eastwood Blackwood Clearwater Sunrise Meridian
Horizon Pacific Atlas Apex Pioneer Heritage Frontier Unity Crown""".split()
TRADE = """Engineering Architects Surveying Legal Accounting Builders Consulting Water
Transport Health Logistics Energy Mining Developments Properties Council Holdings Foods
Textiles Marine""".split()
SUFFIX = ["Pty Ltd", "Ltd", "Group", "Partners", "and Co", "Inc"]
ROLES = ["Director", "Director of Projects", "Project Manager", "Chief Engineer",
         "Finance Manager", "Operations Manager", "Owner", "Procurement Lead",
         "General Counsel", "Site Manager"]
TAGS = ["civil", "government", "residential", "commercial", "mining", "water",
        "transport", "health", "education", "heritage", "industrial", "energy",
        "retail", "defence", "agriculture"]
SUBJECTS = ["bridge retrofit", "depot upgrade", "office fitout", "road widening",
            "water treatment plant", "school extension", "warehouse design",
            "tax restructure", "lease renewal", "annual audit", "site survey",
            "heritage facade", "stormwater upgrade", "solar farm", "hospital wing",
            "rail crossing", "subdivision", "boundary dispute", "payroll review",
            "flood study"]
TOPIC_FORMS = ["Phase {n} scope for the {s}", "Budget for the {s}",
               "Timeline of the {s}", "Risks on the {s}", "Staffing for the {s}",
               "Council approval for the {s}", "Variation claim on the {s}",
               "Handover of the {s}"]
NEW_TOPICS = ["New depot planned for {y}", "Expansion into the north in {y}",
              "Tender for the {s} expected in {y}", "New CFO starting in {y}",
              "Possible merger in {y}", "Board wants a {s} by {y}"]
TASKS = ["Send capability statement", "Send fee proposal for the {s}",
         "Call back about the {s}", "Email the revised drawings for the {s}",
         "Introduce our {s} specialist", "Send the report on the {s}",
         "Ask {m} for a cost estimate", "Book a site visit for the {s}",
         "Check insurance for the {s}", "Prepare invoice for the {s}"]
NOTE_SENTENCES = ["Meeting went well", "Client is under budget pressure",
                  "They are happy with progress on the {s}",
                  "Worried about the schedule of the {s}",
                  "Wants more frequent updates", "Mentioned a competitor quote",
                  "New contact joined the project team", "Asked about our rates for {y}",
                  "Keen to start the {s} early", "Parking is on the street behind"]
WHERE = ["Their office, level 3", "Our office", "On site", "Cafe on Main Street",
         "Their boardroom", "Video call", "Conference centre"]
KINDS = (["visit", "call", "meeting", "email", "lunch", "event", "other"],
         [30, 35, 15, 10, 5, 3, 2])
STAGES = (["lead", "prospect", "proposal", "client", "former", "lost"],
          [10, 10, 8, 55, 10, 7])
TIERS = (["A", "B", "C"], [20, 50, 30])
RATINGS = (["angry", "unhappy", "neutral", "happy", "elated"], [5, 10, 20, 40, 25])
PRAISE = ["Weekly reports", "Clear drawings", "Fast answers", "Finished early",
          "Good site team", "Honest pricing"]
GRIPES = ["Invoice detail", "Slow replies", "Late drawings", "Too many meetings",
          "Unclear scope", "Staff changes"]
TESTIMONIALS = ["Best consultant we have used.", "Reliable, on time, no surprises.",
                "We will hire them again.", "They: listen, then deliver."]
OPEN_STAGES = (["pre-scoping", "rfp", "proposal", "negotiation"], [40, 20, 25, 15])
STEPS = ["Site walk with the {m} team", "Send capability statement for the {s}",
         "Call about the budget for the {s}", "Lunch with {m} about {y}",
         "Present our approach to the {s}"]
LOST_REASONS = ["price", "scope", "went elsewhere", "project cancelled", "timing"]


def slugify(text):
    """The plain-ASCII subset of crm's slug rule, enough for our vocabulary."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class Writer:
    """Builds one YAML document line by line, in the style of the spec's examples."""

    def __init__(self):
        self.lines = []

    def scalar(self, key, value):
        self.lines.append(f"{key}: {value}")

    def flow(self, key, items):
        if not items:  # people leave a key out rather than write an empty list
            return
        self.lines.append(f"{key}: [{', '.join(items)}]")

    def block_list(self, key, items):
        self.lines.append(f"{key}:")
        self.lines.extend(f"  - {item}" for item in items)

    def items(self, key, records):
        """A block list of mappings, e.g. promises or contacts."""
        self.lines.append(f"{key}:")
        for record in records:
            prefix = "  - "
            for k, v in record.items():
                self.lines.append(f"{prefix}{k}: {v}")
                prefix = "    "

    def text(self, key, text):
        self.lines.append(f"{key}: |")
        self.lines.extend(f"  {line}" for line in text.splitlines())

    def render(self):
        return "\n".join(self.lines) + "\n"


class Generator:
    def __init__(self, size):
        n_clients, n_visits, n_reviews, n_members, seed = SIZES[size]
        self.rng = random.Random(seed)
        self.opp_rng = random.Random(seed + 1)
        self.n_clients, self.n_visits, self.n_reviews = n_clients, n_visits, n_reviews
        self.n_opportunities = OPPORTUNITIES[size]
        self.members = self._unique(self._person, n_members, {USER_OF_BENCH})
        self.files = {}  # relative path -> content

    # -- small random helpers ------------------------------------------------

    def _unique(self, make, count, taken):
        out = []
        while len(out) < count:
            value = make()
            if value not in taken:
                taken.add(value)
                out.append(value)
        return out

    def _person(self):
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    def _weighted(self, choices_and_weights):
        choices, weights = choices_and_weights
        return self.rng.choices(choices, weights)[0]

    def _date_between(self, first, last):
        return first + dt.timedelta(days=self.rng.randint(0, (last - first).days))

    def _fill(self, form):
        return form.format(n=self.rng.randint(1, 4), s=self.rng.choice(SUBJECTS),
                           y=self.rng.randint(2017, 2028), m=self.rng.choice(FIRST))

    def _note(self):
        count = self.rng.randint(1, 3)
        return "\n".join(self._fill(self.rng.choice(NOTE_SENTENCES)) + "."
                         for _ in range(count))

    # -- clients ---------------------------------------------------------------

    def _client_name(self):
        first, second = self.rng.sample(PLACE, 2)
        return f"{first} {second} {self.rng.choice(TRADE)} {self.rng.choice(SUFFIX)}"

    def make_clients(self):
        names = [BENCH_CLIENT] + self._unique(self._client_name, self.n_clients - 1,
                                             {BENCH_CLIENT})
        clients = []
        for name in names:
            bench = name == BENCH_CLIENT
            clients.append({
                "name": name,
                "slug": slugify(name),
                "owner": self.members[0] if bench else self.rng.choice(self.members),
                "since": START if bench else self._date_between(START, END - dt.timedelta(days=30)),
                "contacts": self._unique(self._person, self.rng.randint(1, 3), set()),
                "bench": bench,
            })
        return clients

    def client_yaml(self, c):
        w = Writer()
        w.scalar("name", c["name"])
        w.scalar("stage", "client" if c["bench"] else self._weighted(STAGES))
        w.scalar("tier", "A" if c["bench"] else self._weighted(TIERS))
        if not c["bench"] and self.rng.random() < 0.05:
            w.scalar("every", self.rng.choice(["14d", "21d", "6w", "3m", "never"]))
        w.scalar("owner", c["owner"])
        w.scalar("since", c["since"].isoformat())
        w.scalar("ratings", "{potential: %d, compatibility: %d, profitability: %d}"
                 % tuple(self.rng.randint(1, 5) for _ in range(3)))
        w.items("contacts", [self._contact(person, c["slug"]) for person in c["contacts"]])
        w.flow("tags", self.rng.sample(TAGS, self.rng.randint(0, 3)))
        others = [m for m in self.members if m != c["owner"]]
        if others and self.rng.random() < 0.2:
            w.flow("watchers", self.rng.sample(others, min(len(others), self.rng.randint(1, 2))))
        if self.rng.random() < 0.1:  # a custom field, added by hand (spec: kept, filterable)
            w.scalar("referred_by", self._person())
        if self.rng.random() < 0.5:
            w.text("notes", self._note())
        return w.render()

    def _contact(self, person, slug):
        first, last = person.lower().split()
        contact = {"name": person, "role": self.rng.choice(ROLES),
                   "email": f"{first}.{last}@{slug}.example"}
        if self.rng.random() < 0.7:
            contact["phone"] = '"+61 2 5555 %04d"' % self.rng.randint(0, 9999)
        if self.rng.random() < 0.2:
            contact["notes"] = self._fill(self.rng.choice(NOTE_SENTENCES))
        return contact

    # -- visits and reviews ------------------------------------------------------

    def _records_per_client(self, clients, total, fixed):
        """Spread `total` records over clients; the bench client gets exactly `fixed`."""
        counts = [fixed] + [0] * (len(clients) - 1)
        weights = [self.rng.uniform(0.2, 1.8) for _ in clients[1:]]
        for i in self.rng.choices(range(1, len(clients)), weights, k=total - fixed):
            counts[i] += 1
        return counts

    def _file_name(self, day, author, taken):
        while True:
            name = f"{day.isoformat()}-{slugify(author)}-{self.rng.getrandbits(24):06x}.yaml"
            if name not in taken:
                taken.add(name)
                return name

    def _task(self, day, form):
        """A promise or action: delivered when long past, often still open when recent."""
        due = day + dt.timedelta(days=self.rng.randint(2, 30))
        item = {"what": self._fill(form), "due": due.isoformat()}
        open_chance = 0.6 if due > END - dt.timedelta(days=30) else 0.03
        if self.rng.random() >= open_chance:
            done = min(END, due + dt.timedelta(days=self.rng.randint(-5, 5)))
            item["done"] = max(day, done).isoformat()
        return item

    def visit_yaml(self, c, day, author):
        w = Writer()
        w.scalar("date", day.isoformat())
        w.scalar("by", author)
        kind = self._weighted(KINDS)
        w.scalar("kind", kind)
        if kind in ("visit", "meeting", "lunch", "event"):
            w.scalar("where", self.rng.choice(WHERE))
        w.scalar("initiated_by", self.rng.choice(["us", "us", "client"]))
        w.flow("with", self.rng.sample(c["contacts"], self.rng.randint(1, len(c["contacts"]))))
        w.block_list("discussed", [self._fill(self.rng.choice(TOPIC_FORMS))
                                   for _ in range(self.rng.randint(1, 3))])
        if self.rng.random() < 0.3:
            w.block_list("new_topics", [self._fill(self.rng.choice(NEW_TOPICS))])
        for key, chance in (("promises", 0.5), ("actions", 0.4)):
            if self.rng.random() < chance:
                w.items(key, [self._task(day, self.rng.choice(TASKS))
                              for _ in range(self.rng.randint(1, 2))])
        if self.rng.random() < 0.4:
            w.scalar("next_contact", (day + dt.timedelta(days=self.rng.randint(7, 90))).isoformat())
        if self.rng.random() < 0.6:
            w.text("notes", self._note())
        return w.render()

    def review_yaml(self, c, day, author):
        w = Writer()
        rating = self._weighted(RATINGS)
        w.scalar("date", day.isoformat())
        w.scalar("by", author)
        w.scalar("project", f"{self.rng.choice(SUBJECTS).capitalize()} stage {self.rng.randint(1, 3)}")
        w.scalar("rating", rating)
        w.scalar("why", self._fill(self.rng.choice(NOTE_SENTENCES)))
        w.flow("went_well", self.rng.sample(PRAISE, self.rng.randint(0, 2)))
        w.flow("to_improve", self.rng.sample(GRIPES, self.rng.randint(0, 2)))
        if rating in ("happy", "elated") and self.rng.random() < 0.5:
            w.scalar("testimonial", '"%s"' % self.rng.choice(TESTIMONIALS))
        if self.rng.random() < 0.2:
            w.flow("referrals", [f"{self._person()} at {self._client_name()}"])
        return w.render()

    def _dated_records(self, c, count, folder, render):
        """`count` files in clients/<slug>/<folder>/, dated between `since` and END."""
        taken = set()
        for day in sorted(self._date_between(c["since"], END) for _ in range(count)):
            author = c["owner"] if self.rng.random() < 0.7 else self.rng.choice(self.members)
            name = self._file_name(day, author, taken)
            self.files[f"clients/{c['slug']}/{folder}/{name}"] = render(c, day, author)

    # -- opportunities (their own random stream) -------------------------------------

    def opportunity_yaml(self, c, logged, author):
        """A prospective project logged on `logged`: open when recent, else won or lost,
        won more often when engaged before the RFP (the deal clock has something to say)."""
        r = self.opp_rng
        day = lambda d: min(d, END).isoformat()  # noqa: E731
        w = Writer()
        w.scalar("title", f"{r.choice(SUBJECTS).capitalize()} stage {r.randint(1, 3)}")
        w.scalar("by", author)
        w.scalar("owner", c["owner"] if r.random() < 0.8 else author)
        engaged = logged - dt.timedelta(days=r.randint(0, 60))
        rfp = engaged + dt.timedelta(days=r.randint(-60, 240)) if r.random() < 0.7 else None
        decision = (rfp or engaged) + dt.timedelta(days=r.randint(30, 150))
        is_open = logged > END - dt.timedelta(days=400) and r.random() < 0.5
        if is_open:
            stage = r.choices(*OPEN_STAGES)[0]
        else:
            early = rfp is not None and engaged < rfp
            stage = "won" if r.random() < (0.6 if early else 0.25) else "lost"
        w.scalar("stage", stage)
        if rfp and rfp <= END and stage not in ("pre-scoping",):
            w.scalar("rfp_since", day(rfp + dt.timedelta(days=r.randint(-10, 10))))
        w.scalar("value", str(r.randint(5, 500) * 1000))
        if r.random() < 0.3:
            w.scalar("probability", str(r.choice([10, 20, 30, 40, 60, 80])))
        w.scalar("engaged", engaged.isoformat())
        if rfp:
            w.scalar("rfp_expected", rfp.isoformat())
        w.scalar("decision_expected", decision.isoformat())
        if is_open and r.random() < 0.7:
            w.scalar("next_step", self._fill_with(r, r.choice(STEPS)))
            w.scalar("next_step_due", (END + dt.timedelta(days=r.randint(-30, 30))).isoformat())
        if stage in ("won", "lost"):
            w.scalar(stage, day(max(logged, decision + dt.timedelta(days=r.randint(-14, 14)))))
        if stage == "lost":
            w.scalar("lost_reason", r.choice(LOST_REASONS))
        if r.random() < 0.4:
            w.text("notes", self._fill_with(r, r.choice(NOTE_SENTENCES)) + ".")
        return w.render()

    def _fill_with(self, r, form):
        return form.format(n=r.randint(1, 4), s=r.choice(SUBJECTS), y=r.randint(2017, 2028),
                           m=r.choice(FIRST))

    def make_opportunities(self, clients):
        r = self.opp_rng
        counts = [BENCH_OPPORTUNITIES] + [0] * (len(clients) - 1)
        weights = [r.uniform(0.2, 1.8) for _ in clients[1:]]
        for i in r.choices(range(1, len(clients)), weights, k=self.n_opportunities - BENCH_OPPORTUNITIES):
            counts[i] += 1
        for c, count in zip(clients, counts):
            taken = set()
            for logged in sorted(c["since"] + dt.timedelta(days=r.randint(0, (END - c["since"]).days))
                                 for _ in range(count)):
                author = c["owner"] if r.random() < 0.7 else r.choice(self.members)
                while True:
                    name = f"{logged.isoformat()}-{slugify(author)}-{r.getrandbits(24):06x}.yaml"
                    if name not in taken:
                        taken.add(name)
                        break
                self.files[f"clients/{c['slug']}/opportunities/{name}"] = \
                    self.opportunity_yaml(c, logged, author)

    def generate(self):
        clients = self.make_clients()
        visits = self._records_per_client(clients, self.n_visits, BENCH_VISITS)
        reviews = self._records_per_client(clients, self.n_reviews, BENCH_REVIEWS)
        for c, n_visits, n_reviews in zip(clients, visits, reviews):
            self.files[f"clients/{c['slug']}/client.yaml"] = self.client_yaml(c)
            self._dated_records(c, n_visits, "visits", self.visit_yaml)
            self._dated_records(c, n_reviews, "reviews", self.review_yaml)
        self.make_opportunities(clients)
        self.files["crm.yaml"] = CRM_YAML
        self.files[".gitignore"] = ".crm/\n*.crm-tmp*\n"
        return self.files


CRM_YAML = """\
# crm folder settings, shared by the team (generated benchmark store)
stages: [lead, prospect, proposal, client, former, lost]
inactive_stages: [former, lost]
tiers:
  A: {every: 30d}
  B: {every: 60d}
  C: {every: 120d}
default_tier: B
due_within: 7d
review_follow_up: 7d
autocommit: true
opportunity_stages:
  pre-scoping: 10
  rfp: 25
  proposal: 50
  negotiation: 75
rfp_lead: 30d
"""


def write_files(outdir, files):
    made = set()
    for rel, content in files.items():
        folder = os.path.dirname(rel)
        if folder and folder not in made:
            os.makedirs(os.path.join(outdir, folder), exist_ok=True)
            made.add(folder)
        with open(os.path.join(outdir, rel), "w", encoding="utf-8") as f:
            f.write(content)


def commit_all(outdir):
    """One repository, one commit, fixed identity and dates (reproducible commit id)."""
    env = dict(os.environ, GIT_AUTHOR_DATE=GIT_DATE, GIT_COMMITTER_DATE=GIT_DATE)
    for var in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        env.pop(var, None)

    def git(*args):
        subprocess.run(["git", *args], cwd=outdir, env=env, check=True)

    git("init", "-q", "-b", "main")
    git("config", "user.name", "Bench")
    git("config", "user.email", "bench@example.invalid")
    git("config", "commit.gpgsign", "false")
    # No `git gc --auto` in the middle of a measurement: it would run in the background
    # and slow down whatever is measured next.
    git("config", "gc.auto", "0")
    git("add", "-A")
    git("commit", "-q", "--no-verify", "-m", "generated")
    # Pack the 53,000 loose objects `git add` wrote, as a clone of a shared store is.
    git("repack", "-a", "-d", "-q")


def main(argv):
    if len(argv) != 3 or argv[1] not in SIZES:
        sys.exit(f"usage: {argv[0]} {{{'|'.join(SIZES)}}} OUTDIR")
    size, outdir = argv[1], argv[2]
    if os.path.exists(outdir) and os.listdir(outdir):
        sys.exit(f"{outdir}: exists and is not empty")
    os.makedirs(outdir, exist_ok=True)
    write_files(outdir, Generator(size).generate())
    commit_all(outdir)


if __name__ == "__main__":
    main(sys.argv)
