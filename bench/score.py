#!/usr/bin/python3
"""Score a recto TEI file, or plain text, against a recto-truth/1 ground truth.

Usage:
    score.py TRUTH.json TEI.xml [--json]            score a recto TEI file
    score.py TRUTH.json TEXT.txt --plain [--json]   score plain text (pdftotext output)

Prints one aligned table, or with --json one JSON object. Exits 0 whatever the
scores are, and 2 with a one-line error on bad usage or unreadable input.
Needs only the Python standard library (run it with Debian's /usr/bin/python3).

Texts compared
--------------
truth body text:  for each chapter in order, its title, then the text of each
    block in order (head, p, caption, and the items of a list one by one).
    Footnotes (blocks of type "note") are not body text.
TEI body text:    all text in <text><body> in document order, except what is
    inside fw and note (pb and gap have no text). <lb/> counts as a space,
    <lb break="no"/> as nothing; g, supplied and unclear are read as text, and
    of a <choice> the <orig> (the <reg> is a stage's reading of it) and the <corr>
    (its <sic> is a misread OCR layer's character).
plain body text:  the whole file; page furniture counts against it.

"Normalised" text: for zh, all white space removed; otherwise runs of white
space collapsed to one space and the ends stripped.

Metrics (a metric whose truth is empty is left out)
---------------------------------------------------
body CER          Levenshtein distance between truth and candidate body text,
                  both with ALL white space (form feeds too) removed, divided by
                  the truth's length.
heading F1        multiset F1 of normalised texts: truth blocks of type head vs
                  TEI <head> children of <div>, except the first head of a
                  div[@type="chapter"] (the chapter title). figure/head is not
                  a heading.
heading level     among matched headings, the share whose level agrees. TEI
                  level = number of div ancestors whose @type is not "chapter"
                  (a head in a div directly inside the chapter div is level 1);
                  truth level = "level". For each heading text, the matched
                  pairs agree as often as the two multisets of levels overlap.
paragraph F1      multiset F1: truth p blocks vs TEI <p> not inside <figure>,
                  read without fw, note and pb, so a p that runs over a page
                  break still matches.
number placement  every maximal ASCII digit run in the white-space-free truth
                  body text gives a triple (character before, digits, character
                  after; "" at the ends). Score = share of the truth's triples
                  (as a multiset) that the candidate body text has too.
furniture leaks   for each distinct page header and footer string s of the
                  truth (white space removed): max(0, count in candidate body -
                  count in truth body), summed. Counting is by substring in the
                  white-space-free body text, except for a bare page number
                  (only digits, or only roman-numeral letters): that counts the
                  LINES consisting solely of it. Lines of a TEI file are its
                  body text split at every element boundary except g, supplied,
                  unclear, choice, orig, corr, seg and <lb break="no"/>; lines of plain text are its
                  lines (form feeds end lines too); lines of the truth are its
                  chapter titles, block texts and list items.
pb count          number of <pb> in the body / number of truth pages.
pb accuracy       share of truth pages k whose printed number "n" equals @n of
                  the body's k-th <pb>.
chapter F1        multiset F1: truth chapter titles vs the first <head> of each
                  div[@type="chapter"].
footnote F1       multiset F1: truth note blocks' text vs TEI <note> texts, the
                  marker ("1", TEI's note/@n) left out of both.
caption F1        multiset F1: truth captions vs TEI figure/head.
list-item F1      multiset F1: truth list items vs TEI <item> in the body.

With --plain only body CER, number placement and furniture leaks are scored.
"""

import argparse
import collections
import json
import os
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET

TRUTH_SCHEMA = "recto-truth/1"
SKIPPED = {"fw", "note", "pb", "gap", "reg", "sic"}  # elements whose content is not body text
ANCHORED = "#repair.paragraphs.anchor-note"  # the ana of a note placed at its marker
INLINE = {"g", "supplied", "unclear", "choice", "orig", "corr", "seg"}  # read as part of the running text
BREAK = None  # marks a line boundary in a stream of text pieces
BARE_NUMBER = re.compile(r"[0-9]+|[ivxlcdm]+|[IVXLCDM]+")
DIGITS = re.compile(r"[0-9]+")
WHITE_SPACE = re.compile(r"\s+")


