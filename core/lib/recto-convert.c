/* recto-convert.c: one conversion: read and fingerprint the input, choose the pipeline, run it
 * into an atomic output. Errors carry the input's path so a batch log names the file. */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "recto-convert.h"
#include "recto-output.h"
#include "recto-pipeline.h"

static void
stage_repairs_clear (RectoStageRepairs *repairs)
{
  g_free (repairs->stage);
}

void
recto_convert_result_init (RectoConvertResult *result)
{
  recto_convert_result_clear (result);
  result->warnings = g_ptr_array_new_with_free_func (g_free);
  result->repairs = g_array_new (FALSE, TRUE, sizeof (RectoStageRepairs));
  g_array_set_clear_func (result->repairs, (GDestroyNotify) stage_repairs_clear);
}

void
recto_convert_result_clear (RectoConvertResult *result)
{
  g_clear_pointer (&result->warnings, g_ptr_array_unref);
  g_clear_pointer (&result->repairs, g_array_unref);
  result->pages = 0;
  result->characters = 0;
}

/* What a batch report says of a converted document besides its pages: its size in characters
 * and the repairs each stage marked. */
static void
summarise (RectoDocument *doc, RectoConvertResult *result)
{
  result->pages = recto_document_get_n_pages (doc);
  for (guint i = 0; i < result->pages; i++)
    {
      const RectoPage *page = recto_document_get_page (doc, i);
      if (page->chars->len > 0)
        result->characters += page->chars->len;
      else
        for (guint j = 0; j < page->lines->len; j++)
          result->characters +=
              g_utf8_strlen (((const RectoLine *) g_ptr_array_index (page->lines, j))->text, -1);
    }
  for (guint i = 0; i < recto_document_get_n_stages (doc); i++)
    {
      const RectoStageInfo *info = recto_document_get_stage (doc, i, NULL);
      RectoStageRepairs repairs = {
        .stage = g_strdup (info->name),
        .count = recto_document_count_repairs (doc, info->name, NULL),
      };
      g_array_append_val (result->repairs, repairs);
    }
}

/* What kind of file @mode is, for the message refusing it. */
static const char *
file_kind (mode_t mode)
{
  if (S_ISDIR (mode))
    return "a directory";
  if (S_ISFIFO (mode))
    return "a FIFO";
  if (S_ISCHR (mode))
    return "a character device";
  if (S_ISBLK (mode))
    return "a block device";
  if (S_ISSOCK (mode))
    return "a socket";
  return "not a regular file";
}

GBytes *
recto_convert_read_input (const char *path, GError **error)
{
  /* O_NONBLOCK: opening a FIFO nobody writes to must not wait for a writer. */
  int fd = open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  g_autoptr (GError) io_error = NULL;
  g_autoptr (GMappedFile) mapped = NULL;
  struct stat st;

  if (fd < 0 || fstat (fd, &st) != 0)
    {
      int saved = errno;
      if (fd >= 0)
        close (fd);
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_INPUT_UNREADABLE, "cannot read: %s",
                   g_strerror (saved));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_INPUT_UNREADABLE,
                   "not a regular file (%s): recto reads files only", file_kind (st.st_mode));
      return NULL;
    }
  if (st.st_size == 0)
    {
      close (fd);
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_INPUT_INVALID, "the file is empty");
      return NULL;
    }
  mapped = g_mapped_file_new_from_fd (fd, FALSE, &io_error);
  close (fd);
  if (mapped == NULL)
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_INPUT_UNREADABLE, "cannot read: %s",
                   io_error->message);
      return NULL;
    }
  return g_mapped_file_get_bytes (mapped);
}

