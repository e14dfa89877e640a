/*-------------------------------------------------------------------------
 * medicare_schedule.c
 *	  medicare_schedule and medicare_allowed: a locality's Medicare fee
 *	  schedule read from the pfs_rvu and pfs_gpci tables.
 *
 * medicare_schedule(year, locality) builds the year's schedule for the
 * locality as a rate_schedule.  medicare_allowed prices a line against the
 * same schedule with expected_allowed's rules, so the two agree by
 * construction; it runs on millions of lines, so it does not query per
 * row: the first line of a year reads the year's rows of both tables once
 * (in fixed point), the first line of each locality builds that
 * locality's schedule from them and indexes it (schedule_cache.c), all in
 * fn_extra, and the lines after that are priced from there.  The cache
 * lives for the query, and is dropped when a statement or command of the
 * transaction could see other rows (a PL/pgSQL expression keeps fn_extra
 * across statements), so the function is truthfully STABLE.
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

#define MEDICARE_CACHE_SLOTS 64	/* year and locality pairs held per query */

/* A year's pfs_rvu rows and pfs_gpci localities, read once per query. */
typedef struct PfsYear
{
	int32		year;
	int			nrows;
	PfsRow	   *rows;
	int			nlocalities;
	text	  **localities;		/* the localities' keys... */
	PfsGpci    *gpcis;			/* ...and their GPCIs */
} PfsYear;

typedef struct MedicareCacheEntry
{
	int32		year;
	text	   *locality;		/* the key */
	PricedSchedule *ps;			/* NULL: no rows for the year and locality */
	MemoryContext context;
} MedicareCacheEntry;

typedef struct MedicareCache
{
	TimestampTz statement;		/* the statement and command the entries */
	CommandId	command;		/* were read in */
	MemoryContext years_context;	/* holds year */
	PfsYear    *year;			/* the last year read, or NULL */
	int			nentries;
	int			last;			/* the entry found last */
	int			next_victim;
	MedicareCacheEntry entries[MEDICARE_CACHE_SLOTS];
} MedicareCache;

/* A numeric column of the SPI result in fixed point; false for NULL. */
static bool
spi_fixed(HeapTuple tuple, TupleDesc desc, int column, Fixed *result)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tuple, desc, column, &isnull);

	if (isnull)
		return false;
	if (!fixed_from_numeric(d, result))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("a value in pfs_rvu or pfs_gpci is out of range: %s",
						DatumGetCString(DirectFunctionCall1(numeric_out, d)))));
	return true;
}

/* A text column of the SPI result copied into buf (at most size bytes, not terminated). */
static void
spi_chars(HeapTuple tuple, TupleDesc desc, int column, char *buf, int size)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tuple, desc, column, &isnull);
	text	   *t;
	const char *s;
	int			len;

	memset(buf, 0, size);
	if (isnull)
		return;
	t = DatumGetTextPP(d);
	s = VARDATA_ANY(t);
	len = VARSIZE_ANY_EXHDR(t);
	while (len > 0 && *s == ' ')
		s++, len--;
	memcpy(buf, s, Min(len, size));
}

/* A row's code and modifier, checked: they become a selector. */
static void
read_selector(HeapTuple tuple, TupleDesc desc, PfsRow *row)
{
	char		code[RS_CODE_LEN + 1];
	char		modifier[3];

	spi_chars(tuple, desc, 1, code, RS_CODE_LEN + 1);
	spi_chars(tuple, desc, 2, modifier, 3);
	/* the table's checks keep codes 3 to 7 characters and modifiers empty or 2 */
	if (strnlen(code, RS_CODE_LEN + 1) >= RS_CODE_LEN || strnlen(modifier, 3) > 2)
		elog(ERROR, "pfs_rvu row %.8s-%.3s does not fit a rate_schedule selector", code, modifier);
	memcpy(row->hcpcs, code, RS_CODE_LEN);
	memcpy(row->modifier, modifier, 2);
}

/* Read one pfs_rvu row of the query in pfs_year_read. */
static void
read_row(HeapTuple tuple, TupleDesc desc, PfsRow *row)
{
	char		indicators[5][1];
	int			i;

	read_selector(tuple, desc, row);
	for (i = 0; i < 5; i++)
		spi_chars(tuple, desc, 3 + i, indicators[i], 1);
	row->status = indicators[0][0];
	row->mult_proc = indicators[1][0];
	row->bilateral = indicators[2][0];
	row->assistant = indicators[3][0];
	row->co_surgeon = indicators[4][0];
	row->has_work = spi_fixed(tuple, desc, 8, &row->work_rvu);
	row->has_pe_nonfacility = spi_fixed(tuple, desc, 9, &row->pe_nonfacility);
	row->has_pe_facility = spi_fixed(tuple, desc, 10, &row->pe_facility);
	row->has_mp = spi_fixed(tuple, desc, 11, &row->mp_rvu);
	row->has_conversion_factor = spi_fixed(tuple, desc, 12, &row->conversion_factor);
}

/*
 * A year's rows of pfs_rvu and pfs_gpci, in the current memory context,
 * read from the schema of the function fn_oid (two queries).
 */
