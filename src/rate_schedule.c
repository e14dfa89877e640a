/*-------------------------------------------------------------------------
 * rate_schedule.c
 *	  The rate_schedule type: parsing, canonical output, binary and jsonb
 *	  forms, equality, hashing and the entry listing.  Merging, building
 *	  and scaling are in rate_schedule_ops.c, pricing in pricing.c.
 *
 * Text form: `key: value` items separated by `;` or newlines.  A key is a
 * selector, CODE[-MODIFIER][@facility|@nonfacility], or one of the policy
 * keywords `default`, `mppr`, `modifier XX`, `lesser_of`.  Output is
 * canonical: policies first, then entries sorted by code, modifier and
 * setting.
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <ctype.h>

#include "rate_schedule.h"

#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/numeric.h"
#include "utils/tuplestore.h"

#define KEY_HINT "Keys are codes (99213, 99214-25, 99213@facility) or default, mppr, modifier XX and lesser_of."
#define RULE_HINT "Write a rule as an amount (92.50), an amount per case (3200.00/case), or a percent of medicare or billed (140% medicare)."

static const int64 default_mppr[] = {100 * RS_MICRO, 50 * RS_MICRO, 50 * RS_MICRO,
50 * RS_MICRO, 50 * RS_MICRO};

/* Medicare's payment adjustments for modifiers, unless a schedule overrides. */
static const struct
{
	const char *modifier;
	int64		percent;
}			builtin_adjusts[RS_BUILTIN_ADJUSTS] = {
	{"50", 150 * RS_MICRO},		/* bilateral */
	{"62", 62500000},			/* co-surgeon */
	{"80", 16 * RS_MICRO},		/* assistant surgeon */
	{"81", 16 * RS_MICRO},
	{"82", 16 * RS_MICRO},
	{"AS", 13600000},			/* non-physician assistant: 85% of 16% */
};

static const char *const setting_names[] = {"", "facility", "nonfacility"};

const char *
method_name(uint8 method)
{
	switch (method)
	{
		case RM_AMOUNT:
			return "amount";
		case RM_CASE:
			return "case";
		case RM_PCT_MEDICARE:
			return "percent_medicare";
		case RM_PCT_BILLED:
			return "percent_billed";
	}
	return "none";
}

int
rate_entry_cmp(const void *a, const void *b)
{
	const RateEntry *x = a;
	const RateEntry *y = b;
	int			c = memcmp(x->code, y->code, RS_CODE_LEN);

	if (c == 0)
		c = memcmp(x->modifier, y->modifier, 2);
	if (c == 0)
		c = (int) x->setting - (int) y->setting;
	return c;
}

static int
adjust_cmp(const void *a, const void *b)
{
	return memcmp(((const ModifierAdjust *) a)->modifier,
				  ((const ModifierAdjust *) b)->modifier, 2);
}

static bool
is_alnum_string(const char *s, size_t len)
{
	size_t		i;

	for (i = 0; i < len; i++)
		if (!isalnum((unsigned char) s[i]))
			return false;
	return true;
}

/* A modifier: exactly two letters or digits, stored upper case. */
static bool
parse_modifier(const char *s, size_t len, char *modifier)
{
	if (len != 2 || !is_alnum_string(s, 2))
		return false;
	modifier[0] = pg_toupper((unsigned char) s[0]);
	modifier[1] = pg_toupper((unsigned char) s[1]);
	return true;
}

/*
 * Parse a selector, CODE[-MOD][@facility|@nonfacility].  Codes are 3 to 7
 * letters and digits with at least one digit, so they never collide with
 * the keywords.
 */
