#!/usr/bin/python3
"""lost-maps.py: how truthfully recto reads real documents whose body font lost its Unicode map.

For each case below (two pages of a PDF of ../shared/real and the font of its body text), the
pages are cut out with qpdf and the font's /ToUnicode is dropped with samples/variants.py, as
samples/variants.sh damages the sample volume. recto converts the clean and the damaged pages;
the damaged TEI is compared with the clean one:

  chars     characters of the clean pages' text (white space left out)
  wrong     characters written as text in the damaged TEI that are not the clean page's (an
            aligned difference; what an archive must never hold)
  gaps      glyphs left unasserted (<gap reason="unmapped-glyphs">)
  similar   similarity of the damaged TEI's text (a gap counting as one wrong character) to the
            clean one
  codes     the codes of the damaged font whose learned character the header declares, and
            of those the ones whose character is not the one the dropped map gave (the truth)
  model     the OCR languages recover-text chose (its header's method)

pdftotext reads nothing right from such a font (it writes the glyph codes as characters), so
its similarity is printed beside recto's as the yardstick.

  bench/lost-maps.py [--only NAME] [--keep DIR]            (from any directory)

Environment: BUILD, the meson build directory (default: build; relative to the repository).
Needs ../shared/real, qpdf, pdftotext and Debian's python3. Exit status: 0 whatever the figures
are; 2 on bad usage or a missing tool or folder. Slow: each case is OCR'd (a minute or so).
"""
import argparse
import base64
import collections
import difflib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REAL = os.path.join(ROOT, "..", "shared", "real")
T = "{http://www.tei-c.org/ns/1.0}"

# (PDF of ../shared/real without .pdf, a piece of its body font's name, the pages)
CASES = [
    ("cookbook__2024_Beijing_government_work_report", "SimSun", "2-3"),
    ("govnianbao__szfgs2024", "FZFSK", "2-3"),
    ("financialcode__Kweichow_Moutai_2020_annual_report", "宋体", "5-6"),
    ("govbudgetchecker__Putuo_Finance_Bureau_2024_final_accounts", "FangSong", "3-4"),
    ("ipylibs__csrc", "BONJPB+SimSun", "3-4"),
    ("mineru__2201210418_master_thesis", "BCDGEE+SimSun", "10-11"),
    ("fujiyosansho__R7_00_gaiyou", "MS-Mincho", "2-3"),
    ("ragflow__test_rec3", "DFKaiShu", "7-8"),
    ("squankw__Qiandongnan_2023_statistical_bulletin", "仿宋_GB2312", "4-5"),
    ("rapiddoc__example7_research_report", "SimHei", "3-4"),
]


