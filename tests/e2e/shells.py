"""Shell completion as bash, zsh and fish run it, with crm's own script loaded.

Two ways in:
- `candidates(shell, words)`: what the shell offers for the line `crm WORDS...` (the last
  word as typed so far, quotes and backslashes included): bash runs the script's _crm as
  readline would call it and returns COMPREPLY as bash would insert it; zsh runs in a
  pseudo-terminal with compinit, a Tab pressed, and compadd captured (the matches zsh
  keeps after its own filtering, in the order given); fish answers `complete -C`.
- `typed(shell, keys)`: a person at an interactive shell types `keys` (Tab included),
  then Enter; returns the arguments the command received. `crm` on PATH is then a
  wrapper that records its arguments, except when the script asks crm for words.

A shell that is not installed fails the test (scripts/bootstrap installs all three).
"""
import os
import pty
import select
import shutil
import subprocess
import time
from pathlib import Path

from harness import CRM

# The wrapper: `crm __complete` and `crm completion` run the real crm; anything else
# records its arguments, NUL-separated, for the test to read.
WRAPPER = """#!/bin/sh
case "$1" in
    __complete|completion) exec "{crm}" "$@" ;;
esac
printf '%s\\0' "$@" > "$CRM_TEST_ARGS.part" && mv "$CRM_TEST_ARGS.part" "$CRM_TEST_ARGS"
"""

# zsh's compadd, captured: the matches zsh keeps for the word (compadd -A), one a line.
ZSH_CAPTURE = r"""
compadd() {
    if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return; fi
    local -a hits
    builtin compadd -A hits "$@"
    print -rl -- "${hits[@]}" >> "$CRM_TEST_CAPTURE"
    builtin compadd "$@"
}
"""


