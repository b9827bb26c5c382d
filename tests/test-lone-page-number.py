#!/usr/bin/python3
"""A one-page document has no other page to repeat its page number, so the furniture stage takes
a number at its edge as the page's on its form alone; a form's code wrapped over two lines
("69072290" / "00") or a figure padded with zeros ("05") is no page number there (no page is
numbered 0, and a page number with nothing to confirm it is not padded). A plain number at the
foot still is.

Writes one-page PDFs by hand (a row of a form at the foot, its last cell wrapped), converts them
with recto and checks the page-number lines and the page break's number, printing TAP. Run by
meson (RECTO_EXE in the environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import TEI, convert_pdf, report, text_without_furniture  # noqa: E402
from tiny_pdf import BODY, pages_pdf  # noqa: E402


def one_page(last):
    """A page of body text, then a form's row (item, code, goods) whose code wraps onto the
    page's lowest line, @last, set under the code."""
    lines = [(72, 760 - 13 * i, text.decode()) for i, text in enumerate(BODY)]
    lines += [(60, 500, "001"), (110, 500, "69072290"), (220, 500, "Floor tiles"),
              (125, 488, last)]
    content = "\n".join(f"BT /F1 10 Tf {x} {y} Td ({text}) Tj ET" for x, y, text in lines)
    body = convert_pdf(pages_pdf([content.encode()],
                                 b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
                       "lone")
    numbers = [pb.get("n") for pb in body.iter(TEI + "pb")]
    feet = ["".join(fw.itertext()).strip() for fw in body.iter(TEI + "fw")
            if fw.get("type") == "pageNum"]
    return numbers, feet, text_without_furniture(body).split()


def main():
    zero, padded, plain = one_page("00"), one_page("05"), one_page("7")
    checks = [
        ("a wrapped code's \"00\" is no page number", zero[0] == [None] and zero[1] == []),
        ("it stays in the text", "00" in zero[2]),
        ("a padded \"05\" is no page number", padded[0] == [None] and padded[1] == []),
        ("a plain \"7\" at the foot is the page's number", plain[0] == ["7"] and plain[1] == ["7"]),
    ]
    return report(checks, [f"00: {zero[:2]}", f"05: {padded[:2]}", f"7: {plain[:2]}"])


if __name__ == "__main__":
    sys.exit(main())
