#!/usr/bin/env python3
"""Golden files, in the manner of hledger's CLI tests: the exact output of every command
and format over the example folders.

A case is tests/golden/<command>/<name>.args: the first line is crm's arguments (split as a
POSIX shell would, never run by one); the lines after it are directives:

    folder: consultancy      the folder copied for the case: examples/consultancy
                             (default) or tests/golden/folders/<name>
    env: NAME=VALUE          an environment variable for crm (repeatable)
    stdin: FILE              standard input, a file beside the .args
    before: ARGS             a crm command run first, its output not compared (repeatable)
    show: git                append the subject and files of the commit crm made
    show: file PATH          append a file of the folder as crm left it (repeatable)

Its expected output is <name>.out beside it: stdout, then `--- stderr` and stderr when
there is any, then `--- exit N`. Each case runs in a fresh copy of its folder, committed
to a fresh git repository, with CRM_TODAY=2026-11-23, CRM_USER="Alice Smith", COLUMNS=80, a
test git identity, fixed commit dates and file modification times, no terminal, and a
HOME of its own. What
differs between runs by design is written as a placeholder: the random part of a new
record's file name (-XXXXXX.yaml), the checkout's tests/data folder (<data>), commit ids (<commit 1>, <commit 2>... in order of
appearance), a message's Date: and Message-ID: headers, the temporary folder (<dir>), a
contact's new uid (<uuid>).

    python3 tests/golden/run.py CRM_BINARY [CASE-PATTERN]
    CRM_UPDATE_GOLDEN=1 python3 tests/golden/run.py CRM_BINARY   # accept the new output

Exit 0 when every case matches; otherwise the diffs and exit 1. With CRM_UPDATE_GOLDEN=1
the .out files are rewritten (review them with git diff before committing).
"""
import difflib
from datetime import datetime
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TODAY = "2026-11-23"
GIT_DATE = "2026-11-23T09:00:00+00:00"


def folder_source(name):
    return ROOT / "examples" / name if name == "consultancy" else HERE / "folders" / name


def git(cwd, *args, env):
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True,
                          text=True).stdout


def parse_case(path):
    lines = path.read_text().splitlines()
    case = {"args": shlex.split(lines[0]), "folder": "consultancy", "env": {}, "stdin": None,
            "before": [], "show": []}
    for line in lines[1:]:
        if not line.strip() or line.startswith("#"):
            continue
        key, _, value = line.partition(":")
        value = value.strip()
        if key == "folder":
            case["folder"] = value
        elif key == "env":
            name, _, v = value.partition("=")
            case["env"][name] = v
        elif key == "stdin":
            case["stdin"] = (path.parent / value).read_bytes()
        elif key == "before":
            case["before"].append(shlex.split(value))
        elif key == "show":
            case["show"].append(value)
        else:
            raise SystemExit(f"{path}: unknown directive {key!r}")
    return case


class Normaliser:
    def __init__(self, tmp):
        self.tmp = str(tmp)
        self.commits = {}

    def __call__(self, text, repo=None, env=None):
        text = text.replace(self.tmp, "<dir>")
        # The checkout's own path ({data} arguments), wherever it is cloned.
        text = text.replace(str(ROOT / "tests" / "data"), "<data>")
        text = re.sub(r"(\d{4}-\d\d-\d\d-[a-z0-9-]+?-)[0-9a-f]{6}(\.yaml)", r"\1XXXXXX\2", text)
        text = re.sub(r"(?m)^Date: .*$", "Date: <date>", text)
        text = re.sub(r"\b[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\b",
                      "<uuid>", text)
        text = re.sub(r"(?mi)^Message-ID: .*$", "Message-ID: <id>", text)
        if repo is not None:
            for full in git(repo, "rev-list", "--all", env=env).split():
                self.commits.setdefault(full, f"<commit {len(self.commits) + 1}>")
            for full, name in self.commits.items():
                text = re.sub(rf"\b{full[:7]}[0-9a-f]*\b", name, text)
        return text


