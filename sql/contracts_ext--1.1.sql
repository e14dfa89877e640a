-- contracts_ext 1.1: check payers against their contracts in SQL.
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
    HASHES, MERGES
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
    COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
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
    COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
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

--------------------------------------------------------------------------
-- Claim adjustment reason codes: reference data and lookups
--------------------------------------------------------------------------

-- The shipped reference rows live in carc_shipped; a practice's own rows and
-- edits go in carc_local, which is extension configuration, so pg_dump keeps
-- all of it; the view carc lays carc_local over carc_shipped.  (Editing the
-- shipped rows in place could not survive dump and restore: CREATE EXTENSION
-- would insert them again.)
CREATE TABLE carc_shipped (
    code text PRIMARY KEY,
    description text NOT NULL,
    category text NOT NULL,
    is_denial boolean NOT NULL,
    avoidable boolean NOT NULL,
    appealable boolean NOT NULL,
    CHECK (category IN ('patient_responsibility', 'contractual', 'eligibility', 'authorization',
                        'timely_filing', 'duplicate', 'coding', 'medical_necessity', 'non_covered',
                        'coordination_of_benefits', 'missing_information', 'network',
                        'credentialing', 'capitation', 'other')),
    CHECK (code ~ '^[A-Z0-9]{1,4}$')
);
COMMENT ON TABLE carc_shipped IS 'claim adjustment reason codes as shipped with contracts_ext (edit carc_local instead)';
CREATE TABLE carc_local (LIKE carc_shipped INCLUDING ALL);
COMMENT ON TABLE carc_local IS 'a practice''s own claim adjustment reason codes and changes to the shipped ones (kept by pg_dump)';
SELECT pg_catalog.pg_extension_config_dump('carc_local', '');
CREATE VIEW carc AS
SELECT * FROM carc_local
UNION ALL
SELECT * FROM carc_shipped s WHERE NOT EXISTS (SELECT 1 FROM carc_local l WHERE l.code = s.code);
COMMENT ON VIEW carc IS 'claim adjustment reason codes: code, description, category, is_denial, avoidable, appealable (carc_local over carc_shipped)';

CREATE TABLE carc_group (code text PRIMARY KEY, description text NOT NULL);
COMMENT ON TABLE carc_group IS 'claim adjustment group codes (CO, PR, OA, PI, and CR from 4010 files)';
CREATE TABLE rarc (code text PRIMARY KEY, description text NOT NULL);
COMMENT ON TABLE rarc IS 'common remittance advice remark codes';

