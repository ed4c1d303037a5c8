"""crm sync and crm news: sharing one folder through a bare git remote.

Each test has a bare repository on disk and clones acting as different people
(CRM_USER and git's user.name set per clone)."""
import os
import re
import stat
import subprocess
import unittest

import yaml

from harness import CrmTestCase

ALICE, BOB, CHLOE = "Alice Smith", "Bob Jones", "Chloe Nguyen"
MARKERS = re.compile(r"^(<<<<<<<|=======|>>>>>>>)( |$)", re.M)


class SyncTestCase(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.remote = self.tmp / "remote.git"
        subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(self.remote)],
                       check=True, env=self.env)
        # Alice starts the folder and shares it.
        self.alice = self.tmp / "alice"
        self.crm("init", str(self.alice), env={"CRM_USER": ALICE}, check=0)
        self.identify(self.alice, ALICE)
        self.g(self.alice, "remote", "add", "origin", str(self.remote))
        self.g(self.alice, "push", "-q", "-u", "origin", "main")
        self.as_(self.alice, ALICE, "add-client", "Acme Engineering", check=0)
        self.as_(self.alice, ALICE, "log-visit", "acme", "Kick-off",
                 "--promise", "Send capability statement by fri", check=0)
        self.as_(self.alice, ALICE, "sync", check=0)

    # -- helpers -----------------------------------------------------------------
    def identify(self, clone, user):
        self.g(clone, "config", "user.name", user)
        self.g(clone, "config", "user.email", user.split()[0].lower() + "@example.invalid")

    def clone(self, name, user):
        path = self.tmp / name
        self.git("clone", "-q", str(self.remote), str(path), cwd=self.tmp)
        self.identify(path, user)
        return path

    def g(self, clone, *args):
        return self.git(*args, cwd=clone)

    def as_(self, clone, user, *args, **kw):
        return self.crm("--dir", str(clone), *args, env={"CRM_USER": user}, **kw)

    def visits(self, clone, slug="acme-engineering"):
        return sorted(p.name for p in (clone / "clients" / slug / "visits").glob("*.yaml"))

    def tree(self, clone):
        """Every tracked-or-not file (but .git and .crm) with its content."""
        files = {}
        for root, dirs, names in os.walk(clone):
            dirs[:] = [d for d in dirs if d not in (".git", ".crm")]
            for n in names:
                p = os.path.join(root, n)
                with open(p, encoding="utf-8") as f:
                    files[os.path.relpath(p, clone)] = f.read()
        return files

    def assert_clean(self, clone):
        """Every file parses with PyYAML and holds no conflict marker; no rebase left."""
        for rel, text in self.tree(clone).items():
            self.assertIsNone(MARKERS.search(text), f"conflict marker in {rel}")
            if rel.endswith(".yaml"):
                yaml.safe_load(text)
        self.assertFalse((clone / ".git" / "rebase-merge").exists())
        self.assertFalse((clone / ".git" / "rebase-apply").exists())
        self.assertFalse((clone / ".git" / "MERGE_HEAD").exists())
        self.assertEqual(self.g(clone, "status", "--porcelain", "--untracked-files=no"), "")
        r = self.crm("--dir", str(clone), "check")
        self.assertEqual(r.code, 0, r)

    def set_line(self, clone, relative, old, new):
        """A hand edit of one line, as `crm set`/`crm done`/`crm watch` would make it."""
        path = clone / relative
        text = path.read_text(encoding="utf-8")
        self.assertIn(old, text)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def commit_all(self, clone, message):
        self.g(clone, "add", "-A")
        self.g(clone, "commit", "-q", "-m", message)

    def review(self, clone, user, slug, project, rating):
        self.as_(clone, user, "review", slug, "--project", project, "--rating", rating, check=0)

    def state(self, clone):
        return (self.g(clone, "rev-parse", "HEAD"), self.g(clone, "status", "--porcelain"),
                self.tree(clone))


