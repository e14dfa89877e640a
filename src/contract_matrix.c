/*-------------------------------------------------------------------------
 * contract_matrix.c
 *	  The contract matrix's terms in dates and answers: termination without
 *	  cause and continuity of care, the payer's notice before a policy
 *	  change, the credentialing and prior-authorization decision clocks,
 *	  which codes need authorization, and whether the payer may offset.
 *
 * Every function returns NULL when the contract lacks the term it needs.
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "contract.h"
#include "contract_codes.h"
#include "bizdays.h"

#include "access/detoast.h"
#include "datatype/timestamp.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/timestamp.h"

/* date + the duration the contract states for key; false when absent. */
static bool
term_date(Contract *c, int key, DateADT from, DateADT *result)
{
	if (!CONTRACT_HAS(c, key))
		return false;
	*result = date_add_duration(from, contract_duration(c, key), 1);
	return true;
}

/* The SQL functions that are `date + term`. */
static Datum
date_plus_term(FunctionCallInfo fcinfo, int key)
{
	DateADT		result;

	if (!term_date(PG_GETARG_CONTRACT_P(0), key, PG_GETARG_DATEADT(1), &result))
		PG_RETURN_NULL();
	PG_RETURN_DATEADT(result);
}

/* The day a termination without cause noticed on notice_date takes effect. */
PG_FUNCTION_INFO_V1(termination_date);
Datum
termination_date(PG_FUNCTION_ARGS)
{
	return date_plus_term(fcinfo, CK_TERMINATION);
}

/* The last day the payer keeps paying in-course treatment after termination. */
PG_FUNCTION_INFO_V1(continuity_end);
Datum
continuity_end(PG_FUNCTION_ARGS)
{
	return date_plus_term(fcinfo, CK_CONTINUITY_OF_CARE);
}

/* The first day a payer change announced on notice_date may take effect. */
PG_FUNCTION_INFO_V1(policy_effective_earliest);
Datum
policy_effective_earliest(PG_FUNCTION_ARGS)
{
	return date_plus_term(fcinfo, CK_POLICY_NOTICE);
}

/* Did the payer give the contract's notice before the change took effect? */
PG_FUNCTION_INFO_V1(policy_change_valid);
Datum
policy_change_valid(PG_FUNCTION_ARGS)
{
	DateADT		earliest;

	if (!term_date(PG_GETARG_CONTRACT_P(0), CK_POLICY_NOTICE, PG_GETARG_DATEADT(1), &earliest))
		PG_RETURN_NULL();
	PG_RETURN_BOOL(PG_GETARG_DATEADT(2) >= earliest);
}

/* The payer's deadline to decide a complete credentialing application. */
PG_FUNCTION_INFO_V1(credentialing_deadline);
Datum
credentialing_deadline(PG_FUNCTION_ARGS)
{
	return date_plus_term(fcinfo, CK_CREDENTIALING);
}

/*
 * t plus n business days at the same local time of day: the n-th business
 * day after t's local date (session time zone), at t's wall-clock time.
 */
static TimestampTz
timestamptz_add_business_days(TimestampTz t, int32 n)
{
	Timestamp	local = DatumGetTimestamp(DirectFunctionCall1(timestamptz_timestamp,
															  TimestampTzGetDatum(t)));
	int64		day = local / USECS_PER_DAY - (local % USECS_PER_DAY < 0 ? 1 : 0);
	int64		time_of_day = local - day * USECS_PER_DAY;
	DateADT		due = bizdays_add((DateADT) day, n);

	return DatumGetTimestampTz(DirectFunctionCall1(timestamp_timestamptz,
												   TimestampGetDatum((Timestamp) due * USECS_PER_DAY + time_of_day)));
}

/* t plus a duration: hours are elapsed hours, days and months are local. */
static TimestampTz
timestamptz_add_duration(TimestampTz t, Duration d)
{
	Interval	span = {0};

	switch (d.unit)
	{
		case DUR_BUSINESS_DAYS:
			return timestamptz_add_business_days(t, d.count);
		case DUR_HOURS:
			span.time = (int64) d.count * USECS_PER_HOUR;
			break;
		case DUR_DAYS:
			span.day = d.count;
			break;
		case DUR_MONTHS:
			span.month = d.count;
			break;
		case DUR_YEARS:
			span.month = d.count * 12;
			break;
		default:
			elog(ERROR, "unrecognized duration unit: %d", d.unit);
	}
	return DatumGetTimestampTz(DirectFunctionCall2(timestamptz_pl_interval,
												   TimestampTzGetDatum(t),
												   PointerGetDatum(&span)));
}

