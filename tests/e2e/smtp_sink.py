"""A local SMTP server for the mail tests: aiosmtpd's Controller on 127.0.0.1.

Run by mailtest.py as its own process (with whichever Python has aiosmtpd, Debian's
python3-aiosmtpd), it writes each message it receives to SPOOL/NNNN.eml, the envelope in
SPOOL/NNNN.json, prints "PORT n" once it listens, and stops when its standard input
closes. Nothing leaves the machine: it never relays.
"""
import json
import socket
import sys
import time
from pathlib import Path

from aiosmtpd.controller import Controller


class Spool:
    def __init__(self, directory):
        self.directory = Path(directory)
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        stem = self.directory / f"{self.count:04d}"
        data = envelope.original_content or envelope.content
        stem.with_suffix(".eml.tmp").write_bytes(data)
        stem.with_suffix(".json").write_text(json.dumps(
            {"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos}))
        stem.with_suffix(".eml.tmp").rename(stem.with_suffix(".eml"))
        return "250 Message accepted for delivery"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    spool = Spool(sys.argv[1])
    for _ in range(20):
        controller = Controller(spool, hostname="127.0.0.1", port=free_port())
        try:
            controller.start()
            break
        except (OSError, RuntimeError):
            time.sleep(0.1)
    else:
        sys.exit("smtp_sink: no free port")
    print(f"PORT {controller.port}", flush=True)
    sys.stdin.read()  # until the test closes our standard input
    controller.stop()


if __name__ == "__main__":
    main()
