/* font-learning-private.h: what the files of font learning share (font-learning.c picks and
 * reads the rows, font-learning-votes.c counts the votes, font-learning-dropped.c keeps the
 * glyphs drawn without text, font-learning-latin.c holds the rules of narrow (Latin) type,
 * font-learning-latin-ends.c reads the letters Poppler dropped in its rows,
 * font-learning-map.c elects each code's character and decodes the fonts, font-learning-rows.c
 * joins the rows of a line cut apart at glyphs drawn without text). Not a public API. */
#pragma once

#include "font-learning.h"
#include "row-alignment.h"
#include "text-rows.h"
#include "turned-rows.h"

/* The votes for one code of one font. */
typedef struct
{
  guint occurrences;
  guint readings;
  guint blank; /* glyphs of it seen drawn with no ink (a space glyph) */
  GArray *candidates; /* Candidate */
  guint shape_looks; /* how often its glyph's shape was looked at (glyph-shapes.c) */
  gunichar dash; /* the glyph is a bar across its box: the dash its width says, or 0 */
  gunichar sign; /* the sign its shape says (a circled number, □, √), or 0 */
  gboolean wave; /* the glyph is a wave (a tilde): readings of a bar are misreadings */
} CodeVotes;

typedef struct
{
  gunichar c;
  guint count;
  float weight;
} Candidate;

/* The character of a glyph drawn without text that OCR gave no symbol (certainty 0: a gap). */
#define UNREAD_GLYPH 0xFFFD

/* A glyph the source drew without text, read by OCR in the hole it leaves (queued for its page:
 * learning_dropped_on()). */
typedef struct
{
  guint before; /* the glyph it goes before */
  gunichar c;
  RectoBox box;
  float certainty;
  /* The unmapped font it is a glyph of (a code that reads as white space), or NULL */
  const char *font;
} DroppedGlyph;

/* One reading a row's glyph gave its code (font-learning-misread.c). */
typedef struct
{
  guint row; /* index in Learning.rows */
  CodeVotes *votes;
  gunichar c;
  float weight;
} Ballot;

typedef struct
{
  RectoDocument *doc;
  const GArray *surveys;
  OcrPool *pool;
  const FontLearningOptions *options;
  GArray *rows; /* TextRow */
  GHashTable *votes; /* font → GHashTable (code → CodeVotes*) */
  const guint *batch; /* the rows being read */
  GPtrArray *dropped; /* by page: GArray of the DroppedGlyph queued for it */
  GArray *ballots; /* Ballot, the readings behind the votes, row after row */
  /* Space glyphs (0x20) of unmapped fonts in the rows read: learning_glyph_key() → SpaceGlyph.
   * Poppler gives a space for the spaces it puts between words and for the glyphs whose codes read
   * as white space (0x20, tab, line feed…): several codes, so no one map entry. Only the ink tells
   * a glyph from a space, and each such glyph is read where it stands. */
  GHashTable *spaces;
  GHashTable *inked_space_fonts; /* fonts with a space glyph drawn with ink */
  GHashTable *advances; /* font → the advance of its narrow glyphs (font-learning.c) */
  /* font → GArray of the widths, in ems, of its glyphs seen drawn with no ink in narrow type:
   * its word spaces (font-learning-latin.c) */
  GHashTable *word_spaces;
  /* Most of the fonts numbered from 0x21 read often enough to be judged alone give characters
   * their glyphs are not (learning_numbered_fonts_wrong()) */
  gboolean numbered_wrong;
} Learning;

/* Poppler gives one space for a run of glyphs whose codes read as white space: two or three
 * letters ("pr" of "provision"), a whole word ("of"), CJK characters side by side (常委会). */
#define SPACE_MAX_READINGS 8
/* The most blank runs noted within one such run that may be word spaces. */
#define SPACE_MAX_SPLITS 4
/* A space glyph's box this many ems of its row tall or less shows only its row's ink. */
#define OWN_BAND_EMS 1.25f

