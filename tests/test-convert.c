/* test-convert.c: `recto convert` end to end, as a user runs it: valid TEI for the samples,
 * nothing of the text layer lost, identical bytes on re-runs, and for each kind of bad input
 * one line on stderr, the documented exit code and no output file. Every TEI file made here is
 * validated against recto's own schema, and at the end against tei_all when ../shared is
 * there. */
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <poppler.h>

static char *out_dir; /* every TEI file of this run lands here */
static GPtrArray *tei_files; /* char*, for the tei_all check at the end */

static const char *
env (const char *name)
{
  const char *value = g_getenv (name);
  if (value == NULL)
    g_error ("the test environment lacks %s (run through meson test)", name);
  return value;
}

static char *
source_path (const char *relative)
{
  return g_build_filename (env ("RECTO_SOURCE_ROOT"), relative, NULL);
}

/* Runs recto with @args; returns its exit status and hands out its stderr. */
static int
run_recto (const char *const *args, char **err_out)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;

  g_ptr_array_add (argv, (gpointer) env ("RECTO_EXE"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char *const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  if (err_out != NULL)
    *err_out = g_steal_pointer (&err);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

static void
assert_valid_profile (const char *path)
{
  g_autofree char *schema_path = source_path ("tests/schema/recto-tei.rng");
  xmlRelaxNGParserCtxtPtr parser = xmlRelaxNGNewParserCtxt (schema_path);
  xmlRelaxNGPtr schema = xmlRelaxNGParse (parser);
  xmlRelaxNGValidCtxtPtr validator;
  xmlDocPtr doc;

  g_assert_nonnull (schema);
  doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  validator = xmlRelaxNGNewValidCtxt (schema);
  if (xmlRelaxNGValidateDoc (validator, doc) != 0)
    g_error ("%s is not valid against the recto TEI profile (see above)", path);
  xmlRelaxNGFreeValidCtxt (validator);
  xmlFreeDoc (doc);
  xmlRelaxNGFree (schema);
  xmlRelaxNGFreeParserCtxt (parser);
}

static char *
read_text (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* Converts @input (with @extra options) to a file in out_dir named @name, checks it is valid
 * and returns its path. */
static char *
convert_ok (const char *input, const char *name, const char *extra_1, const char *extra_2)
{
  char *output = g_build_filename (out_dir, name, NULL);
  const char *args[] = { "convert", input, "-o", output, extra_1, extra_2, NULL };
  g_autofree char *err = NULL;
  int status = run_recto (args, &err);

  if (status != 0)
    g_error ("recto convert %s exited %d: %s", input, status, err);
  assert_valid_profile (output);
  g_ptr_array_add (tei_files, g_strdup (output));
  return output;
}

/* Counts each non-space character of @text into @counts. */
static void
count_chars (const char *text, GHashTable *counts)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gpointer key = GUINT_TO_POINTER (c);
      if (g_unichar_isspace (c))
        continue;
      g_hash_table_insert (
          counts, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
    }
}

/* Counts the characters that markup keeps out of the text: the hyphen of a word a line break
 * split (<lb break="no" rend="-"/>), a character XML forbids (<g n="U+0007">) and a footnote's
 * marker (<note n="1">). */
/* Counts the character a code "U+XXXX" names (nothing for other text). */
static void
count_code (const char *code, GHashTable *counts)
{
  gpointer key;

  if (code == NULL || !g_str_has_prefix (code, "U+"))
    return;
  key = GUINT_TO_POINTER (g_ascii_strtoull (code + 2, NULL, 16));
  g_hash_table_insert (counts, key,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
}

static void
count_marked_chars (xmlNodePtr node, GHashTable *counts)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (xmlStrEqual (node->name, BAD_CAST "lb"))
        {
          xmlChar *rend = xmlGetProp (node, BAD_CAST "rend");
          if (rend != NULL)
            count_chars ((const char *) rend, counts);
          xmlFree (rend);
        }
      else if (xmlStrEqual (node->name, BAD_CAST "g"))
        {
          /* A kept character's code is its @n; a recovered glyph's, the @n of the glyph its
           * @ref declares in the header. */
          xmlChar *ref = xmlGetProp (node, BAD_CAST "ref");
          xmlAttrPtr id = ref != NULL ? xmlGetID (node->doc, ref + 1) : NULL;
          xmlChar *code = xmlGetProp (id != NULL ? id->parent : node, BAD_CAST "n");
          count_code ((const char *) code, counts);
          xmlFree (code);
          xmlFree (ref);
        }
      else if (xmlStrEqual (node->name, BAD_CAST "note"))
        {
          /* A footnote's marker ("1", "①") is its @n; a note put where the text calls it
           * stands for the marker printed there too. */
          xmlChar *marker = xmlGetProp (node, BAD_CAST "n");
          xmlChar *ana = xmlGetProp (node, BAD_CAST "ana");
          if (marker != NULL)
            count_chars ((const char *) marker, counts);
          if (marker != NULL && ana != NULL
              && strstr ((const char *) ana, "#repair.paragraphs.anchor-note") != NULL)
            count_chars ((const char *) marker, counts);
          xmlFree (ana);
          xmlFree (marker);
        }
      else if (xmlStrEqual (node->name, BAD_CAST "gap"))
        {
          /* Glyphs no reading covered: their codes are listed in the gap's desc. */
          xmlChar *text = xmlNodeGetContent (node);
          g_auto (GStrv) words = g_strsplit ((const char *) text, " ", -1);
          for (guint i = 0; words[i] != NULL; i++)
            count_code (words[i], counts);
          xmlFree (text);
        }
      count_marked_chars (node->children, counts);
    }
}

/* Counts the codes of the blank glyphs (a font's space, drawn with no ink) that recover-text
 * declares in the header with how often they occur: the text has spaces where they stand. */
static void
count_blank_glyphs (xmlNodePtr node, GHashTable *counts)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (xmlStrEqual (node->name, BAD_CAST "glyph") && node->children != NULL)
        for (xmlNodePtr note = node->children; note != NULL; note = note->next)
          {
            xmlChar *text = NULL, *code = NULL;
            const char *open;
            if (note->type != XML_ELEMENT_NODE || !xmlStrEqual (note->name, BAD_CAST "note"))
              continue;
            text = xmlNodeGetContent (note);
            open = strrchr ((const char *) text, '(');
            if (g_str_has_prefix ((const char *) text, "blank:") && open != NULL)
              {
                guint n = (guint) g_ascii_strtoull (open + 1, NULL, 10);
                code = xmlGetProp (node, BAD_CAST "n");
                for (guint i = 0; i < n; i++)
                  count_code ((const char *) code, counts);
              }
            xmlFree (code);
            xmlFree (text);
          }
      count_blank_glyphs (node->children, counts);
    }
}

