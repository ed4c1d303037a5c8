#!/usr/bin/env python3
"""Generate the mbox of the log-email benchmark: 10,000 messages, about 100 MB.

    python3 bench/gen_mbox.py STORE OUTDIR     # writes OUTDIR/messages.mbox

The messages are the mail of the generated store's clients (STORE: a folder made by
gen_store.py): each from or to one of their contacts, a few cc'ing a second one, about
one in thirty from a stranger at a public domain (crm's inbox) and one in fifty from a
mailing list (skipped). They have the shapes people's mail has: plain text in UTF-8
(quoted-printable or 8bit), multipart/alternative with an HTML part, and one in six
multipart/mixed with a PDF of 40 to 60 KB in base64; replies quote the message they
answer and most end with a signature. Deterministic: a fixed seed, fixed dates.
"""

import base64
import datetime as dt
import os
import quopri
import random
import re
import sys

MESSAGES = 10_000
SEED = 20261126
END = dt.datetime(2026, 11, 22, 18, 0, 0)
WORDS = """scope depot bridge retrofit tender drawings estimate site walk budget schedule
invoice council approval survey footing culvert pavement drainage inspection stage report
meeting review contract variation quote crew access permit concrete steel timber roof
geotechnical asbestos handover defects warranty milestone program weekly client board""".split()
FIRST_LINES = ["Hi {n},", "Hello {n},", "Dear {n},", "{n},"]
CLOSINGS = ["Regards,", "Kind regards,", "Cheers,", "Thanks,", "Best,"]


def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 20))]
    return " ".join(words).capitalize() + rng.choice([".", ".", ".", "?"])


def paragraph(rng, sentences):
    text = " ".join(sentence(rng) for _ in range(sentences))
    lines, line = [], ""
    for word in text.split():  # wrapped at 72 as mail programs do
        if line and len(line) + 1 + len(word) > 72:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines)


def contacts_of(store):
    """(client slug, [(name, email)...]) of every client of the store, and its owners."""
    clients, owners = [], set()
    root = os.path.join(store, "clients")
    for slug in sorted(os.listdir(root)):
        with open(os.path.join(root, slug, "client.yaml"), encoding="utf-8") as f:
            text = f.read()
        people = re.findall(r"^  - name: (.*)\n(?:    .*\n)*?    email: (.*)$", text, re.M)
        owner = re.search(r"^owner: (.*)$", text, re.M)
        if owner:
            owners.add(owner.group(1))
        if people:
            clients.append((slug, people))
    return clients, sorted(owners)


def address_of(name, domain):
    return f"{name.lower().replace(' ', '.')}@{domain}"


def body_text(rng, to_name, from_name, quoted_from):
    parts = [rng.choice(FIRST_LINES).format(n=to_name.split()[0])]
    parts += [paragraph(rng, rng.randint(2, 6)) for _ in range(rng.randint(2, 5))]
    parts.append(f"{rng.choice(CLOSINGS)}\n{from_name.split()[0]}")
    text = "\n\n".join(parts) + "\n"
    if rng.random() < 0.8:
        text += f"\n-- \n{from_name}\nPhone +61 2 5555 {rng.randint(0, 9999):04d}\n"
    if quoted_from and rng.random() < 0.7:
        quote = "\n\n".join(paragraph(rng, rng.randint(2, 5)) for _ in range(rng.randint(2, 4)))
        text += (f"\nOn Mon, 2 Nov 2026 at 09:15, {quoted_from} wrote:\n" +
                 "".join(f"> {line}\n" if line else ">\n" for line in quote.split("\n")))
    return text


def qp(text):
    return quopri.encodestring(text.encode("utf-8")).decode("ascii")


def html_of(text):
    paras = [p for p in text.split("\n\n") if p and not p.startswith(">")]
    body = "".join(f"<p>{p.replace(chr(10), ' ')}</p>\n" for p in paras)
    return f"<html><head><meta charset=\"utf-8\"></head><body>\n{body}</body></html>\n"


def pdf(rng):
    size = rng.randint(40_000, 60_000)
    head = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    return head + rng.randbytes(size - len(head))


