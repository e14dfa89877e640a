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

#include "aggstate.h"
#include "capitation.h"
#include "money.h"

#include "utils/builtins.h"

#define PMPM_STATE_VERSION 1
#define AGGNAME "pmpm_margin"

enum
{
	PS_ROWS, PS_REVENUE, PS_COST, PS_MEMBER_MONTHS, PS_COUNT
};

static const char *const pmpm_keys[PS_COUNT] = {"rows", "revenue", "cost", "member_months"};

typedef struct PmpmState
{
	int32		vl_len_;		/* varlena header */
	int32		version;
	Fixed		sums[PS_COUNT];
} PmpmState;


/* Why a state is not one the aggregate could have built, or NULL. */
static const char *
pmpm_state_invalid(const void *state)
{
	const PmpmState *s = state;

	if (!fixed_is_count(s->sums[PS_ROWS]))
		return "rows is not a whole number from 0 up.";
	return NULL;
}

static const AggStateType pmpm_state_type = {
	"pmpm_state", AGGNAME, sizeof(PmpmState), PMPM_STATE_VERSION, pmpm_state_invalid
};

#define PG_GETARG_PMPM_STATE_P(n) ((PmpmState *) agg_state_arg(fcinfo, (n), &pmpm_state_type))


static void
add_sum(PmpmState *state, int which, Fixed value)
{
	if (!fixed_add(&state->sums[which], value))
		agg_sum_overflow(AGGNAME);
}

/* pmpm_margin(c, member_months, cost [, risk_score]) transition. */
PG_FUNCTION_INFO_V1(pmpm_margin_sfunc);
Datum
pmpm_margin_sfunc(PG_FUNCTION_ARGS)
{
	PmpmState  *state;
	Capitation *c;
	Fixed		member_months;
	Fixed		revenue;
	int			i;

	for (i = 1; i < PG_NARGS(); i++)
		if (PG_ARGISNULL(i))
		{
			if (PG_ARGISNULL(0))
				PG_RETURN_NULL();
			PG_RETURN_DATUM(PG_GETARG_DATUM(0));	/* rows with NULLs are skipped */
		}
	state = (PmpmState *) agg_state_for_update(fcinfo, &pmpm_state_type);
	c = PG_GETARG_CAPITATION_P(1);
	if (!CAP_HAS(c, CAP_PMPM))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("pmpm_margin: capitation terms without pmpm"),
				 errhint("Every row's capitation terms must state pmpm.")));

	member_months = agg_fixed_arg(fcinfo, 2, AGGNAME, "member_months");
	revenue = fixed_make(c->value[CAP_PMPM], 6);
	if (!fixed_mul(&revenue, member_months) ||
		!fixed_mul(&revenue, fixed_make(100 * INT64CONST(1000000) - c->value[CAP_WITHHOLD], 8)) ||
		(PG_NARGS() > 4 && !fixed_mul(&revenue, agg_fixed_arg(fcinfo, 4, AGGNAME, "risk_score"))))
		agg_sum_overflow(AGGNAME);
	add_sum(state, PS_ROWS, fixed_make(1, 0));
	add_sum(state, PS_REVENUE, revenue);
	add_sum(state, PS_COST, agg_fixed_arg(fcinfo, 3, AGGNAME, "cost"));
	add_sum(state, PS_MEMBER_MONTHS, member_months);
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(pmpm_margin_combine);
Datum
pmpm_margin_combine(PG_FUNCTION_ARGS)
{
	PmpmState  *state;
	PmpmState  *other;
	int			i;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	state = (PmpmState *) agg_state_for_update(fcinfo, &pmpm_state_type);
	other = PG_GETARG_PMPM_STATE_P(1);
	for (i = 0; i < PS_COUNT; i++)
		add_sum(state, i, other->sums[i]);
	PG_RETURN_POINTER(state);
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
															 NumericGetDatum(fixed_to_numeric(state->sums[PS_REVENUE])),
															 NumericGetDatum(fixed_to_numeric(state->sums[PS_COST])))),
						 fixed_to_numeric(state->sums[PS_MEMBER_MONTHS]));
	if (margin == NULL)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(margin);
}

/* ---------- pmpm_state I/O: "rows: N; revenue: R; cost: C; member_months: M" ---------- */

static PmpmState *
pmpm_state_parse(ItemParser *p, const char *text)
{
	PmpmState  *state = palloc0(sizeof(PmpmState));
	const char *why;

	SET_VARSIZE(state, sizeof(PmpmState));
	state->version = PMPM_STATE_VERSION;
	if (!parse_state_items(p, text, pmpm_keys, PS_COUNT, state->sums))
		return NULL;
	if ((why = pmpm_state_invalid(state)) != NULL)
	{
		items_fail(p, text, NULL, "%s", why);
		return NULL;
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
	PG_RETURN_CSTRING(format_state_items(pmpm_keys, PG_GETARG_PMPM_STATE_P(0)->sums, PS_COUNT));
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
	PG_RETURN_BYTEA_P(items_send(format_state_items(pmpm_keys, PG_GETARG_PMPM_STATE_P(0)->sums, PS_COUNT),
								 PMPM_STATE_VERSION));
}
