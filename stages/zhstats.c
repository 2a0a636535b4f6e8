/* zhstats.c: what the shared types of zhstats.h need at run time: the error
 * domain, the names of kinds written in the CSV, and the making of a row. */
#include "zhstats.h"

#include <string.h>

#include "perthread.h"

G_DEFINE_QUARK(zhstats-error-quark, zs_error)

static const char *kind_names[ZS_KIND_COUNT] = {
  "level", "change_pct", "change_abs", "share", "ratio", "growth_multiple",
};

const char *zs_kind_name(ZsKind k) { return k < ZS_KIND_COUNT ? kind_names[k] : "level"; }

gboolean zs_kind_from_name(const char *name, ZsKind *out) {
  for (int k = 0; k < ZS_KIND_COUNT; k++)
    if (strcmp(name, kind_names[k]) == 0) {
      *out = (ZsKind)k;
      return TRUE;
    }
  return FALSE;
}


gboolean zs_jit_enabled(void) { return g_getenv("ZHSTATS_NO_JIT") == NULL; }

/* A row's strings are copied behind the struct, in the same allocation:
 * the write stage reads a dozen strings per row, and a dozen allocations
 * and frees per row cost more than the rest of making it. */
ZsStat *zs_stat_new(const ZsStat *fields) {
  static const gsize unknown[ZS_STAT_STRINGS] = {
    ZS_STAT_UNKNOWN, ZS_STAT_UNKNOWN, ZS_STAT_UNKNOWN, ZS_STAT_UNKNOWN, ZS_STAT_UNKNOWN,
    ZS_STAT_UNKNOWN, ZS_STAT_UNKNOWN, ZS_STAT_UNKNOWN, ZS_STAT_UNKNOWN,
  };
  return zs_stat_new_known(fields, unknown);
}

/* strlen() of s, told (known) or measured; 0 for NULL. */
static inline gsize measure(const char *s, gsize known) {
  return !s ? 0 : known != ZS_STAT_UNKNOWN ? known : strlen(s);
}

/* Copies the len bytes at src to `at` as the row's string *field, NUL
 * ended, and returns where the next string goes. */
static inline char *place(char *at, char **field, const char *src, gsize len) {
  *field = at;
  if (len)
    memcpy(at, src, len);
  at[len] = '\0';
  return at + len + 1;
}

/* ---- where rows live --------------------------------------------------------- */

/* Rows are carved one after the other out of blocks of BLOCK_BYTES kept
 * per thread, not malloc()ed each: a row is made for every figure and
 * freed as soon as its article is written, and the pairs of malloc() and
 * free() cost as much as the rest of making it. A block counts its live
 * rows (refs), plus one while it is its thread's current block; the
 * block goes when the count falls to 0, the last one freed kept for the
 * thread's next block. Each row has its block's address in the eight bytes
 * before it, so zs_stat_free() needs nothing else. A row of more than a
 * quarter of a block gets a block of its own. The count is atomic: a row
 * may be freed in another thread than the one that made it. Under
 * AddressSanitizer (ZS_POOLS 0) every row has a block of its own. */
#define BLOCK_BYTES (64 * 1024)

typedef struct {
  gint refs;
  gsize used, size; /* bytes of data[] */
  char data[]; /* 8-aligned (asserted below), as the rows need */
} Block;
G_STATIC_ASSERT(G_STRUCT_OFFSET(Block, data) % 8 == 0);

typedef struct {
  Block *current; /* where the thread's rows are carved, or NULL */
  Block *spare;   /* an empty block of BLOCK_BYTES, or NULL */
} Rows;

static void block_unref(Block *b);

/* The GPrivate gives a thread's blocks back when the thread ends; the
 * plain _Thread_local pointer saves the lookup per row. */
static _Thread_local Rows *my_rows;

/* A block whose rows outlive the thread goes with its last row. */
static void rows_end(gpointer data) {
  Rows *r = data;
  my_rows = NULL; /* block_unref() keeps no spare for it any more */
  if (r->current)
    block_unref(r->current);
  g_free(r->spare);
  g_free(r);
}
static GPrivate thread_rows = G_PRIVATE_INIT(rows_end);

