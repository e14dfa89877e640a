/*-------------------------------------------------------------------------
 * capitation_calc.c
 *	  What capitation terms mean in dollars: capitation revenue, shared
 *	  savings and losses, risk-corridor settlement and stop-loss recovery.
 *
 * Sign convention: positive is money to the practice, negative money the
 * practice owes.  Settlements take totals (a year of member months and
 * cost); arithmetic is exact numeric, rounded half up to cents once.
 * A function that needs a term the terms do not state returns NULL.
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "capitation.h"
#include "money.h"

#include "utils/fmgrprotos.h"
#include "utils/numeric.h"

#define HAS(c, key) CAP_HAS(c, key)

static Numeric
least(Numeric a, Numeric b)
{
	return num_cmp(a, b) <= 0 ? a : b;
}

static Numeric
zero(void)
{
	return int64_to_numeric(0);
}

/* A stated amount (micro-dollars) as numeric. */
static Numeric
amount_of(const Capitation *c, int key)
{
	return int64_div_fast_to_numeric(c->value[key], 6);
}

/* A percentage (micro-percent) as a fraction: 45% -> 0.45. */
static Numeric
fraction(int64 micro_percent)
{
	return int64_div_fast_to_numeric(micro_percent, 8);
}

static Numeric
round_cents(Numeric a)
{
	return DatumGetNumeric(DirectFunctionCall2(numeric_round, NumericGetDatum(a), Int32GetDatum(2)));
}

/*
 * Every amount these functions take (member months, risk score, quality,
 * costs) is a non-negative finite number: a negative cost is a sign error
 * upstream (a refund netted wrongly), never a cost, so it is an error
 * rather than a silently inflated saving.
 */
static Numeric
checked_arg(FunctionCallInfo fcinfo, int argno, const char *name)
{
	Numeric		v = PG_GETARG_NUMERIC(argno);

	if (numeric_is_nan(v) || numeric_is_inf(v) || numeric_is_negative(v))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a non-negative finite number", name),
				 errdetail("The %s given is %s.", name,
						   DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(v))))));
	return v;
}

/* Benchmark total: benchmark PMPM x member months. */
static Numeric
benchmark_total(const Capitation *c, Numeric member_months)
{
	return num_mul(amount_of(c, CAP_BENCHMARK), member_months);
}

/* pmpm x risk_score x member_months x (1 - withhold) */
PG_FUNCTION_INFO_V1(capitation_revenue);
Datum
capitation_revenue(PG_FUNCTION_ARGS)
{
	Capitation *c = PG_GETARG_CAPITATION_P(0);
	Numeric		revenue;

	if (!HAS(c, CAP_PMPM))
		PG_RETURN_NULL();
	revenue = num_mul(num_mul(amount_of(c, CAP_PMPM), checked_arg(fcinfo, 2, "risk_score")),
				  checked_arg(fcinfo, 1, "member_months"));
	revenue = num_mul(revenue, fraction(100 * INT64CONST(1000000) - c->value[CAP_WITHHOLD]));
	PG_RETURN_NUMERIC(round_cents(revenue));
}

/*
 * Savings S = B - cost against the benchmark total B.  Savings of at least
 * msr x B are shared (all of S when first_dollar, else S - msr x B) at
 * share x quality, capped at savings_cap x B; in a two-sided contract
 * losses of at least mlr x B are owed likewise at loss_share, capped at
 * loss_cap x B.
 */