/*
 * When the payer's prior-authorization decision is due: requested plus
 * auth_decision (auth_decision_urgent for urgent requests).  Hours count
 * elapsed hours, weekends included; business days skip weekends and
 * holidays and keep the time of day.  STABLE: days are local days.
 */
PG_FUNCTION_INFO_V1(auth_decision_due);
Datum
auth_decision_due(PG_FUNCTION_ARGS)
{
	Contract   *c = PG_GETARG_CONTRACT_P(0);
	TimestampTz requested = PG_GETARG_TIMESTAMPTZ(1);
	int			key = PG_GETARG_BOOL(2) ? CK_AUTH_DECISION_URGENT : CK_AUTH_DECISION;

	if (!CONTRACT_HAS(c, key))
		PG_RETURN_NULL();
	if (TIMESTAMP_NOT_FINITE(requested))
		PG_RETURN_TIMESTAMPTZ(requested);
	PG_RETURN_TIMESTAMPTZ(timestamptz_add_duration(requested, contract_duration(c, key)));
}

/* A TOASTed contract detoasted once per query, keyed by its TOAST pointer. */
typedef struct ContractCache
{
	struct varatt_external pointer;
	Contract   *contract;
} ContractCache;

/*
 * Argument argno as a contract.  A long code list moves the contract out
 * of line; lookups row by row would detoast it every time, so such a value
 * is kept in fn_extra for the query.  The new entry replaces the old one
 * only once it is complete.
 */
static Contract *
contract_arg_cached(FunctionCallInfo fcinfo, int argno)
{
	struct varlena *raw = (struct varlena *) PG_GETARG_POINTER(argno);
	ContractCache *cache = fcinfo->flinfo->fn_extra;
	struct varatt_external pointer;
	MemoryContext old;
	Contract   *c;

	if (!VARATT_IS_EXTERNAL_ONDISK(raw))
		return PG_GETARG_CONTRACT_P(argno);
	VARATT_EXTERNAL_GET_POINTER(pointer, raw);
	if (cache != NULL && memcmp(&cache->pointer, &pointer, sizeof(pointer)) == 0)
		return cache->contract;
	old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	c = DatumGetContractP(PointerGetDatum(raw));
	if (cache == NULL)
		cache = palloc0(sizeof(ContractCache));
	else
		pfree(cache->contract);
	MemoryContextSwitchTo(old);
	cache->pointer = pointer;
	cache->contract = c;
	fcinfo->flinfo->fn_extra = cache;
	return c;
}

/* Does code need prior authorization?  NULL when the contract does not say. */
PG_FUNCTION_INFO_V1(requires_auth);
Datum
requires_auth(PG_FUNCTION_ARGS)
{
	Contract   *c = contract_arg_cached(fcinfo, 0);
	text	   *code = PG_GETARG_TEXT_PP(1);
	const ContractExt *e;

	if (!CONTRACT_HAS(c, CK_AUTH_REQUIRED))
		PG_RETURN_NULL();
	e = contract_ext(c);
	PG_RETURN_BOOL(code_ranges_contain(e->auth, e->nauth, VARDATA_ANY(code),
									   VARSIZE_ANY_EXHDR(code)));
}

/* May the payer recoup by offsetting other payments (while in dispute)? */
PG_FUNCTION_INFO_V1(offset_allowed);
Datum
offset_allowed(PG_FUNCTION_ARGS)
{
	Contract   *c = PG_GETARG_CONTRACT_P(0);
	bool		in_dispute = PG_GETARG_BOOL(1);

	if (!CONTRACT_HAS(c, CK_OFFSET))
		PG_RETURN_NULL();
	switch (contract_ext(c)->offset)
	{
		case OFFSET_ALLOWED:
			PG_RETURN_BOOL(true);
		case OFFSET_NOT_IN_DISPUTE:
			PG_RETURN_BOOL(!in_dispute);
		default:
			PG_RETURN_BOOL(false);
	}
}
