/*-------------------------------------------------------------------------
 * pmpm.c
 *	  The pmpm_margin aggregate and its state type, pmpm_state.
 *
 *   pmpm_margin = (sum of capitation revenue - sum of cost) / sum of member months
 *
 * Revenue is computed per row (rows may carry different terms: mid-year
 * changes), summed exactly in 128-bit fixed point, and divided and rounded
 * half up to cents once, in the final function.  The state is a real type
 * with text and binary I/O, updated in place, with a combine function, so
 * parallel query and Citus can split the aggregate.
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "capitation.h"
#include "fixed.h"
#include "money.h"

#include "utils/builtins.h"
#include "utils/numeric.h"

#define PMPM_STATE_VERSION 1

typedef struct PmpmState
{
	int32		vl_len_;		/* varlena header */
	int32		version;
	int64		rows;
	Fixed		revenue;
	Fixed		cost;
	Fixed		member_months;
} PmpmState;

#define PG_GETARG_PMPM_STATE_P(n) ((PmpmState *) PG_DETOAST_DATUM(PG_GETARG_DATUM(n)))

static PmpmState *
pmpm_state_new(void)
{
	PmpmState  *state = palloc0(sizeof(PmpmState));

	SET_VARSIZE(state, sizeof(PmpmState));
	state->version = PMPM_STATE_VERSION;
	return state;
}

static void
overflow(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("pmpm_margin: sums exceed the exact range"),
			 errdetail("Sums are kept exactly with up to %d decimal places and about 38 digits in all.",
					   FIXED_MAX_SCALE)));
}

static Fixed
fixed_arg(FunctionCallInfo fcinfo, int argno, const char *name)
{
	Fixed		f;

	if (!fixed_from_numeric(PG_GETARG_DATUM(argno), &f))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("pmpm_margin: %s is not a finite number within the exact range", name)));
	return f;
}

/*
 * The state to update: the argument itself when the executor allows
 * changing it in place, else a fresh one (the first row, or a copy).
 */
static PmpmState *
state_for_update(FunctionCallInfo fcinfo)
{
	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "pmpm_margin called in non-aggregate context");
	if (PG_ARGISNULL(0))
		return pmpm_state_new();
	return PG_GETARG_PMPM_STATE_P(0);
}

/* pmpm_margin(c, member_months, cost [, risk_score]) transition. */
PG_FUNCTION_INFO_V1(pmpm_margin_sfunc);
Datum
pmpm_margin_sfunc(PG_FUNCTION_ARGS)
{
	int			nargs = PG_NARGS();
	PmpmState  *state;
	Capitation *c;
	Fixed		revenue;
	int			i;

	for (i = 1; i < nargs; i++)
		if (PG_ARGISNULL(i))
		{
			if (PG_ARGISNULL(0))
				PG_RETURN_NULL();
			PG_RETURN_DATUM(PG_GETARG_DATUM(0));	/* rows with NULLs are skipped */
		}
	state = state_for_update(fcinfo);
	c = PG_GETARG_CAPITATION_P(1);
	if (!CAP_HAS(c, CAP_PMPM))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("pmpm_margin: capitation terms without pmpm"),
				 errhint("Every row's capitation terms must state pmpm.")));

	revenue = fixed_make(c->value[CAP_PMPM], 6);
	if (!fixed_mul(&revenue, fixed_arg(fcinfo, 2, "member_months")) ||
		!fixed_mul(&revenue, fixed_make(100 * INT64CONST(1000000) - c->value[CAP_WITHHOLD], 8)) ||
		(nargs > 4 && !fixed_mul(&revenue, fixed_arg(fcinfo, 4, "risk_score"))) ||
		!fixed_add(&state->revenue, revenue) ||
		!fixed_add(&state->cost, fixed_arg(fcinfo, 3, "cost")) ||
		!fixed_add(&state->member_months, fixed_arg(fcinfo, 2, "member_months")))
		overflow();
	state->rows++;
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(pmpm_margin_combine);
Datum
pmpm_margin_combine(PG_FUNCTION_ARGS)
{
	PmpmState  *state;
	PmpmState  *other;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	other = PG_GETARG_PMPM_STATE_P(1);
	state = state_for_update(fcinfo);
	if (!fixed_add(&state->revenue, other->revenue) ||
		!fixed_add(&state->cost, other->cost) ||
		!fixed_add(&state->member_months, other->member_months))
		overflow();
	state->rows += other->rows;
	PG_RETURN_POINTER(state);
}