typedef struct
{
  gboolean inked;
  gboolean own_band; /* its box is no taller than OWN_BAND_EMS of its row's em */
  RectoBox ink; /* where its ink stands (inked) */
  guint most; /* the most glyphs its ink is wide enough for: its ink over the font's advance */
  float word_gap; /* the least gap beside its ink that is a word space */
  float em; /* its row's */
  /* The blank runs within its ink as wide as word_gap, where they stand: those as wide as its
   * font's word spaces are word spaces ("t r" of "asset registers"). */
  guint n_splits;
  RectoBox splits[SPACE_MAX_SPLITS]; /* the blank runs' columns (x1, x2; y unused) */
  guint n; /* symbols OCR read on it, left to right */
  gunichar c[SPACE_MAX_READINGS];
  float confidence; /* the least of theirs */
} SpaceGlyph;

/* A hole narrower than this share of an em is the space between words. */
#define HOLE_EMS 0.8f
/* In CJK type a space glyph, or its ink, narrower than this share of an em is a word space (a
 * sliver, between an ideograph and a digit) or a neighbour's edge: its glyphs fill their ems. */
#define CJK_SPACE_GLYPH_EMS 0.5f
/* Type whose median glyph is narrower than this share of an em is narrow (Latin); in it a
 * gap of NARROW_HOLE_EMS may be a letter Poppler dropped (an "i" is a quarter em wide), or a
 * word space: only ink tells them apart. */
#define NARROW_EMS 0.7f
#define NARROW_HOLE_EMS 0.2f
/* The most letters read in one gap of narrow type. */
#define NARROW_RUN_MAX 8
/* How far beyond a row's ends, in ems, OCR looks for glyphs drawn without text. */
#define EDGE_EMS TEXT_ROWS_GUTTER_EMS
/* OCR's readings of glyphs drawn without text are taken only from this confidence up: a
 * misreading would add a glyph that is not there. */
#define MIN_DROPPED_CONFIDENCE 0.5f
/* The least gap, in ems, between a glyph's ink and its neighbour's box that is a word space:
 * Poppler breaks words at a tenth of an em, and the glyphs' side bearings add about as much
 * again; the glyphs of a word stand closer. */
#define WORD_GAP_EMS 0.15f
/* A blank run within the ink of glyphs Poppler gives one space for is a word space when at
 * least this share of the width of its font's word spaces: the gap a word space leaves between
 * inks is its advance and its neighbours' side bearings, less the grey columns at the ink's
 * edges; a word's letters stand closer, though not always by WORD_GAP_EMS (Noto Serif's "of",
 * 0.19 em apart, its word space 0.25 em). */
#define WORD_SPACE_SHARE 0.8f
/* The least share of ink in an em where a glyph was drawn (a full stop has about 2 %). */
#define MIN_INK_SHARE 0.01

/* See learning_font_has_cells(). */
#define CELL_EMS 0.4f
#define FULL_CELL_EMS 0.75f
/* How far past a glyph's box, in ems, the next glyph of its row may start and still end its cell
 * (learning_glyph_cell()): a tenth, what Poppler's boxes round off. */
#define CELL_TOUCH_EMS 0.1f

/* One over the share of a font's glyphs narrower than what font learning takes for its narrow
 * advance ("i", "l"): the least width a letter of it is taken to take. */
#define NARROW_SHARE 20

/* font-learning.c */
CodeVotes *learning_votes_for (Learning *learning, const char *font, gunichar code);
gpointer learning_glyph_key (guint page, guint glyph);
const char *learning_font_of (const RectoPage *page, guint glyph);
float learning_font_advance (Learning *learning, const char *font);
/* Whether @font sets its glyphs in cells, as CJK type does: none is narrower than CELL_EMS of an
 * em (NARROW_SHARE aside), for ASCII takes a half-width cell and every other sign a full one
 * (in Latin type "i" and "l" take a quarter of an em). In such a font a glyph wider than
 * FULL_CELL_EMS is in a full cell (an ASCII reading of it is OCR's: the page sets "０", "："),
 * and a bar in a half cell is the one ASCII bar, the hyphen, however long its ink (SimHei's
 * fills the cell, as an en dash does in Latin type). */
gboolean learning_font_has_cells (Learning *learning, const char *font);
/* The cell of a glyph of code @code, @box (the width of its advance, as Poppler gives it): up to
 * where the next glyph of its row, @next (or NULL) of code @next_code, starts, where that is
 * within @box. A producer that sets every glyph with an advance of an em and places each
 * itself (GB/T 3620.1's tables) gives a "." a box an em wide that the next digit starts 0.06 em
 * into: its box says nothing of its width. A next glyph of the same code is taken for the
 * glyph drawn again (bold made by overprinting), not for a neighbour. @bounded (may be NULL)
 * is set to whether the next glyph ends the cell: it starts within the box or at its end
 * (CELL_TOUCH_EMS of its height); a row's last glyph has only the box of its advance. */