static PfsYear *
pfs_year_read(int32 year, Oid fn_oid)
{
	MemoryContext caller = CurrentMemoryContext;
	const char *schema = quote_identifier(get_namespace_name(get_func_namespace(fn_oid)));
	Oid			argtypes[1] = {INT4OID};
	Datum		values[1] = {Int32GetDatum(year)};
	PfsYear    *y = palloc0(sizeof(PfsYear));
	uint64		i;

	y->year = year;
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute_with_args(psprintf("SELECT hcpcs, modifier, status, mult_proc, bilateral, assistant, co_surgeon, "
									   "work_rvu, pe_nonfacility, pe_facility, mp_rvu, conversion_factor "
									   "FROM %s.pfs_rvu WHERE year OPERATOR(pg_catalog.=) $1", schema),
							  1, argtypes, values, NULL, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "could not read %s.pfs_rvu", schema);
	if (SPI_processed > RS_MAX_ENTRIES / 2)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("pfs_rvu holds more than %d rows for year %d", RS_MAX_ENTRIES / 2, year)));
	y->nrows = (int) SPI_processed;
	y->rows = MemoryContextAlloc(caller, Max(y->nrows, 1) * sizeof(PfsRow));
	for (i = 0; i < SPI_processed; i++)
		read_row(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, &y->rows[i]);
	if (SPI_execute_with_args(psprintf("SELECT locality, work, pe, mp FROM %s.pfs_gpci "
									   "WHERE year OPERATOR(pg_catalog.=) $1", schema),
							  1, argtypes, values, NULL, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "could not read %s.pfs_gpci", schema);
	y->nlocalities = (int) SPI_processed;
	y->localities = MemoryContextAlloc(caller, Max(y->nlocalities, 1) * sizeof(text *));
	y->gpcis = MemoryContextAlloc(caller, Max(y->nlocalities, 1) * sizeof(PfsGpci));
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tuple = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		bool		isnull;
		Datum		locality = SPI_getbinval(tuple, desc, 1, &isnull);

		y->localities[i] = (text *) MemoryContextAlloc(caller, VARSIZE_ANY(DatumGetPointer(locality)));
		memcpy(y->localities[i], DatumGetPointer(locality), VARSIZE_ANY(DatumGetPointer(locality)));
		if (!spi_fixed(tuple, desc, 2, &y->gpcis[i].work) || !spi_fixed(tuple, desc, 3, &y->gpcis[i].pe) ||
			!spi_fixed(tuple, desc, 4, &y->gpcis[i].mp))
			elog(ERROR, "pfs_gpci has a NULL GPCI");	/* the columns are NOT NULL */
	}
	SPI_finish();
	return y;
}

static bool
text_equal(const text *a, const text *b)
{
	return VARSIZE_ANY_EXHDR(a) == VARSIZE_ANY_EXHDR(b) &&
		memcmp(VARDATA_ANY(a), VARDATA_ANY(b), VARSIZE_ANY_EXHDR(a)) == 0;
}

/*
 * The year's fee schedule for a locality, in the current memory context,
 * or NULL when the year has no pfs_rvu rows or the locality no GPCIs.
 */
static RateSchedule *
medicare_schedule_build(const PfsYear *y, const text *locality)
{
	ItemParser	p = {"rate_schedule", ERRCODE_INVALID_PARAMETER_VALUE, NULL};
	const PfsGpci *gpci = NULL;
	RateSchedule *s;
	int			n = 0;
	int			i;

	for (i = 0; i < y->nlocalities && gpci == NULL; i++)
		if (text_equal(y->localities[i], locality))
			gpci = &y->gpcis[i];
	if (gpci == NULL || y->nrows == 0)
		return NULL;
	s = palloc0(RS_SIZE(0, y->nrows * 2));
	for (i = 0; i < y->nrows; i++)
		n += pfs_row_entries(&y->rows[i], gpci, RS_ENTRIES(s) + n);
	SET_VARSIZE(s, RS_SIZE(0, n));
	s->version = RS_FORMAT_VERSION;
	s->lesser_of = 1;
	s->nentries = n;
	medicare_schedule_policies(s);
	rate_schedule_finish(&p, s);	/* sorts; the table's key rules out duplicates */
	return s;
}

PG_FUNCTION_INFO_V1(medicare_schedule);
Datum
medicare_schedule(PG_FUNCTION_ARGS)
{
	RateSchedule *s = medicare_schedule_build(pfs_year_read(PG_GETARG_INT32(0), fcinfo->flinfo->fn_oid),
											  PG_GETARG_TEXT_PP(1));

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
	if (cache->years_context != NULL)
		MemoryContextDelete(cache->years_context);
	cache->years_context = NULL;
	cache->year = NULL;
	cache->statement = GetCurrentStatementStartTimestamp();
	cache->command = GetCurrentCommandId(false);
}

static bool
entry_matches(const MedicareCacheEntry *e, int32 year, const text *locality)
{
	return e->year == year && text_equal(e->locality, locality);
}

/* The year's rows, read at the first locality of the year a query prices. */
static const PfsYear *
medicare_cache_year(FunctionCallInfo fcinfo, MedicareCache *cache, int32 year)
{
	MemoryContext oldcontext;

	if (cache->year != NULL && cache->year->year == year)
		return cache->year;
	if (cache->years_context != NULL)
		MemoryContextDelete(cache->years_context);
	cache->years_context = AllocSetContextCreate(fcinfo->flinfo->fn_mcxt, "contracts_ext pfs year",
												 ALLOCSET_DEFAULT_SIZES);
	oldcontext = MemoryContextSwitchTo(cache->years_context);
	cache->year = pfs_year_read(year, fcinfo->flinfo->fn_oid);
	MemoryContextSwitchTo(oldcontext);
	return cache->year;
}

/* Build and index the schedule of a year and locality into a cache entry. */
static MedicareCacheEntry *
medicare_cache_fill(FunctionCallInfo fcinfo, MedicareCache *cache, int32 year, text *locality)
{
	const PfsYear *y = medicare_cache_year(fcinfo, cache, year);
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
	s = medicare_schedule_build(y, locality);
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
