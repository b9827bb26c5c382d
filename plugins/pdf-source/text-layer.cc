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

/* A TextOutputDev that also notes which glyphs leave no ink on the page: drawn in render mode 3
 * (neither filled nor stroked; 7 only clips), or filled and stroked only with an opacity of 0.
 * A Type 3 glyph paints as its own procedure says, whatever the mode: it is never noted. Each
 * drawn glyph is noted by its position in the content stream, which the TextPage counts the
 * same way (its codes' bytes) and gives each word (TextWord::getCharPos()). */
class InkOutputDev : public TextOutputDev
{
public:
  InkOutputDev () : TextOutputDev (nullptr, true, 0, false, false) {}

  void
  drawChar (GfxState *state, double x, double y, double dx, double dy, double originX,
            double originY, CharCode c, int nBytes, const Unicode *u, int uLen) override
  {
    drawn.push_back ({ position, leaves_ink (state) });
    position += nBytes;
    TextOutputDev::drawChar (state, x, y, dx, dy, originX, originY, c, nBytes, u, uLen);
  }

  /* Whether every glyph drawn from content position @from up to @to left no ink. */
  bool
  inkless (int from, int to) const
  {
    auto it = std::lower_bound (drawn.begin (), drawn.end (), Drawn{ from, true },
                                [] (const Drawn &a, const Drawn &b) { return a.pos < b.pos; });
    bool any = false;

    for (; it != drawn.end () && (it->pos < to || (from == to && it->pos == from)); ++it)
      {
        if (it->ink)
          return false;
        any = true;
      }
    return any;
  }

private:
  struct Drawn
  {
    int pos;
    bool ink;
  };
  std::vector<Drawn> drawn;
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

static bool
word_inkless (const InkOutputDev &device, const TextWord *word)
{
  return device.inkless (word->getCharPos (), word->getCharPos () + word->getCharLen ());
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
 * and @inkless from @device: a word's glyphs are inkless when all it was drawn from left no ink
 * (a space between words, when both words are). A code beyond Unicode (glib's UTF-8 drops it) is
 * left out with its box. */
static glong
read_words (const std::vector<const TextWord *> &words, const InkOutputDev &device,
            gunichar *chars, PopplerRectangle *rects, guint8 *inkless, GList **attributes,
            glong *turned)
{
  PopplerTextAttributes *run = nullptr;
  const TextWord *previous = nullptr;
  int previous_i = 0;
  glong n = 0;

  for (size_t w = 0; w < words.size (); w++)
    {
      const TextWord *word = words[w];
      bool hidden = word_inkless (device, word);
      for (int i = 0; i < word->getLength (); i++)
        {
          PopplerRectangle *rect = &rects[n];
          if (*word->getChar (i) > 0x10FFFF)
            continue;
          chars[n] = *word->getChar (i);
          inkless[n] = hidden;
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
          inkless[n] = hidden && word_inkless (device, words[w + 1]);
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
  return device.takeText ();
}

extern "C" glong
text_layer_read_page (TextLayer *layer, int index, glong max_chars, gunichar **chars,
                      PopplerRectangle **rects, guint8 **inkless, GList **attributes,
                      glong turned[4])
{
  Page *page = layer->doc->getPage (index + 1);
  InkOutputDev device;
  TextPage *text;
  glong n;

  *chars = NULL, *rects = NULL, *inkless = NULL, *attributes = NULL;
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
      *inkless = g_new (guint8, n);
      n = read_words (words, device, *chars, *rects, *inkless, attributes, turned);
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
