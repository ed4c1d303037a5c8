"""Running crm on a pseudo-terminal of a given size, as a person's terminal would."""
import fcntl
import os
import pty
import re
import struct
import subprocess
import termios
import unicodedata

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def run_on_pty(argv, env, cwd, columns, rows=40, timeout=60):
    """stdout is a terminal `columns` wide (stdin too); returns (exit code, what the
    terminal showed, stderr)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    env = {k: v for k, v in env.items() if k != "COLUMNS"}
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=subprocess.PIPE, env=env,
                            cwd=cwd, close_fds=True)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the other end closed
            break
        if not data:
            break
        chunks.append(data)
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    code = proc.wait(timeout=timeout)
    os.close(master)
    shown = b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")
    return code, shown, err


def display_width(line):
    line = ANSI.sub("", line)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else
               0 if unicodedata.combining(c) else 1 for c in line)


def widest(text):
    return max((display_width(l) for l in text.split("\n")), default=0)


def cut_columns(line, start, end=None):
    """The characters of `line` between display columns start and end (None: to its end)."""
    out, col = [], 0
    for ch in line:
        w = display_width(ch)
        if col >= start and (end is None or col + w <= end):
            out.append(ch)
        col += w
    return "".join(out)
