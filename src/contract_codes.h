/*-------------------------------------------------------------------------
 * contract_codes.h
 *	  Code lists in contract terms (auth_required): codes and inclusive
 *	  ranges of same-length codes, "70450-70559, 72141, J0129".
 *-------------------------------------------------------------------------
 */
#ifndef CONTRACTS_CONTRACT_CODES_H
#define CONTRACTS_CONTRACT_CODES_H

#include "contract.h"

extern bool parse_code_ranges(ItemParser *p, const ParsedItem *item,
							  CodeRange **ranges, int32 *nranges);
extern void format_code_ranges(const CodeRange *ranges, int32 nranges, Term *term);
extern bool code_ranges_contain(const CodeRange *ranges, int32 nranges,
								const char *code, size_t len);

#endif							/* CONTRACTS_CONTRACT_CODES_H */
