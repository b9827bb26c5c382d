"""tap_checks.py: what the Python tests that convert a PDF written by hand (tiny_pdf.py) share:
the conversion, and the TAP report of their checks. Run by meson, with RECTO_EXE in the
environment."""

import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

TEI = "{http://www.tei-c.org/ns/1.0}"


def convert_pdf(data, name):
    """Converts the PDF @data with recto (quietly) and returns the TEI's body."""
    with tempfile.TemporaryDirectory() as work:
        source, out = os.path.join(work, name + ".pdf"), os.path.join(work, name + ".tei.xml")
        with open(source, "wb") as f:
            f.write(data)
        subprocess.run([os.environ["RECTO_EXE"], "convert", "--quiet", source, "-o", out],
                       check=True)
        return ET.parse(out).getroot().find(f"{TEI}text/{TEI}body")


def head_texts(body):
    """The text of every head of @body, its white space collapsed, in document order."""
    return [" ".join("".join(h.itertext()).split()) for h in body.iter(TEI + "head")]


def text_without_furniture(element):
    """@element's text without the furniture (fw) and page breaks inside it."""
    parts = [element.text or ""]
    for child in element:
        if child.tag not in (TEI + "fw", TEI + "pb"):
            parts.append(text_without_furniture(child))
        parts.append(child.tail or "")
    return "".join(parts)


def written_text(element, per_glyph=False):
    """The text @element writes as text. A gap stands for the glyphs it leaves out as "…" (one
    per glyph with @per_glyph): not a character of the page, and its description is none."""
    if element.tag == TEI + "gap":
        return "\u2026" * (int(element.get("quantity", "1")) if per_glyph else 1)
    return (element.text or "") + "".join(written_text(child, per_glyph) + (child.tail or "")
                                          for child in element)


def body_text(path):
    """The text the body of the TEI file @path writes, gaps as "…", whitespace removed."""
    body = ET.parse(path).getroot().find(f"{TEI}text/{TEI}body")
    return "".join(written_text(body).split())


def block_lines(path):
    """One line for each block (paragraph, heading, note, cell, item) of the body of the TEI
    file @path, in document order: its element's name and the text it writes, whitespace
    removed."""
    body = ET.parse(path).getroot().find(f"{TEI}text/{TEI}body")
    return "\n".join(el.tag[len(TEI):] + " " + "".join(written_text(el).split())
                     for el in body.iter()
                     if el.tag in (TEI + "p", TEI + "head", TEI + "note", TEI + "cell",
                                   TEI + "item"))


def untrue_words(path, truth):
    """The whole words the body of the TEI file @path writes that the truth file @truth (a
    volume's .gt.json) never has, sorted: words of Latin letters not cut by a hyphen or by a
    gap ("…"), which a letter read wrong and written as text makes."""
    body = ET.parse(path).getroot().find(f"{TEI}text/{TEI}body")
    text = " ".join(written_text(body).split())
    with open(truth, encoding="utf-8") as f:
        known = set(re.findall(r"[A-Za-z]+", f.read()))
    words = re.findall(r"(?<![A-Za-z…-])[A-Za-z]+(?![A-Za-z…-])", text)
    return sorted(set(w for w in words if w not in known))

def marked_text(element, subtype=None):
    """@element's text, each gap a "□" (not its description of the codes left out), and each
    character recovered as @subtype (a <seg subtype=…>) in brackets."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == TEI + "gap":
            parts.append("□")
        elif subtype is not None and child.tag == TEI + "seg" and child.get("subtype") == subtype:
            parts.append("[" + marked_text(child, subtype) + "]")
        else:
            parts.append(marked_text(child, subtype))
        parts.append(child.tail or "")
    return "".join(parts)


def recover_text_missing():
    """Whether recover-text is not built (recto built without Tesseract): then prints TAP's
    skip, and the test has nothing to check."""
    if os.path.exists(os.path.join(os.environ.get("RECTO_TEST_PLUGIN_DIR", ""), "recover-text.so")):
        return False
    print("1..0 # SKIP recover-text is not built (recto was built without Tesseract)")
    return True


def report(checks, diagnostics):
    """Prints @checks ((name, passed) pairs) as TAP, and @diagnostics (lines) on standard error
    when one failed. Returns the exit status."""
    print(f"1..{len(checks)}")
    for i, (name, ok) in enumerate(checks, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if all(ok for _, ok in checks):
        return 0
    for line in diagnostics:
        print("# " + line, file=sys.stderr)
    return 1