INSERT INTO carc_shipped (code, description, category, is_denial, avoidable, appealable) VALUES
  ('1', 'Amount applied to the patient''s deductible', 'patient_responsibility', false, false, false),
  ('2', 'Patient''s coinsurance share of the allowed amount', 'patient_responsibility', false, false, false),
  ('3', 'Patient''s fixed copayment for the service', 'patient_responsibility', false, false, false),
  ('66', 'Deductible that applies to blood or blood products', 'patient_responsibility', false, false, false),
  ('85', 'Interest amount owed by the patient', 'patient_responsibility', false, false, false),
  ('122', 'Reduction applied to outpatient psychiatric/mental health services', 'patient_responsibility', false, false, false),
  ('142', 'Patient''s monthly Medicaid liability (share of cost)', 'patient_responsibility', false, false, false),
  ('187', 'Portion paid from the patient''s consumer spending account (HSA, FSA, HRA)', 'patient_responsibility', false, false, false),
  ('201', 'Patient owes this amount under a set-aside or similar agreement', 'patient_responsibility', false, false, false),
  ('238', 'Patient owes the part of a claim that falls in a period without coverage', 'patient_responsibility', false, false, false),
  ('241', 'Copayment under the Low Income Subsidy program', 'patient_responsibility', false, false, false),
  ('247', 'Deductible on a professional service billed on an institutional claim', 'patient_responsibility', false, false, false),
  ('248', 'Coinsurance on a professional service billed on an institutional claim', 'patient_responsibility', false, false, false),
  ('275', 'This payer does not pick up the prior payer''s deductible, coinsurance or copay', 'patient_responsibility', false, false, false),
  ('45', 'Charge exceeds the fee schedule or contracted amount', 'contractual', false, false, true),
  ('59', 'Reduced under multiple or concurrent procedure rules (surgery, imaging, anesthesia)', 'contractual', false, false, true),
  ('253', 'Sequestration: mandated cut to federal program payments', 'contractual', false, false, false),
  ('90', 'Drug ingredient cost adjusted to the pricing basis', 'contractual', false, false, false),
  ('91', 'Drug dispensing fee adjusted', 'contractual', false, false, false),
  ('103', 'Promotional discount offered by the provider (e.g. senior discount)', 'contractual', false, false, false),
  ('104', 'Amount withheld under a managed care arrangement', 'contractual', false, false, false),
  ('131', 'Discount negotiated for this specific claim', 'contractual', false, false, false),
  ('139', 'Contracted funding arrangement: subscriber is an employee of the provider', 'contractual', false, false, false),
  ('147', 'No contracted rate on file for the provider, or the rate has expired', 'contractual', true, false, true),
  ('172', 'Allowance adjusted for the specialty of the billing provider', 'contractual', false, false, false),
  ('222', 'Provider exceeded its contracted cap on hours, days or units for the period', 'contractual', true, false, false),
  ('232', 'DRG amount split because care was transferred between institutions', 'contractual', false, false, false),
  ('245', 'Amount withheld under a provider performance program', 'contractual', false, false, false),
  ('256', 'Service is not payable under the managed care contract', 'contractual', true, false, true),
  ('260', 'Priced under the Medicaid ACA enhanced fee schedule', 'contractual', false, false, false),
  ('271', 'Earlier contractual reductions tied to a periodic payment schedule', 'contractual', false, false, false),
  ('281', 'Deductible waived under the provider contract', 'contractual', false, false, false),
  ('303', 'Prior payer''s cost sharing not covered for a dual-eligible (QMB) patient; provider writes it off', 'contractual', false, false, false),
  ('308', 'Payment changed under a funding agreement between payer and provider', 'contractual', false, false, false),
  ('24', 'Covered by a capitation or managed care payment arrangement', 'capitation', false, false, false),
  ('274', 'Not paid separately under the patient''s care coordination arrangement', 'capitation', false, false, false),
  ('13', 'Recorded date of death is before the date of service', 'eligibility', true, true, false),
  ('26', 'Service date is before the patient''s coverage started', 'eligibility', true, true, false),
  ('27', 'Service date is after the patient''s coverage ended', 'eligibility', true, true, false),
  ('31', 'Payer cannot find the patient as a member', 'eligibility', true, true, false),
  ('32', 'Patient is not an eligible dependent on the policy', 'eligibility', true, true, false),
  ('33', 'Subscriber''s policy does not cover dependents', 'eligibility', true, true, false),
  ('34', 'Subscriber''s policy does not cover newborns', 'eligibility', true, true, false),
  ('140', 'Member ID and patient name do not match payer records', 'eligibility', true, true, false),
  ('166', 'Submitted after this payer stopped handling claims for the plan', 'eligibility', true, true, false),
  ('177', 'Patient did not meet the plan''s eligibility requirements', 'eligibility', true, true, false),
  ('178', 'Patient has not met the required spend-down', 'eligibility', true, true, false),
  ('179', 'Patient has not completed the required waiting period', 'eligibility', true, true, false),
  ('180', 'Patient does not meet residency requirements', 'eligibility', true, true, false),
  ('200', 'Service fell in a lapse of coverage', 'eligibility', true, true, false),
  ('224', 'Patient identity possibly stolen; identity must be verified before processing', 'eligibility', true, true, false),
  ('239', 'Claim covers both eligible and ineligible periods; bill them on separate claims', 'eligibility', true, true, false),
  ('257', 'Held during the exchange premium grace period; will be reversed and redone when it ends', 'eligibility', false, false, false),
  ('258', 'Not covered while the patient is in custody or incarcerated', 'eligibility', true, true, false),
  ('277', 'Held during the SHOP exchange premium grace period; will be reversed and redone when it ends', 'eligibility', false, false, false),
  ('B9', 'Patient is enrolled in hospice', 'eligibility', true, true, false),
  ('15', 'Authorization number missing, invalid or not matching the service or provider (retired code)', 'authorization', true, true, true),
  ('39', 'Authorization was requested and refused before the service', 'authorization', true, true, true),
  ('61', 'Reduced because a required second surgical opinion was not obtained', 'authorization', true, true, true),
  ('165', 'Referral missing or exceeded (retired code, see 287/288)', 'authorization', true, true, true),
  ('197', 'Required prior authorization, precertification or notification was not obtained', 'authorization', true, true, true),
  ('198', 'Services exceed what was authorized or precertified', 'authorization', true, true, true),
  ('210', 'Authorization or precertification was not obtained in time', 'authorization', true, true, true),
  ('284', 'Authorization number on file does not cover the services billed', 'authorization', true, true, true),
  ('287', 'Services exceed the referral', 'authorization', true, true, true),
  ('288', 'Required referral is missing', 'authorization', true, true, true),
  ('296', 'Authorization number on file was issued for a different provider', 'authorization', true, true, true),
  ('302', 'Authorization or precertification has expired', 'authorization', true, true, true),
  ('29', 'Claim filed after the payer''s filing deadline', 'timely_filing', true, true, true),
  ('286', 'Appeal filed after the appeal deadline', 'timely_filing', true, true, true),
  ('B4', 'Penalty for filing the claim late', 'timely_filing', true, true, true),
  ('18', 'Exact duplicate of a claim or service already submitted', 'duplicate', true, true, false),
  ('B13', 'Already paid; payment may have been in an earlier remittance', 'duplicate', true, true, false),
  ('4', 'Procedure code does not fit the modifier, or a required modifier is missing', 'coding', true, false, true),
  ('5', 'Procedure code or bill type does not fit the place of service', 'coding', true, false, true),
  ('6', 'Procedure or revenue code does not fit the patient''s age', 'coding', true, false, true),
  ('7', 'Procedure or revenue code does not fit the patient''s sex', 'coding', true, false, true),
  ('8', 'Procedure code does not fit the provider type or specialty (taxonomy)', 'coding', true, false, true),
  ('9', 'Diagnosis does not fit the patient''s age', 'coding', true, false, true),
  ('10', 'Diagnosis does not fit the patient''s sex', 'coding', true, false, true),
  ('11', 'Diagnosis does not support the procedure billed', 'coding', true, false, true),
  ('12', 'Diagnosis does not fit the provider type', 'coding', true, false, true),
  ('54', 'Assistant surgeon or multiple surgeons not covered for this procedure', 'coding', true, false, true),
  ('60', 'Outpatient service within the window before or after an inpatient stay is not paid separately', 'coding', true, false, true),
  ('97', 'Paid as part of another service already adjudicated (bundled)', 'coding', true, false, true),
  ('128', 'Newborn services are included in the mother''s allowance', 'coding', true, false, false),
  ('146', 'Diagnosis code was not valid on the date of service', 'coding', true, true, false),
  ('181', 'Procedure code was not valid on the date of service', 'coding', true, true, false),
  ('182', 'Modifier was not valid on the date of service', 'coding', true, true, false),
  ('189', 'Unlisted or not-otherwise-classified code used when a specific code exists', 'coding', true, false, false),
  ('190', 'Included in the payment for a qualifying skilled nursing facility stay', 'coding', true, false, false),
  ('194', 'Anesthesia given by the surgeon, assistant surgeon or attending is not paid separately', 'coding', true, false, true),
  ('199', 'Revenue code and procedure code do not match', 'coding', true, false, false),
  ('203', 'Service was discontinued or reduced', 'coding', true, false, true),
  ('231', 'Mutually exclusive procedures billed for the same day or session', 'coding', true, false, true),
  ('234', 'Procedure is not paid separately', 'coding', true, false, true),
  ('236', 'Procedure or modifier pair not allowed with another same-day procedure under NCCI or state rules', 'coding', true, false, true),
  ('240', 'Diagnosis does not fit the patient''s birth weight', 'coding', true, false, true),
  ('261', 'Procedure or service does not fit the patient''s history', 'coding', true, false, true),
  ('282', 'Procedure or revenue code does not fit the type of bill', 'coding', true, false, true),
  ('306', 'Type of bill does not fit the patient discharge status', 'coding', true, false, true),
  ('A8', 'Claim could not be grouped to a DRG', 'coding', true, false, true),
  ('B10', 'Allowance reduced because a component of the basic test or procedure was already paid', 'coding', true, false, true),
  ('B14', 'Only one visit or consultation per physician per day is covered', 'coding', true, false, true),
  ('B15', 'Requires a qualifying service that has not been received or paid', 'coding', true, false, true),
  ('B16', 'Does not meet the definition of a new patient', 'coding', true, false, true),
  ('B22', 'Payment adjusted because of the diagnosis', 'coding', true, false, true),
  ('40', 'Does not meet the criteria for emergency or urgent care', 'medical_necessity', true, false, true),
  ('50', 'Payer does not consider the service medically necessary', 'medical_necessity', true, false, true),
  ('55', 'Payer considers the treatment, procedure or drug experimental or investigational', 'medical_necessity', true, false, true),
  ('56', 'Payer does not consider the treatment proven effective', 'medical_necessity', true, false, true),
  ('58', 'Payer considers the place of service inappropriate or invalid for the treatment', 'medical_necessity', true, false, true),
  ('112', 'Service not furnished directly to the patient or not documented', 'medical_necessity', true, false, true),
  ('150', 'Documentation does not support the level of service billed', 'medical_necessity', true, false, true),
  ('151', 'Documentation does not support this number or frequency of services', 'medical_necessity', true, false, true),
  ('152', 'Documentation does not support the length of service or stay', 'medical_necessity', true, false, true),
  ('153', 'Documentation does not support the dosage', 'medical_necessity', true, false, true),
  ('154', 'Documentation does not support the days'' supply', 'medical_necessity', true, false, true),
  ('186', 'Adjusted for a change in level of care', 'medical_necessity', true, false, true),
  ('216', 'Adjusted on the findings of a review organization or payer review', 'medical_necessity', true, false, true),
  ('249', 'Claim flagged as a readmission', 'medical_necessity', true, false, true),
  ('B8', 'An alternative service was available and should have been used', 'medical_necessity', true, false, true),
  ('B12', 'Service is not documented in the patient''s medical record', 'medical_necessity', true, false, true),
  ('35', 'Patient''s lifetime benefit maximum reached', 'non_covered', true, false, false),
  ('49', 'Routine or preventive exam, or screening done with one, is not covered', 'non_covered', true, false, true),
  ('51', 'Not covered as a pre-existing condition', 'non_covered', true, false, true),
  ('53', 'Care by an immediate relative or household member is not covered', 'non_covered', true, false, false),
  ('78', 'Non-covered days or room charge adjusted', 'non_covered', true, false, true),
  ('96', 'Non-covered charge (remark code gives the reason)', 'non_covered', true, false, true),
  ('108', 'Equipment rental or purchase guidelines not met', 'non_covered', true, false, true),
  ('111', 'Covered only when the provider accepts assignment', 'non_covered', true, false, false),
  ('114', 'Procedure or product not approved by the FDA', 'non_covered', true, false, false),
  ('117', 'Transport covered only to the nearest facility able to provide the care', 'non_covered', true, false, true),
  ('119', 'Benefit maximum for the period or occurrence has been reached', 'non_covered', true, false, false),
  ('149', 'Lifetime maximum reached for this benefit category', 'non_covered', true, false, false),
  ('157', 'Service needed because of an act of war', 'non_covered', true, false, false),
  ('158', 'Service given outside the United States', 'non_covered', true, false, false),
  ('159', 'Service needed because of terrorism', 'non_covered', true, false, false),
  ('160', 'Injury or illness came from an activity the plan excludes', 'non_covered', true, false, true),
  ('167', 'Diagnosis is not covered', 'non_covered', true, false, true),
  ('169', 'An alternate benefit was paid instead', 'non_covered', true, false, true),
  ('170', 'Not payable when performed or billed by this type of provider', 'non_covered', true, false, true),
  ('171', 'Not payable for this type of provider in this type of facility', 'non_covered', true, false, true),
  ('173', 'Service or equipment was not prescribed by a physician', 'non_covered', true, false, true),
  ('174', 'Service was not prescribed before it was delivered', 'non_covered', true, false, false),
  ('188', 'Covered only when used as the FDA recommends', 'non_covered', true, false, true),
  ('202', 'Personal comfort or convenience items are not covered', 'non_covered', true, false, false),
  ('204', 'Service, equipment or drug not covered by the patient''s current benefit plan', 'non_covered', true, false, true),
  ('211', 'Drug''s NDC is not rebate-eligible and is not covered', 'non_covered', true, false, false),
  ('212', 'Administrative surcharges are not covered', 'non_covered', true, false, false),
  ('233', 'Charges tied to a hospital-acquired condition or preventable medical error', 'non_covered', true, false, true),
  ('269', 'Anesthesia is not covered for this procedure', 'non_covered', true, false, true),
  ('272', 'Coverage or program guidelines were not met', 'non_covered', true, false, true),
  ('273', 'Coverage or program guidelines were exceeded', 'non_covered', true, false, true),
  ('289', 'Considered under both dental and medical plans; neither provides benefits', 'non_covered', true, false, true),
  ('A6', 'Required prior hospital stay or 30-day transfer rule not met', 'non_covered', true, false, true),
  ('B1', 'Visits are not covered', 'non_covered', true, false, true),
  ('B5', 'Coverage or program guidelines not met or exceeded (retired code, see 272/273)', 'non_covered', true, false, true),
  ('19', 'Work-related injury or illness; bill the workers'' compensation carrier', 'coordination_of_benefits', true, false, false),
  ('20', 'Injury or illness is covered by a liability carrier', 'coordination_of_benefits', true, false, false),
  ('21', 'Injury or illness is the no-fault carrier''s responsibility', 'coordination_of_benefits', true, false, false),
  ('22', 'Another payer may be primary under coordination of benefits', 'coordination_of_benefits', true, false, false),
  ('23', 'Reflects what prior payers already paid or adjusted', 'coordination_of_benefits', false, false, false),
  ('109', 'Not covered by this payer; send the claim to the correct payer', 'coordination_of_benefits', true, false, false),
  ('136', 'Prior payer''s coverage rules were not followed', 'coordination_of_benefits', true, false, false),
  ('168', 'Considered under the medical plan; no benefits under this dental plan (retired code)', 'coordination_of_benefits', true, false, false),
  ('195', 'Refund issued to a payer that wrongly paid first', 'coordination_of_benefits', false, false, false),
  ('209', 'Provider may not collect this from the patient but may bill a later payer', 'coordination_of_benefits', false, false, false),
  ('215', 'Adjusted for subrogation of a third-party settlement', 'coordination_of_benefits', false, false, false),
  ('254', 'Dental plan has no benefit for this; submit to the patient''s medical plan', 'coordination_of_benefits', true, false, false),
  ('270', 'Medical plan has no benefit for this; submit to the patient''s dental plan', 'coordination_of_benefits', true, false, false),
  ('276', 'Services the prior payer denied are not covered by this payer', 'coordination_of_benefits', true, false, false),
  ('280', 'Medical plan has no benefit for this; submit to the patient''s pharmacy plan', 'coordination_of_benefits', true, false, false),
  ('290', 'Dental plan has no benefit for this and forwarded it to the medical plan', 'coordination_of_benefits', true, false, false),
  ('291', 'Medical plan has no benefit for this and forwarded it to the dental plan', 'coordination_of_benefits', true, false, false),
  ('292', 'Medical plan has no benefit for this and forwarded it to the pharmacy plan', 'coordination_of_benefits', true, false, false),
  ('297', 'Medical plan has no benefit for this; submit to the patient''s vision plan', 'coordination_of_benefits', true, false, false),
  ('298', 'Medical plan has no benefit for this and forwarded it to the vision plan', 'coordination_of_benefits', true, false, false),
  ('300', 'Medical plan has no benefit for this and forwarded it to the behavioral health plan', 'coordination_of_benefits', true, false, false),
  ('301', 'Medical plan has no benefit for this; submit to the patient''s behavioral health plan', 'coordination_of_benefits', true, false, false),
  ('304', 'Medical plan has no benefit for this; submit to the patient''s hearing plan', 'coordination_of_benefits', true, false, false),
  ('305', 'Medical plan has no benefit for this and forwarded it to the hearing plan', 'coordination_of_benefits', true, false, false),
  ('B11', 'Claim sent on to the proper payer; not covered by this one', 'coordination_of_benefits', true, false, false),
  ('14', 'Recorded date of birth is after the date of service', 'missing_information', true, true, false),
  ('16', 'Claim lacks information or has billing errors (remark code says what)', 'missing_information', true, true, false),
  ('17', 'Requested information not provided or incomplete (retired code)', 'missing_information', true, true, false),
  ('107', 'Related or qualifying claim or service not identified on this claim', 'missing_information', true, true, false),
  ('110', 'Billing date is earlier than the service date', 'missing_information', true, true, false),
  ('125', 'Submission or billing errors (retired code, see 16)', 'missing_information', true, true, false),
  ('129', 'Prior processing information on the claim appears wrong', 'missing_information', true, true, false),
  ('135', 'Interim bills cannot be processed', 'missing_information', true, true, false),
  ('148', 'Information from another provider missing or incomplete', 'missing_information', true, true, false),
  ('163', 'Attachment or documentation referenced on the claim was not received', 'missing_information', true, true, false),
  ('164', 'Attachment or documentation referenced on the claim arrived too late', 'missing_information', true, true, false),
  ('175', 'Prescription is incomplete', 'missing_information', true, true, false),
  ('176', 'Prescription is out of date', 'missing_information', true, true, false),
  ('206', 'National Provider Identifier is missing', 'missing_information', true, true, false),
  ('207', 'National Provider Identifier has an invalid format', 'missing_information', true, true, false),
  ('226', 'Information requested from the billing or rendering provider was not sent, late or incomplete', 'missing_information', true, true, false),
  ('227', 'Information requested from the patient or insured was not sent or incomplete', 'missing_information', true, true, false),
  ('228', 'Denied because requested information was not supplied to a previous payer', 'missing_information', true, true, false),
  ('250', 'Wrong attachment received; the expected document is still missing', 'missing_information', true, true, false),
  ('251', 'Attachment received but incomplete or deficient', 'missing_information', true, true, false),
  ('252', 'An attachment or other documentation is required to adjudicate', 'missing_information', true, true, false),
  ('267', 'Claim or service spans more than one month (remark code gives details)', 'missing_information', true, true, false),
  ('268', 'Claim spans two calendar years; resubmit one claim per year', 'missing_information', true, true, false),
  ('242', 'Services not provided by network or primary care providers', 'network', true, false, true),
  ('243', 'Services not authorized by network or primary care providers', 'network', true, false, true),
  ('279', 'Services not provided by the member''s preferred (narrow) network providers', 'network', true, false, true),
  ('B7', 'Provider was not certified or eligible to be paid for this service on this date', 'credentialing', true, false, true),
  ('B23', 'Lab''s CLIA certification does not cover the billed test', 'credentialing', true, false, false),
  ('183', 'Referring provider is not eligible to refer this service', 'credentialing', true, false, false),
  ('184', 'Prescribing or ordering provider is not eligible to order this service', 'credentialing', true, false, false),
  ('185', 'Rendering provider is not eligible to perform this service', 'credentialing', true, false, true),
  ('208', 'National Provider Identifier does not match the payer''s records', 'credentialing', true, false, false),
  ('278', 'Performance program proficiency requirements not met', 'credentialing', true, false, false),
  ('283', 'Attending provider is not eligible to direct care', 'credentialing', true, false, false),
  ('299', 'Billing provider is not eligible to be paid for this service', 'credentialing', true, false, true),
  ('44', 'Discount taken by the payer for prompt payment', 'other', false, false, false),
  ('69', 'Day outlier amount', 'other', false, false, false),
  ('70', 'Cost outlier adjustment for extra costs', 'other', false, false, false),
  ('74', 'Indirect medical education adjustment', 'other', false, false, false),
  ('75', 'Direct medical education adjustment', 'other', false, false, false),
  ('76', 'Disproportionate share adjustment', 'other', false, false, false),
  ('89', 'Professional fees taken out of the facility charges', 'other', false, false, false),
  ('94', 'Processed for more than the billed charges', 'other', false, false, false),
  ('95', 'Plan procedures were not followed', 'other', true, false, true),
  ('100', 'Payment went to the patient, insured or responsible party', 'other', false, false, false),
  ('101', 'Predetermination: expected payment once services are done or the claim is adjudicated', 'other', false, false, false),
  ('102', 'Major medical adjustment', 'other', false, false, false),
  ('105', 'Tax withholding', 'other', false, false, false),
  ('115', 'Procedure postponed, canceled or delayed', 'other', true, false, false),
  ('116', 'Advance notice signed by the patient did not meet requirements', 'other', true, false, false),
  ('118', 'ESRD network support adjustment', 'other', false, false, false),
  ('121', 'Indemnification adjustment offsetting outstanding member responsibility', 'other', false, false, false),
  ('130', 'Fee charged for submitting the claim', 'other', false, false, false),
  ('132', 'Adjustment under a prearranged demonstration project', 'other', false, false, false),
  ('133', 'Service line pending further review; will be reversed and corrected when final', 'other', false, false, false),
  ('134', 'Technical fees taken out of the charges', 'other', false, false, false),
  ('137', 'Regulatory surcharge, assessment, allowance or health-related tax', 'other', false, false, false),
  ('138', 'Appeal procedures or time limits not met (retired code, see 285/286)', 'other', true, false, false),
  ('143', 'Part of the payment has been deferred', 'other', false, false, false),
  ('144', 'Incentive adjustment, e.g. for a preferred product or service', 'other', false, false, false),
  ('161', 'Provider performance bonus', 'other', false, false, false),
  ('192', 'Non-standard adjustment code carried over from a paper remittance', 'other', false, false, false),
  ('193', 'Original payment decision upheld on review', 'other', false, false, false),
  ('205', 'Pharmacy discount card processing fee', 'other', false, false, false),
  ('213', 'Violates physician self-referral law or payer policy', 'other', true, false, true),
  ('219', 'Adjusted based on the extent of the injury', 'other', true, false, true),
  ('223', 'Adjustment mandated by law or regulation with no more specific code', 'other', false, false, false),
  ('225', 'Penalty or interest paid by the payer (plan-to-plan encounter reporting)', 'other', false, false, false),
  ('235', 'Sales tax', 'other', false, false, false),
  ('237', 'Penalty imposed by law or regulation (remark code gives the program)', 'other', false, false, false),
  ('244', 'Payment cut to zero pending litigation, property and casualty (retired code)', 'other', true, false, false),
  ('246', 'Reporting-only code with no payment', 'other', false, false, false),
  ('259', 'Additional payment for dental or vision service use', 'other', false, false, false),
  ('262', 'Pharmacy delivery cost adjustment', 'other', false, false, false),
  ('263', 'Pharmacy shipping cost adjustment', 'other', false, false, false),
  ('264', 'Pharmacy postage cost adjustment', 'other', false, false, false),
  ('265', 'Pharmacy administrative cost adjustment', 'other', false, false, false),
  ('266', 'Pharmacy compounding cost adjustment', 'other', false, false, false),
  ('285', 'Appeal procedures were not followed', 'other', true, false, false),
  ('293', 'Payment went to the employer', 'other', false, false, false),
  ('294', 'Payment went to an attorney', 'other', false, false, false),
  ('295', 'Pharmacy direct or indirect remuneration (DIR)', 'other', false, false, false),
  ('307', 'Medicare negotiated drug maximum fair price refund adjustment', 'other', false, false, false),
  ('A0', 'Amount refunded to the patient', 'other', false, false, false),
  ('A1', 'Claim or service denied (generic; remark code gives the reason)', 'other', true, false, true),
  ('A5', 'Medicare PPS capital cost outlier amount', 'other', false, false, false),
  ('B20', 'Service partly or fully furnished by another provider', 'other', true, false, true),
  ('P1', 'State-mandated property and casualty requirement (remark code explains)', 'other', true, false, false);

