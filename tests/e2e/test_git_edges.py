"""The smaller git findings of issue 22 (8): another git moving HEAD under crm's commit,
success said only after the commit, control characters in commit messages, a repository
git refuses as another user's, and the person acting taken from git's author identity."""
import subprocess
import time
import unittest

from harness import CrmTestCase

ACME = "clients/acme/client.yaml"


class GitEdgesTestCase(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.crm_in("add-client", "Acme", check=0)

    def head(self):
        return self.git("rev-parse", "HEAD").strip()

    def hook(self, name, body):
        path = self.dir / ".git/hooks" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("#!/bin/sh\n" + body)
        path.chmod(0o755)
        return path


class HeadMovesTest(GitEdgesTestCase):
    def test_a_commit_made_meanwhile_is_kept_and_crm_commits_on_top(self):
        # The user's own commit lands while crm's commit runs (its pre-commit hook makes
        # it, the first time only): git refuses crm's ref update, crm tries again.
        once = self.tmp / "user-committed"
        self.hook("pre-commit", f"""[ -e '{once}' ] && exit 0
touch '{once}'
tree=$(git rev-parse HEAD^{{tree}})
new=$(echo "the user's commit" | git commit-tree "$tree" -p HEAD)
git update-ref refs/heads/main "$new"
""")
        before = self.head()
        r = self.crm_in("log-visit", "acme", "Meanwhile", check=0)
        visit = r.out.strip()
        self.assertEqual(self.last_commit_files(), [visit])
        self.assertEqual(self.git("log", "-1", "--format=%s", "HEAD~1").strip(),
                         "the user's commit")
        self.assertEqual(self.git("rev-parse", "HEAD~2").strip(), before)
        self.assertEqual(self.git("status", "--porcelain"), "")

    def test_head_lock_held_briefly_is_waited_for(self):
        lock = self.dir / ".git/HEAD.lock"
        lock.write_text("")
        releaser = subprocess.Popen(["sh", "-c", f"sleep 0.7; rm -f '{lock}'"])
        self.addCleanup(releaser.wait)
        visit = self.crm_in("log-visit", "acme", "Waited", check=0).out.strip()
        self.assertEqual(self.last_commit_files(), [visit])

    def test_head_lock_that_stays_gets_a_precise_message(self):
        lock = self.dir / ".git/HEAD.lock"
        lock.write_text("")
        head = self.head()
        start = time.monotonic()
        r = self.crm_in("set", "acme", "tier", "A", check=1)
        self.assertGreater(time.monotonic() - start, 2)  # it tried again before refusing
        self.assertIn(f"not committed: another git process is updating the branch ({lock} "
                      "exists)", r.err)
        self.assertIn("a git that crashed left it: remove that file", r.err)
        self.assertNotIn("hook", r.err)
        self.assertNotIn("tier set to", r.err, "success said before a commit that failed")
        self.assertEqual(self.head(), head)
        lock.unlink()
        self.crm_in("set", "acme", "stage", "client", check=0)
        self.assertEqual(self.last_commit_files(), [ACME])
        self.assertEqual(self.load(ACME)["tier"], "A")


class SuccessAfterCommitTest(GitEdgesTestCase):
    def test_nothing_is_said_done_when_the_commit_fails(self):
        self.hook("pre-commit", "echo 'hook says no' >&2\nexit 1\n")
        cases = [
            (["log-visit", "acme", "Refused"], None),
            (["add-client", "Beta"], None),
            (["set", "acme", "tier", "A"], "set to"),
            (["watch", "acme", "Bob Jones"], "now watches"),
            (["contact", "add", "acme", "Jane Doe <jane@acme.example>"], "added"),
            (["rename", "acme", "Acme Two"], "renamed"),
        ]
        for args, success in cases:
            with self.subTest(args=args):
                r = self.crm_in(*args, check=1)
                self.assertIn("not committed: git commit failed: hook says no", r.err)
                self.assertEqual(r.out, "")
                if success:
                    self.assertNotIn(success, r.err)


class MessageControlCharactersTest(GitEdgesTestCase):
    def test_escape_carriage_return_and_line_breaks_become_spaces(self):
        name = "Evil\x1b[31m Corp\r\nBcc: x\u0085y"
        self.crm_in("add-client", "--", name, check=0)
        raw = self.git("cat-file", "commit", "HEAD").split("\n\n", 1)[1]
        self.assertEqual(raw, "add-client: Evil [31m Corp  Bcc: x y\n\nCrm-Command: add-client\n")
        for bad in ("\x1b", "\r", "\u0085"):
            self.assertNotIn(bad, raw)


class DubiousOwnershipTest(GitEdgesTestCase):
    OTHER_OWNER = {"GIT_TEST_ASSUME_DIFFERENT_OWNER": "1"}

    def assertOwnershipError(self, r):
        self.assertEqual(r.code, 1, r)
        self.assertIn("crm: error: git refuses to work in", r.err)
        self.assertIn("dubious ownership", r.err)
        self.assertIn("git config --global --add safe.directory", r.err)
        self.assertNotIn("nothing in the history", r.err)

    def test_log_undo_sync_and_commits_say_so(self):
        head = self.head()
        self.assertOwnershipError(self.crm_in("log", env=self.OTHER_OWNER))
        self.assertOwnershipError(self.crm_in("log", "acme", env=self.OTHER_OWNER))
        self.assertOwnershipError(self.crm_in("undo", env=self.OTHER_OWNER))
        self.assertOwnershipError(self.crm_in("sync", env=self.OTHER_OWNER))
        before = sorted(p.name for p in (self.dir / "clients/acme").rglob("*"))
        r = self.crm_in("log-visit", "acme", "Refused", env=self.OTHER_OWNER)
        self.assertOwnershipError(r)
        self.assertEqual(r.out, "")
        self.assertOwnershipError(self.crm_in("set", "acme", "tier", "A", env=self.OTHER_OWNER))
        # Nothing was written, nothing committed: once git trusts it, all is as before.
        self.assertEqual(sorted(p.name for p in (self.dir / "clients/acme").rglob("*")), before)
        self.assertEqual(self.head(), head)
        self.assertEqual(self.git("status", "--porcelain"), "")
        # Reading commands do not need git.
        self.crm_in("show", "acme", env=self.OTHER_OWNER, check=0)


class PersonActingTest(GitEdgesTestCase):
    def by(self, env):
        visit = self.crm_in("log-visit", "acme", "Who?", env=dict(env, CRM_USER=None),
                            check=0).out.strip()
        return self.load(visit)["by"]

    def test_crm_user_then_git_author_then_user_name_then_login(self):
        self.assertEqual(self.by({}), "Test User")  # user.name of the harness's HOME
        self.assertEqual(self.by({"GIT_AUTHOR_NAME": "Gita Author"}), "Gita Author")
        self.git("config", "user.name", "Repo Person")
        self.assertEqual(self.by({}), "Repo Person")
        self.assertEqual(self.by({"GIT_AUTHOR_NAME": "Gita Author"}), "Gita Author")
        r = self.crm_in("log-visit", "acme", "Who?", env={"CRM_USER": "Carol White"}, check=0)
        self.assertEqual(self.load(r.out.strip())["by"], "Carol White")

    def test_without_a_git_identity_the_login_name(self):
        (self.home / ".gitconfig").write_text("[user]\n\tuseConfigOnly = true\n")
        r = self.crm_in("--no-commit", "log-visit", "acme", "Who?",
                        env={"CRM_USER": None, "LOGNAME": "loginname", "EMAIL": None}, check=0)
        self.assertEqual(self.load(r.out.strip())["by"], "loginname")


if __name__ == "__main__":
    unittest.main()