class ConvergenceTest(SyncTestCase):
    def test_three_people_converge_without_conflict(self):
        bob = self.clone("bob", BOB)
        chloe = self.clone("chloe", CHLOE)
        # All three log visits for the same client on the same day, two add clients.
        for clone, user in ((self.alice, ALICE), (bob, BOB), (chloe, CHLOE)):
            for n in range(3):
                self.as_(clone, user, "log-visit", "acme", f"{user} visit {n}", check=0)
        self.as_(bob, BOB, "add-client", "Beta Water", check=0)
        self.as_(chloe, CHLOE, "add-client", "Gamma Rail", check=0)
        self.as_(chloe, CHLOE, "log-visit", "gamma", "First meeting", check=0)
        # Alice delivers her promise while the others log.
        self.as_(self.alice, ALICE, "done", "acme", "capability statement", check=0)
        first = self.g(self.alice, "show", "--name-only", "--format=", "HEAD").strip()
        self.assertIn("/visits/", first)

        for clone, user in ((self.alice, ALICE), (bob, BOB), (chloe, CHLOE),
                            (self.alice, ALICE), (bob, BOB)):
            self.as_(clone, user, "sync", check=0)

        heads = {self.g(c, "rev-parse", "HEAD") for c in (self.alice, bob, chloe)}
        self.assertEqual(len(heads), 1)
        self.assertEqual(self.tree(self.alice), self.tree(bob))
        self.assertEqual(self.tree(self.alice), self.tree(chloe))
        self.assertEqual(self.g(bob, "rev-parse", "origin/main"), heads.pop())
        names = self.visits(bob)
        self.assertEqual(len(names), 10)
        for who in ("alice-smith", "bob-jones", "chloe-nguyen"):
            self.assertEqual(sum(f"2026-11-23-{who}-" in n for n in names),
                             4 if who == "alice-smith" else 3)
        for slug in ("acme-engineering", "beta-water", "gamma-rail"):
            self.assertTrue((chloe / "clients" / slug / "client.yaml").exists())
        promise = yaml.safe_load((bob / first).read_text())["promises"][0]
        self.assertEqual(str(promise["done"]), "2026-11-23")
        for clone in (self.alice, bob, chloe):
            self.assert_clean(clone)

    def test_record_names_never_collide(self):
        bob = self.clone("bob", BOB)
        for clone, user in ((self.alice, ALICE), (bob, BOB)):
            for n in range(5):
                self.as_(clone, user, "log-visit", "acme", f"same day {n}", check=0)
        self.as_(bob, BOB, "sync", check=0)
        self.as_(self.alice, ALICE, "sync", check=0)
        names = self.visits(self.alice)
        self.assertEqual(len(set(names)), 11)
        for n in names:
            self.assertRegex(n, r"^2026-11-\d\d-(alice-smith|bob-jones)-[0-9a-f]{6}\.yaml$")


class ReportTest(SyncTestCase):
    def test_sync_lists_what_teammates_added_watched_first(self):
        self.as_(self.alice, ALICE, "add-client", "Zeta Ports", check=0)
        self.as_(self.alice, ALICE, "watch", "zeta", check=0)
        self.as_(self.alice, ALICE, "sync", check=0)
        bob = self.clone("bob", BOB)
        self.as_(bob, BOB, "add-client", "Beta Water", check=0)
        self.as_(bob, BOB, "log-visit", "beta", "Intro call", "--kind", "call", check=0)
        self.as_(bob, BOB, "log-visit", "acme", "Talked about phase 2", check=0)
        self.as_(bob, BOB, "log-visit", "zeta", "Depot tour", "--date", "2026-11-20", check=0)
        self.review(bob, BOB, "acme-engineering", "Bridge", "happy")
        r = self.as_(bob, BOB, "sync", check=0)
        self.assertIn("pushed", r.err)
        self.assertNotIn("Talked about phase 2", r.out)  # his own work is not news to Bob
        self.as_(self.alice, ALICE, "log-visit", "acme", "My own visit", check=0)

        r = self.as_(self.alice, ALICE, "sync", check=0)
        out = r.out
        self.assertIn("Zeta Ports (zeta-ports)  watched", out)
        self.assertIn("Beta Water (beta-water)  new client, added by Bob Jones", out)
        self.assertRegex(out, r"2026-11-20  visit\s+Bob Jones\s+Depot tour")
        self.assertRegex(out, r"2026-11-23  call\s+Bob Jones\s+Intro call")
        self.assertRegex(out, r"2026-11-23  visit\s+Bob Jones\s+Talked about phase 2")
        self.assertRegex(out, r"2026-11-23  review\s+Bob Jones\s+happy: Bridge")
        self.assertNotIn("My own visit", out)
        self.assertNotIn("Kick-off", out)
        # Watched clients come first, whatever their name.
        self.assertLess(out.index("Zeta Ports"), out.index("Acme Engineering"))
        self.assertLess(out.index("Zeta Ports"), out.index("Beta Water"))
        # Nothing is announced twice.
        r = self.as_(self.alice, ALICE, "sync", check=0)
        self.assertEqual(r.out, "")
        self.assertIn("nothing new from teammates", r.err)