bool
parse_selector(ItemParser *p, const ParsedItem *item, const char *key, RateEntry *entry)
{
	const char *at = strchr(key, '@');
	const char *dash = strchr(key, '-');
	size_t		code_len = dash ? (size_t) (dash - key) : at ? (size_t) (at - key) : strlen(key);
	size_t		i;
	bool		has_digit = false;

	memset(entry, 0, sizeof(RateEntry));
	for (i = 0; i < code_len; i++)
		has_digit |= isdigit((unsigned char) key[i]) != 0;
	if (!has_digit && code_len == strlen(key))
		return items_fail(p, item->text, KEY_HINT, "\"%s\" is not a rate_schedule keyword or code.", key);
	if (code_len < 3 || code_len > 7 || !has_digit || !is_alnum_string(key, code_len))
		return items_fail(p, item->text, KEY_HINT,
						  "\"%.*s\" is not a procedure code: codes are 3 to 7 letters and digits, at least one a digit.",
						  (int) code_len, key);
	for (i = 0; i < code_len; i++)
		entry->code[i] = pg_toupper((unsigned char) key[i]);
	if (dash && (at == NULL || dash < at))
	{
		size_t		mod_len = at ? (size_t) (at - dash - 1) : strlen(dash + 1);

		if (!parse_modifier(dash + 1, mod_len, entry->modifier))
			return items_fail(p, item->text, NULL,
							  "\"%.*s\" is not a modifier: modifiers are exactly 2 letters or digits.",
							  (int) mod_len, dash + 1);
	}
	else if (dash)
		return items_fail(p, item->text, KEY_HINT, "The modifier must come before the setting.");
	if (at)
	{
		if (pg_strcasecmp(at + 1, "facility") == 0)
			entry->setting = SETTING_FACILITY;
		else if (pg_strcasecmp(at + 1, "nonfacility") == 0)
			entry->setting = SETTING_NONFACILITY;
		else
			return items_fail(p, item->text, NULL,
							  "\"%s\" is not a setting: write @facility or @nonfacility.", at + 1);
	}
	return true;
}

/* Split "N% basis" into the percent and its basis word. */
static bool
parse_percent_rule(ItemParser *p, const ParsedItem *item, const char *s,
				   uint8 *method, int64 *value)
{
	const char *pct = strchr(s, '%');
	const char *basis = pct + 1;

	while (isspace((unsigned char) *basis))
		basis++;
	if (pg_strcasecmp(basis, "medicare") == 0)
		*method = RM_PCT_MEDICARE;
	else if (pg_strcasecmp(basis, "billed") == 0)
		*method = RM_PCT_BILLED;
	else if (*basis == '\0')
		return items_fail(p, item->text, RULE_HINT,
						  "\"%s\" has no basis: write \"%% medicare\" or \"%% billed\".", s);
	else
		return items_fail(p, item->text, RULE_HINT, "\"%s\" is not a basis: write medicare or billed.", basis);
	return parse_percent(p, item, pnstrdup(s, pct - s + 1), RS_MAX_PERCENT, value);
}

/* Parse a rule: "92.50", "3200.00/case", "140% medicare", "65% billed". */
bool
parse_rule(ItemParser *p, const ParsedItem *item, const char *s, uint8 *method, int64 *value)
{
	const char *slash = strchr(s, '/');

	if (*s == '\0')
		return items_fail(p, item->text, RULE_HINT, "The rule is empty.");
	if (strchr(s, '%'))
		return parse_percent_rule(p, item, s, method, value);
	if (slash)
	{
		const char *unit = slash + 1;

		while (isspace((unsigned char) *unit))
			unit++;
		if (pg_strcasecmp(unit, "case") != 0)
			return items_fail(p, item->text, RULE_HINT, "\"/%s\" is not a unit: only /case is.", unit);
		*method = RM_CASE;
		return parse_decimal(p, item, trimmed_copy(s, slash), 6, RS_MAX_AMOUNT, value);
	}
	*method = RM_AMOUNT;
	return parse_decimal(p, item, s, 6, RS_MAX_AMOUNT, value);
}

/* The payment indicators, in canonical order, and their flags. */
static const struct
{
	const char *word;
	uint8		flag;
}			indicator_words[] = {
	{"no_mppr", RE_NO_MPPR},
	{"bilateral", RE_BILATERAL},
	{"no_assistant", RE_NO_ASSISTANT},
	{"no_cosurgeon", RE_NO_COSURGEON},
};

