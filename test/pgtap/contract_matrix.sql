-- Properties of the deadlines and the contract matrix, checked against
-- independent SQL: the calendar against interval arithmetic, next_renewal
-- against the calendar, deadline_roll against is_business_day,
-- requires_auth against a SQL reading of the code list, round trips of
-- random contracts with the new keys.
BEGIN;
SELECT plan(9);

-- Month-based contracts with notice in months or days, notice from the
-- renewal or from the term's end; the renewal dates and deadlines computed
-- with PostgreSQL's date + interval (which clamps to month end the same way).
CREATE TEMP TABLE mc AS
SELECT i, eff, term_m, renew_m, notice_n, notice_unit, from_end,
       format('effective: %s; term: %s months; renewal: %s months; notice: %s %s; notice_from: %s',
              eff, term_m, renew_m, notice_n, notice_unit,
              CASE WHEN from_end THEN 'term_end' ELSE 'renewal' END)::contract AS c
FROM generate_series(1, 120) AS i,
LATERAL (SELECT '2020-01-01'::date + (random() * 2000)::int AS eff,
                1 + (random() * 24)::int AS term_m, 1 + (random() * 12)::int AS renew_m,
                (random() * 14)::int AS notice_n,
                (ARRAY['months', 'days'])[1 + (random() * 1)::int] AS notice_unit,
                random() < 0.5 AS from_end
         WHERE i > 0) AS r;

CREATE TEMP TABLE expected_deadline AS
SELECT i, (eff + make_interval(months => term_m + k * renew_m))::date AS renewal,
       ((eff + make_interval(months => term_m + k * renew_m))::date - CASE WHEN from_end THEN 1 ELSE 0 END
        - CASE notice_unit WHEN 'months' THEN make_interval(months => notice_n)
                           ELSE make_interval(days => notice_n) END)::date AS deadline
FROM mc, generate_series(0, 200) AS k;

SELECT is((SELECT count(*) FROM (
              (SELECT i, event_date, term_end FROM mc, contract_calendar(c, '2024-01-01', '2027-12-31')
               WHERE event = 'notice_deadline')
              EXCEPT ALL
              (SELECT i, deadline, renewal FROM expected_deadline
               WHERE deadline BETWEEN '2024-01-01' AND '2027-12-31')) AS x)
          + (SELECT count(*) FROM (
              (SELECT i, deadline, renewal FROM expected_deadline
               WHERE deadline BETWEEN '2024-01-01' AND '2027-12-31')
              EXCEPT ALL
              (SELECT i, event_date, term_end FROM mc, contract_calendar(c, '2024-01-01', '2027-12-31')
               WHERE event = 'notice_deadline')) AS y),
          0::bigint, 'contract_calendar lists exactly the notice deadlines in the window, whatever renewal they belong to');

SELECT is((SELECT count(*) FROM mc, LATERAL (
              SELECT event_date, lag(event_date) OVER (ORDER BY n) AS prev
              FROM contract_calendar(c, '2024-01-01', '2027-12-31') WITH ORDINALITY AS e(event_date, event, term_end, n)) AS s
           WHERE event_date < prev), 0::bigint, 'contract_calendar rows are in date order');

SELECT is((SELECT count(*) FROM mc, generate_series(0, 9) AS j,
                LATERAL (SELECT '2023-06-01'::date + j * 97 AS as_of) AS a,
                LATERAL next_renewal(c, a.as_of) AS n
           WHERE n.renewal IS DISTINCT FROM renewal_date(c, a.as_of)
              OR n.notice_deadline IS DISTINCT FROM (SELECT deadline FROM expected_deadline e
                                                     WHERE e.i = mc.i AND e.renewal = n.renewal)
              OR n.notice_passed IS DISTINCT FROM (n.notice_deadline < a.as_of)),
          0::bigint, 'next_renewal pairs the next renewal with its own deadline and flags a passed one');

SELECT is((SELECT count(*) FROM mc, generate_series(0, 9) AS j,
                LATERAL (SELECT '2023-06-01'::date + j * 97 AS as_of) AS a
           WHERE notice_deadline(c, a.as_of) IS DISTINCT FROM
                 (SELECT min(deadline) FROM expected_deadline e WHERE e.i = mc.i AND e.deadline >= a.as_of)),
          0::bigint, 'notice_deadline is the first deadline on or after as_of');