/* Counts the non-space characters of @source's text: a PDF's text layer (through Poppler), or
 * a text file's characters (@text_charset: its encoding). */
static void
count_source_chars (const char *source, const char *text_charset, GHashTable *counts)
{
  g_autoptr (GError) error = NULL;
  PopplerDocument *document;
  g_autofree char *uri = NULL;

  if (text_charset != NULL)
    {
      g_autofree char *bytes = NULL;
      g_autofree char *text = NULL;
      gsize length = 0;
      g_assert_true (g_file_get_contents (source, &bytes, &length, NULL));
      text = g_convert (bytes, length, "UTF-8", text_charset, NULL, NULL, &error);
      g_assert_no_error (error);
      count_chars (text, counts);
      return;
    }
  uri = g_filename_to_uri (source, NULL, &error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autofree char *text = poppler_page_get_text (page);
      count_chars (text != NULL ? text : "", counts);
      g_object_unref (page);
    }
  g_object_unref (document);
}

/* Nothing lost: every non-space character of @source (see count_source_chars) appears in the
 * TEI's <text> (as text, or inside fw, g, gap…) at least as often. Returns how many distinct
 * characters the source has. */
static guint
assert_conserved_from (const char *source, const char *text_charset, const char *tei)
{
  g_autoptr (GHashTable) in = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) output = g_hash_table_new (NULL, NULL);
  xmlDocPtr doc = xmlReadFile (tei, NULL, XML_PARSE_NONET);
  xmlNodePtr node;
  GHashTableIter iter;
  gpointer key, value;
  guint missing = 0;

  count_source_chars (source, text_charset, in);
  for (node = xmlDocGetRootElement (doc)->children; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE && xmlStrEqual (node->name, BAD_CAST "text"))
      {
        xmlChar *content = xmlNodeGetContent (node);
        count_chars ((const char *) content, output);
        count_marked_chars (node->children, output);
        xmlFree (content);
      }
  count_blank_glyphs (xmlDocGetRootElement (doc)->children, output);
  xmlFreeDoc (doc);

  g_hash_table_iter_init (&iter, in);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint have = GPOINTER_TO_UINT (g_hash_table_lookup (output, key));
      if (have < GPOINTER_TO_UINT (value))
        {
          g_test_message ("U+%04X: %u in the source, %u in the TEI", GPOINTER_TO_UINT (key),
                          GPOINTER_TO_UINT (value), have);
          missing += GPOINTER_TO_UINT (value) - have;
        }
    }
  g_assert_cmpuint (missing, ==, 0);
  return g_hash_table_size (in);
}

