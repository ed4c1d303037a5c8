"""completion: bash, zsh and fish scripts; bash is run for real."""
import os
import re
import shutil
import subprocess
import unittest
from pathlib import Path

from harness import CRM, CrmTestCase


class BashCompletionTest(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        for name in ("Acme Engineering", "Acorn Legal", "Beta Water"):
            self.crm_in("add-client", name, check=0)
        self.script = self.tmp / "crm.bash"
        self.script.write_text(self.crm("completion", "bash", check=0).out)
        # The script calls crm by the name the user typed; put the built one on PATH.
        bindir = self.tmp / "bin"
        bindir.mkdir()
        os.symlink(os.path.abspath(CRM), bindir / "crm")
        self.path = f"{bindir}:{self.env['PATH']}"

    def complete(self, *words, env=None):
        """Runs the completion function with COMP_WORDS = crm WORDS; returns COMPREPLY."""
        quoted = " ".join("'" + w.replace("'", "'\\''") + "'" for w in ("crm",) + words)
        program = (f"source '{self.script}'\n"
                   f"COMP_WORDS=({quoted})\nCOMP_CWORD={len(words)}\n"
                   "_crm\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n")
        full_env = dict(self.env, PATH=self.path, **(env or {}))
        proc = subprocess.run(["bash", "--norc", "--noprofile", "-c", program], env=full_env,
                              capture_output=True, text=True, cwd=str(self.tmp), timeout=60)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(proc.stderr, "")
        return [w for w in proc.stdout.split("\n") if w]

    def test_script_is_valid_bash(self):
        proc = subprocess.run(["bash", "-n", str(self.script)], capture_output=True, text=True)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("complete -F _crm crm", self.script.read_text())
        # No "-o default": where crm offers nothing (a flag, a date), bash offers no files.
        self.assertNotIn("-o default", self.script.read_text())

    def test_commands(self):
        self.assertEqual(self.complete("s"), ["show", "set", "sync", "search"])
        self.assertEqual(self.complete("log"), ["log-visit", "log", "log-email"])
        everything = self.complete("")
        help_text = self.crm("--help", check=0).out.split("Commands:", 1)[1]
        listed = re.findall(r"^  ([a-z][a-z-]+)  ", help_text, re.M)
        self.assertEqual(everything, listed)
        self.assertIn("completion", everything)
        self.assertNotIn("add", everything)  # a command of `crm contact`, not of crm

    def test_global_and_command_options(self):
        self.assertEqual(sorted(self.complete("--no")), ["--no-color", "--no-commit"])
        self.assertEqual(self.complete("list", "--fo"), ["--format"])
        self.assertIn("--dry-run", self.complete("import", "--d"))
        self.assertIn("--dir", self.complete("import", "--d"))

    def test_client_slugs_from_the_folder(self):
        self.assertEqual(self.complete("show", "ac", env={"CRM_DIR": str(self.dir)}),
                         ["acme-engineering", "acorn-legal"])
        # --dir on the command line wins, anywhere before the word.
        self.assertEqual(self.complete("--dir", str(self.dir), "log-visit", ""),
                         ["acme-engineering", "acorn-legal", "beta-water"])
        self.assertEqual(self.complete("log-visit", "--dir", str(self.dir), "--date", "today", "b"),
                         ["beta-water"])

    def test_only_the_first_argument_is_a_client(self):
        env = {"CRM_DIR": str(self.dir)}
        self.assertEqual(self.complete("log-visit", "acme-engineering", "ac", env=env), [])
        self.assertEqual(self.complete("list", "ac", env=env), [])

    def test_no_folder_no_slugs_no_noise(self):
        self.assertEqual(self.complete("show", "", env={"CRM_DIR": str(self.tmp / "none")}), [])

    def test_completion_shells(self):
        self.assertEqual(self.complete("completion", ""), ["bash", "zsh", "fish"])

    def test_teammates_after_watch_client_and_for_remind_to(self):
        (self.dir / "crm.yaml").write_text(
            "team:\n  - {name: Alice Smith, email: a@x.example}\n"
            "  - {name: Bob Jones, email: b@x.example}\n  - {name: Bea, email: c@x.example}\n"
            "mail: {from: crm@x.example}\n")
        env = {"CRM_DIR": str(self.dir)}
        self.assertEqual(self.complete("watch", "acme-engineering", "", env=env),
                         ["Alice\\ Smith", "Bob\\ Jones", "Bea"])
        self.assertEqual(self.complete("unwatch", "acme-engineering", "B", env=env),
                         ["Bob\\ Jones", "Bea"])
        self.assertEqual(self.complete("watch", "acme-engineering", "Bob\\ J", env=env),
                         ["Bob\\ Jones"])
        # The first argument is still a client.
        self.assertEqual(self.complete("watch", "ac", env=env),
                         ["acme-engineering", "acorn-legal"])
        self.assertEqual(self.complete("remind", "--to", "A", env=env), ["Alice\\ Smith"])
        # The plumbing option is no option for people.
        self.assertNotIn("--values", self.complete("completion", "--", env=env))

    def test_commands_of_a_command_and_their_options(self):
        self.assertEqual(self.complete("contact", ""), ["add", "set", "rm"])
        self.assertEqual(self.complete("contact", "s"), ["set"])
        self.assertEqual(self.complete("contact", "add", "--r"), ["--role"])
        self.assertIn("--note", self.complete("contact", "add", "acme", "x", "--"))
        # --role takes a value: the word after it is no positional.
        env = {"CRM_DIR": str(self.dir)}
        self.assertEqual(self.complete("contact", "add", "--role", "CFO", "ac", env=env),
                         ["acme-engineering", "acorn-legal"])
        self.assertEqual(self.complete("merge", "--p"), ["--prefer"])
        self.assertEqual(self.complete("rm", "--y"), ["--yes"])

    def test_every_client_argument_completes_slugs(self):
        env = {"CRM_DIR": str(self.dir)}
        self.assertEqual(self.complete("contact", "set", "b", env=env), ["beta-water"])
        self.assertEqual(self.complete("merge", "acme-engineering", "ac", env=env),
                         ["acme-engineering", "acorn-legal"])
        self.assertEqual(self.complete("rename", "be", env=env), ["beta-water"])
        self.assertEqual(self.complete("rm", "be", env=env), ["beta-water"])
        self.assertEqual(self.complete("log", "be", env=env), ["beta-water"])
        self.assertEqual(self.complete("rename", "beta-water", "x", env=env), [])

    def test_contacts_of_the_client_named_before(self):
        env = {"CRM_DIR": str(self.dir)}
        self.crm_in("contact", "add", "acme", "Jane Doe <jane@acme.example>", check=0)
        self.crm_in("contact", "add", "acme", "Bob Smith", check=0)
        self.assertEqual(self.complete("contact", "set", "acme", "", env=env),
                         ["jane@acme.example", "Bob\\ Smith"])
        self.assertEqual(self.complete("contact", "rm", "acme-engineering", "j", env=env),
                         ["jane@acme.example"])
        self.assertEqual(self.complete("contact", "rm", "nobody", "", env=env), [])


class ShellCase(CrmTestCase):
    """A folder with three clients and a team, crm on PATH, and `complete` for one shell."""
    shell = None

    def setUp(self):
        super().setUp()
        if not shutil.which(self.shell):
            # A missing shell fails: a skip would count as a pass that proved nothing.
            self.fail(f"{self.shell} is not installed (scripts/bootstrap installs it)")
        self.init()
        for name in ("Acme Engineering", "Acorn Legal", "Beta Water"):
            self.crm_in("add-client", name, check=0)
        with open(self.dir / "crm.yaml", "a") as f:
            f.write("team:\n  - {name: Alice Smith, email: a@x.example}\n"
                    "  - {name: Bob Jones, email: b@x.example}\nmail: {from: crm@x.example}\n")
        self.script = self.tmp / f"crm.{self.shell}"
        self.script.write_text(self.crm("completion", self.shell, check=0).out)
        bindir = self.tmp / "bin"
        bindir.mkdir()
        os.symlink(os.path.abspath(CRM), bindir / "crm")
        self.run_env = dict(self.env, PATH=f"{bindir}:{self.env['PATH']}", CRM_DIR=str(self.dir))

    def run_shell(self, argv):
        proc = subprocess.run(argv, env=self.run_env, capture_output=True, text=True,
                              cwd=str(self.tmp), timeout=60)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(proc.stderr, "")
        return [w for w in proc.stdout.split("\n") if w]


class ZshCompletion(ShellCase):
    shell = "zsh"

    def complete(self, *words):
        """Runs _crm as zsh's completion would, with compadd and friends printing what they
        are given (and, as zsh does, only what starts with the word typed)."""
        quoted = " ".join("'" + w.replace("'", "'\\''") + "'" for w in ("crm",) + words)
        program = (
            "compdef() { }\n"
            "compadd() { local a; while (($#)) && [[ $1 != -- ]]; do shift; done; shift\n"
            "  for a in \"$@\"; do [[ $a == ${PREFIX}* ]] && print -r -- \"$a\"; done }\n"
            "_describe() { local n; for n in ${(P)4}; do n=${n%%:*}\n"
            "  [[ $n == ${PREFIX}* ]] && print -r -- \"$n\"; done }\n"
            "_files() { print -r -- '<files>' }\n"
            f"source '{self.script}'\n"
            f"words=({quoted}); CURRENT={len(words) + 1}; PREFIX=$words[CURRENT]\n"
            "_crm\ntrue\n")
        return self.run_shell(["zsh", "-f", "-c", program])


class FishCompletion(ShellCase):
    shell = "fish"

    def complete(self, *words):
        """fish's own `complete -C` on the command line crm WORDS."""
        line = " ".join(("crm",) + words)
        program = f"source '{self.script}'; complete -C '{line}'"
        return [w.split("\t")[0] for w in self.run_shell(["fish", "--no-config", "-c", program])]


class BashCompletion(ShellCase):
    shell = "bash"

    def complete(self, *words):
        quoted = " ".join("'" + w.replace("'", "'\\''") + "'" for w in ("crm",) + words)
        program = (f"source '{self.script}'\n"
                   f"COMP_WORDS=({quoted})\nCOMP_CWORD={len(words)}\n"
                   "_crm\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n")
        # Blanks escaped in a reply are the shell's business: compare the words.
        return [w.replace("\\ ", " ") for w in
                self.run_shell(["bash", "--norc", "--noprofile", "-c", program])]


class SameInEveryShell:
    """What a person sees, the same in bash, zsh and fish."""

    def test_commands_and_options(self):
        self.assertEqual(sorted(self.complete("sh")), ["show"])
        self.assertIn("--format", self.complete("due", "--f"))
        self.assertIn("--dir", self.complete("due", "--d"))

    def test_option_values(self):
        self.assertEqual(sorted(self.complete("due", "--format", "")),
                         ["csv", "ics", "json", "markdown", "table"])
        self.assertEqual(sorted(self.complete("log-visit", "acme", "--kind", "")),
                         sorted(["visit", "call", "meeting", "email", "lunch", "event", "other"]))
        self.assertEqual(self.complete("review", "acme", "--rating", "un"), ["unhappy"])
        self.assertEqual(sorted(self.complete("list", "--stage", "pro")), ["proposal", "prospect"])
        self.assertEqual(sorted(self.complete("due", "--tier", "")), ["A", "B", "C"])
        self.assertEqual(self.complete("export", "--what", "v"), ["visits"])
        self.assertEqual(self.complete("remind", "--to", "B"), ["Bob Jones"])

    def test_a_flag_takes_no_value(self):
        # After a flag the next word is what it would be without the flag.
        self.assertEqual(sorted(self.complete("promises", "--all", "ac")),
                         ["acme-engineering", "acorn-legal"])
        self.assertEqual(self.complete("promises", "--overdue", "--mine", "be"), ["beta-water"])
        self.assertEqual(self.complete("list", "-q", ""), [])
        self.assertEqual(self.complete("log-visit", "acme", "--edit", ""), [])
        # A date or free text: nothing, and never file names.
        self.assertEqual(self.complete("due", "--until", ""), [])
        self.assertEqual(self.complete("log-visit", "acme", "--promise", ""), [])

    def test_positionals(self):
        self.assertEqual(self.complete("show", "b"), ["beta-water"])
        self.assertEqual(sorted(self.complete("watch", "acme-engineering", "")),
                         ["Alice Smith", "Bob Jones"])
        self.assertEqual(sorted(self.complete("completion", "")), ["bash", "fish", "zsh"])
        self.assertIn("stage", self.complete("set", "acme-engineering", "st"))


class BashSameTest(SameInEveryShell, BashCompletion):
    pass


class ZshSameTest(SameInEveryShell, ZshCompletion):
    pass


class FishSameTest(SameInEveryShell, FishCompletion):
    pass


class ScriptsTest(CrmTestCase):
    def test_scripts_parse(self):
        for shell, check in (("bash", ["bash", "-n"]), ("zsh", ["zsh", "-n"]),
                             ("fish", ["fish", "-n"])):
            with self.subTest(shell=shell):
                out = self.crm("completion", shell, check=0).out
                if not shutil.which(shell):
                    continue
                proc = subprocess.run(check, input=out, capture_output=True, text=True)
                self.assertEqual(proc.returncode, 0, proc.stderr)

    def test_unknown_shell_is_a_usage_error(self):
        self.crm("completion", "powershell", check=2)

if __name__ == "__main__":
    unittest.main()
