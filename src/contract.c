/*-------------------------------------------------------------------------
 * contract.c
 *	  The contract type: text, binary and jsonb forms, equality, hashing
 *	  and the key/value listing.  Deadlines and interest are in
 *	  contract_calendar.c.
 *
 * Text form: `key: value` items separated by `;` or newlines, keys in any
 * case, every key optional.  Output is canonical: keys in a fixed order,
 * values normalized, so text -> contract -> text is a fixed point.
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "contract.h"
#include "contract_codes.h"

#include "storage/shmem.h"
#include "utils/builtins.h"
#include "utils/datetime.h"

static const char *const contract_key_names[CK_COUNT] = {
	[CK_PAYER] = "payer",
	[CK_EFFECTIVE] = "effective",
	[CK_TERM] = "term",
	[CK_RENEWAL] = "renewal",
	[CK_NOTICE] = "notice",
	[CK_FILING] = "filing",
	[CK_APPEAL] = "appeal",
	[CK_NOTICE_RECEIPT] = "notice_receipt",
	[CK_PROMPT_PAY] = "prompt_pay",
	[CK_PROMPT_PAY_PAPER] = "prompt_pay_paper",
	[CK_INTEREST] = "interest",
	[CK_INTEREST_BASIS] = "interest_basis",
	[CK_INTEREST_MIN] = "interest_min",
	[CK_LOOKBACK] = "lookback",
	[CK_DEADLINE_ROLL] = "deadline_roll",
	[CK_NOTICE_FROM] = "notice_from",
	[CK_TERMINATION] = "termination",
	[CK_CONTINUITY_OF_CARE] = "continuity_of_care",
	[CK_POLICY_NOTICE] = "policy_notice",
	[CK_CREDENTIALING] = "credentialing",
	[CK_AUTH_DECISION] = "auth_decision",
	[CK_AUTH_DECISION_URGENT] = "auth_decision_urgent",
	[CK_AUTH_REQUIRED] = "auth_required",
	[CK_OFFSET] = "offset",
	[CK_ESCALATION] = "escalation",
};

/*
 * Canonical output order: 1.0's keys keep their relative order (so a 1.0
 * contract prints as it always did), the newer ones sit beside their kin.
 */
static const ContractKey contract_key_order[CK_COUNT] = {
	CK_PAYER, CK_EFFECTIVE, CK_TERM, CK_RENEWAL, CK_NOTICE, CK_NOTICE_FROM,
	CK_TERMINATION, CK_CONTINUITY_OF_CARE, CK_FILING, CK_APPEAL,
	CK_NOTICE_RECEIPT, CK_DEADLINE_ROLL, CK_PROMPT_PAY, CK_PROMPT_PAY_PAPER,
	CK_INTEREST, CK_INTEREST_BASIS, CK_INTEREST_MIN, CK_LOOKBACK, CK_OFFSET,
	CK_POLICY_NOTICE, CK_CREDENTIALING, CK_AUTH_REQUIRED, CK_AUTH_DECISION,
	CK_AUTH_DECISION_URGENT, CK_ESCALATION,
};

#define CONTRACT_KEY_LIST "payer, effective, term, renewal, notice, notice_from, " \
	"termination, continuity_of_care, filing, appeal, notice_receipt, deadline_roll, " \
	"prompt_pay, prompt_pay_paper, interest, interest_basis, interest_min, lookback, " \
	"offset, policy_notice, credentialing, auth_required, auth_decision, " \
	"auth_decision_urgent, escalation"

/* The words of the keyword-valued keys, indexed by their enum values. */
static const char *const deadline_roll_words[] = {"none", "next_business_day", NULL};
static const char *const notice_from_words[] = {"renewal", "term_end", NULL};
static const char *const offset_words[] = {"allowed", "not_in_dispute", "prohibited", NULL};

/* Largest interest_min: ten billion dollars, in cents. */
#define CONTRACT_MAX_INTEREST_MIN INT64CONST(1000000000000)

/* A contract being parsed: every part, before it is laid out. */
typedef struct ContractParse
{
	Contract	fixed;
	Duration	appeal[CONTRACT_MAX_APPEAL_LEVELS];
	const char *payer;
	ContractExt ext;			/* the extension block's fixed part */
	CodeRange  *auth;			/* auth_required ranges (ext.nauth of them) */
	const char *escalation;
} ContractParse;

static int
contract_key_lookup(const char *key)
{
	int			k;

	for (k = 0; k < CK_COUNT; k++)
		if (pg_strcasecmp(key, contract_key_names[k]) == 0)
			return k;
	return -1;
}