#define INDICATOR_HINT "Write payment indicators after the rule: no_mppr, bilateral N%, no_assistant, no_cosurgeon."

/* The indicator flag a word names, or 0. */
static uint8
indicator_flag(const char *word, size_t len)
{
	int			i;

	for (i = 0; i < (int) lengthof(indicator_words); i++)
		if (strlen(indicator_words[i].word) == len &&
			pg_strncasecmp(word, indicator_words[i].word, len) == 0)
			return indicator_words[i].flag;
	return 0;
}

/* Where the first indicator word of s starts, or NULL: words are split at spaces. */
static const char *
first_indicator(const char *s)
{
	const char *w = s;

	while (*w)
	{
		size_t		len = strcspn(w, " \t");

		if (w > s && indicator_flag(w, len))
			return w;
		w += len;
		w += strspn(w, " \t");
	}
	return NULL;
}

/* "bilateral 200%": the whole percent modifier 50 pays for the code. */
static bool
parse_bilateral(ItemParser *p, const ParsedItem *item, const char *word, size_t len,
				RateEntry *entry)
{
	char	   *pct = pnstrdup(word, len);
	int64		micro;

	if (len == 0)
		return items_fail(p, item->text, INDICATOR_HINT, "bilateral needs a percent, as in \"bilateral 150%%\".");
	if (!parse_percent(p, item, pct, RE_MAX_BILATERAL * RS_MICRO, &micro))
		return false;
	if (micro % RS_MICRO != 0)
		return items_fail(p, item->text, INDICATOR_HINT, "bilateral takes a whole percent, not %s.", pct);
	entry->bilateral_percent = (uint16) (micro / RS_MICRO);
	return true;
}

/* Parse the indicator words of s into entry. */
static bool
parse_indicators(ItemParser *p, const ParsedItem *item, const char *s, RateEntry *entry)
{
	const char *w = s;

	while (*w)
	{
		size_t		len = strcspn(w, " \t");
		uint8		flag = indicator_flag(w, len);

		if (flag == 0)
			return items_fail(p, item->text, INDICATOR_HINT,
							  "\"%.*s\" is not a payment indicator.", (int) len, w);
		if (entry->indicators & flag)
			return items_fail(p, item->text, NULL, "\"%.*s\" is given more than once.", (int) len, w);
		entry->indicators |= flag;
		w += len;
		w += strspn(w, " \t");
		if (flag == RE_BILATERAL)
		{
			len = strcspn(w, " \t");
			if (!parse_bilateral(p, item, w, len, entry))
				return false;
			w += len;
			w += strspn(w, " \t");
		}
	}
	return true;
}

/*
 * An entry's rule and its payment indicators: "1500.00", "1500.00 no_mppr
 * bilateral 200%".  The rule is what comes before the first indicator word.
 */
bool
parse_entry_rule(ItemParser *p, const ParsedItem *item, const char *s, RateEntry *entry)
{
	const char *ind = first_indicator(s);

	if (ind == NULL)
		return parse_rule(p, item, s, &entry->method, &entry->value);
	return parse_rule(p, item, trimmed_copy(s, ind), &entry->method, &entry->value) &&
		parse_indicators(p, item, ind, entry);
}

/* "mppr: 100 50 50 50 50": percent paid by procedure rank. */
static bool
parse_mppr(ItemParser *p, const ParsedItem *item, RateSchedule *s)
{
	char	   *list = pstrdup(item->value);
	char	   *save = NULL;
	char	   *tok;
	int			n = 0;

	for (tok = strtok_r(list, " \t,", &save); tok; tok = strtok_r(NULL, " \t,", &save))
	{
		if (n == RS_MAX_MPPR)
			return items_fail(p, item->text, NULL, "mppr lists at most %d ranks.", RS_MAX_MPPR);
		if (!parse_percent(p, item, tok, 100 * RS_MICRO, &s->mppr[n++]))
			return false;
	}
	if (n == 0)
		return items_fail(p, item->text, "Write the percent paid for each rank, as in \"mppr: 100 50 50 50 50\".",
						  "mppr lists no ranks.");
	s->nmppr = n;
	return true;
}