RectoBox learning_glyph_cell (const RectoBox *box, gunichar code, const RectoBox *next,
                              gunichar next_code, gboolean *bounded);
int learning_compare_floats (gconstpointer a, gconstpointer b);
GArray *learning_row_items (Learning *learning, const TextRow *row, gboolean narrow);

/* font-learning-votes.c */
gunichar learning_fit_width (gunichar c, const RectoBox *box, float em, gboolean narrow);
guint learning_count_votes (Learning *learning, TextRow *row);
/* Gives the holes of a row of narrow type, @holes (RowItem), back the letters the alignment gave
 * a space glyph beside them (@pairs, @counts and @taken of @items and @symbols, updated): holes
 * are left out of the alignment, and a symbol an em away from a glyph costs it no more than one
 * further off, so a glyph whose codes read as white space takes the ends of the run of letters
 * Poppler dropped in a hole beside it ("th" of vol612's "Arrangements for the" took the "or"
 * of "for", dropped in the hole before it: "f orth"). A symbol at an end of the glyph's run,
 * off its ink, in a hole and beside a symbol of the same hole that no glyph took, is the
 * hole's; a lone symbol in a hole is left to the glyph (a hole over a column's gutter, in a
 * row Poppler gave across two columns, holds the next column's first letter). */
void learning_leave_holes_their_letters (const GArray *items, const GArray *holes,
                                         const GArray *symbols, int *pairs, guint *counts,
                                         gboolean *taken, float em);

/* font-learning-misread.c */
/* Keeps the reading @c, of @weight, that @row gave code @votes, with the vote. */
void learning_ballot (Learning *learning, const TextRow *row, CodeVotes *votes, gunichar c,
                      float weight);
/* Takes the readings of the rows OCR misread as a whole out of the votes (see the file); returns
 * how many rows. */
guint learning_take_back_misread_rows (Learning *learning);

/* font-learning-dropped.c */
/* An empty queue of glyphs drawn without text for each of @n_pages pages (Learning.dropped). */
GPtrArray *learning_dropped_new (guint n_pages);
/* The glyphs drawn without text queued for page @page (DroppedGlyph). */
GArray *learning_dropped_on (Learning *learning, guint page);
void learning_add_dropped (Learning *learning, const TextRow *row, guint before,
                           const OcrSymbol *symbol, const RectoBox *box, gboolean narrow);
/* Where *@c, OCR's reading of the ink at @ink of a row of narrow type (@em), is a capital
 * letter, reads that ink again with two ems of the row each side and, where one
 * symbol stands on the ink and it is a lowercase letter, sets *@c to it and @confidence to its
 * confidence; returns whether it did. A glyph drawn without text is read in its row's reading
 * as a capital where it begins a word or a row ("Tequests", "Practice" on
 * vol511-lost-body-text), a capital its font's map gives another code: no reading at all. The
 * same ink read with its neighbours alone gives "re-" and "practic". */
gboolean learning_read_capital_again (Learning *learning, const TextRow *row, const RectoBox *ink,
                                      float em, gunichar *c, float *confidence);
void learning_add_unread (Learning *learning, const TextRow *row, guint before,
                          const RectoBox *box);
/* Whether OCR read the ink of symbol @j of @symbols twice, as two characters: it and another
 * symbol no glyph of the row took (@taken, by symbol), the wider of their boxes at most twice
 * the narrower, share more than half of the narrower (Tesseract reads csrc's "*" of "*ST华泽"
 * as "*" and as "#", each at 0.97 or more; a box it stretched over its neighbours, "政" 71
 * points wide in Putuo's heading, is no second reading of them, nor is the drifted box of the
 * glyph beside it, "实" of "实施" in a lost-body-text volume). Neither reading is sure: a glyph
 * drawn without text read so is a gap (learning_add_unread()). */
gboolean learning_symbol_doubled (const GArray *symbols, const gboolean *taken, guint j);
void learning_collect_edges (Learning *learning, const TextRow *row, const GArray *items,
                             const GArray *symbols, const int *pairs, const guint *counts,
                             float em);