/* A duration that must be longer than zero (a term, a renewal, an appeal). */
static bool
parse_positive_duration(ItemParser *p, const ParsedItem *item, const char *s,
						Duration *result)
{
	if (!parse_duration(p, item, s, false, result))
		return false;
	if (result->count == 0)
		return items_fail(p, item->text, NULL, "%s must be longer than zero.", item->key);
	return true;
}

/* "120 days, 180 days, 60 days": one window per appeal level. */
static bool
parse_appeal_levels(ItemParser *p, const ParsedItem *item, ContractParse *cp)
{
	char	   *list = pstrdup(item->value);
	char	   *level = list;
	int			n = 0;

	for (;;)
	{
		char	   *comma = strchr(level, ',');

		if (comma)
			*comma = '\0';
		level = trimmed_copy(level, level + strlen(level));
		if (level[0] == '\0')
			return items_fail(p, item->text, NULL, "An appeal level has no window.");
		if (n == CONTRACT_MAX_APPEAL_LEVELS)
			return items_fail_code(p, ERRCODE_PROGRAM_LIMIT_EXCEEDED, item->text, NULL,
								   "A contract has at most %d appeal levels.",
								   CONTRACT_MAX_APPEAL_LEVELS);
		if (!parse_positive_duration(p, item, level, &cp->appeal[n++]))
			return false;
		if (!comma)
			break;
		level = comma + 1;
	}
	cp->fixed.nappeal = n;
	return true;
}

static bool
parse_interest_basis(ItemParser *p, const ParsedItem *item, int32 *basis)
{
	if (strcmp(item->value, "365") == 0)
		*basis = 365;
	else if (strcmp(item->value, "360") == 0)
		*basis = 360;
	else
		return items_fail(p, item->text, NULL, "The interest day basis must be 365 or 360.");
	return true;
}

/* One of a key's words, any case; its index into words goes to *result. */
static bool
parse_keyword(ItemParser *p, const ParsedItem *item, const char *const *words,
			  uint8 *result)
{
	StringInfoData choices;
	int			i;

	for (i = 0; words[i] != NULL; i++)
	{
		if (pg_strcasecmp(item->value, words[i]) == 0)
		{
			*result = (uint8) i;
			return true;
		}
	}
	initStringInfo(&choices);
	for (i = 0; words[i] != NULL; i++)
		appendStringInfo(&choices, "%s%s", i > 0 ? ", " : "", words[i]);
	return items_fail(p, item->text, NULL, "%s is one of: %s.", item->key, choices.data);
}

/* Free text that must not be empty (payer, escalation). */
static bool
parse_text(ItemParser *p, const ParsedItem *item, const char **result)
{
	if (item->value[0] == '\0')
		return items_fail(p, item->text, NULL, "The %s text is empty.", item->key);
	*result = item->value;
	return true;
}

/* Parse one item's value into cp according to its key. */
static bool
contract_parse_item(ItemParser *p, const ParsedItem *item, int key, ContractParse *cp)
{
	Contract   *c = &cp->fixed;
	ContractExt *e = &cp->ext;

	switch (key)
	{
		case CK_PAYER:
			if (item->value[0] == '\0')
				return items_fail(p, item->text, NULL, "The payer name is empty.");
			cp->payer = item->value;
			return true;
		case CK_EFFECTIVE:
			return parse_date(p, item, item->value, &c->effective);
		case CK_TERM:
		case CK_RENEWAL:
			return parse_positive_duration(p, item, item->value, &c->dur[key]);
		case CK_APPEAL:
			return parse_appeal_levels(p, item, cp);
		case CK_INTEREST:
			return parse_percent(p, item, item->value, INT64CONST(100000000), &c->interest_micro);
		case CK_INTEREST_BASIS:
			return parse_interest_basis(p, item, &c->interest_basis);
		case CK_INTEREST_MIN:
			return parse_decimal(p, item, item->value, 2, CONTRACT_MAX_INTEREST_MIN,
								 &c->interest_min_cents);
		case CK_DEADLINE_ROLL:
			return parse_keyword(p, item, deadline_roll_words, &e->deadline_roll);
		case CK_NOTICE_FROM:
			return parse_keyword(p, item, notice_from_words, &e->notice_from);
		case CK_OFFSET:
			return parse_keyword(p, item, offset_words, &e->offset);
		case CK_ESCALATION:
			return parse_text(p, item, &cp->escalation);
		case CK_AUTH_REQUIRED:
			return parse_code_ranges(p, item, &cp->auth, &e->nauth);
		case CK_AUTH_DECISION:
		case CK_AUTH_DECISION_URGENT:
			return parse_duration(p, item, item->value, true, &e->dur[key - CK_V1_COUNT]);
		default:
			if (key >= CK_V1_COUNT)
				return parse_duration(p, item, item->value, false, &e->dur[key - CK_V1_COUNT]);
			return parse_duration(p, item, item->value, false, &c->dur[key]);
	}
}

