"""crm add-client: every option, defaults, validation, slugs."""
import json
import shutil
import unittest

from harness import CrmTestCase


class AddClientTest(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.init()

    def test_defaults(self):
        r = self.crm_in("add-client", "Acme Engineering Pty Ltd", check=0)
        self.assertEqual(r.out, "acme-engineering-pty-ltd\n")
        self.assertEqual(r.err, "")
        text = (self.dir / "clients/acme-engineering-pty-ltd/client.yaml").read_text()
        # The owner is the person acting (CRM_USER here), unless --owner names another.
        self.assertEqual(text, "name: Acme Engineering Pty Ltd\nstage: lead\ntier: B\n"
                               "owner: Alice Smith\nsince: 2026-11-23\n")

    def test_every_option(self):
        self.crm_in("add-client", "Acme", "--stage", "client", "--tier", "A", "--every", "21d",
                    "--owner", "Bob Jones", "--contact", "Jane Doe <jane@acme.example>",
                    "--contact", "Tom Lee", "--contact", "ops@acme.example",
                    "--phone", "+61 2 5555 0100", "--tag", "civil", "--tag", "government",
                    "--note", "Met at the expo.", check=0)
        c = self.load("clients/acme/client.yaml")
        self.assertEqual(c["name"], "Acme")
        self.assertEqual(c["stage"], "client")
        self.assertEqual(c["tier"], "A")
        self.assertEqual(c["every"], "21d")
        self.assertEqual(c["owner"], "Bob Jones")
        self.assertEqual(str(c["since"]), "2026-11-23")
        uids = [p.pop("uid") for p in c["contacts"]]  # each contact crm creates has its own
        self.assertEqual(len(set(uids)), 3)
        self.assertEqual(c["contacts"], [
            {"name": "Jane Doe", "email": "jane@acme.example", "phone": "+61 2 5555 0100"},
            {"name": "Tom Lee"},
            {"name": "ops@acme.example", "email": "ops@acme.example"},
        ])
        self.assertEqual(c["tags"], ["civil", "government"])
        self.assertEqual(c["notes"], "Met at the expo.")

    def test_phone_without_contact_makes_a_contact_named_after_the_client(self):
        self.crm_in("add-client", "Acme", "--phone", "0400 000 000", check=0)
        c = self.load("clients/acme/client.yaml")
        self.assertRegex(c["contacts"][0].pop("uid"), r"^[0-9a-f-]{36}$")
        self.assertEqual(c["contacts"], [{"name": "Acme", "phone": "0400 000 000"}])

    def test_every_never_and_durations(self):
        for every in ("never", "2w", "3m", "1y", "45d"):
            slug = self.crm_in("add-client", f"Client {every}", "--every", every,
                               check=0).out.strip()
            self.assertEqual(self.load(f"clients/{slug}/client.yaml")["every"], every)

    def test_stage_and_tier_come_from_crm_yaml(self):
        self.write("crm.yaml", "stages: [new, won]\ntiers:\n  Gold: {every: 2w}\n"
                               "default_tier: Gold\n")
        self.crm_in("add-client", "Acme", check=0)
        c = self.load("clients/acme/client.yaml")
        self.assertEqual((c["stage"], c["tier"]), ("new", "Gold"))
        r = self.crm_in("add-client", "Beta", "--stage", "lead", check=2)
        self.assertIn("--stage: 'lead' is not one of new, won", r.err)

    def test_bad_values_exit_2_and_write_nothing(self):
        cases = [
            (["--stage", "customer"], "'customer' is not one of lead, prospect"),
            (["--tier", "D"], "--tier: 'D' is not one of A, B, C"),
            (["--every", "often"], "--every: 'often' is not a duration"),
            (["--every", "30"], "'30' is not a duration"),
            (["--contact", " <> "], "names nobody"),
        ]
        for args, message in cases:
            with self.subTest(args=args):
                r = self.crm_in("add-client", "Acme", *args, check=2)
                self.assertIn(message, r.err)
                self.assertTrue(r.err.startswith("crm: error: "))
                self.assertFalse((self.dir / "clients").exists())
        r = self.crm_in("add-client", "   ", check=2)
        self.assertIn("NAME: the text is empty", r.err)
        self.crm_in("add-client", check=2)

    def test_a_name_that_is_already_a_client_is_refused(self):
        # Before, "ACME" became acme-2 beside acme, and crm check then failed forever.
        self.assertEqual(self.crm_in("add-client", "Acme", check=0).out, "acme\n")
        count = self.commit_count()
        for again in ("ACME", "aCmE", " Acme "):
            with self.subTest(name=again):
                r = self.crm_in("add-client", again, check=1)
                self.assertIn("is already a client: acme (Acme)", r.err)
                self.assertIn("hint: nothing was written", r.err)
        self.crm_in("add-client", "Null", check=0)
        r = self.crm_in("add-client", "null", check=1)
        self.assertIn("is already a client: null (Null)", r.err)
        self.assertEqual(self.commit_count(), count + 1)
        self.assertEqual(sorted(p.name for p in (self.dir / "clients").iterdir()),
                         ["acme", "null"])
        self.crm_in("check", check=0)

    def test_a_contact_e_mail_that_is_no_address_is_refused(self):
        r = self.crm_in("add-client", "Acme", "--contact", "Jane <jane@x.example; touch pwned>",
                        check=2)
        self.assertIn("--contact: 'jane@x.example; touch pwned' is not an e-mail address: it "
                      "contains ';'", r.err)
        self.assertFalse((self.dir / "clients").exists())

    def test_another_name_that_makes_a_taken_slug_gets_a_number(self):
        # The spec's rule (section 2): a slug taken by another client gets -2, -3.
        self.assertEqual(self.crm_in("add-client", "Smith & Co", check=0).out, "smith-co\n")
        self.assertEqual(self.crm_in("add-client", "Smith Co!", check=0).out, "smith-co-2\n")
        self.assertEqual(self.crm_in("add-client", "Smith-Co", check=0).out, "smith-co-3\n")
        self.assertEqual(self.load("clients/smith-co-2/client.yaml")["name"], "Smith Co!")
        # The same name again, in any case, is still the same client.
        r = self.crm_in("add-client", "SMITH CO!", check=1)
        self.assertIn("is already a client: smith-co-2 (Smith Co!)", r.err)
        # Not an error for crm check, which points them out as likely one client.
        r = self.crm_in("check", check=0)
        self.assertIn("warning: clients/smith-co-2/client.yaml: likely the same client as "
                      "clients/smith-co", r.out)

    def test_a_taken_folder_that_is_no_client_gets_a_number(self):
        (self.dir / "clients/acme").mkdir(parents=True)  # a leftover, no client.yaml
        self.assertEqual(self.crm_in("add-client", "Acme", check=0).out, "acme-2\n")
        self.assertEqual(self.load("clients/acme-2/client.yaml")["name"], "Acme")

    def test_hostile_and_untransliterable_names_stay_inside_the_folder(self):
        expected = {
            "Müller & Söhne GmbH": "muller-sohne-gmbh",
            "../../etc/passwd": "etc-passwd",
            "a/b": "a-b",
            ".git": "git",
            "CON": "con-client",
            "-rf": "rf",
        }
        for name, slug in expected.items():
            with self.subTest(name=name):
                r = self.crm_in("add-client", "--", name, check=0)
                self.assertEqual(r.out.strip(), slug)
                self.assertEqual(self.load(f"clients/{slug}/client.yaml")["name"], name)
        japan = self.crm_in("add-client", "日本", check=0).out.strip()
        bangs = self.crm_in("add-client", "!!!", check=0).out.strip()
        self.assertRegex(japan, r"^client-[0-9a-f]{8}$")
        self.assertRegex(bangs, r"^client-[0-9a-f]{8}$")
        self.assertNotEqual(japan, bangs)
        self.assertEqual(self.load(f"clients/{japan}/client.yaml")["name"], "日本")
        self.assertEqual(self.load(f"clients/{bangs}/client.yaml")["name"], "!!!")
        # Nothing escaped: the folder holds only what crm made.
        outside = sorted(p.name for p in self.tmp.iterdir())
        self.assertEqual(outside, ["crm", "home"])
        self.assertFalse((self.dir / ".git" / "client.yaml").exists())
        listed = self.crm_in("list", "-q", check=0).out.split()
        self.assertEqual(len(listed), 8)

    def test_slug_is_the_same_on_every_locale(self):
        for lang in ("C", "C.UTF-8", "tr_TR.UTF-8", "de_DE.UTF-8"):
            with self.subTest(lang=lang):
                r = self.crm_in("add-client", "--no-commit", "Müller & Söhne GmbH Ï",
                                env={"LANG": lang, "LC_ALL": lang}, check=0)
                self.assertEqual(r.out, "muller-sohne-gmbh-i\n")
                shutil.rmtree(self.dir / "clients" / r.out.strip())

    def test_commit_holds_exactly_the_client_file(self):
        before = self.commit_count()
        self.write("stray.txt", "not crm's\n")
        self.crm_in("add-client", "Acme", check=0)
        self.assertEqual(self.commit_count(), before + 1)
        self.assertEqual(self.last_commit_files(), ["clients/acme/client.yaml"])
        self.assertEqual(self.last_commit_message(), "add-client: Acme")
        self.assertIn("stray.txt", self.git("status", "--porcelain"))

    def test_a_record_crm_would_refuse_to_read_is_never_written(self):
        # Each argument stays under the kernel's 128 KiB; together over crm's 1024 KiB.
        tags = [arg for i in range(11) for arg in ("--tag", f"t{i}" + "y" * 100_000)]
        head = self.git("rev-parse", "HEAD")
        r = self.crm_in("add-client", "Big", *tags, check=1)
        self.assertIn("crm: error: clients/big/client.yaml: file is larger than the 1024 KiB "
                      "a record may have", r.err)
        self.assertEqual(r.out, "")
        self.assertFalse((self.dir / "clients/big").exists())
        self.assertEqual(self.git("rev-parse", "HEAD"), head)
        self.assertIn("no problems", self.crm_in("check", check=0).err)


if __name__ == "__main__":
    unittest.main()