void learning_insert_dropped (Learning *learning, FontLearningReport *report);
/* Whether a rule runs across @row (read: its image) through @box: a column of the image inked
 * through the row's glyphs' height and on to the image's top or bottom edge (a table's cell
 * border beside a cell's text, which runs on into the row above or below), which OCR reads as
 * "|" or a bracket. A glyph stands inside the line, the image's margins clear of it. */
gboolean learning_crosses_a_rule (const TextRow *row, const RectoBox *box);
/* Whether what OCR read at @box of a row of @page is other glyphs of the page, not a glyph
 * drawn without text: some glyph stands at its middle, or the glyphs crossing its middle
 * column cover half its height or more. A row in a table cell that spans two rows of the next
 * column stands between their lines; past its end its image shows the foot of the one and the
 * head of the other, which OCR reads as something ("全全＜"), in no glyph's middle. */
gboolean learning_shows_other_glyphs (const RectoPage *page, const RectoBox *box);
/* The part of @box (of a row of @page) that no other glyph of the page covers, in @part: from
 * the foot of the glyphs over its top edge to the head of those under its bottom edge; FALSE
 * where other glyphs show there (learning_shows_other_glyphs()). */
gboolean learning_uncovered_part (const RectoPage *page, const RectoBox *box, RectoBox *part);

/* font-learning-latin.c */
gboolean learning_is_blank (const RectoImage *image, const RectoBox *area, double scale,
                            const RectoBox *box, gboolean space);
gboolean learning_row_is_narrow (Learning *learning, const TextRow *row);
void learning_drop_blank_items (Learning *learning, const TextRow *row, GArray *items,
                                gboolean narrow);
void learning_read_space_glyph (Learning *learning, const TextRow *row, const RowItem *item,
                                const GArray *symbols, int first, guint n, float em,
                                gboolean narrow);
gunichar learning_dash_of_width (float ems, gboolean cells);
/* Sorts each font's word spaces, once every row is read (see learning_decode_space()). */
void learning_settle_word_spaces (Learning *learning);
/* Decodes space glyph @i of @page, a glyph of the font whose learned map is @mappings
 * (RectoGlyphMapping, by code). */
void learning_decode_space (Learning *learning, RectoPage *page, guint i, const GArray *mappings,
                            RectoFontCheck *check);

/* font-learning.c */
/* Tesseract may stretch the box of a line's first symbol over the blank margin before it, to
 * the image's left edge (an "i" Poppler dropped from a row's start, boxed from 27 points
 * before it): the first of @symbols (page coordinates, read from @area) that starts there and
 * is wider than @em keeps its last em. */
void learning_trim_first_symbol (GArray *symbols, const RectoBox *area, float em);

/* font-learning-latin-ends.c */
/* The sides of a gap of narrow type where a glyph of its row stands: both for a hole; the room
 * before a row's first glyph has one after it, the room past its last one before it. Ink that
 * runs on into the gap from such a side is that glyph's; from another side it is more of the
 * letters the gap lost, cut by the room's edge. */
typedef enum
{
  GAP_GLYPH_BEFORE = 1 << 0,
  GAP_GLYPH_AFTER = 1 << 1,
} GapSides;

void learning_add_dropped_run (Learning *learning, const TextRow *row, const GArray *symbols,
                               const guint *run, guint n, const RectoBox *gap, GapSides glyphs,
                               guint before);
guint learning_narrow_gap_symbols (const GArray *symbols, gboolean *taken, const RectoBox *gap,
                                   float em, guint *run);
void learning_collect_narrow_edges (Learning *learning, const TextRow *row, const GArray *items,
                                    const GArray *symbols, gboolean *taken, float em);

/* font-learning-rows.c */
/* Joins again the rows of @learning of one line of CJK type that a run of glyphs drawn without
 * text, wider than a column gutter, cut apart; the gap becomes holes read by OCR. */
void learning_join_split_rows (Learning *learning);

/* font-learning-map.c */
gboolean learning_is_bar (gunichar c);
/* Elects the character of each code of @codes (code → CodeVotes) into @mappings
 * (RectoGlyphMapping, by code; emptied first), however certain; a reading given once is doubted
 * (ONCE_DOUBT) if @doubt_once. */
