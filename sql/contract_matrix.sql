-- The contract matrix's keys and functions (issue 14): termination,
-- continuity_of_care, policy_notice, credentialing, auth_decision,
-- auth_decision_urgent, auth_required, offset, escalation.
SET TimeZone = 'America/New_York';

SELECT 'payer: Acme; termination: 90 days; continuity_of_care: 90 days; policy_notice: 60 days;
        credentialing: 90 days; auth_decision: 72 hours; auth_decision_urgent: 24 hours;
        auth_required: 72141, 70450-70559, j0129; offset: not_in_dispute;
        escalation: ''Provider rep (1 week), then network VP; then the state DOI: complaint''
        ; filing: 90 days'::contract AS m
\gset

-- Canonical text: keys beside their kin, codes upper-cased and sorted.
SELECT :'m'::contract;
SELECT * FROM contract_terms(:'m');
SELECT :'m'::contract::jsonb;
SELECT :'m'::contract::jsonb::contract = :'m'::contract AS jsonb_round_trip,
       :'m'::contract::text::contract = :'m'::contract AS text_round_trip;
-- Binary round trip (COPY ... FORMAT binary) with every new key.
CREATE TEMP TABLE matrix_out (c contract);
INSERT INTO matrix_out VALUES (:'m'), ('auth_required: none; offset: prohibited'),
    ('auth_required: 99201-99205; offset: allowed; auth_decision: 3 business days; escalation: plain text');
\copy matrix_out TO '/tmp/contracts_ext_contract_matrix.bin' WITH (FORMAT binary)
CREATE TEMP TABLE matrix_in (c contract);
\copy matrix_in FROM '/tmp/contracts_ext_contract_matrix.bin' WITH (FORMAT binary)
SELECT count(*) AS rows_back, count(*) FILTER (WHERE c IN (SELECT c FROM matrix_out)) AS equal
FROM matrix_in;
SELECT c FROM matrix_in ORDER BY c::text;

-- Code lists: "none", duplicates, case, spacing.
SELECT 'auth_required: NONE'::contract, 'auth_required: none'::contract::jsonb;
SELECT '{"auth_required": "none"}'::jsonb::contract, '{"auth_required": ["J0129", "70450-70559"]}'::jsonb::contract;
SELECT 'auth_required: 72141, 72141 , 70450 - 70559, 70450-70559'::contract;
-- Overlapping ranges of one length merge; shorter codes sort first.
SELECT 'auth_required: 70450-70500, 70490-70559, 70400-70460, 70470, J0129, 0360-0369, 0365'::contract;
SELECT 'auth_required: 70400-70559'::contract
     = 'auth_required: 70450-70500, 70490-70559, 70400-70460, 70470'::contract AS merged_equal;

-- requires_auth: ranges at their bounds, codes of another length than the
-- range, case and spaces, codes that are not codes; NULL without the term,
-- false for everything with "none".
SELECT code, requires_auth(:'m', code) AS m,
       requires_auth('auth_required: none', code) AS none,
       requires_auth('filing: 90 days', code) AS unstated
FROM unnest(ARRAY['70450', '70559', '70449', '70560', '70500', '7045', '704500', '70450A',
                  'j0129', ' 72141 ', 'J0128', '99213', '', 'abc', '70-450']) AS code;
-- Ranges of 4-character revenue codes and of HCPCS codes.
SELECT code, requires_auth('auth_required: 0360-0369, G0101-G0199', code)
FROM unnest(ARRAY['0360', '0369', '0370', '36', '03600', 'G0101', 'G0199', 'G0200', 'F0150']) AS code;

-- offset_allowed
SELECT o, offset_allowed(('offset: ' || o)::contract, true) AS in_dispute,
       offset_allowed(('offset: ' || o)::contract, false) AS not_in_dispute
FROM unnest(ARRAY['allowed', 'not_in_dispute', 'prohibited']) AS o;
SELECT offset_allowed('filing: 90 days', true);

