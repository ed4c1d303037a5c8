"""completion: bash, zsh and fish run crm's scripts for real (shells.py).

The scripts ask `crm __complete` for the words; what each argument completes to is
recorded where it is declared. Each candidate must reach the command as one word,
whatever blanks, accents, CJK or quotes it holds, in every shell.
"""
import re
import subprocess
import unittest
from pathlib import Path

from harness import CrmTestCase
from shells import Shells

ROOT = Path(__file__).resolve().parents[2]

VISIT = """date: 2026-11-20
by: Alice Smith
promises:
  - what: Send fee proposal
    due: 2026-11-27
actions:
  - what: Ask Bob for rates
"""


def unescaped(word):
    """A word as the command receives it from a backslash-escaped one."""
    return re.sub(r"\\(.)", r"\1", word)


class CompletionCase(CrmTestCase):
    """Clients with blanks, accents, CJK and an apostrophe in their names; contacts, a
    tag, open items, an opportunity, a team."""

    def setUp(self):
        super().setUp()
        self.init()
        for name in ("Acme Engineering", "Acorn Legal", "Beta Water", "Müller & Söhne GmbH",
                     "東京建設", "O'Brien Surveys"):
            self.crm_in("add-client", name, check=0)
        self.crm_in("set", "acme", "tier", "A", check=0)
        self.crm_in("contact", "add", "acme", "Jane Doe <jane@acme.example>", check=0)
        self.crm_in("contact", "add", "acme", "Bob Smith", check=0)
        self.write("clients/acme-engineering/visits/2026-11-20-alice-smith-aaaaaa.yaml", VISIT)
        self.crm_in("opportunity", "add", "acme", "Depot stage 2", check=0)
        with open(self.dir / "crm.yaml", "a") as f:
            f.write("team:\n  - {name: Alice Smith, email: a@x.example}\n"
                    "  - {name: Bob Jones, email: b@x.example}\nmail: {from: crm@x.example}\n")
        self.write("clients/beta-water/client.yaml", "name: Beta Water\ntags: [civil, water]\n")
        self.shells = Shells(self)


