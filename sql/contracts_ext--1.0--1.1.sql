-- contracts_ext 1.0 -> 1.1: everything added or changed since 1.0.
-- Each section here has its twin in contracts_ext--1.1.sql; a test checks
-- that an updated 1.0 install and a fresh 1.1 install have the same objects.
\echo Use "ALTER EXTENSION contracts_ext UPDATE TO '1.1'" to load this file. \quit

--------------------------------------------------------------------------
-- 1.1: Rate schedule cache, versions and renewals
--------------------------------------------------------------------------

-- (end of section)


--------------------------------------------------------------------------
-- 1.1: X12 835 remittance advice
--------------------------------------------------------------------------

-- Set-returning functions over the text of an X12 835 remittance advice
-- (005010X221A1): one or more ISA interchanges, each with GS groups and
-- ST/SE transaction sets.  The whole text is parsed before any row is
-- returned; bad input raises an error naming the segment and element.

CREATE FUNCTION x12_835_claims(remit text)
RETURNS TABLE (transaction_no int, payer_name text, payer_id text, payee_name text,
               payee_npi text, check_number text, payment_date date, payment_method text,
               payment_amount numeric, claim_no int, patient_control_number text,
               claim_status text, charge numeric, paid numeric,
               patient_responsibility numeric, filing_indicator text,
               payer_claim_number text, received_date date, service_from date,
               service_to date, interest numeric, patient_name text)
AS 'MODULE_PATHNAME', 'x12_835_claims'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION x12_835_claims(text) IS
    'one row per claim (CLP) of an X12 835 remittance text, with its transaction''s payer, payee and payment';

CREATE FUNCTION x12_835_lines(remit text)
RETURNS TABLE (transaction_no int, claim_no int, line_no int, patient_control_number text,
               payer_claim_number text, code_qualifier text, code text, modifiers text[],
               charge numeric, paid numeric, revenue_code text, units numeric,
               submitted_code text, service_date date, allowed numeric,
               line_control_number text, remark_codes text[], claim_status text,
               payer_id text, payment_date date)
AS 'MODULE_PATHNAME', 'x12_835_lines'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION x12_835_lines(text) IS
    'one row per service line (SVC) of an X12 835 remittance text';

CREATE FUNCTION x12_835_adjustments(remit text)
RETURNS TABLE (transaction_no int, claim_no int, line_no int, group_code text,
               reason_code text, amount numeric, quantity numeric)
AS 'MODULE_PATHNAME', 'x12_835_adjustments'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION x12_835_adjustments(text) IS
    'one row per adjustment (CAS reason, amount, quantity) of an X12 835 remittance text; line_no is NULL at claim level';

CREATE FUNCTION x12_835_provider_adjustments(remit text)
RETURNS TABLE (transaction_no int, provider_id text, fiscal_period_date date,
               reason_code text, reference text, amount numeric)
AS 'MODULE_PATHNAME', 'x12_835_provider_adjustments'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION x12_835_provider_adjustments(text) IS
    'one row per provider-level adjustment (PLB reason and amount; positive reduces the payment) of an X12 835 remittance text';

CREATE FUNCTION x12_835_balance(remit text)
RETURNS TABLE (transaction_no int, claim_no int, line_no int, rule text,
               expected numeric, actual numeric)
AS 'MODULE_PATHNAME', 'x12_835_balance'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION x12_835_balance(text) IS
    'the balancing rules an X12 835 remittance text breaks (line, claim, transaction); no rows when it balances';

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

-- (end of section)


--------------------------------------------------------------------------
-- 1.1: Domain corrections: deadlines, pricing rules, denials, CARC list
--------------------------------------------------------------------------

-- (end of section)

