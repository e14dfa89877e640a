/*-------------------------------------------------------------------------
 * huge_pages.c
 *	  Memory advised to use transparent huge pages, for the few large
 *	  buffers filled once: a decompressed remittance, the rows parsed from it.
 *
 * Memory fresh from the kernel costs a page fault for each 4 kB page first
 * written.  On a virtual machine a fault costs microseconds: the 12,800
 * faults of a 50 MB buffer took longer than decompressing and parsing the
 * 835 in it.  Where the kernel's transparent huge pages are enabled
 * ("always", or "madvise" as on this project's machines, where only
 * memory advised so gets them) the kernel maps such memory 2 MB at a time.
 * Advice is only a hint: the memory is the same whatever the kernel does.
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "compat.h"
#include "huge_pages.h"

#include <sys/mman.h>

#include "utils/memutils.h"

#define THP_SETTING_FILE "/sys/kernel/mm/transparent_hugepage/enabled"

/*
 * Does the kernel give huge pages to memory advised to use them?  Its
 * setting reads like "always [madvise] never", the one in effect in
 * brackets.  Read once per backend.
 */
bool
huge_pages_enabled(void)
{
	static int	enabled = -1;

	if (enabled < 0)
	{
		FILE	   *file = fopen(THP_SETTING_FILE, "r");
		char		setting[64] = "";

		if (file != NULL)
		{
			if (fgets(setting, sizeof(setting), file) == NULL)
				setting[0] = '\0';
			fclose(file);
		}
		enabled = strstr(setting, "[always]") != NULL || strstr(setting, "[madvise]") != NULL;
	}
	return enabled;
}

/*
 * Advise the 2 MB-aligned part of a buffer not yet written to use huge
 * pages.  (Pages already written keep their size.)
 */
void
huge_pages_advise(void *buffer, Size len)
{
#ifdef MADV_HUGEPAGE
	uintptr_t	start = TYPEALIGN(HUGE_PAGE_SIZE, buffer);
	uintptr_t	end = TYPEALIGN_DOWN(HUGE_PAGE_SIZE, (uintptr_t) buffer + len);

	if (end > start)
		(void) madvise((void *) start, end - start, MADV_HUGEPAGE);
#endif
}

/*
 * A memory context whose first size bytes are advised to use huge pages,
 * for many small chunks freed together (rows).  Its first block is
 * allocated with its header (compat.h); the first allocation from the
 * context is checked to lie there before the block is advised.
 */
MemoryContext
huge_pages_context_create(MemoryContext parent, Size size)
{
	MemoryContext context;
	char	   *probe;

	/* a block may not be larger than 1 GB; chunks record offsets in it */
	size = MAXALIGN_DOWN(Min(size, MaxAllocSize));
	context = FirstBlockContextCreate(parent, "contracts_ext huge pages", size);
	probe = MemoryContextAlloc(context, 1);
	if (probe > (char *) context && probe < (char *) context + size)
		huge_pages_advise(context, size);
	pfree(probe);
	return context;
}
