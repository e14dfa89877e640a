/*-------------------------------------------------------------------------
 * variance.c
 *	  The payment_variance aggregate: expected against actual payment over
 *	  claim lines, with its state type, variance_state.
 *
 * Result fields: lines; unpriced_lines (expected IS NULL); expected and
 * actual, both over priced lines; underpaid_lines and underpaid (the sum
 * of expected - actual where that is at least a cent); overpaid_lines and
 * overpaid likewise; yield_pct = actual / expected x 100.  A NULL actual
 * counts as nothing paid.  Sums are exact (128-bit fixed point), so any
 * split of the rows (parallel workers, Citus shards) gives the same cents.
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "aggstate.h"
#include "money.h"

#include "access/htup_details.h"
#include "funcapi.h"
#include "utils/builtins.h"

#define VARIANCE_STATE_VERSION 1
#define AGGNAME "payment_variance"

enum
{
	VS_LINES, VS_UNPRICED, VS_EXPECTED, VS_ACTUAL, VS_UNDERPAID_LINES, VS_UNDERPAID,
	VS_OVERPAID_LINES, VS_OVERPAID, VS_COUNT
};

static const char *const variance_keys[VS_COUNT] = {
	"lines", "unpriced_lines", "expected", "actual", "underpaid_lines", "underpaid",
	"overpaid_lines", "overpaid"
};

typedef struct VarianceState
{
	int32		vl_len_;		/* varlena header */
	int32		version;
	Fixed		sums[VS_COUNT];
} VarianceState;


/*
 * Why a state is not one the aggregate could have built, or NULL: counts
 * are whole and not negative, the lines by kind do not exceed the lines,
 * and underpaid and overpaid sums are not negative.
 */
static const char *
variance_state_invalid(const void *state)
{
	const VarianceState *s = state;

	static const int counts[] = {VS_LINES, VS_UNPRICED, VS_UNDERPAID_LINES, VS_OVERPAID_LINES};
	Fixed		by_kind = s->sums[VS_UNPRICED];
	int			c;
	int			i;

	for (i = 0; i < lengthof(counts); i++)
		if (!fixed_is_count(s->sums[counts[i]]))
			return psprintf("%s is not a whole number of lines from 0 up.", variance_keys[counts[i]]);
	if (!fixed_add(&by_kind, s->sums[VS_UNDERPAID_LINES]) ||
		!fixed_add(&by_kind, s->sums[VS_OVERPAID_LINES]) ||
		!fixed_cmp(by_kind, s->sums[VS_LINES], &c) || c > 0)
		return "unpriced_lines, underpaid_lines and overpaid_lines add up to more than lines.";
	if (s->sums[VS_UNDERPAID].value < 0 || s->sums[VS_OVERPAID].value < 0)
		return "underpaid and overpaid are not negative.";
	return NULL;
}

static const AggStateType variance_state_type = {
	"variance_state", AGGNAME, sizeof(VarianceState), VARIANCE_STATE_VERSION, variance_state_invalid
};

#define PG_GETARG_VARIANCE_STATE_P(n) ((VarianceState *) agg_state_arg(fcinfo, (n), &variance_state_type))


static void
add_sum(VarianceState *state, int which, Fixed value)
{
	if (!fixed_add(&state->sums[which], value))
		agg_sum_overflow(AGGNAME);
}

