/* text-layer.cc: see text-layer.h.
 *
 * Why C++ on Poppler's own classes, not poppler-glib: glib's text calls walk the page's words
 * through a selection of the whole page, and a selection narrows to each block's and each line's
 * box in turn; a word of no width (a TeX \not stroke, a TikZ figure's bullets: glyphs whose
 * advance is 0) at the start of a line lies on the edge of that box and is left out, where
 * pdftotext, walking the words themselves, keeps it (37 characters of GeoTopo-komprimiert in
 * ../shared/corpus). No glib call gives them but poppler_page_find_text(), and searching every
 * page for each of its characters doubles the cost of reading it. poppler-cpp's text_list()
 * walks the words too, but gives no colour or underline, and with fonts it loads every font of
 * the page again (1.75 times glib's instructions, GeoTopo pages 36-45). This file lays out the
 * page as glib does (one TextOutputDev pass, the same settings) and walks its flows, blocks,
 * lines and words in the order glib's selection visits them: the characters, boxes and
 * attribute runs are glib's, but for its line ends, plus the glyphs of no width (checked on
 * every PDF of ../shared/real, ../shared/corpus and samples/). These headers are not a stable
 * API (Debian's libpoppler-private-dev): another Poppler than 22.12 may want this file
 * changed. */
#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

/* Poppler's library is built with its word list (its glib and cpp bindings need it); the
 * classes' layout depends on it. */
#define TEXTOUT_WORD_LIST 1
#include <Gfx.h>
#include <GfxFont.h>
#include <GfxState.h>
#include <GlobalParams.h>
#include <Page.h>
#include <PDFDoc.h>
#include <Stream.h>
#include <TextOutputDev.h>

#include "text-layer.h"

struct _TextLayer
{
  PDFDoc *doc;
  GBytes *input; /* the document's stream reads these bytes */
};

static PDFDoc *
open_doc (GBytes *input, const char *password)
{
  gsize length = 0;
  const char *data = static_cast<const char *> (g_bytes_get_data (input, &length));
  std::optional<GooString> secret;

  if (password != NULL)
    secret.emplace (password);
  auto *stream = new MemStream (data, 0, (Goffset) length, Object (objNull));
  return new PDFDoc (stream, secret, secret);
}

extern "C" TextLayer *
text_layer_open (GBytes *input, const char *password)
{
  TextLayer *layer;
  PDFDoc *doc;

  if (!globalParams)
    return NULL;
  doc = open_doc (input, password);
  if (!doc->isOk () && password != NULL)
    {
      /* As poppler-glib does: a password typed in UTF-8 may be the Latin-1 one. */
      g_autofree char *latin1 = g_convert (password, -1, "ISO-8859-1", "UTF-8", NULL, NULL, NULL);
      if (latin1 != NULL)
        {
          delete doc;
          doc = open_doc (input, latin1);
        }
    }
  if (!doc->isOk ())
    {
      delete doc;
      return NULL;
    }
  layer = g_new0 (TextLayer, 1);
  layer->doc = doc;
  layer->input = g_bytes_ref (input);
  return layer;
}

extern "C" void
text_layer_free (TextLayer *layer)
{
  if (layer == NULL)
    return;
  delete layer->doc;
  g_bytes_unref (layer->input);
  g_free (layer);
}

/* A TextOutputDev that also notes which glyphs the page does not show (TextHidden): drawn in
 * render mode 3 (neither filled nor stroked; 7 only clips), or filled and stroked only with an
 * opacity of 0; drawn wholly outside the clip in force (a table cell's number drawn far below
 * its cell, the cell's clip cutting it away); or drawn under an opaque fill that a later
 * rectangle paints over it. A Type 3 glyph paints as its own procedure says, whatever the
 * mode: it is never inkless. Each drawn glyph is noted by its position in the content stream,
 * which the TextPage counts the same way (its codes' bytes) and gives each word
 * (TextWord::getCharPos()). */
class InkOutputDev : public TextOutputDev
{
public:
  InkOutputDev () : TextOutputDev (nullptr, true, 0, false, false) {}

