-- contracts_ext 1.0 -> 1.1: everything added or changed since 1.0.
-- Each section here has its twin in contracts_ext--1.1.sql; a test checks
-- that an updated 1.0 install and a fresh 1.1 install have the same objects.
\echo Use "ALTER EXTENSION contracts_ext UPDATE TO '1.1'" to load this file. \quit

--------------------------------------------------------------------------
-- 1.1: Rate schedule cache, versions and renewals
--------------------------------------------------------------------------

CREATE FUNCTION rate_schedule_diff(old rate_schedule, new rate_schedule,
                                   OUT code text, OUT modifier text, OUT setting text,
                                   OUT old_rule text, OUT new_rule text, OUT change text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION rate_schedule_diff(rate_schedule, rate_schedule) IS
    'what changed from old to new: one row per entry or policy that differs (policies with code NULL and their key in setting), change added, removed or changed';

-- Renewal proposals quote amounts in cents: scale and round the scaled
-- amounts to `decimals` places (the 1.0 form keeps 6).  Its 1.0 comment
-- said cents; the function has always kept 6 decimals.
COMMENT ON FUNCTION rate_schedule_scale(rate_schedule, numeric, text[]) IS
    'the schedule with the listed codes'' rates (all rates and the default when codes is NULL) raised by percent; scaled rates rounded half up to the type''s 6 decimals';
CREATE FUNCTION rate_schedule_scale(s rate_schedule, percent numeric, codes text[], decimals int)
    RETURNS rate_schedule
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION rate_schedule_scale(rate_schedule, numeric, text[], int) IS
    'rate_schedule_scale with the scaled amounts rounded half up to decimals places (0 to 6; 2 for cents; percentages keep 6); codes NULL scales every rate';
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

-- CMS's physician fee schedule files, loaded by the user (extension
-- configuration, so pg_dump keeps their rows).  The tables belong to the
-- extension; in a trusted install a non-superuser database owner may load
-- and change them (the grant to @extowner@), and everyone may read them.
CREATE TABLE pfs_rvu (
    year integer NOT NULL,
    hcpcs text NOT NULL CHECK (hcpcs ~ '^[A-Z0-9]{3,7}$' AND hcpcs ~ '[0-9]'),
    modifier text NOT NULL DEFAULT '' CHECK (modifier ~ '^([A-Z0-9]{2})?$'),
    status text NOT NULL,
    work_rvu numeric CHECK (work_rvu >= 0),
    pe_nonfacility numeric CHECK (pe_nonfacility >= 0),
    pe_facility numeric CHECK (pe_facility >= 0),
    mp_rvu numeric CHECK (mp_rvu >= 0),
    pctc text,
    global_days text,
    mult_proc text,
    bilateral text,
    assistant text,
    co_surgeon text,
    team text,
    conversion_factor numeric CHECK (conversion_factor >= 0),
    PRIMARY KEY (year, hcpcs, modifier)
);
COMMENT ON TABLE pfs_rvu IS
    'CMS physician fee schedule relative value file (PPRRVU): per year, HCPCS code and modifier ('''' for the global row, 26, TC, 53), status, RVUs (pe_nonfacility NULL where CMS prints NA) and payment indicators';
CREATE TABLE pfs_gpci (
    year integer NOT NULL,
    locality text NOT NULL,
    mac text NOT NULL,
    name text,
    work numeric NOT NULL CHECK (work >= 0),
    pe numeric NOT NULL CHECK (pe >= 0),
    mp numeric NOT NULL CHECK (mp >= 0),
    PRIMARY KEY (year, locality)
);
COMMENT ON TABLE pfs_gpci IS
    'CMS geographic practice cost indices per year and Medicare locality (locality: MAC number and 2-digit locality number, as 0111254); work GPCI with the floor applied';
SELECT pg_catalog.pg_extension_config_dump('pfs_rvu', '');
SELECT pg_catalog.pg_extension_config_dump('pfs_gpci', '');
GRANT SELECT ON pfs_rvu, pfs_gpci TO PUBLIC;
GRANT INSERT, UPDATE, DELETE, TRUNCATE ON pfs_rvu, pfs_gpci TO @extowner@;

CREATE FUNCTION medicare_fee(work_rvu numeric, pe_rvu numeric, mp_rvu numeric,
                             gpci_work numeric, gpci_pe numeric, gpci_mp numeric,
                             conversion_factor numeric) RETURNS numeric
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION medicare_fee(numeric, numeric, numeric, numeric, numeric, numeric, numeric) IS
    'Medicare fee schedule amount: (work RVU x work GPCI + PE RVU x PE GPCI + MP RVU x MP GPCI) x conversion factor, rounded half up to cents';

CREATE FUNCTION medicare_schedule(year integer, locality text) RETURNS rate_schedule
    AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION medicare_schedule(integer, text) IS
    'a locality''s Medicare fee schedule for a year as a rate_schedule, from pfs_rvu and pfs_gpci: facility and non-facility amounts and CMS''s payment indicators; NULL without rows';

CREATE FUNCTION medicare_allowed(code text, modifiers text[], year integer, locality text,
                                 facility boolean DEFAULT false,
                                 units numeric DEFAULT 1, procedure_rank integer DEFAULT 1) RETURNS numeric
    AS 'MODULE_PATHNAME' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION medicare_allowed(text, text[], integer, text, boolean, numeric, integer) IS
    'the Medicare allowed amount of a claim line from pfs_rvu and pfs_gpci (CMS Claims Processing Manual ch. 12): component rows, facility PE, status, MPPR, bilateral, assistant and co-surgeon indicators, units; equals expected_allowed(medicare_schedule(year, locality), ...)';

-- Loading CMS's CSV files: each line read whole by \copy (see the README),
-- split here, columns found by their header names (the layout changes
-- between years), descriptions dropped.  SQL-standard bodies are bound at
-- creation, so they keep working when the extension is relocated.
CREATE FUNCTION pfs_csv_fields(line text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT pg_catalog.array_agg(CASE WHEN m[1] LIKE '"%' THEN pg_catalog.replace(pg_catalog.substr(m[1], 2, pg_catalog.length(m[1]) - 2), '""', '"')
                                     ELSE m[1] END ORDER BY n)
    FROM pg_catalog.regexp_matches(line || ',', '("(?:[^"]|"")*"|[^,"]*),', 'g') WITH ORDINALITY AS f(m, n);
END;
COMMENT ON FUNCTION pfs_csv_fields(text) IS 'the fields of one CSV line (quoted fields unquoted), for loading CMS files';

CREATE FUNCTION pfs_csv_columns(lines text[], header_field text) RETURNS TABLE (header integer, names text[])
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    -- the header row is the first whose fields include header_field; a column's
    -- name joins its cells in that row and the three above, letters and digits only
    WITH rows AS (SELECT n::integer AS n, pfs_csv_fields(l) AS f
                  FROM pg_catalog.unnest(lines) WITH ORDINALITY AS u(l, n)),
         h AS (SELECT pg_catalog.min(n) AS n FROM rows
               WHERE pg_catalog.upper(header_field) = ANY (SELECT pg_catalog.upper(pg_catalog.btrim(x)) FROM pg_catalog.unnest(f) AS x))
    SELECT h.n, ARRAY(SELECT pg_catalog.regexp_replace(pg_catalog.upper(pg_catalog.string_agg(coalesce(r.f[j], ''), ' ' ORDER BY r.n)), '[^A-Z0-9]', '', 'g')
                      FROM pg_catalog.generate_series(1, pg_catalog.cardinality(hr.f)) AS j, rows r
                      WHERE r.n BETWEEN h.n - 3 AND h.n GROUP BY j ORDER BY j)
    FROM h JOIN rows hr ON hr.n = h.n;
END;
COMMENT ON FUNCTION pfs_csv_columns(text[], text) IS 'where a CMS CSV file''s header row is and its column names (header cells joined, letters and digits only)';

CREATE FUNCTION pfs_rvu_csv(year integer, lines text[]) RETURNS SETOF pfs_rvu
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    WITH hdr AS (SELECT * FROM pfs_csv_columns(lines, 'HCPCS')),
         col AS (SELECT (SELECT pg_catalog.min(j) FROM pg_catalog.generate_subscripts(hdr.names, 1) AS j
                         WHERE hdr.names[j] LIKE '%' || want
                           AND NOT (want LIKE 'FACILITY%' AND hdr.names[j] LIKE '%NON%')) AS j, want
                 FROM hdr, pg_catalog.unnest(ARRAY['HCPCS', 'MOD', 'STATUSCODE', 'WORKRVU', 'NONFACPERVU',
                                                   'FACILITYPERVU', 'MPRVU', 'PCTCIND', 'GLOBDAYS', 'MULTPROC', 'BILATSURG',
                                                   'ASSTSURG', 'COSURG', 'TEAMSURG', 'CONVFACTOR']) AS want),
         c AS (SELECT pg_catalog.array_agg(j ORDER BY want) AS j, pg_catalog.array_agg(want ORDER BY want) AS w FROM col),
         pos AS (SELECT j[pg_catalog.array_position(w, 'HCPCS')] AS hcpcs, j[pg_catalog.array_position(w, 'MOD')] AS modifier,
                        j[pg_catalog.array_position(w, 'STATUSCODE')] AS status, j[pg_catalog.array_position(w, 'WORKRVU')] AS work,
                        j[pg_catalog.array_position(w, 'NONFACPERVU')] AS pe_nf, -- the non-facility NA indicator: the first NA INDICATOR after it
                        (SELECT pg_catalog.min(k) FROM hdr, pg_catalog.generate_subscripts(hdr.names, 1) AS k
                         WHERE hdr.names[k] LIKE '%NAINDICATOR' AND k > j[pg_catalog.array_position(w, 'NONFACPERVU')]) AS pe_nf_na,
                        j[pg_catalog.array_position(w, 'FACILITYPERVU')] AS pe_f, j[pg_catalog.array_position(w, 'MPRVU')] AS mp,
                        j[pg_catalog.array_position(w, 'PCTCIND')] AS pctc, j[pg_catalog.array_position(w, 'GLOBDAYS')] AS glob,
                        j[pg_catalog.array_position(w, 'MULTPROC')] AS mult, j[pg_catalog.array_position(w, 'BILATSURG')] AS bilat,
                        j[pg_catalog.array_position(w, 'ASSTSURG')] AS asst, j[pg_catalog.array_position(w, 'COSURG')] AS cosurg,
                        j[pg_catalog.array_position(w, 'TEAMSURG')] AS team, j[pg_catalog.array_position(w, 'CONVFACTOR')] AS cf
                 FROM c),
         data AS (SELECT pfs_csv_fields(l) AS f
                  FROM pg_catalog.unnest(lines) WITH ORDINALITY AS u(l, n), hdr
                  WHERE u.n > hdr.header)
    SELECT year, pg_catalog.upper(pg_catalog.btrim(f[p.hcpcs])), pg_catalog.upper(pg_catalog.btrim(coalesce(f[p.modifier], ''))),
           pg_catalog.btrim(f[p.status]),
           nullif(pg_catalog.btrim(f[p.work]), '')::numeric,
           CASE WHEN pg_catalog.upper(pg_catalog.btrim(f[p.pe_nf_na])) = 'NA' THEN NULL
                ELSE nullif(pg_catalog.btrim(f[p.pe_nf]), '')::numeric END,
           nullif(pg_catalog.btrim(f[p.pe_f]), '')::numeric,
           nullif(pg_catalog.btrim(f[p.mp]), '')::numeric,
           pg_catalog.btrim(f[p.pctc]), pg_catalog.btrim(f[p.glob]), pg_catalog.btrim(f[p.mult]), pg_catalog.btrim(f[p.bilat]),
           pg_catalog.btrim(f[p.asst]), pg_catalog.btrim(f[p.cosurg]), pg_catalog.btrim(f[p.team]),
           nullif(pg_catalog.btrim(f[p.cf]), '')::numeric
    FROM data, pos p
    WHERE pg_catalog.upper(pg_catalog.btrim(f[p.hcpcs])) ~ '^[A-Z0-9]{5}$';
END;
COMMENT ON FUNCTION pfs_rvu_csv(integer, text[]) IS
    'the rows of a CMS PPRRVU CSV file (its lines, in order) as pfs_rvu rows, columns found by their header names, descriptions dropped, NA non-facility PE as NULL';

CREATE FUNCTION pfs_gpci_csv(year integer, lines text[]) RETURNS SETOF pfs_gpci
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    WITH hdr AS (SELECT * FROM pfs_csv_columns(lines, 'Locality Number')),
         pos AS (SELECT (SELECT pg_catalog.min(j) FROM pg_catalog.generate_subscripts(names, 1) AS j
                         WHERE names[j] ~ '(MAC|CONTRACTOR)$') AS mac,
                        (SELECT pg_catalog.min(j) FROM pg_catalog.generate_subscripts(names, 1) AS j
                         WHERE names[j] ~ 'LOCALITYNUMBER$') AS loc,
                        (SELECT pg_catalog.min(j) FROM pg_catalog.generate_subscripts(names, 1) AS j
                         WHERE names[j] ~ 'LOCALITYNAME$') AS name,
                        -- the work GPCI with the 1.0 floor when the file has both
                        (SELECT j FROM pg_catalog.generate_subscripts(names, 1) AS j
                         WHERE names[j] ~ 'PWGPCI' AND names[j] !~ 'WITHOUT'
                         ORDER BY names[j] ~ 'WITH10FLOOR' DESC, j LIMIT 1) AS work,
                        (SELECT pg_catalog.min(j) FROM pg_catalog.generate_subscripts(names, 1) AS j
                         WHERE names[j] ~ 'PEGPCI') AS pe,
                        (SELECT pg_catalog.min(j) FROM pg_catalog.generate_subscripts(names, 1) AS j
                         WHERE names[j] ~ 'MPGPCI') AS mp
                 FROM hdr),
         data AS (SELECT pfs_csv_fields(l) AS f
                  FROM pg_catalog.unnest(lines) WITH ORDINALITY AS u(l, n), hdr
                  WHERE u.n > hdr.header)
    SELECT year, pg_catalog.btrim(f[p.mac]) || pg_catalog.lpad(pg_catalog.btrim(f[p.loc]), 2, '0'), pg_catalog.btrim(f[p.mac]),
           pg_catalog.btrim(f[p.name]), pg_catalog.btrim(f[p.work])::numeric, pg_catalog.btrim(f[p.pe])::numeric,
           pg_catalog.btrim(f[p.mp])::numeric
    FROM data, pos p
    WHERE pg_catalog.btrim(f[p.mac]) ~ '^[0-9]{5}$' AND pg_catalog.btrim(f[p.loc]) ~ '^[0-9]{1,2}$';
END;
COMMENT ON FUNCTION pfs_gpci_csv(integer, text[]) IS
    'the rows of a CMS GPCI CSV file (its lines, in order) as pfs_gpci rows: locality = MAC number || 2-digit locality number, the work GPCI with the floor';

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
-- = becomes merge-joinable (CREATE OPERATOR ... MERGES in a fresh install).
-- ALTER OPERATOR can say so from PostgreSQL 17 on; before, only the catalog.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['contract', 'rate_schedule', 'capitation'] LOOP
        IF current_setting('server_version_num')::int >= 170000 THEN
            EXECUTE format('ALTER OPERATOR = (%1$s, %1$s) SET (MERGES)', quote_ident(t));
        ELSE
            UPDATE pg_catalog.pg_operator SET oprcanmerge = true
             WHERE oid = format('=(%1$s, %1$s)', quote_ident(t))::pg_catalog.regoperator;
        END IF;
    END LOOP;
END
$$;

-- (end of section)


--------------------------------------------------------------------------
-- 1.1: Domain corrections: deadlines, pricing rules, denials, CARC list
--------------------------------------------------------------------------

-- (end of section)



--------------------------------------------------------------------------
-- 1.1: Denials: PR adjustments, the dated CARC list, reference privileges
--------------------------------------------------------------------------

-- The reason code list gains each code's start and stop dates.  carc_local
-- is extension configuration: its users' rows stay, with no dates.
ALTER TABLE carc_shipped ADD COLUMN start_date date, ADD COLUMN stop_date date,
    ADD CONSTRAINT carc_shipped_dates_check CHECK (stop_date > start_date);
ALTER TABLE carc_local ADD COLUMN start_date date, ADD COLUMN stop_date date,
    ADD CONSTRAINT carc_shipped_dates_check CHECK (stop_date > start_date);
CREATE OR REPLACE VIEW carc AS
SELECT * FROM carc_local
UNION ALL
SELECT * FROM carc_shipped s WHERE NOT EXISTS (SELECT 1 FROM carc_local l WHERE l.code = s.code);
COMMENT ON TABLE carc_shipped IS 'the X12 claim adjustment reason code list as shipped with contracts_ext, retired codes with their stop dates (edit carc_local instead)';
COMMENT ON VIEW carc IS 'claim adjustment reason codes: code, description, category, is_denial, avoidable, appealable, start_date, stop_date (carc_local over carc_shipped)';
COMMENT ON FUNCTION is_denial(text, text) IS
    'whether an adjustment is a denial: the code''s is_denial, except that patient cost sharing (category patient_responsibility) under group PR never is; NULL for unknown codes';

-- carc_shipped is not configuration (pg_dump leaves its rows to CREATE
-- EXTENSION), so the shipped rows are simply replaced.
DELETE FROM carc_shipped;
-- The X12 claim adjustment reason code list: every code, active or retired,
-- described in our own words.  Start and stop dates are the list's; those of
-- changes since 2016 (codes 278-308 and P24-P32, the stops of 15, 138, 165
-- and 168) follow the committee's release cycle: check them against
-- x12.org when the list is next updated.
INSERT INTO carc_shipped (code, description, category, is_denial, avoidable, appealable, start_date, stop_date) VALUES
  ('1', 'Amount applied to the patient''s deductible', 'patient_responsibility', false, false, false, '1995-01-01', NULL),
  ('2', 'Patient''s coinsurance share of the allowed amount', 'patient_responsibility', false, false, false, '1995-01-01', NULL),
  ('3', 'Patient''s fixed copayment for the service', 'patient_responsibility', false, false, false, '1995-01-01', NULL),
  ('36', 'Balance does not exceed the copayment', 'patient_responsibility', false, false, false, '1995-01-01', '2003-10-16'),
  ('37', 'Balance does not exceed the deductible', 'patient_responsibility', false, false, false, '1995-01-01', '2003-10-16'),
  ('66', 'Deductible that applies to blood or blood products', 'patient_responsibility', false, false, false, '1995-01-01', NULL),
  ('85', 'Interest amount owed by the patient', 'patient_responsibility', false, false, false, '1995-01-01', NULL),
  ('122', 'Reduction applied to outpatient psychiatric/mental health services', 'patient_responsibility', false, false, false, '1995-01-01', NULL),
  ('126', 'Major medical deductible (replaced by 1)', 'patient_responsibility', false, false, false, '1997-02-28', '2008-04-01'),
  ('127', 'Major medical coinsurance (replaced by 2)', 'patient_responsibility', false, false, false, '1997-02-28', '2008-04-01'),
  ('142', 'Patient''s monthly Medicaid liability (share of cost)', 'patient_responsibility', false, false, false, '2000-06-30', NULL),
  ('156', 'Flexible spending account payment (replaced by 187)', 'patient_responsibility', false, false, false, '2003-09-30', '2009-10-01'),
  ('187', 'Portion paid from the patient''s consumer spending account (HSA, FSA, HRA)', 'patient_responsibility', false, false, false, '2005-06-30', NULL),
  ('201', 'Patient owes this amount under a set-aside or similar agreement', 'patient_responsibility', false, false, false, '2006-10-31', NULL),
  ('238', 'Patient owes the part of a claim that falls in a period without coverage', 'patient_responsibility', false, false, false, '2012-03-01', NULL),
  ('241', 'Copayment under the Low Income Subsidy program', 'patient_responsibility', false, false, false, '2012-06-03', NULL),
  ('247', 'Deductible on a professional service billed on an institutional claim', 'patient_responsibility', false, false, false, '2012-09-30', NULL),
  ('248', 'Coinsurance on a professional service billed on an institutional claim', 'patient_responsibility', false, false, false, '2012-09-30', NULL),
  ('275', 'This payer does not pick up the prior payer''s deductible, coinsurance or copay', 'patient_responsibility', false, false, false, '2015-11-01', NULL),
  ('P3', 'Workers'' compensation case settled; patient owes this under a set-aside or similar agreement', 'patient_responsibility', false, false, false, '2013-11-01', NULL),
  ('41', 'Discount agreed in a preferred provider contract', 'contractual', false, false, false, '1995-01-01', '2003-10-16'),
  ('42', 'Charge exceeds the fee schedule or maximum allowable (replaced by 45)', 'contractual', false, false, true, '1995-01-01', '2007-06-01'),
  ('43', 'Gramm-Rudman federal budget reduction', 'contractual', false, false, false, '1995-01-01', '2006-07-01'),
  ('45', 'Charge exceeds the fee schedule or contracted amount', 'contractual', false, false, true, '1995-01-01', NULL),
  ('59', 'Reduced under multiple or concurrent procedure rules (surgery, imaging, anesthesia)', 'contractual', false, false, true, '1995-01-01', NULL),
  ('86', 'Statutory adjustment (replaced by 45)', 'contractual', false, false, false, '1995-01-01', '2003-10-16'),
  ('87', 'Transfer amount', 'contractual', false, false, false, '1995-01-01', '2012-01-01'),
  ('90', 'Drug ingredient cost adjusted to the pricing basis', 'contractual', false, false, false, '1995-01-01', NULL),
  ('91', 'Drug dispensing fee adjusted', 'contractual', false, false, false, '1995-01-01', NULL),
  ('103', 'Promotional discount offered by the provider (e.g. senior discount)', 'contractual', false, false, false, '1995-01-01', NULL),
  ('104', 'Amount withheld under a managed care arrangement', 'contractual', false, false, false, '1995-01-01', NULL),
  ('131', 'Discount negotiated for this specific claim', 'contractual', false, false, false, '1997-02-28', NULL),
  ('139', 'Contracted funding arrangement: subscriber is an employee of the provider', 'contractual', false, false, false, '1999-06-30', NULL),
  ('145', 'Premium payment withholding', 'contractual', false, false, false, '2002-06-30', '2008-04-01'),
  ('147', 'No contracted rate on file for the provider, or the rate has expired', 'contractual', true, false, true, '2002-06-30', NULL),
  ('172', 'Allowance adjusted for the specialty of the billing provider', 'contractual', false, false, false, '2005-06-30', NULL),
  ('217', 'Priced at reasonable and customary fees, property and casualty (replaced by P5)', 'contractual', false, false, true, '2008-01-27', '2014-07-01'),
  ('222', 'Provider exceeded its contracted cap on hours, days or units for the period', 'contractual', true, false, false, '2008-06-01', NULL),
  ('232', 'DRG amount split because care was transferred between institutions', 'contractual', false, false, false, '2009-11-01', NULL),
  ('245', 'Amount withheld under a provider performance program', 'contractual', false, false, false, '2012-09-30', NULL),
  ('253', 'Sequestration: mandated cut to federal program payments', 'contractual', false, false, false, '2013-06-02', NULL),
  ('256', 'Service is not payable under the managed care contract', 'contractual', true, false, true, '2013-06-02', NULL),
  ('260', 'Priced under the Medicaid ACA enhanced fee schedule', 'contractual', false, false, false, '2014-01-26', NULL),
  ('271', 'Earlier contractual reductions tied to a periodic payment schedule', 'contractual', false, false, false, '2015-11-01', NULL),
  ('281', 'Deductible waived under the provider contract', 'contractual', false, false, false, '2017-07-01', NULL),
  ('303', 'Prior payer''s cost sharing not covered for a dual-eligible (QMB) patient; provider writes it off', 'contractual', false, false, false, '2020-07-01', NULL),
  ('308', 'Payment changed under a funding agreement between payer and provider', 'contractual', false, false, false, '2025-07-01', NULL),
  ('A2', 'Contractual adjustment (replaced by 45 with group CO)', 'contractual', false, false, false, '1995-01-01', '2008-01-01'),
  ('B6', 'Adjusted for the type, facility or specialty of the provider (replaced by 170-172)', 'contractual', false, false, true, '1995-01-01', '2006-02-01'),
  ('P5', 'Priced at the payer''s reasonable and customary fee (no legislated maximum), property and casualty', 'contractual', false, false, true, '2013-11-01', NULL),
  ('P12', 'Workers'' compensation jurisdictional fee schedule adjustment', 'contractual', false, false, true, '2013-11-01', NULL),
  ('P18', 'Procedure not in the jurisdiction fee schedule; paid as a comparable service', 'contractual', false, false, true, '2013-11-01', NULL),
  ('P22', 'Adjusted under medical payments (MPC) or personal injury protection (PIP) rules', 'contractual', false, false, true, '2013-11-01', NULL),
  ('P23', 'Medical payments (MPC) or personal injury protection (PIP) fee schedule adjustment', 'contractual', false, false, true, '2013-11-01', NULL),
  ('P24', 'Adjusted under a preferred provider organization (PPO) agreement, property and casualty', 'contractual', false, false, false, '2016-03-01', NULL),
  ('P25', 'Adjusted under a medical provider network (MPN) agreement, property and casualty', 'contractual', false, false, false, '2016-03-01', NULL),
  ('P26', 'Adjusted under a voluntary provider network (VPN) agreement, property and casualty', 'contractual', false, false, false, '2016-03-01', NULL),
  ('P28', 'Adjusted under liability coverage regulations or payment policy', 'contractual', false, false, true, '2016-07-01', NULL),
  ('P29', 'Liability coverage jurisdictional fee schedule adjustment', 'contractual', false, false, true, '2017-11-01', NULL),
  ('P32', 'Adjusted by apportionment of the injury between causes', 'contractual', false, false, true, '2019-11-01', NULL),
  ('W1', 'Workers'' compensation jurisdictional fee schedule adjustment (replaced by P12)', 'contractual', false, false, true, '2000-02-29', '2014-07-01'),
  ('W7', 'Procedure not in the jurisdiction fee schedule; paid as comparable (replaced by P18)', 'contractual', false, false, true, '2013-06-02', '2014-07-01'),
  ('Y2', 'Adjusted under medical payments or PIP rules (replaced by P22)', 'contractual', false, false, true, '2012-09-30', '2014-07-01'),
  ('Y3', 'Medical payments or PIP fee schedule adjustment (replaced by P23)', 'contractual', false, false, true, '2012-09-30', '2014-07-01'),
  ('24', 'Covered by a capitation or managed care payment arrangement', 'capitation', false, false, false, '1995-01-01', NULL),
  ('120', 'Patient is covered by a managed care plan (replaced by 24)', 'capitation', false, false, false, '1995-01-01', '2007-06-30'),
  ('274', 'Not paid separately under the patient''s care coordination arrangement', 'capitation', false, false, false, '2015-11-01', NULL),
  ('13', 'Recorded date of death is before the date of service', 'eligibility', true, true, false, '1995-01-01', NULL),
  ('26', 'Service date is before the patient''s coverage started', 'eligibility', true, true, false, '1995-01-01', NULL),
  ('27', 'Service date is after the patient''s coverage ended', 'eligibility', true, true, false, '1995-01-01', NULL),
  ('28', 'Coverage not in effect on the date of service (replaced by 26 and 27)', 'eligibility', true, true, false, '1995-01-01', '2003-10-16'),
  ('30', 'Eligibility, spend-down, waiting or residency requirement not met (replaced by 177-180)', 'eligibility', true, true, false, '1995-01-01', '2006-02-01'),
  ('31', 'Payer cannot find the patient as a member', 'eligibility', true, true, false, '1995-01-01', NULL),
  ('32', 'Patient is not an eligible dependent on the policy', 'eligibility', true, true, false, '1995-01-01', NULL),
  ('33', 'Subscriber''s policy does not cover dependents', 'eligibility', true, true, false, '1995-01-01', NULL),
  ('34', 'Subscriber''s policy does not cover newborns', 'eligibility', true, true, false, '1995-01-01', NULL),
  ('106', 'Patient has not elected the payment option or benefit that would cover this', 'eligibility', true, true, false, '1995-01-01', NULL),
  ('140', 'Member ID and patient name do not match payer records', 'eligibility', true, true, false, '1999-06-30', NULL),
  ('141', 'Claim spans eligible and ineligible periods of coverage (replaced by 238 and 239)', 'eligibility', true, true, false, '1999-06-30', '2012-07-01'),
  ('166', 'Submitted after this payer stopped handling claims for the plan', 'eligibility', true, true, false, '2005-02-28', NULL),
  ('177', 'Patient did not meet the plan''s eligibility requirements', 'eligibility', true, true, false, '2005-06-30', NULL),
  ('178', 'Patient has not met the required spend-down', 'eligibility', true, true, false, '2005-06-30', NULL),
  ('179', 'Patient has not completed the required waiting period', 'eligibility', true, true, false, '2005-06-30', NULL),
  ('180', 'Patient does not meet residency requirements', 'eligibility', true, true, false, '2005-06-30', NULL),
  ('200', 'Service fell in a lapse of coverage', 'eligibility', true, true, false, '2006-10-31', NULL),
  ('218', 'Adjusted on entitlement to benefits (replaced by P6)', 'eligibility', true, false, true, '2008-01-27', '2014-07-01'),
  ('224', 'Patient identity possibly stolen; identity must be verified before processing', 'eligibility', true, true, false, '2008-06-01', NULL),
  ('239', 'Claim covers both eligible and ineligible periods; bill them on separate claims', 'eligibility', true, true, false, '2012-03-01', NULL),
  ('257', 'Held during the exchange premium grace period; will be reversed and redone when it ends', 'eligibility', false, false, false, '2013-11-01', NULL),
  ('258', 'Not covered while the patient is in custody or incarcerated', 'eligibility', true, true, false, '2013-11-01', NULL),
  ('277', 'Held during the SHOP exchange premium grace period; will be reversed and redone when it ends', 'eligibility', false, false, false, '2015-11-01', NULL),
  ('B9', 'Patient is enrolled in hospice', 'eligibility', true, true, false, '1995-01-01', NULL),
  ('P6', 'Adjusted on entitlement to benefits, property and casualty', 'eligibility', true, false, true, '2013-11-01', NULL),
  ('15', 'Authorization number missing, invalid or not matching the service or provider (replaced by 284 and 296)', 'authorization', true, true, true, '1995-01-01', '2020-03-01'),
  ('39', 'Authorization was requested and refused before the service', 'authorization', true, true, true, '1995-01-01', NULL),
  ('61', 'Reduced because a required second surgical opinion was not obtained', 'authorization', true, true, true, '1995-01-01', NULL),
  ('62', 'Precertification or authorization missing or exceeded (replaced by 197 and 198)', 'authorization', true, true, true, '1995-01-01', '2007-04-01'),
  ('165', 'Referral missing or exceeded (replaced by 287 and 288)', 'authorization', true, true, true, '2004-10-31', '2019-03-01'),
  ('197', 'Required prior authorization, precertification or notification was not obtained', 'authorization', true, true, true, '2006-10-31', NULL),
  ('198', 'Services exceed what was authorized or precertified', 'authorization', true, true, true, '2006-10-31', NULL),
  ('210', 'Authorization or precertification was not obtained in time', 'authorization', true, true, true, '2007-07-09', NULL),
  ('284', 'Authorization number on file does not cover the services billed', 'authorization', true, true, true, '2017-11-01', NULL),
  ('287', 'Services exceed the referral', 'authorization', true, true, true, '2018-03-01', NULL),
  ('288', 'Required referral is missing', 'authorization', true, true, true, '2018-03-01', NULL),
  ('296', 'Authorization number on file was issued for a different provider', 'authorization', true, true, true, '2019-03-01', NULL),
  ('302', 'Authorization or precertification has expired', 'authorization', true, true, true, '2020-03-01', NULL),
  ('P17', 'Referral not authorized by the attending physician as regulation requires', 'authorization', true, true, true, '2013-11-01', NULL),
  ('W6', 'Referral not authorized by the attending physician (replaced by P17)', 'authorization', true, true, true, '2013-06-02', '2014-07-01'),
  ('29', 'Claim filed after the payer''s filing deadline', 'timely_filing', true, true, true, '1995-01-01', NULL),
  ('286', 'Appeal filed after the appeal deadline', 'timely_filing', true, true, true, '2017-11-01', NULL),
  ('B4', 'Penalty for filing the claim late', 'timely_filing', true, true, true, '1995-01-01', NULL),
  ('18', 'Exact duplicate of a claim or service already submitted', 'duplicate', true, true, false, '1995-01-01', NULL),
  ('B13', 'Already paid; payment may have been in an earlier remittance', 'duplicate', true, true, false, '1995-01-01', NULL),
  ('4', 'Procedure code does not fit the modifier, or a required modifier is missing', 'coding', true, false, true, '1995-01-01', NULL),
  ('5', 'Procedure code or bill type does not fit the place of service', 'coding', true, false, true, '1995-01-01', NULL),
  ('6', 'Procedure or revenue code does not fit the patient''s age', 'coding', true, false, true, '1995-01-01', NULL),
  ('7', 'Procedure or revenue code does not fit the patient''s sex', 'coding', true, false, true, '1995-01-01', NULL),
  ('8', 'Procedure code does not fit the provider type or specialty (taxonomy)', 'coding', true, false, true, '1995-01-01', NULL),
  ('9', 'Diagnosis does not fit the patient''s age', 'coding', true, false, true, '1995-01-01', NULL),
  ('10', 'Diagnosis does not fit the patient''s sex', 'coding', true, false, true, '1995-01-01', NULL),
  ('11', 'Diagnosis does not support the procedure billed', 'coding', true, false, true, '1995-01-01', NULL),
  ('12', 'Diagnosis does not fit the provider type', 'coding', true, false, true, '1995-01-01', NULL),
  ('54', 'Assistant surgeon or multiple surgeons not covered for this procedure', 'coding', true, false, true, '1995-01-01', NULL),
  ('60', 'Outpatient service within the window before or after an inpatient stay is not paid separately', 'coding', true, false, true, '1995-01-01', NULL),
  ('65', 'Procedure code was wrong; paid under the correct code', 'coding', false, false, true, '1995-01-01', '2003-10-16'),
  ('97', 'Paid as part of another service already adjudicated (bundled)', 'coding', true, false, true, '1995-01-01', NULL),
  ('128', 'Newborn services are included in the mother''s allowance', 'coding', true, false, false, '1997-02-28', NULL),
  ('146', 'Diagnosis code was not valid on the date of service', 'coding', true, true, false, '2002-06-30', NULL),
  ('181', 'Procedure code was not valid on the date of service', 'coding', true, true, false, '2005-06-30', NULL),
  ('182', 'Modifier was not valid on the date of service', 'coding', true, true, false, '2005-06-30', NULL),
  ('189', 'Unlisted or not-otherwise-classified code used when a specific code exists', 'coding', true, false, false, '2005-06-30', NULL),
  ('190', 'Included in the payment for a qualifying skilled nursing facility stay', 'coding', true, false, false, '2005-10-31', NULL),
  ('194', 'Anesthesia given by the surgeon, assistant surgeon or attending is not paid separately', 'coding', true, false, true, '2006-02-28', NULL),
  ('199', 'Revenue code and procedure code do not match', 'coding', true, false, false, '2006-10-31', NULL),
  ('203', 'Service was discontinued or reduced', 'coding', true, false, true, '2007-02-28', NULL),
  ('220', 'Billed code not in the applicable fee schedule (replaced by P7)', 'coding', true, true, false, '2008-01-27', '2014-07-01'),
  ('230', 'No procedure code describes this service, property and casualty (replaced by P9)', 'coding', true, false, true, '2009-01-25', '2014-07-01'),
  ('231', 'Mutually exclusive procedures billed for the same day or session', 'coding', true, false, true, '2009-07-01', NULL),
  ('234', 'Procedure is not paid separately', 'coding', true, false, true, '2010-01-24', NULL),
  ('236', 'Procedure or modifier pair not allowed with another same-day procedure under NCCI or state rules', 'coding', true, false, true, '2011-01-30', NULL),
  ('240', 'Diagnosis does not fit the patient''s birth weight', 'coding', true, false, true, '2012-06-03', NULL),
  ('261', 'Procedure or service does not fit the patient''s history', 'coding', true, false, true, '2014-06-01', NULL),
  ('282', 'Procedure or revenue code does not fit the type of bill', 'coding', true, false, true, '2017-07-01', NULL),
  ('306', 'Type of bill does not fit the patient discharge status', 'coding', true, false, true, '2022-03-01', NULL),
  ('A8', 'Claim could not be grouped to a DRG', 'coding', true, false, true, '1995-01-01', NULL),
  ('B10', 'Allowance reduced because a component of the basic test or procedure was already paid', 'coding', true, false, true, '1995-01-01', NULL),
  ('B14', 'Only one visit or consultation per physician per day is covered', 'coding', true, false, true, '1995-01-01', NULL),
  ('B15', 'Requires a qualifying service that has not been received or paid', 'coding', true, false, true, '1995-01-01', NULL),
  ('B16', 'Does not meet the definition of a new patient', 'coding', true, false, true, '1995-01-01', NULL),
  ('B18', 'Procedure code and modifier invalid on the date of service (replaced by 181 and 182)', 'coding', true, true, false, '1995-01-01', '2009-03-01'),
  ('B22', 'Payment adjusted because of the diagnosis', 'coding', true, false, true, '1995-01-01', NULL),
  ('P7', 'Billed code is not in the applicable fee schedule; resubmit with a code it contains', 'coding', true, true, false, '2013-11-01', NULL),
  ('P9', 'No procedure code describes this service, property and casualty', 'coding', true, false, true, '2013-11-01', NULL),
  ('P14', 'Included in the payment for another service on the same day, property and casualty', 'coding', true, false, true, '2013-11-01', NULL),
  ('W3', 'Included in another service on the same day, property and casualty (replaced by P14)', 'coding', true, false, true, '2012-09-30', '2014-07-01'),
  ('40', 'Does not meet the criteria for emergency or urgent care', 'medical_necessity', true, false, true, '1995-01-01', NULL),
  ('50', 'Payer does not consider the service medically necessary', 'medical_necessity', true, false, true, '1995-01-01', NULL),
  ('55', 'Payer considers the treatment, procedure or drug experimental or investigational', 'medical_necessity', true, false, true, '1995-01-01', NULL),
  ('56', 'Payer does not consider the treatment proven effective', 'medical_necessity', true, false, true, '1995-01-01', NULL),
  ('57', 'Documentation does not support the level, number, length, dosage or supply (replaced by 150-154)', 'medical_necessity', true, false, true, '1995-01-01', '2007-06-30'),
  ('58', 'Payer considers the place of service inappropriate or invalid for the treatment', 'medical_necessity', true, false, true, '1995-01-01', NULL),
  ('112', 'Service not furnished directly to the patient or not documented', 'medical_necessity', true, false, true, '1995-01-01', NULL),
  ('150', 'Documentation does not support the level of service billed', 'medical_necessity', true, false, true, '2002-10-31', NULL),
  ('151', 'Documentation does not support this number or frequency of services', 'medical_necessity', true, false, true, '2002-10-31', NULL),
  ('152', 'Documentation does not support the length of service or stay', 'medical_necessity', true, false, true, '2002-10-31', NULL),
  ('153', 'Documentation does not support the dosage', 'medical_necessity', true, false, true, '2002-10-31', NULL),
  ('154', 'Documentation does not support the days'' supply', 'medical_necessity', true, false, true, '2002-10-31', NULL),
  ('186', 'Adjusted for a change in level of care', 'medical_necessity', true, false, true, '2005-06-30', NULL),
  ('216', 'Adjusted on the findings of a review organization or payer review', 'medical_necessity', true, false, true, '2008-01-27', NULL),
  ('249', 'Claim flagged as a readmission', 'medical_necessity', true, false, true, '2012-09-30', NULL),
  ('B8', 'An alternative service was available and should have been used', 'medical_necessity', true, false, true, '1995-01-01', NULL),
  ('B12', 'Service is not documented in the patient''s medical record', 'medical_necessity', true, false, true, '1995-01-01', NULL),
  ('B19', 'Adjusted on the findings of a review organization (replaced by 216)', 'medical_necessity', true, false, true, '1995-01-01', '2003-10-16'),
  ('P15', 'Workers'' compensation medical treatment guideline adjustment', 'medical_necessity', true, false, true, '2013-11-01', NULL),
  ('P31', 'Exacerbation denied: treatment ran past the time allowed, property and casualty', 'medical_necessity', true, false, true, '2018-11-01', NULL),
  ('W4', 'Workers'' compensation treatment guideline adjustment (replaced by P15)', 'medical_necessity', true, false, true, '2012-09-30', '2014-07-01'),
  ('35', 'Patient''s lifetime benefit maximum reached', 'non_covered', true, false, false, '1995-01-01', NULL),
  ('46', 'Service not covered (replaced by 96)', 'non_covered', true, false, true, '1995-01-01', '2003-10-16'),
  ('47', 'Diagnosis not covered, missing or invalid', 'non_covered', true, false, true, '1995-01-01', '2006-02-01'),
  ('48', 'Procedure not covered (replaced by 96)', 'non_covered', true, false, true, '1995-01-01', '2003-10-16'),
  ('49', 'Routine or preventive exam, or screening done with one, is not covered', 'non_covered', true, false, true, '1995-01-01', NULL),
  ('51', 'Not covered as a pre-existing condition', 'non_covered', true, false, true, '1995-01-01', NULL),
  ('53', 'Care by an immediate relative or household member is not covered', 'non_covered', true, false, false, '1995-01-01', NULL),
  ('78', 'Non-covered days or room charge adjusted', 'non_covered', true, false, true, '1995-01-01', NULL),
  ('96', 'Non-covered charge (remark code gives the reason)', 'non_covered', true, false, true, '1995-01-01', NULL),
  ('108', 'Equipment rental or purchase guidelines not met', 'non_covered', true, false, true, '1995-01-01', NULL),
  ('111', 'Covered only when the provider accepts assignment', 'non_covered', true, false, false, '1995-01-01', NULL),
  ('113', 'Service given outside the United States or because of war (replaced by 157-159)', 'non_covered', true, false, false, '1995-01-01', '2007-06-30'),
  ('114', 'Procedure or product not approved by the FDA', 'non_covered', true, false, false, '1995-01-01', NULL),
  ('117', 'Transport covered only to the nearest facility able to provide the care', 'non_covered', true, false, true, '1995-01-01', NULL),
  ('119', 'Benefit maximum for the period or occurrence has been reached', 'non_covered', true, false, false, '1995-01-01', NULL),
  ('149', 'Lifetime maximum reached for this benefit category', 'non_covered', true, false, false, '2002-10-31', NULL),
  ('157', 'Service needed because of an act of war', 'non_covered', true, false, false, '2003-09-30', NULL),
  ('158', 'Service given outside the United States', 'non_covered', true, false, false, '2003-09-30', NULL),
  ('159', 'Service needed because of terrorism', 'non_covered', true, false, false, '2003-09-30', NULL),
  ('160', 'Injury or illness came from an activity the plan excludes', 'non_covered', true, false, true, '2003-09-30', NULL),
  ('167', 'Diagnosis is not covered', 'non_covered', true, false, true, '2005-06-30', NULL),
  ('169', 'An alternate benefit was paid instead', 'non_covered', true, false, true, '2005-06-30', NULL),
  ('170', 'Not payable when performed or billed by this type of provider', 'non_covered', true, false, true, '2005-06-30', NULL),
  ('171', 'Not payable for this type of provider in this type of facility', 'non_covered', true, false, true, '2005-06-30', NULL),
  ('173', 'Service or equipment was not prescribed by a physician', 'non_covered', true, false, true, '2005-06-30', NULL),
  ('174', 'Service was not prescribed before it was delivered', 'non_covered', true, false, false, '2005-06-30', NULL),
  ('188', 'Covered only when used as the FDA recommends', 'non_covered', true, false, true, '2005-06-30', NULL),
  ('202', 'Personal comfort or convenience items are not covered', 'non_covered', true, false, false, '2007-02-28', NULL),
  ('204', 'Service, equipment or drug not covered by the patient''s current benefit plan', 'non_covered', true, false, true, '2007-02-28', NULL),
  ('211', 'Drug''s NDC is not rebate-eligible and is not covered', 'non_covered', true, false, false, '2007-07-09', NULL),
  ('212', 'Administrative surcharges are not covered', 'non_covered', true, false, false, '2007-11-05', NULL),
  ('214', 'Workers'' compensation claim found non-compensable (replaced by P4)', 'non_covered', true, false, true, '2008-01-27', '2014-07-01'),
  ('233', 'Charges tied to a hospital-acquired condition or preventable medical error', 'non_covered', true, false, true, '2010-01-24', NULL),
  ('269', 'Anesthesia is not covered for this procedure', 'non_covered', true, false, true, '2015-03-01', NULL),
  ('272', 'Coverage or program guidelines were not met', 'non_covered', true, false, true, '2015-11-01', NULL),
  ('273', 'Coverage or program guidelines were exceeded', 'non_covered', true, false, true, '2015-11-01', NULL),
  ('289', 'Considered under both dental and medical plans; neither provides benefits', 'non_covered', true, false, true, '2018-07-01', NULL),
  ('A6', 'Required prior hospital stay or 30-day transfer rule not met', 'non_covered', true, false, true, '1995-01-01', NULL),
  ('B1', 'Visits are not covered', 'non_covered', true, false, true, '1995-01-01', NULL),
  ('B5', 'Coverage or program guidelines not met or exceeded (replaced by 272 and 273)', 'non_covered', true, false, true, '1995-01-01', '2016-05-01'),
  ('B17', 'Not prescribed, prescribed late, or prescription incomplete or out of date (replaced by 173-176)', 'non_covered', true, false, true, '1995-01-01', '2006-02-01'),
  ('P4', 'Workers'' compensation claim found non-compensable; this payer is not liable', 'non_covered', true, false, true, '2013-11-01', NULL),
  ('P19', 'Procedure has a relative value of zero in the jurisdiction fee schedule', 'non_covered', true, false, false, '2013-11-01', NULL),
  ('P20', 'Not payable under the jurisdiction''s outpatient facility fee schedule', 'non_covered', true, false, true, '2013-11-01', NULL),
  ('W8', 'Procedure has zero relative value in the jurisdiction fee schedule (replaced by P19)', 'non_covered', true, false, false, '2013-06-02', '2014-07-01'),
  ('W9', 'Not payable under the outpatient facility fee schedule (replaced by P20)', 'non_covered', true, false, true, '2013-06-02', '2014-07-01'),
  ('19', 'Work-related injury or illness; bill the workers'' compensation carrier', 'coordination_of_benefits', true, false, false, '1995-01-01', NULL),
  ('20', 'Injury or illness is covered by a liability carrier', 'coordination_of_benefits', true, false, false, '1995-01-01', NULL),
  ('21', 'Injury or illness is the no-fault carrier''s responsibility', 'coordination_of_benefits', true, false, false, '1995-01-01', NULL),
  ('22', 'Another payer may be primary under coordination of benefits', 'coordination_of_benefits', true, false, false, '1995-01-01', NULL),
  ('23', 'Reflects what prior payers already paid or adjusted', 'coordination_of_benefits', false, false, false, '1995-01-01', NULL),
  ('71', 'Primary payer amount (replaced by 23)', 'coordination_of_benefits', false, false, false, '1995-01-01', '2000-06-30'),
  ('98', 'Hospital must bill Medicare for this inpatient non-physician service', 'coordination_of_benefits', true, false, false, '1995-01-01', '2003-10-16'),
  ('99', 'Medicare secondary payer adjustment', 'coordination_of_benefits', false, false, false, '1995-01-01', '2003-10-16'),
  ('109', 'Not covered by this payer; send the claim to the correct payer', 'coordination_of_benefits', true, false, false, '1995-01-01', NULL),
  ('136', 'Prior payer''s coverage rules were not followed', 'coordination_of_benefits', true, false, false, '1998-10-31', NULL),
  ('168', 'Considered under the medical plan; no benefits under this dental plan', 'coordination_of_benefits', true, false, false, '2005-06-30', '2019-03-01'),
  ('191', 'Not a work-related injury or illness (replaced by P2)', 'coordination_of_benefits', true, false, false, '2005-10-31', '2014-07-01'),
  ('195', 'Refund issued to a payer that wrongly paid first', 'coordination_of_benefits', false, false, false, '2006-02-28', NULL),
  ('196', 'Denied on the prior payer''s coverage decision (replaced by 136)', 'coordination_of_benefits', true, false, false, '2006-06-30', '2007-02-01'),
  ('209', 'Provider may not collect this from the patient but may bill a later payer', 'coordination_of_benefits', false, false, false, '2007-07-09', NULL),
  ('215', 'Adjusted for subrogation of a third-party settlement', 'coordination_of_benefits', false, false, false, '2008-01-27', NULL),
  ('229', 'Part of the charge Medicare did not consider because the first claim was type of bill 12X (COB reporting only)', 'coordination_of_benefits', false, false, false, '2009-01-25', NULL),
  ('254', 'Dental plan has no benefit for this; submit to the patient''s medical plan', 'coordination_of_benefits', true, false, false, '2013-06-02', NULL),
  ('270', 'Medical plan has no benefit for this; submit to the patient''s dental plan', 'coordination_of_benefits', true, false, false, '2015-07-01', NULL),
  ('276', 'Services the prior payer denied are not covered by this payer', 'coordination_of_benefits', true, false, false, '2015-11-01', NULL),
  ('280', 'Medical plan has no benefit for this; submit to the patient''s pharmacy plan', 'coordination_of_benefits', true, false, false, '2017-03-01', NULL),
  ('290', 'Dental plan has no benefit for this and forwarded it to the medical plan', 'coordination_of_benefits', true, false, false, '2018-07-01', NULL),
  ('291', 'Medical plan has no benefit for this and forwarded it to the dental plan', 'coordination_of_benefits', true, false, false, '2018-07-01', NULL),
  ('292', 'Medical plan has no benefit for this and forwarded it to the pharmacy plan', 'coordination_of_benefits', true, false, false, '2018-07-01', NULL),
  ('297', 'Medical plan has no benefit for this; submit to the patient''s vision plan', 'coordination_of_benefits', true, false, false, '2019-07-01', NULL),
  ('298', 'Medical plan has no benefit for this and forwarded it to the vision plan', 'coordination_of_benefits', true, false, false, '2019-07-01', NULL),
  ('300', 'Medical plan has no benefit for this and forwarded it to the behavioral health plan', 'coordination_of_benefits', true, false, false, '2019-11-01', NULL),
  ('301', 'Medical plan has no benefit for this; submit to the patient''s behavioral health plan', 'coordination_of_benefits', true, false, false, '2019-11-01', NULL),
  ('304', 'Medical plan has no benefit for this; submit to the patient''s hearing plan', 'coordination_of_benefits', true, false, false, '2020-11-01', NULL),
  ('305', 'Medical plan has no benefit for this and forwarded it to the hearing plan', 'coordination_of_benefits', true, false, false, '2020-11-01', NULL),
  ('A3', 'Medicare secondary payer liability met', 'coordination_of_benefits', false, false, false, '1995-01-01', '2003-10-16'),
  ('B11', 'Claim sent on to the proper payer; not covered by this one', 'coordination_of_benefits', true, false, false, '1995-01-01', NULL),
  ('D23', 'Dual-eligible patient covered by Medicare Part D after retroactive eligibility', 'coordination_of_benefits', true, false, false, '2009-11-01', '2012-01-01'),
  ('P2', 'Not a work-related injury or illness, so not the workers'' compensation carrier''s liability', 'coordination_of_benefits', true, false, false, '2013-11-01', NULL),
  ('14', 'Recorded date of birth is after the date of service', 'missing_information', true, true, false, '1995-01-01', NULL),
  ('16', 'Claim lacks information or has billing errors (remark code says what)', 'missing_information', true, true, false, '1995-01-01', NULL),
  ('17', 'Requested information not provided or incomplete (replaced by 16 with remark codes)', 'missing_information', true, true, false, '1995-01-01', '2009-07-01'),
  ('107', 'Related or qualifying claim or service not identified on this claim', 'missing_information', true, true, false, '1995-01-01', NULL),
  ('110', 'Billing date is earlier than the service date', 'missing_information', true, true, false, '1995-01-01', NULL),
  ('125', 'Submission or billing errors (replaced by 16)', 'missing_information', true, true, false, '1995-01-01', '2013-11-01'),
  ('129', 'Prior processing information on the claim appears wrong', 'missing_information', true, true, false, '1997-02-28', NULL),
  ('135', 'Interim bills cannot be processed', 'missing_information', true, true, false, '1998-10-31', NULL),
  ('148', 'Information from another provider missing or incomplete', 'missing_information', true, true, false, '2002-06-30', NULL),
  ('163', 'Attachment or documentation referenced on the claim was not received', 'missing_information', true, true, false, '2004-06-30', NULL),
  ('164', 'Attachment or documentation referenced on the claim arrived too late', 'missing_information', true, true, false, '2004-06-30', NULL),
  ('175', 'Prescription is incomplete', 'missing_information', true, true, false, '2005-06-30', NULL),
  ('176', 'Prescription is out of date', 'missing_information', true, true, false, '2005-06-30', NULL),
  ('206', 'National Provider Identifier is missing', 'missing_information', true, true, false, '2007-07-09', NULL),
  ('207', 'National Provider Identifier has an invalid format', 'missing_information', true, true, false, '2007-07-09', NULL),
  ('226', 'Information requested from the billing or rendering provider was not sent, late or incomplete', 'missing_information', true, true, false, '2008-09-21', NULL),
  ('227', 'Information requested from the patient or insured was not sent or incomplete', 'missing_information', true, true, false, '2008-09-21', NULL),
  ('228', 'Denied because requested information was not supplied to a previous payer', 'missing_information', true, true, false, '2008-09-21', NULL),
  ('250', 'Wrong attachment received; the expected document is still missing', 'missing_information', true, true, false, '2012-09-30', NULL),
  ('251', 'Attachment received but incomplete or deficient', 'missing_information', true, true, false, '2012-09-30', NULL),
  ('252', 'An attachment or other documentation is required to adjudicate', 'missing_information', true, true, false, '2012-09-30', NULL),
  ('267', 'Claim or service spans more than one month (remark code gives details)', 'missing_information', true, true, false, '2014-11-01', NULL),
  ('268', 'Claim spans two calendar years; resubmit one claim per year', 'missing_information', true, true, false, '2014-11-01', NULL),
  ('D1', 'Level of subluxation missing or inadequate', 'missing_information', true, true, false, '1995-01-01', '2003-10-16'),
  ('D2', 'Name, strength or dosage of the drug missing', 'missing_information', true, true, false, '1995-01-01', '2003-10-16'),
  ('D3', 'Whether the patient owns the equipment the part or supply is for is missing', 'missing_information', true, true, false, '1995-01-01', '2003-10-16'),
  ('D4', 'Period of time the item will be needed is missing', 'missing_information', true, true, false, '1995-01-01', '2003-10-16'),
  ('D5', 'Individual lab codes of the test missing', 'missing_information', true, true, false, '1995-01-01', '2003-10-16'),
  ('D6', 'Patient''s medical record for the service missing', 'missing_information', true, true, false, '1995-01-01', '2003-10-16'),
  ('D7', 'Date of the patient''s most recent physician visit missing', 'missing_information', true, true, false, '1995-01-01', '2003-10-16'),
  ('D8', 'Indicator that an x-ray is available for review missing', 'missing_information', true, true, false, '1995-01-01', '2003-10-16'),
  ('D9', 'Invoice or cost statement for the intraocular lens missing', 'missing_information', true, true, false, '1995-01-01', '2003-10-16'),
  ('D10', 'Physician financial relationship form not on file', 'missing_information', true, true, false, '1995-01-01', '2003-10-16'),
  ('D11', 'Pacemaker registration form missing', 'missing_information', true, true, false, '1995-01-01', '2003-10-16'),
  ('D12', 'Who performed a purchased diagnostic test, or its cost, is missing', 'missing_information', true, true, false, '1995-01-01', '2003-10-16'),
  ('D14', 'Indication that a plan of treatment is on file missing', 'missing_information', true, true, false, '1995-01-01', '2003-10-16'),
  ('D15', 'Indication that a physician supervised or evaluated the service missing', 'missing_information', true, true, false, '1995-01-01', '2003-10-16'),
  ('D16', 'Prior payer payment information missing', 'missing_information', true, true, false, '1995-01-01', '2007-06-30'),
  ('D17', 'Invalid non-covered days', 'missing_information', true, true, false, '1995-01-01', '2007-06-30'),
  ('D18', 'Diagnosis information missing', 'missing_information', true, true, false, '1995-01-01', '2007-06-30'),
  ('D19', 'Operative report or other supporting documentation missing', 'missing_information', true, true, false, '1995-01-01', '2007-06-30'),
  ('D20', 'Service or product information missing', 'missing_information', true, true, false, '1995-01-01', '2007-06-30'),
  ('D21', 'Diagnosis missing or invalid', 'missing_information', true, true, false, '1995-01-01', '2007-06-30'),
  ('P30', 'Exacerbation denied: supporting documentation incomplete, property and casualty', 'missing_information', true, true, false, '2018-11-01', NULL),
  ('38', 'Services not provided or authorized by designated network or primary care providers (replaced by 242 and 243)', 'network', true, false, true, '1995-01-01', '2013-01-01'),
  ('242', 'Services not provided by network or primary care providers', 'network', true, false, true, '2012-06-03', NULL),
  ('243', 'Services not authorized by network or primary care providers', 'network', true, false, true, '2012-06-03', NULL),
  ('279', 'Services not provided by the member''s preferred (narrow) network providers', 'network', true, false, true, '2016-11-01', NULL),
  ('52', 'Referring, prescribing or rendering provider not eligible for this service (replaced by 183-185)', 'credentialing', true, false, true, '1995-01-01', '2006-02-01'),
  ('183', 'Referring provider is not eligible to refer this service', 'credentialing', true, false, false, '2005-06-30', NULL),
  ('184', 'Prescribing or ordering provider is not eligible to order this service', 'credentialing', true, false, false, '2005-06-30', NULL),
  ('185', 'Rendering provider is not eligible to perform this service', 'credentialing', true, false, true, '2005-06-30', NULL),
  ('208', 'National Provider Identifier does not match the payer''s records', 'credentialing', true, false, false, '2007-07-09', NULL),
  ('278', 'Performance program proficiency requirements not met', 'credentialing', true, false, false, '2016-07-01', NULL),
  ('283', 'Attending provider is not eligible to direct care', 'credentialing', true, false, false, '2017-11-01', NULL),
  ('299', 'Billing provider is not eligible to be paid for this service', 'credentialing', true, false, true, '2019-07-01', NULL),
  ('B7', 'Provider was not certified or eligible to be paid for this service on this date', 'credentialing', true, false, true, '1995-01-01', NULL),
  ('B23', 'Lab''s CLIA certification does not cover the billed test', 'credentialing', true, false, false, '1995-01-01', NULL),
  ('P16', 'Provider not authorized or certified to treat injured workers in this jurisdiction', 'credentialing', true, false, true, '2013-11-01', NULL),
  ('W5', 'Provider not certified to treat injured workers in this jurisdiction (replaced by P16)', 'credentialing', true, false, true, '2013-06-02', '2014-07-01'),
  ('25', 'Stop-loss deductible not met', 'other', true, false, false, '1995-01-01', '2008-04-01'),
  ('44', 'Discount taken by the payer for prompt payment', 'other', false, false, false, '1995-01-01', NULL),
  ('63', 'Correction to an earlier claim', 'other', false, false, false, '1995-01-01', '2003-10-16'),
  ('64', 'Denial reversed on medical review', 'other', false, false, false, '1995-01-01', '2003-10-16'),
  ('67', 'Lifetime reserve days', 'other', false, false, false, '1995-01-01', '2003-10-16'),
  ('68', 'DRG weight', 'other', false, false, false, '1995-01-01', '2003-10-16'),
  ('69', 'Day outlier amount', 'other', false, false, false, '1995-01-01', NULL),
  ('70', 'Cost outlier adjustment for extra costs', 'other', false, false, false, '1995-01-01', NULL),
  ('72', 'Coinsurance days', 'other', false, false, false, '1995-01-01', '2003-10-16'),
  ('73', 'Administrative days', 'other', false, false, false, '1995-01-01', '2003-10-16'),
  ('74', 'Indirect medical education adjustment', 'other', false, false, false, '1995-01-01', NULL),
  ('75', 'Direct medical education adjustment', 'other', false, false, false, '1995-01-01', NULL),
  ('76', 'Disproportionate share adjustment', 'other', false, false, false, '1995-01-01', NULL),
  ('77', 'Covered days', 'other', false, false, false, '1995-01-01', '2003-10-16'),
  ('79', 'Cost report days', 'other', false, false, false, '1995-01-01', '2003-10-16'),
  ('80', 'Outlier days', 'other', false, false, false, '1995-01-01', '2003-10-16'),
  ('81', 'Discharges', 'other', false, false, false, '1995-01-01', '2003-10-16'),
  ('82', 'Periodic interim payment (PIP) days', 'other', false, false, false, '1995-01-01', '2003-10-16'),
  ('83', 'Total visits', 'other', false, false, false, '1995-01-01', '2003-10-16'),
  ('84', 'Capital adjustment', 'other', false, false, false, '1995-01-01', '2003-10-16'),
  ('88', 'Recovery of an earlier overpayment', 'other', false, false, false, '1995-01-01', '2007-06-30'),
  ('89', 'Professional fees taken out of the facility charges', 'other', false, false, false, '1995-01-01', NULL),
  ('92', 'Claim paid in full', 'other', false, false, false, '1995-01-01', '2003-10-16'),
  ('93', 'No claim-level adjustments', 'other', false, false, false, '1995-01-01', '2003-10-16'),
  ('94', 'Processed for more than the billed charges', 'other', false, false, false, '1995-01-01', NULL),
  ('95', 'Plan procedures were not followed', 'other', true, false, true, '1995-01-01', NULL),
  ('100', 'Payment went to the patient, insured or responsible party', 'other', false, false, false, '1995-01-01', NULL),
  ('101', 'Predetermination: expected payment once services are done or the claim is adjudicated', 'other', false, false, false, '1995-01-01', NULL),
  ('102', 'Major medical adjustment', 'other', false, false, false, '1995-01-01', NULL),
  ('105', 'Tax withholding', 'other', false, false, false, '1995-01-01', NULL),
  ('115', 'Procedure postponed, canceled or delayed', 'other', true, false, false, '1995-01-01', NULL),
  ('116', 'Advance notice signed by the patient did not meet requirements', 'other', true, false, false, '1995-01-01', NULL),
  ('118', 'ESRD network support adjustment', 'other', false, false, false, '1995-01-01', NULL),
  ('121', 'Indemnification adjustment offsetting outstanding member responsibility', 'other', false, false, false, '1995-01-01', NULL),
  ('123', 'Payer refund of an overpayment', 'other', false, false, false, '1995-01-01', '2007-06-30'),
  ('124', 'Payer refund: not our patient', 'other', false, false, false, '1995-01-01', '2007-06-30'),
  ('130', 'Fee charged for submitting the claim', 'other', false, false, false, '1997-02-28', NULL),
  ('132', 'Adjustment under a prearranged demonstration project', 'other', false, false, false, '1997-02-28', NULL),
  ('133', 'Service line pending further review; will be reversed and corrected when final', 'other', false, false, false, '2014-07-01', NULL),
  ('134', 'Technical fees taken out of the charges', 'other', false, false, false, '1998-10-31', NULL),
  ('137', 'Regulatory surcharge, assessment, allowance or health-related tax', 'other', false, false, false, '1999-02-28', NULL),
  ('138', 'Appeal procedures or time limits not met (replaced by 285 and 286)', 'other', true, false, false, '1999-06-30', '2019-03-01'),
  ('143', 'Part of the payment has been deferred', 'other', false, false, false, '2001-02-28', NULL),
  ('144', 'Incentive adjustment, e.g. for a preferred product or service', 'other', false, false, false, '2001-06-30', NULL),
  ('155', 'Patient refused the service or procedure', 'other', true, false, false, '2003-06-30', NULL),
  ('161', 'Provider performance bonus', 'other', false, false, false, '2004-02-29', NULL),
  ('162', 'State-mandated property and casualty requirement (replaced by P1)', 'other', true, false, false, '2004-02-29', '2014-07-01'),
  ('192', 'Non-standard adjustment code carried over from a paper remittance', 'other', false, false, false, '2005-10-31', NULL),
  ('193', 'Original payment decision upheld on review', 'other', false, false, false, '2006-02-28', NULL),
  ('205', 'Pharmacy discount card processing fee', 'other', false, false, false, '2007-07-09', NULL),
  ('213', 'Violates physician self-referral law or payer policy', 'other', true, false, true, '2008-01-27', NULL),
  ('219', 'Adjusted based on the extent of the injury', 'other', true, false, true, '2008-01-27', NULL),
  ('221', 'Claim under investigation, property and casualty (replaced by P8)', 'other', true, false, false, '2008-01-27', '2014-07-01'),
  ('223', 'Adjustment mandated by law or regulation with no more specific code', 'other', false, false, false, '2008-06-01', NULL),
  ('225', 'Penalty or interest paid by the payer (plan-to-plan encounter reporting)', 'other', false, false, false, '2008-06-01', NULL),
  ('235', 'Sales tax', 'other', false, false, false, '2010-06-06', NULL),
  ('237', 'Penalty imposed by law or regulation (remark code gives the program)', 'other', false, false, false, '2011-06-05', NULL),
  ('244', 'Payment cut to zero pending litigation, property and casualty (replaced by P10)', 'other', true, false, false, '2012-09-30', '2014-07-01'),
  ('246', 'Reporting-only code with no payment', 'other', false, false, false, '2012-09-30', NULL),
  ('255', 'Related property and casualty claim pending in litigation (replaced by P11)', 'other', false, false, false, '2013-06-02', '2014-07-01'),
  ('259', 'Additional payment for dental or vision service use', 'other', false, false, false, '2014-01-26', NULL),
  ('262', 'Pharmacy delivery cost adjustment', 'other', false, false, false, '2014-11-01', NULL),
  ('263', 'Pharmacy shipping cost adjustment', 'other', false, false, false, '2014-11-01', NULL),
  ('264', 'Pharmacy postage cost adjustment', 'other', false, false, false, '2014-11-01', NULL),
  ('265', 'Pharmacy administrative cost adjustment', 'other', false, false, false, '2014-11-01', NULL),
  ('266', 'Pharmacy compounding cost adjustment', 'other', false, false, false, '2014-11-01', NULL),
  ('285', 'Appeal procedures were not followed', 'other', true, false, false, '2017-11-01', NULL),
  ('293', 'Payment went to the employer', 'other', false, false, false, '2018-11-01', NULL),
  ('294', 'Payment went to an attorney', 'other', false, false, false, '2018-11-01', NULL),
  ('295', 'Pharmacy direct or indirect remuneration (DIR)', 'other', false, false, false, '2018-11-01', NULL),
  ('307', 'Medicare negotiated drug maximum fair price refund adjustment', 'other', false, false, false, '2025-03-01', NULL),
  ('A0', 'Amount refunded to the patient', 'other', false, false, false, '1995-01-01', NULL),
  ('A1', 'Claim or service denied (generic; remark code gives the reason)', 'other', true, false, true, '1995-01-01', NULL),
  ('A4', 'Medicare PPS capital day outlier amount', 'other', false, false, false, '1995-01-01', '2008-04-01'),
  ('A5', 'Medicare PPS capital cost outlier amount', 'other', false, false, false, '1995-01-01', NULL),
  ('A7', 'Presumptive payment adjustment', 'other', false, false, false, '1995-01-01', '2015-07-01'),
  ('B2', 'Covered visits', 'other', false, false, false, '1995-01-01', '2003-10-16'),
  ('B3', 'Covered charges', 'other', false, false, false, '1995-01-01', '2003-10-16'),
  ('B20', 'Service partly or fully furnished by another provider', 'other', true, false, true, '1995-01-01', NULL),
  ('B21', 'Reduced because another physician furnished part of the care', 'other', true, false, true, '1995-01-01', '2003-10-16'),
  ('D13', 'Performed by a facility in which the ordering physician has a financial interest', 'other', true, false, true, '1995-01-01', '2003-10-16'),
  ('D22', 'Workers'' compensation adjustment explained in separate correspondence', 'other', false, false, false, '2008-01-27', '2009-01-01'),
  ('P1', 'State-mandated property and casualty requirement (remark code explains)', 'other', true, false, false, '2013-11-01', NULL),
  ('P8', 'Claim is under investigation, property and casualty', 'other', true, false, false, '2013-11-01', NULL),
  ('P10', 'Payment cut to zero pending litigation, property and casualty', 'other', true, false, false, '2013-11-01', NULL),
  ('P11', 'Related property and casualty claim is pending in litigation', 'other', false, false, false, '2013-11-01', NULL),
  ('P13', 'Reduced or denied under workers'' compensation regulations or payment policy', 'other', true, false, true, '2013-11-01', NULL),
  ('P21', 'Denied under medical payments (MPC) or personal injury protection (PIP) rules', 'other', true, false, true, '2013-11-01', NULL),
  ('P27', 'Denied under liability coverage regulations or payment policy', 'other', true, false, true, '2016-07-01', NULL),
  ('W2', 'Reduced or denied under workers'' compensation rules (replaced by P13)', 'other', true, false, true, '2010-10-17', '2014-07-01'),
  ('Y1', 'Denied under medical payments or PIP rules (replaced by P21)', 'other', true, false, true, '2012-09-30', '2014-07-01');

-- A trusted extension's objects belong to the bootstrap superuser, so the
-- reference data must be granted: everyone reads it (carc_category and
-- is_denial read the view as the calling user), and the database owner
-- keeps the practice's own codes in carc_local.  The shipped rows stay
-- read-only for everyone but the superuser.
GRANT SELECT ON carc_shipped, carc_local, carc, carc_group, rarc TO PUBLIC;
GRANT INSERT, UPDATE, DELETE ON carc_local TO pg_database_owner;

-- carc_category and is_denial keep the reference in memory until it
-- changes: a change to either table sends an invalidation that makes every
-- session read it again (see src/carc.c).
CREATE FUNCTION carc_reference_changed() RETURNS trigger
    AS 'MODULE_PATHNAME' LANGUAGE C VOLATILE PARALLEL UNSAFE;  -- runs inside writes only
COMMENT ON FUNCTION carc_reference_changed() IS
    'trigger on carc_local and carc_shipped: tells the carc_category and is_denial caches of every session that the reference changed';
CREATE TRIGGER carc_local_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON carc_local
    FOR EACH STATEMENT EXECUTE FUNCTION carc_reference_changed();
CREATE TRIGGER carc_shipped_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON carc_shipped
    FOR EACH STATEMENT EXECUTE FUNCTION carc_reference_changed();

-- (end of section)
