/*-------------------------------------------------------------------------
 * contracts_ext.c
 *	  Module magic and settings for contracts_ext; the types live in their
 *	  own files.
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/guc.h"

#include "schedule_cache.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

static const struct config_enum_entry schedule_cache_test_options[] = {
	{"none", SCHEDULE_CACHE_TEST_NONE, false},
	{"constant_hash", SCHEDULE_CACHE_TEST_CONSTANT_HASH, false},
	{"fail_build", SCHEDULE_CACHE_TEST_FAIL_BUILD, false},
	{"index_whole", SCHEDULE_CACHE_TEST_INDEX_WHOLE, false},
	{NULL, 0, false}
};

void
_PG_init(void)
{
	DefineCustomIntVariable("contracts_ext.schedule_cache_size",
							"Memory each pricing call site may keep decoded rate schedules in, per query.",
							"Past it the least recently used schedules are evicted; "
							"the schedule in use is kept even when it alone is larger.",
							&schedule_cache_size,
							SCHEDULE_CACHE_DEFAULT_KB, 0, MAX_KILOBYTES,
							PGC_USERSET, GUC_UNIT_KB,
							NULL, NULL, NULL);
	DefineCustomEnumVariable("contracts_ext.schedule_cache_test",
							 "Test-only: forces schedule cache hash collisions, build failures or whole indexes.",
							 "For the extension's own tests; leave it at none.",
							 &schedule_cache_test,
							 SCHEDULE_CACHE_TEST_NONE, schedule_cache_test_options,
							 PGC_USERSET, GUC_NOT_IN_SAMPLE | GUC_NO_SHOW_ALL,
							 NULL, NULL, NULL);
}
