#!/usr/bin/python3
"""Three-line tables (a rule above the heads, one under them, one under the body) whose rules
the tables stage must pair right:

  page 1: a rule across the column above the table's caption (a section's divider, or the rule
          under a running head) has the table's extent; it must not pair with the rule under
          the heads over the top rule between them, or the caption becomes a row;
  page 2: a long table, its body taller than most of the page and its upper rows too sparse
          for an unruled table: the rule under the body still closes the table that the two
          rules around its heads opened, heads and all;
  page 3: a table in the left column of a page of two columns, the right column's prose
          beside it: only the text inside the rules' extent decides whether they pair, and
          the prose beside it makes no column of the table;
  page 4: a table ruled across under every row, with rows that only name a group of rows (one
          segment between two rules): a rule already in the table passes over them, and the
          table stays one.

Writes the PDF by hand (rules drawn as lines), converts it with recto and checks the tables'
rows, printing TAP. Run by meson (RECTO_EXE in the environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import TEI, convert_pdf, report  # noqa: E402
from tiny_pdf import pages_pdf  # noqa: E402

ROWS_3 = [("la", "policy rate", "0.0001"), ("lc", "critic rate", "0.0002"),
          ("ls", "barrier rate", "0.0003"), ("gamma", "discount", "0.99"),
          ("tau", "soft update", "0.01")]
WORDS = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike".split()


def text(x, y, words):
    return f"BT /F1 10 Tf {x} {y} Td ({words}) Tj ET"


def rule(x1, x2, y):
    return f"0.5 w {x1} {y} m {x2} {y} l S"


def prose(x, top, n, words=10, start=0):
    return [text(x, top - 14 * i, " ".join(WORDS[(start + i + k) % 13] for k in range(words)))
            for i in range(n)]


def three_line(x1, x2, top, heads, rows, columns, pitch=16):
    """A three-line table from @x1 to @x2: the rule at @top, @heads, a rule, @rows (tuples of
    cells, set at the x of @columns), a rule."""
    out = [rule(x1, x2, top)] + [text(x, top - 13, h) for x, h in zip(columns, heads)]
    out.append(rule(x1, x2, top - 19))
    y = top - 19
    for cells in rows:
        y -= pitch
        out += [text(x, y + 4, c) for x, c in zip(columns, cells) if c]
    out.append(rule(x1, x2, y - 4))
    return out


def page_divider():
    rows = [(f"crop {WORDS[i]}", f"{100 + 7 * i}.5", f"{3 + i}.25") for i in range(6)]
    return (prose(72, 780, 10) + [rule(72, 520, 630), text(240, 612, "Table 1   Yields by crop")]
            + three_line(72, 520, 600, ("Crop", "Area", "Yield"), rows, (80, 260, 440))
            + prose(72, 420, 8, start=3))


def page_long():
    # Estimates over their standard errors: the upper rows hold one figure each, a row of its own
    # for no unruled table (it needs two segments a row).
    rows = [row for i in range(4) for row in ((f"factor {i}", f"{i}.25", ""), ("", f"({i}.5)", ""))]
    rows += [(f"region {WORDS[i % 13]} {i}", f"{200 + 11 * i}.0", f"{40 + i}.75") for i in range(22)]
    return ([text(240, 800, "Table 2   Sown and harvested area")]
            + three_line(72, 520, 790, ("Region", "Sown", "Harvest"), rows, (80, 260, 440),
                         pitch=17))


def page_columns():
    left = (prose(72, 780, 8, words=7) + [text(130, 660, "Table 3   Network settings")]
            + three_line(72, 280, 648, ("Name", "Meaning", "Value"), ROWS_3, (80, 140, 230))
            + prose(72, 500, 8, words=7, start=5))
    right = prose(310, 780, 28, words=6, start=2)
    return left + right


GROUPS = [("People who inject drugs", [("Comparator studies", "93%", "0.460"),
                                      ("Wade et al. 2018", "100%", "..")]),
          ("General population", [("Comparator studies", "95%", "0.466"),
                                  ("Cooper et al. 2017", "95%", "0.912")])]


def page_groups():
    """A table ruled across under every row, its groups named by rows of one cell."""
    out = [text(72, 760, "Table 4   Outcomes by group"), rule(72, 520, 750),
           text(80, 737, "Setting"), text(260, 737, "Rate"), text(440, 737, "p value"),
           rule(72, 520, 730)]
    y = 730
    for name, rows in GROUPS:
        y -= 18
        out += [text(80, y + 5, name), rule(72, 520, y)]
        for cells in rows:
            y -= 18
            out += [text(x, y + 5, c) for x, c in zip((80, 260, 440), cells)]
            out.append(rule(72, 520, y))
    return out + prose(72, y - 30, 10)


def main():
    pages = [page_divider(), page_long(), page_columns(), page_groups()]
    body = convert_pdf(pages_pdf(["\n".join(p).encode() for p in pages],
                                 b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
                       "threeline")
    tables = []
    for table in body.iter(TEI + "table"):
        heads = [" ".join("".join(h.itertext()).split()) for h in table.findall(TEI + "head")]
        rows = [[" ".join("".join(c.itertext()).split()) for c in r.iter(TEI + "cell")]
                for r in table.iter(TEI + "row")]
        tables.append((heads, rows))

    def table_with(head):
        return next(((h, r) for h, r in tables if any(x.startswith(head) for x in h)), ([], []))

    _, first = table_with("Table 1")
    _, long = table_with("Table 2")
    _, third = table_with("Table 3")
    _, groups = table_with("Table 4")
    group_rows = [["Setting", "Rate", "p value"]] + [
        row for name, rows in GROUPS for row in [[name]] + [list(r) for r in rows]]
    checks = [
        ("the rule above a caption stays out of the table: its heads are its first row",
         first[:1] == [["Crop", "Area", "Yield"]] and len(first) == 7),
        ("no row holds the caption", not any("Table" in c for _, r in tables for row in r for c in row)),
        ("a long table keeps its heads with its body",
         long[:1] == [["Region", "Sown", "Harvest"]] and len(long) == 31),
        ("a table beside a column of prose keeps its heads",
         third[:1] == [["Name", "Meaning", "Value"]] and ["la", "policy rate", "0.0001"] in third),
        ("no row takes the prose beside the table",
         third[1:] == [list(row) for row in ROWS_3]),
        ("a table ruled across stays one over the rows that name its groups",
         [[c for c in row if c] for row in groups] == group_rows),
    ]
    return report(checks, [f"tables: {tables}"])


if __name__ == "__main__":
    sys.exit(main())