  void
  drawChar (GfxState *state, double x, double y, double dx, double dy, double originX,
            double originY, CharCode c, int nBytes, const Unicode *u, int uLen) override
  {
    Drawn glyph = { position, TEXT_SHOWN, core_box (state, x, y, dx, dy) };

    if (!leaves_ink (state))
      glyph.hidden = TEXT_INKLESS;
    else if (outside_clip (state, glyph.core))
      glyph.hidden = TEXT_CLIPPED;
    drawn.push_back (glyph);
    position += nBytes;
    TextOutputDev::drawChar (state, x, y, dx, dy, originX, originY, c, nBytes, u, uLen);
  }

  void
  fill (GfxState *state) override
  {
    note_fill (state, false);
    TextOutputDev::fill (state);
  }

  void
  eoFill (GfxState *state) override
  {
    note_fill (state, true);
    TextOutputDev::eoFill (state);
  }

  /* Marks TEXT_COVERED the shown glyphs that a fill noted after them covers. Call once the
   * page is drawn. */
  void
  find_covered ()
  {
    std::vector<size_t> by_top (drawn.size ());

    if (fills.empty ())
      return;
    for (size_t i = 0; i < drawn.size (); i++)
      by_top[i] = i;
    std::sort (by_top.begin (), by_top.end (),
               [this] (size_t a, size_t b) { return drawn[a].core.y1 < drawn[b].core.y1; });
    for (const Fill &fill : fills)
      {
        auto it = std::lower_bound (by_top.begin (), by_top.end (), fill.box.y1,
                                    [this] (size_t i, double y) { return drawn[i].core.y1 < y; });
        for (; it != by_top.end () && drawn[*it].core.y1 <= fill.box.y2; ++it)
          {
            Drawn &glyph = drawn[*it];
            if (glyph.pos < fill.pos && glyph.hidden == TEXT_SHOWN && inside (glyph.core, fill.box))
              glyph.hidden = TEXT_COVERED;
          }
      }
  }

  /* How the glyphs drawn from content position @from up to @to are hidden: TEXT_SHOWN when one
   * of them is shown (or none was drawn), TEXT_INKLESS when all left no ink, else how most of
   * them are hidden. */
  TextHidden
  hidden (int from, int to) const
  {
    auto it = std::lower_bound (drawn.begin (), drawn.end (), from,
                                [] (const Drawn &a, int pos) { return a.pos < pos; });
    int counts[4] = { 0, 0, 0, 0 };

    for (; it != drawn.end () && (it->pos < to || (from == to && it->pos == from)); ++it)
      {
        if (it->hidden == TEXT_SHOWN)
          return TEXT_SHOWN;
        counts[it->hidden]++;
      }
    if (counts[TEXT_INKLESS] + counts[TEXT_CLIPPED] + counts[TEXT_COVERED] == 0)
      return TEXT_SHOWN;
    if (counts[TEXT_CLIPPED] + counts[TEXT_COVERED] == 0)
      return TEXT_INKLESS;
    return counts[TEXT_CLIPPED] >= counts[TEXT_COVERED] ? TEXT_CLIPPED : TEXT_COVERED;
  }

private:
  struct Box
  {
    double x1, y1, x2, y2;
  };
  struct Drawn
  {
    int pos;
    TextHidden hidden;
    Box core; /* where its ink lies, in the page's frame (core_box()) */
  };
  struct Fill
  {
    int pos; /* the content position when it was painted: glyphs before it lie under it */
    Box box;
  };
  std::vector<Drawn> drawn;
  std::vector<Fill> fills;
  int position = 0;

  static bool
  leaves_ink (const GfxState *state)
  {
    int mode = state->getRender () & 3;
    bool fills = mode == 0 || mode == 2, strokes = mode == 1 || mode == 2;

    if (state->getFont () != nullptr && state->getFont ()->getType () == fontType3)
      return true;
    return (fills && state->getFillOpacity () > 0) || (strokes && state->getStrokeOpacity () > 0);
  }

  static bool
  inside (const Box &a, const Box &b)
  {
    return a.x1 >= b.x1 && a.x2 <= b.x2 && a.y1 >= b.y1 && a.y2 <= b.y2;
  }

