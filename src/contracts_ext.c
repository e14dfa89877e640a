/*-------------------------------------------------------------------------
 * contracts_ext.c
 *	  Module magic for contracts_ext; the types live in their own files.
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"

PG_MODULE_MAGIC;
