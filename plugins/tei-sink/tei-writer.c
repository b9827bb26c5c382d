/* tei-writer.c: see tei-writer.h. */
#include <stdarg.h>
#include <string.h>

#include "tei-writer.h"

typedef struct
{
  gboolean mixed;
  gboolean has_elements; /* an element child was written: indent before the end tag */
} OpenElement;

struct _TeiWriter
{
  GOutputStream *stream;
  GError *error; /* first write error */
  xmlTextWriterPtr xml;
  GArray *open; /* OpenElement stack */
};

static int
write_to_stream (void *context, const char *buffer, int length)
{
  TeiWriter *writer = context;

  if (writer->error != NULL)
    return -1;
  if (!g_output_stream_write_all (writer->stream, buffer, length, NULL, NULL, &writer->error))
    return -1;
  return length;
}

static int
close_stream (void *context)
{
  return 0; /* the core owns and closes the stream */
}

TeiWriter *
tei_writer_new (GOutputStream *stream)
{
  TeiWriter *writer = g_new0 (TeiWriter, 1);
  xmlOutputBufferPtr buffer;

  writer->stream = stream;
  writer->open = g_array_new (FALSE, FALSE, sizeof (OpenElement));
  buffer = xmlOutputBufferCreateIO (write_to_stream, close_stream, writer, NULL);
  writer->xml = xmlNewTextWriter (buffer);
  xmlTextWriterStartDocument (writer->xml, "1.0", "UTF-8", NULL);
  return writer;
}

void
tei_writer_free (TeiWriter *writer)
{
  if (writer == NULL)
    return;
  xmlFreeTextWriter (writer->xml);
  g_array_unref (writer->open);
  g_clear_error (&writer->error);
  g_free (writer);
}

gboolean
tei_writer_finish (TeiWriter *writer, GError **error)
{
  int status = xmlTextWriterEndDocument (writer->xml);

  /* Freeing the writer flushes and closes its output buffer. */
  xmlFreeTextWriter (writer->xml);
  writer->xml = NULL;
  if (writer->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&writer->error));
      tei_writer_free (writer);
      return FALSE;
    }
  tei_writer_free (writer);
  if (status < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "libxml2 could not finish the XML");
      return FALSE;
    }
  return TRUE;
}

static OpenElement *
top (TeiWriter *writer)
{
  if (writer->open->len == 0)
    return NULL;
  return &g_array_index (writer->open, OpenElement, writer->open->len - 1);
}

static void
indent (TeiWriter *writer)
{
  char spaces[2 + 2 * 64] = "\n";
  guint depth = MIN (writer->open->len, 64);

  memset (spaces + 1, ' ', 2 * depth);
  spaces[1 + 2 * depth] = '\0';
  xmlTextWriterWriteRaw (writer->xml, (const xmlChar *) spaces);
}

void
tei_writer_start (TeiWriter *writer, const char *name, gboolean mixed)
{
  OpenElement *parent = top (writer);
  OpenElement element = { .mixed = mixed };

  if (parent != NULL)
    {
      element.mixed = element.mixed || parent->mixed;
      if (!parent->mixed)
        indent (writer);
      parent->has_elements = TRUE;
    }
  xmlTextWriterStartElement (writer->xml, (const xmlChar *) name);
  g_array_append_val (writer->open, element);
}

void
tei_writer_end (TeiWriter *writer)
{
  OpenElement *element = top (writer);
  gboolean indent_end;

  g_return_if_fail (element != NULL);
  indent_end = !element->mixed && element->has_elements;
  g_array_set_size (writer->open, writer->open->len - 1);
  if (indent_end)
    indent (writer);
  xmlTextWriterEndElement (writer->xml);
}

void
tei_writer_attribute (TeiWriter *writer, const char *name, const char *value)
{
  if (value == NULL)
    return;
  xmlTextWriterWriteAttribute (writer->xml, (const xmlChar *) name, (const xmlChar *) value);
}

void
tei_writer_attribute_printf (TeiWriter *writer, const char *name, const char *format, ...)
{
  va_list args;
  g_autofree char *value = NULL;

  va_start (args, format);
  value = g_strdup_vprintf (format, args);
  va_end (args);
  tei_writer_attribute (writer, name, value);
}

static gboolean
allowed_in_xml (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
         || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/* <g type="@type" n="@code">U+FFFD</g>: the replacement character shows where, @code says what. */
static void
write_marked_char (TeiWriter *writer, const char *type, const char *code)
{
  tei_writer_start (writer, "g", TRUE);
  tei_writer_attribute (writer, "type", type);
  tei_writer_attribute (writer, "n", code);
  xmlTextWriterWriteString (writer->xml, (const xmlChar *) "\xEF\xBF\xBD");
  tei_writer_end (writer);
}

/* How xmlTextWriterWriteString() escapes the ASCII @byte in text (libxml2's
 * xmlEncodeSpecialChars()), or NULL where it is written as it is. Escaping here, and writing
 * the text raw, spares libxml2 a copy of every text. */
static const char *
escape_of (char byte)
{
  switch (byte)
    {
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '&':
      return "&amp;";
    case '"':
      return "&quot;";
    case '\r':
      return "&#13;";
    default:
      return NULL;
    }
}

/* The length of the character at @p when it is a three-byte one from U+1000 to U+CFFF or from
 * U+E000 to U+EFFF (most CJK text): always valid UTF-8 and allowed in XML, so it needs no
 * decoding. 0 otherwise. */
static gsize
plain_cjk_length (const char *p)
{
  guchar lead = (guchar) p[0];
  gboolean plain_lead = (lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE;

  return plain_lead && ((guchar) p[1] & 0xC0) == 0x80 && ((guchar) p[2] & 0xC0) == 0x80 ? 3 : 0;
}

/* Writes the @length bytes at @text as they are, if there are any. */
static void
write_raw (TeiWriter *writer, const char *text, gsize length)
{
  if (length > 0)
    xmlTextWriterWriteRawLen (writer->xml, (const xmlChar *) text, (int) length);
}

void
tei_writer_text (TeiWriter *writer, const char *text)
{
  const char *p = text;
  const char *written = text; /* the text before it is written */

  if (text == NULL)
    return;
  while (*p != '\0')
    {
      gsize plain;
      gunichar c;

      if ((guchar) *p < 0x80 && allowed_in_xml ((guchar) *p))
        {
          const char *escape = escape_of (*p);
          if (escape != NULL)
            {
              write_raw (writer, written, p - written);
              write_raw (writer, escape, strlen (escape));
              written = p + 1;
            }
          p++;
          continue;
        }
      plain = plain_cjk_length (p);
      if (plain > 0)
        {
          p += plain;
          continue;
        }
      c = g_utf8_get_char_validated (p, -1);
      if (c != (gunichar) -1 && c != (gunichar) -2 && allowed_in_xml (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      write_raw (writer, written, p - written);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_autofree char *code = g_strdup_printf ("0x%02X", (guchar) *p);
          write_marked_char (writer, "byte-not-utf8", code);
          p++;
        }
      else
        {
          g_autofree char *code = g_strdup_printf ("U+%04X", c);
          write_marked_char (writer, "char-not-allowed-in-xml", code);
          p = g_utf8_next_char (p);
        }
      written = p;
    }
  write_raw (writer, written, p - written);
}

void
tei_writer_element (TeiWriter *writer, const char *name, const char *text)
{
  tei_writer_start (writer, name, TRUE);
  tei_writer_text (writer, text);
  tei_writer_end (writer);
}