/* The pipeline description for @input: @requested, or the default for its content. */
static char *
choose_pipeline (RectoRegistry *registry, const char *requested, const char *name, GBytes *input,
                 GError **error)
{
  gsize length = 0;
  const guint8 *head = g_bytes_get_data (input, &length);
  const RectoStageInfo *source;

  if (requested != NULL)
    return g_strdup (requested);
  source = recto_registry_probe_source (registry, name, head, MIN (length, 4096), error);
  if (source == NULL)
    return NULL;
  if (recto_registry_lookup (registry, RECTO_DEFAULT_RECOVERY, NULL) != NULL)
    return g_strdup_printf ("%s ! %s ! %s ! %s", source->name, RECTO_DEFAULT_RECOVERY,
                            RECTO_DEFAULT_REPAIRS, RECTO_DEFAULT_SINK);
  return g_strdup_printf ("%s ! %s ! %s", source->name, RECTO_DEFAULT_REPAIRS, RECTO_DEFAULT_SINK);
}

static gboolean
convert (RectoRegistry *registry, const char *requested_pipeline, const RectoDumpRequest *dump,
         const char *input_path, const char *output_path, RectoConvertResult *result,
         GError **error)
{
  g_autoptr (GBytes) input = NULL;
  g_autofree char *description = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *name = NULL;
  g_autoptr (RectoPipeline) pipeline = NULL;
  g_autoptr (RectoOutput) output = NULL;
  g_autoptr (RectoDocument) doc = NULL;

  if (!g_str_equal (output_path, "-") && recto_output_is_file (output_path, input_path))
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_USAGE,
                   "the output %s is the input itself: recto never writes over its source",
                   output_path);
      return FALSE;
    }
  input = recto_convert_read_input (input_path, error);
  if (input == NULL)
    return FALSE;
  name = g_path_get_basename (input_path);
  description = choose_pipeline (registry, requested_pipeline, name, input, error);
  if (description == NULL)
    return FALSE;
  pipeline = recto_pipeline_new (registry, description, error);
  if (pipeline == NULL)
    return FALSE;
  if (dump != NULL && dump->after != NULL)
    {
      g_autofree char *stem = recto_convert_default_output (input_path, dump->dir);
      if (dump->dir != NULL && g_mkdir_with_parents (dump->dir, 0755) != 0)
        {
          g_set_error (error, RECTO_ERROR, RECTO_ERROR_OUTPUT, "cannot make the dump folder %s",
                       dump->dir);
          return FALSE;
        }
      /* NAME.tei.xml becomes the dumps' prefix NAME. */
      stem[strlen (stem) - strlen (".tei.xml")] = '\0';
      if (!recto_pipeline_set_dump (pipeline, dump->after, stem, error))
        return FALSE;
    }

  doc = recto_document_new ();
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, input);
  recto_document_set_source (doc, name, sha256, g_bytes_get_size (input));

  output = recto_output_open (output_path, error);
  if (output == NULL)
    return FALSE;
  if (!recto_pipeline_run (pipeline, doc, g_steal_pointer (&input), input_path,
                           recto_output_get_stream (output),
                           result->warnings, error))
    return FALSE;
  summarise (doc, result);
  return recto_output_commit (output, error);
}

gboolean
recto_convert_file (RectoRegistry *registry, const char *pipeline, const RectoDumpRequest *dump,
                    const char *input_path, const char *output_path, RectoConvertResult *result,
                    GError **error)
{
  RectoConvertResult local = { 0 };
  gboolean ok;

  if (result == NULL)
    result = &local;
  recto_convert_result_init (result);
  ok = convert (registry, pipeline, dump, input_path, output_path, result, error);
  if (!ok)
    g_prefix_error (error, "%s: ", input_path);
  recto_convert_result_clear (&local);
  return ok;
}

char *
recto_convert_default_output (const char *input_path, const char *output_dir)
{
  g_autofree char *base = g_path_get_basename (input_path);
  g_autofree char *dir =
      output_dir != NULL ? g_strdup (output_dir) : g_path_get_dirname (input_path);
  char *dot = strrchr (base, '.');
  g_autofree char *name = NULL;

  if (dot != NULL && dot != base)
    *dot = '\0';
  name = g_strconcat (base, ".tei.xml", NULL);
  return g_build_filename (dir, name, NULL);
}
