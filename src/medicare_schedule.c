/*-------------------------------------------------------------------------
 * medicare_schedule.c
 *	  medicare_schedule and medicare_allowed: a locality's Medicare fee
 *	  schedule read from the pfs_rvu and pfs_gpci tables.
 *
 * medicare_schedule(year, locality) builds the year's schedule for the
 * locality as a rate_schedule (one query).  medicare_allowed prices a line
 * against the same schedule with expected_allowed's rules, so the two
 * agree by construction; it runs on millions of lines, so it does not
 * query per row: the first line of a year and locality builds the
 * schedule and indexes it (schedule_cache.c) in fn_extra, and the lines
 * after it are priced from there.  The cache lives for the query, and is
 * dropped when a statement or command of the transaction could see other
 * rows (a PL/pgSQL expression keeps fn_extra across statements), so the
 * function is truthfully STABLE.
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "medicare.h"

#include "access/xact.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#define MEDICARE_CACHE_SLOTS 16	/* year and locality pairs held per query */

typedef struct MedicareCacheEntry
{
	int32		year;
	text	   *locality;		/* the key, in context */
	PricedSchedule *ps;			/* NULL: no rows for the year and locality */
	MemoryContext context;
} MedicareCacheEntry;

typedef struct MedicareCache
{
	TimestampTz statement;		/* the statement and command the entries */
	CommandId	command;		/* were read in */
	int			nentries;
	int			last;			/* the entry found last */
	int			next_victim;
	MedicareCacheEntry entries[MEDICARE_CACHE_SLOTS];
} MedicareCache;

/* A numeric column of the SPI result, or NULL. */
static Numeric
spi_numeric(HeapTuple tuple, TupleDesc desc, int column)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tuple, desc, column, &isnull);

	return isnull ? NULL : DatumGetNumeric(d);
}

/* A text column of the SPI result as a C string, or NULL. */
static const char *
spi_text(HeapTuple tuple, TupleDesc desc, int column)
{
	return SPI_getvalue(tuple, desc, column);
}

/*
 * The year's fee schedule for the locality, in the current memory context,
 * or NULL when pfs_gpci has no row for them or pfs_rvu none for the year.
 * The tables are read from the schema of the function fn_oid.
 */
static RateSchedule *
medicare_schedule_build(int32 year, text *locality, Oid fn_oid)
{
	MemoryContext caller = CurrentMemoryContext;
	const char *schema = quote_identifier(get_namespace_name(get_func_namespace(fn_oid)));
	Oid			argtypes[2] = {INT4OID, TEXTOID};
	Datum		values[2] = {Int32GetDatum(year), PointerGetDatum(locality)};
	RateSchedule *s = NULL;
	RateEntry  *entries;
	int			n = 0;
	uint64		i;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute_with_args(psprintf("SELECT r.hcpcs, r.modifier, r.status, r.work_rvu, r.pe_nonfacility, "
									   "r.pe_facility, r.mp_rvu, r.mult_proc, r.bilateral, r.assistant, "
									   "r.co_surgeon, r.conversion_factor, g.work, g.pe, g.mp "
									   "FROM %s.pfs_rvu r JOIN %s.pfs_gpci g "
									   "ON g.year OPERATOR(pg_catalog.=) r.year "
									   "WHERE r.year OPERATOR(pg_catalog.=) $1 "
									   "AND g.locality OPERATOR(pg_catalog.=) $2",
									   schema, schema),
							  2, argtypes, values, NULL, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "could not read %s.pfs_rvu and %s.pfs_gpci", schema, schema);
	if (SPI_processed > 0)
	{
		if (SPI_processed > RS_MAX_ENTRIES / 2)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("pfs_rvu holds more than %d rows for year %d", RS_MAX_ENTRIES / 2, year)));
		s = MemoryContextAllocZero(caller, RS_SIZE(0, SPI_processed * 2));
		entries = RS_ENTRIES(s);
		for (i = 0; i < SPI_processed; i++)
		{
			HeapTuple	tuple = SPI_tuptable->vals[i];
			TupleDesc	desc = SPI_tuptable->tupdesc;
			PfsRow		row;

			row.hcpcs = spi_text(tuple, desc, 1);
			row.modifier = spi_text(tuple, desc, 2);
			row.status = spi_text(tuple, desc, 3);
			row.work_rvu = spi_numeric(tuple, desc, 4);
			row.pe_nonfacility = spi_numeric(tuple, desc, 5);
			row.pe_facility = spi_numeric(tuple, desc, 6);
			row.mp_rvu = spi_numeric(tuple, desc, 7);
			row.mult_proc = spi_text(tuple, desc, 8);
			row.bilateral = spi_text(tuple, desc, 9);
			row.assistant = spi_text(tuple, desc, 10);
			row.co_surgeon = spi_text(tuple, desc, 11);
			row.conversion_factor = spi_numeric(tuple, desc, 12);
			row.gpci_work = spi_numeric(tuple, desc, 13);
			row.gpci_pe = spi_numeric(tuple, desc, 14);
			row.gpci_mp = spi_numeric(tuple, desc, 15);
			if (row.gpci_work == NULL || row.gpci_pe == NULL || row.gpci_mp == NULL)
				break;			/* the locality has no GPCIs: nothing is priced */
			n += pfs_row_entries(&row, entries + n);
		}
		if (i < SPI_processed)
			s = NULL;
	}
	SPI_finish();
	if (s != NULL)
	{
		ItemParser	p = {"rate_schedule", ERRCODE_INVALID_PARAMETER_VALUE, NULL};

		SET_VARSIZE(s, RS_SIZE(0, n));
		s->version = RS_FORMAT_VERSION;
		s->lesser_of = 1;
		s->nentries = n;
		medicare_schedule_policies(s);
		rate_schedule_finish(&p, s);
	}
	return s;
}

