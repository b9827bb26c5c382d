#!/usr/bin/python3
"""Python steps of samples/variants.sh, which builds damaged copies of a sample
volume for the recover-text stage (text whose font has no usable Unicode map,
and image-only scans).  Run with Debian's /usr/bin/python3 (needs python3-cairo).

  variants.py drop-tounicode QPDF.json FONT UPDATE.json
      QPDF.json is `qpdf --json=2 --json-key=qpdf` output.  Writes a qpdf update
      JSON that removes /ToUnicode from the Type0 font whose /BaseFont contains
      FONT.  Apply with `qpdf --update-from-json=UPDATE.json IN OUT`.
  variants.py pua-tounicode QPDF.json FONT UPDATE.json
      Same, but QPDF.json must have --json-stream-data=inline: replaces that
      font's ToUnicode CMap with a wrong one mapping every code c it maps to
      U+E000 + c (Private Use Area), as broken CJK producers do.
  variants.py gbk-bytes QPDF.json FONT UPDATE.json
      Same (inline stream data), but turns the Type0 font into mojibake: its
      text is written as the GBK bytes of its characters, shown through a
      non-embedded single-byte TrueType font named SimSun with WinAnsiEncoding
      (each byte half an em wide), as old Chinese producers wrote GB2312 text.
      A text layer then gives Latin-1 letters ("Ä¿Â¼" for "目录").
  variants.py permute-tounicode QPDF.json FONT UPDATE.json
      Same (inline stream data), but the ToUnicode CMap maps each code to the
      character of the code seven places on in code order: plausible, wrong
      CJK ("嘆囈貭鍔" for "中國文件"), as broken producers write.
  variants.py legacy-bytes QPDF.json FONT CODEC UPDATE.json
      The same in another Python codec (big5, shift_jis, euc_kr), through a
      font named as that script's producers named it (MingLiU, MS-Mincho,
      Batang); characters the codec lacks become "?".
  variants.py short-metrics QPDF.json FONT UPDATE.json
      Writes an update giving the Type0 font's descriptor an Ascent of 200 and a
      Descent of -50 (a quarter of an em, as a broken producer writes them):
      Poppler then gives its glyphs boxes that cut through their ink.
  variants.py ocr-layer QPDF.json FONT UPDATE.json
      Same (inline stream data), but makes the text layer one an OCR engine would
      have laid under a scan, misread: all text invisible (render mode 3), every
      eleventh glyph of FONT shown as the code seven places on in its map
      (plausible wrong CJK), every third 0 and 1 of the other fonts as O and I
      ("2O16").  Underlay the page's scan (qpdf --underlay) to finish it.
  variants.py scan IN.pdf OUT.pdf PAGE.png...
      Writes an image-only PDF: one full-page image per page (the PNGs, one per
      page of IN.pdf in order, e.g. from `pdftoppm -r 200 -gray -png`), each
      stretched over the page size of IN.pdf (from `pdfinfo`).  No text layer.
      cairo stores gray pixels losslessly as 8-bit DeviceGray (Flate).
  variants.py truth IN.truth.json SOURCE OUT.truth.json
      Copies a truth file with "source" set to SOURCE, written as generate.py
      writes it (indent=1, ensure_ascii=False, final newline).
"""
import base64
import json
import re
import subprocess
import sys

CREATE_DATE = "2023-06-30T09:00:00+08:00"   # the fixed date of generate.py


# The opening and closing lines of a ToUnicode CMap (two-byte codes), around its bfchar or
# bfrange blocks.
CMAP_HEAD = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
             "/CIDSystemInfo", "<< /Registry (Adobe)", "   /Ordering (UCS)",
             "   /Supplement 0", ">> def", "/CMapName /Adobe-Identity-UCS def",
             "/CMapType 2 def", "1 begincodespacerange", "<0000> <ffff>",
             "endcodespacerange"]
CMAP_TAIL = ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end", ""]


def type0_font(objs, font):
    """(key, dict) of the one Type0 font whose /BaseFont contains font."""
    hits = [(k, v["value"]) for k, v in objs.items()
            if isinstance(v.get("value"), dict)
            and v["value"].get("/Subtype") == "/Type0"
            and font in v["value"].get("/BaseFont", "")]
    if len(hits) != 1:
        sys.exit("expected one Type0 font with %r, found %d" % (font, len(hits)))
    return hits[0]


def write_update(path, objs):
    with open(path, "w") as fh:
        json.dump({"qpdf": [{"jsonversion": 2}, objs]}, fh, indent=1, sort_keys=True)