/*
 * Lay out a parsed contract as one zero-padded varlena: format 1 when it
 * uses only 1.0's keys (the bytes 1.0 wrote), format 2 with the extension.
 */
static Contract *
contract_build(const ContractParse *cp)
{
	const char *payer = cp->payer ? cp->payer : "";
	const char *escalation = cp->escalation ? cp->escalation : "";
	Size		appeal_size = cp->fixed.nappeal * sizeof(Duration);
	Size		auth_size = mul_size(cp->ext.nauth, sizeof(CodeRange));
	Size		base = add_size(add_size(offsetof(Contract, appeal), appeal_size),
								strlen(payer) + 1);
	bool		extended = cp->ext.present != 0;
	Size		size = base;
	Contract   *c;

	if (extended)
		size = add_size(add_size(MAXALIGN(base), offsetof(ContractExt, auth)),
						add_size(auth_size, strlen(escalation) + 1));
	c = palloc0(size);
	memcpy(c, &cp->fixed, offsetof(Contract, appeal));
	memcpy(c->appeal, cp->appeal, appeal_size);
	strcpy(CONTRACT_PAYER(c), payer);
	SET_VARSIZE(c, size);
	c->version = extended ? CONTRACT_FORMAT_V2 : CONTRACT_FORMAT_V1;
	if (extended)
	{
		ContractExt *e = (ContractExt *) contract_ext(c);

		memcpy(e, &cp->ext, offsetof(ContractExt, auth));
		if (auth_size > 0)
			memcpy(e->auth, cp->auth, auth_size);
		strcpy(CONTRACT_ESCALATION(e), escalation);
	}
	return c;
}

/*
 * Parse the text form.  Returns NULL after a soft error.  Text input,
 * binary receive and the jsonb cast all come through here.
 */
static Contract *
contract_parse(ItemParser *p, const char *text)
{
	ContractParse cp;
	ParsedItem *items;
	int			nitems;
	bool		seen[CK_COUNT] = {false};
	int			i;

	memset(&cp, 0, sizeof(cp));
	cp.fixed.interest_basis = 365;
	if (!items_split(p, text, &items, &nitems))
		return NULL;
	for (i = 0; i < nitems; i++)
	{
		int			key = contract_key_lookup(items[i].key);

		if (key < 0)
		{
			items_fail(p, items[i].text, "Keys are: " CONTRACT_KEY_LIST ".",
					   "\"%s\" is not a contract term.", items[i].key);
			return NULL;
		}
		if (seen[key])
		{
			items_fail(p, items[i].text, NULL, "\"%s\" is given more than once.",
					   contract_key_names[key]);
			return NULL;
		}
		if (!contract_parse_item(p, &items[i], key, &cp))
			return NULL;
		seen[key] = true;
		if (key < CK_V1_COUNT)
			cp.fixed.present |= 1 << key;
		else
			cp.ext.present |= 1u << (key - CK_V1_COUNT);
	}
	return contract_build(&cp);
}

static char *
format_date(DateADT d)
{
	int			year,
				month,
				day;

	j2date(d + POSTGRES_EPOCH_JDATE, &year, &month, &day);
	return psprintf("%04d-%02d-%02d", year, month, day);
}

