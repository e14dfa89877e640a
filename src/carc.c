/*-------------------------------------------------------------------------
 * carc.c
 *	  carc_category and is_denial: claim adjustment reason code lookups.
 *
 * They run on millions of remittance rows, so each call does not query the
 * reference view: the view `carc` (in the extension's schema) is read into
 * a sorted array, and every row is then a binary search.
 *
 * The array is kept for the rest of the transaction, until the reference
 * tables change, the way core caches catalog rows: a statement trigger on
 * carc_local and carc_shipped sends a relcache invalidation, which this
 * backend applies at the end of the statement (or when a subtransaction
 * that changed them aborts) and other backends at their next transaction;
 * the callback below then bumps a generation counter, as does the end of
 * every transaction, and an array read under an older generation is read
 * again.  So a statement sees what earlier statements of its transaction
 * wrote, and a PL/pgSQL loop that writes other tables reads the view once
 * (re-reading per statement cost 0.6 ms an iteration); the functions stay
 * truthfully STABLE.  Each reading lives in its own memory context, freed
 * when the next one replaces it.
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <ctype.h>

#include "compat.h"

#include "access/xact.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#define CARC_CODE_LEN 8
#define PATIENT_RESPONSIBILITY "patient_responsibility"

typedef struct CarcEntry
{
	char		code[CARC_CODE_LEN];
	text	   *category;		/* ready to copy out */
	bool		cost_sharing;	/* category is patient_responsibility */
	bool		is_denial;
} CarcEntry;

typedef struct CarcTable
{
	MemoryContext mcxt;			/* holds this table and its entries */
	uint64		generation;		/* carc_generation when read */
	int			n;
	CarcEntry  *entries;		/* sorted by code */
} CarcTable;

/*
 * Bumped by every invalidation of the reference tables (or of the whole
 * relcache) and at every transaction end: a table read under an older
 * value is out of date.
 */
static uint64 carc_generation = 0;
static Oid	carc_local_relid = InvalidOid;
static Oid	carc_shipped_relid = InvalidOid;
static CarcTable *carc_cache = NULL;

static void
carc_relcache_callback(Datum arg, Oid relid)
{
	if (relid == InvalidOid || relid == carc_local_relid || relid == carc_shipped_relid)
		carc_generation++;
}

static void
carc_xact_callback(XactEvent event, void *arg)
{
	carc_generation++;
}

/*
 * The trigger on carc_local and carc_shipped: any change to them makes
 * every cached reading out of date, in this backend and the others.
 */
PG_FUNCTION_INFO_V1(carc_reference_changed);
Datum
carc_reference_changed(PG_FUNCTION_ARGS)
{
	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("carc_reference_changed() must be called as a trigger")));
	CacheInvalidateRelcache(((TriggerData *) fcinfo->context)->tg_relation);
	PG_RETURN_POINTER(NULL);
}

static int
carc_entry_cmp(const void *a, const void *b)
{
	return strcmp(((const CarcEntry *) a)->code, ((const CarcEntry *) b)->code);
}

/*
 * Read the reference view into a new table in its own context.  The context
 * hangs under the caller's until the table is complete, so an error on the
 * way frees it with the rest of the failed query.
 */
static CarcTable *
carc_read(FunctionCallInfo fcinfo)
{
	MemoryContext mcxt = AllocSetContextCreate(CurrentMemoryContext, "carc lookup",
											   ALLOCSET_SMALL_SIZES);
	Oid			schema_oid = get_func_namespace(fcinfo->flinfo->fn_oid);
	char	   *schema = get_namespace_name(schema_oid);
	uint64		generation = carc_generation;
	CarcTable  *table;
	uint64		i;

	carc_local_relid = get_relname_relid("carc_local", schema_oid);
	carc_shipped_relid = get_relname_relid("carc_shipped", schema_oid);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute(psprintf("SELECT code, category, is_denial FROM %s.carc", quote_identifier(schema)),
					true, 0) != SPI_OK_SELECT)
		elog(ERROR, "could not read %s.carc", schema);
	table = MemoryContextAllocZero(mcxt, sizeof(CarcTable));
	table->mcxt = mcxt;
	table->generation = generation; /* as of before the read: a change during it reads again */
	table->entries = MemoryContextAllocZero(mcxt, Max(SPI_processed, 1) * sizeof(CarcEntry));
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tuple = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		char	   *code = SPI_getvalue(tuple, desc, 1);
		char	   *category = SPI_getvalue(tuple, desc, 2);
		char	   *denial = SPI_getvalue(tuple, desc, 3);
		CarcEntry  *e = &table->entries[table->n];
		MemoryContext oldcontext;

		if (code == NULL || strlen(code) >= CARC_CODE_LEN)
			continue;
		if (category == NULL)
			category = "other";
		strcpy(e->code, code);
		oldcontext = MemoryContextSwitchTo(mcxt);
		e->category = cstring_to_text(category);
		MemoryContextSwitchTo(oldcontext);
		e->cost_sharing = strcmp(category, PATIENT_RESPONSIBILITY) == 0;
		e->is_denial = denial && denial[0] == 't';
		table->n++;
	}
	SPI_finish();
	qsort(table->entries, table->n, sizeof(CarcEntry), carc_entry_cmp);
	return table;
}

/*
 * The current table: the cached one if no invalidation came since it was
 * read, else a fresh reading, published only once complete.
 */
static CarcTable *
carc_table(FunctionCallInfo fcinfo)
{
	static bool callbacks_registered = false;
	CarcTable  *fresh;

	if (carc_cache != NULL && carc_cache->generation == carc_generation)
		return carc_cache;
	if (!callbacks_registered)
	{
		CacheRegisterRelcacheCallback(carc_relcache_callback, (Datum) 0);
		RegisterXactCallback(carc_xact_callback, NULL);
		callbacks_registered = true;
	}
	fresh = carc_read(fcinfo);
	MemoryContextSetParent(fresh->mcxt, TopMemoryContext);
	if (carc_cache != NULL)
		MemoryContextDelete(carc_cache->mcxt);
	carc_cache = fresh;
	return fresh;
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
	text	   *result;

	if (e == NULL)
		PG_RETURN_TEXT_P(cstring_to_text("other"));
	result = palloc(VARSIZE(e->category));
	memcpy(result, e->category, VARSIZE(e->category));
	PG_RETURN_TEXT_P(result);
}

/*
 * Group PR only says who owes the amount: a PR adjustment for a non-covered
 * service (PR-204, PR-96) is as much a denial as a CO one.  What PR never
 * is, is a denial when its reason is the patient's cost sharing (deductible,
 * coinsurance, copay and the like: category patient_responsibility), even
 * if a practice's carc_local marks such a code a denial for other groups.
 */
PG_FUNCTION_INFO_V1(is_denial);
Datum
is_denial(PG_FUNCTION_ARGS)
{
	char		group[8];
	const CarcEntry *e = carc_lookup(fcinfo, PG_GETARG_TEXT_PP(1));

	if (e == NULL)
		PG_RETURN_NULL();
	if (e->cost_sharing && upper_trimmed(PG_GETARG_TEXT_PP(0), group, sizeof(group)) &&
		strcmp(group, "PR") == 0)
		PG_RETURN_BOOL(false);
	PG_RETURN_BOOL(e->is_denial);
}
