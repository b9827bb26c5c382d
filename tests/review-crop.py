#!/usr/bin/env python3
"""review-crop.py: a review's page image holds what is printed on its page, cropped of the
white paper round it, and data.js says where it goes on the page.

  review-crop.py make OUT.pdf   writes a two-page PDF: a line of text above a black rectangle
                                (its edges on whole points), then a blank page
  review-crop.py check DIR      fails unless, at 72 dpi, the first page's image starts at the
                                text's left edge and ends at the rectangle's right and bottom
                                edges, the blank page's image is one pixel, and each image's
                                JPEG is the size data.js gives it
"""
import json
import os
import sys

from tiny_pdf import pages_pdf

TEXT_X, TEXT_BASELINE = 100, 600  # points, from the bottom
RECT_X, RECT_Y, RECT_W, RECT_H = 100, 300, 200, 150
PAGE_H = 842


def make(path):
    text = b"BT /F1 12 Tf %d %d Td (Cropped) Tj ET" % (TEXT_X, TEXT_BASELINE)
    rect = b"0 g %d %d %d %d re f" % (RECT_X, RECT_Y, RECT_W, RECT_H)
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    with open(path, "wb") as out:
        out.write(pages_pdf([text + b" " + rect, b""], font))


def jpeg_size(path):
    """(width, height) from the JPEG's baseline frame header (SOF0)."""
    data = open(path, "rb").read()
    at = data.index(b"\xff\xc0")
    return int.from_bytes(data[at + 7:at + 9], "big"), int.from_bytes(data[at + 5:at + 7], "big")


def check(folder):
    text = open(os.path.join(folder, "data.js"), encoding="utf-8").read()
    images = json.loads(text[text.index("{"):text.rindex("}") + 1])["images"]
    assert len(images) == 2, f"{len(images)} page images for 2 pages"
    for image in images:
        x, y, w, h = image["crop"][:4]
        size = jpeg_size(os.path.join(folder, image["img"]))
        assert size == (w, h), f"{image['img']} is {size}, data.js says {(w, h)}"
    x, y, w, h, page_w, page_h = images[0]["crop"]
    assert (page_w, page_h) == (595, 842), f"the page is {page_w} × {page_h} pixels"
    near = lambda a, b: abs(a - b) <= 1
    assert near(x, TEXT_X), f"the image starts at x = {x}, the text at {TEXT_X}"
    assert near(x + w, RECT_X + RECT_W), f"the image ends at x = {x + w}"
    assert near(y + h, PAGE_H - RECT_Y), f"the image ends at y = {y + h}"
    assert PAGE_H - TEXT_BASELINE - 12 < y < PAGE_H - TEXT_BASELINE, f"the image starts at y = {y}"
    assert images[1]["crop"][:4] == [0, 0, 1, 1], f"the blank page's crop is {images[1]['crop']}"


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "make":
        make(sys.argv[2])
    elif len(sys.argv) == 3 and sys.argv[1] == "check":
        check(sys.argv[2])
    else:
        sys.exit(__doc__)
