/*-------------------------------------------------------------------------
 * capitation.c
 *	  The capitation type: text, binary and jsonb forms and the key/value
 *	  listing.  Revenue and settlements are in capitation_calc.c, the
 *	  pmpm_margin aggregate in pmpm.c.
 *
 * Text form: `key: value` items, as for contract and rate_schedule, with
 * canonical output in a fixed key order.
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <ctype.h>

#include "capitation.h"

#include "utils/builtins.h"

#define MICRO INT64CONST(1000000)
#define MAX_AMOUNT (INT64CONST(100000000) * MICRO)	/* $100,000,000 */
#define HUNDRED_PERCENT (100 * MICRO)

typedef enum CapValueKind
{
	CV_AMOUNT,
	CV_PERCENT,
	CV_BOOL,
	CV_BANDS
} CapValueKind;

static const struct
{
	const char *name;
	CapValueKind kind;
}			cap_keys[CAP_COUNT] = {
	[CAP_PMPM] = {"pmpm", CV_AMOUNT},
	[CAP_WITHHOLD] = {"withhold", CV_PERCENT},
	[CAP_BENCHMARK] = {"benchmark", CV_AMOUNT},
	[CAP_SHARE] = {"share", CV_PERCENT},
	[CAP_LOSS_SHARE] = {"loss_share", CV_PERCENT},
	[CAP_MSR] = {"msr", CV_PERCENT},
	[CAP_MLR] = {"mlr", CV_PERCENT},
	[CAP_FIRST_DOLLAR] = {"first_dollar", CV_BOOL},
	[CAP_SAVINGS_CAP] = {"savings_cap", CV_PERCENT},
	[CAP_LOSS_CAP] = {"loss_cap", CV_PERCENT},
	[CAP_CORRIDOR] = {"corridor", CV_BANDS},
	[CAP_STOP_LOSS] = {"stop_loss", CV_AMOUNT},
	[CAP_STOP_LOSS_RATE] = {"stop_loss_rate", CV_PERCENT},
};

#define CAP_KEY_LIST "pmpm, withhold, benchmark, share, loss_share, msr, mlr, first_dollar, " \
	"savings_cap, loss_cap, corridor, stop_loss, stop_loss_rate"

static int
cap_key_lookup(const char *key)
{
	int			k;

	for (k = 0; k < CAP_COUNT; k++)
		if (pg_strcasecmp(key, cap_keys[k].name) == 0)
			return k;
	return -1;
}

static bool
parse_bool_term(ItemParser *p, const ParsedItem *item, int64 *value)
{
	if (pg_strcasecmp(item->value, "true") == 0)
		*value = 1;
	else if (pg_strcasecmp(item->value, "false") == 0)
		*value = 0;
	else
		return items_fail(p, item->text, NULL, "%s is true or false.", item->key);
	return true;
}

/* One band, "3% 50%": threshold and share. */
static bool
parse_band(ItemParser *p, const ParsedItem *item, char *band, CorridorBand *result)
{
	char	   *save = NULL;
	char	   *threshold = strtok_r(band, " \t", &save);
	char	   *share = threshold ? strtok_r(NULL, " \t", &save) : NULL;

	if (share == NULL || strtok_r(NULL, " \t", &save) != NULL)
		return items_fail(p, item->text, "Write bands as \"3% 50%, 8% 80%\": beyond 3% of target 50% is shared, beyond 8% 80%.",
						  "Each corridor band is a threshold and a share.");
	return parse_percent(p, item, threshold, HUNDRED_PERCENT, &result->threshold) &&
		parse_percent(p, item, share, HUNDRED_PERCENT, &result->share);
}

/*
 * "3% 50%, 8% 80%": bands with increasing thresholds.  Every comma
 * separates two bands: an empty band ("3% 50%,, 8% 80%", a trailing comma)
 * is a typing slip worth reporting, not something to skip.
 */
static bool
parse_corridor(ItemParser *p, const ParsedItem *item, Capitation *c)
{
	char	   *band = pstrdup(item->value);
	int			n = 0;

	for (;;)
	{
		char	   *comma = strchr(band, ',');

		if (comma != NULL)
			*comma = '\0';
		if (band[strspn(band, " \t")] == '\0')
			return items_fail(p, item->text, "Write bands as \"3% 50%, 8% 80%\", one threshold and share between commas.",
							  "The corridor has an empty band.");
		if (n == CAPITATION_MAX_BANDS)
			return items_fail(p, item->text, NULL, "A corridor has at most %d bands.", CAPITATION_MAX_BANDS);
		if (!parse_band(p, item, band, &c->bands[n]))
			return false;
		if (n > 0 && c->bands[n].threshold <= c->bands[n - 1].threshold)
			return items_fail(p, item->text, NULL, "Band thresholds must increase.");
		n++;
		if (comma == NULL)
			break;
		band = comma + 1;
	}
	c->nbands = n;
	return true;
}

static bool
cap_parse_item(ItemParser *p, const ParsedItem *item, int key, Capitation *c)
{
	switch (cap_keys[key].kind)
	{
		case CV_AMOUNT:
			return parse_decimal(p, item, item->value, 6, MAX_AMOUNT, &c->value[key]);
		case CV_PERCENT:
			return parse_percent(p, item, item->value, HUNDRED_PERCENT, &c->value[key]);
		case CV_BOOL:
			return parse_bool_term(p, item, &c->value[key]);
		case CV_BANDS:
			return parse_corridor(p, item, c);
	}
	return false;
}

