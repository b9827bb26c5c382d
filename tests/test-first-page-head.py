#!/usr/bin/python3
"""A journal's first article page sets its running head higher than the other pages do, with the
volume and issue where they print the page number, and the journal's site may stamp lines above
it on that page only ("First published online: ..."). The head is still furniture: the stamps,
which stand beyond every other page's text, are no row that pushes it away from the edge, and it
stands nearer the edge than the running heads and across their width, set as they are. The
stamps, the title and the body's first lines stay in the text, and so does a cover's short code
line set as the running heads are, above their place, that does not span them.

Writes the PDF by hand, converts it with recto and checks where the lines went, printing TAP.
Run by meson (RECTO_EXE in the environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import TEI, convert_pdf, report, text_without_furniture  # noqa: E402
from tiny_pdf import BODY, pages_pdf  # noqa: E402

STAMPS = ["First published online: 2024-06-06 14:33", "Online address: example.org/21.1124"]
FIRST_HEAD = "Vol. 30 No. 4 (April 2024) Control and Decision"
CODE = "ICS 77.120"
TITLE = "Safe reinforcement learning for motion planning"
HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
TIMES_ITALIC = b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Italic >>"
HELVETICA_BOLD = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>"


def page_content(n):
    """Page @n (from 0): the cover, the first article page, or a page with its running head and
    number."""
    lines = []  # (font, size, y, text)
    if n == 0:
        lines += [(2, 9, 808, CODE), (3, 20, 600, "Control and Decision")]
        return "\n".join(f"BT /F{font} {size} Tf 72 {y} Td ({text}) Tj ET"
                         for font, size, y, text in lines).encode()
    if n == 1:
        lines += [(1, 8, 832 - 10 * i, stamp) for i, stamp in enumerate(STAMPS)]
        lines += [(2, 9, 802, FIRST_HEAD), (1, 8, 790, "April 2024")]
        lines += [(3, 14, 750, TITLE)]
        top = 720
    else:
        lines += [(2, 9, 790, f"{n} Control and Decision Vol. 30")]
        top = 760
    lines += [(1, 10, top - 13 * i, BODY[(n + i) % len(BODY)].decode()) for i in range(30)]
    return "\n".join(f"BT /F{font} {size} Tf 72 {y} Td ({text}) Tj ET"
                     for font, size, y, text in lines).encode()


def main():
    body = convert_pdf(pages_pdf([page_content(n) for n in range(7)], HELVETICA, TIMES_ITALIC,
                                 HELVETICA_BOLD), "first-head")
    heads = [" ".join("".join(fw.itertext()).split()) for fw in body.iter(TEI + "fw")
             if fw.get("type") == "header"]
    text = " ".join(text_without_furniture(body).split())
    checks = [
        ("the first page's head is a running head", FIRST_HEAD in heads),
        ("and not in the text", FIRST_HEAD not in text),
        ("the other pages' heads are running heads",
         all(f"{n} Control and Decision Vol. 30" in heads for n in range(2, 7))),
        ("the stamps above it stay in the text", all(stamp in text for stamp in STAMPS)),
        ("the title stays in the text", TITLE in text),
        ("the cover's code line stays in the text", CODE in text),
        ("the first page's first body line stays in the text", BODY[1].decode() in text),
    ]
    return report(checks, [f"running heads: {heads}"])


if __name__ == "__main__":
    sys.exit(main())
