/*-------------------------------------------------------------------------
 * contract_codes.c
 *	  Code lists in contract terms: parsing, canonical form, membership.
 *
 * A list is comma-separated codes and inclusive ranges `LO-HI` of codes of
 * the same length (so `70450-70559` never takes in a 4- or 6-character
 * code), or the word `none` for an explicitly empty list.  Codes are 3 to
 * 7 letters and digits with at least one digit, as in rate schedules, and
 * are upper-cased.  Within a length, ranges compare as strings, which for
 * same-length codes is the order payers list them in.  Lists are kept
 * sorted by length and code with overlapping ranges merged, so a lookup
 * is a binary search.
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <ctype.h>

#include "contract_codes.h"

#include "miscadmin.h"

#define CODE_HINT "Write codes as 3 to 7 letters and digits, ranges as \"70450-70559\", or \"none\"."

/* Copy a code, upper-cased, into out; false if it is not a code. */
static bool
normalize_code(const char *s, size_t len, char *out)
{
	bool		has_digit = false;
	size_t		i;

	if (len < 3 || len >= CONTRACT_CODE_LEN)
		return false;
	for (i = 0; i < len; i++)
	{
		if (!isalnum((unsigned char) s[i]))
			return false;
		has_digit |= isdigit((unsigned char) s[i]) != 0;
		out[i] = pg_toupper((unsigned char) s[i]);
	}
	out[len] = '\0';
	return has_digit;
}

/* One element, "CODE" or "LO-HI", into r. */
static bool
parse_code_range(ItemParser *p, const ParsedItem *item, const char *elem, CodeRange *r)
{
	const char *dash = strchr(elem, '-');
	char	   *lo = dash ? trimmed_copy(elem, dash) : pstrdup(elem);
	char	   *hi = dash ? trimmed_copy(dash + 1, dash + strlen(dash)) : lo;

	memset(r, 0, sizeof(CodeRange));
	if (lo[0] == '\0' || hi[0] == '\0')
		return items_fail(p, item->text, CODE_HINT, "The range \"%s\" lacks a code on one side.", elem);
	if (!normalize_code(lo, strlen(lo), r->lo))
		return items_fail(p, item->text, CODE_HINT, "\"%s\" is not a procedure code.", lo);
	if (!normalize_code(hi, strlen(hi), r->hi))
		return items_fail(p, item->text, CODE_HINT, "\"%s\" is not a procedure code.", hi);
	if (strlen(r->lo) != strlen(r->hi))
		return items_fail(p, item->text, NULL,
						  "The range \"%s\" joins codes of different lengths.", elem);
	if (strcmp(r->lo, r->hi) > 0)
		return items_fail(p, item->text, NULL, "The range \"%s\" runs backwards.", elem);
	return true;
}

/* Order: by code length, then low code, then high code. */
static int
code_range_cmp(const void *a, const void *b)
{
	const CodeRange *ra = a;
	const CodeRange *rb = b;
	size_t		la = strlen(ra->lo);
	size_t		lb = strlen(rb->lo);
	int			c;

	if (la != lb)
		return la < lb ? -1 : 1;
	c = strcmp(ra->lo, rb->lo);
	return c != 0 ? c : strcmp(ra->hi, rb->hi);
}

/*
 * Sort ranges and merge those of one length that overlap, so that within
 * a length they are disjoint and increasing: a lookup is then a binary
 * search, and the canonical text is a fixed point.  Returns the count.
 */
static int32
code_ranges_normalize(CodeRange *r, int32 n)
{
	int32		i;
	int32		kept = 0;

	qsort(r, n, sizeof(CodeRange), code_range_cmp);
	for (i = 0; i < n; i++)
	{
		CodeRange  *last = kept > 0 ? &r[kept - 1] : NULL;

		if (last != NULL && strlen(last->lo) == strlen(r[i].lo) &&
			strcmp(r[i].lo, last->hi) <= 0)
		{
			if (strcmp(r[i].hi, last->hi) > 0)
				memcpy(last->hi, r[i].hi, CONTRACT_CODE_LEN);
		}
		else
			r[kept++] = r[i];
	}
	return kept;
}

