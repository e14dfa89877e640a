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

-- Issue 14: the contract matrix's terms.
CREATE FUNCTION termination_date(c contract, notice_date date) RETURNS date
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION termination_date(contract, date) IS
    'the day a termination without cause noticed on notice_date takes effect: notice_date + termination (NULL without termination)';
CREATE FUNCTION continuity_end(c contract, termination_date date) RETURNS date
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION continuity_end(contract, date) IS
    'how long after termination the payer keeps paying in-course treatment: termination_date + continuity_of_care (NULL without continuity_of_care)';
CREATE FUNCTION policy_effective_earliest(c contract, notice_date date) RETURNS date
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION policy_effective_earliest(contract, date) IS
    'the first day a payer policy, edit or fee change announced on notice_date may take effect: notice_date + policy_notice (NULL without policy_notice)';
CREATE FUNCTION policy_change_valid(c contract, notice_date date, effective_date date) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION policy_change_valid(contract, date, date) IS
    'whether a payer change announced on notice_date gave the contract''s notice: effective_date >= policy_effective_earliest (NULL without policy_notice)';
CREATE FUNCTION credentialing_deadline(c contract, application_date date) RETURNS date
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credentialing_deadline(contract, date) IS
    'the payer''s deadline to decide a complete credentialing application: application_date + credentialing (NULL without credentialing)';
CREATE FUNCTION auth_decision_due(c contract, requested timestamptz, urgent boolean DEFAULT false)
    RETURNS timestamptz
    AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION auth_decision_due(contract, timestamptz, boolean) IS
    'when a prior-authorization decision is due: requested + auth_decision (auth_decision_urgent when urgent); hours are elapsed hours, business days skip weekends and holidays at the same local time; NULL without the clock';
CREATE FUNCTION requires_auth(c contract, code text) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION requires_auth(contract, text) IS
    'whether the code is in auth_required (codes and same-length ranges); NULL when the contract has no auth_required';
CREATE FUNCTION offset_allowed(c contract, in_dispute boolean) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION offset_allowed(contract, boolean) IS
    'whether the payer may recoup by offsetting other payments: offset allowed, not_in_dispute (only when not in dispute) or prohibited; NULL without offset';

-- (end of section)


--------------------------------------------------------------------------
-- 1.1: Reliability: ordering, limits, security
--------------------------------------------------------------------------

-- (end of section)


--------------------------------------------------------------------------
-- 1.1: Domain corrections: deadlines, pricing rules, denials, CARC list
--------------------------------------------------------------------------

-- (end of section)

