/* note-lines.c: footnotes in the flow of blocks: a footnote line opens or continues a note
 * (its marker the note's n), and a body line's markers that call one of the page's notes get the
 * note in their place. */
#include "note-lines.h"

#include "line-joins.h"
#include "note-anchors.h"

/* A footnote line starts a note when it is the first or begins with a new marker (its size is
 * what set it apart). The marker goes into the note's n (TEI <note n="1">), as a label does for
 * a list item, and the note's text is what follows it. */
void
note_lines_add (Builder *b, const RectoPage *page, const RectoLine *line)
{
  gsize marker = note_marker_length (line->text);
  const char *text = line->text;

  if (marker > 0 && text[marker] != '\0')
    {
      g_autofree char *n = g_strstrip (g_strndup (text, marker));
      RectoBlock *called = g_hash_table_lookup (b->called, n);
      if (called != NULL)
        {
          g_hash_table_remove (b->called, n);
          b->note = called;
          text += marker;
        }
    }
  if (b->note == NULL || (marker > 0 && text == line->text))
    {
      b->note = recto_block_new (b->doc, RECTO_BLOCK_NOTE);
      recto_block_set_type (b->doc, b->note, "footnote");
      g_ptr_array_add (b->pending, b->note);
      if (marker > 0 && text[marker] != '\0')
        {
          g_autofree char *n = g_strstrip (g_strndup (text, marker));
          guint index;
          recto_block_set_n (b->note, n);
          text += marker;
          /* Opened before the text that calls it (read in another order): it stays put. */
          if (g_ptr_array_find_with_equal_func (b->markers, n, g_str_equal, &index))
            g_ptr_array_remove_index (b->markers, index);
        }
    }
  line_joins_join (b, b->note, text);
  recto_block_append_text (b->doc, b->note, text, -1);
  recto_block_add_line (b->note, page, line);
}

/* Appends @text, the text of @line from where it starts, to the open block, with a note in the
 * place of each marker that calls one of the page's notes: the note's lines fill it. */
void
note_lines_append_calling (Builder *b, const RectoPage *page, const RectoLine *line,
                           const char *text)
{
  g_autoptr (GArray) anchors = note_anchors_find (page, line, b->markers);
  gsize done = (gsize) (text - line->text);

  for (guint i = 0; i < anchors->len; i++)
    {
      const NoteAnchor *anchor = &g_array_index (anchors, NoteAnchor, i);
      char *marker = g_strndup (line->text + anchor->start, anchor->end - anchor->start);
      RectoBlock *note;
      if (anchor->start < done || g_hash_table_contains (b->called, marker))
        {
          g_free (marker);
          continue;
        }
      recto_block_append_text (b->doc, b->block, line->text + done, anchor->start - done);
      note = recto_block_append (b->doc, b->block, RECTO_BLOCK_NOTE);
      recto_block_set_type (b->doc, note, "footnote");
      recto_block_set_n (note, marker);
      recto_block_mark_repair (b->doc, note, "anchor-note", NULL);
      g_hash_table_insert (b->called, marker, note);
      done = anchor->end;
    }
  recto_block_append_text (b->doc, b->block, line->text + done, -1);
}
