/*-------------------------------------------------------------------------
 * carc.c
 *	  carc_category and is_denial: claim adjustment reason code lookups.
 *
 * They run on millions of remittance rows, so each call does not query the
 * reference view: the first call of a query reads the view `carc` (in the
 * extension's schema) once into a sorted array in fn_extra, and every row
 * is then a binary search.  Reading once per query keeps the functions
 * truthfully STABLE: edits to carc_local show in the next query.
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <ctype.h>

#include "compat.h"

#include "executor/spi.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#define CARC_CODE_LEN 8

typedef struct CarcEntry
{
	char		code[CARC_CODE_LEN];
	char	   *category;
	bool		is_denial;
} CarcEntry;

typedef struct CarcTable
{
	int			n;
	CarcEntry  *entries;		/* sorted by code */
} CarcTable;

static int
carc_entry_cmp(const void *a, const void *b)
{
	return strcmp(((const CarcEntry *) a)->code, ((const CarcEntry *) b)->code);
}

/* Read the reference view once per query into fn_extra. */
static CarcTable *
carc_table(FunctionCallInfo fcinfo)
{
	CarcTable  *table = fcinfo->flinfo->fn_extra;
	char	   *schema;
	MemoryContext oldcontext;
	uint64		i;

	if (table != NULL)
		return table;
	schema = get_namespace_name(get_func_namespace(fcinfo->flinfo->fn_oid));
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute(psprintf("SELECT code, category, is_denial FROM %s.carc", quote_identifier(schema)),
					true, 0) != SPI_OK_SELECT)
		elog(ERROR, "could not read %s.carc", schema);
	oldcontext = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	table = palloc0(sizeof(CarcTable));
	table->entries = palloc0(Max(SPI_processed, 1) * sizeof(CarcEntry));
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tuple = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		char	   *code = SPI_getvalue(tuple, desc, 1);
		char	   *category = SPI_getvalue(tuple, desc, 2);
		char	   *denial = SPI_getvalue(tuple, desc, 3);

		if (code == NULL || strlen(code) >= CARC_CODE_LEN)
			continue;
		strcpy(table->entries[table->n].code, code);
		table->entries[table->n].category = pstrdup(category ? category : "other");
		table->entries[table->n].is_denial = denial && denial[0] == 't';
		table->n++;
	}
	MemoryContextSwitchTo(oldcontext);
	SPI_finish();
	qsort(table->entries, table->n, sizeof(CarcEntry), carc_entry_cmp);
	fcinfo->flinfo->fn_extra = table;
	return table;
}

/* Trimmed, upper-cased copy of a short text into buf; false if too long. */
static bool
upper_trimmed(text *t, char *buf, size_t size)
{
	const char *s = VARDATA_ANY(t);
	int			len = VARSIZE_ANY_EXHDR(t);
	int			i;

	while (len > 0 && isspace((unsigned char) *s))
		s++, len--;
	while (len > 0 && isspace((unsigned char) s[len - 1]))
		len--;
	if ((size_t) len >= size)
		return false;
	for (i = 0; i < len; i++)
		buf[i] = toupper((unsigned char) s[i]);
	buf[len] = '\0';
	return true;
}

/*
 * The reason code of '29', 'CO-29', 'co29' or 'CO 29': trimmed, upper-cased,
 * without a group-code prefix.  False if nothing code-like is left.
 */
static bool
normalize_carc(text *t, char *code)
{
	static const char *const groups[] = {"CO", "PR", "OA", "PI", "CR"};
	char		buf[32];
	char	   *s = buf;
	int			i;

	if (!upper_trimmed(t, buf, sizeof(buf)))
		return false;
	for (i = 0; i < (int) lengthof(groups); i++)
		if (strncmp(s, groups[i], 2) == 0 && s[2] != '\0')
		{
			s += 2;
			while (*s == '-' || *s == ' ')
				s++;
			break;
		}
	if (*s == '\0' || strlen(s) >= CARC_CODE_LEN)
		return false;
	strcpy(code, s);
	return true;
}

static const CarcEntry *
carc_lookup(FunctionCallInfo fcinfo, text *t)
{
	CarcTable  *table = carc_table(fcinfo);
	CarcEntry	key;

	if (!normalize_carc(t, key.code))
		return NULL;
	return bsearch(&key, table->entries, table->n, sizeof(CarcEntry), carc_entry_cmp);
}

PG_FUNCTION_INFO_V1(carc_category);
Datum
carc_category(PG_FUNCTION_ARGS)
{
	const CarcEntry *e = carc_lookup(fcinfo, PG_GETARG_TEXT_PP(0));

	PG_RETURN_TEXT_P(cstring_to_text(e ? e->category : "other"));
}

PG_FUNCTION_INFO_V1(is_denial);
Datum
is_denial(PG_FUNCTION_ARGS)
{
	char		group[8];
	const CarcEntry *e;

	if (upper_trimmed(PG_GETARG_TEXT_PP(0), group, sizeof(group)) && strcmp(group, "PR") == 0)
		PG_RETURN_BOOL(false);	/* patient responsibility is never a denial */
	e = carc_lookup(fcinfo, PG_GETARG_TEXT_PP(1));
	if (e == NULL)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(e->is_denial);
}
