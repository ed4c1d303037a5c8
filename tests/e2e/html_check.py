"""Reads an HTML document with html5lib (the WHATWG parsing algorithm, Debian's
python3-html5lib) in strict mode and prints, as JSON, what the report tests check:

    {"errors": [...],            the parse errors (strict mode stops at the first), and
                                 every id used twice
     "scripts": N,               <script> elements
     "external": [...],          every src/href/xlink:href/action that is not "#...",
                                 every url(...) and @import in any style
     "tables": {id: [[cell...]...]},  each table's rows (head, body, foot), text only
     "charts": [{...}],          each <svg>: role, aria-labelledby, title, desc, and
                                 whether the ids it names exist
     "pairs": [[chart, table]],  each chart and the id of the table beside it (or null)
     "quotes": [...],            each <blockquote>'s text
     "sections": [[id, title]],  each <section> and its heading
     "texts": [...]}             quotes and paragraphs, as text

Run by the report tests with whichever Python has html5lib (mailtest.py does the same for
aiosmtpd): usage  python3 html_check.py FILE.html
"""
import json
import re
import sys

import html5lib

NS = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}href"


def text_of(el):
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip()


def local(tag):
    return tag.split("}", 1)[-1] if isinstance(tag, str) else ""


def main(path):
    data = open(path, "rb").read()
    out = {"errors": [], "scripts": 0, "external": [], "tables": {}, "charts": [], "pairs": [], "quotes": [],
           "sections": [], "texts": []}
    try:
        html5lib.HTMLParser(strict=True).parse(data)
    except Exception as e:  # html5lib raises ParseError, with the position in the message
        out["errors"].append(str(e))
    parser = html5lib.HTMLParser()
    doc = parser.parse(data)
    out["errors"] += [f"{pos}: {code} {args}" for pos, code, args in parser.errors]
    all_ids = [el.get("id") for el in doc.iter() if el.get("id")]
    ids = set(all_ids)
    out["errors"] += [f"id {i!r} used twice" for i in sorted(ids) if all_ids.count(i) > 1]
    for el in doc.iter():
        name = local(el.tag)
        if name == "script":
            out["scripts"] += 1
        for attr in ("src", "href", "action", "data", "poster", "srcset", XLINK):
            value = el.get(attr)
            if value is not None and not value.startswith("#"):
                out["external"].append(f"{name} {attr}={value}")
        style = (el.get("style") or "") + (el.text or "" if name == "style" else "")
        for found in re.findall(r"url\s*\(|@import", style, re.I):
            out["external"].append(f"{name}: {found}")
        if name == "table":
            rows = [[text_of(c) for c in tr if local(c.tag) in ("td", "th")]
                    for tr in el.iter() if local(tr.tag) == "tr"]
            out["tables"][el.get("id") or f"table-{len(out['tables'])}"] = rows
        if name == "svg":
            kids = {local(c.tag): c for c in el}
            named = (el.get("aria-labelledby") or "").split()
            out["charts"].append({"role": el.get("role"), "labelledby": named,
                                  "names_exist": bool(named) and all(n in ids for n in named),
                                  "title": text_of(kids["title"]) if "title" in kids else "",
                                  "desc": text_of(kids["desc"]) if "desc" in kids else "",
                                  "label": el.get("aria-label") or ""})
        if name == "div" and "pair" in (el.get("class") or "").split():
            svg = next((c for c in el.iter() if local(c.tag) == "svg"), None)
            table = next((c for c in el.iter() if local(c.tag) == "table"), None)
            if svg is not None:
                out["pairs"].append([(svg.get("aria-labelledby") or "").split("-t")[0],
                                     table.get("id") if table is not None else None])
        if name == "section":
            heading = next((c for c in el.iter() if local(c.tag) == "h2"), None)
            out["sections"].append([el.get("id"), text_of(heading) if heading is not None else ""])
        if name == "blockquote":
            out["quotes"].append(text_of(el))
        if name in ("p", "blockquote", "figcaption", "h1", "h2", "h3", "caption", "title"):
            out["texts"].append(text_of(el))
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
