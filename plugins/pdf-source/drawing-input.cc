/* drawing-input.cc: see drawing-input.h.
 *
 * Why: Poppler 22.12 reads a PDF's output intent (the catalog's one /OutputIntents entry, its
 * /DestOutputProfile) afresh for every Gfx it makes, and builds four colour transforms from it
 * each time (Gfx::initDisplayProfile()): for each page laid out for its text, each page drawn,
 * and each glyph of a Type 3 font, which cairo draws through a Gfx of its own once per glyph
 * and size. A PDF/A whose text is set in Type 3 fonts (Hancom's Korean) spent about 17 ms on
 * each (sRGB IEC61966-2.1's tabulated curves are inverted for every transform): 88-94 % of
 * converting opendataloader__NA_minutes_414_1 and opendataloader__bill_text_2125318 of
 * ../shared/real, far above pdftotext's whole run. Poppler converts through that profile only
 * the colour spaces ICCBased (also as a Default colour space, an alternate or a base; its
 * transforms are built against the profile), CalGray, CalRGB and Lab (through its XYZ
 * transforms). A PDF of which nothing the catalog reaches names one of them is laid out and
 * drawn to the same glyphs and pixels without it, so its pages are read from an incremental
 * update of the same bytes whose catalog lists no output intent (the TEI of every PDF of
 * ../shared/real, the clean volumes and the samples is byte-identical). Any other PDF is read
 * as it is. These headers are not a stable API (Debian's libpoppler-private-dev), as in
 * text-layer.cc. */
#include <cstdarg>
#include <cstring>
#include <vector>

#include <glib/gprintf.h>

#include <Object.h> /* before Array.h and Dict.h, whose inline calls it defines */
#include <Array.h>
#include <Dict.h>
#include <GlobalParams.h>
#include <PDFDoc.h>
#include <Stream.h>
#include <XRef.h>

#include "drawing-input.h"

/* Poppler writes the update through this: the bytes gather in a GByteArray. */
class ByteOutStream : public OutStream
{
public:
  ByteOutStream () : bytes (g_byte_array_new ()) {}
  ~ByteOutStream () override
  {
    if (bytes != NULL)
      g_byte_array_unref (bytes);
  }

  void close () override {}
  Goffset getPos () override { return (Goffset) bytes->len; }
  void
  put (char c) override
  {
    g_byte_array_append (bytes, reinterpret_cast<const guint8 *> (&c), 1);
  }
  void
  printf (const char *format, ...) override
  {
    va_list args;
    char *text = NULL;

    /* By the length printed, not up to a NUL: an xref stream's binary rows are written as
     * "%c"s. */
    va_start (args, format);
    gint n = g_vasprintf (&text, format, args);
    va_end (args);
    if (n > 0)
      g_byte_array_append (bytes, reinterpret_cast<const guint8 *> (text), (guint) n);
    g_free (text);
  }

  GBytes *
  steal ()
  {
    GBytes *out = g_byte_array_free_to_bytes (bytes);
    bytes = NULL;
    return out;
  }

private:
  GByteArray *bytes;
};

/* The objects reached from the catalog, each once, and whether one of them names a colour
 * space that Poppler converts through the output intent's profile. */
class ColourScan
{
public:
  explicit ColourScan (XRef *xrefA) : xref (xrefA), seen (xrefA->getNumObjects (), false) {}

  /* Whether @object (a catalog), or anything it reaches but its output intents, names one. */
  bool
  catalog_converts (const Object &catalog)
  {
    const Dict *dict = catalog.getDict ();

    for (int i = 0; i < dict->getLength (); i++)
      if (strcmp (dict->getKey (i), "OutputIntents") != 0)
        visit (dict->getValNF (i));
    while (!pending.empty () && !converts)
      {
        Ref ref = pending.back ();
        pending.pop_back ();
        visit (xref->fetch (ref));
      }
    return converts;
  }

private:
  XRef *xref;
  std::vector<bool> seen;
  std::vector<Ref> pending;
  bool converts = false;

  /* Notes what @object names, and queues the objects it refers to. */
  void
  visit (const Object &object)
  {
    if (object.isName ())
      converts = converts || object.isName ("ICCBased") || object.isName ("CalRGB")
                 || object.isName ("CalGray") || object.isName ("Lab");
    else if (object.isRef ())
      {
        Ref ref = object.getRef ();
        if (ref.num >= 0 && ref.num < (int) seen.size () && !seen[ref.num])
          {
            seen[ref.num] = true;
            pending.push_back (ref);
          }
      }
    else if (object.isArray ())
      for (int i = 0; i < object.arrayGetLength (); i++)
        visit (object.arrayGetNF (i));
    else if (object.isDict () || object.isStream ())
      {
        const Dict *dict = object.isDict () ? object.getDict () : object.streamGetDict ();
        for (int i = 0; i < dict->getLength (); i++)
          visit (dict->getValNF (i));
      }
  }
};

extern "C" GBytes *
drawing_input_new (GBytes *input)
{
  gsize length = 0;
  const char *data = static_cast<const char *> (g_bytes_get_data (input, &length));
  bool damaged = false;

  if (!globalParams)
    return NULL;
  auto *stream = new MemStream (data, 0, (Goffset) length, Object (objNull));
  /* A damaged PDF's cross-references are rebuilt by scanning its bytes, and an update's would
   * be too, maybe to other objects: such a PDF is read as it is. */
  PDFDoc doc (stream, {}, {}, nullptr, [&damaged] () { damaged = true; });
  if (!doc.isOk () || doc.isEncrypted () || damaged)
    return NULL;
  XRef *xref = doc.getXRef ();
  Object catalog = xref->getCatalog ();
  if (!catalog.isDict () || !catalog.dictLookup ("OutputIntents").isArray ()
      || ColourScan (xref).catalog_converts (catalog) || damaged)
    return NULL;

  Dict *plain = catalog.getDict ()->copy (xref);
  plain->remove ("OutputIntents");
  Object plain_catalog (plain);
  xref->setModifiedObject (&plain_catalog, { xref->getRootNum (), xref->getRootGen () });
  ByteOutStream out;
  if (doc.saveAs (&out, writeForceIncremental) != errNone)
    return NULL;
  return out.steal ();
}