PG_FUNCTION_INFO_V1(shared_savings);
Datum
shared_savings(PG_FUNCTION_ARGS)
{
	Capitation *c = PG_GETARG_CAPITATION_P(0);
	Numeric		member_months = checked_arg(fcinfo, 1, "member_months");
	Numeric		cost = checked_arg(fcinfo, 2, "cost");
	Numeric		quality = checked_arg(fcinfo, 3, "quality");
	bool		first_dollar = !HAS(c, CAP_FIRST_DOLLAR) || c->value[CAP_FIRST_DOLLAR];
	int64		msr = c->value[CAP_MSR];
	int64		mlr = HAS(c, CAP_MLR) ? c->value[CAP_MLR] : msr;
	Numeric		b;
	Numeric		savings;
	Numeric		result;

	if (num_cmp(quality, int64_to_numeric(1)) > 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("quality must be between 0 and 1"),
				 errhint("Pass the quality score as a fraction: 0.92, not 92.")));
	if (!HAS(c, CAP_BENCHMARK) || !HAS(c, CAP_SHARE))
		PG_RETURN_NULL();
	b = benchmark_total(c, member_months);
	savings = num_sub(b, cost);
	if (num_cmp(savings, zero()) > 0 && num_cmp(savings, num_mul(b, fraction(msr))) >= 0)
	{
		Numeric		shared = first_dollar ? savings : num_sub(savings, num_mul(b, fraction(msr)));

		result = num_mul(num_mul(shared, fraction(c->value[CAP_SHARE])), quality);
		if (HAS(c, CAP_SAVINGS_CAP))
			result = least(result, num_mul(b, fraction(c->value[CAP_SAVINGS_CAP])));
		PG_RETURN_NUMERIC(round_cents(result));
	}
	if (HAS(c, CAP_LOSS_SHARE) && num_cmp(savings, zero()) < 0)
	{
		Numeric		loss = num_sub(zero(), savings);

		if (num_cmp(loss, num_mul(b, fraction(mlr))) >= 0)
		{
			Numeric		shared = first_dollar ? loss : num_sub(loss, num_mul(b, fraction(mlr)));

			result = num_mul(shared, fraction(c->value[CAP_LOSS_SHARE]));
			if (HAS(c, CAP_LOSS_CAP))
				result = least(result, num_mul(b, fraction(c->value[CAP_LOSS_CAP])));
			PG_RETURN_NUMERIC(round_cents(num_sub(zero(), result)));
		}
	}
	PG_RETURN_NUMERIC(money_from_cents(0));
}

/*
 * Risk corridor: the deviation of cost from the target (benchmark x member
 * months) is shared band by band: the part beyond each band's threshold
 * (up to the next band's) at that band's share.  Cost above target: the
 * payer pays the practice; below: the practice pays back.
 */
PG_FUNCTION_INFO_V1(corridor_settlement);
Datum
corridor_settlement(PG_FUNCTION_ARGS)
{
	Capitation *c = PG_GETARG_CAPITATION_P(0);
	Numeric		member_months = checked_arg(fcinfo, 1, "member_months");
	Numeric		cost = checked_arg(fcinfo, 2, "cost");
	Numeric		target;
	Numeric		deviation;
	Numeric		settlement = zero();
	int			i;

	if (!HAS(c, CAP_BENCHMARK) || !HAS(c, CAP_CORRIDOR))
		PG_RETURN_NULL();
	target = benchmark_total(c, member_months);
	deviation = DatumGetNumeric(DirectFunctionCall1(numeric_abs, NumericGetDatum(num_sub(cost, target))));
	for (i = 0; i < c->nbands; i++)
	{
		Numeric		from = num_mul(target, fraction(c->bands[i].threshold));
		Numeric		in_band;

		if (num_cmp(deviation, from) <= 0)
			break;
		in_band = num_sub(deviation, from);
		if (i + 1 < c->nbands)
			in_band = least(in_band, num_mul(target, fraction(c->bands[i + 1].threshold - c->bands[i].threshold)));
		settlement = num_add(settlement, num_mul(in_band, fraction(c->bands[i].share)));
	}
	if (num_cmp(cost, target) < 0)
		settlement = num_sub(zero(), settlement);
	PG_RETURN_NUMERIC(round_cents(settlement));
}

/* stop_loss_rate x greatest(member_cost - stop_loss, 0) */
PG_FUNCTION_INFO_V1(stop_loss_recovery);
Datum
stop_loss_recovery(PG_FUNCTION_ARGS)
{
	Capitation *c = PG_GETARG_CAPITATION_P(0);
	Numeric		member_cost = checked_arg(fcinfo, 1, "member_cost");
	Numeric		excess;

	if (!HAS(c, CAP_STOP_LOSS) || !HAS(c, CAP_STOP_LOSS_RATE))
		PG_RETURN_NULL();
	excess = num_sub(member_cost, amount_of(c, CAP_STOP_LOSS));
	if (num_cmp(excess, zero()) <= 0)
		PG_RETURN_NUMERIC(money_from_cents(0));
	PG_RETURN_NUMERIC(round_cents(num_mul(excess, fraction(c->value[CAP_STOP_LOSS_RATE]))));
}
