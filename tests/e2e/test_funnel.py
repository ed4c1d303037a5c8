"""crm funnel: clients per stage and how long each has been there."""
import json
import shutil
import unittest

from harness import CrmTestCase
from reportutil import client_yaml, column_of, width

STAGES = ["lead", "prospect", "proposal", "client", "former", "lost"]


class FunnelTest(CrmTestCase):
    def commit_all(self, message, date):
        """Commits everything with a fixed author date."""
        self.env["GIT_AUTHOR_DATE"] = f"{date}T12:00:00+00:00"
        self.env["GIT_COMMITTER_DATE"] = f"{date}T12:00:00+00:00"
        try:
            self.git("add", "-A")
            self.git("commit", "-q", "-m", message)
        finally:
            del self.env["GIT_AUTHOR_DATE"]
            del self.env["GIT_COMMITTER_DATE"]

    def stages_json(self, *args, **kw):
        j = json.loads(self.crm_in("funnel", "--format", "json", *args, check=kw.get("check", 0)).out)
        return j, {s["stage"]: s for s in j["stages"]}

    def test_empty_folder(self):
        self.init()
        r = self.crm_in("funnel", check=0)
        self.assertEqual(r.out, "")
        self.assertIn("no clients yet", r.err)
        j, stages = self.stages_json()
        self.assertEqual([s["stage"] for s in j["stages"]], STAGES)
        self.assertTrue(all(s["count"] == 0 for s in j["stages"]))

    def test_stage_since_then_git_history_then_since(self):
        self.init()
        # In git history: added as a lead in January, moved to proposal in October, then
        # a notes-only edit in November (which does not move its stage date).
        self.write("clients/muller/client.yaml", client_yaml("Müller & Söhne GmbH", stage="lead"))
        self.commit_all("add", "2026-01-05")
        self.write("clients/muller/client.yaml",
                   client_yaml("Müller & Söhne GmbH", stage="proposal"))
        self.commit_all("stage", "2026-10-01")
        self.write("clients/muller/client.yaml",
                   client_yaml("Müller & Söhne GmbH", stage="proposal", extra="notes: hi\n"))
        self.commit_all("notes", "2026-11-01")
        # stage_since wins over git
        self.write("clients/nihon/client.yaml",
                   client_yaml("日本建設株式会社", stage="proposal", extra="stage_since: 2026-11-16\n"))
        self.commit_all("nihon", "2026-02-01")
        # not committed: from since
        self.write("clients/acme/client.yaml", client_yaml("Acme", stage="client", since="2026-05-23"))
        j, stages = self.stages_json()
        self.assertEqual(j["as_of"], "2026-11-23")
        self.assertEqual([s["stage"] for s in j["stages"]], STAGES)
        proposal = stages["proposal"]
        self.assertEqual(proposal["count"], 2)
        self.assertEqual([(c["client"], c["since"], c["source"], c["days"]) for c in proposal["clients"]],
                         [("muller", "2026-10-01", "git", 53), ("nihon", "2026-11-16", "stage_since", 7)])
        self.assertEqual(stages["client"]["clients"][0]["source"], "since")
        self.assertEqual(stages["client"]["clients"][0]["days"], 184)
        self.assertEqual(stages["lead"]["count"], 0)

        r = self.crm_in("funnel", check=0)
        self.assertIn("7 weeks", r.out)
        self.assertIn("2026-10-01 (git)", r.out)
        self.assertIn("2026-05-23 (added)", r.out)
        self.assertIn("6 months", r.out)

    def test_without_git_uses_since(self):
        self.init()
        shutil.rmtree(self.dir / ".git")
        self.write("clients/acme/client.yaml", client_yaml("Acme", stage="lead", since="2026-11-20"))
        j, stages = self.stages_json()
        self.assertEqual(stages["lead"]["clients"][0]["source"], "since")
        self.assertEqual(stages["lead"]["clients"][0]["days"], 3)

    def test_bar_chart_and_alignment_with_accents_and_cjk(self):
        self.init()
        shutil.rmtree(self.dir / ".git")
        names = ["Müller & Söhne GmbH", "日本建設株式会社", "Acme", "Zoë Ltd", "Ōsaka 港湾"]
        for i, name in enumerate(names):
            self.write(f"clients/c{i}/client.yaml",
                       client_yaml(name, stage="client" if i < 3 else "lead", since=f"2026-0{i + 1}-01"))
        self.write("clients/odd/client.yaml", client_yaml("Odd", stage="parked"))
        r = self.crm_in("funnel", env={"COLUMNS": "70"}, check=0)
        lines = r.out.splitlines()
        self.assertTrue(lines[0].startswith("Funnel  6 clients"), r.out)
        chart = lines[1:8]
        labels = [l.split()[0] for l in chart]
        self.assertEqual(labels, STAGES + ["parked"], r.out)
        bars = {l.split()[0]: l.count("█") for l in chart}
        self.assertGreater(bars["client"], bars["lead"])
        self.assertEqual(bars["prospect"], 0)
        self.assertIn("not a stage in crm.yaml", r.out)
        self.assertIn("inactive", [l for l in chart if l.startswith("former")][0])
        rows = [l for l in lines if any(n in l for n in names) and "20" in l]
        self.assertEqual(len(rows), 5, r.out)
        self.assertEqual(len({column_of(l, "2026-") for l in rows}), 1, "\n".join(rows))
        # longest in its stage first
        order = [next(i for i, l in enumerate(rows) if n in l) for n in names[:3]]
        self.assertEqual(order, sorted(order), "\n".join(rows))
        for line in lines:
            self.assertLessEqual(width(line), 70, line)

    def test_piped_chart_fits_80_columns(self):
        self.init()
        self.write("clients/a/client.yaml", client_yaml("A" * 100, stage="lead"))
        r = self.crm_in("funnel", check=0)
        chart = [l for l in r.out.splitlines() if l.startswith(tuple(STAGES))][:6]
        for line in chart:
            self.assertLessEqual(width(line), 80, line)

    def test_consultancy_example(self):
        self.copy_example()
        j, stages = self.stages_json()
        self.assertEqual({s: stages[s]["count"] for s in STAGES},
                         {"lead": 1, "prospect": 1, "proposal": 2, "client": 10, "former": 1, "lost": 1})
        meridian = [c for c in stages["client"]["clients"] if c["client"] == "meridian-ports-authority"][0]
        self.assertEqual((meridian["since"], meridian["source"], meridian["days"]), ("2026-05-25", "stage_since", 182))
        self.assertEqual([c["client"] for c in stages["proposal"]["clients"]],
                         ["muller-sohne-gmbh", "clearwater-irrigation-co-operative"])
        self.assertTrue(stages["lost"]["inactive"])
        r = self.crm_in("funnel", check=0)
        self.assertIn("Müller & Söhne GmbH", r.out)



class ExampleFunnelTest(CrmTestCase):
    def test_the_example_folder_shows_how_long_each_client_has_been_in_its_stage(self):
        self.copy_example()
        j = json.loads(self.crm_in("funnel", "--format", "json", check=0).out)
        entries = [c for s in j["stages"] for c in s["clients"]]
        self.assertEqual(len(entries), 16)
        self.assertEqual({c["source"] for c in entries}, {"stage_since"})
        self.assertTrue(all(c["days"] > 0 for c in entries))

if __name__ == "__main__":
    unittest.main()
