"""End-to-end test harness: runs the built crm binary in temporary folders.

Every test gets its own temporary HOME (with a test git identity in its .gitconfig),
a fixed CRM_TODAY and CRM_USER, and no variable of the developer's environment that
could change crm's behaviour (CRM_DIR, GIT_*, NO_COLOR, EDITOR...). Nothing depends on
the real date, the network or the developer's home directory.
"""
import difflib
import os
import re
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

import yaml  # Debian's python3-yaml: a second, independent YAML parser

CRM = os.environ.get("CRM_BIN") or str(Path(__file__).resolve().parents[2] / "build" / "crm")
TODAY = "2026-11-23"
USER = "Alice Smith"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"



def changed_lines(before, after):
    """The lines that differ, as (removed, added) lists."""
    removed, added = [], []
    for line in difflib.ndiff(before.splitlines(True), after.splitlines(True)):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added

class Result:
    def __init__(self, proc):
        self.code = proc.returncode
        self.out = proc.stdout
        self.err = proc.stderr

    def saved(self):
        """The files a command wrote but could not commit, as its error names them ("the
        data is saved in PATH...; nothing was lost"): it prints a path on stdout only once
        the commit is made."""
        m = re.search(r"the data is saved in (.*?); nothing was lost", self.err)
        return m.group(1).split() if m else []

    def __repr__(self):
        return f"<exit {self.code}\nstdout:\n{self.out}\nstderr:\n{self.err}>"


class CrmTestCase(unittest.TestCase):
    """Base class: self.tmp is a fresh folder, self.home a fresh HOME."""

    maxDiff = None

    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="crm-e2e-"))
        self.addCleanup(shutil.rmtree, self.tmp, ignore_errors=True)
        self.home = self.tmp / "home"
        self.home.mkdir()
        (self.home / ".gitconfig").write_text(
            "[user]\n\tname = Test User\n\temail = test@example.invalid\n"
            "[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n"
        )
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.home),
            "LANG": "C.UTF-8",
            "CRM_TODAY": TODAY,
            "CRM_USER": USER,
            "GIT_CONFIG_NOSYSTEM": "1",
        }
        self.dir = self.tmp / "crm"

    # -- running crm -------------------------------------------------------------
    def crm(self, *args, input=None, env=None, cwd=None, check=None):
        """Runs crm with --dir self.dir unless args name a dir; returns a Result.

        check=0 (or any code) asserts the exit code and shows everything on failure."""
        full_env = dict(self.env)
        if env:
            full_env.update(env)
            full_env = {k: v for k, v in full_env.items() if v is not None}
        proc = subprocess.run(
            [CRM, *args], input=input, capture_output=True, text=True,
            env=full_env, cwd=str(cwd or self.tmp), timeout=60,
        )
        r = Result(proc)
        if check is not None:
            self.assertEqual(r.code, check, r)
        return r

    def crm_in(self, *args, **kw):
        """crm with --dir pointing at the test folder."""
        return self.crm("--dir", str(self.dir), *args, **kw)

    def init(self):
        self.crm("init", str(self.dir), check=0)
        return self.dir

    def copy_example(self, name="consultancy"):
        shutil.copytree(EXAMPLES / name, self.dir)
        self.git("init", "-q")
        self.git("add", "-A")
        self.git("commit", "-q", "-m", "example")
        return self.dir

    # -- inspecting the folder ---------------------------------------------------
    def git(self, *args, cwd=None):
        proc = subprocess.run(["git", *args], capture_output=True, text=True, env=self.env,
                              cwd=str(cwd or self.dir))
        if proc.returncode != 0:
            raise AssertionError(f"git {' '.join(args)} failed: {proc.stderr}")
        return proc.stdout

    def commit_count(self):
        return int(self.git("rev-list", "--count", "HEAD").strip())

    def last_commit_files(self):
        return sorted(self.git("show", "--name-only", "--format=", "HEAD").split())

    def last_commit_message(self):
        return self.git("log", "-1", "--format=%s").strip()

    def load(self, relative):
        """Parses a file of the folder with PyYAML (YAML 1.1), failing on any error."""
        text = (self.dir / relative).read_text(encoding="utf-8")
        self.assertTrue(text.endswith("\n"), f"{relative} does not end with a newline")
        return yaml.safe_load(text)

    def write(self, relative, text):
        path = self.dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path