-- Dates: termination, continuity of care, policy notice, credentialing.
SELECT termination_date(:'m', '2025-01-15') AS terminates,                  -- 2025-04-15
       continuity_end(:'m', termination_date(:'m', '2025-01-15')) AS cares_until,  -- 2025-07-14
       policy_effective_earliest(:'m', '2025-03-01') AS earliest,           -- 2025-04-30
       policy_change_valid(:'m', '2025-03-01', '2025-04-29') AS too_soon,
       policy_change_valid(:'m', '2025-03-01', '2025-04-30') AS on_the_day,
       credentialing_deadline(:'m', '2025-02-10') AS decide_by;             -- 2025-05-11
SELECT termination_date('termination: 3 months', '2025-11-30'),
       credentialing_deadline('credentialing: 30 business days', '2025-11-20'),
       policy_effective_earliest('policy_notice: 0 days', '2025-03-01'),
       termination_date('termination: 90 days', 'infinity');
SELECT termination_date('filing: 90 days', '2025-01-01'), continuity_end('filing: 90 days', '2025-01-01'),
       policy_effective_earliest('filing: 90 days', '2025-01-01'),
       policy_change_valid('filing: 90 days', '2025-01-01', '2025-02-01'),
       credentialing_deadline('filing: 90 days', '2025-01-01');

-- Decision clocks: hours are elapsed hours, across the weekend; business
-- days skip it (and holidays) and keep the time of day.
SELECT auth_decision_due(:'m', '2025-01-03 10:00') AS standard_72h_from_friday,   -- Mon 10:00
       auth_decision_due(:'m', '2025-01-03 10:00', true) AS urgent_24h,           -- Sat 10:00
       auth_decision_due('auth_decision: 3 business days', '2025-01-03 10:00') AS three_business_days,  -- Wed
       auth_decision_due('auth_decision: 3 business days', '2025-01-04 10:00') AS from_saturday,        -- Wed
       auth_decision_due('auth_decision: 1 business day', '2025-12-24 16:30') AS over_christmas,       -- Fri 26th
       auth_decision_due('auth_decision: 14 days', '2025-03-07 10:00') AS days_across_dst,            -- 10:00 EDT
       auth_decision_due('auth_decision: 336 hours', '2025-03-07 10:00') AS hours_across_dst;         -- 11:00 EDT
SELECT auth_decision_due('auth_decision: 72 hours', '2025-01-03 10:00', true) AS no_urgent_clock,
       auth_decision_due('filing: 90 days', '2025-01-03 10:00') AS no_clock,
       auth_decision_due(:'m', 'infinity') AS infinite;

-- Errors, one per new message.
SELECT 'auth_required: 70450-70559, , 72141'::contract;
SELECT 'auth_required: none, 72141'::contract;
SELECT 'auth_required: 99'::contract;
-- Same length, compared as text: accepted.
SELECT 'auth_required: 7045A-70559'::contract;
SELECT 'auth_required: 0360-70559'::contract;
SELECT 'auth_required: 70559-70450'::contract;
SELECT 'auth_required: 70450-'::contract;
-- At most 10,000 codes and ranges: 10,000 is fine, 10,001 is over the limit (54000).
SELECT requires_auth(('auth_required: ' || string_agg((10000 + g)::text, ', '))::contract, '20000')
FROM generate_series(1, 10000) AS g;
DO $$
BEGIN
    PERFORM (SELECT ('auth_required: ' || string_agg((10000 + g)::text, ', '))::contract
             FROM generate_series(1, 10001) AS g);
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE '%: %', SQLSTATE, left(SQLERRM, 60);
END $$;
SELECT 'offset: sometimes'::contract;
SELECT 'escalation: '''''::contract;
SELECT 'termination: 48 hours'::contract;
SELECT 'credentialing: 2 hours'::contract;
SELECT 'auth_decision: 72 minutes'::contract;
SELECT 'auth_decision: -1 hours'::contract;
SELECT 'auth_decision: 365001 hours'::contract;
SELECT 'offset: allowed; OFFSET: prohibited'::contract;
SELECT '{"auth_required": ["70450-70559, 72141"]}'::jsonb::contract;
