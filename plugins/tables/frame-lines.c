/* frame-lines.c: see frame-lines.h. */
#include "frame-lines.h"

#include "grid-parts.h"

/* Where the segment @s stands: 0 inside @grid's frame, 1 right of it, clear of it by a type
 * size at least, 2 elsewhere (across its edge or close to it, left of it, above or below). */
static int
side_of (const Grid *grid, const Segment *s)
{
  if (box_inside (&s->box, &grid->box))
    return 0;
  if (s->box.y2 < grid->box.y1 || s->box.y1 > grid->box.y2)
    return 2;
  return s->box.x1 > grid->box.x2 + s->size ? 1 : 2;
}

/* Whether no rule of @rules but the frame's side @edge stands by @box: text in the open, not
 * in another ruled table beside this one. */
static gboolean
in_the_open (const Rules *rules, float edge, const RectoBox *box, float size)
{
  for (guint i = 0; i < rules->vertical->len; i++)
    {
      const Rule *r = &g_array_index (rules->vertical, Rule, i);
      if (r->pos > edge + TOUCH && r->pos < box->x2 + size && r->from < box->y2 && r->to > box->y1)
        return FALSE;
    }
  for (guint i = 0; i < rules->horizontal->len; i++)
    {
      const Rule *r = &g_array_index (rules->horizontal, Rule, i);
      if (r->pos > box->y1 - size && r->pos < box->y2 + size && r->from < box->x2
          && r->to > edge + TOUCH)
        return FALSE;
    }
  return TRUE;
}

/* The glyph of @line where its part in @grid and its part beyond the frame's right side meet,
 * or 0 when the line is not those two parts in that order (the segments of each part follow
 * one another), no vertical rule of @rules draws that side of the frame across the line, or
 * the part beyond stands among other rules. */
static guint
frame_cut (const GArray *segments, const RectoLine *line, const Grid *grid, const Rules *rules)
{
  int first_side = 3, last_side = 3, changes = 0;
  guint cut = 0;
  RectoBox beyond = { G_MAXFLOAT, G_MAXFLOAT, -G_MAXFLOAT, -G_MAXFLOAT };

  for (guint i = 0; i < segments->len; i++)
    {
      const Segment *s = &g_array_index (segments, Segment, i);
      int side;
      if (s->line != line)
        continue;
      side = side_of (grid, s);
      if (side == 2)
        return 0;
      if (first_side == 3)
        first_side = side;
      else if (side != last_side)
        changes++, cut = s->first;
      last_side = side;
      if (side == 1)
        {
          beyond.x1 = MIN (beyond.x1, s->box.x1), beyond.y1 = MIN (beyond.y1, s->box.y1);
          beyond.x2 = MAX (beyond.x2, s->box.x2), beyond.y2 = MAX (beyond.y2, s->box.y2);
        }
    }
  if (changes != 1 || first_side != 0 || last_side != 1
      || rule_coverage (rules->vertical, grid->box.x2, line->box.y1, line->box.y2)
             < 0.6f * (line->box.y2 - line->box.y1)
      || !in_the_open (rules, grid->box.x2, &beyond, line->size > 0 ? line->size : 10))
    return 0;
  return cut;
}

/* The byte in @line's text where the text of its glyphs from @cut on begins, or -1 when its
 * text is not its glyphs' characters, spaces aside. */
static gssize
text_cut (const RectoPage *page, const RectoLine *line, guint cut)
{
  const char *p = line->text;
  gssize at = -1;

  for (guint i = 0; i < line->glyphs->len; i++)
    {
      gunichar c = g_array_index (page->chars, gunichar, g_array_index (line->glyphs, guint, i));
      if (g_unichar_isspace (c) || c == 0x3000)
        continue;
      while (*p != '\0' && (g_unichar_isspace (g_utf8_get_char (p)) || g_utf8_get_char (p) == 0x3000))
        p = g_utf8_next_char (p);
      if (g_utf8_get_char (p) != c)
        return -1;
      if (i >= cut && at < 0)
        at = p - line->text;
      p = g_utf8_next_char (p);
    }
  return at;
}

/* The box of glyphs [@from, @to) of @line (spaces aside). */
static RectoBox
glyphs_box (const RectoPage *page, const RectoLine *line, guint from, guint to)
{
  RectoBox box = { G_MAXFLOAT, G_MAXFLOAT, -G_MAXFLOAT, -G_MAXFLOAT };

  for (guint i = from; i < to; i++)
    {
      guint glyph = g_array_index (line->glyphs, guint, i);
      const RectoBox *b = &g_array_index (page->boxes, RectoBox, glyph);
      gunichar c = g_array_index (page->chars, gunichar, glyph);
      if (g_unichar_isspace (c) || c == 0x3000)
        continue;
      box.x1 = MIN (box.x1, b->x1), box.y1 = MIN (box.y1, b->y1);
      box.x2 = MAX (box.x2, b->x2), box.y2 = MAX (box.y2, b->y2);
    }
  return box;
}

/* Cuts line @index of @page at glyph @cut, text byte @at: the glyphs from @cut on make a line
 * of their own just after it, and @segments of them point to it. */
static void
split_line (RectoPage *page, GArray *segments, guint index, guint cut, gssize at)
{
  RectoLine *line = g_ptr_array_index (page->lines, index), *rest;
  g_autofree char *head = g_strndup (line->text, (gsize) at);
  RectoBox box = glyphs_box (page, line, cut, line->glyphs->len);

  rest = recto_page_add_line (page, g_strstrip (line->text + at), &box);
  g_ptr_array_insert (page->lines, (gint) index + 1,
                      g_ptr_array_steal_index (page->lines, page->lines->len - 1));
  rest->font = line->font, rest->size = line->size, rest->flags = line->flags;
  rest->role = line->role;
  rest->column_x1 = line->column_x1, rest->column_x2 = line->column_x2;
  rest->glyphs = g_array_sized_new (FALSE, FALSE, sizeof (guint), line->glyphs->len - cut);
  g_array_append_vals (rest->glyphs, &g_array_index (line->glyphs, guint, cut),
                       line->glyphs->len - cut);
  g_array_set_size (line->glyphs, cut);
  line->box = glyphs_box (page, line, 0, cut);
  g_free (line->text);
  line->text = g_strdup (g_strstrip (head));
  for (guint i = 0; i < segments->len; i++)
    {
      Segment *s = &g_array_index (segments, Segment, i);
      if (s->line == line && s->first >= cut)
        s->line = rest, s->first -= cut, s->end -= cut;
    }
}

void
frame_lines_split (RectoPage *page, GArray *segments, const GPtrArray *grids, const Rules *rules)
{
  for (guint g = 0; g < grids->len; g++)
    {
      const Grid *grid = g_ptr_array_index (grids, g);
      for (guint i = 0; i < page->lines->len; i++)
        {
          RectoLine *line = g_ptr_array_index (page->lines, i);
          guint cut;
          gssize at;
          if (line->role != RECTO_LINE_BODY || !line->has_box || line->glyphs == NULL
              || line->box.x2 < grid->box.x1 || line->box.x1 > grid->box.x2)
            continue;
          cut = frame_cut (segments, line, grid, rules);
          at = cut > 0 ? text_cut (page, line, cut) : -1;
          if (at > 0)
            split_line (page, segments, i, cut, at);
        }
    }
}