static bool
parse_lesser_of(ItemParser *p, const ParsedItem *item, RateSchedule *s)
{
	if (pg_strcasecmp(item->value, "billed") == 0)
		s->lesser_of = 1;
	else if (pg_strcasecmp(item->value, "none") == 0)
		s->lesser_of = 0;
	else
		return items_fail(p, item->text, NULL, "lesser_of is \"billed\" or \"none\".");
	return true;
}

/* Is the key "modifier XX"?  Sets *mod to XX's start. */
static bool
is_modifier_key(const char *key, const char **mod)
{
	if (pg_strncasecmp(key, "modifier", 8) != 0 || !isspace((unsigned char) key[8]))
		return false;
	*mod = key + 8;
	while (isspace((unsigned char) **mod))
		(*mod)++;
	return true;
}

static bool
policy_given_twice(ItemParser *p, const ParsedItem *item, RateSchedule *s, uint8 flag)
{
	if (s->flags & flag)
		return !items_fail(p, item->text, NULL, "\"%s\" is given more than once.", item->key);
	s->flags |= flag;
	return false;
}

/* Parse one policy item; false after an error. */
static bool
parse_policy(ItemParser *p, const ParsedItem *item, RateSchedule *s)
{
	const char *mod;

	if (pg_strcasecmp(item->key, "default") == 0)
		return !policy_given_twice(p, item, s, RS_HAS_DEFAULT) &&
			parse_rule(p, item, item->value, &s->default_method, &s->default_value);
	if (pg_strcasecmp(item->key, "mppr") == 0)
		return !policy_given_twice(p, item, s, RS_HAS_MPPR) && parse_mppr(p, item, s);
	if (pg_strcasecmp(item->key, "lesser_of") == 0)
		return !policy_given_twice(p, item, s, RS_HAS_LESSER_OF) && parse_lesser_of(p, item, s);
	if (is_modifier_key(item->key, &mod))
	{
		ModifierAdjust *adj = &RS_ADJUSTS(s)[s->nadjusts];
		int			i;

		if (!parse_modifier(mod, strlen(mod), adj->modifier))
			return items_fail(p, item->text, NULL,
							  "\"%s\" is not a modifier: modifiers are exactly 2 letters or digits.", mod);
		for (i = 0; i < s->nadjusts; i++)
			if (memcmp(RS_ADJUSTS(s)[i].modifier, adj->modifier, 2) == 0)
				return items_fail(p, item->text, NULL, "modifier %.2s is given more than once.", adj->modifier);
		s->nadjusts++;
		return parse_percent(p, item, item->value, RS_MAX_PERCENT, &adj->percent);
	}
	elog(ERROR, "not a policy key: %s", item->key);
	return false;
}

static bool
is_policy_key(const char *key)
{
	const char *mod;

	return pg_strcasecmp(key, "default") == 0 || pg_strcasecmp(key, "mppr") == 0 ||
		pg_strcasecmp(key, "lesser_of") == 0 || is_modifier_key(key, &mod);
}

/*
 * A schedule with room for the given adjustments and entries, all zeroed
 * but the entries: for a caller that writes every entry it keeps (and
 * cuts the value to them).  Zeroing tens of megabytes up front could not
 * be interrupted, while the caller's loop over the entries can.
 */
RateSchedule *
rate_schedule_alloc_unset(int nadjusts, int nentries)
{
	RateSchedule *s = palloc(RS_SIZE(nadjusts, nentries));

	memset(s, 0, RS_SIZE(nadjusts, 0));
	SET_VARSIZE(s, RS_SIZE(nadjusts, nentries));
	s->version = RS_FORMAT_VERSION;
	s->lesser_of = 1;
	s->nadjusts = nadjusts;
	s->nentries = nentries;
	return s;
}

/* A zeroed schedule with room for the given adjustments and entries. */
RateSchedule *
rate_schedule_alloc(int nadjusts, int nentries)
{
	RateSchedule *s = rate_schedule_alloc_unset(nadjusts, nentries);

	memset(RS_ENTRIES(s), 0, (Size) nentries * sizeof(RateEntry));
	return s;
}