INSERT INTO carc_group (code, description) VALUES
  ('CO', 'Contractual obligation: provider must write the amount off and may not bill the patient'),
  ('PR', 'Patient responsibility: amount the patient (or their secondary coverage) may be billed for'),
  ('OA', 'Other adjustment: neither CO nor PR fits, e.g. prior payer impact or duplicate claims'),
  ('PI', 'Payer-initiated reduction: payer cut not required by the contract; patient is not liable'),
  ('CR', 'Correction or reversal of an earlier adjudication (4010 files only, dropped in 5010)');

INSERT INTO rarc (code, description) VALUES
  ('MA130', 'Claim is unprocessable because data is missing or invalid; no appeal rights, fix it and submit a new claim'),
  ('MA01', 'Alert: appeal rights notice, you may ask for a review within the stated time limit if you disagree'),
  ('N522', 'Duplicate of a claim already processed, or about to be processed, as a crossover claim'),
  ('M15', 'Separately billed services or tests were bundled as parts of one procedure; no separate payment'),
  ('M86', 'Denied because the same or a similar procedure was already paid within the allowed time frame'),
  ('N130', 'See the plan benefit documents or guidelines for limits on this service'),
  ('M20', 'HCPCS code missing, incomplete or invalid'),
  ('M51', 'Procedure code missing, incomplete or invalid'),
  ('M62', 'Treatment authorization code missing, incomplete or invalid'),
  ('M76', 'Diagnosis or condition code missing, incomplete or invalid'),
  ('M77', 'Place of service missing, incomplete, invalid or inappropriate'),
  ('M79', 'Charge amount missing, incomplete or invalid'),
  ('M80', 'Not covered when done in the same session or on the same date as a service already processed'),
  ('M119', 'National Drug Code missing, incomplete, invalid, deactivated or withdrawn'),
  ('M127', 'Patient medical record for this service is missing'),
  ('M144', 'Pre- and post-operative care is included in the payment for the surgery'),
  ('MA04', 'Secondary payment needs the primary payer''s identity or payment details, which were missing or unreadable'),
  ('MA18', 'Alert: claim data is also being forwarded to the patient''s supplemental insurer'),
  ('MA44', 'Alert: no appeal rights because the decision is set by law'),
  ('MA63', 'Principal diagnosis missing, incomplete or invalid'),
  ('MA66', 'Principal procedure code missing, incomplete or invalid'),
  ('MA67', 'Alert: this is a correction to an earlier claim'),
  ('MA120', 'CLIA certification number missing, incomplete or invalid'),
  ('N1', 'Alert: you may appeal in writing within the limits set by your contract, plan documents or statute'),
  ('N4', 'Prior insurer''s explanation of benefits missing, incomplete or invalid'),
  ('N10', 'Adjusted on the findings of a review organization, professional consultant, manual or peer review'),
  ('N19', 'Procedure is incidental to the primary procedure'),
  ('N20', 'Not payable together with another service given on the same date'),
  ('N30', 'Patient is not eligible for this service'),
  ('N54', 'Claim does not match the services that were precertified or authorized'),
  ('N56', 'Procedure code is not correct or valid for the services or date of service billed'),
  ('N95', 'This provider type or specialty may not bill this service'),
  ('N111', 'No appeal right except on the duplicate question; service was already billed and decided'),
  ('N115', 'Decision based on a Medicare Local Coverage Determination (LCD)'),
  ('N122', 'Add-on code cannot be billed without its primary code'),
  ('N179', 'Information has been requested from the member; charges will be reconsidered once received'),
  ('N180', 'Item or service does not meet the criteria for the category it was billed under'),
  ('N181', 'Information is needed from another provider involved in this service'),
  ('N210', 'Alert: this decision may be appealed'),
  ('N211', 'Alert: this decision cannot be appealed'),
  ('N216', 'Plan does not cover this type of service, or the patient is not enrolled in that part of the benefits'),
  ('N265', 'Ordering provider primary identifier missing, incomplete or invalid'),
  ('N286', 'Referring provider primary identifier missing, incomplete or invalid'),
  ('N290', 'Rendering provider primary identifier missing, incomplete or invalid'),
  ('N350', 'Description of service missing or invalid for an unlisted or not-otherwise-classified code'),
  ('N362', 'Days or units of service exceed the payer''s allowed maximum'),
  ('N381', 'Alert: see the contract for restrictions and billing or payment terms for these charges'),
  ('N382', 'Patient identifier missing, incomplete or invalid'),
  ('N386', 'Decision based on a Medicare National Coverage Determination (NCD)'),
  ('N390', 'This service or report cannot be billed separately'),
  ('N425', 'Service is excluded from coverage by statute'),
  ('N432', 'Alert: adjustment results from a Recovery Audit Contractor review'),
  ('N479', 'Other payer''s explanation of benefits (COB or Medicare secondary payer) is missing'),
  ('N517', 'Submit a new claim that includes the requested information'),
  ('N519', 'Combination of HCPCS modifiers is not valid'),
  ('N525', 'Not covered when done within the global period of another service'),
  ('N640', 'Exceeds the number or frequency approved or allowed for the time period'),
  ('N657', 'Bill this with the code that correctly describes the services'),
  ('N674', 'Not covered unless a prerequisite procedure or service was provided first'),
  ('N704', 'Alert: not appealable, but a corrected claim may be resubmitted if warranted'),
  ('N705', 'Documentation is incomplete or invalid'),
  ('N706', 'Documentation is missing');


