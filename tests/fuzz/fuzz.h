/* fuzz.h: what every harness in tests/fuzz/ shares.
 *
 * Each harness defines LLVMFuzzerTestOneInput(). Built with clang and
 * -fsanitize=fuzzer (make fuzz), libFuzzer drives it; built with the normal
 * compiler and tests/fuzz/replay.c (make test), it replays the seed corpus
 * and every saved crash in tests/fuzz/regressions/NAME/, so a crash found
 * once is a test forever.
 */
#ifndef ZS_FUZZ_H
#define ZS_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "zhstats.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* An invariant broken: abort(), which libFuzzer catches to save the input
 * (g_error() would raise SIGTRAP, which it does not), and the replay fails. */
#define FUZZ_CHECK(cond)                                                              \
  do {                                                                                \
    if (!(cond)) {                                                                    \
      fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", __FILE__, __LINE__, #cond); \
      abort();                                                                        \
    }                                                                                 \
  } while (0)

/* A NUL-terminated, valid UTF-8 copy of `data` without NUL bytes: what the
 * stages after normalize are promised. */
static inline char *fuzz_text(const uint8_t *data, size_t size) {
  g_autofree char *nz = g_malloc(size + 1);
  size_t n = 0;
  for (size_t i = 0; i < size; i++)
    if (data[i])
      nz[n++] = (char)data[i];
  nz[n] = '\0';
  return g_utf8_make_valid(nz, (gssize)n);
}

/* `data` in an anonymous memory file, for the stages that read paths: its
 * /proc/self/fd name goes to *path (free it) and the descriptor is
 * returned, to close() when done; -1 (and no path) when none can be made.
 * No temporary file to clean. */
static inline int fuzz_memfd(const char *name, const uint8_t *data, size_t size, char **path) {
  int fd = memfd_create(name, 0);
  if (fd < 0)
    return -1;
  size_t done = 0;
  while (done < size) {
    ssize_t k = write(fd, data + done, size - done);
    if (k <= 0)
      break;
    done += (size_t)k;
  }
  *path = g_strdup_printf("/proc/self/fd/%d", fd);
  return fd;
}

#endif