def load_variants():
    spec = importlib.util.spec_from_file_location(
        "variants", os.path.join(ROOT, "samples", "variants.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(*command):
    return subprocess.run(command, check=True, capture_output=True, text=True)


def damage(work, name, font, pages):
    """Cuts @pages of @name into work/clean.pdf and drops @font's map into work/lost.pdf;
    returns the dropped map (code → character)."""
    clean, lost = os.path.join(work, "clean.pdf"), os.path.join(work, "lost.pdf")
    qpdf_json, update = os.path.join(work, "in.json"), os.path.join(work, "update.json")
    run("qpdf", "--empty", "--pages", os.path.join(REAL, name + ".pdf"), pages, "--", clean)
    run("qpdf", "--json=2", "--json-key=qpdf", "--json-stream-data=inline", clean, qpdf_json)
    run("/usr/bin/python3", os.path.join(ROOT, "samples", "variants.py"), "drop-tounicode",
        qpdf_json, font, update)
    run("qpdf", "--deterministic-id", "--update-from-json=" + update, clean, lost)
    variants = load_variants()
    objects = json.load(open(qpdf_json))["qpdf"][1]
    _, font_dict = variants.type0_font(objects, font)
    stream = objects["obj:%s" % font_dict["/ToUnicode"]]["stream"]
    return variants.tounicode_map(base64.b64decode(stream["data"]).decode("latin-1"))


def written(element):
    """The text written as text, a gap as one U+0000 per glyph it leaves out."""
    if element.tag == T + "gap":
        yield "\0" * int(element.get("quantity", "1"))
        return
    if element.tag in (T + "desc", T + "note"):
        return
    yield element.text or ""
    for child in element:
        yield from written(child)
        yield child.tail or ""


def body_text(path):
    return "".join("".join(written(ET.parse(path).getroot().find(T + "text"))).split())


def compare(clean, lost):
    """(wrong, gaps, similarity) of the text @lost against @clean."""
    matcher = difflib.SequenceMatcher(None, clean, lost, autojunk=False)
    wrong = sum(len(lost[j1:j2].replace("\0", ""))
                for op, _, _, j1, j2 in matcher.get_opcodes() if op != "equal")
    return wrong, lost.count("\0"), matcher.ratio()


def learned_codes(path, truth):
    """(declared, wrong) learned codes of the damaged font's charDecl against @truth."""
    xml = open(path, encoding="utf-8").read()
    declared = wrong = 0
    for match in re.finditer(r'<glyph xml:id="fontmap\d+\.x([0-9A-F]+)"[^>]*>\s*<mapping '
                             r'type="\w+" cert="[0-9.]+">([^<]*)</mapping>', xml):
        code, character = int(match.group(1), 16), match.group(2)
        character = character.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
        if code in truth:
            declared += 1
            wrong += character != truth[code]
    return declared, wrong


def model(path):
    found = re.search(r"OCR readings \([^,]+, ([a-z_+]+)\)", open(path, encoding="utf-8").read())
    return found.group(1) if found else "-"


def measure(work, name, font, pages, recto, plugins):
    truth = damage(work, name, font, pages)
    outputs = {}
    for variant in ("clean", "lost"):
        outputs[variant] = os.path.join(work, variant + ".xml")
        subprocess.run([recto, "convert", "-q", "--plugin-dir", plugins,
                        os.path.join(work, variant + ".pdf"), "-o", outputs[variant]],
                       check=True)
    clean = body_text(outputs["clean"])
    wrong, gaps, similar = compare(clean, body_text(outputs["lost"]))
    plain = "".join(run("pdftotext", "-enc", "UTF-8", os.path.join(work, "lost.pdf"), "-").stdout.split())
    declared, wrong_codes = learned_codes(outputs["lost"], truth)
    return collections.OrderedDict(
        chars=len(clean), wrong=wrong, gaps=gaps, similar=round(similar, 3),
        pdftotext=round(difflib.SequenceMatcher(None, clean, plain, autojunk=False).ratio(), 3),
        codes=declared, wrong_codes=wrong_codes, model=model(outputs["lost"]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", help="the one case to measure (its PDF's name)")
    parser.add_argument("--keep", help="keep each case's files in DIR/NAME")
    args = parser.parse_args()
    build = os.path.join(ROOT, os.environ.get("BUILD", "build"))
    recto, plugins = os.path.join(build, "core", "recto"), os.path.join(build, "plugins")
    if not os.path.isdir(REAL) or not os.access(recto, os.X_OK) or shutil.which("qpdf") is None:
        print("lost-maps.py: needs ../shared/real, qpdf and a built recto (%s)" % recto,
              file=sys.stderr)
        return 2
    cases = [case for case in CASES if args.only in (None, case[0])]
    if not cases:
        print("lost-maps.py: no case named %s" % args.only, file=sys.stderr)
        return 2
    print("%-58s %6s %6s %5s %8s %9s %6s %6s  %s" % ("case (pages)", "chars", "wrong", "gaps",
                                                     "similar", "pdftotext", "codes", "wrong",
                                                     "model"))
    totals = collections.Counter()
    for name, font, pages in cases:
        work = tempfile.mkdtemp(prefix="lost-maps-")
        try:
            row = measure(work, name, font, pages, recto, plugins)
        finally:
            if args.keep:
                shutil.copytree(work, os.path.join(args.keep, name), dirs_exist_ok=True)
            shutil.rmtree(work)
        totals.update({key: row[key] for key in ("chars", "wrong", "gaps", "codes", "wrong_codes")})
        print("%-58s %6d %6d %5d %8.3f %9.3f %6d %6d  %s" % (
            "%s (%s)" % (name[:50], pages), row["chars"], row["wrong"], row["gaps"],
            row["similar"], row["pdftotext"], row["codes"], row["wrong_codes"], row["model"]))
        sys.stdout.flush()
    print("%-58s %6d %6d %5d %8s %9s %6d %6d" % ("all", totals["chars"], totals["wrong"],
                                                totals["gaps"], "", "", totals["codes"],
                                                totals["wrong_codes"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
