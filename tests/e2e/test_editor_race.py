"""An editor saving client.yaml in place (truncate, then write line by line) while crm
edits it: crm never takes a half-written file for the file, so none of its commits
removes a line of the editor's; each crm run either commits its change or refuses with
a clear message (issue 22, finding 4).

What is measured is crm's read and replace of the file. The editor does not save while
git itself runs (a `git` wrapper and the editor share a lock): what `git add` reads of a
file another program rewrites during the commit is the exactness of crm's commits, which
finding 2's tests hold."""
import os
import subprocess
import sys
import time
import unittest

from harness import CrmTestCase

FILE = "clients/acme/client.yaml"

# What the editor saves, again and again: 40 fields and 20 contacts of its own.
EDITOR_LINES = (
    ["name: Acme\n", "stage: client\n", "tier: B\n", "since: 2026-01-05\n"]
    + [f"field_{i:02}: kept by the editor {i:02}\n" for i in range(40)]
    + ["contacts:\n"]
    + [line for i in range(20)
       for line in (f"  - name: Editor Contact {i:02}\n", f"    email: ec{i:02}@acme.example\n")]
)
EDITOR_TEXT = "".join(EDITOR_LINES)

# A separate process, as an editor is: open for writing (which truncates), write a line
# at a time, close, wait a moment, again; never while git runs (the lock).
EDITOR = r"""
import fcntl, random, sys, time
path, text, until, lock = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
lines = text.splitlines(True)
saves = 0
with open(lock, "a") as held:
    while time.time() < until:
        fcntl.flock(held, fcntl.LOCK_EX)
        with open(path, "w") as f:
            for line in lines:
                f.write(line)
                f.flush()
                time.sleep(0.0003)
        fcntl.flock(held, fcntl.LOCK_UN)
        saves += 1
        time.sleep(random.uniform(0.02, 0.25))
print(saves)
"""

SECONDS = 12


class EditorRaceTest(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.crm_in("add-client", "Acme", check=0)
        self.write(FILE, EDITOR_TEXT)
        self.git("commit", "-qam", "the editor's file")
        self.start = self.git("rev-parse", "HEAD").strip()

    def git_under_lock(self, lock):
        """A `git` first on PATH that runs the real one holding the editor's lock."""
        bin_dir = self.tmp / "bin"
        bin_dir.mkdir()
        real = subprocess.run(["sh", "-c", "command -v git"], capture_output=True, text=True,
                              env=self.env).stdout.strip()
        (bin_dir / "git").write_text(f'#!/bin/sh\nexec flock "{lock}" "{real}" "$@"\n')
        (bin_dir / "git").chmod(0o755)
        self.env["PATH"] = f"{bin_dir}{os.pathsep}{self.env['PATH']}"

    def test_crm_never_writes_back_a_half_saved_file(self):
        lock = self.tmp / "editor.lock"
        self.git_under_lock(lock)
        editor = subprocess.Popen(
            [sys.executable, "-c", EDITOR, str(self.dir / FILE), EDITOR_TEXT,
             str(time.time() + SECONDS), str(lock)], stdout=subprocess.PIPE, text=True)
        runs = []
        i = 0
        while editor.poll() is None:
            i += 1
            kind = i % 3
            if kind == 0:
                args, key = ("set", "acme", "mood", f"mood-{i}"), f"mood: mood-{i}\n"
            elif kind == 1:
                args, key = ("watch", "acme", f"Watcher {i}"), f"Watcher {i}"
            else:
                args, key = (("contact", "add", "acme", f"Person {i} <p{i}@x.example>"),
                             f"email: p{i}@x.example\n")
            # The editor's saves are changes that are not crm's: without --include-changes
            # crm refuses to touch the file (test_commit_exact); with it crm takes the file
            # as saved, and the read-change-write race is what this test is about.
            r = self.crm_in("--include-changes", *args)
            committed = self.git("show", f"HEAD:{FILE}") if r.code == 0 else None
            runs.append((args, key, r, committed))
        saves = int(editor.communicate()[0])
        self.assertGreater(saves, 20)

        succeeded = 0
        for args, key, r, committed in runs:
            if r.code == 0:
                # Its change, unless the editor saved over it before git read the file
                # (what git commits of a file rewritten meanwhile is finding 2's).
                if committed != EDITOR_TEXT:
                    succeeded += 1
                    self.assertIn(key, committed, f"crm {args} said it succeeded: {r}")
            else:
                self.assertEqual(r.code, 1, r)
                lines = r.err.splitlines()
                self.assertTrue(lines[0].startswith("crm: error: clients/acme/client.yaml "), r)
                self.assertRegex(lines[0], "(is being changed by another program|changed while "
                                           "crm was changing it|lost .* while crm was changing it)")
                self.assertTrue(lines[1].startswith("hint: run the command again"), r)
        # Most runs find a moment between two saves.
        self.assertGreater(succeeded, len(runs) // 3, runs)

        # No commit of crm's removes a line the editor wrote.
        log = self.git("log", "-p", "--format=commit %H %s", f"{self.start}..HEAD", "--", FILE)
        commit = None
        for line in log.splitlines(True):
            if line.startswith("commit "):
                commit = line
            elif line.startswith("-") and not line.startswith("---"):
                self.assertNotIn(line[1:], EDITOR_LINES, f"{commit} removed the editor's {line}")


if __name__ == "__main__":
    unittest.main()