def cmap_codes(cmap):
    """All source codes of a ToUnicode CMap (bfchar and bfrange entries)."""
    codes = set()
    for body in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        codes.update(int(c, 16) for c in re.findall(r"<([0-9a-fA-F]+)>\s*<[0-9a-fA-F]+>", body))
    for body in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for lo, hi in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*[<\[]", body):
            codes.update(range(int(lo, 16), int(hi, 16) + 1))
    return sorted(codes)


def pua_cmap(codes):
    """A two-byte ToUnicode CMap mapping code c to U+E000 + c, as bfranges of
    consecutive codes that share their first byte (at most 100 per block)."""
    assert codes and codes[-1] <= 0x18FF, "U+E000 + code would leave the PUA"
    runs = []
    for c in codes:
        if runs and c == runs[-1][1] + 1 and c >> 8 == runs[-1][0] >> 8:
            runs[-1][1] = c
        else:
            runs.append([c, c])
    out = list(CMAP_HEAD)
    for i in range(0, len(runs), 100):
        block = runs[i:i + 100]
        out.append("%d beginbfrange" % len(block))
        out += ["<%04x> <%04x> <%04x>" % (lo, hi, 0xE000 + lo) for lo, hi in block]
        out.append("endbfrange")
    out += CMAP_TAIL
    return "\n".join(out)


def drop_tounicode(src, font, upd):
    objs = json.load(open(src))["qpdf"][1]
    key, fd = type0_font(objs, font)
    fd = {k: v for k, v in fd.items() if k != "/ToUnicode"}
    write_update(upd, {key: {"value": fd}})


def pua_tounicode(src, font, upd):
    objs = json.load(open(src))["qpdf"][1]
    key, fd = type0_font(objs, font)
    tu = "obj:%s" % fd["/ToUnicode"]
    stream = objs[tu]["stream"]
    if "data" not in stream:
        sys.exit("%s: no inline stream data (use --json-stream-data=inline)" % src)
    codes = cmap_codes(base64.b64decode(stream["data"]).decode("latin-1"))
    data = base64.b64encode(pua_cmap(codes).encode("ascii")).decode("ascii")
    sdict = {k: v for k, v in stream["dict"].items()
             if k not in ("/Filter", "/DecodeParms", "/Length")}
    write_update(upd, {tu: {"stream": {"dict": sdict, "data": data}}})
    print("%s: %d codes (%04x..%04x) -> U+%04X..U+%04X"
          % (tu, len(codes), codes[0], codes[-1], 0xE000 + codes[0], 0xE000 + codes[-1]))


def tounicode_map(cmap):
    """code -> character of a ToUnicode CMap (bfchar, and bfranges of one start)."""
    out = {}
    for body in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for c, u in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", body):
            out[int(c, 16)] = bytes.fromhex(u).decode("utf-16-be")
    for body in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for lo, hi, u in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>",
                                    body):
            for c in range(int(lo, 16), int(hi, 16) + 1):
                out[c] = chr(int(u, 16) + c - int(lo, 16))
    return out


def literal_bytes(s):
    """The bytes of a PDF literal string's body (escapes undone)."""
    out, i = bytearray(), 0
    escapes = {"n": 10, "r": 13, "t": 9, "b": 8, "f": 12}
    while i < len(s):
        c = s[i]
        if c != "\\":
            out.append(ord(c))
            i += 1
            continue
        i += 1
        m = re.match(r"[0-7]{1,3}", s[i:])
        if m:
            out.append(int(m.group(0), 8) & 0xFF)
            i += len(m.group(0))
        elif s[i] in escapes:
            out.append(escapes[s[i]])
            i += 1
        elif s[i] in "\r\n":
            i += 1
        else:
            out.append(ord(s[i]))
            i += 1
    return bytes(out)


def strings(data):
    """(start, end, kind, body) of the font selections and strings of a content stream."""
    i = 0
    while i < len(data):
        c = data[i]
        if c == "%":
            j = data.find("\n", i)
            i = len(data) if j < 0 else j + 1
        elif c == "(":
            depth, j = 1, i + 1
            while depth:
                if data[j] == "\\":
                    j += 1
                elif data[j] == "(":
                    depth += 1
                elif data[j] == ")":
                    depth -= 1
                j += 1
            yield i, j, "bytes", literal_bytes(data[i + 1:j - 1])
            i = j
        elif c == "<" and data[i + 1:i + 2] != "<":
            j = data.index(">", i)
            yield i, j + 1, "bytes", bytes.fromhex(re.sub(r"\s", "", data[i + 1:j]))
            i = j + 1
        elif c == "<":
            i += 2
        elif c == "/":
            m = re.match(r"(/[^\s/\[\]()<>{}%]+)\s+[-\d.]+\s+Tf", data[i:])
            if m:
                yield i, i + len(m.group(0)), "font", m.group(1)
                i += len(m.group(0))
            else:
                i += 1
        else:
            i += 1


