#!/usr/bin/env python3
"""Soak: concurrent crm writers, a person's own git, an editor and kill -9, on one folder.

    python3 tests/soak/run.py --crm build/crm [--seconds 150] [--writers 4] [--seed N]

For --seconds (bounded: the whole run takes about three minutes with the defaults):

* --writers threads run crm's writers in a loop against one folder: log-visit, set (a
  field of the writer's own, counting up), done (promises logged beforehand) and watch,
  at three clients;
* the person works beside them with their own git: a loop that edits notes/journal.txt,
  then `git add` and `git commit` of it (failures, such as git's index.lock, are theirs);
* an editor rewrites clients/zeta/client.yaml in place, truncate then write (crm never
  writes that client);
* a killer starts crm writers and kill -9s them at random moments.

Then it checks, from git and the folder:

* lost (after one last crm command that writes, which commits what crm could not before,
  see run()): every record crm reported as written (exit 0: the path log-visit printed, the
  value set printed, the promise done marked, the watcher added) is in HEAD, or on crm's
  list of files it wrote but could not commit (.crm/uncommitted), as reported, and the
  file parses (`crm check` names no problem in it);
* foreign: no commit crm made (those with the Crm-Command trailer, as crm tells its own:
  crm_command below) holds a path that no crm command writes: the person's journal,
  the editor's client, anything outside the writers' three clients. git passes the
  message of every commit through one file, .git/COMMIT_EDITMSG, so when the person's
  `git commit` runs at the very moment of crm's the two messages can mix, or the
  person's commit can get crm's whole message; such a commit holds none of crm's files
  (crm stages nothing before its commit) and is listed apart, as the person's.

Prints both counts and exits 1 when either is not 0 (2 when the run itself failed).
Standard library only; no network, no real date (CRM_TODAY), its own HOME.
"""
import argparse
import collections
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

TODAY = "2026-11-23"
CLIENTS = ["alpha", "beta", "gamma"]  # what crm writes
EDITED = "clients/zeta/client.yaml"    # what the editor rewrites; never crm's
JOURNAL = "notes/journal.txt"          # what the person commits with their own git
PROMISES = 30                          # per client, for `done`


def crm_command(message):
    """The command of a commit crm made, as crm itself tells its commits
    (git/history.hpp, crm_command): the message ends with a paragraph that is the one
    line `Crm-Command: X`, and its subject starts with "X:". git passes every commit's
    message through one file, .git/COMMIT_EDITMSG, so a `git commit` of the person's at
    the very moment of crm's can mix the two messages: such a mix is neither's, and is
    counted apart (it holds no file of crm's: crm stages nothing before its commit)."""
    text = message.rstrip("\n")
    head, sep, last = text.rpartition("\n\n")
    if not sep or "\n" in last or not last.startswith("Crm-Command: "):
        return ""
    command = last[len("Crm-Command: "):]
    if not re.fullmatch(r"[a-z0-9 -]+", command):
        return ""
    if command != "crm" and not head.startswith(command + ":"):
        return ""
    return command


