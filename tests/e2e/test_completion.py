"""completion: bash, zsh and fish scripts; bash is run for real."""
import os
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
        self.assertIn("complete -o default -F _crm crm", self.script.read_text())

    def test_commands(self):
        self.assertEqual(self.complete("s"), ["show", "set", "sync", "search"])
        self.assertEqual(self.complete("log"), ["log-visit"])
        everything = self.complete("")
        self.assertEqual(len(everything), 27)
        self.assertIn("completion", everything)

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
        self.assertNotIn("--team-names", self.complete("remind", "--", env=env))


class OtherShellsTest(CrmTestCase):
    def test_zsh_script(self):
        out = self.crm("completion", "zsh", check=0).out
        self.assertTrue(out.startswith("#compdef crm\n"))
        self.assertIn("'log-visit:Log a visit", out)
        self.assertIn("list -q", out)
        if shutil.which("zsh"):
            proc = subprocess.run(["zsh", "-n"], input=out, capture_output=True, text=True)
            self.assertEqual(proc.returncode, 0, proc.stderr)

    def test_fish_script(self):
        out = self.crm("completion", "fish", check=0).out
        self.assertIn("complete -c crm -n __fish_use_subcommand -a due", out)
        self.assertIn("-n '__fish_seen_subcommand_from list' -l format -r", out)
        self.assertIn("-a '(__crm_clients)'", out)
        if shutil.which("fish"):
            proc = subprocess.run(["fish", "-n"], input=out, capture_output=True, text=True)
            self.assertEqual(proc.returncode, 0, proc.stderr)

    def test_unknown_shell_is_a_usage_error(self):
        self.crm("completion", "powershell", check=2)


if __name__ == "__main__":
    unittest.main()