/*
 * Sort the entries and adjustments and reject duplicate selectors: the last
 * step of every constructor (text, binary, the aggregate, merge).
 */
bool
rate_schedule_finish(ItemParser *p, RateSchedule *s)
{
	RateEntry  *entries = RS_ENTRIES(s);
	int			i;

	qsort(RS_ADJUSTS(s), s->nadjusts, sizeof(ModifierAdjust), adjust_cmp);
	qsort(entries, s->nentries, sizeof(RateEntry), rate_entry_cmp);
	for (i = 1; i < s->nentries; i++)
	{
		if ((i & 0xFFFF) == 0)
			CHECK_FOR_INTERRUPTS();
		if (rate_entry_cmp(&entries[i - 1], &entries[i]) == 0)
			return items_fail(p, psprintf("%s: %s", format_selector(&entries[i]),
										  format_entry_rule(&entries[i])),
							  "Give each code, modifier and setting one rate; use || to lay carve-outs over a base schedule.",
							  "Selector \"%s\" is given more than once.", format_selector(&entries[i]));
	}
	s->flags &= ~RS_UNSORTED;
	return true;
}

RateSchedule *
rate_schedule_parse(ItemParser *p, const char *text)
{
	ParsedItem *items;
	int			nitems;
	int			nadjusts = 0;
	int			nentries = 0;
	int			i;
	const char *mod;
	RateSchedule *s;
	RateEntry  *entries;

	if (!items_split(p, text, &items, &nitems))
		return NULL;
	for (i = 0; i < nitems; i++)
	{
		if (is_modifier_key(items[i].key, &mod))
			nadjusts++;
		else if (!is_policy_key(items[i].key))
			nentries++;
	}
	if (nentries > RS_MAX_ENTRIES || nadjusts > RS_MAX_MODIFIER_ADJUSTS)
	{
		items_fail_code(p, ERRCODE_PROGRAM_LIMIT_EXCEEDED, items[nitems - 1].text, NULL,
						"A rate_schedule holds at most %d entries and %d modifier adjustments.",
						RS_MAX_ENTRIES, RS_MAX_MODIFIER_ADJUSTS);
		return NULL;
	}
	s = rate_schedule_alloc(nadjusts, nentries);
	entries = RS_ENTRIES(s);
	s->nadjusts = 0;			/* parse_policy counts them back up */
	nentries = 0;
	for (i = 0; i < nitems; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (is_policy_key(items[i].key))
		{
			if (!parse_policy(p, &items[i], s))
				return NULL;
			continue;
		}
		if (!parse_selector(p, &items[i], items[i].key, &entries[nentries]) ||
			!parse_entry_rule(p, &items[i], items[i].value, &entries[nentries]))
			return NULL;
		nentries++;
	}
	if (!rate_schedule_finish(p, s))
		return NULL;
	return s;
}

/* ---------- output ---------- */

char *
format_rule(uint8 method, int64 value)
{
	switch (method)
	{
		case RM_CASE:
			return psprintf("%s/case", format_decimal(value, 6, 2));
		case RM_PCT_MEDICARE:
			return psprintf("%s%% medicare", format_decimal(value, 6, 0));
		case RM_PCT_BILLED:
			return psprintf("%s%% billed", format_decimal(value, 6, 0));
		default:
			return format_decimal(value, 6, 2);
	}
}

/* An entry's rule followed by its payment indicators, in canonical order. */
char *
format_entry_rule(const RateEntry *e)
{
	char	   *rule = format_rule(e->method, e->value);
	int			i;

	for (i = 0; i < (int) lengthof(indicator_words); i++)
		if (e->indicators & indicator_words[i].flag)
			rule = indicator_words[i].flag == RE_BILATERAL ?
				psprintf("%s bilateral %d%%", rule, e->bilateral_percent) :
				psprintf("%s %s", rule, indicator_words[i].word);
	return rule;
}

