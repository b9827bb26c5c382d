#!/usr/bin/python3
"""A list of references set small at a page's foot is no footnotes (issue 15), and its entries
come out whole. Its lines open with numbers ("2023, 38(5): …") or look like a label
("Planning: from …"), as a page's notes do, but the list stands under a heading of references,
or, on the next page, its first "[n]" item goes on with the items before. An entry's lines hang
under the text after its number "[3]", also where a line of it stopped short (the entry's
translation starts a line of its own) and in the next page. A page's real note, opened by its
marker under the text, is still a note.

Writes the PDF by hand (Courier: every character 0.6 em wide, so a line's width is known),
converts it with recto and checks the notes and blocks, printing TAP. Run by meson (RECTO_EXE
in the environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import TEI, convert_pdf, report, text_without_furniture  # noqa: E402
from tiny_pdf import BODY, pages_pdf  # noqa: E402

LEFT = 72
BODY_SIZE, BODY_PITCH = 10, 14  # Courier 10: six points a character
REF_SIZE, REF_PITCH = 8, 11  # the references, set smaller
MEASURE = 456  # the column's width: 76 characters of the body
HANG = 4 * 0.6 * REF_SIZE  # where an entry's text starts, after "[n] "


def show(x, y, text, size):
    escaped = text.replace("(", "\\(").replace(")", "\\)")
    return f"BT /F1 {size} Tf {x:.1f} {y} Td ({escaped}) Tj ET"


def fill(text, x):
    """@text padded with dots to reach the column's right edge from @x, in reference type."""
    n_chars = int((LEFT + MEASURE - x) / (0.6 * REF_SIZE))
    return text + " " + "." * (n_chars - len(text) - 1)


# The entries: their lines, each (hangs, text, fills the measure).
ENTRY_1 = [(False, "[1] Wen G, Yang T. Reinforcement learning and adaptive dynamic", True),
           (True, "Planning: from basic theory to the applications in multi-agent systems", True),
           (True, "2023, 38(5): 1200-1230.", False)]
ENTRY_2 = [(False, "[2] Xia J, Zhu X. Cooperative hunting of unmanned surface vehicles", True),
           (True, "based on multi-agent reinforcement learning. Control and Decision,", True),
           (True, "2023, 38(5): 1438-1447.", False)]
ENTRY_3 = [(False, "[3] Wang K, Li Q. Trajectory tracking control of a vehicle under", True),
           (True, "rolling, Control and Decision, 2022, 37(10):", True),
           (True, "2535-2542.", False)]
ENTRY_3_ON = [(True, "(Wang K, Li Q. Trajectory tracking control for automated vehicles", True),
              (True, "considering rolling motion. Control and Decision, 2022: 2535-2542.)", False)]
ENTRY_4 = [(False, "[4] Brunke L, Greeff M. Safe learning in robotics, from control to", True),
           (True, "Learning: a survey. Annual Review of Control, Robotics and Systems,", True),
           (True, "2022, 5: 411-444.", False)]


def entry_lines(entry, y):
    """The content lines of @entry from baseline @y down, and the baseline below it."""
    out = []
    for hangs, text, fills in entry:
        x = LEFT + HANG if hangs else LEFT
        out.append(show(x, y, fill(text, x) if fills else text, REF_SIZE))
        y -= REF_PITCH
    return out, y


def body_lines(y, n):
    """@n lines of body text from baseline @y down, and the baseline below them."""
    out = []
    for i in range(n):
        out.append(show(LEFT, y, BODY[i % len(BODY)].decode(), BODY_SIZE))
        y -= BODY_PITCH
    return out, y


def references_page():
    """Body text, the heading "References", then entries [1] to [3], the last one broken off
    at the page's foot after a line that stopped short."""
    out, y = body_lines(780, 26)
    out.append(show(LEFT, y - 6, "References", BODY_SIZE))
    y -= 6 + BODY_PITCH + 4
    for entry in (ENTRY_1, ENTRY_2, ENTRY_3):
        lines, y = entry_lines(entry, y)
        out += lines
    return "\n".join(out)


ENTRY_5 = [(False, "[5] Liu S, Yu Z. Safe reinforcement learning for cooperative games", True),
           (True, "with partial state and control constraints. Neurocomputing,", True),
           (True, "2023, 517: 118-132.", False)]


def continued_page():
    """The rest of entry [3] (its translation), entries [4] and [5]: a page set small
    throughout, as the end of a list is."""
    out, y = [], 780
    for entry in (ENTRY_3_ON, ENTRY_4, ENTRY_5):
        lines, y = entry_lines(entry, y)
        out += lines
    return "\n".join(out)


def noted_page():
    """Body text, then a note under it opened by its marker."""
    out, y = body_lines(780, 30)
    out.append(show(LEFT, y - 20, "1 Figures for 2021 are provisional and may change.", REF_SIZE))
    return "\n".join(out)


def main():
    body = convert_pdf(pages_pdf([references_page().encode("latin-1"),
                                  continued_page().encode("latin-1"),
                                  noted_page().encode("latin-1")],
                                 b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>"),
                       "references")
    notes = [" ".join(text_without_furniture(e).split()) for e in body.iter(TEI + "note")]
    blocks = [" ".join(text_without_furniture(e).split()) for e in body.iter()
              if e.tag in (TEI + "p", TEI + "item", TEI + "head")]

    def block_of(start):
        return next((b for b in blocks if b.startswith(start)), "")

    checks = [
        ("a list of references under its heading is no notes",
         not any("Planning" in n or "1200-1230" in n or "[2]" in n for n in notes)),
        ("the list's items on the next page, going on from the page before, are no notes",
         not any("Learning:" in n or "411-444" in n or "(Wang K" in n for n in notes)),
        ("an entry's lines hang under its number's text, a line that looks like a label too",
         "Planning: from" in block_of("[1] Wen") and block_of("[1] Wen").endswith("1200-1230.")),
        ("an entry goes on after a line that stopped short, in the next page",
         "(Wang K" in block_of("[3] Wang") and block_of("[3] Wang").endswith("2535-2542.)")),
        ("the next entry starts its own block", block_of("[4] Brunke").endswith("411-444.")),
        ("the last entry too", block_of("[5] Liu").endswith("118-132.")),
        ("a note opened by its marker under the text is still a note",
         any("Figures for 2021" in n for n in notes)),
    ]
    return report(checks, ["note: " + n for n in notes] + ["block: " + b for b in blocks])


if __name__ == "__main__":
    sys.exit(main())