/* The contract's terms, in canonical order and form; returns how many. */
static int
contract_terms_list(const Contract *c, Term *terms)
{
	const ContractExt *e = contract_ext(c);
	int			n = 0;
	int			o;
	int			i;

	for (o = 0; o < CK_COUNT; o++)
	{
		int			key = contract_key_order[o];
		Term	   *t = &terms[n];

		if (!CONTRACT_HAS(c, key))
			continue;
		t->key = contract_key_names[key];
		t->kind = TERM_WORD;
		switch (key)
		{
			case CK_PAYER:
				t->kind = TERM_TEXT;
				t->value = pstrdup(CONTRACT_PAYER(c));
				break;
			case CK_EFFECTIVE:
				t->value = format_date(c->effective);
				break;
			case CK_APPEAL:
				t->kind = TERM_LIST;
				t->nelems = c->nappeal;
				t->elems = palloc(c->nappeal * sizeof(char *));
				for (i = 0; i < c->nappeal; i++)
					t->elems[i] = format_duration(c->appeal[i]);
				t->value = t->elems[0];
				for (i = 1; i < c->nappeal; i++)
					t->value = psprintf("%s, %s", t->value, t->elems[i]);
				break;
			case CK_INTEREST:
				t->kind = TERM_PERCENT;
				t->value = psprintf("%s%%", format_decimal(c->interest_micro, 6, 0));
				break;
			case CK_INTEREST_BASIS:
				t->kind = TERM_NUMBER;
				t->value = psprintf("%d", c->interest_basis);
				break;
			case CK_INTEREST_MIN:
				t->kind = TERM_NUMBER;
				t->value = format_decimal(c->interest_min_cents, 2, 2);
				break;
			case CK_DEADLINE_ROLL:
				t->value = pstrdup(deadline_roll_words[e->deadline_roll]);
				break;
			case CK_NOTICE_FROM:
				t->value = pstrdup(notice_from_words[e->notice_from]);
				break;
			case CK_OFFSET:
				t->value = pstrdup(offset_words[e->offset]);
				break;
			case CK_ESCALATION:
				t->kind = TERM_TEXT;
				t->value = pstrdup(CONTRACT_ESCALATION(e));
				break;
			case CK_AUTH_REQUIRED:
				format_code_ranges(e->auth, e->nauth, t);
				break;
			default:
				t->value = format_duration(contract_duration(c, key));
				break;
		}
		n++;
	}
	return n;
}

PG_FUNCTION_INFO_V1(contract_in);
Datum
contract_in(PG_FUNCTION_ARGS)
{
	ItemParser	p = {"contract", ERRCODE_INVALID_TEXT_REPRESENTATION, fcinfo->context};
	Contract   *c = contract_parse(&p, PG_GETARG_CSTRING(0));

	if (c == NULL)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(c);
}

PG_FUNCTION_INFO_V1(contract_out);
Datum
contract_out(PG_FUNCTION_ARGS)
{
	Contract   *c = PG_GETARG_CONTRACT_P(0);
	Term		terms[CK_COUNT];

	PG_RETURN_CSTRING(terms_to_cstring(terms, contract_terms_list(c, terms)));
}

PG_FUNCTION_INFO_V1(contract_recv);
Datum
contract_recv(PG_FUNCTION_ARGS)
{
	ItemParser	p = {"contract", ERRCODE_INVALID_BINARY_REPRESENTATION, NULL};
	char	   *text = items_recv_text((StringInfo) PG_GETARG_POINTER(0),
									   CONTRACT_BINARY_VERSION, "contract");

	PG_RETURN_POINTER(contract_parse(&p, text));
}

PG_FUNCTION_INFO_V1(contract_send);
Datum
contract_send(PG_FUNCTION_ARGS)
{
	Contract   *c = PG_GETARG_CONTRACT_P(0);
	Term		terms[CK_COUNT];

	PG_RETURN_BYTEA_P(items_send(terms_to_cstring(terms, contract_terms_list(c, terms)),
								 CONTRACT_BINARY_VERSION));
}

PG_FUNCTION_INFO_V1(contract_to_jsonb);
Datum
contract_to_jsonb(PG_FUNCTION_ARGS)
{
	Contract   *c = PG_GETARG_CONTRACT_P(0);
	Term		terms[CK_COUNT];

	PG_RETURN_JSONB_P(terms_to_jsonb(terms, contract_terms_list(c, terms)));
}

PG_FUNCTION_INFO_V1(contract_from_jsonb);
Datum
contract_from_jsonb(PG_FUNCTION_ARGS)
{
	ItemParser	p = {"contract", ERRCODE_INVALID_TEXT_REPRESENTATION, NULL};

	PG_RETURN_POINTER(contract_parse(&p, jsonb_to_items_text(PG_GETARG_JSONB_P(0), "contract")));
}

PG_FUNCTION_INFO_V1(contract_terms);
Datum
contract_terms(PG_FUNCTION_ARGS)
{
	Contract   *c = PG_GETARG_CONTRACT_P(0);
	Term		terms[CK_COUNT];

	terms_materialize(fcinfo, terms, contract_terms_list(c, terms));
	return (Datum) 0;
}