/* payment_variance(expected, actual) transition. */
PG_FUNCTION_INFO_V1(payment_variance_sfunc);
Datum
payment_variance_sfunc(PG_FUNCTION_ARGS)
{
	VarianceState *state = (VarianceState *) agg_state_for_update(fcinfo, &variance_state_type);
	Fixed		one = fixed_make(1, 0);
	Fixed		expected;
	Fixed		actual = fixed_make(0, 0);
	Fixed		diff;
	int			c;

	add_sum(state, VS_LINES, one);
	if (PG_ARGISNULL(1))
	{
		add_sum(state, VS_UNPRICED, one);
		PG_RETURN_POINTER(state);
	}
	expected = agg_fixed_arg(fcinfo, 1, AGGNAME, "expected");
	if (!PG_ARGISNULL(2))
		actual = agg_fixed_arg(fcinfo, 2, AGGNAME, "actual");
	add_sum(state, VS_EXPECTED, expected);
	add_sum(state, VS_ACTUAL, actual);

	/* diff = expected - actual; at least a cent either way counts */
	diff = actual;
	diff.value = -diff.value;
	if (!fixed_add(&diff, expected) || !fixed_cmp(diff, fixed_make(1, 2), &c))
		agg_sum_overflow(AGGNAME);
	if (c >= 0)
	{
		add_sum(state, VS_UNDERPAID_LINES, one);
		add_sum(state, VS_UNDERPAID, diff);
		PG_RETURN_POINTER(state);
	}
	if (!fixed_cmp(diff, fixed_make(-1, 2), &c))
		agg_sum_overflow(AGGNAME);
	if (c <= 0)
	{
		diff.value = -diff.value;
		add_sum(state, VS_OVERPAID_LINES, one);
		add_sum(state, VS_OVERPAID, diff);
	}
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(payment_variance_combine);
Datum
payment_variance_combine(PG_FUNCTION_ARGS)
{
	VarianceState *state;
	VarianceState *other;
	int			i;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	state = (VarianceState *) agg_state_for_update(fcinfo, &variance_state_type);
	other = PG_GETARG_VARIANCE_STATE_P(1);
	for (i = 0; i < VS_COUNT; i++)
		add_sum(state, i, other->sums[i]);
	PG_RETURN_POINTER(state);
}

/* A count (checked by variance_state_invalid), written 1 or 1.0 alike. */
static Datum
count_datum(Fixed f)
{
	fixed_normalize(&f);
	return Int64GetDatum((int64) f.value);
}

static Datum
money_datum(Fixed f)
{
	int64		cents;

	if (!fixed_round_cents(f, &cents))
		agg_sum_overflow(AGGNAME);
	return NumericGetDatum(money_from_cents(cents));
}

/* The result row; no rows at all gives NULL. */
PG_FUNCTION_INFO_V1(payment_variance_final);
Datum
payment_variance_final(PG_FUNCTION_ARGS)
{
	VarianceState *s;
	TupleDesc	tupdesc;
	Datum		values[9];
	bool		nulls[9] = {false};
	Numeric		yield;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	s = PG_GETARG_VARIANCE_STATE_P(0);
	if (get_func_result_type(fcinfo->flinfo->fn_oid, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "payment_variance_final must return a composite type");
	tupdesc = BlessTupleDesc(tupdesc);
	values[0] = count_datum(s->sums[VS_LINES]);
	values[1] = count_datum(s->sums[VS_UNPRICED]);
	values[2] = money_datum(s->sums[VS_EXPECTED]);
	values[3] = money_datum(s->sums[VS_ACTUAL]);
	values[4] = count_datum(s->sums[VS_UNDERPAID_LINES]);
	values[5] = money_datum(s->sums[VS_UNDERPAID]);
	values[6] = count_datum(s->sums[VS_OVERPAID_LINES]);
	values[7] = money_datum(s->sums[VS_OVERPAID]);
	/* yield_pct = actual x 100 / expected: money_ratio rounds to 2 places */
	yield = money_ratio(DatumGetNumeric(DirectFunctionCall2(numeric_mul,
															NumericGetDatum(fixed_to_numeric(s->sums[VS_ACTUAL])),
															NumericGetDatum(int64_to_numeric(100)))),
						fixed_to_numeric(s->sums[VS_EXPECTED]));
	values[8] = yield ? NumericGetDatum(yield) : (Datum) 0;
	nulls[8] = (yield == NULL);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/* ---------- variance_state I/O ---------- */

static VarianceState *
variance_state_parse(ItemParser *p, const char *text)
{
	VarianceState *state = palloc0(sizeof(VarianceState));
	const char *why;

	SET_VARSIZE(state, sizeof(VarianceState));
	state->version = VARIANCE_STATE_VERSION;

	if (!parse_state_items(p, text, variance_keys, VS_COUNT, state->sums))
		return NULL;
	if ((why = variance_state_invalid(state)) != NULL)
	{
		items_fail(p, text, NULL, "%s", why);
		return NULL;
	}
	return state;
}

PG_FUNCTION_INFO_V1(variance_state_in);
Datum
variance_state_in(PG_FUNCTION_ARGS)
{
	ItemParser	p = {"variance_state", ERRCODE_INVALID_TEXT_REPRESENTATION, fcinfo->context};
	VarianceState *state = variance_state_parse(&p, PG_GETARG_CSTRING(0));

	if (state == NULL)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(variance_state_out);
Datum
variance_state_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(format_state_items(variance_keys, PG_GETARG_VARIANCE_STATE_P(0)->sums, VS_COUNT));
}

PG_FUNCTION_INFO_V1(variance_state_recv);
Datum
variance_state_recv(PG_FUNCTION_ARGS)
{
	ItemParser	p = {"variance_state", ERRCODE_INVALID_BINARY_REPRESENTATION, NULL};

	PG_RETURN_POINTER(variance_state_parse(&p, items_recv_text((StringInfo) PG_GETARG_POINTER(0),
															   VARIANCE_STATE_VERSION, "variance_state")));
}

PG_FUNCTION_INFO_V1(variance_state_send);
Datum
variance_state_send(PG_FUNCTION_ARGS)
{
	PG_RETURN_BYTEA_P(items_send(format_state_items(variance_keys, PG_GETARG_VARIANCE_STATE_P(0)->sums, VS_COUNT),
								 VARIANCE_STATE_VERSION));
}