static void block_unref(Block *b) {
  if (!g_atomic_int_dec_and_test(&b->refs))
    return;
  Rows *r = my_rows;
  if (r && !r->spare && b->size == BLOCK_BYTES - sizeof(Block))
    r->spare = b;
  else
    g_free(b);
}

static Block *block_new(gsize size) {
  Block *b = g_malloc(sizeof(Block) + size);
  b->refs = 1;
  b->used = 0;
  b->size = size;
  return b;
}

/* Room for a row of `total` bytes, 8-aligned, its block noted before it. */
static ZsStat *row_alloc(gsize total) {
  gsize need = sizeof(Block *) + ((total + 7) & ~(gsize)7);
  Block *b;
  if (!ZS_POOLS || need > (BLOCK_BYTES - sizeof(Block)) / 4) {
    b = block_new(need); /* its one reference is the row's */
  } else {
    Rows *r = ZS_THREAD_OWN(my_rows, &thread_rows, g_new0(Rows, 1));
    b = r->current;
    if (!b || b->size - b->used < need) {
      if (b)
        block_unref(b); /* no longer current */
      b = r->spare ? g_steal_pointer(&r->spare) : block_new(BLOCK_BYTES - sizeof(Block));
      b->refs = 1;
      b->used = 0;
      r->current = b;
    }
    g_atomic_int_inc(&b->refs);
  }
  char *at = b->data + b->used;
  b->used += need;
  *(Block **)(void *)at = b;
  return (ZsStat *)(void *)(at + sizeof(Block *));
}

static void row_release(ZsStat *s) {
  block_unref(*((Block **)(void *)s - 1));
}

/* Written out string by string, not as loops over arrays of the fields'
 * addresses: a row is made for every figure written. */
ZsStat *zs_stat_new_known(const ZsStat *fields, const gsize known[ZS_STAT_STRINGS]) {
  gsize len[ZS_STAT_STRINGS] = {
    measure(fields->metric, known[0]),  measure(fields->value, known[1]),
    measure(fields->unit, known[2]),    measure(fields->sentence, known[3]),
    measure(fields->surface, known[4]), measure(fields->article, known[5]),
    measure(fields->file, known[6]),    measure(fields->period, known[7]),
    measure(fields->rule, known[8]),
  };
  gsize total = sizeof(ZsStat) + ZS_STAT_STRINGS + len[0] + len[1] + len[2] + len[3] + len[4] +
                len[5] + len[6] + len[7] + len[8];
  ZsStat *st = row_alloc(total);
  *st = *fields;
  memcpy(st->lengths, len, sizeof len);
  char *at = (char *)(st + 1);
  at = place(at, &st->metric, fields->metric, len[0]);
  at = place(at, &st->value, fields->value, len[1]);
  at = place(at, &st->unit, fields->unit, len[2]);
  at = place(at, &st->sentence, fields->sentence, len[3]);
  at = place(at, &st->surface, fields->surface, len[4]);
  at = place(at, &st->article, fields->article, len[5]);
  at = place(at, &st->file, fields->file, len[6]);
  at = place(at, &st->period, fields->period, len[7]);
  place(at, &st->rule, fields->rule, len[8]);
  return st;
}

/* Whether the string str of len bytes starts at *p, where it is moved past
 * the string's NUL. */
static inline gboolean lies_at(const char *str, gsize len, const char **p) {
  if (str != *p || str[len] != '\0')
    return FALSE;
  *p += len + 1;
  return TRUE;
}

/* The strings of a row made by zs_stat_new() follow each other behind the
 * struct, each after its predecessor's NUL; a row whose pointers all sit
 * where its lengths say was made so (the strings are never changed in
 * place), and a row built otherwise fails at its first string. */
gboolean zs_stat_packed(const ZsStat *s) {
  const char *p = (const char *)(s + 1);
  const gsize *len = s->lengths;
  return lies_at(s->metric, len[0], &p) && lies_at(s->value, len[1], &p) &&
         lies_at(s->unit, len[2], &p) && lies_at(s->sentence, len[3], &p) &&
         lies_at(s->surface, len[4], &p) && lies_at(s->article, len[5], &p) &&
         lies_at(s->file, len[6], &p) && lies_at(s->period, len[7], &p) &&
         lies_at(s->rule, len[8], &p);
}

void zs_stat_free(ZsStat *s) {
  if (s)
    row_release(s);
}
