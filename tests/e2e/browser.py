"""Headless Chromium (Debian's chromium package) and poppler's pdftotext/pdfinfo for the
report tests: screenshots, print-to-PDF, and a layout measurement.

A page without script cannot report its own layout, and a screenshot is cut to the
window, so it cannot show that something sticks out to the right. `layout()` therefore
loads the page into a test-only wrapper: an <iframe> exactly WIDTH pixels wide whose
`srcdoc` is the page (a srcdoc frame shares the wrapper's origin, so the wrapper's script
may read it; the page itself never holds a script). The frame is the page's viewport:
its media queries see WIDTH, as a phone's would (Chromium's headless window itself does
not go below 500 pixels). After load, the script compares the frame document's scroll
width with its client width and lists every element whose box ends beyond it, other than
what scrolls inside a table's own box; `--dump-dom` prints the wrapper with the figures
in a <pre>. The frame's inner width is reported too, so a frame of another width fails
the test instead of measuring it.

Every tool missing is a test failure, never a skip: scripts/bootstrap installs them.
"""
import json
import os
from html import escape, unescape
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--disable-extensions", "--mute-audio"]

WRAPPER = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>measure</title>
<style>body{margin:0}iframe{border:0;display:block}</style></head><body>
<iframe id="page" width="%(width)d" height="1200" style="width:%(width)dpx;height:1200px"
 srcdoc="%(page)s"></iframe>
<script>
document.getElementById("page").addEventListener("load", function () {
  var win = this.contentWindow, doc = this.contentDocument;
  var width = doc.documentElement.clientWidth, over = [];
  doc.querySelectorAll("body *").forEach(function (el) {
    var box = el.getBoundingClientRect();
    var boxed = el.parentElement && el.parentElement.closest(".table-box");
    if (box.right > width + 0.5 && !boxed)
      over.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + "." +
                (el.getAttribute("class") || "") + " " + Math.round(box.right));
  });
  var boxes = [];
  doc.querySelectorAll(".table-box").forEach(function (b) {
    if (b.scrollWidth > b.clientWidth + 1) boxes.push(b.querySelector("table").id);
  });
  var pre = document.createElement("pre");
  pre.id = "crm-layout";
  pre.textContent = JSON.stringify({inner: win.innerWidth, client: width,
    scroll: doc.documentElement.scrollWidth, over: over.slice(0, 30), scrolling: boxes});
  document.body.appendChild(pre);
});
</script></body></html>
"""


def require(test, program):
    test.assertTrue(shutil.which(program) or os.path.exists(program),
                    f"{program} is missing: scripts/bootstrap installs it (chromium, poppler-utils)")


def _run(test, args, tmp, timeout=120):
    require(test, CHROMIUM)
    profile = tempfile.mkdtemp(prefix="chromium-", dir=tmp)
    proc = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=timeout,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(tmp), "LANG": "C.UTF-8"})
    test.assertEqual(proc.returncode, 0, f"chromium {args}: {proc.stderr[-2000:]}")
    return proc.stdout


def screenshot(test, page, out, width, height, tmp):
    _run(test, [f"--screenshot={out}", f"--window-size={width},{height}", Path(page).as_uri()], tmp)
    test.assertTrue(Path(out).exists(), f"chromium wrote no screenshot at {width}px")
    return Path(out).read_bytes()


def print_pdf(test, page, out, tmp):
    _run(test, [f"--print-to-pdf={out}", "--no-pdf-header-footer", Path(page).as_uri()], tmp)
    test.assertTrue(Path(out).exists(), "chromium wrote no PDF")
    return Path(out)


def layout(test, page, width, tmp):
    """The layout figures of `page` in a viewport `width` pixels wide (see above)."""
    html = Path(page).read_text(encoding="utf-8")
    wrapper = Path(tmp) / f"measure-{width}.html"
    wrapper.write_text(WRAPPER % {"width": width, "page": escape(html, quote=True)},
                       encoding="utf-8")
    dom = _run(test, ["--dump-dom", "--virtual-time-budget=10000", "--window-size=1400,1300",
                      wrapper.as_uri()], tmp)
    found = re.search(r'<pre id="crm-layout">(.*?)</pre>', dom, re.S)
    test.assertIsNotNone(found, "the measuring script did not run:\n" + dom[-1000:])
    return json.loads(unescape(found.group(1)))


def pdf_text(test, pdf, first=None, last=None):
    require(test, "pdftotext")
    args = ["pdftotext", "-layout", "-enc", "UTF-8"]
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    proc = subprocess.run([*args, str(pdf), "-"], capture_output=True, text=True)
    test.assertEqual(proc.returncode, 0, proc.stderr)
    return proc.stdout


def pdf_info(test, pdf):
    require(test, "pdfinfo")
    proc = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True)
    test.assertEqual(proc.returncode, 0, proc.stderr)
    return dict(line.split(":", 1) for line in proc.stdout.splitlines() if ":" in line)