class InputError(Exception):
    """Bad usage or unreadable input: reported in one line, exit status 2."""


# ---------------------------------------------------------------- text helpers


def squeeze(text):
    """Remove all white space (form feeds and U+3000 included)."""
    return WHITE_SPACE.sub("", text)


def normaliser(language):
    """Return the function that normalises texts compared for equality."""
    if language == "zh":
        return squeeze
    return lambda text: " ".join(text.split())


def levenshtein(a, b):
    """Levenshtein distance of two strings (exact)."""
    a, b = trim_common_ends(a, b)
    if len(a) < len(b):
        a, b = b, a
    return bit_vector_distance(a, b) if b else len(a)


def trim_common_ends(a, b):
    """a and b without their common prefix and suffix, which cost no edits."""
    prefix = len(os.path.commonprefix([a, b]))
    a, b = a[prefix:], b[prefix:]
    suffix = len(os.path.commonprefix([a[::-1], b[::-1]]))
    return a[:len(a) - suffix], b[:len(b) - suffix]


def bit_vector_distance(a, b):
    """Levenshtein distance by Myers' bit-vector algorithm (Hyyrö's form), b not empty.

    Python's unbounded integers hold the whole column for b as one bit vector,
    so this is exact for any length and takes O(len(a) * len(b) / word size).
    """
    match = {}
    for i, char in enumerate(b):
        match[char] = match.get(char, 0) | (1 << i)
    mask = (1 << len(b)) - 1
    last = 1 << (len(b) - 1)
    plus, minus, distance = mask, 0, len(b)
    for char in a:
        eq = match.get(char, 0)
        xv = eq | minus
        xh = (((eq & plus) + plus) ^ plus) | eq
        hplus = minus | ~(xh | plus)
        hminus = plus & xh
        if hplus & last:
            distance += 1
        elif hminus & last:
            distance -= 1
        hplus = (hplus << 1) | 1
        hminus <<= 1
        plus = (hminus | ~(xv | hplus)) & mask
        minus = hplus & xv
    return distance


def digit_triples(text):
    """Multiset of (char before, digit run, char after) in white-space-free text."""
    text = squeeze(text)
    triples = collections.Counter()
    for match in DIGITS.finditer(text):
        before = text[match.start() - 1] if match.start() > 0 else ""
        after = text[match.end()] if match.end() < len(text) else ""
        triples[(before, match.group(), after)] += 1
    return triples


def split_lines(pieces):
    """Join a stream of text pieces into stripped, non-empty lines at each BREAK."""
    lines, current = [], []
    for piece in list(pieces) + [BREAK]:
        if piece is BREAK:
            line = "".join(current).strip()
            if line:
                lines.append(line)
            current = []
        else:
            current.append(piece)
    return lines


# ---------------------------------------------------------------- documents


class Document:
    """The parts of a truth or candidate document that the metrics compare.

    The structural lists stay None where the source cannot have them (plain
    text), which leaves their metrics out.
    """

    def __init__(self, body_text, lines):
        self.body_text = body_text  # body text, white space as found
        self.lines = lines  # stripped body lines (for the bare page number rule)
        self.titles = None  # chapter titles
        self.heads = None  # (text, level) of headings
        self.paragraphs = None
        self.captions = None
        self.items = None  # list items
        self.notes = None  # footnote texts
        self.page_numbers = None  # printed page numbers, one per page
        self.furniture = None  # header and footer strings (truth only)


def read_json(path):
    """Parse a JSON file or raise InputError."""
    try:
        with open(path, encoding="utf-8") as file:
            return json.load(file)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"cannot read {path}: {error}") from error


def load_truth(path):
    """Read a recto-truth/1 file; returns (Document, language)."""
    data = read_json(path)
    if not isinstance(data, dict) or data.get("schema") != TRUTH_SCHEMA:
        raise InputError(f"{path}: not a {TRUTH_SCHEMA} file")
    try:
        return truth_document(data), data["language"]
    except (KeyError, TypeError, AttributeError) as error:
        raise InputError(f"{path}: malformed truth ({error!r})") from error


