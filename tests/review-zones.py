#!/usr/bin/env python3
"""review-zones.py: a box without zones of its own is drawn as one outline, never as copies of
other elements' zones (issue 14: an 85-page spreadsheet's empty cells each copied every zone of
their table, 22 GB).

  review-zones.py make TEI OUT   writes OUT: TEI with a table appended to its body whose rows
                                 point at zones of its second page and whose cells have none
  review-zones.py check DATA_JS  fails unless that table is one outline on its page and each of
                                 its cells one zone (its row's outline)
"""
import json
import sys
import xml.etree.ElementTree as ET

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
ROWS, CELLS = 300, 5


def make(tei_path, out_path):
    ET.register_namespace("", TEI[1:-1])
    tree = ET.parse(tei_path)
    surfaces = tree.getroot().iter(TEI + "surface")
    next(surfaces)
    zones = [zone.get(XML_ID) for zone in next(surfaces).iter(TEI + "zone")]
    assert len(zones) >= 2, "the TEI's second page has too few zones"
    body = tree.getroot().find(f"{TEI}text/{TEI}body")
    table = ET.SubElement(body, TEI + "table")
    for index in range(ROWS):
        row = ET.SubElement(table, TEI + "row", facs="#" + zones[index % len(zones)])
        for _ in range(CELLS):
            ET.SubElement(row, TEI + "cell").text = "cell"
    tree.write(out_path, encoding="utf-8", xml_declaration=True)


def check(data_path):
    text = open(data_path, encoding="utf-8").read()
    data = json.loads(text[text.index("{"):text.rindex("}") + 1])
    tables = [box for box in data["boxes"] if box["role"] == "table"]
    table = tables[-1]
    cells = [box for box in data["boxes"] if box["role"] == "cell" and box["text"] == "cell"]
    assert len(cells) == ROWS * CELLS, f"{len(cells)} cells, made {ROWS * CELLS}"
    assert len(table["z"]) == 1, f"the table is drawn as {len(table['z'])} zones on one page"
    copies = max(len(cell["z"]) for cell in cells)
    assert copies == 1, f"a cell without zones is drawn as {copies} zones"


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "make":
        make(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "check":
        check(sys.argv[2])
    else:
        sys.exit(__doc__)
