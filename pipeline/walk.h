/* walk.h: the input files of a run, one at a time, in path order.
 *
 * The command-line inputs (files, directories, "-") expand to every regular
 * file below them, sorted by path across all of them. Listing them all first
 * costs memory per file (about 150 bytes each: 3 MB for 20,000 pages); the
 * walk yields them in the same order while holding only the sorted names
 * of the directories it is in, so memory does not grow with the corpus.
 */
#ifndef ZS_WALK_H
#define ZS_WALK_H

#include <glib.h>

typedef struct ZsWalk ZsWalk;

/* A walk over `inputs` (the checked arguments of zs_pipeline_inputs(),
 * borrowed: they must outlive the walk). Free with zs_walk_free(). */
ZsWalk *zs_walk_new(GPtrArray *inputs);
void zs_walk_free(ZsWalk *w);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(ZsWalk, zs_walk_free)

/* The next input path (new string), or NULL at the end, or NULL with
 * `error` set when a directory cannot be read. */
char *zs_walk_next(ZsWalk *w, GError **error);

#endif
