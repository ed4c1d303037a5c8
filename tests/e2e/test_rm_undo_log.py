"""crm rm, crm undo, crm log: deleting a client, taking back crm's last commit (a reset
before it is pushed, a revert after), and the history in people's words."""
import json
import os
import pty
import subprocess
import unittest

from harness import CRM
from lifeutil import LifeTestCase


class RmTest(LifeTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.crm_in("add-client", "Acme Engineering", check=0)
        self.crm_in("add-client", "Beta Water", check=0)
        self.crm_in("log-visit", "beta", "Met", check=0)
        self.crm_in("review", "beta", "--project", "Pipes", "--rating", "happy", check=0)

    def on_terminal(self, answer, *args):
        """crm with a terminal on standard input, answering its question."""
        master, slave = pty.openpty()
        proc = subprocess.Popen([CRM, "--dir", str(self.dir), *args], stdin=slave,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=self.env)
        os.close(slave)
        os.write(master, answer.encode())
        out, err = proc.communicate(timeout=60)
        os.close(master)
        return proc.returncode, err.decode()

    def test_rm_yes_deletes_the_folder_in_one_commit_and_says_how_to_get_it_back(self):
        before = self.commit_count()
        r = self.crm_in("rm", "beta", "--yes", check=0)
        self.assertFalse((self.dir / "clients/beta-water").exists())
        self.assertEqual(self.commit_count(), before + 1)
        self.assertEqual(self.last_commit_message(), "rm: Beta Water (clients/beta-water, 3 files)")
        self.assertEqual(self.trailer(), "rm")
        self.assertEqual(len(self.last_commit_files()), 3)
        commit = self.git("rev-parse", "--short", "HEAD").strip()
        self.assertIn(f"in commit {commit}. To get it back: crm undo", r.err)
        self.assertIn(f"git revert {commit}", r.err)
        self.assertEqual(self.git("status", "--porcelain"), "")
        self.assertEqual(self.crm_in("list", "-q", check=0).out, "acme-engineering\n")
        self.assertCheckClean()

    def test_off_a_terminal_yes_is_required(self):
        self.assertRefused("rm", "beta", code=2, says="standard input is not a terminal",
                           input="y\n")
        self.assertIn("crm rm beta-water --yes", self.crm_in("rm", "beta").err)

    def test_on_a_terminal_it_asks(self):
        before = self.state()
        code, err = self.on_terminal("n\n", "rm", "beta")
        self.assertEqual(code, 0, err)
        self.assertIn("Delete Beta Water (clients/beta-water, 3 files)? [y/N]", err)
        self.assertIn("nothing deleted", err)
        self.assertEqual(self.state(), before)
        code, err = self.on_terminal("y\n", "rm", "beta")
        self.assertEqual(code, 0, err)
        self.assertFalse((self.dir / "clients/beta-water").exists())

    def test_files_git_does_not_have_are_never_deleted(self):
        self.write("clients/beta-water/notes.txt", "only here\n")
        self.assertRefused("rm", "beta", "--yes", says="clients/beta-water/notes.txt has changes")
        self.assertRefused("rm", "nobody-here", "--yes", says="no client matches")
        # Nor the files git ignores: it has no copy of them either.
        (self.dir / "clients/beta-water/notes.txt").unlink()
        with open(self.dir / ".gitignore", "a") as f:
            f.write("*.pdf\n")
        self.git("commit", "-qam", "ignore pdfs")
        self.write("clients/beta-water/contract.pdf", "%PDF")
        self.assertRefused("rm", "beta", "--yes",
                           says="clients/beta-water/contract.pdf has changes")

    def test_undo_brings_the_client_back(self):
        before = self.state()
        self.crm_in("rm", "beta", "--yes", check=0)
        r = self.crm_in("undo", check=0)
        self.assertIn('"rm: Beta Water (clients/beta-water, 3 files)"', r.err)
        self.assertEqual(self.state(), before)
        self.assertCheckClean()


class UndoTest(LifeTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.crm_in("add-client", "Acme Engineering", check=0)
        self.write("notes.txt", "the user's own file\n")
        self.write("todo.txt", "tracked\n")
        self.git("add", "notes.txt", "todo.txt")
        self.git("commit", "-qm", "my own files")

    def user_changes(self):
        """A staged, an unstaged and an untracked change of the user's, none crm's."""
        self.write("notes.txt", "staged by the user\n")
        self.git("add", "notes.txt")
        self.write("todo.txt", "changed, not staged\n")
        self.write("scratch.txt", "untracked\n")

    def worktree(self):
        return (self.git("status", "--porcelain"), self.git("diff", "--cached"), self.git("diff"),
                self.files())

    def test_before_push_a_reset_keeps_every_other_change_as_it_was(self):
        self.user_changes()
        base = self.git("rev-parse", "HEAD")
        before = self.worktree()
        visit = self.crm_in("log-visit", "acme", "Phase 2", check=0).out.strip()
        self.assertEqual(self.git("status", "--porcelain"),
                         "M  notes.txt\n M todo.txt\n?? scratch.txt\n")  # crm's commit took none
        r = self.crm_in("undo", check=0)
        self.assertIn('undid', r.err)
        self.assertIn('"log-visit: Acme Engineering (2026-11-23 visit)"', r.err)
        self.assertIn("not pushed", r.err)
        self.assertEqual(self.git("rev-parse", "HEAD"), base)
        self.assertFalse((self.dir / visit).exists())
        self.assertEqual(self.worktree(), before)

    def test_undo_of_a_change_to_a_file_puts_its_old_bytes_back(self):
        path = self.dir / "clients/acme-engineering/client.yaml"
        old = path.read_bytes()
        self.crm_in("set", "acme", "tier", "A", check=0)
        self.crm_in("undo", check=0)
        self.assertEqual(path.read_bytes(), old)
        self.assertEqual(self.git("status", "--porcelain"), "")
        self.assertEqual(self.last_commit_message(), "my own files")

    def test_after_push_a_revert_commit(self):
        remote = self.tmp / "remote.git"
        subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True, env=self.env)
        self.git("remote", "add", "origin", str(remote))
        self.git("push", "-q", "-u", "origin", "main")
        visit = self.crm_in("log-visit", "acme", "Phase 2", check=0).out.strip()
        self.crm_in("sync", check=0)
        pushed = self.git("rev-parse", "HEAD").strip()
        self.assertRefused("--no-commit", "undo", says="only a revert commit takes it back")
        before = self.commit_count()
        r = self.crm_in("undo", check=0)
        self.assertIn("with a new commit", r.err)
        self.assertEqual(self.commit_count(), before + 1)
        self.assertEqual(self.git("rev-parse", "HEAD~1").strip(), pushed)
        self.assertEqual(self.last_commit_message(),
                         'Revert "log-visit: Acme Engineering (2026-11-23 visit)"')
        self.assertFalse((self.dir / visit).exists())
        self.assertEqual(self.git("status", "--porcelain"), "")
        # A revert is no commit of crm's: a second undo does not redo.
        self.assertRefused("undo", says="is not one crm made")

    def test_after_push_the_revert_leaves_other_staged_changes_staged(self):
        remote = self.tmp / "remote.git"
        subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True, env=self.env)
        self.git("remote", "add", "origin", str(remote))
        visit = self.crm_in("log-visit", "acme", "Phase 2", check=0).out.strip()
        self.git("push", "-q", "-u", "origin", "main")
        self.write("notes.txt", "staged\n")  # tracked since setUp
        self.git("add", "notes.txt")
        self.crm_in("undo", check=0)
        self.assertEqual(self.last_commit_message(),
                         'Revert "log-visit: Acme Engineering (2026-11-23 visit)"')
        # The revert holds the visit's removal only; the user's file is still staged.
        self.assertEqual(self.last_commit_files(), [visit])
        self.assertEqual(self.git("status", "--porcelain"), "M  notes.txt\n")
        self.assertEqual((self.dir / "notes.txt").read_text(), "staged\n")

    def test_a_changed_file_of_that_commit_stops_it(self):
        visit = self.crm_in("log-visit", "acme", "Phase 2", check=0).out.strip()
        with open(self.dir / visit, "a") as f:
            f.write("# edited by hand\n")
        self.assertRefused("undo", says=f"{visit} has changed since")

    def test_nothing_to_undo(self):
        # The last commit is the user's own.
        self.assertRefused("undo", says='the last commit, ')
        self.assertIn('"my own files", is not one crm made', self.crm_in("undo").err)
        # The folder's first commit.
        other = self.tmp / "fresh"
        self.crm("init", str(other), check=0)
        r = self.crm("--dir", str(other), "undo")
        self.assertEqual(r.code, 1, r)
        self.assertIn("is the folder's first commit", r.err)
        # No repository at all.
        bare = self.tmp / "plain"
        bare.mkdir()
        (bare / "crm.yaml").write_text("")
        r = self.crm("--dir", str(bare), "undo")
        self.assertEqual(r.code, 1, r)
        self.assertIn("not in a git repository", r.err)

    def test_a_teammates_commit_is_not_undone(self):
        bob = {"GIT_AUTHOR_NAME": "Bob Jones", "GIT_AUTHOR_EMAIL": "bob@example.invalid"}
        self.crm_in("log-visit", "acme", "Bob's visit", env=bob, check=0)
        self.assertRefused("undo", says="it is Bob Jones <bob@example.invalid>'s")

    def test_during_a_merge_it_refuses(self):
        self.crm_in("log-visit", "acme", "Phase 2", check=0)
        head = self.git("rev-parse", "HEAD").strip()
        (self.dir / ".git/MERGE_HEAD").write_text(head + "\n")
        self.assertRefused("undo", says="a merge is in progress")

    def test_what_the_commit_took_for_an_earlier_command_stays(self):
        hook = self.dir / ".git/hooks/pre-commit"
        hook.parent.mkdir(parents=True, exist_ok=True)
        hook.write_text("#!/bin/sh\nexit 1\n")
        hook.chmod(0o755)
        [visit] = self.crm_in("log-visit", "acme", "Refused commit", check=1).saved()
        hook.unlink()
        r = self.crm_in("set", "acme", "tier", "A", check=0)
        self.assertIn("also committed what an earlier command could not: " + visit, r.err)
        self.assertIn(visit, self.last_commit_files())
        self.crm_in("undo", check=0)
        # The tier is taken back; the visit, another command's, stays for the next commit.
        self.assertEqual(self.load("clients/acme-engineering/client.yaml")["tier"], "B")
        self.assertTrue((self.dir / visit).is_file())
        r = self.crm_in("set", "acme", "stage", "client", check=0)
        self.assertIn("also committed what an earlier command could not: " + visit, r.err)
        self.assertEqual(self.git("status", "--porcelain"), "")

    def test_undo_twice_takes_back_two_commits(self):
        self.crm_in("set", "acme", "tier", "A", check=0)
        self.crm_in("set", "acme", "stage", "client", check=0)
        self.crm_in("undo", check=0)
        self.crm_in("undo", check=0)
        self.assertEqual(self.last_commit_message(), "my own files")
        self.assertEqual(self.git("status", "--porcelain"), "")