class NewsTest(SyncTestCase):
    def test_news_shows_others_work_on_watched_clients_once(self):
        self.as_(self.alice, ALICE, "add-client", "Beta Water", check=0)
        self.as_(self.alice, ALICE, "watch", "acme", check=0)
        self.as_(self.alice, ALICE, "sync", check=0)
        bob = self.clone("bob", BOB)
        r = self.as_(self.alice, ALICE, "news", check=0)
        self.assertNotIn("Kick-off", r.out)  # Alice's own visit
        self.as_(bob, BOB, "log-visit", "acme", "Phase 2 scope", check=0)
        self.as_(bob, BOB, "log-visit", "acme", "Late entry", "--date", "2026-09-01", check=0)
        self.as_(bob, BOB, "log-visit", "beta", "Not watched", check=0)
        self.as_(bob, BOB, "sync", check=0)
        self.as_(self.alice, ALICE, "sync", check=0)

        r = self.as_(self.alice, ALICE, "news", check=0)
        self.assertIn("Acme Engineering (acme-engineering)  watched", r.out)
        self.assertRegex(r.out, r"2026-11-23  visit\s+Bob Jones\s+Phase 2 scope")
        self.assertRegex(r.out, r"2026-09-01  visit\s+Bob Jones\s+Late entry")
        self.assertNotIn("Not watched", r.out)
        self.assertNotIn("Beta", r.out)
        # Seen: the next look is empty, until something new arrives.
        r = self.as_(self.alice, ALICE, "news", check=0)
        self.assertEqual(r.out, "")
        self.assertIn("nothing new", r.err)
        self.review(bob, BOB, "acme-engineering", "Bridge", "unhappy")
        self.as_(bob, BOB, "log-visit", "acme", "Follow-up call", "--kind", "call", check=0)
        self.as_(bob, BOB, "sync", check=0)
        self.as_(self.alice, ALICE, "sync", check=0)
        r = self.as_(self.alice, ALICE, "news", check=0)
        self.assertIn("Follow-up call", r.out)
        self.assertRegex(r.out, r"2026-11-23  review\s+Bob Jones\s+unhappy: Bridge")
        self.assertNotIn("Phase 2 scope", r.out)
        # --since looks back by date, whatever was seen.
        r = self.as_(self.alice, ALICE, "news", "--since", "2026-11-01", check=0)
        self.assertIn("Phase 2 scope", r.out)
        self.assertIn("Follow-up call", r.out)
        self.assertNotIn("Late entry", r.out)
        r = self.as_(self.alice, ALICE, "news", "--since", "someday", check=2)
        self.assertIn("someday", r.err)

    def test_news_without_watched_clients_says_how_to_watch(self):
        r = self.as_(self.alice, ALICE, "news", check=0)
        self.assertEqual(r.out, "")
        self.assertIn("crm watch", r.err)

    def test_watch_and_unwatch_change_what_news_shows(self):
        bob = self.clone("bob", BOB)
        self.as_(bob, BOB, "log-visit", "acme", "Bob was here", check=0)
        self.as_(bob, BOB, "sync", check=0)
        self.as_(self.alice, ALICE, "sync", check=0)
        self.as_(self.alice, ALICE, "watch", "acme", check=0)
        r = self.as_(self.alice, ALICE, "news", "--since", "2026-11-01", check=0)
        self.assertIn("Bob was here", r.out)
        self.as_(self.alice, ALICE, "unwatch", "acme", check=0)
        r = self.as_(self.alice, ALICE, "news", "--since", "2026-11-01", check=0)
        self.assertEqual(r.out, "")


