/*-------------------------------------------------------------------------
 * compat.h
 *	  Every PostgreSQL version difference contracts_ext cares about.
 *
 * contracts_ext supports PostgreSQL 14 to 18.  All PG_VERSION_NUM tests
 * live here, so the rest of the code reads as if written for one server.
 *-------------------------------------------------------------------------
 */
#ifndef CONTRACTS_COMPAT_H
#define CONTRACTS_COMPAT_H

#include "postgres.h"
#include "funcapi.h"

#if PG_VERSION_NUM < 140000
#error "contracts_ext requires PostgreSQL 14 or later"
#endif

/*
 * Soft input errors (PG16+) let pg_input_is_valid() test text without
 * raising.  Older servers have no error-saving context: report the error.
 */
#if PG_VERSION_NUM < 160000
#define ereturn(context, dummy_value, ...) \
	do { \
		(void) (context); \
		ereport(ERROR, __VA_ARGS__); \
		return dummy_value; \
	} while (0)
#else
#include "nodes/miscnodes.h"
#endif

/*
 * The exact 128-bit fixed-point arithmetic (fixed.c) needs a 128-bit integer
 * and overflow-checking builtins: gcc and clang on every 64-bit platform.
 */
#if defined(HAVE_INT128) && defined(HAVE__BUILTIN_OP_OVERFLOW)
#define CONTRACTS_HAVE_FIXED 1
#else
#error "contracts_ext needs a 128-bit integer type and overflow-checking builtins (gcc or clang)"
#endif

/*
 * PG18 replaced the postfix pg_attribute_noreturn() with the prefix
 * pg_noreturn.  contracts_ext needs gcc or clang (above), whose attribute
 * works in the postfix position on every version.
 */
#ifndef pg_attribute_noreturn
#define pg_attribute_noreturn() __attribute__((noreturn))
#endif

/* The varlena macros moved out of postgres.h in PG16. */
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

/*
 * A context for many small chunks freed together, carved first from a block
 * of first_block bytes allocated with the context's header.  Generation
 * contexts have such a block from PG15, and carve chunks at their size;
 * before, AllocSet (which rounds small chunks up to a power of 2).
 */
#if PG_VERSION_NUM >= 150000
#define FirstBlockContextCreate(parent, name, first_block) \
	GenerationContextCreate((parent), (name), (first_block), ALLOCSET_DEFAULT_INITSIZE, \
							Max((first_block), ALLOCSET_DEFAULT_MAXSIZE))
#else
#define FirstBlockContextCreate(parent, name, first_block) \
	AllocSetContextCreate((parent), (name), (first_block), ALLOCSET_DEFAULT_INITSIZE, \
						  Max((first_block), ALLOCSET_DEFAULT_MAXSIZE))
#endif

/* InitMaterializedSRF() appeared in PG15 (as SetSingleFuncCall, renamed in 16). */
#if PG_VERSION_NUM < 150000
#include "miscadmin.h"
#include "utils/tuplestore.h"
static inline void
InitMaterializedSRF(FunctionCallInfo fcinfo, bits32 flags)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	MemoryContext oldcontext;
	TupleDesc	tupdesc;

	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo) ||
		(rsinfo->allowedModes & SFRM_Materialize) == 0)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("set-valued function called in context that cannot accept a set")));
	oldcontext = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	rsinfo->returnMode = SFRM_Materialize;
	rsinfo->setResult = tuplestore_begin_heap(false, false, work_mem);
	rsinfo->setDesc = CreateTupleDescCopy(tupdesc);
	MemoryContextSwitchTo(oldcontext);
}
#endif

#endif							/* CONTRACTS_COMPAT_H */
