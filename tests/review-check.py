#!/usr/bin/python3
"""review-check.py: checks a review that headless Chromium loaded against its TEI.

    review-check.py TEI DOM LOG [SCREENSHOT]

TEI: the TEI the review shows; DOM: Chromium's --dump-dom of index.html; LOG: Chromium's
stderr with --enable-logging (console messages are "CONSOLE" lines); SCREENSHOT: a PNG of the
review. Fails (exit 1, with the reason) when the page logged anything to the console, when the
DOM does not hold one page image per page that has a surface, when a role does not have as
many boxes as the TEI has elements of that role, when an element with zones is not drawn on
a page image, or when the screenshot is blank. Only the standard library."""
import html.parser
import struct
import sys
import xml.etree.ElementTree as ET
import zlib

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
PLAIN = {"p", "item", "note", "figure", "table", "cell", "fw", "pb", "gap"}


def tei_roles(path):
    """Counts, per review role, the body's elements and those of them with zones (@facs that
    points at zones, not at a whole surface as pb's does)."""
    root = ET.parse(path).getroot()
    counts, placed = {}, {}
    surfaces = sum(1 for _ in root.iter(TEI + "surface"))
    body = root.find(f"{TEI}text/{TEI}body")
    parents = {child: parent for parent in body.iter() for child in parent}
    for node in body.iter():
        name = node.tag.replace(TEI, "")
        role = None
        if name == "head":
            role = "caption" if parents.get(node) is not None and parents[node].tag == TEI + "figure" else "head"
        elif name == "ab":
            role = "fragment"
        elif name == "seg" and node.get("type") == "recovered":
            role = "recovered"
        elif name in PLAIN:
            role = name
        if role is None:
            continue
        counts[role] = counts.get(role, 0) + 1
        if "." in (node.get("facs") or ""):
            placed[role] = placed.get(role, 0) + 1
    return counts, placed, surfaces


class Dom(html.parser.HTMLParser):
    """Collects the boxes (role → element ids, and those inside a page frame) and the page
    images of the dumped DOM."""

    def __init__(self):
        super().__init__()
        self.boxes, self.framed, self.images, self.sections = {}, {}, 0, 0
        self.stack = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        in_frame = any("frame" in c for c in self.stack)
        if tag == "img" and in_frame:
            self.images += 1
        if tag == "section" and "page" in classes:
            self.sections += 1
        if "box" in classes:
            role = attrs["data-role"]
            self.boxes.setdefault(role, set()).add(attrs["data-id"])
            if in_frame:
                self.framed.setdefault(role, set()).add(attrs["data-id"])
        if tag not in ("img", "input", "br", "meta", "link"):
            self.stack.append(classes)

    def handle_endtag(self, tag):
        if tag not in ("img", "input", "br", "meta", "link") and self.stack:
            self.stack.pop()


def png_pixels(path):
    """The RGB(A) rows of a non-interlaced 8-bit PNG, unfiltered."""
    data = open(path, "rb").read()
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8, "8-bit PNG expected"
            channels = {2: 3, 6: 4}[colour]
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw, stride, rows, previous = zlib.decompress(idat), width * channels, [], bytearray(width * channels)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b, c = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        previous = line
    return rows, channels


def check_screenshot(path):
    rows, channels = png_pixels(path)
    colours, dark, total = set(), 0, 0
    for line in rows[::4]:
        for x in range(0, len(line), channels * 4):
            r, g, b = line[x], line[x + 1], line[x + 2]
            colours.add((r >> 4, g >> 4, b >> 4))
            dark += r + g + b < 3 * 100
            total += 1
    assert len(colours) > 20 and dark > total / 500, \
        f"the screenshot looks blank: {len(colours)} colours, {dark} of {total} pixels dark"


def main():
    tei, dom_path, log = sys.argv[1:4]
    console = [line for line in open(log, errors="replace") if "CONSOLE" in line]
    assert not console, "the page wrote to the console:\n" + "".join(console)
    counts, placed, surfaces = tei_roles(tei)
    dom = Dom()
    dom.feed(open(dom_path, encoding="utf-8").read())
    assert dom.sections > 0, "no page sections in the DOM (did review.js run?)"
    assert dom.images == surfaces, f"{dom.images} page images for {surfaces} surfaces"
    for role in set(counts) | set(dom.boxes):
        got = len(dom.boxes.get(role, ()))
        assert got == counts.get(role, 0), f"{role}: {got} boxes, {counts.get(role, 0)} in the TEI"
        drawn = len(dom.framed.get(role, ()))
        assert drawn >= placed.get(role, 0), f"{role}: {drawn} drawn on pages, {placed.get(role, 0)} with zones"
    if len(sys.argv) > 4:
        check_screenshot(sys.argv[4])
    print(f"{dom.sections} pages, {dom.images} images, boxes: "
          + ", ".join(f"{r} {len(v)}" for r, v in sorted(dom.boxes.items())))


if __name__ == "__main__":
    try:
        main()
    except AssertionError as error:
        print(f"review-check: {error}")
        sys.exit(1)
