/* builder.h: what the paragraph stage knows as it walks the lines of the volume: its options,
 * the open block and the lines it ended on, the open footnote, and the page breaks, furniture
 * and notes that wait for the next block to say where they go. */
#pragma once

#include <recto/recto.h>

#include "hyphenation.h"
#include "line-measures.h"
#include "pitches.h"
#include "text-lines.h"

/* The paragraph stage's options. */
typedef struct
{
  double gap;
  double indent;
  double fill;
} ParagraphsConfig;

/* A paragraph that broke off mid-sentence at the foot of a column or page, where a float set
 * smaller (a chart's labels, its caption) came first in the next: its block, its first and
 * last lines, those lines' pages, and whether a caption came among the float's lines so far;
 * block NULL when none waits. */
typedef struct
{
  RectoBlock *block;
  const RectoLine *first, *prev;
  const RectoPage *first_page, *prev_page;
  const LineMeasures *prev_measures;
  gboolean captioned;
} HeldBlock;

typedef struct
{
  RectoDocument *doc;
  const ParagraphsConfig *config;
  Hyphenation *hyphenation;
  Pitches pitches;
  RectoBlock *body;
  RectoBlock *block; /* the open block, or NULL */
  const RectoLine *first; /* its first line */
  const RectoPage *first_page; /* and that line's page */
  const RectoLine *prev; /* its last line */
  const RectoPage *prev_page; /* and that line's page */
  const LineMeasures *prev_measures; /* and that line's measures */
  RectoBlock *note; /* the open footnote of this page, or NULL */
  GPtrArray *markers; /* the markers of the notes that open on this page, each once */
  GHashTable *called; /* marker → the note its anchor holds, waiting for the note's lines */
  RectoBlock *page_break; /* the <pb> of the page being read */
  gboolean page_ended; /* a page-number line inside a text page ended the page */
  guint64 last_page_number; /* the last printed page number of a text page, 0 before any */
  guint text_measure; /* the measure of text-only lines, in display columns */
  TextSpacing spacing; /* how a text-only document spaces its lines */
  gboolean blank_since_text; /* a blank line came after the block's last line */
  gboolean page_turned; /* a page began after the block's last line */
  GPtrArray *pending; /* pb, fw and notes waiting for the next block to say where they go */
  HeldBlock held; /* a paragraph a float broke off, which a later line may go on with */
} Builder;