-- deadline_roll: the rolled deadline is the first business day on or after the raw one.
CREATE TEMP TABLE rolls AS
SELECT d, n,
       filing_deadline(format('filing: %s days', n)::contract, d) AS raw,
       filing_deadline(format('filing: %s days; deadline_roll: next_business_day', n)::contract, d) AS rolled
FROM generate_series(1, 400) AS g,
LATERAL (SELECT '1950-01-01'::date + (random() * 30000)::int AS d, (random() * 400)::int AS n WHERE g > 0) AS r;
SELECT is((SELECT count(*) FROM rolls
           WHERE NOT is_business_day(rolled) OR rolled < raw
              OR EXISTS (SELECT 1 FROM generate_series(raw, rolled - 1, '1 day') AS x WHERE is_business_day(x::date))),
          0::bigint, 'deadline_roll moves a deadline to the first business day on or after it');
SELECT is((SELECT count(*) FROM rolls WHERE is_business_day(raw) AND rolled <> raw), 0::bigint,
          'deadline_roll leaves business-day deadlines alone');

-- requires_auth against a SQL reading of the list.
CREATE TEMP TABLE ranges(lo text, hi text);
INSERT INTO ranges VALUES ('70450', '70559'), ('72141', '72141'), ('J0129', 'J0135'), ('0360', '0369'),
                          ('99201', '99205'), ('G0101', 'G0101');
CREATE TEMP TABLE codes AS
SELECT DISTINCT code FROM (
    SELECT lpad((random() * 99999)::int::text, 5, '0') AS code FROM generate_series(1, 3000)
    UNION ALL SELECT lpad((random() * 999)::int::text, 4, '0') FROM generate_series(1, 500)
    UNION ALL SELECT 'J0' || (120 + (random() * 20)::int) FROM generate_series(1, 100)
    UNION ALL SELECT lo FROM ranges UNION ALL SELECT hi FROM ranges) AS s;
SELECT is((SELECT count(*) FROM codes
           WHERE requires_auth('auth_required: 99201-99205, 0360-0369, G0101, J0129-J0135, 72141, 70450-70559', code)
                 IS DISTINCT FROM EXISTS (SELECT 1 FROM ranges r WHERE length(r.lo) = length(code)
                                          AND code BETWEEN r.lo AND r.hi)),
          0::bigint, 'requires_auth matches codes of the range''s length between its bounds');

-- Random contracts with the new keys survive text, jsonb and binary-equivalent round trips.
CREATE TEMP TABLE rk AS
SELECT i, string_agg(item, '; ' ORDER BY random()) AS txt
FROM generate_series(1, 300) AS i,
LATERAL (VALUES
    ('payer: Acme ' || i),
    ('deadline_roll: ' || (ARRAY['none', 'next_business_day'])[1 + (random())::int]),
    ('notice_from: ' || (ARRAY['renewal', 'term_end'])[1 + (random())::int]),
    ('termination: ' || (random() * 180)::int || ' days'),
    ('continuity_of_care: ' || (random() * 12)::int || ' months'),
    ('policy_notice: ' || (random() * 90)::int || ' days'),
    ('credentialing: ' || (random() * 120)::int || ' business days'),
    ('auth_decision: ' || (random() * 336)::int || (ARRAY[' hours', ' days', ' business days'])[1 + (random() * 2)::int]),
    ('auth_decision_urgent: ' || (random() * 72)::int || ' hours'),
    ('auth_required: ' || (ARRAY['none', '70450-70559, 72141', 'j0129, 0360-0369, 99213'])[1 + (random() * 2)::int]),
    ('offset: ' || (ARRAY['allowed', 'not_in_dispute', 'prohibited'])[1 + (random() * 2)::int]),
    ('escalation: ''rep; then VP: ' || i || '''')) AS v(item)
WHERE random() < 0.7
GROUP BY i;
SELECT is((SELECT count(*) FROM rk
           WHERE txt::contract::text::contract <> txt::contract
              OR txt::contract::jsonb::contract <> txt::contract
              OR txt::contract::text <> txt::contract::text::contract::text),
          0::bigint, 'random contracts with the matrix keys round-trip through text and jsonb');
SELECT is((SELECT count(*) FROM (SELECT txt::contract FROM rk GROUP BY 1) AS g) = (SELECT count(DISTINCT txt::contract::text) FROM rk),
          true, 'equality and hashing agree with the canonical text');

SELECT * FROM finish();
ROLLBACK;