CREATE FUNCTION carc_category(carc text) RETURNS text
    AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION carc_category(text) IS
    'the category of a claim adjustment reason code (accepts 29, CO-29, co29); ''other'' for unknown codes';
CREATE FUNCTION is_denial(group_code text, carc text) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION is_denial(text, text) IS
    'whether an adjustment is a denial: never for group PR (patient responsibility); else the code''s is_denial; NULL for unknown codes';

COMMENT ON FUNCTION contract_eq(contract, contract) IS 'equality of canonical contracts (the = operator)';
COMMENT ON FUNCTION contract_ne(contract, contract) IS 'inequality of canonical contracts (the <> operator)';
COMMENT ON FUNCTION rate_schedule_eq(rate_schedule, rate_schedule) IS 'equality of canonical rate schedules (the = operator)';
COMMENT ON FUNCTION rate_schedule_ne(rate_schedule, rate_schedule) IS 'inequality of canonical rate schedules (the <> operator)';
COMMENT ON FUNCTION capitation_eq(capitation, capitation) IS 'equality of canonical capitation terms (the = operator)';
COMMENT ON FUNCTION capitation_ne(capitation, capitation) IS 'inequality of canonical capitation terms (the <> operator)';

--------------------------------------------------------------------------
-- 1.1: Rate schedule cache, versions and renewals
--------------------------------------------------------------------------

