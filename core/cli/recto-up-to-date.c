/* recto-up-to-date.c: see recto-up-to-date.h. */
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "recto-convert.h"
#include "recto-up-to-date.h"

/* How much of an existing output is read at a time while looking for the source checksum. */
#define BLOCK_BYTES 65536

static char *
file_sha256 (const char *path)
{
  g_autoptr (GBytes) bytes = recto_convert_read_input (path, NULL);

  return bytes != NULL ? g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes) : NULL;
}

/* Whether the TEI header of the regular file @path holds @needle: read block by block up to
 * the header's end, however long the header (a long title), and no further. */
static gboolean
header_holds (const char *path, const char *needle)
{
  int fd = open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  g_autoptr (GString) window = g_string_new (NULL);
  g_autofree char *block = g_malloc (BLOCK_BYTES);
  gsize keep = strlen (needle) + strlen ("</teiHeader>");
  gboolean found = FALSE;
  struct stat st;
  gssize n;

  if (fd < 0)
    return FALSE;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      return FALSE;
    }
  while (!found && (n = read (fd, block, BLOCK_BYTES)) > 0)
    {
      g_string_append_len (window, block, n);
      found = g_strstr_len (window->str, window->len, needle) != NULL;
      if (g_strstr_len (window->str, window->len, "</teiHeader>") != NULL)
        break;
      /* What may hold the start of a needle cut by the block's end. */
      if (window->len > keep)
        g_string_erase (window, 0, window->len - keep);
    }
  close (fd);
  return found;
}

gboolean
recto_output_is_up_to_date (const RectoInput *input)
{
  g_autofree char *sha256 = NULL;
  g_autofree char *idno = NULL;

  if (!g_file_test (input->output, G_FILE_TEST_IS_REGULAR))
    return FALSE;
  sha256 = file_sha256 (input->path);
  if (sha256 == NULL)
    return FALSE;
  idno = g_strdup_printf ("<idno type=\"SHA-256\">%s</idno>", sha256);
  return header_holds (input->output, idno);
}