char *
format_selector(const RateEntry *e)
{
	return psprintf("%s%s%.*s%s%s", e->code, e->modifier[0] ? "-" : "",
					e->modifier[0] ? 2 : 0, e->modifier,
					e->setting ? "@" : "", setting_names[e->setting]);
}

/*
 * The schedule as terms: policies first, then one per entry in order (the
 * last nentries terms); returns how many.
 */
Term *
rate_schedule_terms(const RateSchedule *s, int *nterms)
{
	Term	   *terms = palloc0((s->nentries + s->nadjusts + 3) * sizeof(Term));
	int			n = 0;
	int			i;

	if (s->flags & RS_HAS_DEFAULT)
		terms[n++] = (Term) {"default", format_rule(s->default_method, s->default_value), TERM_WORD};
	if (s->flags & RS_HAS_MPPR)
	{
		char	   *list = format_decimal(s->mppr[0], 6, 0);

		for (i = 1; i < s->nmppr; i++)
			list = psprintf("%s %s", list, format_decimal(s->mppr[i], 6, 0));
		terms[n++] = (Term) {"mppr", list, TERM_WORD};
	}
	for (i = 0; i < s->nadjusts; i++)
		terms[n++] = (Term) {psprintf("modifier %.2s", RS_ADJUSTS(s)[i].modifier),
			psprintf("%s%%", format_decimal(RS_ADJUSTS(s)[i].percent, 6, 0)), TERM_WORD};
	if (s->flags & RS_HAS_LESSER_OF)
		terms[n++] = (Term) {"lesser_of", s->lesser_of ? "billed" : "none", TERM_WORD};
	for (i = 0; i < s->nentries; i++)
	{
		const RateEntry *e = &RS_ENTRIES(s)[i];

		CHECK_FOR_INTERRUPTS();
		terms[n++] = (Term) {format_selector(e), format_entry_rule(e),
			e->method == RM_AMOUNT && e->indicators == 0 ? TERM_NUMBER : TERM_WORD};
	}
	*nterms = n;
	return terms;
}

/* Canonical text; an aggregate's unsorted state is printed sorted. */
static char *
rate_schedule_to_cstring(RateSchedule *s)
{
	int			n;
	Term	   *terms;

	if (s->flags & RS_UNSORTED)
	{
		RateSchedule *copy = palloc(VARSIZE(s));

		memcpy(copy, s, VARSIZE(s));
		qsort(RS_ENTRIES(copy), copy->nentries, sizeof(RateEntry), rate_entry_cmp);
		s = copy;
	}
	terms = rate_schedule_terms(s, &n);
	return terms_to_cstring(terms, n);
}

PG_FUNCTION_INFO_V1(rate_schedule_in);
Datum
rate_schedule_in(PG_FUNCTION_ARGS)
{
	ItemParser	p = {"rate_schedule", ERRCODE_INVALID_TEXT_REPRESENTATION, fcinfo->context};
	RateSchedule *s = rate_schedule_parse(&p, PG_GETARG_CSTRING(0));

	if (s == NULL)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(rate_schedule_out);
Datum
rate_schedule_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(rate_schedule_to_cstring(PG_GETARG_RATE_SCHEDULE_P(0)));
}

PG_FUNCTION_INFO_V1(rate_schedule_recv);
Datum
rate_schedule_recv(PG_FUNCTION_ARGS)
{
	ItemParser	p = {"rate_schedule", ERRCODE_INVALID_BINARY_REPRESENTATION, NULL};
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version = buf->cursor < buf->len ? (uint8) buf->data[buf->cursor] : -1;
	char	   *text;

	/* version 1 (1.0's grammar) and 2 (with payment indicators): the same parser reads both */
	text = items_recv_text(buf, version == RS_BINARY_VERSION_INDICATORS ?
						   RS_BINARY_VERSION_INDICATORS : RS_BINARY_VERSION, "rate_schedule");

	PG_RETURN_POINTER(rate_schedule_parse(&p, text));
}

/*
 * The binary format a value needs: 1, which 1.0 reads, unless an entry has
 * payment indicators, which only version 2 readers know.
 */