def truth_document(data):
    """Build the Document of a parsed truth file."""
    blocks = collections.defaultdict(list)  # by type
    body = []  # chapter titles, block texts and list items, in reading order
    for chapter in data["chapters"]:
        body.append(chapter["title"])
        for block in chapter["blocks"]:
            blocks[block["type"]].append(block)
            if block["type"] == "list":
                body.extend(block["items"])
            elif block["type"] != "note":
                body.append(block["text"])
    doc = Document("".join(body), [line.strip() for line in body])
    doc.titles = [chapter["title"] for chapter in data["chapters"]]
    doc.heads = [(block["text"], block["level"]) for block in blocks["head"]]
    doc.paragraphs = [block["text"] for block in blocks["p"]]
    doc.captions = [block["text"] for block in blocks["caption"]]
    doc.items = [item for block in blocks["list"] for item in block["items"]]
    doc.notes = [note_text(block) for block in blocks["note"]]
    doc.page_numbers = [page["n"] for page in data["pages"]]
    doc.furniture = [page[key] for page in data["pages"] for key in ("header", "footer")
                     if page.get(key)]
    return doc


def local_name(element):
    """An element's name without its namespace."""
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


def text_pieces(element):
    """Yield the body text of element's content in document order, and BREAKs.

    fw, note, pb and gap are left out (their tails are not), and so is the reg
    of a choice (its orig is the source's text); a note placed where its marker
    stands gives that marker (its @n); lb gives a space unless
    break="no". Every element boundary is a BREAK except those of g, supplied,
    unclear, choice, orig, seg (a recovered word) and <lb break="no"/>.
    """
    if element.text:
        yield element.text
    for child in element:
        name = local_name(child)
        if name == "lb":
            if child.get("break") != "no":
                yield " "
                yield BREAK
        elif name in INLINE:
            yield from text_pieces(child)
        elif name == "note" and ANCHORED in (child.get("ana") or "").split():
            # A note put where the text calls it: its marker, the note's @n, is printed there.
            yield child.get("n") or ""
        elif name in SKIPPED:
            yield BREAK
        else:
            yield BREAK
            yield from text_pieces(child)
            yield BREAK
        if child.tail:
            yield child.tail


def element_text(element):
    """The body text of one element (fw, note, pb and gap left out)."""
    return "".join(piece for piece in text_pieces(element) if piece is not BREAK)


def walk(element, ancestors=()):
    """Yield (element, ancestors) for element's descendants in document order."""
    for child in element:
        yield child, ancestors + (element,)
        yield from walk(child, ancestors + (element,))


def is_chapter(element):
    """Whether element is a div[@type="chapter"]."""
    return local_name(element) == "div" and element.get("type") == "chapter"


def first_head(div):
    """A div's first head child, or None."""
    return next((child for child in div if local_name(child) == "head"), None)


def read_tei(path):
    """Read a TEI file's <text><body> into a Document."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as error:
        raise InputError(f"cannot read {path}: {error}") from error
    body = next((element for element, ancestors in walk(root)
                 if local_name(element) == "body" and ancestors
                 and local_name(ancestors[-1]) == "text"), None)
    if body is None:
        raise InputError(f"{path}: no <text><body>")
    pieces = list(text_pieces(body))
    doc = Document("".join(piece for piece in pieces if piece is not BREAK),
                   split_lines(pieces))
    doc.titles, doc.heads, doc.paragraphs, doc.captions = [], [], [], []
    doc.items, doc.notes, doc.page_numbers = [], [], []
    for element, ancestors in walk(body):
        classify_tei_element(doc, element, ancestors)
    return doc


def classify_tei_element(doc, element, ancestors):
    """Add one body element to the Document list it belongs to, if any."""
    name, parent = local_name(element), ancestors[-1]
    if name == "head" and local_name(parent) == "div":
        if is_chapter(parent) and first_head(parent) is element:
            doc.titles.append(element_text(element))
        else:
            level = sum(1 for a in ancestors if local_name(a) == "div" and not is_chapter(a))
            doc.heads.append((element_text(element), level))
    elif name == "head" and local_name(parent) == "figure":
        doc.captions.append(element_text(element))
    elif name == "p" and local_name(parent) != "figure":
        doc.paragraphs.append(element_text(element))
    elif name == "item":
        doc.items.append(element_text(element))
    elif name == "note":
        doc.notes.append(element_text(element))
    elif name == "pb":
        doc.page_numbers.append(element.get("n"))


def note_text(block):
    """A truth note's text without its marker (which TEI gives as the note's @n)."""
    text, marker = block["text"], block.get("n")
    if marker and text.startswith(marker):
        return text[len(marker):].lstrip()
    return text


def read_plain(path):
    """Read a UTF-8 text file into a Document that has body text only."""
    try:
        with open(path, encoding="utf-8") as file:
            text = file.read()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read {path}: {error}") from error
    return Document(text, [line.strip() for line in text.splitlines() if line.strip()])


# ---------------------------------------------------------------- metrics


def body_cer(truth, candidate):
    """Edit distance of the white-space-free body texts over the truth's length."""
    expected, found = squeeze(truth.body_text), squeeze(candidate.body_text)
    edits = levenshtein(expected, found)
    return {"value": edits / len(expected), "edits": edits, "length": len(expected)}


