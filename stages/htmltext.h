/* htmltext.h: the HTML left in scraped text (htmltext.c): character
 * entities and line-break tags, for normalize.c. */
#ifndef ZS_HTMLTEXT_H
#define ZS_HTMLTEXT_H

#include <glib.h>

/* The pieces of `raw` between <br>, <br/>, <p>, </p> and <div> tags (any
 * case, any attributes), each with its character entities decoded (&nbsp;
 * &amp; &lt; &gt; &quot; &apos; &#NNN; &#xHHH;) unless a bare & shows the
 * line was never escaped, and its other tags left as
 * they are; NULL when `raw` has neither a tag nor an entity. */
GStrv zs_html_pieces(const char *raw);

#endif
