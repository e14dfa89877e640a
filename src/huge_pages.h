/*-------------------------------------------------------------------------
 * huge_pages.h
 *	  Memory advised to use transparent huge pages, for the few large
 *	  buffers filled once: a decompressed remittance, the rows parsed from it.
 *-------------------------------------------------------------------------
 */
#ifndef CONTRACTS_HUGE_PAGES_H
#define CONTRACTS_HUGE_PAGES_H

#include "postgres.h"

/* Transparent huge pages: 2 MB on x86-64 and on arm64 with 4 kB pages. */
#define HUGE_PAGE_SIZE ((Size) 2 * 1024 * 1024)

extern bool huge_pages_enabled(void);
extern void huge_pages_advise(void *buffer, Size len);
extern MemoryContext huge_pages_context_create(MemoryContext parent, Size size);

#endif