void learning_elect_codes (GHashTable *codes, gboolean doubt_once, GArray *mappings);
/* A character another code of the font reads this sure (twice or more) is that code's. */
#define HELD_CERTAINTY 0.9f
/* Whether a code of @mappings (RectoGlyphMapping) other than the one at @self gives @c at least
 * @min_certainty sure, read @min_readings times or more: a font draws a character with one
 * glyph, so another code's readings of it are misreadings. @c itself, not its width twin: a CJK
 * font may draw "-" and "－", "1" and "１" with glyphs of their own. A code Poppler gives as @c
 * itself holds nothing: it may be a piece of a ligature Poppler splits ("fi" as "f", "i"). */
gboolean learning_held_elsewhere (const GArray *mappings, guint self, gunichar c,
                                  float min_certainty, guint min_readings);
/* Elects again each code of @mappings (as learning_elect_codes() elected them from @codes) less
 * sure than @min_certainty, without its readings of a character another code reads surely:
 * a font draws a character with one glyph, so those readings are
 * misreadings ("，" for a "；" whose votes split 7 to 6, beside a code read "，" 27 times at
 * 0.99). The new election stands where it is sure enough and its reading was given twice at
 * least and a third of the time. */
void learning_elect_unheld (GHashTable *codes, gboolean doubt_once, float min_certainty,
                            GArray *mappings);
/* Whether most of the fonts numbered from 0x21 (font-survey.h) whose readings are enough to judge
 * their maps alone have wrong ones: the document's numbering says what a font of one or two
 * such codes, too few to judge, is. */
gboolean learning_numbered_fonts_wrong (Learning *learning);
/* A font's elected map, not yet recorded: the document's good text may still fill its gaps
 * (context-readings.h). */
typedef struct
{
  const FontSurvey *survey;
  GHashTable *codes; /* code → CodeVotes: OCR's readings */
  GArray *mappings; /* RectoGlyphMapping, by code */
  RectoFontCheck check; /* its codes sampled against their readings */
  gboolean wrong; /* its map is wrong: every glyph is decoded */
  guint confirmed; /* doubtful codes whose reading a second reading confirmed */
} ElectedFont;

/* The ElectedFont of @font in @elected (ElectedFont), or NULL. */
ElectedFont *learning_find_elected (GArray *elected, const char *font);

/* Elects the characters of @survey's codes (@codes) into @font, confirms the doubtful ones and
 * judges the font's map; learning_record_map() then records and applies them. */
void learning_elect_font (Learning *learning, const FontSurvey *survey, GHashTable *codes,
                          ElectedFont *font);
void learning_record_map (Learning *learning, ElectedFont *font, FontLearningReport *report);

/* What learning_record_map() makes of a glyph of an elected font. */
typedef enum
{
  GLYPH_SPACE, /* a space Poppler gave: read where it stands (learning_decode_space()) */
  GLYPH_KEPT, /* a character the font gives validly, kept */
  GLYPH_BLANK, /* a code drawn with no ink: a space */
  GLYPH_DECODED, /* a code given the character of its mapping */
  GLYPH_REPLACED, /* a valid-looking character of a wrong map, replaced by its mapping's */
  GLYPH_GAP, /* a code without a certain character: a gap */
} GlyphDecoding;

/* The mapping of @code in @mappings (by code), or NULL. */
const RectoGlyphMapping *learning_find_mapping (const GArray *mappings, gunichar code);
/* What becomes of the glyph @code, @width wide in type of @size, of a font whose elected
 * @mappings (by code) are @wrong or not; @mapping is set to the mapping used (DECODED,
 * REPLACED, BLANK, or GAP when the code has one), else NULL. */
GlyphDecoding learning_decode_glyph (const FontSurvey *survey, const GArray *mappings,
                                     gboolean wrong, gunichar code, float width, float size,
                                     const RectoGlyphMapping **mapping);
/* Decodes the glyphs of @font through @map and marks them recovered: its codes, and, where its
 * map is wrong, every glyph; a character the font gives validly is kept otherwise. Space glyphs
 * are learning_decode_space()'s. A reading less certain than wanted was left out of the map
 * (character 0): its glyphs are marked unrecovered. Counts into @check and @blank. */
void learning_decode_font (Learning *learning, const ElectedFont *font, const RectoFontMap *map,
                           RectoFontCheck *check, guint *blank);