class ConflictTest(SyncTestCase):
    def test_real_conflict_leaves_everything_as_it_was(self):
        bob = self.clone("bob", BOB)
        client = "clients/acme-engineering/client.yaml"
        self.set_line(bob, client, "stage: lead\n", "stage: client\n")
        self.commit_all(bob, "set: Acme stage client")
        self.as_(bob, BOB, "sync", check=0)

        self.set_line(self.alice, client, "stage: lead\n", "stage: prospect\n")
        self.commit_all(self.alice, "set: Acme stage prospect")
        # Uncommitted work: a visit logged with --no-commit and a file that is not crm's.
        self.as_(self.alice, ALICE, "--no-commit", "log-visit", "acme", "Unsaved", check=0)
        (self.alice / "notes.txt").write_text("mine\n")
        before = self.state(self.alice)

        r = self.as_(self.alice, ALICE, "sync", check=1)
        self.assertIn(client, r.err)
        self.assertIn("Bob Jones", r.err)
        self.assertIn("nothing was changed", r.err)
        self.assertIn("git pull --rebase", r.err)
        self.assertEqual(self.state(self.alice), before)
        self.assertFalse((self.alice / ".git" / "rebase-merge").exists())
        self.assertFalse((self.alice / ".git" / "rebase-apply").exists())
        self.assertEqual(yaml.safe_load((self.alice / client).read_text())["stage"], "prospect")
        # The remote is untouched too.
        self.assertEqual(self.git("rev-parse", "main", cwd=self.remote),
                         self.g(bob, "rev-parse", "HEAD"))

    def test_untracked_file_in_the_way_is_named_and_nothing_changes(self):
        bob = self.clone("bob", BOB)
        (bob / "README.md").write_text("Bob's readme\n")
        self.commit_all(bob, "readme")
        self.as_(bob, BOB, "sync", check=0)
        (self.alice / "README.md").write_text("Alice's own, untracked\n")
        self.as_(self.alice, ALICE, "--no-commit", "log-visit", "acme", "Mine", check=0)
        before = self.state(self.alice)
        r = self.as_(self.alice, ALICE, "sync", check=1)
        self.assertIn("README.md", r.err)
        self.assertIn("untracked", r.err)
        self.assertEqual(self.state(self.alice), before)

    def test_unrelated_untracked_files_stay_out_of_commits(self):
        bob = self.clone("bob", BOB)
        self.as_(bob, BOB, "add-client", "Beta Water", check=0)
        self.as_(bob, BOB, "sync", check=0)
        (self.alice / "clients" / "beta-water").mkdir()
        (self.alice / "clients" / "beta-water" / "notes.md").write_text("draft\n")
        self.as_(self.alice, ALICE, "log-visit", "acme", "Mine", check=0)
        self.as_(self.alice, ALICE, "sync", check=0)
        self.assert_clean(self.alice)
        self.assertEqual(self.g(self.alice, "status", "--porcelain"),
                         "?? clients/beta-water/notes.md\n")