class Shells:
    """Completion in the three shells for one test case's folder (CRM_DIR)."""

    def __init__(self, case):
        self.case = case
        self.bindir = case.tmp / "bin"
        self.bindir.mkdir(exist_ok=True)
        wrapper = self.bindir / "crm"
        wrapper.write_text(WRAPPER.format(crm=os.path.abspath(CRM)))
        wrapper.chmod(0o755)
        self.env = dict(case.env, PATH=f"{self.bindir}:{case.env['PATH']}",
                        CRM_DIR=str(case.dir), TERM="dumb", LANG="C.UTF-8",
                        CRM_TEST_ARGS=str(case.tmp / "args"),
                        CRM_TEST_CAPTURE=str(case.tmp / "capture"))
        self.scripts = {}

    def script(self, shell):
        if not shutil.which(shell):
            # A missing shell fails: a skip would count as a pass that proved nothing.
            self.case.fail(f"{shell} is not installed (scripts/bootstrap installs it)")
        if shell not in self.scripts:
            path = self.case.tmp / f"crm.{shell}"
            path.write_text(self.case.crm("completion", shell, check=0).out)
            self.scripts[shell] = path
        return self.scripts[shell]

    # -- what the shell offers ----------------------------------------------------
    def candidates(self, shell, *words, env=None):
        return getattr(self, f"_{shell}")(list(words), dict(self.env, **(env or {})))

    def _bash(self, words, env):
        line = " ".join(["crm", *words])
        current = words[-1] if words else ""
        # What readline hands the function as the word: inside an open quote, after it;
        # else after the last = or : (bash's COMP_WORDBREAKS).
        text = current
        for quote in "\"'":
            if current.count(quote) % 2 == 1:
                text = current[current.index(quote) + 1:]
                break
        else:
            for brk in "=:":
                text = text.rsplit(brk, 1)[-1]
        program = (f"source '{self.script('bash')}'\n"
                   f"COMP_LINE={sh_quote(line)}; COMP_POINT=${{#COMP_LINE}}\n"
                   f"_crm crm {sh_quote(text)} {sh_quote(words[-2] if len(words) > 1 else 'crm')}\n"
                   "printf '%s\\n' \"${COMPREPLY[@]}\"\n")
        return self._run(["bash", "--norc", "--noprofile", "-c", program], env)

    def _fish(self, words, env):
        line = " ".join(["crm", *words])
        program = f"source '{self.script('fish')}'; complete -C \"$CRM_TEST_LINE\""
        out = self._run(["fish", "--no-config", "-c", program], dict(env, CRM_TEST_LINE=line))
        return [w.split("\t")[0] for w in out]

    def _zsh(self, words, env):
        capture = Path(env["CRM_TEST_CAPTURE"])
        capture.unlink(missing_ok=True)
        capturing = self.case.tmp / "capture.zsh"
        capturing.write_text(ZSH_CAPTURE)
        setup = ["autoload -U compinit && compinit -u", f"source '{self.script('zsh')}'",
                 f"source '{capturing}'"]
        self._interactive(["zsh", "-f", "-i"], setup, " ".join(["crm", *words]) + "\t", env,
                          done=lambda: True, enter=False)
        return [w for w in capture.read_text().split("\n") if w] if capture.exists() else []

    def _run(self, argv, env):
        proc = subprocess.run(argv, env=env, capture_output=True, text=True,
                              cwd=str(self.case.tmp), timeout=60)
        self.case.assertEqual(proc.returncode, 0, proc.stderr)
        self.case.assertEqual(proc.stderr, "")
        return [w for w in proc.stdout.split("\n") if w]

    # -- what a person gets -------------------------------------------------------
    def typed(self, shell, keys, env=None):
        """`keys` typed at an interactive `shell` (\\t for Tab), then Enter: the arguments
        the command received."""
        env = dict(self.env, **(env or {}))
        args = Path(env["CRM_TEST_ARGS"])
        args.unlink(missing_ok=True)
        argv, setup = self._shell_setup(shell)
        shown = self._interactive(argv, setup, keys, env, done=args.exists)
        self.case.assertTrue(args.exists(), f"{shell} ran nothing; the terminal showed:\n{shown}")
        return args.read_bytes().decode().split("\0")[:-1]

    def screen(self, shell, keys, env=None):
        """What the terminal shows after `keys` are typed (no Enter): a list of matches."""
        env = dict(self.env, **(env or {}))
        argv, setup = self._shell_setup(shell)
        return self._interactive(argv, setup, keys, env, done=lambda: True, enter=False)

    def _shell_setup(self, shell):
        script = self.script(shell)
        if shell == "bash":
            return ["bash", "--norc", "--noprofile", "-i"], [f"source '{script}'"]
        if shell == "zsh":
            return ["zsh", "-f", "-i"], ["autoload -U compinit && compinit -u",
                                         f"source '{script}'"]
        return ["fish", "--no-config", "-i"], [f"source '{script}'"]

    def _interactive(self, argv, setup, keys, env, done, enter=True):
        pid, fd = pty.fork()
        if pid == 0:  # the child: the shell, on the pseudo-terminal
            os.chdir(str(self.case.tmp))
            os.execvpe(argv[0], argv, env)
        shown = []

        def drain(quiet=0.4, limit=10.0):
            end, last = time.time() + limit, time.time()
            while time.time() < end and time.time() - last < quiet:
                ready, _, _ = select.select([fd], [], [], 0.05)
                if ready:
                    try:
                        data = os.read(fd, 65536)
                    except OSError:
                        return
                    if not data:
                        return
                    shown.append(data)
                    last = time.time()

        try:
            drain(1.0)
            for line in setup:
                os.write(fd, line.encode() + b"\n")
                drain()
            os.write(fd, keys.encode())
            drain(0.8)
            if enter:
                os.write(fd, b"\n")
                end = time.time() + 20
                while not done() and time.time() < end:
                    drain(0.2, 0.5)
            os.write(fd, b"\x03exit\n")
            drain(0.3, 3)
        finally:
            try:
                os.kill(pid, 9)
            except ProcessLookupError:
                pass
            os.waitpid(pid, 0)
            os.close(fd)
        return b"".join(shown).decode("utf-8", "replace")


def sh_quote(s):
    return "'" + s.replace("'", "'\\''") + "'"