class SameInEveryShell:
    """What a person is offered, the same in bash, zsh and fish (as the command gets it)."""

    shell = None

    def complete(self, *words, env=None):
        return [unescaped(w) for w in self.shells.candidates(self.shell, *words, env=env)]

    def test_due_format_offers_five(self):
        self.assertEqual(self.complete("due", "--format", ""),
                         ["table", "json", "csv", "markdown", "ics"])

    def test_commands_and_their_options(self):
        self.assertEqual(self.complete("sh"), ["show"])
        self.assertEqual(self.complete("contact", ""), ["add", "set", "rm"])
        self.assertIn("--format", self.complete("due", "--f"))
        self.assertIn("--dir", self.complete("due", "--d"))
        self.assertEqual(self.complete("opportunity", "lost", "--re"), ["--reason"])

    def test_option_values_in_their_order(self):
        self.assertEqual(self.complete("log-visit", "acme", "--kind", ""),
                         ["visit", "call", "meeting", "email", "lunch", "event", "other"])
        # Ratings along the scale, never alphabetically (zsh sorted them before).
        self.assertEqual(self.complete("review", "acme", "--rating", ""),
                         ["angry", "unhappy", "neutral", "happy", "elated"])
        self.assertEqual(self.complete("list", "--stage", "pro"), ["prospect", "proposal"])
        self.assertEqual(self.complete("due", "--tier", ""), ["A", "B", "C"])
        self.assertEqual(self.complete("export", "--what", "v"), ["visits"])
        self.assertEqual(self.complete("opportunity", "add", "acme", "T", "--stage", ""),
                         ["pre-scoping", "rfp", "proposal", "negotiation"])
        self.assertEqual(self.complete("log-visit", "acme", "--initiated-by", ""),
                         ["us", "client"])
        self.assertEqual(self.complete("merge", "acme", "beta", "--prefer", ""), ["keep", "other"])

    def test_clients_by_slug_and_by_name(self):
        # Nothing typed: each client once, by slug.
        self.assertEqual(self.complete("show", ""),
                         ["acme-engineering", "acorn-legal", "beta-water", "client-93be2ebe",
                          "muller-sohne-gmbh", "obrien-surveys"])
        self.assertEqual(self.complete("show", "ac"), ["acme-engineering", "acorn-legal"])
        self.assertEqual(self.complete("show", "Ac"), ["Acme Engineering", "Acorn Legal"])
        self.assertEqual(self.complete("show", "Mü"), ["Müller & Söhne GmbH"])
        self.assertEqual(self.complete("show", "東"), ["東京建設"])
        self.assertEqual(self.complete("show", "O"), ["O'Brien Surveys"])
        # Every argument that names a client, and only that one.
        self.assertEqual(self.complete("merge", "acme", "Mü"), ["Müller & Söhne GmbH"])
        self.assertEqual(self.complete("log-visit", "acme", "ac"), [])
        self.assertEqual(self.complete("list", "ac"), [])

    def test_contacts_opportunities_and_items_of_the_client_typed(self):
        self.assertEqual(self.complete("contact", "set", "acme", ""), ["Jane Doe", "Bob Smith"])
        self.assertEqual(self.complete("log-visit", "Acme\\ Engineering", "--with", "J"),
                         ["Jane Doe"])
        self.assertEqual(self.complete("contact", "rm", "beta", ""), [])
        self.assertEqual(self.complete("opportunity", "set", "acme", ""), ["Depot stage 2"])
        self.assertEqual(self.complete("done", "acme", ""), ["1", "2"])
        self.assertEqual(self.complete("done", "acme", "1", ""), ["1", "2"])

    def test_tags_teammates_fields(self):
        self.assertEqual(self.complete("list", "--tag", ""), ["civil", "water"])
        self.assertEqual(self.complete("watch", "acme", ""), ["Alice Smith", "Bob Jones"])
        self.assertEqual(self.complete("remind", "--to", "B"), ["Bob Jones"])
        self.assertEqual(self.complete("due", "--owner", "A"), ["Alice Smith"])
        self.assertIn("stage", self.complete("set", "acme", "st"))
        self.assertEqual(self.complete("set", "acme", "tier", ""), ["A", "B", "C"])
        self.assertEqual(self.complete("contact", "set", "acme", "jane", ""),
                         ["name", "role", "email", "phone", "notes"])

    def test_a_flag_takes_no_value(self):
        self.assertEqual(self.complete("promises", "--all", "ac"),
                         ["acme-engineering", "acorn-legal"])
        self.assertEqual(self.complete("promises", "--overdue", "--mine", "be"), ["beta-water"])
        self.assertEqual(self.complete("list", "-q", ""), [])
        self.assertEqual(self.complete("log-visit", "acme", "--edit", ""), [])
        # A date or free text: nothing, and never file names.
        self.assertEqual(self.complete("due", "--until", ""), [])
        self.assertEqual(self.complete("log-visit", "acme", "--promise", ""), [])
        # --dir takes a value: the word after it is no command.
        self.assertEqual(self.complete("--dir", str(self.dir), "show", "be"), ["beta-water"])

    def test_no_folder_no_values_no_noise(self):
        self.assertEqual(self.complete("show", "", env={"CRM_DIR": str(self.tmp / "none")}), [])
        self.assertEqual(self.complete("completion", ""), ["bash", "zsh", "fish"])


class BashTest(SameInEveryShell, CompletionCase):
    shell = "bash"

    def test_each_candidate_is_one_word_as_bash_inserts_it(self):
        bash = lambda *w: self.shells.candidates("bash", *w)
        self.assertEqual(bash("show", "Mü"), ["Müller\\ \\&\\ Söhne\\ GmbH"])
        self.assertEqual(bash("show", "O"), ["O\\'Brien\\ Surveys"])
        # Inside a quote, the quote does the work: no backslash stays in the value.
        self.assertEqual(bash("show", '"Mü'), ["Müller & Söhne GmbH"])
        self.assertEqual(bash("show", "'Mü"), ["Müller & Söhne GmbH"])
        self.assertEqual(bash("show", "'O"), ["O'\\''Brien Surveys"])
        # After --format=, readline completes the value alone.
        self.assertEqual(bash("due", "--format=ma"), ["markdown"])

    def test_what_the_command_receives(self):
        typed = lambda keys: self.shells.typed("bash", keys)
        self.assertEqual(typed("crm show Mü\t"), ["show", "Müller & Söhne GmbH"])
        self.assertEqual(typed('crm show "Mü\t'), ["show", "Müller & Söhne GmbH"])
        self.assertEqual(typed("crm show 東\t"), ["show", "東京建設"])
        self.assertEqual(typed("crm show 'O\t"), ["show", "O'Brien Surveys"])
        self.assertEqual(typed('crm contact rm acme "Ja\t'),
                         ["contact", "rm", "acme", "Jane Doe"])
        self.assertEqual(typed("crm due --format=ma\t"), ["due", "--format=markdown"])


