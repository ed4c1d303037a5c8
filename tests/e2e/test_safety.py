"""Nothing is lost: atomic writes, the folder lock, killed processes, symlinks, git hazards."""
import os
import random
import signal
import subprocess
import time
import unittest
from pathlib import Path

import yaml

from harness import CRM, CrmTestCase

CLIENT = "clients/acme-engineering/client.yaml"
VISITS = "clients/acme-engineering/visits"


class SafetyTestCase(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.crm_in("add-client", "Acme Engineering", check=0)

    def spawn(self, *args, env=None):
        full_env = dict(self.env)
        full_env.update(env or {})
        return subprocess.Popen([CRM, "--dir", str(self.dir), *args], env=full_env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def temp_files(self):
        return [p for p in self.dir.rglob("*") if ".crm-tmp-" in p.name]

    def visit_files(self):
        d = self.dir / VISITS
        return sorted(p.name for p in d.iterdir()) if d.exists() else []


class ConcurrencyTest(SafetyTestCase):
    def test_16_log_visits_at_once_all_land_and_commit(self):
        before = self.commit_count()
        procs = [self.spawn("log-visit", "acme", f"visit number {i}",
                            env={"CRM_USER": f"User {i}"}) for i in range(16)]
        for p in procs:
            out, err = p.communicate(timeout=60)
            self.assertEqual(p.returncode, 0, err)
        self.assertEqual(len(self.visit_files()), 16)
        self.assertEqual(self.commit_count(), before + 16)
        notes = sorted(self.load(f"{VISITS}/{n}")["notes"] for n in self.visit_files())
        self.assertEqual(notes, sorted(f"visit number {i}" for i in range(16)))
        self.assertEqual(self.git("status", "--porcelain"), "")

    def test_concurrent_set_and_watch_lose_nothing(self):
        procs = [self.spawn("watch", "acme", env={"CRM_USER": f"User {i}"}) for i in range(8)]
        procs += [self.spawn("set", "acme", f"field{i}", f"value {i}") for i in range(8)]
        for p in procs:
            out, err = p.communicate(timeout=60)
            self.assertEqual(p.returncode, 0, err)
        data = self.load(CLIENT)
        self.assertEqual(sorted(data["watchers"]), sorted(f"User {i}" for i in range(8)))
        for i in range(8):
            self.assertEqual(data[f"field{i}"], f"value {i}")


class KillTest(SafetyTestCase):
    def test_killed_at_random_moments_leaves_valid_files_and_no_temp_files(self):
        original = (self.dir / CLIENT).read_text()
        rng = random.Random(1234)
        commands = [
            ["--no-commit", "log-visit", "acme", "killed maybe", "--promise", "x by fri"],
            ["--no-commit", "set", "acme", "notes", "long text " * 200],
            ["--no-commit", "set", "acme", "owner", "Bob Jones"],
            ["--no-commit", "watch", "acme"],
            ["--no-commit", "unwatch", "acme"],
        ]
        deadline = time.monotonic() + 12
        runs = 0
        while time.monotonic() < deadline and runs < 150:
            runs += 1
            p = self.spawn(*rng.choice(commands))
            time.sleep(rng.uniform(0, 0.012))
            p.send_signal(signal.SIGKILL)
            p.communicate()
        # Every file is either old or new, and parses.
        for path in self.dir.rglob("*.yaml"):
            if ".crm-tmp-" in path.name or ".git" in path.parts:
                continue
            text = path.read_text(encoding="utf-8")
            self.assertTrue(text.endswith("\n"), path)
            yaml.safe_load(text)
        client = self.load(CLIENT)
        self.assertEqual(client["name"], "Acme Engineering")
        # Leftover temporary files are invisible to git...
        self.assertNotIn(".crm-tmp-", self.git("status", "--porcelain", "-uall"))
        # ...and the next command that writes removes them.
        self.crm_in("--no-commit", "set", "acme", "owner", "Carol", check=0)
        self.assertEqual(self.temp_files(), [])
        self.crm_in("check", check=0)
        self.assertNotEqual((self.dir / CLIENT).read_text(), original)


    def test_next_writer_removes_what_a_killed_crm_left(self):
        (self.dir / ".crm/tmp").mkdir(parents=True, exist_ok=True)
        left = self.dir / ".crm/tmp/.client.yaml.crm-tmp-0123456789ab"
        left.write_text("half a fi")
        (self.dir / ".gitignore").write_text("")  # invisible whatever the .gitignore says
        self.assertEqual(self.git("status", "--porcelain", "-uall"), " M .gitignore\n")
        self.crm_in("watch", "acme", check=0)
        self.assertFalse(left.exists())


class SymlinkTest(SafetyTestCase):
    def test_visits_folder_symlink_is_not_written_through(self):
        outside = self.tmp / "outside"
        outside.mkdir()
        os.symlink(outside, self.dir / VISITS)
        r = self.crm_in("log-visit", "acme", "hello", check=1)
        self.assertIn("symbolic link", r.err)
        self.assertEqual(list(outside.iterdir()), [])

    def test_client_folder_symlink_is_not_written_through(self):
        outside = self.tmp / "elsewhere"
        outside.mkdir()
        (outside / "client.yaml").write_text("name: Evil\n")
        os.symlink(outside, self.dir / "clients" / "evil")
        r = self.crm_in("set", "evil", "tier", "A")
        self.assertEqual(r.code, 1, r)
        self.assertEqual((outside / "client.yaml").read_text(), "name: Evil\n")


class GitHazardTest(SafetyTestCase):
    def assertNotCommittedButKept(self, r, message):
        self.assertEqual(r.code, 1, r)
        self.assertIn("not committed", r.err)
        self.assertIn(message, r.err)
        self.assertIn("nothing was lost", r.err)
        # Nothing on stdout: a path there says it is committed.
        self.assertEqual(r.out, "")
        path = r.saved()
        self.assertTrue(path, r)
        self.assertTrue((self.dir / path[0]).exists())
        self.assertEqual(self.load(path[0])["notes"], "kept")

    def test_hostile_names_never_reach_a_shell_or_git_option(self):
        for name in ["-A", "$(touch pwned)", "--all", "`touch pwned2`", ";rm -rf ~"]:
            r = self.crm_in("add-client", "--", name, check=0)
            slug = r.out.strip()
            self.assertEqual(self.last_commit_files(), [f"clients/{slug}/client.yaml"])
            self.crm_in("log-visit", slug, "hello", check=0)
            self.crm_in("set", slug, "tier", "A", check=0)
        self.assertFalse((self.tmp / "pwned").exists())
        self.assertFalse((self.dir / "pwned").exists())
        self.assertFalse((self.dir / "pwned2").exists())
        self.assertEqual(self.git("status", "--porcelain"), "")

    def test_git_dir_and_work_tree_in_environment_are_ignored(self):
        other = self.tmp / "other"
        other.mkdir()
        self.git("init", "-q", cwd=other)
        r = self.crm_in("log-visit", "acme", "hello",
                        env={"GIT_DIR": str(other / ".git"), "GIT_WORK_TREE": str(other),
                             "GIT_INDEX_FILE": str(other / "idx")}, check=0)
        self.assertEqual(self.last_commit_files(), [r.out.strip()])
        self.assertEqual(subprocess.run(["git", "rev-parse", "--verify", "HEAD"], cwd=other,
                                        capture_output=True, env=self.env).returncode, 128)

    def test_missing_identity(self):
        (self.home / ".gitconfig").write_text("[user]\n\tuseConfigOnly = true\n")
        r = self.crm_in("log-visit", "acme", "kept", env={"EMAIL": None})
        self.assertNotCommittedButKept(r, "git does not know who you are")
        self.assertIn("git config user.name", r.err)

    def test_detached_head(self):
        self.git("checkout", "-q", "--detach")
        self.assertNotCommittedButKept(self.crm_in("log-visit", "acme", "kept"), "HEAD is detached")

    def test_merge_in_progress(self):
        head = self.git("rev-parse", "HEAD").strip()
        (self.dir / ".git" / "MERGE_HEAD").write_text(head + "\n")
        self.assertNotCommittedButKept(self.crm_in("log-visit", "acme", "kept"),
                                       "a merge is in progress")

    def test_rebase_in_progress(self):
        (self.dir / ".git" / "rebase-merge").mkdir()
        self.assertNotCommittedButKept(self.crm_in("log-visit", "acme", "kept"),
                                       "a rebase is in progress")

    def test_stale_index_lock(self):
        (self.dir / ".git" / "index.lock").write_text("")
        r = self.crm_in("log-visit", "acme", "kept")
        self.assertNotCommittedButKept(r, "index.lock")
        self.assertIn("remove", r.err)

    def test_failing_hook(self):
        hook = self.dir / ".git" / "hooks" / "pre-commit"
        hook.parent.mkdir(exist_ok=True)
        hook.write_text("#!/bin/sh\necho 'hook says no' >&2\nexit 1\n")
        hook.chmod(0o755)
        r = self.crm_in("log-visit", "acme", "kept")
        self.assertNotCommittedButKept(r, "git commit failed")
        self.assertIn("hook", r.err)

    def test_no_repository_works_without_commits(self):
        import shutil
        shutil.rmtree(self.dir / ".git")
        r = self.crm_in("log-visit", "acme", "kept", check=0)
        self.assertEqual(self.load(r.out.strip())["notes"], "kept")
        self.crm_in("set", "acme", "tier", "A", check=0)
        self.crm_in("watch", "acme", check=0)


if __name__ == "__main__":
    unittest.main()