-- (end of section)


--------------------------------------------------------------------------
-- 1.1: X12 835 remittance advice
--------------------------------------------------------------------------

-- (end of section)


--------------------------------------------------------------------------
-- 1.1: Medicare physician fee schedule
--------------------------------------------------------------------------

-- (end of section)


--------------------------------------------------------------------------
-- 1.1: Contract matrix terms
--------------------------------------------------------------------------

-- (end of section)


--------------------------------------------------------------------------
-- 1.1: Reliability: ordering, limits, security
--------------------------------------------------------------------------

-- A btree order on the canonical form of contract, rate_schedule and
-- capitation (bytes compared unsigned, a prefix first): a total order that
-- agrees with =, for DISTINCT, ORDER BY, UNIQUE indexes and merge joins.
-- It says nothing about the values' meaning.
CREATE FUNCTION contract_lt(contract, contract) RETURNS boolean
    AS 'MODULE_PATHNAME', 'canonical_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION contract_lt(contract, contract) IS 'less than in the canonical order of contracts (the < operator)';
CREATE FUNCTION contract_le(contract, contract) RETURNS boolean
    AS 'MODULE_PATHNAME', 'canonical_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION contract_le(contract, contract) IS 'less than or equal to in the canonical order of contracts (the <= operator)';