  /* Where a glyph drawn at @x, @y (user space) advancing @dx, @dy leaves its ink, in the page's
   * frame: from its origin to its advance, and from its baseline up half its size (the body of
   * a letter or digit: a box from the font's ascent and descent would reach into the lines
   * around it). */
  static Box
  core_box (const GfxState *state, double x, double y, double dx, double dy)
  {
    double ux, uy, px[4], py[4];
    Box box;

    state->textTransformDelta (0, 0.5 * state->getFontSize (), &ux, &uy);
    state->transform (x, y, &px[0], &py[0]);
    state->transform (x + dx, y + dy, &px[1], &py[1]);
    state->transform (x + ux, y + uy, &px[2], &py[2]);
    state->transform (x + dx + ux, y + dy + uy, &px[3], &py[3]);
    box = { px[0], py[0], px[0], py[0] };
    for (int i = 1; i < 4; i++)
      {
        box.x1 = std::min (box.x1, px[i]), box.x2 = std::max (box.x2, px[i]);
        box.y1 = std::min (box.y1, py[i]), box.y2 = std::max (box.y2, py[i]);
      }
    return box;
  }

  static bool
  outside_clip (const GfxState *state, const Box &core)
  {
    double x1, y1, x2, y2;

    state->getClipBBox (&x1, &y1, &x2, &y2);
    return core.x2 < x1 || core.x1 > x2 || core.y2 < y1 || core.y1 > y2;
  }

  /* Notes the rectangles of the path @state fills, as far as its clip lets them paint, where
   * they paint opaquely: each closed subpath of four corners lined up with the page (a
   * rectangle's), and only a path of one of them when filled even-odd (two would cancel where
   * they cross). */
  void
  note_fill (const GfxState *state, bool even_odd)
  {
    const GfxPath *path = state->getPath ();
    double cx1, cy1, cx2, cy2;

    if (state->getFillOpacity () < 1 || state->getBlendMode () != gfxBlendNormal
        || (even_odd && path->getNumSubpaths () != 1))
      return;
    state->getClipBBox (&cx1, &cy1, &cx2, &cy2);
    for (int s = 0; s < path->getNumSubpaths (); s++)
      {
        Box box;
        if (!rectangle (state, path->getSubpath (s), &box))
          continue;
        box = { std::max (box.x1, cx1), std::max (box.y1, cy1), std::min (box.x2, cx2),
                std::min (box.y2, cy2) };
        if (box.x1 < box.x2 && box.y1 < box.y2)
          fills.push_back ({ position, box });
      }
  }

  /* Whether @subpath is a rectangle lined up with the page; its box in the page's frame. */
  static bool
  rectangle (const GfxState *state, const GfxSubpath *subpath, Box *box)
  {
    int n = subpath->getNumPoints ();
    double xs[5], ys[5];

    if (n == 5 && (subpath->getX (4) != subpath->getX (0) || subpath->getY (4) != subpath->getY (0)))
      return false;
    if (n != 4 && n != 5)
      return false;
    for (int i = 0; i < 4; i++)
      state->transform (subpath->getX (i), subpath->getY (i), &xs[i], &ys[i]);
    *box = { std::min ({ xs[0], xs[1], xs[2], xs[3] }), std::min ({ ys[0], ys[1], ys[2], ys[3] }),
             std::max ({ xs[0], xs[1], xs[2], xs[3] }), std::max ({ ys[0], ys[1], ys[2], ys[3] }) };
    /* Every corner on the box's edges, each side along one axis. */
    for (int i = 0; i < 4; i++)
      {
        int j = (i + 1) % 4;
        bool along_x = fabs (ys[i] - ys[j]) < 0.01, along_y = fabs (xs[i] - xs[j]) < 0.01;
        if (!along_x && !along_y)
          return false;
      }
    return true;
  }
};

/* The page's words in reading order: flows, blocks, lines, words. */
static std::vector<const TextWord *>
page_words (const TextPage *text)
{
  std::vector<const TextWord *> words;

  for (const TextFlow *flow = text->getFlows (); flow != nullptr; flow = flow->getNext ())
    for (const TextBlock *block = flow->getBlocks (); block != nullptr; block = block->getNext ())
      for (const TextLine *line = block->getLines (); line != nullptr; line = line->getNext ())
        for (const TextWord *word = line->getWords (); word != nullptr; word = word->getNext ())
          words.push_back (word);
  return words;
}