static guint
assert_conserved (const char *pdf, const char *tei)
{
  return assert_conserved_from (pdf, NULL, tei);
}

static void
test_sample (gconstpointer data)
{
  const char *sample = data;
  g_autofree char *pdf = source_path (sample);
  g_autofree char *base = g_path_get_basename (sample);
  g_autofree char *name_a = g_strconcat (base, ".a.tei.xml", NULL);
  g_autofree char *name_b = g_strconcat (base, ".b.tei.xml", NULL);
  g_autofree char *a = convert_ok (pdf, name_a, NULL, NULL);
  g_autofree char *b = convert_ok (pdf, name_b, NULL, NULL);
  g_autofree char *text_a = read_text (a);
  g_autofree char *text_b = read_text (b);

  /* Re-runs give identical bytes. */
  g_assert_cmpstr (text_a, ==, text_b);
  g_assert_nonnull (strstr (text_a, "<idno type=\"SHA-256\">"));
  g_assert_cmpuint (assert_conserved (pdf, a), >, 0);
}

static void
test_stdout (void)
{
  g_autofree char *pdf = source_path ("samples/en-report.pdf");
  g_autofree char *file = convert_ok (pdf, "stdout-reference.tei.xml", NULL, NULL);
  g_autofree char *expected = read_text (file);
  const char *argv[] = { env ("RECTO_EXE"), "convert", pdf, "-o", "-", NULL };
  g_autofree char *out = NULL;
  int status = 0;
  g_autoptr (GError) error = NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (out, ==, expected);
}

static void
test_marks (void)
{
  g_autofree char *pipeline_arg = g_strdup_printf (
      "--pipeline=test-source ! reading-order ! paragraphs ! test-repair ! tei-sink");
  g_autofree char *plugin_arg = g_strdup_printf ("--plugin-dir=%s", env ("RECTO_TEST_EXTRA_DIR"));
  g_autofree char *input = source_path ("tests/meson.build");
  g_autofree char *tei = convert_ok (input, "marks.tei.xml", pipeline_arg, plugin_arg);
  g_autofree char *text = read_text (tei);

  /* Digits drawn after the CJK text sit back in their sentence. */
  g_assert_nonnull (strstr (text, "共办理137件"));
  /* Characters XML forbids are kept, visibly marked. */
  g_assert_nonnull (strstr (text, "A<g type=\"char-not-allowed-in-xml\" n=\"U+0001\">\xEF\xBF\xBD"
                                  "</g>B<g type=\"char-not-allowed-in-xml\" n=\"U+FFFE\">"));
  /* Every repair points at its stage and its category, which the header describes; every
   * block at its zone on the page. */
  g_assert_nonnull (strstr (text, "<p facs=\"#page1.1\" resp=\"#stage.test-repair\" "
                                  "ana=\"#repair.test-repair.touch\">"));
  g_assert_nonnull (strstr (text, "<zone xml:id=\"page1.1\" "));
  g_assert_nonnull (strstr (text, "<category xml:id=\"repair.test-repair.touch\">"));
  g_assert_nonnull (strstr (text, "<application xml:id=\"stage.test-repair\" "
                                  "ident=\"test-repair\" version=\"1\">"));
  g_assert_nonnull (strstr (text, "<title>Test &lt;document&gt; &amp; &quot;title&quot;</title>"));
  g_assert_nonnull (strstr (text, "<pb facs=\"#page1\"/>"));
}

/* A stage that regularises text (the stage template, examples/stage-template) keeps the
 * source's characters in <orig> and gives its reading in <reg>, marked as its repair. */
static void
test_regularised_text (void)
{
  g_autofree char *input = g_build_filename (out_dir, "fullwidth.txt", NULL);
  g_autofree char *plugin_arg = g_strdup_printf ("--plugin-dir=%s", env ("RECTO_TEST_EXTRA_DIR"));
  g_autofree char *tei = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;

  g_file_set_contents (input, "一、总体情况\n\n全年完成投资１２３亿元，增长４.５％。\n", -1, &error);
  g_assert_no_error (error);
  tei = convert_ok (input, "fullwidth.tei.xml", plugin_arg,
                    "--pipeline=text-source ! paragraphs ! headings ! fullwidth-digits ! chapters "
                    "! tei-sink");
  text = read_text (tei);
  g_assert_nonnull (strstr (text, "全年完成投资<choice><orig>１２３</orig><reg "
                                  "resp=\"#stage.fullwidth-digits\" "
                                  "ana=\"#repair.fullwidth-digits.ascii-digits\">123</reg>"
                                  "</choice>亿元"));
  g_assert_nonnull (strstr (text, "<category xml:id=\"repair.fullwidth-digits.ascii-digits\">"));
  assert_conserved_from (input, "UTF-8", tei);
}