static Numeric
fixed_numeric(Fixed f)
{
	return DatumGetNumeric(DirectFunctionCall3(numeric_in, CStringGetDatum(fixed_to_cstring(f)),
											   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1)));
}

/* (revenue - cost) / member months, rounded half up to cents; NULL for no months. */
PG_FUNCTION_INFO_V1(pmpm_margin_final);
Datum
pmpm_margin_final(PG_FUNCTION_ARGS)
{
	PmpmState  *state;
	Numeric		margin;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	state = PG_GETARG_PMPM_STATE_P(0);
	margin = money_ratio(DatumGetNumeric(DirectFunctionCall2(numeric_sub,
															 NumericGetDatum(fixed_numeric(state->revenue)),
															 NumericGetDatum(fixed_numeric(state->cost)))),
						 fixed_numeric(state->member_months));
	if (margin == NULL)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(margin);
}

/* ---------- the state type's I/O: "rows: N; revenue: R; cost: C; member_months: M" ---------- */

static char *
pmpm_state_to_cstring(const PmpmState *s)
{
	return psprintf("rows: " INT64_FORMAT "; revenue: %s; cost: %s; member_months: %s",
					s->rows, fixed_to_cstring(s->revenue), fixed_to_cstring(s->cost),
					fixed_to_cstring(s->member_months));
}

static PmpmState *
pmpm_state_parse(ItemParser *p, const char *text)
{
	static const char *const keys[] = {"rows", "revenue", "cost", "member_months"};
	PmpmState  *state = pmpm_state_new();
	Fixed	   *sums[] = {NULL, &state->revenue, &state->cost, &state->member_months};
	ParsedItem *items;
	int			nitems;
	int			i;

	if (!items_split(p, text, &items, &nitems))
		return NULL;
	if (nitems != lengthof(keys))
	{
		items_fail(p, text, NULL, "A pmpm_state has exactly the items rows, revenue, cost and member_months.");
		return NULL;
	}
	for (i = 0; i < nitems; i++)
	{
		Fixed		f;

		if (pg_strcasecmp(items[i].key, keys[i]) != 0 || !fixed_from_cstring(items[i].value, &f) ||
			(i == 0 && (f.scale != 0 || f.value < 0 || f.value > PG_INT64_MAX)))
		{
			items_fail(p, items[i].text, NULL, "Expected \"%s: <number>\" here.", keys[i]);
			return NULL;
		}
		if (sums[i])
			*sums[i] = f;
		else
			state->rows = (int64) f.value;
	}
	return state;
}

PG_FUNCTION_INFO_V1(pmpm_state_in);
Datum
pmpm_state_in(PG_FUNCTION_ARGS)
{
	ItemParser	p = {"pmpm_state", ERRCODE_INVALID_TEXT_REPRESENTATION, fcinfo->context};
	PmpmState  *state = pmpm_state_parse(&p, PG_GETARG_CSTRING(0));

	if (state == NULL)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(pmpm_state_out);
Datum
pmpm_state_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(pmpm_state_to_cstring(PG_GETARG_PMPM_STATE_P(0)));
}

PG_FUNCTION_INFO_V1(pmpm_state_recv);
Datum
pmpm_state_recv(PG_FUNCTION_ARGS)
{
	ItemParser	p = {"pmpm_state", ERRCODE_INVALID_BINARY_REPRESENTATION, NULL};

	PG_RETURN_POINTER(pmpm_state_parse(&p, items_recv_text((StringInfo) PG_GETARG_POINTER(0),
														   PMPM_STATE_VERSION, "pmpm_state")));
}

PG_FUNCTION_INFO_V1(pmpm_state_send);
Datum
pmpm_state_send(PG_FUNCTION_ARGS)
{
	PG_RETURN_BYTEA_P(items_send(pmpm_state_to_cstring(PG_GETARG_PMPM_STATE_P(0)),
								 PMPM_STATE_VERSION));
}
