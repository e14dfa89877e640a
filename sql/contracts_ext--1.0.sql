-- contracts_ext 1.0: check payers against their contracts in SQL.
\echo Use "CREATE EXTENSION contracts_ext" to load this file. \quit

--------------------------------------------------------------------------
-- Business days (US federal calendar)
--------------------------------------------------------------------------

CREATE FUNCTION is_business_day(d date) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION is_business_day(date) IS
    'true for a weekday that is not a US federal holiday (as observed: Saturday holidays on the Friday before, Sunday ones on the Monday after)';

CREATE FUNCTION add_business_days(d date, n integer) RETURNS date
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION add_business_days(date, integer) IS
    'the n-th business day after d (n > 0), before d (n < 0), or d itself (n = 0)';

CREATE FUNCTION business_days_between(a date, b date) RETURNS integer
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION business_days_between(date, date) IS
    'business days after a up to and including b; negative (those from b up to but excluding a) when b < a; add_business_days(a, business_days_between(a, b)) = b for a business day b';

--------------------------------------------------------------------------
-- contract: a payer contract's administrative terms
--------------------------------------------------------------------------

CREATE TYPE contract;

CREATE FUNCTION contract_in(cstring) RETURNS contract
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION contract_out(contract) RETURNS cstring
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION contract_recv(internal) RETURNS contract
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION contract_send(contract) RETURNS bytea
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE contract (
    INPUT = contract_in,
    OUTPUT = contract_out,
    RECEIVE = contract_recv,
    SEND = contract_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE contract IS
    'a payer contract''s administrative terms: "key: value" items (payer, effective, term, renewal, notice, filing, appeal, notice_receipt, prompt_pay, prompt_pay_paper, interest, interest_basis, interest_min, lookback)';

CREATE FUNCTION contract_eq(contract, contract) RETURNS boolean
    AS 'MODULE_PATHNAME', 'canonical_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION contract_ne(contract, contract) RETURNS boolean
    AS 'MODULE_PATHNAME', 'canonical_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION contract_hash(contract) RETURNS integer
    AS 'MODULE_PATHNAME', 'canonical_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION contract_hash_extended(contract, bigint) RETURNS bigint
    AS 'MODULE_PATHNAME', 'canonical_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR = (
    LEFTARG = contract, RIGHTARG = contract, PROCEDURE = contract_eq,
    COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel,
    HASHES
);
CREATE OPERATOR <> (
    LEFTARG = contract, RIGHTARG = contract, PROCEDURE = contract_ne,
    COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR CLASS contract_hash_ops DEFAULT FOR TYPE contract USING hash AS
    OPERATOR 1 = ,
    FUNCTION 1 contract_hash(contract),
    FUNCTION 2 contract_hash_extended(contract, bigint);

CREATE FUNCTION contract_to_jsonb(contract) RETURNS jsonb
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION contract_to_jsonb(contract) IS
    'the contract as a jsonb object: the text form''s keys; durations and dates as strings, interest as a number of percent, interest_basis and interest_min as numbers, appeal as an array of strings';
CREATE FUNCTION contract_from_jsonb(jsonb) RETURNS contract
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION contract_from_jsonb(jsonb) IS
    'a contract from a jsonb object shaped as contract_to_jsonb writes it (null values mean absent keys)';
CREATE CAST (contract AS jsonb) WITH FUNCTION contract_to_jsonb(contract);
CREATE CAST (jsonb AS contract) WITH FUNCTION contract_from_jsonb(jsonb);

CREATE FUNCTION contract_terms(c contract, OUT key text, OUT value text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 14;
COMMENT ON FUNCTION contract_terms(contract) IS
    'one (key, value) row per term the contract states, in canonical order and form';

CREATE FUNCTION filing_deadline(c contract, service_date date) RETURNS date
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION filing_deadline(contract, date) IS
    'last day to file a claim for service_date: service_date + filing (NULL without a filing term)';

CREATE FUNCTION appeal_deadline(c contract, notice_date date, level integer DEFAULT 1) RETURNS date
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION appeal_deadline(contract, date, integer) IS
    'last day to appeal at a level: notice_date + notice_receipt + that level''s appeal window (NULL if the contract has no such level)';

CREATE FUNCTION payment_due(c contract, received date, paper boolean DEFAULT false) RETURNS date
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION payment_due(contract, date, boolean) IS
    'last day a clean claim received on that date may be paid on time: received + prompt_pay (prompt_pay_paper for paper claims when given)';

CREATE FUNCTION interest_due(c contract, received date, paid date, amount numeric,
                             paper boolean DEFAULT false, rate numeric DEFAULT NULL) RETURNS numeric
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION interest_due(contract, date, date, numeric, boolean, numeric) IS
    'prompt-pay interest on a clean claim paid late: amount x rate% x days late / interest_basis, rounded half up to cents; 0 when paid on time or under interest_min; rate (percent) overrides the contract''s';

CREATE FUNCTION recoupment_deadline(c contract, paid date) RETURNS date
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recoupment_deadline(contract, date) IS
    'last day the payer may audit and recoup a payment made on paid: paid + lookback';

CREATE FUNCTION renewal_date(c contract, as_of date) RETURNS date
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION renewal_date(contract, date) IS
    'the next renewal (or, without a renewal term, the expiry) on or after as_of: the first day of the next term; NULL once expired';

CREATE FUNCTION notice_deadline(c contract, as_of date) RETURNS date
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION notice_deadline(contract, date) IS
    'the next non-renewal/termination notice deadline on or after as_of: a renewal date minus the notice period';

CREATE FUNCTION contract_calendar(c contract, from_date date, to_date date,
                                  OUT event_date date, OUT event text, OUT term_end date)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION contract_calendar(contract, date, date) IS
    'the contract''s effective, notice_deadline, renewal and expiry events between two dates, with the term end each belongs to';

--------------------------------------------------------------------------
-- rate_schedule: a contract's reimbursement exhibit
--------------------------------------------------------------------------

CREATE TYPE rate_schedule;

CREATE FUNCTION rate_schedule_in(cstring) RETURNS rate_schedule
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION rate_schedule_out(rate_schedule) RETURNS cstring
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION rate_schedule_recv(internal) RETURNS rate_schedule
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION rate_schedule_send(rate_schedule) RETURNS bytea
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE rate_schedule (
    INPUT = rate_schedule_in,
    OUTPUT = rate_schedule_out,
    RECEIVE = rate_schedule_recv,
    SEND = rate_schedule_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE rate_schedule IS
    'a fee schedule exhibit: rate entries by code[-modifier][@setting] (amount, amount/case, N% medicare, N% billed) and payment policies (default, mppr, modifier XX, lesser_of)';

CREATE FUNCTION rate_schedule_eq(rate_schedule, rate_schedule) RETURNS boolean
    AS 'MODULE_PATHNAME', 'canonical_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION rate_schedule_ne(rate_schedule, rate_schedule) RETURNS boolean
    AS 'MODULE_PATHNAME', 'canonical_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION rate_schedule_hash(rate_schedule) RETURNS integer
    AS 'MODULE_PATHNAME', 'canonical_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION rate_schedule_hash_extended(rate_schedule, bigint) RETURNS bigint
    AS 'MODULE_PATHNAME', 'canonical_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OPERATOR = (
    LEFTARG = rate_schedule, RIGHTARG = rate_schedule, PROCEDURE = rate_schedule_eq,
    COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel, HASHES
);
CREATE OPERATOR <> (
    LEFTARG = rate_schedule, RIGHTARG = rate_schedule, PROCEDURE = rate_schedule_ne,
    COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR CLASS rate_schedule_hash_ops DEFAULT FOR TYPE rate_schedule USING hash AS
    OPERATOR 1 = ,
    FUNCTION 1 rate_schedule_hash(rate_schedule),
    FUNCTION 2 rate_schedule_hash_extended(rate_schedule, bigint);

CREATE FUNCTION rate_schedule_merge(rate_schedule, rate_schedule) RETURNS rate_schedule
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION rate_schedule_merge(rate_schedule, rate_schedule) IS
    'the left schedule with the right one''s entries and stated policies laid over it (carve-outs over a base schedule)';
CREATE OPERATOR || (
    LEFTARG = rate_schedule, RIGHTARG = rate_schedule, PROCEDURE = rate_schedule_merge
);

CREATE FUNCTION rate_schedule_to_jsonb(rate_schedule) RETURNS jsonb
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION rate_schedule_to_jsonb(rate_schedule) IS
    'the schedule as a jsonb object keyed like the text form: fixed amounts as numbers, other rules and policies as strings';
CREATE FUNCTION rate_schedule_from_jsonb(jsonb) RETURNS rate_schedule
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION rate_schedule_from_jsonb(jsonb) IS
    'a schedule from a jsonb object shaped as rate_schedule_to_jsonb writes it';
CREATE CAST (rate_schedule AS jsonb) WITH FUNCTION rate_schedule_to_jsonb(rate_schedule);
CREATE CAST (jsonb AS rate_schedule) WITH FUNCTION rate_schedule_from_jsonb(jsonb);

CREATE FUNCTION rate_schedule_entries(s rate_schedule, OUT code text, OUT modifier text,
                                      OUT setting text, OUT method text,
                                      OUT amount numeric, OUT percent numeric)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION rate_schedule_entries(rate_schedule) IS
    'one row per rate entry (code, modifier, setting, method amount|case|percent_medicare|percent_billed, amount or percent), in canonical order';

CREATE FUNCTION rate_schedule_scale(s rate_schedule, percent numeric, codes text[] DEFAULT NULL)
    RETURNS rate_schedule
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION rate_schedule_scale(rate_schedule, numeric, text[]) IS
    'the schedule with the listed codes'' rates (all rates and the default when codes is NULL) raised by percent; amounts rounded half up to cents';

CREATE FUNCTION rate_schedule_agg_rule_sfunc(rate_schedule, text, text) RETURNS rate_schedule
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION rate_schedule_agg_amount_sfunc(rate_schedule, text, numeric) RETURNS rate_schedule
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION rate_schedule_agg_combine(rate_schedule, rate_schedule) RETURNS rate_schedule
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION rate_schedule_agg_final(rate_schedule) RETURNS rate_schedule
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE AGGREGATE rate_schedule_agg(code text, rule text) (
    SFUNC = rate_schedule_agg_rule_sfunc,
    STYPE = rate_schedule,
    COMBINEFUNC = rate_schedule_agg_combine,
    FINALFUNC = rate_schedule_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE rate_schedule_agg(text, text) IS
    'a rate_schedule built from rows of (code[-MOD][@setting], rule); rows with a NULL code or rule are skipped; a duplicate selector is an error';
CREATE AGGREGATE rate_schedule_agg(code text, amount numeric) (
    SFUNC = rate_schedule_agg_amount_sfunc,
    STYPE = rate_schedule,
    COMBINEFUNC = rate_schedule_agg_combine,
    FINALFUNC = rate_schedule_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE rate_schedule_agg(text, numeric) IS
    'a rate_schedule of fixed amounts per unit built from rows of (code[-MOD][@setting], amount); a duplicate selector is an error';

CREATE FUNCTION expected_allowed(schedule rate_schedule, code text, modifiers text[] DEFAULT '{}',
                                 units numeric DEFAULT 1, billed numeric DEFAULT NULL,
                                 medicare numeric DEFAULT NULL, procedure_rank integer DEFAULT 1,
                                 facility boolean DEFAULT false) RETURNS numeric
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION expected_allowed(rate_schedule, text, text[], numeric, numeric, numeric, integer, boolean) IS
    'the contractually expected allowed amount of a claim line: matched rate x units (or percent of billed/medicare), modifier adjustments, multiple procedure reduction by rank, lesser of billed, rounded half up to cents; NULL when the line cannot be priced';

CREATE FUNCTION expected_allowed_explain(schedule rate_schedule, code text, modifiers text[] DEFAULT '{}',
                                         units numeric DEFAULT 1, billed numeric DEFAULT NULL,
                                         medicare numeric DEFAULT NULL, procedure_rank integer DEFAULT 1,
                                         facility boolean DEFAULT false) RETURNS jsonb
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION expected_allowed_explain(rate_schedule, text, text[], numeric, numeric, numeric, integer, boolean) IS
    'expected_allowed step by step as jsonb: matched selector and rule, base, each modifier adjustment, MPPR, lesser-of and the allowed amount';

--------------------------------------------------------------------------
-- capitation: a risk contract's capitation and settlement terms
--------------------------------------------------------------------------

CREATE TYPE capitation;

CREATE FUNCTION capitation_in(cstring) RETURNS capitation
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION capitation_out(capitation) RETURNS cstring
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION capitation_recv(internal) RETURNS capitation
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION capitation_send(capitation) RETURNS bytea
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE capitation (
    INPUT = capitation_in,
    OUTPUT = capitation_out,
    RECEIVE = capitation_recv,
    SEND = capitation_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE capitation IS
    'capitation and risk terms: "key: value" items (pmpm, withhold, benchmark, share, loss_share, msr, mlr, first_dollar, savings_cap, loss_cap, corridor, stop_loss, stop_loss_rate)';

CREATE FUNCTION capitation_eq(capitation, capitation) RETURNS boolean
    AS 'MODULE_PATHNAME', 'canonical_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION capitation_ne(capitation, capitation) RETURNS boolean
    AS 'MODULE_PATHNAME', 'canonical_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION capitation_hash(capitation) RETURNS integer
    AS 'MODULE_PATHNAME', 'canonical_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION capitation_hash_extended(capitation, bigint) RETURNS bigint
    AS 'MODULE_PATHNAME', 'canonical_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OPERATOR = (
    LEFTARG = capitation, RIGHTARG = capitation, PROCEDURE = capitation_eq,
    COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel, HASHES
);
CREATE OPERATOR <> (
    LEFTARG = capitation, RIGHTARG = capitation, PROCEDURE = capitation_ne,
    COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR CLASS capitation_hash_ops DEFAULT FOR TYPE capitation USING hash AS
    OPERATOR 1 = ,
    FUNCTION 1 capitation_hash(capitation),
    FUNCTION 2 capitation_hash_extended(capitation, bigint);

CREATE FUNCTION capitation_to_jsonb(capitation) RETURNS jsonb
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION capitation_to_jsonb(capitation) IS
    'the terms as a jsonb object: amounts and percentages (in percent) as numbers, first_dollar as a boolean, corridor as an array of "threshold% share%" strings';
CREATE FUNCTION capitation_from_jsonb(jsonb) RETURNS capitation
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION capitation_from_jsonb(jsonb) IS
    'capitation terms from a jsonb object shaped as capitation_to_jsonb writes it';
CREATE CAST (capitation AS jsonb) WITH FUNCTION capitation_to_jsonb(capitation);
CREATE CAST (jsonb AS capitation) WITH FUNCTION capitation_from_jsonb(jsonb);

CREATE FUNCTION capitation_terms(c capitation, OUT key text, OUT value text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 13;
COMMENT ON FUNCTION capitation_terms(capitation) IS
    'one (key, value) row per stated term, in canonical order and form';

CREATE FUNCTION capitation_revenue(c capitation, member_months numeric, risk_score numeric DEFAULT 1)
    RETURNS numeric
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION capitation_revenue(capitation, numeric, numeric) IS
    'capitation cash: pmpm x risk_score x member_months x (1 - withhold), rounded half up to cents';

CREATE FUNCTION shared_savings(c capitation, member_months numeric, cost numeric, quality numeric DEFAULT 1)
    RETURNS numeric
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION shared_savings(capitation, numeric, numeric, numeric) IS
    'year-end shared savings (positive) or shared losses (negative) against benchmark x member_months, with MSR/MLR, first-dollar or not, quality scaling and caps';

CREATE FUNCTION corridor_settlement(c capitation, member_months numeric, cost numeric)
    RETURNS numeric
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION corridor_settlement(capitation, numeric, numeric) IS
    'risk-corridor settlement: the banded share of cost above target paid to the practice (positive), of cost below target paid back (negative)';

CREATE FUNCTION stop_loss_recovery(c capitation, member_cost numeric)
    RETURNS numeric
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION stop_loss_recovery(capitation, numeric) IS
    'what the payer reimburses for one member''s annual cost: stop_loss_rate x (member_cost - stop_loss), or 0 below the attachment point';

CREATE TYPE pmpm_state;
CREATE FUNCTION pmpm_state_in(cstring) RETURNS pmpm_state
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION pmpm_state_out(pmpm_state) RETURNS cstring
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION pmpm_state_recv(internal) RETURNS pmpm_state
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION pmpm_state_send(pmpm_state) RETURNS bytea
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE pmpm_state (
    INPUT = pmpm_state_in,
    OUTPUT = pmpm_state_out,
    RECEIVE = pmpm_state_recv,
    SEND = pmpm_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = plain
);
COMMENT ON TYPE pmpm_state IS
    'the partial state of pmpm_margin: exact sums of revenue, cost and member months, and the row count';

CREATE FUNCTION pmpm_margin_sfunc(pmpm_state, capitation, numeric, numeric) RETURNS pmpm_state
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION pmpm_margin_sfunc(pmpm_state, capitation, numeric, numeric, numeric) RETURNS pmpm_state
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION pmpm_margin_combine(pmpm_state, pmpm_state) RETURNS pmpm_state
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION pmpm_margin_final(pmpm_state) RETURNS numeric
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE AGGREGATE pmpm_margin(c capitation, member_months numeric, cost numeric) (
    SFUNC = pmpm_margin_sfunc,
    STYPE = pmpm_state,
    COMBINEFUNC = pmpm_margin_combine,
    FINALFUNC = pmpm_margin_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE pmpm_margin(capitation, numeric, numeric) IS
    'PMPM margin: (sum of capitation revenue - sum of cost) / sum of member months, rounded half up to cents; revenue per row with that row''s terms';
CREATE AGGREGATE pmpm_margin(c capitation, member_months numeric, cost numeric, risk_score numeric) (
    SFUNC = pmpm_margin_sfunc,
    STYPE = pmpm_state,
    COMBINEFUNC = pmpm_margin_combine,
    FINALFUNC = pmpm_margin_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE pmpm_margin(capitation, numeric, numeric, numeric) IS
    'PMPM margin with per-row risk scores: revenue = pmpm x risk_score x member_months x (1 - withhold)';

--------------------------------------------------------------------------
-- payment_variance: expected against actual payment
--------------------------------------------------------------------------

CREATE TYPE payment_variance_result AS (
    lines bigint,
    unpriced_lines bigint,
    expected numeric,
    actual numeric,
    underpaid_lines bigint,
    underpaid numeric,
    overpaid_lines bigint,
    overpaid numeric,
    yield_pct numeric
);
COMMENT ON TYPE payment_variance_result IS
    'payment_variance''s result: line counts, expected and actual over priced lines, under- and overpayments of a cent or more, yield percent';

CREATE TYPE variance_state;
CREATE FUNCTION variance_state_in(cstring) RETURNS variance_state
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION variance_state_out(variance_state) RETURNS cstring
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION variance_state_recv(internal) RETURNS variance_state
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION variance_state_send(variance_state) RETURNS bytea
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE variance_state (
    INPUT = variance_state_in,
    OUTPUT = variance_state_out,
    RECEIVE = variance_state_recv,
    SEND = variance_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = plain
);
COMMENT ON TYPE variance_state IS
    'the partial state of payment_variance: exact counts and sums';

CREATE FUNCTION payment_variance_sfunc(variance_state, numeric, numeric) RETURNS variance_state
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION payment_variance_combine(variance_state, variance_state) RETURNS variance_state
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION payment_variance_final(variance_state) RETURNS payment_variance_result
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE payment_variance(expected numeric, actual numeric) (
    SFUNC = payment_variance_sfunc,
    STYPE = variance_state,
    COMBINEFUNC = payment_variance_combine,
    FINALFUNC = payment_variance_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE payment_variance(numeric, numeric) IS
    'expected against actual payment: lines, unpriced_lines, expected, actual, underpaid_lines, underpaid, overpaid_lines, overpaid, yield_pct (a NULL actual counts as nothing paid); use (payment_variance(e, a)).* for columns';
