-- rate_schedule_diff: one row per entry or policy that differs, in
-- canonical order (policies first, code NULL, the policy's key in setting).

-- Every change kind for entries: changed amount, changed method, added and
-- removed codes, modifier and setting entries added, removed and changed,
-- unchanged entries (no row).
SELECT * FROM rate_schedule_diff(
    '99213: 92.50; 99214: 130.00; 27447: 140% medicare; 71046-26: 12.00; 71046-TC: 20.00; 99213@facility: 70.00; 97110: 65% billed; 99211: 20.00; 99212@nonfacility: 50.00; 20610-RT: 80.00',
    '99213: 95.00; 99214: 130.00; 27447: 1800.00/case; 71046-26: 12.00; 71046-TC: 22.00; 99214-25: 140.00; 99215: 180.00; 97110: 65% billed; 99212@nonfacility: 55.00; 99213@nonfacility: 90.00');

-- Every change kind for policies: default changed, mppr added, a modifier
-- override changed, another removed, another added, lesser_of removed.
SELECT * FROM rate_schedule_diff(
    'default: 125% medicare; modifier 80: 20%; modifier 62: 60%; lesser_of: none; 99213: 92.50',
    'default: 130% medicare; mppr: 100 50 25; modifier 80: 18%; modifier AS: 10%; 99213: 92.50');
-- A policy stated only in the new schedule, equal to the built-in, is still
-- reported (stated, not inferred); removing the default is reported.
SELECT * FROM rate_schedule_diff('default: 100% medicare', 'mppr: 100 50 50 50 50');

-- Equal schedules, and schedules that print alike: no rows.
SELECT count(*) FROM rate_schedule_diff('99213: 92.50; mppr: 100 50', '99213: 92.5; mppr: 100 50.0');
SELECT count(*) FROM rate_schedule_diff('', '');
-- From and to an empty schedule.
SELECT * FROM rate_schedule_diff('', '99213: 1.00; lesser_of: billed');
SELECT * FROM rate_schedule_diff('99213: 1.00; lesser_of: billed', '');
-- Amounts with 6 decimals compare exactly.
SELECT * FROM rate_schedule_diff('J3301: 0.123456', 'J3301: 0.123457');
-- NULL in, no rows out (STRICT).
SELECT count(*) FROM rate_schedule_diff(NULL, '99213: 1.00');

-- A 5,000-code schedule against a copy with two codes raised and one code
-- added: three rows.
WITH base AS (
    SELECT (SELECT string_agg((10000 + i)::text || ': ' || (100 + i % 50) || '.00', '; ')
            FROM generate_series(1, 5000) AS i)::rate_schedule AS s)
SELECT change, count(*)
FROM base, rate_schedule_diff(s, rate_schedule_scale(s, 10, ARRAY['10001', '10002']) || '99999: 1.00'::rate_schedule)
GROUP BY change ORDER BY change;

-- A renewal proposal quoted in cents: the four-argument rate_schedule_scale
-- rounds the scaled amounts (amount and case rules) half up to `decimals`
-- places; percent rules keep 6; codes NULL scales every rate.
SELECT rate_schedule_scale('99213: 92.50; 99214: 130.00; 59400: 3200/case; 27447: 140% medicare; default: 125% medicare',
                           -2, NULL, 2) AS cents;
SELECT rate_schedule_scale('99213: 116.69; 99214: 162.34', -2, ARRAY['99213'], 2) AS listed_only,
       rate_schedule_scale('99213: 116.69', -2, NULL, 6) AS six_decimals;
SELECT rate_schedule_scale('99213: 0.125', 0, NULL, 2) AS half_cent_up,
       rate_schedule_scale('99213: 92.50', 5, NULL, 0) AS whole_units,
       rate_schedule_scale('99213: 92.50', 5, NULL, NULL) AS null_decimals;
SELECT rate_schedule_scale('99213: 92.50', 5, NULL, 7);
SELECT rate_schedule_scale('99213: 92.50', 5, NULL, -1);
SELECT rate_schedule_scale('99213: 99999999.00', 5, NULL, 2);
SELECT rate_schedule_scale('99213: 9000% medicare', 20, NULL, 2);
