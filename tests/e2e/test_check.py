"""crm check, and every reader going on over broken files: hostile input is harmless."""
import json
import os
import unittest

from harness import CrmTestCase

VISITS = "clients/acme-engineering/visits/"


class CheckTestCase(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.crm_in("add-client", "Acme Engineering", check=0)
        self.crm_in("add-client", "Beta Water", check=0)

    def problems(self):
        r = self.crm_in("check", "--format", "json")
        self.assertEqual(r.code, 1, r)
        return json.loads(r.out)

    def messages(self, problems):
        return [f"{p['file']}:{p['line']}: {p['message']}" for p in problems]


class CheckCleanTest(CheckTestCase):
    def test_clean_folder_exits_0(self):
        r = self.crm_in("check", check=0)
        self.assertEqual(r.out, "")
        self.assertIn("no problems", r.err)

    def test_example_folder_is_clean(self):
        self.dir = self.tmp / "example"
        self.copy_example()
        self.crm_in("check", check=0)


class CheckContactEmailTest(CheckTestCase):
    def test_a_contact_e_mail_that_is_no_address_is_a_problem_at_its_line(self):
        self.write("clients/beta-water/client.yaml",
                   "name: Beta Water\ncontacts:\n  - name: Jane\n"
                   "    email: 'jane@x.example; touch pwned'\n  - name: Ok\n"
                   "    email: ok@beta.example\n")
        problems = self.problems()
        self.assertEqual(self.messages(problems), [
            "clients/beta-water/client.yaml:4: contacts: Jane's e-mail "
            "'jane@x.example; touch pwned' is not an address: it contains ';'"])
        r = self.crm_in("check")
        self.assertIn("clients/beta-water/client.yaml:4:12: contacts: Jane's e-mail", r.out)
        # Completion offers contacts by name: never the e-mail, a hostile one least of all.
        r = self.crm("__complete", "contact", "rm", "beta", "", env={"CRM_DIR": str(self.dir)},
                     check=0)
        self.assertEqual(r.out, "words\nJane\nOk\n")


class CheckProblemsTest(CheckTestCase):
    def test_every_problem_in_every_file(self):
        self.write("clients/acme-engineering/client.yaml",
                   "name: Acme Engineering\nstage: hot\ntier: Z\nevery: often\nsince: 2026-13-01\n"
                   "ratings: {potential: 7, charm: 3}\n")
        self.write(VISITS + "2026-11-01-a-111111.yaml", "date: 2026-11-01\nkind: party\n"
                   "promises:\n  - what: Send it\n    due: next week\n")
        self.write(VISITS + "2026-11-02-a-222222.yaml", "date: 2026-11-02\nnotes: 'unclosed\nkind: call'\n")
        self.write(VISITS + "2026-11-03-a-333333.yaml", "date: 2026-11-03\ndate: 2026-11-04\n")
        self.write(VISITS + "2026-11-04-a-444444.yaml", "date: &d 2026-11-03\nnext_contact: *d\n")
        self.write(VISITS + "2026-11-05-a-555555.yaml", "date: 2026-11-05\nwith:\n\t- Jane\n")
        self.write(VISITS + "2026-11-06-a-666666.yaml",
                   "date: 2026-11-06\n<<<<<<< HEAD\nkind: call\n=======\nkind: visit\n>>>>>>> x\n")
        self.write(VISITS + "2026-11-07-a-777777.yaml", "- just\n- a list\n")
        self.write(VISITS + "2026-11-08-a-888888.yaml", "date: !!str 2026-11-08\n")
        self.write(VISITS + "2026-11-09-a-999999.yaml", "date: [2026\n")
        (self.dir / VISITS / "2026-11-10-a-aaaaaa.yaml").write_bytes("date: x\n".encode("utf-16"))
        (self.dir / VISITS / "2026-11-11-a-bbbbbb.yaml").write_bytes(b"date: 2026-11-11\nnotes: \xff\xfe\n")
        (self.dir / VISITS / "2026-11-12-a-cccccc.yaml").write_bytes(b"date: 2026-11-12\nnotes: " + b"x" * 2_000_000 + b"\n")
        self.write(VISITS + "2026-11-13-a-dddddd.yaml", "date: 2026-11-13\n---\ndate: 2026-11-14\n")
        self.write("clients/beta-water/reviews/2026-11-01-a-eeeeee.yaml",
                   "date: 2026-11-01\nrating: furious\n")
        msgs = "\n".join(self.messages(self.problems()))
        for expected in [
            "client.yaml:2: stage: unknown stage 'hot'",
            "client.yaml:3: tier: unknown tier 'Z'",
            "client.yaml:4: every: 'often' is not a duration",
            "client.yaml:5: since: '2026-13-01' is not a date",
            "client.yaml:6: ratings.potential: '7' is outside 1-5",
            "client.yaml:6: ratings: unknown rating 'charm'",
            "2026-11-01-a-111111.yaml:2: kind: unknown kind 'party'",
            "2026-11-01-a-111111.yaml:5: promises.due: 'next week' is not a date",
            "2026-11-02-a-222222.yaml:2: quoted value is not closed",
            "2026-11-03-a-333333.yaml:2: duplicate key 'date'",
            "2026-11-04-a-444444.yaml:1: YAML anchors",
            "2026-11-05-a-555555.yaml:3: tab used for indentation",
            "2026-11-06-a-666666.yaml:2: git conflict marker",
            "2026-11-07-a-777777.yaml:1: the file's top level must be a map",
            "2026-11-08-a-888888.yaml:1: YAML tags",
            "2026-11-09-a-999999.yaml:",
            "2026-11-10-a-aaaaaa.yaml:1: file is UTF-16",
            "2026-11-11-a-bbbbbb.yaml:2: file is not valid UTF-8",
            "2026-11-12-a-cccccc.yaml:0: file is",
            "2026-11-13-a-dddddd.yaml:2: a second YAML document",
            "reviews/2026-11-01-a-eeeeee.yaml:2: rating: unknown rating 'furious'",
        ]:
            self.assertIn(expected, msgs)

    def test_text_format_is_file_line_column(self):
        self.write("clients/acme-engineering/client.yaml", "name: Acme\ntier: Z\n")
        r = self.crm_in("check", check=1)
        self.assertTrue(r.out.startswith("clients/acme-engineering/client.yaml:2:7: tier: unknown tier 'Z'"), r)
        self.assertIn("1 problem in 1 file", r.err)

    def test_json_report_of_a_folder_name_that_is_not_utf8(self):
        bad = os.fsencode(str(self.dir / "clients")) + b"/caf\xe9"
        os.makedirs(bad)
        r = self.crm_in("check", "--format", "json", check=1)
        problems = json.loads(r.out)
        self.assertTrue(problems[0]["file"].startswith("clients/caf"), r)
        self.assertIn("is not a client slug", problems[0]["message"])
        self.assertNotIn("exception", r.err)

    def test_duplicate_clients(self):
        self.write("clients/beta-water-2/client.yaml", "name: beta water\n")
        self.write("clients/Beta-Water/client.yaml", "name: Other\n")
        msgs = "\n".join(self.messages(self.problems()))
        self.assertIn("duplicate client: 'beta water' is also clients/beta-water/client.yaml", msgs)
        self.assertIn("clients/beta-water:0: duplicate slug: differs only in case from clients/Beta-Water", msgs)
        self.assertIn("is not a client slug", msgs)

    def test_broken_settings_are_reported(self):
        self.write("crm.yaml", "stages: [a, b\n")
        msgs = "\n".join(self.messages(self.problems()))
        self.assertIn("crm.yaml:", msgs)


class ReadersGoOnTest(CheckTestCase):
    def test_list_and_show_warn_and_exit_1_over_broken_files(self):
        self.crm_in("log-visit", "acme", "fine", check=0)
        self.write(VISITS + "2026-11-20-a-111111.yaml", "date: 2026-11-20\nnotes: \"a\nkind: x\"\n")
        self.write("clients/beta-water/client.yaml", "name: Beta\nname: Water\n")
        r = self.crm_in("list", "-q")
        self.assertEqual(r.code, 1, r)
        self.assertEqual(r.out, "acme-engineering\n")
        self.assertIn("clients/beta-water/client.yaml:2:1: duplicate key 'name'", r.err)
        r = self.crm_in("show", "acme")
        self.assertEqual(r.code, 1, r)
        self.assertIn("fine", r.out)
        self.assertIn("2026-11-20-a-111111.yaml:2", r.err)

    def test_comma_file_does_not_hang(self):
        # yaml-cpp 0.7 loops forever on a second document after ","; crm reads one only.
        self.write(VISITS + "2026-11-20-a-111111.yaml", ",")
        self.write(VISITS + "2026-11-21-a-111111.yaml", "date: 2026-11-21\n...\n,\n")
        r = self.crm_in("check", "--format", "json")
        self.assertEqual(r.code, 1, r)
        r = self.crm_in("show", "acme")
        self.assertEqual(r.code, 1, r)


class LargeFolderCheckTest(CrmTestCase):
    """A folder large enough that check splits the walk between threads: problems come
    in folder order, and duplicates are found across the parts."""

    CLIENTS = 700

    def test_problems_in_walk_order_across_threads(self):
        self.init()
        for n in range(self.CLIENTS):
            name = "Same Name" if n in (3, self.CLIENTS - 3) else f"Client {n:04d}"
            self.write(f"clients/client-{n:04d}/client.yaml", f"name: {name}\nstage: client\n")
            self.write(f"clients/client-{n:04d}/visits/2026-11-01-a-{n:06x}.yaml",
                       "date: 2026-11-01\n" + ("kind: party\n" if n % 100 == 7 else ""))
        r = self.crm_in("check", "--format", "json")
        self.assertEqual(r.code, 1, r)
        got = [(p["file"], p["message"]) for p in json.loads(r.out)]
        late = self.CLIENTS - 3
        expected = []
        for n in range(self.CLIENTS):
            if n == late:
                expected.append((f"clients/client-{n:04d}/client.yaml",
                                 "duplicate client: 'Same Name' is also "
                                 "clients/client-0003/client.yaml"))
            if n % 100 == 7:
                expected.append((f"clients/client-{n:04d}/visits/2026-11-01-a-{n:06x}.yaml",
                                 "kind: unknown kind 'party'"))
        self.assertEqual(got, expected)
        self.assertIn(f"({1 + 2 * self.CLIENTS} files checked)", self.crm_in("check", check=1).err)


if __name__ == "__main__":
    unittest.main()