PG_FUNCTION_INFO_V1(medicare_schedule);
Datum
medicare_schedule(PG_FUNCTION_ARGS)
{
	RateSchedule *s = medicare_schedule_build(PG_GETARG_INT32(0), PG_GETARG_TEXT_PP(1),
											  fcinfo->flinfo->fn_oid);

	if (s == NULL)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(s);
}

/* Drop every entry: the transaction may see other rows now. */
static void
medicare_cache_reset(MedicareCache *cache)
{
	int			i;

	for (i = 0; i < cache->nentries; i++)
		MemoryContextDelete(cache->entries[i].context);
	cache->nentries = 0;
	cache->last = 0;
	cache->next_victim = 0;
	cache->statement = GetCurrentStatementStartTimestamp();
	cache->command = GetCurrentCommandId(false);
}

static bool
entry_matches(const MedicareCacheEntry *e, int32 year, const text *locality)
{
	return e->year == year &&
		VARSIZE_ANY_EXHDR(e->locality) == VARSIZE_ANY_EXHDR(locality) &&
		memcmp(VARDATA_ANY(e->locality), VARDATA_ANY(locality), VARSIZE_ANY_EXHDR(locality)) == 0;
}

/* Build and index the schedule of a year and locality into a cache entry. */
static MedicareCacheEntry *
medicare_cache_fill(FunctionCallInfo fcinfo, MedicareCache *cache, int32 year, text *locality)
{
	MedicareCacheEntry *e;
	MemoryContext oldcontext;
	RateSchedule *s;
	int			i;

	if (cache->nentries < MEDICARE_CACHE_SLOTS)
		i = cache->nentries++;
	else
	{
		i = cache->next_victim;
		cache->next_victim = (cache->next_victim + 1) % MEDICARE_CACHE_SLOTS;
		MemoryContextDelete(cache->entries[i].context);
	}
	e = &cache->entries[i];
	e->context = AllocSetContextCreate(fcinfo->flinfo->fn_mcxt, "contracts_ext medicare schedule",
									   ALLOCSET_DEFAULT_SIZES);
	oldcontext = MemoryContextSwitchTo(e->context);
	e->year = year;
	e->locality = (text *) PG_DETOAST_DATUM_COPY(PointerGetDatum(locality));
	s = medicare_schedule_build(year, locality, fcinfo->flinfo->fn_oid);
	e->ps = s ? priced_schedule_from(s) : NULL;
	MemoryContextSwitchTo(oldcontext);
	cache->last = i;
	return e;
}

/* The priced schedule of a year and locality (NULL: no rows), built once per query. */
static PricedSchedule *
medicare_priced_schedule(FunctionCallInfo fcinfo, int32 year, text *locality)
{
	MedicareCache *cache = fcinfo->flinfo->fn_extra;
	int			i;

	if (cache == NULL)
	{
		cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(MedicareCache));
		fcinfo->flinfo->fn_extra = cache;
		medicare_cache_reset(cache);
	}
	else if (cache->statement != GetCurrentStatementStartTimestamp() ||
			 cache->command != GetCurrentCommandId(false))
		medicare_cache_reset(cache);
	if (cache->nentries > 0 && entry_matches(&cache->entries[cache->last], year, locality))
		return cache->entries[cache->last].ps;
	for (i = 0; i < cache->nentries; i++)
		if (entry_matches(&cache->entries[i], year, locality))
		{
			cache->last = i;
			return cache->entries[i].ps;
		}
	return medicare_cache_fill(fcinfo, cache, year, locality)->ps;
}

/*
 * medicare_allowed(code, modifiers, year, locality, facility, units,
 * procedure_rank): the Medicare allowed amount of a line.  NULL when year
 * or locality is NULL, when the tables have no rows for them, or when the
 * line cannot be priced (see pricing.c).
 */
PG_FUNCTION_INFO_V1(medicare_allowed);
Datum
medicare_allowed(PG_FUNCTION_ARGS)
{
	PricedSchedule *ps;
	Numeric		result;

	if (PG_ARGISNULL(2) || PG_ARGISNULL(3))
		PG_RETURN_NULL();
	ps = medicare_priced_schedule(fcinfo, PG_GETARG_INT32(2), PG_GETARG_TEXT_PP(3));
	if (ps == NULL || (result = price_medicare_line(fcinfo, ps)) == NULL)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(result);
}
