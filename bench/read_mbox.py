#!/usr/bin/env python3
"""The baseline of the log-email benchmark: Python's mailbox module reading every message
of an mbox (each parsed into a message object, as mailbox.mbox does), and nothing more.

    python3 bench/read_mbox.py FILE
"""
import mailbox
import sys


def main(path):
    box = mailbox.mbox(path, create=False)
    count = sum(1 for _ in box)
    box.close()
    if count == 0:
        sys.exit(f"{path}: no message")


if __name__ == "__main__":
    main(sys.argv[1])