class ZshTest(SameInEveryShell, CompletionCase):
    shell = "zsh"

    def test_what_the_command_receives(self):
        typed = lambda keys: self.shells.typed("zsh", keys)
        self.assertEqual(typed("crm show Mü\t"), ["show", "Müller & Söhne GmbH"])
        self.assertEqual(typed('crm show "Mü\t'), ["show", "Müller & Söhne GmbH"])
        self.assertEqual(typed("crm show 東\t"), ["show", "東京建設"])
        self.assertEqual(typed("crm show O\t"), ["show", "O'Brien Surveys"])
        self.assertEqual(typed("crm review acme --rating ela\t"),
                         ["review", "acme", "--rating", "elated"])

    def test_the_list_shows_ratings_along_the_scale_with_what_items_are(self):
        shown = self.shells.screen("zsh", "crm review acme --rating \t")
        at = [m.start() if (m := re.search(rf"\b{r}\b", shown)) else -1
              for r in ("angry", "unhappy", "neutral", "happy", "elated")]
        self.assertNotIn(-1, at, shown)
        self.assertEqual(at, sorted(at), shown)
        shown = self.shells.screen("zsh", "crm done acme \t")
        self.assertIn("Send fee proposal (due 2026-11-27)", shown)
        self.assertIn("Ask Bob for rates", shown)


class FishTest(SameInEveryShell, CompletionCase):
    shell = "fish"

    def test_items_and_names_are_described(self):
        program = f"source '{self.shells.script('fish')}'; complete -C 'crm done acme '"
        proc = subprocess.run(["fish", "--no-config", "-c", program], env=self.shells.env,
                              capture_output=True, text=True, timeout=60)
        self.assertEqual(proc.stdout, "1\tSend fee proposal (due 2026-11-27)\n"
                                      "2\tAsk Bob for rates\n")

    def test_what_the_command_receives(self):
        typed = lambda keys: self.shells.typed("fish", keys)
        self.assertEqual(typed("crm show Mü\t"), ["show", "Müller & Söhne GmbH"])
        self.assertEqual(typed('crm show "Mü\t'), ["show", "Müller & Söhne GmbH"])
        self.assertEqual(typed("crm show 東\t"), ["show", "東京建設"])
        self.assertEqual(typed("crm show O\t"), ["show", "O'Brien Surveys"])


class ScriptsTest(CrmTestCase):
    def test_the_scripts_are_the_template_files(self):
        for shell in ("bash", "zsh", "fish"):
            with self.subTest(shell=shell):
                out = self.crm("completion", shell, check=0).out
                self.assertEqual(out, (ROOT / "src/cli/completion" / f"crm.{shell}").read_text())
                proc = subprocess.run([shell, "-n"], input=out, capture_output=True, text=True)
                self.assertEqual(proc.returncode, 0, proc.stderr)

    def test_the_shell_is_checked(self):
        r = self.crm("completion", "powershell", check=2)
        self.assertEqual(r.err, "crm: error: SHELL: 'powershell' is not one of bash, zsh, fish\n"
                                "hint: use one of: bash, zsh, fish\n")
        r = self.crm("completion", check=2)
        self.assertEqual(r.err, "crm: error: completion: SHELL is missing\n"
                                "hint: crm completion SHELL\n")

    def test_what_crm_answers_the_scripts(self):
        self.init()
        self.crm_in("add-client", "Acme", check=0)
        env = {"CRM_DIR": str(self.dir)}
        self.assertEqual(self.crm("__complete", "import", "", env=env, check=0).out, "files\n")
        self.assertEqual(self.crm("__complete", "show", "", env=env, check=0).out,
                         "words\nacme\tAcme\n")
        self.assertEqual(self.crm("__complete", "due", "--format=j", env=env, check=0).out,
                         "words\n--format=json\n")
        # Not a command a person types: neither offered nor listed.
        self.assertNotIn("__complete", self.crm("__complete", "", check=0).out)
        self.assertNotIn("__complete", self.crm("--help", check=0).out)


if __name__ == "__main__":
    unittest.main()