CREATE FUNCTION contract_gt(contract, contract) RETURNS boolean
    AS 'MODULE_PATHNAME', 'canonical_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION contract_gt(contract, contract) IS 'greater than in the canonical order of contracts (the > operator)';
CREATE FUNCTION contract_ge(contract, contract) RETURNS boolean
    AS 'MODULE_PATHNAME', 'canonical_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION contract_ge(contract, contract) IS 'greater than or equal to in the canonical order of contracts (the >= operator)';
CREATE FUNCTION contract_cmp(contract, contract) RETURNS integer
    AS 'MODULE_PATHNAME', 'canonical_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION contract_cmp(contract, contract) IS '-1, 0 or 1: the canonical order of contracts (btree support)';
CREATE OPERATOR < (
    LEFTARG = contract, RIGHTARG = contract, PROCEDURE = contract_lt,
    COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR <= (
    LEFTARG = contract, RIGHTARG = contract, PROCEDURE = contract_le,
    COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR > (
    LEFTARG = contract, RIGHTARG = contract, PROCEDURE = contract_gt,
    COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR >= (
    LEFTARG = contract, RIGHTARG = contract, PROCEDURE = contract_ge,
    COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel
);
CREATE OPERATOR CLASS contract_btree_ops DEFAULT FOR TYPE contract USING btree AS
    OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
    FUNCTION 1 contract_cmp(contract, contract);
CREATE FUNCTION rate_schedule_lt(rate_schedule, rate_schedule) RETURNS boolean
    AS 'MODULE_PATHNAME', 'canonical_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION rate_schedule_lt(rate_schedule, rate_schedule) IS 'less than in the canonical order of rate schedules (the < operator)';
CREATE FUNCTION rate_schedule_le(rate_schedule, rate_schedule) RETURNS boolean
    AS 'MODULE_PATHNAME', 'canonical_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION rate_schedule_le(rate_schedule, rate_schedule) IS 'less than or equal to in the canonical order of rate schedules (the <= operator)';
CREATE FUNCTION rate_schedule_gt(rate_schedule, rate_schedule) RETURNS boolean
    AS 'MODULE_PATHNAME', 'canonical_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION rate_schedule_gt(rate_schedule, rate_schedule) IS 'greater than in the canonical order of rate schedules (the > operator)';
CREATE FUNCTION rate_schedule_ge(rate_schedule, rate_schedule) RETURNS boolean
    AS 'MODULE_PATHNAME', 'canonical_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION rate_schedule_ge(rate_schedule, rate_schedule) IS 'greater than or equal to in the canonical order of rate schedules (the >= operator)';
CREATE FUNCTION rate_schedule_cmp(rate_schedule, rate_schedule) RETURNS integer
    AS 'MODULE_PATHNAME', 'canonical_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION rate_schedule_cmp(rate_schedule, rate_schedule) IS '-1, 0 or 1: the canonical order of rate schedules (btree support)';
CREATE OPERATOR < (
    LEFTARG = rate_schedule, RIGHTARG = rate_schedule, PROCEDURE = rate_schedule_lt,
    COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR <= (
    LEFTARG = rate_schedule, RIGHTARG = rate_schedule, PROCEDURE = rate_schedule_le,
    COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR > (
    LEFTARG = rate_schedule, RIGHTARG = rate_schedule, PROCEDURE = rate_schedule_gt,
    COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR >= (
    LEFTARG = rate_schedule, RIGHTARG = rate_schedule, PROCEDURE = rate_schedule_ge,
    COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel
);
CREATE OPERATOR CLASS rate_schedule_btree_ops DEFAULT FOR TYPE rate_schedule USING btree AS
    OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
    FUNCTION 1 rate_schedule_cmp(rate_schedule, rate_schedule);
CREATE FUNCTION capitation_lt(capitation, capitation) RETURNS boolean
    AS 'MODULE_PATHNAME', 'canonical_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION capitation_lt(capitation, capitation) IS 'less than in the canonical order of capitation terms (the < operator)';
CREATE FUNCTION capitation_le(capitation, capitation) RETURNS boolean
    AS 'MODULE_PATHNAME', 'canonical_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION capitation_le(capitation, capitation) IS 'less than or equal to in the canonical order of capitation terms (the <= operator)';
CREATE FUNCTION capitation_gt(capitation, capitation) RETURNS boolean
    AS 'MODULE_PATHNAME', 'canonical_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION capitation_gt(capitation, capitation) IS 'greater than in the canonical order of capitation terms (the > operator)';
CREATE FUNCTION capitation_ge(capitation, capitation) RETURNS boolean
    AS 'MODULE_PATHNAME', 'canonical_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION capitation_ge(capitation, capitation) IS 'greater than or equal to in the canonical order of capitation terms (the >= operator)';
CREATE FUNCTION capitation_cmp(capitation, capitation) RETURNS integer
    AS 'MODULE_PATHNAME', 'canonical_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION capitation_cmp(capitation, capitation) IS '-1, 0 or 1: the canonical order of capitation terms (btree support)';
CREATE OPERATOR < (
    LEFTARG = capitation, RIGHTARG = capitation, PROCEDURE = capitation_lt,
    COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR <= (
    LEFTARG = capitation, RIGHTARG = capitation, PROCEDURE = capitation_le,
    COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR > (
    LEFTARG = capitation, RIGHTARG = capitation, PROCEDURE = capitation_gt,
    COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR >= (
    LEFTARG = capitation, RIGHTARG = capitation, PROCEDURE = capitation_ge,
    COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel
);
CREATE OPERATOR CLASS capitation_btree_ops DEFAULT FOR TYPE capitation USING btree AS
    OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
    FUNCTION 1 capitation_cmp(capitation, capitation);

-- (end of section)


--------------------------------------------------------------------------
-- 1.1: Domain corrections: deadlines, pricing rules, denials, CARC list
--------------------------------------------------------------------------

-- (end of section)