static int
rate_schedule_binary_version(const RateSchedule *s)
{
	int			i;

	for (i = 0; i < s->nentries; i++)
		if (RS_ENTRIES(s)[i].indicators != 0)
			return RS_BINARY_VERSION_INDICATORS;
	return RS_BINARY_VERSION;
}

PG_FUNCTION_INFO_V1(rate_schedule_send);
Datum
rate_schedule_send(PG_FUNCTION_ARGS)
{
	RateSchedule *s = PG_GETARG_RATE_SCHEDULE_P(0);

	PG_RETURN_BYTEA_P(items_send(rate_schedule_to_cstring(s), rate_schedule_binary_version(s)));
}

PG_FUNCTION_INFO_V1(rate_schedule_to_jsonb);
Datum
rate_schedule_to_jsonb(PG_FUNCTION_ARGS)
{
	int			n;
	Term	   *terms = rate_schedule_terms(PG_GETARG_RATE_SCHEDULE_P(0), &n);

	PG_RETURN_JSONB_P(terms_to_jsonb(terms, n));
}

PG_FUNCTION_INFO_V1(rate_schedule_from_jsonb);
Datum
rate_schedule_from_jsonb(PG_FUNCTION_ARGS)
{
	ItemParser	p = {"rate_schedule", ERRCODE_INVALID_TEXT_REPRESENTATION, NULL};

	PG_RETURN_POINTER(rate_schedule_parse(&p, jsonb_to_items_text(PG_GETARG_JSONB_P(0),
																  "rate_schedule")));
}

/* One row per entry: code, modifier, setting, method, amount, percent. */
PG_FUNCTION_INFO_V1(rate_schedule_entries);
Datum
rate_schedule_entries(PG_FUNCTION_ARGS)
{
	RateSchedule *s = PG_GETARG_RATE_SCHEDULE_P(0);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int			i;

	InitMaterializedSRF(fcinfo, 0);
	for (i = 0; i < s->nentries; i++)
	{
		const RateEntry *e = &RS_ENTRIES(s)[i];
		bool		is_amount = e->method == RM_AMOUNT || e->method == RM_CASE;
		Datum		value = DirectFunctionCall3(numeric_in,
												CStringGetDatum(format_decimal(e->value, 6, is_amount ? 2 : 0)),
												ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
		Datum		values[6] = {CStringGetTextDatum(e->code),
									PointerGetDatum(cstring_to_text_with_len(e->modifier, 2)),
									CStringGetTextDatum(setting_names[e->setting]),
									CStringGetTextDatum(method_name(e->method)),
									value, value};
		bool		nulls[6] = {false, e->modifier[0] == '\0', e->setting == SETTING_ANY,
								false, !is_amount, is_amount};

		CHECK_FOR_INTERRUPTS();
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}


/* ---------- policies, for pricing ---------- */

/*
 * The modifier adjustments in force, into out[] (room for s->nadjusts +
 * RS_BUILTIN_ADJUSTS): the schedule's own, then the built-in ones, so the
 * first match for a modifier is the one that applies.  Returns the count.
 */
int
modifier_adjustments(const RateSchedule *s, ModifierAdjust *out)
{
	int			n = 0;
	int			i;

	for (i = 0; i < s->nadjusts; i++)
		out[n++] = RS_ADJUSTS(s)[i];
	for (i = 0; i < (int) lengthof(builtin_adjusts); i++)
	{
		memset(&out[n], 0, sizeof(ModifierAdjust));
		memcpy(out[n].modifier, builtin_adjusts[i].modifier, 2);
		out[n++].percent = builtin_adjusts[i].percent;
	}
	return n;
}

/* The micro-percent paid at a procedure rank; ranks past the list use its last. */
int64
mppr_percent(const RateSchedule *s, int32 rank)
{
	const int64 *list = (s->flags & RS_HAS_MPPR) ? s->mppr : default_mppr;
	int			n = (s->flags & RS_HAS_MPPR) ? s->nmppr : lengthof(default_mppr);

	return list[Min(rank, n) - 1];
}