/* Files in out_dir whose name starts with @prefix (temporary files included). */
static guint
count_outputs (const char *prefix)
{
  g_autoptr (GDir) dir = g_dir_open (out_dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix) || g_str_has_prefix (name + 1, prefix))
      n++;
  return n;
}

typedef struct
{
  const char *name; /* the case, and the prefix of its files */
  int exit_code;
  const char *message;
} BadInput;

/* Makes the bad input @bad->name in out_dir. */
static char *
make_bad_input (const BadInput *bad)
{
  char *path = g_build_filename (out_dir, bad->name, NULL);
  g_autofree char *sample = source_path ("samples/en-report.pdf");
  g_autofree char *bytes = NULL;
  gsize length = 0;

  if (g_str_has_prefix (bad->name, "truncated"))
    {
      g_assert_true (g_file_get_contents (sample, &bytes, &length, NULL));
      g_assert_true (g_file_set_contents (path, bytes, length / 2, NULL));
    }
  else if (g_str_has_prefix (bad->name, "empty"))
    g_assert_true (g_file_set_contents (path, "", 0, NULL));
  else if (g_str_has_prefix (bad->name, "text"))
    g_assert_true (g_file_set_contents (path, "Just some text, not a PDF.\n", -1, NULL));
  else if (g_str_has_prefix (bad->name, "encrypted"))
    {
      g_free (path);
      path = source_path ("tests/data/encrypted.pdf");
    }
  return path;
}

static void
test_bad_input (gconstpointer data)
{
  const BadInput *bad = data;
  g_autofree char *input = make_bad_input (bad);
  g_autofree char *output = g_strdup_printf ("%s/%s-out.tei.xml", out_dir, bad->name);
  g_autofree char *expected_start = g_strdup_printf ("recto: %s: ", input);
  const char *args[] = { "convert", input, "-o", output, NULL };
  g_autofree char *err = NULL;
  g_autofree char *prefix = g_strconcat (bad->name, "-out", NULL);
  int status = run_recto (args, &err);

  g_test_message ("stderr: %s", err);
  g_assert_cmpint (status, ==, bad->exit_code);
  g_assert_true (g_str_has_prefix (err, expected_start));
  g_assert_nonnull (strstr (err, bad->message));
  /* One line exactly. */
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
  /* No output, not even a temporary file. */
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_outputs (prefix), ==, 0);
}

static void
test_password (void)
{
  g_autofree char *input = source_path ("tests/data/encrypted.pdf");
  g_autofree char *tei = convert_ok (input, "decrypted.tei.xml",
                                     "--pipeline=pdf-source password=recto-test ! reading-order"
                                     " ! paragraphs ! tei-sink",
                                     NULL);
  g_autofree char *text = read_text (tei);

  g_assert_nonnull (strstr (text, "Encrypted sample"));
  /* The password never reaches the output. */
  g_assert_null (strstr (text, "recto-test"));
}

/* A wrong password is refused with its own message (Poppler 22.12 crashed on it when opening
 * from bytes). */
static void
test_wrong_password (void)
{
  g_autofree char *input = source_path ("tests/data/encrypted.pdf");
  const char *pipeline = "--pipeline=pdf-source password=wrong ! tei-sink";
  const char *args[] = { "convert", input, "-o", "-", pipeline, NULL };
  g_autofree char *err = NULL;

  g_assert_cmpint (run_recto (args, &err), ==, 5);
  g_assert_nonnull (strstr (err, "encrypted PDF: the password given is wrong"));
}

/* A heading run into its paragraph (公文 style) is split off as a marked head of its own. */
static void
test_run_in_heading (void)
{
  g_autofree char *input = source_path ("tests/data/run-in.pdf");
  g_autofree char *tei = convert_ok (input, "run-in.tei.xml", NULL, NULL);
  g_autofree char *text = read_text (tei);

  g_assert_nonnull (strstr (text,
                            "<head n=\"（一）\" facs=\"#page1.1\" resp=\"#stage.headings\" "
                            "ana=\"#repair.headings.split-run-in\">（一）加强组织领导。</head>"));
  g_assert_nonnull (strstr (text, "</head>\n        <p facs=\"#page1.2\">各单位要把代表联络站建设"));
  g_assert_nonnull (strstr (text, "<category xml:id=\"repair.headings.split-run-in\">"));
  g_assert_cmpuint (assert_conserved (input, tei), >, 0);
}