def legacy_bytes(src, font, codec, upd):
    """The Type0 font's text as the bytes of its characters in codec, through a non-embedded
    single-byte font with WinAnsiEncoding; characters codec lacks become "?"."""
    objs = json.load(open(src))["qpdf"][1]
    key, fd = type0_font(objs, font)
    tu = objs["obj:%s" % fd["/ToUnicode"]]["stream"]
    cmap = tounicode_map(base64.b64decode(tu["data"]).decode("latin-1"))
    names = font_names(objs, key[len("obj:"):])
    base = {"gbk": "SimSun", "big5": "MingLiU", "shift_jis": "MS-Mincho", "euc_kr": "Batang"}
    simple = {"/Type": "/Font", "/Subtype": "/TrueType", "/BaseFont": "/" + base[codec],
              "/Encoding": "/WinAnsiEncoding", "/FirstChar": 32, "/LastChar": 255,
              "/Widths": [500] * 224}
    update = {key: {"value": simple}}
    for k, v in objs.items():
        stream = v.get("stream")
        if not stream or "data" not in stream:
            continue
        data = base64.b64decode(stream["data"]).decode("latin-1")
        if not any(n in data for n in names):
            continue
        out, pos, current = [], 0, None
        for start, end, kind, body in strings(data):
            if kind == "font":
                current = body
            elif current in names:
                text = "".join(cmap.get(int.from_bytes(body[i:i + 2], "big"), "?")
                               for i in range(0, len(body) - 1, 2))
                out.append(data[pos:start] + "<" + text.encode(codec, "replace").hex() + ">")
                pos = end
        out.append(data[pos:])
        sdict = {kk: vv for kk, vv in stream["dict"].items()
                 if kk not in ("/Filter", "/DecodeParms", "/Length")}
        update[k] = {"stream": {"dict": sdict, "data": base64.b64encode(
            "".join(out).encode("latin-1")).decode("ascii")}}
    write_update(upd, update)


def permute_tounicode(src, font, upd):
    objs = json.load(open(src))["qpdf"][1]
    key, fd = type0_font(objs, font)
    tu = "obj:%s" % fd["/ToUnicode"]
    stream = objs[tu]["stream"]
    cmap = tounicode_map(base64.b64decode(stream["data"]).decode("latin-1"))
    codes = sorted(cmap)
    pairs = [(c, cmap[codes[(i + 7) % len(codes)]]) for i, c in enumerate(codes)]
    out = list(CMAP_HEAD)
    for i in range(0, len(pairs), 100):
        block = pairs[i:i + 100]
        out.append("%d beginbfchar" % len(block))
        out += ["<%04x> <%s>" % (c, u.encode("utf-16-be").hex()) for c, u in block]
        out.append("endbfchar")
    out += CMAP_TAIL
    data = base64.b64encode("\n".join(out).encode("ascii")).decode("ascii")
    sdict = {k: v for k, v in stream["dict"].items()
             if k not in ("/Filter", "/DecodeParms", "/Length")}
    write_update(upd, {tu: {"stream": {"dict": sdict, "data": data}}})


def short_metrics(src, font, upd):
    objs = json.load(open(src))["qpdf"][1]
    key, fd = type0_font(objs, font)
    cid = objs["obj:%s" % fd["/DescendantFonts"][0]]["value"]
    descriptor = "obj:%s" % cid["/FontDescriptor"]
    value = dict(objs[descriptor]["value"], **{"/Ascent": 200, "/Descent": -50})
    write_update(upd, {descriptor: {"value": value}})


def font_names(objs, ref):
    """The resource names under which pages and forms of objs use font object ref."""
    names = set()
    for v in objs.values():
        fonts = v.get("value").get("/Resources", v["value"]) \
            if isinstance(v.get("value"), dict) else {}
        fonts = fonts.get("/Font", {}) if isinstance(fonts, dict) else {}
        if isinstance(fonts, str):       # an indirect font dictionary
            fonts = objs.get("obj:" + fonts, {}).get("value", {})
        names |= {n for n, r in fonts.items() if r == ref}
    return names


