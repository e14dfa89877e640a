/*-------------------------------------------------------------------------
 * aggstate.c
 *	  Helpers shared by the aggregates whose states are fixed-size varlena
 *	  types of exact fixed-point sums and counts.
 *
 * Such a state is a real type (text and binary I/O) so parallel query and
 * Citus can move partial states; its text form is "key: value" items of
 * exact decimals.  Transition functions update it in place.
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "aggstate.h"

#include "lib/stringinfo.h"
#include "utils/builtins.h"

/*
 * The state to update (argument 0): itself when the executor lets an
 * aggregate change its state in place, or a new zeroed one for the first
 * row.  The int32 after the varlena header holds the state's version.
 * Called other than by its aggregate (a direct call from SQL), a
 * transition or combine function reports that, as a user error.
 */
struct varlena *
agg_state_for_update(FunctionCallInfo fcinfo, const AggStateType *type)
{
	struct varlena *state;

	if (!AggCheckCallContext(fcinfo, NULL))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s's transition and combine functions can only be called by the aggregate",
						type->aggname),
				 errhint("Call %s(...) instead.", type->aggname)));
	if (!PG_ARGISNULL(0))
		return PG_DETOAST_DATUM(PG_GETARG_DATUM(0));	/* built by us: checked once, as an argument */
	state = palloc0(type->size);
	SET_VARSIZE(state, type->size);
	*(int32 *) VARDATA(state) = type->version;
	return state;
}

void
agg_state_invalid(const char *typname, const char *why)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid %s value", typname),
			 errdetail("%s", why)));
}

/*
 * A state argument of combine, final or output functions, detoasted, after
 * checking that it is a state of this format version (its size and version
 * word) that its aggregate could have built.
 */
struct varlena *
agg_state_arg(FunctionCallInfo fcinfo, int argno, const AggStateType *type)
{
	struct varlena *state = PG_DETOAST_DATUM(PG_GETARG_DATUM(argno));
	const char *why;

	if (VARSIZE(state) != type->size || *(int32 *) VARDATA(state) != type->version)
		agg_state_invalid(type->typname, psprintf("This server reads %s format version %d.",
												  type->typname, type->version));
	if ((why = type->invalid(state)) != NULL)
		agg_state_invalid(type->typname, why);
	return state;
}

void
agg_sum_overflow(const char *aggname)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("%s: sums exceed the exact range", aggname),
			 errdetail("Sums are kept exactly with up to %d decimal places and about 38 digits in all.",
					   FIXED_MAX_SCALE)));
}

/*
 * A numeric argument as an exact fixed-point value, or an error: NaN and
 * infinities are not amounts (22023), and more than about 38 digits or 30
 * decimals is beyond the exact range (22003).
 */
Fixed
agg_fixed_arg(FunctionCallInfo fcinfo, int argno, const char *aggname, const char *argname)
{
	Fixed		f;

	if (numeric_datum_is_special(PG_GETARG_DATUM(argno)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: %s must be a finite number", aggname, argname),
				 errdetail("NaN and infinity are not amounts.")));
	if (!fixed_from_numeric(PG_GETARG_DATUM(argno), &f))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s: %s is beyond the exact range", aggname, argname),
				 errdetail("Amounts are summed exactly with up to %d decimal places and about 38 digits in all.",
						   FIXED_MAX_SCALE)));
	return f;
}

Numeric
fixed_to_numeric(Fixed f)
{
	return DatumGetNumeric(DirectFunctionCall3(numeric_in, CStringGetDatum(fixed_to_cstring(f)),
											   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1)));
}

/* "k1: v1; k2: v2; ..." for a state's text form. */
char *
format_state_items(const char *const *keys, const Fixed *values, int nkeys)
{
	StringInfoData buf;
	int			i;

	initStringInfo(&buf);
	for (i = 0; i < nkeys; i++)
		appendStringInfo(&buf, "%s%s: %s", i ? "; " : "", keys[i], fixed_to_cstring(values[i]));
	return buf.data;
}

/* Parse exactly the given keys, in order, each an exact decimal. */
bool
parse_state_items(ItemParser *p, const char *text, const char *const *keys, int nkeys,
				  Fixed *values)
{
	ParsedItem *items;
	int			nitems;
	int			i;

	if (!items_split(p, text, &items, &nitems))
		return false;
	if (nitems != nkeys)
		return items_fail(p, text, NULL, "A %s has exactly %d items.", p->typname, nkeys);
	for (i = 0; i < nitems; i++)
		if (pg_strcasecmp(items[i].key, keys[i]) != 0 ||
			!fixed_from_cstring(items[i].value, &values[i]))
			return items_fail(p, items[i].text, NULL, "Expected \"%s: <number>\" here.", keys[i]);
	return true;
}