/*
 * Parse a code list.  The ranges come back normalized: sorted by length
 * and code, overlapping ones merged.
 */
bool
parse_code_ranges(ItemParser *p, const ParsedItem *item, CodeRange **ranges, int32 *nranges)
{
	char	   *list = pstrdup(item->value);
	char	   *elem = list;
	CodeRange  *out;
	int32		n = 0;

	*ranges = NULL;
	*nranges = 0;
	if (pg_strcasecmp(item->value, "none") == 0)
		return true;
	out = palloc(sizeof(CodeRange) * Min(strlen(list) / 4 + 1, CONTRACT_MAX_AUTH_RANGES));
	for (;;)
	{
		char	   *comma = strchr(elem, ',');

		CHECK_FOR_INTERRUPTS();
		if (comma)
			*comma = '\0';
		elem = trimmed_copy(elem, elem + strlen(elem));
		if (elem[0] == '\0')
			return items_fail(p, item->text, CODE_HINT, "An element of %s is empty.", item->key);
		if (pg_strcasecmp(elem, "none") == 0)
			return items_fail(p, item->text, NULL,
							  "\"none\" stands alone: it means the list is empty.");
		if (n == CONTRACT_MAX_AUTH_RANGES)
			return items_fail_code(p, ERRCODE_PROGRAM_LIMIT_EXCEEDED, item->text, NULL,
								   "A code list has at most %d codes and ranges.",
								   CONTRACT_MAX_AUTH_RANGES);
		if (!parse_code_range(p, item, elem, &out[n++]))
			return false;
		if (!comma)
			break;
		elem = comma + 1;
	}
	*ranges = out;
	*nranges = code_ranges_normalize(out, n);
	return true;
}

/* The canonical text ("none" for an empty list) and jsonb array of a list. */
void
format_code_ranges(const CodeRange *ranges, int32 nranges, Term *term)
{
	StringInfoData buf;
	int32		i;

	if (nranges == 0)
	{
		term->kind = TERM_WORD;
		term->value = pstrdup("none");
		return;
	}
	term->kind = TERM_LIST;
	term->nelems = nranges;
	term->elems = palloc(nranges * sizeof(char *));
	initStringInfo(&buf);
	for (i = 0; i < nranges; i++)
	{
		const CodeRange *r = &ranges[i];

		term->elems[i] = strcmp(r->lo, r->hi) == 0 ? pstrdup(r->lo)
			: psprintf("%s-%s", r->lo, r->hi);
		appendStringInfo(&buf, "%s%s", i > 0 ? ", " : "", term->elems[i]);
	}
	term->value = buf.data;
}

/*
 * Is code (len bytes, any case, surrounding spaces ignored) in the list?
 * A code only matches ranges of its own length.  The list is normalized,
 * so the one candidate is the last range ordered at or before the code.
 */
bool
code_ranges_contain(const CodeRange *ranges, int32 nranges, const char *code, size_t len)
{
	CodeRange	key;
	char	   *trimmed = trimmed_copy(code, code + len);
	int32		lo = 0;
	int32		hi = nranges;

	memset(&key, 0, sizeof(key));
	if (!normalize_code(trimmed, strlen(trimmed), key.lo))
		return false;
	memset(key.hi, 0x7f, CONTRACT_CODE_LEN - 1);	/* sorts after any range starting at key.lo */
	/* find the first range ordered after the key */
	while (lo < hi)
	{
		int32		mid = lo + (hi - lo) / 2;

		if (code_range_cmp(&ranges[mid], &key) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return false;
	return strlen(ranges[lo - 1].lo) == strlen(key.lo) && strcmp(key.lo, ranges[lo - 1].hi) <= 0;
}
