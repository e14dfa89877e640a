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

-- (end of section)


--------------------------------------------------------------------------
-- 1.1: Medicare physician fee schedule
--------------------------------------------------------------------------

-- (end of section)


--------------------------------------------------------------------------
-- 1.1: Contract matrix terms
--------------------------------------------------------------------------

-- Changed 1.0 comments: the holiday history, the new keys.
COMMENT ON FUNCTION is_business_day(date) IS
    'true for a weekday that is not a US federal holiday as observed by federal offices, following the law''s history (Monday holidays from 1971, Veterans Day in October 1971-1977, Saturday holidays on the Friday before from 1960, Sunday ones on the Monday after); an error outside 1900-2199';
COMMENT ON FUNCTION add_business_days(date, integer) IS
    'the n-th business day after d (n > 0), before d (n < 0), or d itself (n = 0, for any date); an error when the calendar (1900-2199) is left';
COMMENT ON TYPE contract IS
    'a payer contract''s administrative terms: "key: value" items (payer, effective, term, renewal, notice, notice_from, termination, continuity_of_care, filing, appeal, notice_receipt, deadline_roll, prompt_pay, prompt_pay_paper, interest, interest_basis, interest_min, lookback, offset, policy_notice, credentialing, auth_required, auth_decision, auth_decision_urgent, escalation)';

-- Issue 16: deadline_roll, notice_from, early holidays; next_renewal pairs a
-- renewal with its own notice deadline.
CREATE FUNCTION next_renewal(c contract, as_of date,
                             OUT renewal date, OUT notice_deadline date, OUT notice_passed boolean)
    RETURNS record
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION next_renewal(contract, date) IS
    'the next renewal (or expiry) on or after as_of, that renewal''s own notice deadline, and whether the deadline has passed (then the contract renews regardless); NULL without effective and term';

-- (end of section)


--------------------------------------------------------------------------
-- 1.1: Reliability: ordering, limits, security
--------------------------------------------------------------------------

-- (end of section)


--------------------------------------------------------------------------
-- 1.1: Domain corrections: deadlines, pricing rules, denials, CARC list
--------------------------------------------------------------------------

-- (end of section)