class LogTest(LifeTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.crm_in("add-client", "Acme Engineering", check=0)
        self.crm_in("add-client", "Beta Water", check=0)
        self.crm_in("log-visit", "acme", "Phase 2", check=0)
        self.write("notes.txt", "mine\n")
        self.git("add", "notes.txt")
        self.git("commit", "-q", "-m", "a commit of my own")

    def test_the_history_newest_first_one_line_each(self):
        lines = self.crm_in("log", check=0).out.splitlines()
        self.assertEqual(lines[0].split(), ["DATE", "AUTHOR", "SUBJECT", "COMMIT"])
        self.assertEqual(len(lines), 6)
        self.assertIn("Test User", lines[1])
        self.assertIn("a commit of my own", lines[1])
        self.assertIn("log-visit: Acme Engineering (2026-11-23 visit)", lines[2])
        self.assertIn("init: crm folder", lines[5])
        self.assertTrue(all(l.startswith("2") for l in lines[1:]), lines)  # a date first

    def test_one_client(self):
        out = self.crm_in("log", "acme", check=0).out
        self.assertIn("log-visit: Acme Engineering", out)
        self.assertIn("add-client: Acme Engineering", out)
        self.assertNotIn("Beta", out)
        self.assertNotIn("init", out)

    def test_json_and_since(self):
        entries = json.loads(self.crm_in("log", "--format", "json", check=0).out)
        self.assertEqual([e["crm"] for e in entries], [False, True, True, True, True])
        self.assertEqual(set(entries[0]), {"commit", "date", "author", "subject", "crm"})
        self.assertEqual(entries[1]["subject"], "log-visit: Acme Engineering (2026-11-23 visit)")
        # Everything was made today: nothing from tomorrow on.
        r = self.crm_in("log", "--since", "2999-01-01", check=0)
        self.assertEqual(r.out, "")
        self.assertIn("nothing in the history since 2999-01-01", r.err)
        self.assertEqual(self.crm_in("log", "--since", "2000-01-01", "--format", "json",
                                     check=0).out.count('"commit"'), 5)
        self.crm_in("log", "--since", "someday", check=2)

    def test_a_removed_client_keeps_its_history(self):
        self.crm_in("rm", "beta", "--yes", check=0)
        out = self.crm_in("log", "beta-water", check=0).out
        self.assertIn("rm: Beta Water", out)
        self.assertIn("add-client: Beta Water", out)
        self.assertRefused("log", "gamma", says="no client matches")

    def test_without_git(self):
        plain = self.tmp / "plain"
        plain.mkdir()
        (plain / "crm.yaml").write_text("")
        r = self.crm("--dir", str(plain), "log")
        self.assertEqual(r.code, 1, r)
        self.assertIn("not in a git repository", r.err)


if __name__ == "__main__":
    unittest.main()
