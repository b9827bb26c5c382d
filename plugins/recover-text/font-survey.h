/* font-survey.h: finds the fonts whose text layer is not text.
 *
 * Per font, over the whole document, it counts the glyphs whose character cannot be what is
 * printed: control characters, private-use code points, U+FFFD, noncharacters and unassigned
 * code points, and narrow characters (Latin letters, digits) in a glyph box a full em wide,
 * which is what a CJK font without a Unicode map gives (Poppler hands over the glyph's code).
 * A font where such glyphs are a fifth or more of its glyphs has no usable map: every glyph of
 * it is a code. Separately it counts glyphs in the ranges broken CJK maps produce for real
 * ideographs (Kangxi radicals, CJK radicals supplement, compatibility ideographs).
 *
 * A font with a usable map that gives rare characters (CJK Extension A and beyond, spacing
 * modifier letters), which wrong maps give for common ones ("˖" for "：", "㦓" for "荣"), is
 * suspect: OCR reads those characters only. Where such rare characters are a fifth or more of
 * the font's CJK glyphs (ideographs, full-width forms, rare characters), its map gives them for
 * common ones throughout (a CID font without a ToUnicode map, whose glyph numbers Poppler gives
 * as characters: "哾㦓" for "黎荣"): OCR reads every CJK glyph of it, and a character OCR
 * disagrees with twice (confirm-readings.h) is replaced.
 *
 * A font whose map gives Chinese in which almost no two ideographs in a row are out of a common
 * word (han-words.h) has a wrong map that only looks valid: every glyph of it is read, as of an
 * unmapped font, and OCR's verdict (font-verdict.h) decides whether its characters are replaced.
 *
 * A subset font without a Unicode map may number its glyphs by first use from 0x21, so that
 * Poppler gives ASCII punctuation, digits and capitals ("!\"#$%&'()") for ideographs whatever
 * their width (rotated tables): a font whose codes are exactly the first few printable ASCII
 * characters, without a hole, is numbered so. Real text never uses "!", "\"", "#" and "$"
 * while leaving out the letters, and its punctuation is a small share of its glyphs. Such a
 * font is read as an unmapped one; OCR's verdict (font-verdict.h) decides whether its
 * characters are replaced. A font with only one to three such codes says too little alone: it
 * is read when the document has a font numbered so with more.
 *
 * Symbol fonts (Wingdings, Symbol, the TeX mathematics fonts…) give private-use or odd codes
 * by design, and OCR cannot read dingbats: they are recognised by name and left alone.
 *
 * The survey reads each glyph once and allocates per font, not per glyph: on a volume with
 * nothing broken it is all recover-text costs. */
#pragma once

#include <recto/recto.h>

typedef struct
{
  const char *font; /* interned */
  guint glyphs; /* glyphs that are not white space */
  guint codes; /* glyphs whose character cannot be what is printed */
  guint lookalikes; /* glyphs in the look-alike ranges (Kangxi radicals…) */
  guint pages; /* pages the font appears on */
  guint rare; /* glyphs whose characters a wrong map gives for common ones (font_survey_is_rare) */
  guint cjk; /* glyphs of wide characters (ideographs, full-width forms) or rare ones */
  guint han_pairs; /* pairs of ideographs in a row */
  guint word_pairs; /* of them, pairs out of a common word (han-words.h) */
  gboolean unmapped; /* every glyph of the font is a code (or to be read as one: implausible) */
  gboolean implausible; /* its valid-looking Chinese is not Chinese: its map is wrong */
  gboolean suspect; /* not unmapped, but its rare characters are to be checked by OCR */
  gboolean rare_cjk; /* suspect, and its rare characters so many that all its CJK ones are checked */
  guint32 ascii[4]; /* which printable ASCII codes 0x20–0x7F its glyphs carry, a bit each */
  guint punctuation; /* glyphs that are ASCII punctuation */
  guint non_ascii; /* glyphs beyond printable ASCII */
  gboolean numbered; /* its codes number its glyphs by first use from 0x21: it has no map */
  gboolean symbols_read; /* a symbol font whose codes were read as symbols (symbol-codes.h) */
  gboolean symbols; /* a symbol font (dingbats, mathematics): its codes are left as they are */
  gboolean redecoded; /* its bytes were decoded again in a multi-byte encoding (mojibake.h) */
  gboolean misread_layer; /* its text is an OCR layer over scans, found misread (ocr-layer.h) */
} FontSurvey;

/* Surveys every font of @doc; returns FontSurvey, in order of first appearance. */
GArray *font_survey_run (RectoDocument *doc);

/* Whether @c, in a box @width wide of a font of @size, cannot be the printed character. */
gboolean font_survey_is_code (gunichar c, float width, float size);
/* Whether @c is a look-alike a broken CJK map gives for an ideograph; its ideograph in
 * *@ideograph. */
gboolean font_survey_is_lookalike (gunichar c, gunichar *ideograph);

/* Whether @c is a character real text seldom holds but wrong maps give for common ones: CJK
 * Extension A and beyond, spacing modifier letters ("˖" for "："). */
gboolean font_survey_is_rare (gunichar c);
/* Whether character @c of a suspect font is checked by OCR: a rare one, or any CJK one of a
 * font whose rare characters are many (rare_cjk). */
gboolean font_survey_checks (const FontSurvey *survey, gunichar c);
/* Whether glyph @c of @font is to be read by OCR: every glyph of an unmapped font, the checked
 * characters of a suspect one. */
gboolean font_survey_needs_reading (const GArray *surveys, const char *font, gunichar c);

/* The survey of @font (interned) in @surveys, or NULL. */
const FontSurvey *font_survey_find (const GArray *surveys, const char *font);
/* Whether @font (interned, or NULL) is one @surveys found without a usable map. */
gboolean font_survey_is_unmapped (const GArray *surveys, const char *font);
