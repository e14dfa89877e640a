/*-------------------------------------------------------------------------
 * aggstate.h
 *	  Helpers shared by the aggregates whose states are fixed-size varlena
 *	  types of exact fixed-point sums (pmpm_state, variance_state).
 *-------------------------------------------------------------------------
 */
#ifndef CONTRACTS_AGGSTATE_H
#define CONTRACTS_AGGSTATE_H

#include "fixed.h"
#include "items.h"

#include "utils/numeric.h"

/* Why a state is not one its aggregate could have built, or NULL. */
typedef const char *(*AggStateCheck) (const void *state);

/* What the helpers need to know of a state type. */
typedef struct AggStateType
{
	const char *typname;
	const char *aggname;
	Size		size;
	int			version;
	AggStateCheck invalid;
} AggStateType;

extern struct varlena *agg_state_for_update(FunctionCallInfo fcinfo, const AggStateType *type);
extern struct varlena *agg_state_arg(FunctionCallInfo fcinfo, int argno, const AggStateType *type);
extern void agg_state_invalid(const char *typname, const char *why) pg_attribute_noreturn();
extern Fixed agg_fixed_arg(FunctionCallInfo fcinfo, int argno, const char *aggname,
						   const char *argname);
extern void agg_sum_overflow(const char *aggname) pg_attribute_noreturn();
extern Numeric fixed_to_numeric(Fixed f);
extern bool parse_state_items(ItemParser *p, const char *text, const char *const *keys,
							  int nkeys, Fixed *values);
extern char *format_state_items(const char *const *keys, const Fixed *values, int nkeys);

#endif							/* CONTRACTS_AGGSTATE_H */