def b64(data):
    s = base64.b64encode(data).decode("ascii")
    return "\n".join(s[i:i + 76] for i in range(0, len(s), 76)) + "\n"


def message(rng, n, clients, owners):
    slug, people = rng.choice(clients)
    name, email = rng.choice(people)
    owner = rng.choice(owners)
    firm = address_of(owner, "ourfirm.example")
    when = END - dt.timedelta(minutes=rng.randint(0, 2 * 365 * 24 * 60))
    outgoing = rng.random() < 0.2
    stranger = rng.random() < 1 / 30
    if stranger:
        name, email = "A Stranger", f"stranger{n}@gmail.com"
    frm, to = ((f"{owner} <{firm}>", f"{name} <{email}>") if outgoing else
               (f"{name} <{email}>", f"{owner} <{firm}>"))
    headers = [
        f"From: {frm}",
        f"To: {to}",
        f"Subject: {'Re: ' if rng.random() < 0.6 else ''}{sentence(rng)[:60].rstrip('.?')}",
        f"Date: {when.strftime('%a, %d %b %Y %H:%M:%S')} +1100",
        f"Message-ID: <{n}.{rng.getrandbits(48):012x}@bench.example>",
    ]
    if len(people) > 1 and rng.random() < 0.1:
        other = [p for p in people if p[1] != email][0]
        headers.append(f"Cc: {other[0]} <{other[1]}>")
    if rng.random() < 0.02:
        headers.append(f"List-Id: {slug} news <news.{slug}.example>")
    headers.append("MIME-Version: 1.0")
    text = body_text(rng, to.split(" <")[0], frm.split(" <")[0],
                     frm.split(" <")[0] if rng.random() < 0.6 else None)
    shape = rng.random()
    if shape < 0.55:
        headers += ["Content-Type: text/plain; charset=utf-8",
                    "Content-Transfer-Encoding: quoted-printable"]
        body = qp(text)
    elif shape < 0.83:
        boundary = f"alt-{n:05d}-{rng.getrandbits(32):08x}"
        headers.append(f'Content-Type: multipart/alternative; boundary="{boundary}"')
        body = (f"--{boundary}\nContent-Type: text/plain; charset=utf-8\n"
                f"Content-Transfer-Encoding: quoted-printable\n\n{qp(text)}\n"
                f"--{boundary}\nContent-Type: text/html; charset=utf-8\n"
                f"Content-Transfer-Encoding: quoted-printable\n\n{qp(html_of(text))}\n"
                f"--{boundary}--\n")
    else:
        boundary = f"mix-{n:05d}-{rng.getrandbits(32):08x}"
        headers.append(f'Content-Type: multipart/mixed; boundary="{boundary}"')
        file = f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} {rng.randint(1, 9)}.pdf"
        body = (f"This is a multi-part message in MIME format.\n--{boundary}\n"
                f"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
                f"{text}\n--{boundary}\nContent-Type: application/pdf; name=\"{file}\"\n"
                f"Content-Disposition: attachment; filename=\"{file}\"\n"
                f"Content-Transfer-Encoding: base64\n\n{b64(pdf(rng))}--{boundary}--\n")
    envelope = f"From {email if not outgoing else firm} {when.strftime('%a %b %e %H:%M:%S %Y')}\n"
    # mboxrd: a body line that looks like a separator gets a '>'.
    body = re.sub(r"^(>*From )", r">\1", body, flags=re.M)
    return envelope + "\n".join(headers) + "\n\n" + body + "\n"


def main(argv):
    if len(argv) != 3:
        sys.exit(f"usage: {argv[0]} STORE OUTDIR")
    store, outdir = argv[1], argv[2]
    clients, owners = contacts_of(store)
    if not clients or not owners:
        sys.exit(f"{store}: no clients with contacts")
    rng = random.Random(SEED)
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "messages.mbox"), "w", encoding="utf-8", newline="\n") as f:
        for n in range(1, MESSAGES + 1):
            f.write(message(rng, n, clients, owners))


if __name__ == "__main__":
    main(sys.argv)