class RefusalTest(SyncTestCase):
    def test_no_remote_no_upstream_no_repository(self):
        solo = self.tmp / "solo"
        self.crm("init", str(solo), check=0)
        r = self.crm("--dir", str(solo), "sync", check=1)
        self.assertIn("no git remote", r.err)
        self.assertIn("git remote add origin", r.err)
        self.assertIn("crm sync", r.err)
        plain = self.tmp / "plain"
        plain.mkdir()
        (plain / "crm.yaml").write_text("autocommit: true\n")
        env = {"GIT_CEILING_DIRECTORIES": str(self.tmp)}
        r = self.crm("--dir", str(plain), "sync", env=env, check=1)
        self.assertIn("not in a git repository", r.err)

    def test_commits_crm_files_only_and_refuses_other_changes(self):
        (self.alice / "README.md").write_text("Our CRM\n")
        self.commit_all(self.alice, "readme")
        # A hand edit of crm data and a new untracked file that is not crm's.
        self.set_line(self.alice, "clients/acme-engineering/client.yaml", "tier: B\n", "tier: A\n")
        (self.alice / "scratch.txt").write_text("todo\n")
        (self.alice / "README.md").write_text("Changed\n")
        head = self.g(self.alice, "rev-parse", "HEAD")
        r = self.as_(self.alice, ALICE, "sync", check=1)
        self.assertIn("README.md", r.err)
        self.assertNotIn("client.yaml", r.err)
        self.assertEqual(self.g(self.alice, "rev-parse", "HEAD"), head)

        self.g(self.alice, "checkout", "--", "README.md")
        r = self.as_(self.alice, ALICE, "sync", check=0)
        self.assertIn("committed 1 local change: clients/acme-engineering/client.yaml", r.err)
        shown = self.g(self.alice, "show", "--name-only", "--format=%s", "HEAD").split()
        self.assertEqual(shown, ["sync:", "1", "local", "change",
                                 "clients/acme-engineering/client.yaml"])
        self.assertEqual(self.g(self.alice, "status", "--porcelain"), "?? scratch.txt\n")
        self.assertEqual(self.git("rev-parse", "main", cwd=self.remote), self.g(self.alice, "rev-parse", "HEAD"))

    def test_broken_crm_file_is_not_shared(self):
        self.set_line(self.alice, "clients/acme-engineering/client.yaml", "tier: B\n",
                      "<<<<<<< HEAD\ntier: B\n=======\ntier: A\n>>>>>>> theirs\n")
        head = self.g(self.alice, "rev-parse", "HEAD")
        r = self.as_(self.alice, ALICE, "sync", check=1)
        self.assertIn("clients/acme-engineering/client.yaml", r.err)
        self.assertEqual(self.g(self.alice, "rev-parse", "HEAD"), head)
        self.assertEqual(self.git("rev-parse", "main", cwd=self.remote), head)


class PushRaceTest(SyncTestCase):
    def test_rejected_push_pulls_and_retries_once(self):
        bob = self.clone("bob", BOB)
        self.as_(bob, BOB, "log-visit", "acme", "Bob got there first", check=0)
        self.as_(self.alice, ALICE, "log-visit", "acme", "Alice racing", check=0)
        # Between Alice's fetch and her push, Bob pushes (once).
        hook = self.alice / ".git" / "hooks" / "pre-push"
        marker = self.tmp / "race-once"
        marker.write_text("")
        hook.write_text(
            "#!/bin/sh\n"
            f"if [ -e '{marker}' ]; then rm '{marker}'\n"
            f"  env -u GIT_DIR -u GIT_WORK_TREE -u GIT_INDEX_FILE git -C '{bob}' push -q origin main\n"
            "fi\n")
        hook.chmod(hook.stat().st_mode | stat.S_IXUSR)
        r = self.as_(self.alice, ALICE, "sync", check=0)
        self.assertFalse(marker.exists())
        self.assertIn("pushed first", r.err)
        self.assertIn("Bob got there first", r.out)
        remote_head = self.git("rev-parse", "main", cwd=self.remote)
        self.assertEqual(remote_head, self.g(self.alice, "rev-parse", "HEAD"))
        self.as_(bob, BOB, "sync", check=0)
        self.assertEqual(self.tree(bob), self.tree(self.alice))
        self.assertEqual(len(self.visits(bob)), 3)
        self.assert_clean(bob)