def multiset_f1(expected, found):
    """F1 of two multisets of strings (exact match)."""
    matched = sum((collections.Counter(expected) & collections.Counter(found)).values())
    return {
        "value": 2 * matched / (len(expected) + len(found)),
        "precision": matched / len(found) if found else 0.0,
        "recall": matched / len(expected),
        "matched": matched,
        "truth": len(expected),
        "candidate": len(found),
    }


def heading_levels(expected, found):
    """Share of matched headings whose levels agree (lists of (text, level))."""
    levels = collections.defaultdict(lambda: (collections.Counter(), collections.Counter()))
    for side, heads in enumerate((expected, found)):
        for text, level in heads:
            levels[text][side][level] += 1
    matched = correct = 0
    for truth_levels, found_levels in levels.values():
        matched += min(sum(truth_levels.values()), sum(found_levels.values()))
        correct += sum((truth_levels & found_levels).values())
    return {"value": correct / matched if matched else 0.0, "correct": correct,
            "matched": matched}


def number_placement(truth, candidate):
    """Share of the truth's digit triples that the candidate has too."""
    expected = digit_triples(truth.body_text)
    found = sum((expected & digit_triples(candidate.body_text)).values())
    total = sum(expected.values())
    return {"value": found / total, "found": found, "total": total}


def furniture_count(doc, string):
    """How often a furniture string occurs in a document's body (see module doc)."""
    if BARE_NUMBER.fullmatch(string):
        return sum(1 for line in doc.lines if squeeze(line) == string)
    return squeeze(doc.body_text).count(string)


def furniture_leaks(truth, candidate):
    """Furniture strings the candidate body has more often than the truth body."""
    leaks = {}
    for string in dict.fromkeys(filter(None, map(squeeze, truth.furniture))):
        extra = furniture_count(candidate, string) - furniture_count(truth, string)
        if extra > 0:
            leaks[string] = extra
    return {"value": sum(leaks.values()), "strings": leaks}


def pb_metrics(truth, candidate):
    """(pb count, pb accuracy): the k-th pb's @n against the k-th page's number."""
    expected, found = truth.page_numbers, candidate.page_numbers
    correct = sum(1 for k, n in enumerate(expected) if k < len(found) and found[k] == n)
    return ({"value": len(found), "expected": len(expected)},
            {"value": correct / len(expected), "correct": correct, "total": len(expected)})


def normalised(texts, normalise):
    """texts, each normalised."""
    return [normalise(text) for text in texts]


def score(truth, candidate, language):
    """All applicable metrics, in table order, as {key: {"value": …, …}}."""
    norm = normaliser(language)
    metrics = {}
    if squeeze(truth.body_text):
        metrics["cer"] = body_cer(truth, candidate)
    if candidate.heads is not None and truth.heads:
        expected = [(norm(text), level) for text, level in truth.heads]
        found = [(norm(text), level) for text, level in candidate.heads]
        metrics["heading_f1"] = multiset_f1([t for t, _ in expected], [t for t, _ in found])
        metrics["heading_level"] = heading_levels(expected, found)
    if candidate.paragraphs is not None and truth.paragraphs:
        metrics["paragraph_f1"] = multiset_f1(normalised(truth.paragraphs, norm),
                                              normalised(candidate.paragraphs, norm))
    if digit_triples(truth.body_text):
        metrics["number_placement"] = number_placement(truth, candidate)
    if truth.furniture:
        metrics["furniture_leaks"] = furniture_leaks(truth, candidate)
    if candidate.page_numbers is not None and truth.page_numbers:
        metrics["pb_count"], metrics["pb_accuracy"] = pb_metrics(truth, candidate)
    for key, attribute in (("chapter_f1", "titles"), ("footnote_f1", "notes"),
                           ("caption_f1", "captions"), ("list_item_f1", "items")):
        expected, found = getattr(truth, attribute), getattr(candidate, attribute)
        if found is not None and expected:
            metrics[key] = multiset_f1(normalised(expected, norm), normalised(found, norm))
    return metrics


