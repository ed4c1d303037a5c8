"""crm contact add | set | rm: one contact's lines in a hand-edited client.yaml, the rest
byte for byte; and the refusals, which change nothing."""
import unittest

from lifeutil import LifeTestCase, changed_lines

CLIENT = "clients/acme-engineering/client.yaml"

HAND = """\
# Acme - our oldest client. Keep this comment!
name: 'Acme Engineering'      # the legal name
stage: client
tier: B   # was A until 2025
contacts:
  # the people we talk to
  - name: Jane Doe
    # she prefers phone
    email: jane@acme.example   # work address
    phone: "+61 2 5555 0100"

  - name: John Doe   # no relation
    role: CFO
tags: [civil,   bridges]

# --- free text below ---
notes: |
  Our biggest account.
"""


class ContactTestCase(LifeTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.crm_in("add-client", "Acme Engineering", check=0)
        self.crm_in("add-client", "Beta Water", check=0)
        self.write(CLIENT, HAND)
        self.git("commit", "-qam", "hand edit")

    def text(self):
        return (self.dir / CLIENT).read_text(encoding="utf-8")


class ContactAddTest(ContactTestCase):
    def test_add_appends_the_new_lines_only_and_commits(self):
        r = self.crm_in("contact", "add", "acme", "Tom Lee <tom@acme.example>", "--role",
                        "Site: north", "--phone", "0400 000 000", "--note", "yes", check=0)
        self.assertIn("added Tom Lee <tom@acme.example> to Acme Engineering", r.err)
        self.assertEqual(r.out, "")
        uid = self.load(CLIENT)["contacts"][2]["uid"]  # crm gives every contact it adds one
        self.assertRegex(uid, r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
        self.assertEqual(changed_lines(HAND, self.text()),
                         ([], ["  - name: Tom Lee\n", '    role: "Site: north"\n',
                               "    email: tom@acme.example\n", '    phone: "0400 000 000"\n',
                               '    notes: "yes"\n', f"    uid: {uid}\n"]))
        # After the last contact's lines, before the next key.
        self.assertIn('    role: CFO\n  - name: Tom Lee\n', self.text())
        contacts = self.load(CLIENT)["contacts"]
        self.assertEqual(contacts[2], {"name": "Tom Lee", "role": "Site: north",
                                       "email": "tom@acme.example", "phone": "0400 000 000",
                                       "notes": "yes", "uid": uid})
        self.assertEqual(self.last_commit_message(), "contact add: Acme Engineering (Tom Lee)")
        self.assertEqual(self.trailer(), "contact add")
        self.assertEqual(self.last_commit_files(), [CLIENT])
        self.assertEqual(self.git("status", "--porcelain"), "")
        self.assertCheckClean()

    def test_add_to_a_client_without_contacts_and_by_email_alone(self):
        self.crm_in("contact", "add", "beta", "ann@beta.example", check=0)
        data = self.load("clients/beta-water/client.yaml")
        self.assertEqual([{k: v for k, v in c.items() if k != "uid"} for c in data["contacts"]],
                         [{"name": "ann@beta.example", "email": "ann@beta.example"}])
        self.assertCheckClean()

    def test_the_same_person_twice_is_refused(self):
        self.assertRefused("contact", "add", "acme", "J. Doe <JANE@acme.example>",
                           says="Jane Doe <jane@acme.example> is already a contact of Acme "
                                "Engineering (the same e-mail)")
        r = self.assertRefused("contact", "add", "acme", "john doe")
        self.assertIn('crm contact set acme-engineering "John Doe" FIELD VALUE', r.err)

    def test_nobody_and_an_unknown_client_are_refused(self):
        self.assertRefused("contact", "add", "acme", "  ", code=2, says="names nobody")
        self.assertRefused("contact", "add", "nobody-here", "Tom", says="no client matches")

    def test_an_e_mail_that_is_no_address_is_refused(self):
        # A hostile value would later be offered by completion and mail programs.
        for text, why in (("Jane <jane@x.example; touch pwned>", "contains ';'"),
                          ("Jo <jo@x.example, bob@y.example>", "contains ','"),
                          ("Al <al@x.example\u0007>", "contains a control character"),
                          ("Cy <cy.example>", "has no @")):
            with self.subTest(text=text):
                self.assertRefused("contact", "add", "acme", text, code=2,
                                   says=f"is not an e-mail address: it {why}")
        self.crm_in("contact", "add", "acme", "Jürgen <jürgen@müller.example>", check=0)

    def test_a_list_in_flow_style_is_refused_untouched(self):
        self.write("clients/beta-water/client.yaml", "name: Beta Water\ncontacts: [Ann, Bob]\n")
        self.git("commit", "-qam", "flow")
        r = self.assertRefused("contact", "add", "beta", "Cy", says="cannot change")
        self.assertIn("crm edit", r.err)


class ContactSetTest(ContactTestCase):
    def test_set_changes_one_value_keeping_its_comment(self):
        self.crm_in("contact", "set", "acme", "jane", "email", "jane.doe@acme.example", check=0)
        self.assertEqual(changed_lines(HAND, self.text()),
                         (["    email: jane@acme.example   # work address\n"],
                          ["    email: jane.doe@acme.example   # work address\n"]))
        self.assertEqual(self.last_commit_message(),
                         "contact set: Acme Engineering (Jane Doe) email jane.doe@acme.example")
        self.assertCheckClean()

    def test_set_adds_a_missing_field_after_the_contacts_lines(self):
        self.crm_in("contact", "set", "acme", "cfo", "phone", "x", check=1)  # no such contact
        self.crm_in("contact", "set", "acme", "JOHN DOE", "phone", "017", check=0)
        self.assertEqual(changed_lines(HAND, self.text()),
                         ([], ['    phone: "017"\n']))
        self.assertIn("    role: CFO\n    phone: \"017\"\n", self.text())
        self.assertEqual(self.load(CLIENT)["contacts"][1]["phone"], "017")

    def test_contact_by_email_and_by_a_part(self):
        self.crm_in("contact", "set", "acme", "jane@acme.example", "role", "Director", check=0)
        self.crm_in("contact", "set", "acme", "ohn", "role", "CEO", check=0)
        contacts = self.load(CLIENT)["contacts"]
        self.assertEqual(contacts[0]["role"], "Director")
        self.assertEqual(contacts[1]["role"], "CEO")

    def test_unknown_and_ambiguous_contacts_list_the_candidates(self):
        r = self.assertRefused("contact", "set", "acme", "zed", "role", "x",
                               says="no contact of Acme Engineering matches 'zed'")
        self.assertIn("Jane Doe <jane@acme.example>, John Doe", r.err)
        r = self.assertRefused("contact", "set", "acme", "doe", "role", "x",
                               says="'doe' matches 2 contacts of Acme Engineering")
        self.assertIn("Jane Doe <jane@acme.example>, John Doe", r.err)
        self.assertRefused("contact", "set", "beta", "x", "role", "y",
                           says="Beta Water has no contacts")

    def test_an_e_mail_set_is_checked(self):
        self.assertRefused("contact", "set", "acme", "jane", "email", "jane@x.example>", code=2,
                           says="email: 'jane@x.example>' is not an e-mail address")
        self.crm_in("contact", "set", "acme", "jane", "email", "jane.doe@acme.example", check=0)

    def test_bad_field_empty_name_and_a_taken_name(self):
        self.assertRefused("contact", "set", "acme", "jane", "birthday", "x", code=2)
        self.assertRefused("contact", "set", "acme", "jane", "name", " ", code=2)
        self.assertRefused("contact", "set", "acme", "jane", "name", "john doe",
                           says="already has that name")

    def test_the_same_value_changes_nothing(self):
        before = self.state()
        r = self.crm_in("contact", "set", "acme", "jane", "phone", "+61 2 5555 0100", check=0)
        self.assertIn("nothing to change", r.err)
        self.assertEqual(self.state(), before)


class ContactRmTest(ContactTestCase):
    def test_rm_removes_that_contacts_lines_only(self):
        self.crm_in("contact", "rm", "acme", "jane doe", check=0)
        self.assertEqual(changed_lines(HAND, self.text()),
                         (["  - name: Jane Doe\n", "    # she prefers phone\n",
                           "    email: jane@acme.example   # work address\n",
                           '    phone: "+61 2 5555 0100"\n'], []))
        self.assertIn("  # the people we talk to\n\n  - name: John Doe", self.text())
        self.assertEqual(self.last_commit_message(), "contact rm: Acme Engineering (Jane Doe)")
        self.assertCheckClean()

    def test_rm_the_last_contact_leaves_an_empty_list(self):
        self.crm_in("contact", "rm", "acme", "jane", check=0)
        self.crm_in("contact", "rm", "acme", "john", check=0)
        self.assertEqual(self.load(CLIENT)["contacts"], [])
        self.assertCheckClean()

    def test_rm_unknown_is_refused(self):
        self.assertRefused("contact", "rm", "acme", "nobody", says="no contact")


if __name__ == "__main__":
    unittest.main()