/* Whether glyph @i of @a and glyph @j of @b share poppler-glib's text attributes. */
static bool
same_attributes (const TextWord *a, int i, const TextWord *b, int j)
{
  double ar, ag, ab, br, bg, bb;

  if (!a->getFontInfo (i)->matches (b->getFontInfo (j)) || a->getFontSize () != b->getFontSize ()
      || a->isUnderlined () != b->isUnderlined ())
    return false;
  a->getColor (&ar, &ag, &ab);
  b->getColor (&br, &bg, &bb);
  return ar == br && ag == bg && ab == bb;
}

/* Glyph @i of @word's attributes as poppler-glib gives them, but for the font's name, which
 * keeps its subset tag ("ABCDEF+": page-reader.c tells subsets of one name apart by it); "Default"
 * when it has no name. */
static PopplerTextAttributes *
new_attributes (const TextWord *word, int i, glong index)
{
  PopplerTextAttributes *attributes = poppler_text_attributes_new ();
  const GooString *font = word->getFontName (i);
  const char *name = font != nullptr ? font->c_str () : "";
  double r, g, b;

  attributes->font_name = g_strdup (*name != '\0' ? name : "Default");
  attributes->font_size = word->getFontSize ();
  attributes->is_underlined = word->isUnderlined ();
  word->getColor (&r, &g, &b);
  attributes->color.red = (guint16) (r * 65535 + 0.5);
  attributes->color.green = (guint16) (g * 65535 + 0.5);
  attributes->color.blue = (guint16) (b * 65535 + 0.5);
  attributes->start_index = attributes->end_index = (int) index;
  return attributes;
}

/* Whether @word is followed by a space: poppler-glib puts one after a word that has space
 * after it, but for the page's last. */
static bool
space_after (const std::vector<const TextWord *> &words, size_t w)
{
  return words[w]->hasSpaceAfter () && w + 1 < words.size ();
}

static TextHidden
word_hidden (const InkOutputDev &device, const TextWord *word)
{
  return device.hidden (word->getCharPos (), word->getCharPos () + word->getCharLen ());
}

static glong
count_chars (const std::vector<const TextWord *> &words)
{
  glong n = 0;

  for (size_t w = 0; w < words.size (); w++)
    n += words[w]->getLength () + (space_after (words, w) ? 1 : 0);
  return n;
}

/* Fills the characters, boxes and attribute runs of @words, as text_layer_read_page() says,
 * and @hidden from @device: a word's glyphs are hidden as all it was drawn from is
 * (a space between words, when both words are). A code beyond Unicode (glib's UTF-8 drops it) is
 * left out with its box. */
static glong
read_words (const std::vector<const TextWord *> &words, const InkOutputDev &device,
            gunichar *chars, PopplerRectangle *rects, guint8 *hidden, GList **attributes,
            glong *turned)
{
  PopplerTextAttributes *run = nullptr;
  const TextWord *previous = nullptr;
  int previous_i = 0;
  glong n = 0;

  for (size_t w = 0; w < words.size (); w++)
    {
      const TextWord *word = words[w];
      TextHidden word_is = word_hidden (device, word);
      for (int i = 0; i < word->getLength (); i++)
        {
          PopplerRectangle *rect = &rects[n];
          if (*word->getChar (i) > 0x10FFFF)
            continue;
          chars[n] = *word->getChar (i);
          hidden[n] = word_is;
          /* Drawn turned, not set in vertical writing (whose lines Poppler turns too). */
          if (word->getFontInfo (i)->getWMode () == 0)
            turned[word->getRotation ()]++;
          word->getCharBBox (i, &rect->x1, &rect->y1, &rect->x2, &rect->y2);
          if (previous != nullptr && same_attributes (word, i, previous, previous_i))
            run->end_index = (int) n;
          else
            {
              run = new_attributes (word, i, n);
              *attributes = g_list_prepend (*attributes, run);
            }
          previous = word, previous_i = i;
          n++;
        }
      if (space_after (words, w) && run != nullptr)
        {
          /* Boxed from this word to the next along its line, as high as this one (as glib
           * boxes it, where the line runs across the page); in the run before it. */
          double x1, y1, x2, y2, next_x1, next_y1, next_x2, next_y2;
          word->getBBox (&x1, &y1, &x2, &y2);
          words[w + 1]->getBBox (&next_x1, &next_y1, &next_x2, &next_y2);
          chars[n] = ' ';
          hidden[n] = word_hidden (device, words[w + 1]) == word_is ? word_is : TEXT_SHOWN;
          switch (word->getRotation ())
            {
            case 1: /* down the page */
              rects[n] = { x1, y2, x2, next_y1 };
              break;
            case 3: /* up the page */
              rects[n] = { x1, next_y2, x2, y1 };
              break;
            default:
              rects[n] = { x2, y1, next_x1, y2 };
            }
          run->end_index = (int) n++;
        }
    }
  *attributes = g_list_reverse (*attributes);
  return n;
}