# ---------------------------------------------------------------- output

LABELS = {
    "cer": "body CER",
    "heading_f1": "heading F1",
    "heading_level": "heading level",
    "paragraph_f1": "paragraph F1",
    "number_placement": "number placement",
    "furniture_leaks": "furniture leaks",
    "pb_count": "pb count",
    "pb_accuracy": "pb accuracy",
    "chapter_f1": "chapter F1",
    "footnote_f1": "footnote F1",
    "caption_f1": "caption F1",
    "list_item_f1": "list-item F1",
}


def format_value(key, metric):
    """A metric's value as the tables show it."""
    value = metric["value"]
    if key == "cer":
        return f"{100 * value:.3f} %"
    if key in ("number_placement", "pb_accuracy", "heading_level"):
        return f"{100 * value:.2f} %"
    if key == "pb_count":
        return f"{value}/{metric['expected']}"
    if key == "furniture_leaks":
        return str(value)
    return f"{value:.4f}"


def format_detail(key, metric):
    """What a metric's value was computed from, in a few words."""
    if key == "cer":
        return f"{metric['edits']} edits / {metric['length']} chars"
    if key == "heading_level":
        return f"{metric['correct']}/{metric['matched']} matched headings"
    if key == "number_placement":
        return f"{metric['found']}/{metric['total']} triples"
    if key == "pb_accuracy":
        return f"{metric['correct']}/{metric['total']} pages"
    if key == "furniture_leaks":
        leaks = sorted(metric["strings"].items(), key=lambda item: (-item[1], item[0]))
        shown = ", ".join(f"{string} ×{count}" for string, count in leaks[:3])
        return shown + (f", +{len(leaks) - 3} more" if len(leaks) > 3 else "")
    if key == "pb_count":
        return ""
    return (f"P {metric['precision']:.4f} R {metric['recall']:.4f}; "
            f"{metric['matched']} matched, truth {metric['truth']}, output {metric['candidate']}")


def display_width(text):
    """Width in terminal columns: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in ("W", "F") else 1 for char in text)


def pad(text, width):
    """text padded with spaces to width columns."""
    return text + " " * max(0, width - display_width(text))


def table(rows):
    """Rows of cells as lines, each column padded to its widest cell."""
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [" ".join(pad(cell, width) for cell, width in zip(row, widths)).rstrip()
            for row in rows]


def print_table(metrics):
    """Print the metrics as an aligned table: metric, value, detail."""
    rows = [("metric", "value", "detail")]
    rows += [(LABELS[key], format_value(key, metric), format_detail(key, metric))
             for key, metric in metrics.items()]
    print("\n".join(table(rows)))


class ArgumentParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (and exit status 2, as argparse has it)."""

    def error(self, message):
        self.exit(2, f"score.py: {message} (see --help)\n")


def main(argv):
    parser = ArgumentParser(
        description="Score recto TEI or plain text against a recto-truth/1 file.")
    parser.add_argument("truth", help="ground truth, recto-truth/1 JSON")
    parser.add_argument("candidate", help="TEI file (or text file with --plain)")
    parser.add_argument("--plain", action="store_true", help="candidate is plain UTF-8 text")
    parser.add_argument("--json", action="store_true", help="print a JSON object")
    args = parser.parse_args(argv)  # exits 2 on bad usage
    try:
        truth, language = load_truth(args.truth)
        candidate = read_plain(args.candidate) if args.plain else read_tei(args.candidate)
    except InputError as error:
        print(f"score.py: {error}", file=sys.stderr)
        return 2
    metrics = score(truth, candidate, language)
    if args.json:
        json.dump({"truth": args.truth, "candidate": args.candidate,
                   "mode": "plain" if args.plain else "tei", "language": language,
                   "metrics": metrics}, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print_table(metrics)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