/* The same short text in UTF-8, UTF-16 and UTF-32 (with a byte-order mark or without) and
 * GB18030 converts to the same body; bytes that decode in none of them are refused naming their
 * offsets. */
static void
test_text_encodings (void)
{
  static const char text[] = "江门市蓬江区人大常委会\n\n一、坚持一个原则\n\n- 12 -\n";
  static const struct
  {
    const char *name, *charset, *bom;
    gsize bom_length;
  } encodings[] = { { "utf8.txt", "UTF-8", "", 0 },
                    /* No extension: the content says it is text. */
                    { "utf8-no-extension", "UTF-8", "", 0 },
                    { "utf16.txt", "UTF-16LE", "\xFF\xFE", 2 },
                    /* Told by their NUL bytes (the text's ASCII, and 一 U+4E00). */
                    { "utf16le-no-bom.txt", "UTF-16LE", "", 0 },
                    { "utf16be-no-bom.txt", "UTF-16BE", "", 0 },
                    { "utf32.txt", "UTF-32LE", "\xFF\xFE\0\0", 4 },
                    { "utf32be-no-bom.txt", "UTF-32BE", "", 0 },
                    { "gb18030.txt", "GB18030", "", 0 } };
  g_autofree char *reference_body = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      g_autofree char *path = g_build_filename (out_dir, encodings[i].name, NULL);
      g_autofree char *tei_name = g_strconcat (encodings[i].name, ".tei.xml", NULL);
      gsize length = 0;
      g_autofree char *bytes =
          g_convert (text, -1, encodings[i].charset, "UTF-8", NULL, &length, NULL);
      g_autoptr (GString) file = g_string_new_len (encodings[i].bom, encodings[i].bom_length);
      g_autofree char *tei = NULL;
      g_autofree char *tei_text = NULL;
      const char *body;

      g_string_append_len (file, bytes, length);
      g_assert_true (g_file_set_contents (path, file->str, file->len, NULL));
      tei = convert_ok (path, tei_name, NULL, NULL);
      tei_text = read_text (tei);
      body = strstr (tei_text, "<body>");
      g_assert_nonnull (strstr (body, "<pb n=\"12\"/>"));
      g_assert_nonnull (strstr (body, "<head n=\"一、\">一、坚持一个原则</head>"));
      if (reference_body == NULL)
        reference_body = g_strdup (body);
      g_assert_cmpstr (body, ==, reference_body);
    }

  {
    /* --pipeline forces the source and its encoding. */
    g_autofree char *path = g_build_filename (out_dir, "gb18030.txt", NULL);
    g_autofree char *tei =
        convert_ok (path, "forced.tei.xml",
                    "--pipeline=text-source encoding=gb18030 ! furniture ! paragraphs ! "
                    "headings ! chapters ! tei-sink",
                    NULL);
    g_autofree char *tei_text = read_text (tei);
    g_assert_nonnull (strstr (tei_text, "一、坚持一个原则</head>"));
  }
  {
    g_autofree char *bad = g_build_filename (out_dir, "bad-bytes.txt", NULL);
    const char *args[] = { "convert", bad, "-o", "-", NULL };
    g_autofree char *err = NULL;
    /* Valid UTF-8 up to offset 6, then bytes that are neither UTF-8 nor GB18030. */
    g_assert_true (g_file_set_contents (bad, "abc\n\xE6\xB1\x9F\xFF\xFF\xFF\n", -1, NULL));
    g_assert_cmpint (run_recto (args, &err), ==, 4);
    g_assert_nonnull (strstr (err, "not UTF-8 (at offsets 7 (0xFF), 8 (0xFF), 9 (0xFF))"));
    g_assert_nonnull (strstr (err, "GB18030 cannot decode the bytes at offset 6"));
  }
}

/* The seed: a real extraction of a volume whose body text was lost. */
static void
test_seed_extraction (void)
{
  const char *shared = g_getenv ("RECTO_SHARED_DIR");
  g_autofree char *seed = NULL;
  g_autofree char *tei = NULL;

  if (shared == NULL)
    {
      g_test_skip ("../shared is not beside the repository: seed extraction skipped");
      return;
    }
  seed = g_build_filename (shared, "seed", "jiangmen-volume-extracted.txt", NULL);
  tei = convert_ok (seed, "seed.tei.xml", NULL, NULL);
  g_assert_cmpuint (assert_conserved_from (seed, "UTF-8", tei), >, 0);
  /* "- 13 -" then "- 54 -": forty pages are missing, and said to be. */
  {
    g_autofree char *text = read_text (tei);
    const char *gap = strstr (text, "<gap reason=\"lost-pages\" extent=\"40 pages\"");
    g_assert_nonnull (gap);
    g_assert_true (g_str_has_prefix (strstr (gap, "<pb"), "<pb n=\"54\"/>"));
    g_assert_nonnull (strstr (text, "extent=\"1 page\""));
  }
}