/* Lays out page @page as poppler-glib lays out a page for its text calls: its content stream
 * (annotations aside) at 72 dpi, cropped, into a device that keeps glib's physical-layout
 * setting. The caller owns the TextPage. */
static TextPage *
lay_out (Page *page, InkOutputDev &device)
{
  Gfx *gfx = page->createGfx (&device, 72.0, 72.0, 0, false, true, -1, -1, -1, -1, false, nullptr,
                              nullptr);

  page->display (gfx);
  delete gfx; /* which ends the page: the device lays out its text */
  device.find_covered ();
  return device.takeText ();
}

extern "C" glong
text_layer_read_page (TextLayer *layer, int index, glong max_chars, gunichar **chars,
                      PopplerRectangle **rects, guint8 **hidden, GList **attributes,
                      glong turned[4])
{
  Page *page = layer->doc->getPage (index + 1);
  InkOutputDev device;
  TextPage *text;
  glong n;

  *chars = NULL, *rects = NULL, *hidden = NULL, *attributes = NULL;
  turned[0] = turned[1] = turned[2] = turned[3] = 0;
  if (page == nullptr)
    return -1;
  text = lay_out (page, device);
  std::vector<const TextWord *> words = page_words (text);
  n = count_chars (words);
  if (n > 0 && n <= max_chars)
    {
      *chars = g_new (gunichar, n);
      *rects = g_new (PopplerRectangle, n);
      *hidden = g_new (guint8, n);
      n = read_words (words, device, *chars, *rects, *hidden, attributes, turned);
    }
  text->decRefCnt ();
  return n;
}

/* An image at least this many times as wide as high (in its pixels) may be a line of text. */
#define MIN_STRIP_WIDTHS 3

/* Whether the image whose dictionary is @image is a strip: far wider than high. */
static bool
is_strip (Dict *image)
{
  Object width = image->lookup ("Width"), height = image->lookup ("Height");

  return width.isInt () && height.isInt () && height.getInt () > 0
         && width.getInt () >= MIN_STRIP_WIDTHS * height.getInt ();
}

/* Whether the XObjects of @resources, or of the forms among them down to @depth forms deep,
 * hold an image that is a strip. Only the objects' dictionaries are read, never their data. */
static bool
resources_hold_strips (Dict *resources, int depth)
{
  Object xobjects = resources->lookup ("XObject");

  if (!xobjects.isDict ())
    return false;
  for (int i = 0; i < xobjects.dictGetLength (); i++)
    {
      Object xobject = xobjects.dictGetVal (i);
      if (!xobject.isStream ())
        continue;
      Object subtype = xobject.streamGetDict ()->lookup ("Subtype");
      if (subtype.isName ("Image") && is_strip (xobject.streamGetDict ()))
        return true;
      if (subtype.isName ("Form") && depth > 0)
        {
          Object form_resources = xobject.streamGetDict ()->lookup ("Resources");
          if (form_resources.isDict () && resources_hold_strips (form_resources.getDict (), depth - 1))
            return true;
        }
    }
  return false;
}

/* How deep forms within forms are looked into for images (a bound: forms may name each other). */
#define IMAGE_FORM_DEPTH 2

extern "C" gboolean
text_layer_page_has_strips (TextLayer *layer, int index)
{
  Page *page = layer->doc->getPage (index + 1);
  Dict *resources = page != nullptr ? page->getResourceDict () : nullptr;

  return resources != nullptr && resources_hold_strips (resources, IMAGE_FORM_DEPTH);
}