def misread_digits(body, seen):
    """body (a literal string's bytes) with every third 0 and 1 read as O and I; seen counts
    the digits met so far, across strings."""
    out = bytearray()
    for b in body:
        if b in b"01":
            seen[0] += 1
            if seen[0] % 3 == 0:
                b = ord("O") if b == ord("0") else ord("I")
        out.append(b)
    return bytes(out)


def ocr_layer(src, font, upd):
    objs = json.load(open(src))["qpdf"][1]
    key, fd = type0_font(objs, font)
    cmap = tounicode_map(base64.b64decode(
        objs["obj:%s" % fd["/ToUnicode"]]["stream"]["data"]).decode("latin-1"))
    codes = sorted(cmap)
    misread = {c: codes[(i + 7) % len(codes)] for i, c in enumerate(codes)}
    names = font_names(objs, key[len("obj:"):])
    update, glyphs, digits = {}, [0], [0]
    for k, v in objs.items():
        stream = v.get("stream")
        if not stream or "data" not in stream:
            continue
        data = base64.b64decode(stream["data"]).decode("latin-1")
        if not re.search(r"\bBT\b", data):
            continue
        out, pos, current = [], 0, None
        for start, end, kind, body in strings(data):
            out.append(re.sub(r"(?<![\w/])BT(?!\w)", "BT 3 Tr", data[pos:start]))
            if kind == "font":
                current = body
                out.append(data[start:end])
            elif current in names:
                shown = []
                for i in range(0, len(body) - 1, 2):
                    c = int.from_bytes(body[i:i + 2], "big")
                    glyphs[0] += 1
                    shown.append(misread.get(c, c) if glyphs[0] % 11 == 0 else c)
                out.append("<" + "".join("%04x" % c for c in shown) + ">")
            else:
                out.append("<" + misread_digits(body, digits).hex() + ">")
            pos = end
        out.append(re.sub(r"(?<![\w/])BT(?!\w)", "BT 3 Tr", data[pos:]))
        sdict = {kk: vv for kk, vv in stream["dict"].items()
                 if kk not in ("/Filter", "/DecodeParms", "/Length")}
        update[k] = {"stream": {"dict": sdict, "data": base64.b64encode(
            "".join(out).encode("latin-1")).decode("ascii")}}
    write_update(upd, update)


def gbk_bytes(src, font, upd):
    legacy_bytes(src, font, "gbk", upd)


def page_sizes(pdf):
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "100000", pdf], check=True,
                          capture_output=True, text=True).stdout
    return [(float(w), float(h)) for w, h in
            re.findall(r"^Page +\d+ size: +([\d.]+) x ([\d.]+) pts", info, re.M)]


def scan(src, out, pngs):
    import cairo  # only here: the font steps run where python3-cairo is not installed
    sizes = page_sizes(src)
    if len(sizes) != len(pngs):
        sys.exit("%s has %d pages but %d images given" % (src, len(sizes), len(pngs)))
    surface = cairo.PDFSurface(out, *sizes[0])
    surface.set_metadata(cairo.PDFMetadata.CREATOR, "recto samples/variants.sh (scan)")
    surface.set_metadata(cairo.PDFMetadata.CREATE_DATE, CREATE_DATE)
    surface.set_metadata(cairo.PDFMetadata.MOD_DATE, CREATE_DATE)
    cr = cairo.Context(surface)
    for (w, h), png in zip(sizes, pngs):
        surface.set_size(w, h)
        img = cairo.ImageSurface.create_from_png(png)
        cr.save()
        cr.scale(w / img.get_width(), h / img.get_height())
        cr.set_source_surface(img, 0, 0)
        cr.paint()
        cr.restore()
        cr.show_page()
    surface.finish()


def truth(src, source, out):
    with open(src, encoding="utf-8") as fh:
        t = json.load(fh)
    t["source"] = source
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(t, fh, ensure_ascii=False, indent=1)
        fh.write("\n")


if __name__ == "__main__":
    cmds = {"drop-tounicode": (drop_tounicode, 3), "pua-tounicode": (pua_tounicode, 3),
            "gbk-bytes": (gbk_bytes, 3), "permute-tounicode": (permute_tounicode, 3), "legacy-bytes": (legacy_bytes, 4),
            "ocr-layer": (ocr_layer, 3), "short-metrics": (short_metrics, 3),
            "truth": (truth, 3)}
    a = sys.argv[1:]
    if a and a[0] == "scan" and len(a) >= 4:
        scan(a[1], a[2], a[3:])
    elif a and a[0] in cmds and len(a) == 1 + cmds[a[0]][1]:
        cmds[a[0]][0](*a[1:])
    else:
        sys.exit(__doc__)
