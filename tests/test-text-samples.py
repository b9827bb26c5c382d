#!/usr/bin/python3
"""The text samples (and the seed extraction, when ../shared is there) convert to the structure
their hand-checked expectation files give: samples/text/*-expected.json.

Each expectation lists the chapter titles, the numbered headings (whole, with their level),
the headings that the extraction split over several lines, the page-number lines, the figure
captions and, for samples with running text, the paragraphs. This test converts the text with
recto and compares, printing TAP.

Run by meson (RECTO_EXE, RECTO_SOURCE_ROOT, RECTO_SHARED_DIR in the environment).
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

TEI = "{http://www.tei-c.org/ns/1.0}"
SKIPPED_TAGS = {TEI + "fw", TEI + "note", TEI + "pb", TEI + "gap"}


def text_of(element):
    """The element's text without furniture, notes and page breaks."""
    parts = [element.text or ""]
    for child in element:
        if child.tag not in SKIPPED_TAGS:
            parts.append(text_of(child))
        parts.append(child.tail or "")
    return "".join(parts)


def squeeze(text, language):
    text = text.strip()
    return re.sub(r"\s+", "" if language == "zh" else " ", text)


def convert(source, work):
    out = os.path.join(work, os.path.basename(source) + ".tei.xml")
    subprocess.run([os.environ["RECTO_EXE"], "convert", "--quiet", source, "-o", out], check=True)
    return ET.parse(out).getroot()


def structure(root, language):
    """What the TEI says: chapter titles, headings (text, level), pb numbers, captions, paragraphs."""
    body = root.find(f"{TEI}text/{TEI}body")
    found = {"chapters": [], "headings": [], "page_numbers": [], "captions": [], "paragraphs": []}

    def walk(element, depth):
        for child in element:
            if child.tag == TEI + "div":
                is_chapter = child.get("type") == "chapter"
                heads = [h for h in child.findall(TEI + "head") if h.get("type") != "byline"]
                if is_chapter and heads:
                    found["chapters"].append(squeeze(text_of(heads[0]), language))
                elif heads:
                    found["headings"].append((squeeze(text_of(heads[0]), language), depth + 1))
                walk(child, depth if is_chapter else depth + 1)
            elif child.tag == TEI + "figure":
                for head in child.findall(TEI + "head"):
                    found["captions"].append(squeeze(text_of(head), language))
            elif child.tag == TEI + "p":
                found["paragraphs"].append(squeeze(text_of(child), language))
            else:
                walk(child, depth)

    walk(body, 0)
    found["page_numbers"] = [pb.get("n") for pb in body.iter(TEI + "pb") if pb.get("n")]
    return found


def checks(expected, found, language):
    """Yield (description, passed, detail, todo): todo names an expectation the stages do not
    meet yet, reported as a TAP TODO (it fails visibly without failing the suite)."""
    want = [squeeze(t, language) for t in expected["chapters"]]
    yield "chapters", found["chapters"] == want, f"want {want}\n got {found['chapters']}", None
    numbered = [h for h in expected["headings"] if h.get("numbered", True)]
    want = [(squeeze(h["text"], language), h["level"]) for h in numbered]
    got = [h for h in found["headings"] if h[0] in {w for w, _ in want} or True]
    numbered_found = [h for h in got if h not in unnumbered_texts(expected, language)]
    yield "numbered headings whole, with their levels", numbered_found == want, \
        first_difference(want, numbered_found), None
    for heading in expected["headings"]:
        if not heading.get("numbered", True):
            wanted = (squeeze(heading["text"], language), heading["level"])
            yield f"heading whose number was lost, at line {heading['line']}", \
                wanted in found["headings"], f"want {wanted}", None
    heads = {text for text, _ in found["headings"]}
    split = [squeeze(h["text"], language) for h in expected["split_headings"]]
    missing = [text for text in split if text not in heads]
    yield f"{len(split)} headings split over lines come out whole", not missing, \
        f"missing {missing}", None
    want = [p["n"] for p in expected["page_numbers"]]
    yield "page-number lines are pb with n", found["page_numbers"] == want, \
        f"want {want}\n got {found['page_numbers']}", None
    want = [squeeze(c["text"], language) for c in expected["captions"]]
    yield "captions are figure/head", found["captions"] == want, \
        f"want {want}\n got {found['captions']}", None
    if "paragraphs" in expected:
        want = [squeeze(p, language) for p in expected["paragraphs"]]
        passed = found["paragraphs"] == want
        todo = None
        if not passed and only_compound_hyphens_differ(expected, want, found["paragraphs"]):
            todo = ("a compound broken at its own hyphen, whose halves occur nowhere else in the "
                    "text, is taken for a syllable break (no dictionary)")
        yield "paragraphs", passed, first_difference(want, found["paragraphs"]), todo


def only_compound_hyphens_differ(expected, want, got):
    """Whether the paragraphs differ only by hyphens of the expectation's real compounds."""
    compounds = [c["word"] for c in expected.get("hyphenation", {}).get("real", [])]
    if len(want) != len(got):
        return False
    for wanted, found in zip(want, got):
        for compound in compounds:
            found = found.replace(compound.replace("-", ""), compound)
        if wanted != found:
            return False
    return True


def unnumbered_texts(expected, language):
    return [(squeeze(h["text"], language), h["level"]) for h in expected["headings"]
            if not h.get("numbered", True)]


def first_difference(want, got):
    for index, (w, g) in enumerate(zip(want, got)):
        if w != g:
            return f"item {index}: want {w}\n got {g}"
    return f"{len(want)} wanted, {len(got)} found"


def main():
    root = os.environ["RECTO_SOURCE_ROOT"]
    shared = os.environ.get("RECTO_SHARED_DIR")
    cases = []
    text_dir = os.path.join(root, "samples", "text")
    for name in sorted(os.listdir(text_dir)):
        if name.endswith("-expected.json"):
            expected = json.load(open(os.path.join(text_dir, name), encoding="utf-8"))
            source = expected["source"]
            if source == "seed":
                if not shared:
                    print(f"# ../shared is not beside the repository: {name} skipped")
                    continue
                source = os.path.join(shared, "seed", "jiangmen-volume-extracted.txt")
            else:
                source = os.path.join(text_dir, source)
            cases.append((name, source, expected))
    number = 0
    failed = 0
    with tempfile.TemporaryDirectory() as work:
        for name, source, expected in cases:
            language = expected.get("language", "zh")
            found = structure(convert(source, work), language)
            for description, passed, detail, todo in checks(expected, found, language):
                number += 1
                directive = f" # TODO {todo}" if todo else ""
                print(f"{'ok' if passed else 'not ok'} {number} - {name}: {description}{directive}")
                if not passed:
                    failed += todo is None
                    for line in detail.splitlines():
                        print(f"# {line}")
    print(f"1..{number}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
