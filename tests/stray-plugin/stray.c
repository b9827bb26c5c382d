/* stray.c: a module that is no stage, whose constructor leaves a marker file (named by
 * RECTO_TEST_MARKER) when it is loaded: recto must not load it for a pipeline that does not
 * name it (tests/test-hostile-cli.sh). */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

__attribute__ ((constructor)) static void
leave_marker (void)
{
  const char *path = getenv ("RECTO_TEST_MARKER");
  int fd = path != NULL ? open (path, O_WRONLY | O_CREAT | O_CLOEXEC, 0644) : -1;

  if (fd >= 0)
    close (fd);
}