/* The dump STEM.NN-STAGE.json in @dir: NN, the stage's position, depends on whether the build
 * has recover-text (it runs first of the repairs when it is built). */
static char *
dump_path (const char *dir, const char *stem, const char *stage)
{
  g_autofree char *suffix = g_strdup_printf ("-%s.json", stage);
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, stem) && g_str_has_suffix (name, suffix))
      return g_build_filename (dir, name, NULL);
  g_error ("no dump after %s in %s", stage, dir);
  return NULL;
}

/* --dump-after writes the document as JSON after the named stages, and only those. */
static void
test_dump_after (void)
{
  g_autofree char *input = source_path ("samples/en-report.pdf");
  g_autofree char *dir = g_build_filename (out_dir, "dumps", NULL);
  g_autofree char *dir_arg = g_strconcat ("--dump-dir=", dir, NULL);
  g_autofree char *tei =
      convert_ok (input, "dumped.tei.xml", "--dump-after=paragraphs,headings", dir_arg);
  g_autofree char *after_paragraphs = dump_path (dir, "en-report", "paragraphs");
  g_autofree char *after_headings = dump_path (dir, "en-report", "headings");
  g_autofree char *paragraphs = read_text (after_paragraphs);
  g_autofree char *headings = read_text (after_headings);
  const char *bad[] = { "convert", input, "-o", "-", "--dump-after=nope", NULL };
  g_autofree char *err = NULL;

  g_assert_nonnull (strstr (paragraphs, "\"schema\": \"recto-dump/1\""));
  g_assert_nonnull (strstr (paragraphs, "\"after_stage\": \"paragraphs\""));
  /* Headings are found by the headings stage: not yet after paragraphs, there after it. */
  g_assert_null (strstr (paragraphs, "\"kind\": \"head\""));
  g_assert_nonnull (strstr (headings, "\"kind\": \"head\""));
  g_assert_nonnull (strstr (headings, "\"kind\": \"rejoin-heading\""));
  g_assert_cmpuint (count_outputs ("dumps"), ==, 1);
  g_assert_cmpint (run_recto (bad, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--dump-after: the pipeline has no stage 'nope'"));
}

/* pdf-source reads pages on several threads: one thread or four give the same bytes, in the
 * TEI and in the document it hands on (every glyph box and span, dumped after it). */
static void
test_threads (void)
{
  static const char *const samples[] = { "samples/zh-volume.pdf", "samples/en-report.pdf" };
  g_autofree char *saved = g_strdup (g_getenv ("RECTO_THREADS"));

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *pdf = source_path (samples[i]);
      g_autofree char *base = g_path_get_basename (samples[i]);
      g_autofree char *stem = g_strndup (base, strlen (base) - strlen (".pdf"));
      char *text[2] = { NULL, NULL };
      char *dump[2] = { NULL, NULL };

      for (guint run = 0; run < 2; run++)
        {
          const char *threads = run == 0 ? "1" : "4";
          g_autofree char *name = g_strdup_printf ("%s.threads-%s.tei.xml", stem, threads);
          g_autofree char *dir = g_strdup_printf ("%s/threads-%s", out_dir, threads);
          g_autofree char *dir_arg = g_strconcat ("--dump-dir=", dir, NULL);
          g_autofree char *dump_name = g_strconcat (stem, ".01-pdf-source.json", NULL);
          g_autofree char *dump_path = g_build_filename (dir, dump_name, NULL);
          g_autofree char *tei = NULL;

          /* The child inherits the environment; nothing else runs while it is changed. */
          g_setenv ("RECTO_THREADS", threads, TRUE);
          tei = convert_ok (pdf, name, "--dump-after=pdf-source", dir_arg);
          text[run] = read_text (tei);
          dump[run] = read_text (dump_path);
        }
      if (saved != NULL)
        g_setenv ("RECTO_THREADS", saved, TRUE);
      else
        g_unsetenv ("RECTO_THREADS");

      /* Not g_assert_cmpstr: a failure would print both volumes. */
      g_assert_cmpuint (strlen (text[0]), >, 0);
      g_assert_true (g_str_equal (text[0], text[1]));
      g_assert_nonnull (strstr (dump[0], "\"boxes\""));
      g_assert_true (g_str_equal (dump[0], dump[1]));
      for (guint run = 0; run < 2; run++)
        {
          g_free (text[run]);
          g_free (dump[run]);
        }
    }
}

/* SOURCE_DATE_EPOCH stamps the header with a valid four-digit date, and only then. */
static void
test_source_date (void)
{
  g_autofree char *input = source_path ("samples/en-report.pdf");
  g_autofree char *tei = NULL;
  g_autofree char *text = NULL;

  g_setenv ("SOURCE_DATE_EPOCH", "-60000000000", TRUE); /* 0068-09-03 */
  tei = convert_ok (input, "dated.tei.xml", NULL, NULL);
  g_unsetenv ("SOURCE_DATE_EPOCH");
  text = read_text (tei);
  g_assert_nonnull (strstr (text, "<date when=\"0068-09-03\">0068-09-03</date>.</p>"));
  assert_valid_profile (tei);
  g_ptr_array_add (tei_files, g_strdup (tei));
}

static void
test_batch_goes_on (void)
{
  g_autofree char *good = source_path ("samples/en-report.pdf");
  g_autofree char *bad = g_build_filename (out_dir, "batch-bad.pdf", NULL);
  g_autofree char *dir = g_build_filename (out_dir, "batch", NULL);
  g_autofree char *made = g_build_filename (dir, "en-report.tei.xml", NULL);
  const char *args[] = { "convert", bad, good, "-o", dir, NULL };
  g_autofree char *err = NULL;

  g_assert_true (g_file_set_contents (bad, "", 0, NULL));
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  /* One bad file fails alone: the good one is converted, the exit code says "partial". */
  g_assert_cmpint (run_recto (args, &err), ==, 9);
  g_assert_true (g_file_test (made, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (strstr (err, "batch-bad.pdf: the file is empty"));
  assert_valid_profile (made);
  g_ptr_array_add (tei_files, g_strdup (made));
}

static void
test_usage_errors (void)
{
  g_autofree char *good = source_path ("samples/en-report.pdf");
  const char *no_input[] = { "convert", NULL };
  const char *bad_pipeline[] = { "convert", good, "-o", "-", "--pipeline", "pdf-source", NULL };
  const char *unknown_stage[] = { "convert", good,         "-o",
                                  "-",       "--pipeline", "pdf-source ! nope ! tei-sink",
                                  NULL };
  const char *unknown_command[] = { "frobnicate", NULL };
  const char *bad_language[] = { "convert", good,         "-o",
                                 "-",       "--pipeline", "pdf-source ! tei-sink language=en_GB",
                                 NULL };
  const char *twice[] = { "convert",    good,
                          "-o",         "-",
                          "--pipeline", "pdf-source ! paragraphs ! paragraphs ! tei-sink",
                          NULL };
  g_autofree char *err = NULL;

  g_assert_cmpint (run_recto (no_input, NULL), ==, 2);
  g_assert_cmpint (run_recto (bad_pipeline, NULL), ==, 2);
  g_assert_cmpint (run_recto (unknown_stage, NULL), ==, 6);
  g_assert_cmpint (run_recto (unknown_command, NULL), ==, 2);
  g_assert_cmpint (run_recto (bad_language, &err), ==, 2);
  g_assert_nonnull (strstr (err, "tei-sink: option 'language': 'en_GB' is not a language tag"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_recto (twice, &err), ==, 2);
  g_assert_nonnull (strstr (err, "stage 'paragraphs' appears twice"));
}

/* Every PDF of ../shared/@folder converts to valid TEI with every character conserved; where
 * @may_refuse, a PDF may instead fail with one documented line (the corpus holds broken files;
 * the real documents of ../shared/real are all readable and must convert). */
static void
sweep_shared (const char *folder, gboolean may_refuse)
{
  const char *shared = g_getenv ("RECTO_SHARED_DIR");
  g_autofree char *dir_path = NULL;
  g_autoptr (GDir) dir = NULL;
  const char *name;

  if (shared == NULL)
    {
      g_test_skip ("../shared is not beside the repository: sweep skipped");
      return;
    }
  dir_path = g_build_filename (shared, folder, NULL);
  dir = g_dir_open (dir_path, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *input = g_build_filename (dir_path, name, NULL);
      g_autofree char *output = g_strdup_printf ("%s/%s-%s.tei.xml", out_dir, folder, name);
      const char *args[] = { "convert", "--quiet", input, "-o", output, NULL };
      g_autofree char *err = NULL;
      int status;

      if (!g_str_has_suffix (name, ".pdf"))
        continue;
      status = run_recto (args, &err);
      g_test_message ("%s: exit %d %s", name, status, err);
      if (status == 0)
        {
          assert_valid_profile (output);
          assert_conserved (input, output);
          g_ptr_array_add (tei_files, g_strdup (output));
          continue;
        }
      g_assert_true (may_refuse);
      g_assert_cmpint (status, >=, 3);
      g_assert_cmpint (status, <=, 8);
      g_assert_true (g_str_has_prefix (err, "recto: "));
      g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
      g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
    }
}

static void
test_corpus (void)
{
  sweep_shared ("corpus", TRUE);
}

/* The real documents of issue 15 (their facts are checked by tests/test-real-facts.py). */
static void
test_real (void)
{
  sweep_shared ("real", FALSE);
}

/* Every TEI file made above against the full TEI schema, in one jing run. */
static void
test_tei_all (void)
{
  const char *shared = g_getenv ("RECTO_SHARED_DIR");
  g_autofree char *jing = g_find_program_in_path ("jing");
  g_autofree char *schema = NULL;
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  int status = 0;
  g_autoptr (GError) error = NULL;

  if (shared == NULL || jing == NULL)
    {
      g_test_skip ("../shared/tei/tei_all.rng or jing missing: tei_all check skipped");
      return;
    }
  g_assert_cmpuint (tei_files->len, >, 0);
  schema = g_build_filename (shared, "tei", "tei_all.rng", NULL);
  g_ptr_array_add (argv, jing);
  g_ptr_array_add (argv, schema);
  for (guint i = 0; i < tei_files->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (tei_files, i));
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                NULL, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("tei_all rejects recto's output:\n%s", out);
  g_test_message ("%u TEI files valid against tei_all", tei_files->len);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static const BadInput bad_inputs[] = {
  { "encrypted", 5, "encrypted PDF: give its password" },
  { "truncated.pdf", 4, "truncated PDF" },
  { "empty.pdf", 4, "the file is empty" },
  { "text-renamed.pdf", 4, "not a PDF file" },
  { "missing.pdf", 3, "cannot read" },
};

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* One test per sample PDF in @dir (relative to the source root): valid, conserved, repeatable. */
static void
add_sample_tests (const char *dir)
{
  g_autofree char *path = source_path (dir);
  g_autoptr (GDir) listing = g_dir_open (path, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".pdf"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, >, 0);
  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *test_path = g_strdup_printf ("/convert/sample/%s", file);
      /* The test data lives as long as the test program. */
      char *sample = g_build_filename (dir, file, NULL);
      g_test_add_data_func_full (test_path, sample, test_sample, g_free);
    }
}

int
main (int argc, char **argv)
{
  int result;

  g_test_init (&argc, &argv, NULL);
  g_unsetenv ("SOURCE_DATE_EPOCH");
  out_dir = g_dir_make_tmp ("recto-convert-XXXXXX", NULL);
  tei_files = g_ptr_array_new_with_free_func (g_free);

  add_sample_tests ("samples");
  add_sample_tests ("samples/heldout");
  g_test_add_func ("/convert/stdout", test_stdout);
  g_test_add_func ("/convert/marks", test_marks);
  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/convert/bad-input/%s", bad_inputs[i].name);
      g_test_add_data_func (path, &bad_inputs[i], test_bad_input);
    }
  g_test_add_func ("/convert/password", test_password);
  g_test_add_func ("/convert/wrong-password", test_wrong_password);
  g_test_add_func ("/convert/source-date", test_source_date);
  g_test_add_func ("/convert/threads", test_threads);
  g_test_add_func ("/convert/run-in-heading", test_run_in_heading);
  g_test_add_func ("/convert/dump-after", test_dump_after);
  g_test_add_func ("/convert/regularised-text", test_regularised_text);
  g_test_add_func ("/convert/text-encodings", test_text_encodings);
  g_test_add_func ("/convert/seed-extraction", test_seed_extraction);
  g_test_add_func ("/convert/batch-goes-on", test_batch_goes_on);
  g_test_add_func ("/convert/usage-errors", test_usage_errors);
  g_test_add_func ("/convert/corpus", test_corpus);
  g_test_add_func ("/convert/real", test_real);
  g_test_add_func ("/convert/tei-all", test_tei_all);
  result = g_test_run ();

  remove_tree (out_dir);
  g_free (out_dir);
  g_ptr_array_unref (tei_files);
  return result;
}
