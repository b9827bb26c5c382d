/* tei-writer.h: a thin layer over libxml2's xmlTextWriter that indents element-only content for
 * people to read, never adds white space inside mixed content (where it would change the text),
 * and keeps characters that XML 1.0 forbids visible as marked <g> elements. */
#pragma once

#include <gio/gio.h>
#include <libxml/xmlwriter.h>

typedef struct _TeiWriter TeiWriter;

/* Writes UTF-8 XML to @stream. Errors from the stream are kept and returned by
 * tei_writer_finish(). */
TeiWriter *tei_writer_new (GOutputStream *stream);
/* Ends the document, flushes, and frees @writer. Returns FALSE with @error if anything failed. */
gboolean tei_writer_finish (TeiWriter *writer, GError **error);
/* Frees @writer without finishing (after an error). */
void tei_writer_free (TeiWriter *writer);

/* Starts an element. @mixed: its content is text and inline elements, so nothing inside it is
 * indented. Inside a mixed element every child is mixed too. */
void tei_writer_start (TeiWriter *writer, const char *name, gboolean mixed);
void tei_writer_end (TeiWriter *writer);
/* An attribute of the element just started; a NULL @value writes nothing. */
void tei_writer_attribute (TeiWriter *writer, const char *name, const char *value);
void tei_writer_attribute_printf (TeiWriter *writer, const char *name, const char *format, ...)
    G_GNUC_PRINTF (3, 4);
/* Text content. Characters XML 1.0 forbids (C0 controls, U+FFFE, U+FFFF) and bytes that are not
 * UTF-8 become <g type="…" n="U+XXXX">�</g>, so nothing disappears silently. */
void tei_writer_text (TeiWriter *writer, const char *text);
/* A whole element holding @text. */
void tei_writer_element (TeiWriter *writer, const char *name, const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeiWriter, tei_writer_free)