class FirstPushTest(SyncTestCase):
    """A branch never pushed: with one remote, the first sync pushes it and sets its
    upstream; with two, crm does not choose and names them."""

    def fresh(self, name, branch_default):
        """A bare remote and a folder from `crm init` under git's own default branch name
        (`master` on git 2.39 without init.defaultBranch), as a new user has them."""
        remote = self.tmp / f"{name}.git"
        subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True, env=self.env)
        folder = self.tmp / name
        gitconfig = self.home / ".gitconfig"
        saved = gitconfig.read_text()
        gitconfig.write_text(saved.replace("defaultBranch = main", f"defaultBranch = {branch_default}"))
        try:
            self.crm("init", str(folder), check=0)
        finally:
            gitconfig.write_text(saved)
        self.identify(folder, ALICE)
        return remote, folder

    def test_first_sync_pushes_and_sets_the_upstream(self):
        remote, folder = self.fresh("fresh", "master")
        self.assertEqual(self.g(folder, "symbolic-ref", "--short", "HEAD"), "master\n")
        self.g(folder, "remote", "add", "origin", str(remote))
        self.as_(folder, ALICE, "add-client", "Beta Water", check=0)
        r = self.as_(folder, ALICE, "sync", check=0)
        self.assertIn("nothing to pull from origin/master", r.err)
        self.assertIn("pushed 2 commits to origin/master", r.err)
        self.assertIn("branch 'master' now has its upstream: origin/master", r.err)
        self.assertEqual(self.g(folder, "config", "branch.master.remote"), "origin\n")
        self.assertEqual(self.g(folder, "config", "branch.master.merge"), "refs/heads/master\n")
        self.assertEqual(self.git("rev-parse", "master", cwd=remote),
                         self.g(folder, "rev-parse", "HEAD"))
        # The next sync is an ordinary one, and a teammate's clone shares it both ways.
        r = self.as_(folder, ALICE, "sync", check=0)
        self.assertNotIn("upstream", r.err)
        self.assertIn("nothing to pull from origin/master", r.err)
        bob = self.tmp / "bob-fresh"
        self.git("clone", "-q", "-b", "master", str(remote), str(bob), cwd=self.tmp)
        self.identify(bob, BOB)
        self.as_(bob, BOB, "log-visit", "beta", "Site walk", check=0)
        self.as_(bob, BOB, "sync", check=0)
        r = self.as_(folder, ALICE, "sync", check=0)
        self.assertIn("pulled 1 commit from origin/master", r.err)
        self.assertIn("Site walk", r.out)

    def test_first_sync_onto_a_branch_the_remote_has_rebases_then_sets_the_upstream(self):
        # Bob's clone (main, from setUp's remote) loses its upstream: the remote has the
        # branch, so the first sync pulls it before pushing.
        bob = self.clone("bob", BOB)
        self.g(bob, "branch", "--unset-upstream")
        self.as_(self.alice, ALICE, "log-visit", "acme", "Alice was first", check=0)
        self.as_(self.alice, ALICE, "sync", check=0)
        self.as_(bob, BOB, "log-visit", "acme", "Bob after", check=0)
        r = self.as_(bob, BOB, "sync", check=0)
        self.assertIn("pulled 1 commit from origin/main", r.err)
        self.assertIn("pushed 1 commit to origin/main", r.err)
        self.assertIn("now has its upstream: origin/main", r.err)
        self.assertEqual(self.g(bob, "rev-parse", "@{upstream}"), self.g(bob, "rev-parse", "HEAD"))
        self.assertEqual(len(self.visits(bob)), 3)
        self.assert_clean(bob)

    def test_two_remotes_and_no_upstream_is_refused_naming_them(self):
        remote, folder = self.fresh("two", "master")
        self.g(folder, "remote", "add", "origin", str(remote))
        self.g(folder, "remote", "add", "backup", str(self.remote))
        head = self.g(folder, "rev-parse", "HEAD")
        r = self.as_(folder, ALICE, "sync", check=1)
        self.assertIn("branch 'master' has no upstream, and this repository has 2 remotes "
                      "(backup, origin)", r.err)
        self.assertIn("git push -u backup master", r.err)
        self.assertEqual(self.g(folder, "rev-parse", "HEAD"), head)
        self.assertEqual(self.git("for-each-ref", cwd=remote), "")
        unset = subprocess.run(["git", "config", "--get", "branch.master.remote"], cwd=folder,
                               env=self.env, capture_output=True, text=True)
        self.assertEqual((unset.returncode, unset.stdout), (1, ""))


if __name__ == "__main__":
    unittest.main()