/* Parse the text form; NULL after a soft error. */
static Capitation *
capitation_parse(ItemParser *p, const char *text)
{
	Capitation *c = palloc0(sizeof(Capitation));
	ParsedItem *items;
	int			nitems;
	int			i;

	SET_VARSIZE(c, sizeof(Capitation));
	c->version = CAPITATION_FORMAT_VERSION;
	if (!items_split(p, text, &items, &nitems))
		return NULL;
	for (i = 0; i < nitems; i++)
	{
		int			key = cap_key_lookup(items[i].key);

		if (key < 0)
		{
			items_fail(p, items[i].text, "Keys are: " CAP_KEY_LIST ".",
					   "\"%s\" is not a capitation term.", items[i].key);
			return NULL;
		}
		if (CAP_HAS(c, key))
		{
			items_fail(p, items[i].text, NULL, "\"%s\" is given more than once.", cap_keys[key].name);
			return NULL;
		}
		if (!cap_parse_item(p, &items[i], key, c))
			return NULL;
		c->present |= 1 << key;
	}
	return c;
}

static char *
format_percent(int64 micro)
{
	return psprintf("%s%%", format_decimal(micro, 6, 0));
}

/* The terms, in canonical order and form; returns how many. */
static int
capitation_terms_list(const Capitation *c, Term *terms)
{
	int			n = 0;
	int			key;
	int			i;

	for (key = 0; key < CAP_COUNT; key++)
	{
		Term	   *t = &terms[n];

		if (!CAP_HAS(c, key))
			continue;
		t->key = cap_keys[key].name;
		switch (cap_keys[key].kind)
		{
			case CV_AMOUNT:
				t->kind = TERM_NUMBER;
				t->value = format_decimal(c->value[key], 6, 2);
				break;
			case CV_PERCENT:
				t->kind = TERM_PERCENT;
				t->value = format_percent(c->value[key]);
				break;
			case CV_BOOL:
				t->kind = TERM_BOOL;
				t->value = c->value[key] ? "true" : "false";
				break;
			case CV_BANDS:
				t->kind = TERM_LIST;
				t->nelems = c->nbands;
				t->elems = palloc(c->nbands * sizeof(char *));
				for (i = 0; i < c->nbands; i++)
					t->elems[i] = psprintf("%s %s", format_percent(c->bands[i].threshold),
										   format_percent(c->bands[i].share));
				t->value = t->elems[0];
				for (i = 1; i < c->nbands; i++)
					t->value = psprintf("%s, %s", t->value, t->elems[i]);
				break;
		}
		n++;
	}
	return n;
}

static char *
capitation_to_cstring(const Capitation *c)
{
	Term		terms[CAP_COUNT];

	return terms_to_cstring(terms, capitation_terms_list(c, terms));
}

PG_FUNCTION_INFO_V1(capitation_in);
Datum
capitation_in(PG_FUNCTION_ARGS)
{
	ItemParser	p = {"capitation", ERRCODE_INVALID_TEXT_REPRESENTATION, fcinfo->context};
	Capitation *c = capitation_parse(&p, PG_GETARG_CSTRING(0));

	if (c == NULL)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(c);
}

PG_FUNCTION_INFO_V1(capitation_out);
Datum
capitation_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(capitation_to_cstring(PG_GETARG_CAPITATION_P(0)));
}

PG_FUNCTION_INFO_V1(capitation_recv);
Datum
capitation_recv(PG_FUNCTION_ARGS)
{
	ItemParser	p = {"capitation", ERRCODE_INVALID_BINARY_REPRESENTATION, NULL};
	char	   *text = items_recv_text((StringInfo) PG_GETARG_POINTER(0),
									   CAPITATION_FORMAT_VERSION, "capitation");

	PG_RETURN_POINTER(capitation_parse(&p, text));
}

PG_FUNCTION_INFO_V1(capitation_send);
Datum
capitation_send(PG_FUNCTION_ARGS)
{
	PG_RETURN_BYTEA_P(items_send(capitation_to_cstring(PG_GETARG_CAPITATION_P(0)),
								 CAPITATION_FORMAT_VERSION));
}

PG_FUNCTION_INFO_V1(capitation_to_jsonb);
Datum
capitation_to_jsonb(PG_FUNCTION_ARGS)
{
	Term		terms[CAP_COUNT];

	PG_RETURN_JSONB_P(terms_to_jsonb(terms, capitation_terms_list(PG_GETARG_CAPITATION_P(0), terms)));
}

PG_FUNCTION_INFO_V1(capitation_from_jsonb);
Datum
capitation_from_jsonb(PG_FUNCTION_ARGS)
{
	ItemParser	p = {"capitation", ERRCODE_INVALID_TEXT_REPRESENTATION, NULL};

	PG_RETURN_POINTER(capitation_parse(&p, jsonb_to_items_text(PG_GETARG_JSONB_P(0), "capitation")));
}

PG_FUNCTION_INFO_V1(capitation_terms);
Datum
capitation_terms(PG_FUNCTION_ARGS)
{
	Term		terms[CAP_COUNT];

	terms_materialize(fcinfo, terms, capitation_terms_list(PG_GETARG_CAPITATION_P(0), terms));
	return (Datum) 0;
}
