"""Helpers shared by the report tests: display width and hand-written records."""
import unicodedata


def width(text):
    """Terminal columns of text: East Asian wide characters take 2, combining marks 0."""
    n = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        n += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return n


def column_of(line, needle):
    """Display column where needle starts in line."""
    at = line.index(needle)
    return width(line[:at])


def client_yaml(name, stage="client", tier=None, since="2026-01-05", ratings=None, extra=""):
    text = f'name: "{name}"\nstage: {stage}\n'
    if tier:
        text += f"tier: {tier}\n"
    text += f"since: {since}\n"
    if ratings:
        p, c, f = ratings
        text += f"ratings: {{potential: {p}, compatibility: {c}, profitability: {f}}}\n"
    return text + extra


def review_yaml(date, project, rating, testimonial=None, referrals=None, by="Bob Jones"):
    text = f"date: {date}\nby: {by}\nproject: \"{project}\"\nrating: {rating}\n"
    if testimonial:
        text += f'testimonial: "{testimonial}"\n'
    if referrals:
        text += "referrals:\n" + "".join(f'  - "{r}"\n' for r in referrals)
    return text


def visit_yaml(date, promises=(), by="Bob Jones"):
    text = f"date: {date}\nby: {by}\nkind: visit\n"
    if promises:
        text += "promises:\n"
        for what, due, done in promises:
            text += f'  - what: "{what}"\n'
            if due:
                text += f"    due: {due}\n"
            if done:
                text += f"    done: {done}\n"
    return text
