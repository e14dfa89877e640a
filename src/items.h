/*-------------------------------------------------------------------------
 * items.h
 *	  The one `key: value; key: value` lexer shared by contract,
 *	  rate_schedule and capitation, plus the value parsers and the
 *	  output helpers (canonical text, jsonb, key/value rows) they share.
 *-------------------------------------------------------------------------
 */
#ifndef CONTRACTS_ITEMS_H
#define CONTRACTS_ITEMS_H

#include "compat.h"

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/date.h"
#include "utils/jsonb.h"

/* Where parse errors go and how they are worded. */
typedef struct ItemParser
{
	const char *typname;		/* "contract", ... for messages */
	int			sqlstate;		/* 22P02 for text input, 22P03 for binary */
	Node	   *escontext;		/* soft-error context, or NULL */
} ItemParser;

/* One `key: value` item of the input. */
typedef struct ParsedItem
{
	char	   *key;			/* trimmed, case preserved */
	char	   *value;			/* trimmed, unquoted */
	char	   *text;			/* the whole item, trimmed, for messages */
	bool		quoted;			/* value was written as '...' */
} ParsedItem;

extern char *trimmed_copy(const char *start, const char *end);
extern bool items_split(ItemParser *p, const char *input,
						ParsedItem **items, int *nitems);
extern bool items_fail(ItemParser *p, const char *item,
					   const char *hint, const char *detail_fmt,...)
			pg_attribute_printf(4, 5);
extern bool items_fail_code(ItemParser *p, int sqlstate, const char *item,
							const char *hint, const char *detail_fmt,...)
			pg_attribute_printf(5, 6);

/* Value parsers: false (after a soft error) on bad input. */
extern bool parse_decimal(ItemParser *p, const ParsedItem *item, const char *s,
						  int scale, int64 max, int64 *result);
extern bool parse_percent(ItemParser *p, const ParsedItem *item, const char *s,
						  int64 max, int64 *micro);
extern bool parse_date(ItemParser *p, const ParsedItem *item, const char *s,
					   DateADT *result);
extern char *format_decimal(int64 value, int scale, int min_frac);

/* Output: a list of terms, rendered as canonical text, jsonb or rows. */
typedef enum TermKind
{
	TERM_TEXT,					/* free text: quoted in text form when needed */
	TERM_WORD,					/* a date, duration, keyword: never quoted */
	TERM_NUMBER,				/* a plain number */
	TERM_PERCENT,				/* "12.5%": jsonb number 12.5 */
	TERM_BOOL,					/* "true" / "false": jsonb boolean */
	TERM_LIST					/* "a, b, c": jsonb array of strings */
} TermKind;

typedef struct Term
{
	const char *key;
	char	   *value;			/* canonical text of the value */
	TermKind	kind;
	int			nelems;			/* TERM_LIST only */
	char	  **elems;
} Term;

extern char *terms_to_cstring(const Term *terms, int nterms);
extern Jsonb *terms_to_jsonb(const Term *terms, int nterms);
extern void terms_materialize(FunctionCallInfo fcinfo,
							  const Term *terms, int nterms);
extern char *jsonb_to_items_text(Jsonb *jb, const char *typname);

/* Shared by the types: binary form (version byte + canonical text). */
extern bytea *items_send(const char *text, int version);
extern char *items_recv_text(StringInfo buf, int version, const char *typname);
/*
 * A stored value of one of the types, detoasted, after checking its format
 * version: the byte right after the varlena header in each type (each
 * header asserts it), first_version to last_version.
 */
extern void *items_detoast_versioned(Datum d, const char *typname,
									 int first_version, int last_version);


#endif							/* CONTRACTS_ITEMS_H */