def run_case(crm, path):
    case = parse_case(path)
    tmp = Path(tempfile.mkdtemp(prefix="crm-golden-"))
    try:
        home = tmp / "home"
        home.mkdir()
        (home / ".gitconfig").write_text(
            "[user]\n\tname = Alice Smith\n\temail = alice@harbourpike.example\n"
            "[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n")
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home),
               "LANG": "C.UTF-8", "CRM_TODAY": TODAY, "CRM_USER": "Alice Smith",
               "COLUMNS": "80", "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_DATE": GIT_DATE,
               "GIT_COMMITTER_DATE": GIT_DATE, "TZ": "UTC"}
        folder = tmp / "crm"
        shutil.copytree(folder_source(case["folder"]), folder, symlinks=True)
        # Fixed modification times too: due's calendar feed dates its events by them.
        stamp = datetime.fromisoformat(GIT_DATE).timestamp()
        for p in [folder, *folder.rglob("*")]:
            os.utime(p, (stamp, stamp), follow_symlinks=False)
        git(folder, "init", "-q", env=env)
        git(folder, "add", "-A", env=env)
        git(folder, "commit", "-qm", "The example folder", env=env)
        env.update(case["env"])
        norm = Normaliser(tmp)
        def expand(args):
            return [a.replace("{dir}", str(folder)).replace("{data}",
                                                            str(ROOT / "tests" / "data"))
                    for a in args]
        for before in case["before"]:
            subprocess.run([crm, "--dir", str(folder), *expand(before)], env=env, cwd=tmp,
                           capture_output=True, check=True)
        head = git(folder, "rev-parse", "HEAD", env=env).strip()
        args = expand(case["args"])
        if "--dir" not in args and args[:1] != ["init"]:
            args = ["--dir", str(folder), *args]
        r = subprocess.run([crm, *args], env=env, cwd=tmp, input=case["stdin"],
                           capture_output=True, timeout=120)
        out = r.stdout.decode("utf-8", "backslashreplace")
        err = r.stderr.decode("utf-8", "backslashreplace")
        text = out
        if err:
            text += ("" if text.endswith("\n") or not text else "\n") + "--- stderr\n" + err
        text += ("" if text.endswith("\n") or not text else "\n") + f"--- exit {r.returncode}\n"
        for show in case["show"]:
            if show == "git":
                new = git(folder, "rev-parse", "HEAD", env=env).strip()
                text += "--- commit\n"
                if new != head:
                    text += git(folder, "show", "--format=%B", "--name-status", "HEAD", env=env)
            elif show.startswith("file "):
                name = show[5:].strip()
                text += f"--- {name}\n"
                matches = sorted(folder.glob(name))
                text += "".join(read_text(m) for m in matches) if matches else "(none)\n"
        return norm(text, folder, env)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def read_text(path):
    with open(path, newline="") as f:
        return f.read()


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    crm = str(Path(sys.argv[1]).resolve())
    pattern = sys.argv[2] if len(sys.argv) > 2 else ""
    update = os.environ.get("CRM_UPDATE_GOLDEN") == "1"
    cases = sorted(p for p in HERE.glob("*/*.args") if pattern in str(p.relative_to(HERE)))
    if not cases:
        raise SystemExit(f"no golden case matches {pattern!r}")
    failed = 0
    for path in cases:
        got = run_case(crm, path)
        expected_file = path.with_suffix(".out")
        expected = read_text(expected_file) if expected_file.exists() else None
        name = path.relative_to(HERE).with_suffix("")
        if got == expected:
            continue
        if update:
            with open(expected_file, "w", newline="") as f:  # CSV's CRLF stays CRLF
                f.write(got)
            print(f"updated {name}")
            continue
        failed += 1
        print(f"FAIL {name}")
        sys.stdout.writelines(difflib.unified_diff(
            (expected or "").splitlines(True), got.splitlines(True),
            f"{name}.out (expected)", f"{name} (crm)"))
    print(f"{len(cases) - failed} of {len(cases)} golden cases match")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