class Soak:
    def __init__(self, crm, work, seconds, writers, seed):
        self.crm_bin = crm
        self.work = work
        self.folder = work / "folder"
        self.seconds = seconds
        self.writers = writers
        self.random = random.Random(seed)
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.home = work / "home"
        self.home.mkdir()
        (self.home / ".gitconfig").write_text(
            "[user]\n\tname = Soak Person\n\temail = soak@example.invalid\n"
            "[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n")
        self.env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(self.home),
                    "LANG": "C.UTF-8", "CRM_TODAY": TODAY, "CRM_USER": "Soak Writer",
                    "GIT_CONFIG_NOSYSTEM": "1"}
        # What crm reported as written.
        self.visits = {}       # path -> summary
        self.values = {}       # (client, field) -> last value set
        self.done = []         # (client, promise token)
        self.watchers = []     # (client, name)
        self.counts = {"log-visit": 0, "set": 0, "done": 0, "watch": 0, "refused": 0,
                       "killed": 0, "user commits": 0, "editor saves": 0}
        self.reasons = collections.Counter()  # why crm refused, by its error less the paths
        self.examples = {}                    # the first whole message of each reason

    # -- running things ------------------------------------------------------------
    def crm(self, *args, user="Soak Writer", timeout=120):
        env = dict(self.env, CRM_USER=user)
        return subprocess.run([self.crm_bin, "--dir", str(self.folder), *args], env=env,
                              capture_output=True, text=True, timeout=timeout)

    def git(self, *args, check=True):
        r = subprocess.run(["git", *args], cwd=self.folder, env=self.env, capture_output=True,
                           text=True)
        if check and r.returncode != 0:
            raise RuntimeError(f"git {' '.join(args)}: {r.stderr}")
        return r

    def count(self, what):
        with self.lock:
            self.counts[what] += 1

    # -- the folder --------------------------------------------------------------------
    def setup(self):
        r = self.crm("init", str(self.folder))
        if r.returncode != 0:
            raise RuntimeError("crm init: " + r.stderr)
        for slug in CLIENTS + ["zeta"]:
            r = self.crm("add-client", slug.capitalize())
            if r.returncode != 0 or r.stdout.strip() != slug:
                raise RuntimeError(f"add-client {slug}: {r.stdout}{r.stderr}")
        for slug in CLIENTS:
            for k in range(PROMISES):
                r = self.crm("log-visit", slug, f"Setup {k}", "--promise",
                             f"P{slug}{k:03d}x deliver by +30d")
                if r.returncode != 0:
                    raise RuntimeError("log-visit: " + r.stderr)
        (self.folder / "notes").mkdir()
        (self.folder / JOURNAL).write_text("journal\n")
        self.git("add", JOURNAL)
        self.git("commit", "-q", "-m", "the person's journal")
        self.open_promises = [(slug, f"P{slug}{k:03d}x") for slug in CLIENTS
                              for k in range(PROMISES)]
        self.random.shuffle(self.open_promises)

    # -- the actors --------------------------------------------------------------------
    def writer(self, n, rng):
        field = f"soak_w{n}"
        counter = 0
        while not self.stop.is_set():
            op = rng.choice(["log-visit", "log-visit", "set", "done", "watch"])
            slug = rng.choice(CLIENTS)
            if op == "log-visit":
                summary = f"Soak visit w{n} {counter}"
                counter += 1
                r = self.crm("log-visit", slug, summary)
                if r.returncode == 0:
                    with self.lock:
                        self.visits[r.stdout.strip()] = summary
            elif op == "set":
                counter += 1
                r = self.crm("set", slug, field, str(counter))
                if r.returncode == 0:
                    with self.lock:
                        self.values[(slug, field)] = str(counter)
            elif op == "done":
                with self.lock:
                    if not self.open_promises:
                        continue
                    slug, token = self.open_promises.pop()
                r = self.crm("done", slug, token)
                if r.returncode == 0:
                    with self.lock:
                        self.done.append((slug, token))
            else:
                name = f"Watcher {n}-{counter}"
                counter += 1
                r = self.crm("watch", slug, name)
                if r.returncode == 0:
                    with self.lock:
                        self.watchers.append((slug, name))
            self.count(op if r.returncode == 0 else "refused")
            if r.returncode != 0:
                error = next((line for line in r.stderr.splitlines()
                              if line.startswith("crm: error:")), r.stderr.strip()[:80])
                with self.lock:
                    reason = re.sub(r"\S*/\S*", "PATH", error)[:120]
                    if reason not in self.reasons:
                        self.examples[reason] = " ".join([op, slug]) + ": " + r.stderr.strip()
                    self.reasons[reason] += 1

    def person(self, rng):
        line = 0
        while not self.stop.is_set():
            line += 1
            with open(self.folder / JOURNAL, "a") as f:
                f.write(f"line {line}\n")
            if self.git("add", JOURNAL, check=False).returncode == 0:
                if self.git("commit", "-q", "-m", f"journal {line}", check=False).returncode == 0:
                    self.count("user commits")
            time.sleep(rng.uniform(0.01, 0.08))

    def editor(self, rng):
        path = self.folder / EDITED
        base = path.read_text()
        n = 0
        while not self.stop.is_set():
            n += 1
            text = base + f"notes: edited {n} times\n"
            with open(path, "r+") as f:  # in place, as many editors save
                f.truncate(0)
                f.flush()
                time.sleep(rng.uniform(0, 0.01))
                f.write(text)
            self.count("editor saves")
            time.sleep(rng.uniform(0.01, 0.05))
        path.write_text(base + f"notes: edited {n} times\n")

    def killer(self, rng):
        k = 0
        while not self.stop.is_set():
            k += 1
            slug = rng.choice(CLIENTS)
            args = rng.choice([["log-visit", slug, f"Killed visit {k}"],
                               ["set", slug, "soak_killed", str(k)],
                               ["watch", slug, f"Killed watcher {k}"]])
            proc = subprocess.Popen([self.crm_bin, "--dir", str(self.folder), *args],
                                    env=self.env, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0, 0.25))
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                self.count("killed")
            proc.wait()
            time.sleep(rng.uniform(0.05, 0.2))

    def run(self):
        threads = []
        for n in range(self.writers):
            threads.append(threading.Thread(target=self.writer,
                                            args=(n, random.Random(self.random.random()))))
        for actor in (self.person, self.editor, self.killer):
            threads.append(threading.Thread(target=actor,
                                            args=(random.Random(self.random.random()),)))
        for t in threads:
            t.start()
        time.sleep(self.seconds)
        self.stop.set()
        for t in threads:
            t.join()
        # crm's promise is that the next command that writes commits what an earlier one
        # could not, or what someone else's racing `git commit` took back out of HEAD
        # (store/committed.hpp): one last command, as the next cron run or person would.
        r = self.crm("set", CLIENTS[0], "soak_final", "1")
        if r.returncode != 0:
            raise RuntimeError("the last crm command was refused: " + r.stderr)
        self.final_note = r.stderr.strip()

    # -- the checks -------------------------------------------------------------------
    def in_head(self, path):
        r = self.git("show", f"HEAD:{path}", check=False)
        return r.stdout if r.returncode == 0 else None

    def current(self, path, uncommitted):
        """The file as crm reported it: in HEAD, or on disk when on crm's list."""
        if path in uncommitted and (self.folder / path).is_file():
            return (self.folder / path).read_text()
        return self.in_head(path)

    def check(self):
        listed = self.folder / ".crm/uncommitted"
        uncommitted = set(listed.read_text().splitlines()) if listed.exists() else set()
        r = self.crm("check", "--format", "json")
        broken = {p["file"] for p in json.loads(r.stdout or "[]") if p.get("level") == "error"}
        lost = []
        for path, summary in self.visits.items():
            text = self.current(path, uncommitted)
            if text is None or summary not in text or path in broken:
                lost.append(f"visit {path} ({summary})")
        client_texts = {slug: self.current(f"clients/{slug}/client.yaml", uncommitted) or ""
                        for slug in CLIENTS}
        for (slug, field), value in self.values.items():
            if not re.search(rf"^{field}: ['\"]?{value}['\"]?$", client_texts[slug], re.M):
                lost.append(f"set {slug} {field} {value}")
        for slug, name in self.watchers:
            if name not in client_texts[slug]:
                lost.append(f"watch {slug} {name}")
        for slug in CLIENTS:
            if f"clients/{slug}/client.yaml" in broken:
                lost.append(f"clients/{slug}/client.yaml does not parse")
        visit_texts = {}
        for slug, token in self.done:
            if slug not in visit_texts:
                files = self.git("ls-tree", "-r", "--name-only", "HEAD",
                                 f"clients/{slug}/visits/").stdout.split()
                files += [p for p in uncommitted if p.startswith(f"clients/{slug}/visits/")]
                visit_texts[slug] = [self.current(p, uncommitted) or "" for p in files]
            marked = False
            for text in visit_texts[slug]:
                at = text.find(token)
                if at >= 0:
                    rest = text[at:].split("\n  - ", 1)[0]
                    marked = re.search(r"^\s+done: \d{4}-\d\d-\d\d$", rest, re.M) is not None
                    break
            if not marked:
                lost.append(f"done {slug} {token}")

        allowed = tuple(f"clients/{slug}/" for slug in CLIENTS)
        foreign = []
        log = self.git("log", "-z", "--format=%H%x1f%B").stdout
        crm_commits, mixed = [], []
        for record in filter(None, log.split("\0")):
            commit, message = record.split("\x1f", 1)
            command = crm_command(message)
            if command:
                crm_commits.append((commit, command))
            elif "Crm-Command:" in message:
                mixed.append(commit)
        self.mixed = mixed
        setup = {"init", "add-client"}
        made = 0
        for commit, command in crm_commits:
            files = self.git("diff-tree", "-r", "--root", "--no-commit-id", "--name-only",
                             "--no-renames", "-z", commit).stdout.split("\0")
            files = [f for f in files if f]
            if command in setup:
                made += 1
                continue  # the folder's own making, before the soak
            if not any(f.startswith(allowed) for f in files):
                # Not one file crm writes: crm commits only when it wrote something, and
                # stages nothing before, so this is the person's commit, given crm's
                # message whole by git's shared COMMIT_EDITMSG. Counted with the mixes.
                self.mixed.append(commit)
                continue
            made += 1
            for f in files:
                if not f.startswith(allowed):
                    foreign.append(f"{commit[:7]} ({command}): {f}")
        return lost, foreign, made


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--crm", required=True)
    ap.add_argument("--seconds", type=float, default=150)
    ap.add_argument("--writers", type=int, default=4)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    for tool in ("git",):
        if not shutil.which(tool):
            print(f"soak: {tool} is missing", file=sys.stderr)
            return 2
    work = Path(tempfile.mkdtemp(prefix="crm-soak-"))
    try:
        # Its own copy: a rebuild during the run must not swap the program under it.
        crm = work / "crm"
        shutil.copy2(args.crm, crm)
        soak = Soak(str(crm), work, args.seconds, args.writers, seed)
        print(f"soak: seed {seed}, {args.writers} writers, {args.seconds:g} s, in {work}",
              flush=True)
        soak.setup()
        soak.run()
        lost, foreign, commits = soak.check()
        if soak.final_note:
            print("soak: the last command said: " + soak.final_note.replace("\n", "\nsoak:   "))
        print("soak: " + ", ".join(f"{v} {k}" for k, v in soak.counts.items()) +
              f"; {commits} crm commits; {len(soak.mixed)} of the person's commits whose "
              "message git mixed with crm's (COMMIT_EDITMSG)")
        for reason, n in soak.reasons.most_common(5):
            print(f"soak: refused {n} times: {reason}")
            if os.environ.get("CRM_SOAK_VERBOSE"):
                print("soak:   e.g. " + soak.examples[reason].replace("\n", "\n      "))
        for commit in soak.mixed:
            files = soak.git("diff-tree", "-r", "--no-commit-id", "--name-only", commit).stdout
            print(f"soak: mixed message in {commit[:7]}: " + ", ".join(files.split()))
        for item in lost:
            print("soak: LOST " + item)
        for item in foreign:
            print("soak: FOREIGN " + item)
        print(f"lost: {len(lost)}")
        print(f"foreign files in crm commits: {len(foreign)}")
        return 1 if lost or foreign else 0
    except (RuntimeError, OSError, subprocess.SubprocessError) as e:
        print(f"soak: the run failed: {e}", file=sys.stderr)
        return 2
    finally:
        if args.keep:
            print(f"soak: kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
