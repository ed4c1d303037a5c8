"""A crm commit holds exactly the bytes crm wrote (issue 22, finding 2; spec section 5).

(a) A file with changes that are not crm's is refused before crm edits it, or with
    --include-changes committed with crm's change, which the message says and `crm undo`
    will not take back; (b) a user's `git add` racing crm's commit never joins it; (c) a
    record named with glob characters is that file to git, never a pattern."""
import os
import shutil
import subprocess
import time
import unittest

from harness import CrmTestCase

CLIENT = "clients/acme/client.yaml"
REFUSED = f"crm: error: {CLIENT} has changes that are not committed"
HINT = ("hint: commit or stash them first (git commit, git stash), or run again with "
        "--include-changes to commit them with crm's change")


class ExactCommitTestCase(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.crm_in("add-client", "Acme", check=0)
        self.crm_in("add-client", "Beta", check=0)
        self.crm_in("log-visit", "acme", "Kick-off", "--promise", "Send the statement by fri",
                    check=0)
        self.crm_in("opportunity", "add", "acme", "Depot", check=0)
        self.write("notes.txt", "the user's own file\n")
        self.git("add", "notes.txt")
        self.git("commit", "-q", "-m", "my own file")

    def head(self):
        return self.git("rev-parse", "HEAD").strip()

    def hand_edit(self, relative=CLIENT, line="# called them about the invoice\n"):
        with open(self.dir / relative, "a") as f:
            f.write(line)
        return (self.dir / relative).read_bytes()


class ForeignChangesTest(ExactCommitTestCase):
    def assertRefusedAndUntouched(self, args, expected_error=REFUSED, env=None, hint=HINT):
        before = {p: (self.dir / p).read_bytes()
                  for p in self.git("ls-files").split() + [CLIENT]}
        head = self.head()
        r = self.crm_in(*args, env=env, check=1)
        self.assertIn(expected_error, r.err)
        self.assertIn(hint, r.err)
        self.assertEqual(r.out, "")
        self.assertEqual(self.head(), head)
        for path, data in before.items():
            self.assertEqual((self.dir / path).read_bytes(), data, path)
        return r

    def test_every_command_that_edits_the_file_refuses_before_writing(self):
        edited = self.hand_edit()
        editor = self.tmp / "editor"
        editor.write_text(f"#!/bin/sh\ntouch '{self.tmp}/editor-ran'\n")
        editor.chmod(0o755)
        for args in (["set", "acme", "tier", "A"],
                     ["watch", "acme", "Bob Jones"],
                     ["contact", "add", "acme", "Jane Doe <jane@acme.example>"],
                     ["rename", "acme", "Acme Engineering"],
                     ["edit", "acme"]):
            with self.subTest(args=args):
                self.assertRefusedAndUntouched(args, env={"EDITOR": str(editor),
                                                          "VISUAL": str(editor)})
        # Merging, renaming the folder and rm refuse every change git has no copy of, even
        # without a commit (lifecycle.cpp): the same refusal in their words.
        for args in (["merge", "acme", "beta"], ["rename", "acme", "Acme Two", "--slug"],
                     ["rm", "acme", "--yes"]):
            with self.subTest(args=args):
                self.assertRefusedAndUntouched(
                    args, f"{CLIENT} has changes git does not have yet", hint="commit them first")
        self.assertFalse((self.tmp / "editor-ran").exists(), "the editor opened")
        self.assertEqual((self.dir / CLIENT).read_bytes(), edited)

    def test_a_visit_or_opportunity_with_changes_is_refused_too(self):
        [visit] = self.git("ls-files", "clients/acme/visits").split()
        [opp] = self.git("ls-files", "clients/acme/opportunities").split()
        self.hand_edit(visit, "# draft line\n")
        self.assertRefusedAndUntouched(["done", "acme", "1"],
                                       f"crm: error: {visit} has changes that are not committed")
        self.hand_edit(opp, "# draft line\n")
        self.assertRefusedAndUntouched(
            ["opportunity", "set", "acme", "Depot", "value", "1000"],
            f"crm: error: {opp} has changes that are not committed")

    def test_staged_changes_and_untracked_files_count_and_rm_keeps_them(self):
        self.hand_edit()
        self.git("add", CLIENT)
        self.assertRefusedAndUntouched(["set", "acme", "tier", "A"])
        self.git("commit", "-q", "-m", "my edit")
        self.write("clients/acme/visits/my-notes.yaml", "notes: mine\n")
        r = self.crm_in("rm", "acme", "--yes", check=1)
        self.assertIn("clients/acme/visits/my-notes.yaml", r.err)
        self.assertTrue((self.dir / "clients/acme/visits/my-notes.yaml").exists())

    def test_with_include_changes_they_are_committed_said_so_and_never_undone(self):
        edited = self.hand_edit()
        r = self.crm_in("--include-changes", "set", "acme", "tier", "A", check=0)
        self.assertIn("Acme: tier set to A", r.err)
        self.assertEqual(self.last_commit_files(), [CLIENT])
        body = self.git("log", "-1", "--format=%b")
        self.assertIn("Includes changes that were not crm's (--include-changes):\n"
                      f"  {CLIENT}\n", body)
        self.assertIn("# called them about the invoice",
                      self.git("show", f"HEAD:{CLIENT}"))
        self.assertEqual(self.git("status", "--porcelain"), "")
        # undo would take the person's edit back with crm's: it refuses, and keeps both.
        head = self.head()
        r = self.crm_in("undo", check=1)
        self.assertIn("it also committed changes that were not crm's, to " + CLIENT, r.err)
        self.assertEqual(self.head(), head)
        now = (self.dir / CLIENT).read_bytes()
        self.assertIn(b"# called them about the invoice", now)
        self.assertIn(b"tier: A", now)
        self.assertTrue(now.startswith(edited.split(b"tier:")[0]))

    def test_undo_of_a_plain_commit_keeps_an_edit_made_since(self):
        self.crm_in("set", "acme", "tier", "A", check=0)
        self.hand_edit()
        r = self.crm_in("undo", check=1)
        self.assertIn(f"{CLIENT} has changed since", r.err)
        self.assertIn(b"# called them about the invoice", (self.dir / CLIENT).read_bytes())

    def test_undo_takes_no_commit_that_holds_a_file_crm_never_writes(self):
        # git passes every commit's message through .git/COMMIT_EDITMSG: a commit of the
        # person's made at the same moment as crm's can end up with crm's message.
        self.write("notes.txt", "the user's own file, changed\n")
        self.git("commit", "-qam", "set: Acme tier A\n\nCrm-Command: set")
        head = self.head()
        r = self.crm_in("undo", check=1)
        self.assertIn("it holds notes.txt, which no crm command writes", r.err)
        self.assertEqual(self.head(), head)
        self.assertEqual((self.dir / "notes.txt").read_text(), "the user's own file, changed\n")
        # A message that is not exactly crm's is not crm's either.
        self.git("commit", "-q", "--allow-empty", "-m", "journal 7\namma\n\nCrm-Command: set")
        self.assertIn("is not one crm made", self.crm_in("undo", check=1).err)

    def test_crms_own_uncommitted_files_are_not_foreign(self):
        hook = self.dir / ".git/hooks/pre-commit"
        hook.parent.mkdir(parents=True, exist_ok=True)
        hook.write_text("#!/bin/sh\nexit 1\n")
        hook.chmod(0o755)
        r = self.crm_in("set", "acme", "tier", "A", check=1)
        self.assertIn("not committed", r.err)
        self.assertNotIn("tier set to", r.err, "success said before a commit that failed")
        hook.unlink()
        # crm's own change, on its list: the next command edits and commits both.
        self.crm_in("set", "acme", "stage", "client", check=0)
        self.assertEqual(self.load(CLIENT)["tier"], "A")
        self.assertEqual(self.git("status", "--porcelain"), "")

    def test_without_a_commit_nothing_is_asked(self):
        self.hand_edit()
        self.crm_in("--no-commit", "set", "acme", "tier", "A", check=0)
        self.assertEqual(self.load(CLIENT)["tier"], "A")
        self.assertIn(b"# called them about the invoice", (self.dir / CLIENT).read_bytes())


class GlobNamedRecordTest(ExactCommitTestCase):
    def test_a_glob_named_record_commits_only_itself(self):
        glob_name = "clients/acme/visits/2026-11-2?-x-aaaaaa.yaml"
        draft = "clients/acme/visits/2026-11-23-x-aaaaaa.yaml"
        self.write(glob_name, "date: 2026-11-22\nby: Alice Smith\nkind: call\n"
                   "promises:\n  - what: Call back\n    due: 2026-11-30\n")
        self.write(draft, "date: 2026-11-23\nby: Alice Smith\nkind: call\n")
        self.git("add", "--", ":(literal)" + glob_name, draft)
        self.git("commit", "-q", "-m", "two visits")
        self.crm_in("check", check=0)
        # The other visit, a draft of the user's, changed and not committed.
        self.hand_edit(draft, "notes: half written\n")
        self.crm_in("done", "acme", "Call back", check=0)
        self.assertEqual(self.last_commit_files(), [glob_name])
        self.assertIn("done: 2026-11-23", self.git("show", "HEAD:" + glob_name))
        self.assertEqual(self.git("status", "--porcelain"), f" M {draft}\n")
        self.assertNotIn("half written", self.git("show", "HEAD:" + draft))


class RacingAddTest(ExactCommitTestCase):
    def test_a_git_add_while_crm_commits_never_joins_its_commit(self):
        # git as crm runs it: `git commit` waits two seconds before it starts, and says
        # when it does; the user's own git (the real one) meanwhile stages another file.
        real_git = shutil.which("git", path=self.env["PATH"])
        started = self.tmp / "commit-started"
        bin_dir = self.tmp / "slow-git"
        bin_dir.mkdir()
        (bin_dir / "git").write_text(
            "#!/bin/sh\n"
            f"if [ \"$1\" = commit ]; then touch '{started}'; sleep 2; fi\n"
            f"exec '{real_git}' \"$@\"\n")
        (bin_dir / "git").chmod(0o755)
        self.write("notes.txt", "staged while crm commits\n")
        env = dict(self.env, PATH=f"{bin_dir}:{self.env['PATH']}")
        crm = subprocess.Popen([os.environ.get("CRM_BIN", "crm"), "--dir", str(self.dir),
                                "log-visit", "acme", "Racing"], env=env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while not started.exists() and time.monotonic() < deadline and crm.poll() is None:
            time.sleep(0.02)
        self.assertTrue(started.exists(), "crm never ran git commit")
        self.git("add", "notes.txt")
        out, err = crm.communicate(timeout=60)
        self.assertEqual(crm.returncode, 0, err)
        visit = out.strip()
        self.assertEqual(self.last_commit_files(), [visit])
        # The user's file is still theirs: staged, uncommitted.
        self.assertEqual(self.git("status", "--porcelain"), "M  notes.txt\n")
        self.assertEqual(self.git("show", "HEAD:notes.txt"), "the user's own file\n")


if __name__ == "__main__":
    unittest.main()
