-- The rate_schedule type: every grammar form, canonical output, round trips, errors.

-- Every form, written loosely: case, spaces, newlines and ';' do not matter.
SELECT $$
  99213: 92.50
  0200: 5500            ;  59400: 3200.00 / CASE
  27447: 140% Medicare; 97110: 65 %billed
  99214-25: 120.00; 71046-26: 12; 71046-tc: 30.5
  99213@FACILITY: 70.00; 99213@nonfacility: 92.5
  g0438: 175.1234; 0001u: 10
  DEFAULT: 125% medicare
  mppr: 100 50 50 50 50
  Modifier 80: 20%;  modifier as: 10.5%
  lesser_of: Billed
$$::rate_schedule;

-- Canonical output is a fixed point.
WITH t(s) AS (VALUES
    ('99213: 92.50; default: 125% medicare; mppr: 100 50 25; modifier 80: 20%; lesser_of: none'),
    (''),
    ('lesser_of: billed'),
    ('mppr: 100, 50, 25.5'),
    ('99214-25@facility: 1; 99214-25: 2; 99214@facility: 3; 99214: 4; 99214-59: 5'),
    ('j3301: 0.123456/case'))
SELECT s::rate_schedule AS canonical,
       s::rate_schedule::text::rate_schedule = s::rate_schedule AS round_trip,
       s::rate_schedule::text = s::rate_schedule::text::rate_schedule::text AS stable
FROM t;

-- Equality and grouping.
SELECT '99213: 92.5; 99214: 100'::rate_schedule = '99214: 100.00
99213: 92.50'::rate_schedule AS same_entries_any_order,
       '99213: 92.50'::rate_schedule = '99213: 92.51'::rate_schedule AS different_amount,
       'lesser_of: billed'::rate_schedule = ''::rate_schedule AS stated_default_differs;
SELECT count(*) FROM (SELECT s FROM (VALUES ('99213: 1'::rate_schedule), ('99213: 1.00'), ('99213: 2')) AS t(s) GROUP BY s) AS g;

-- rate_schedule_entries: one row per entry, for BI tools.
SELECT * FROM rate_schedule_entries('99213: 92.50; 99213@facility: 70; 99214-25: 120; 59400: 3200/case; 27447: 140% medicare; 97110: 65.5% billed; j3301: 0.1234; default: 100% medicare');
SELECT count(*) FROM rate_schedule_entries('default: 100% medicare');

-- jsonb: keyed like the text form; fixed amounts as numbers.
SELECT '99213: 92.50; 59400: 3200/case; 27447: 140% medicare; default: 125% medicare; mppr: 100 50 25; modifier 80: 20%; lesser_of: none'::rate_schedule::jsonb;
SELECT '{"99213": 92.5, "27447": "140% medicare", "mppr": "100 50", "modifier 80": "20%", "default": null}'::jsonb::rate_schedule;
SELECT '{"mppr": [100, 50, 25]}'::jsonb::rate_schedule;
SELECT s::jsonb::rate_schedule = s AS jsonb_round_trip
FROM (VALUES ('99213: 92.50; 99213@facility: 70; 99214-25: 120; 59400: 3200/case; 27447: 140% medicare; 97110: 65% billed; default: 100% medicare; mppr: 100 50 25; modifier 80: 20%; lesser_of: billed'::rate_schedule)) AS t(s);
SELECT '[]'::jsonb::rate_schedule;
SELECT '{"99213": "ninety"}'::jsonb::rate_schedule;

-- Merge: the right side's entries and stated policies win.
SELECT '99213: 92.50; 99214: 130; default: 125% medicare; mppr: 100 50 50; modifier 80: 20%; modifier 50: 140%'::rate_schedule
    || '99213: 95.00; 99215: 180; mppr: 100 50 25; modifier 50: 150%; lesser_of: none'::rate_schedule AS merged;
SELECT '99213: 92.50; default: 125% medicare'::rate_schedule || ''::rate_schedule = '99213: 92.50; default: 125% medicare'::rate_schedule AS empty_right_is_identity,
       ''::rate_schedule || '99213: 92.50'::rate_schedule = '99213: 92.50'::rate_schedule AS empty_left_is_identity;

-- Scale: the what-if of a rate change.
SELECT rate_schedule_scale('99213: 92.50; 99214: 130.00; 59400: 3200/case; 27447: 140% medicare; default: 125% medicare', 5) AS all_rates;
SELECT rate_schedule_scale('99213: 92.50; 99213@facility: 70; 99214: 130.00; default: 125% medicare', 3.5, ARRAY['99213', NULL, 'g0438']) AS listed_codes;
SELECT rate_schedule_scale('99213: 92.50', -10) AS cut, rate_schedule_scale('99213: 92.50', 0) AS unchanged,
       rate_schedule_scale('99213: 0.01', 50) AS half_cent_rounds_up, rate_schedule_scale('99213: 92.50', NULL) AS null_percent;
SELECT rate_schedule_scale('99213: 92.50', -100.01);
SELECT rate_schedule_scale('99213: 99999999.00', 5);

-- rate_schedule_agg: build a schedule from rows.
CREATE TABLE fee_rows (payer text, code text, rule text, amount numeric);
INSERT INTO fee_rows VALUES
    ('acme', '99213', '92.50', 92.50), ('acme', '99214-25', '120', 120), ('acme', '99213@facility', '70', 70),
    ('acme', '27447', '140% medicare', NULL), ('acme', NULL, '1', 1), ('acme', '99215', NULL, NULL),
    ('blue', '99213', '88', 88), ('blue', 'j3301', '0.1234', 0.1234);
SELECT payer, rate_schedule_agg(code, rule) FROM fee_rows GROUP BY payer ORDER BY payer;
SELECT payer, rate_schedule_agg(code, amount) FROM fee_rows GROUP BY payer ORDER BY payer;
SELECT rate_schedule_agg(code, rule) FROM fee_rows WHERE false;
SELECT rate_schedule_agg(code::text, (50 + i % 100)::numeric) = rate_schedule_agg(code::text, (50 + i % 100)::numeric ORDER BY i DESC) AS order_free,
       (SELECT count(*) FROM rate_schedule_entries(rate_schedule_agg(code::text, 1::numeric))) AS entries
FROM generate_series(1, 5000) AS i, LATERAL (SELECT 10000 + i AS code) AS c;
INSERT INTO fee_rows VALUES ('acme', '99213', '95', 95);
SELECT rate_schedule_agg(code, rule) FROM fee_rows WHERE payer = 'acme';
SELECT rate_schedule_agg(code, rule) FROM (VALUES ('99213', 'ninety')) AS t(code, rule);
SELECT rate_schedule_agg(code, rule) FROM (VALUES ('default', '100% medicare')) AS t(code, rule);

-- Every input error: SQLSTATE 22P02 (22003 out of range, 54000 limits).
\set VERBOSITY default
SELECT 'payer: Acme'::rate_schedule;
SELECT 'defualt: 100% medicare'::rate_schedule;
SELECT '99: 10'::rate_schedule;
SELECT '99213A12: 10'::rate_schedule;
SELECT '992.3: 10'::rate_schedule;
SELECT '99213-2: 10'::rate_schedule;
SELECT '99213-255: 10'::rate_schedule;
SELECT '99213@office: 10'::rate_schedule;
SELECT '99213@facility-25: 10'::rate_schedule;
SELECT '99213: 10; 99213: 11'::rate_schedule;
SELECT '99213-25: 10; 99213-25: 11'::rate_schedule;
SELECT 'default: 100% medicare; default: 90% medicare'::rate_schedule;
SELECT 'mppr: 100 50; mppr: 100'::rate_schedule;
SELECT 'modifier 80: 20%; modifier 80: 25%'::rate_schedule;
SELECT '99213: -10'::rate_schedule;
SELECT '99213: ten dollars'::rate_schedule;
SELECT '99213: $92.50'::rate_schedule;
SELECT '99213: 1.1234567'::rate_schedule;
SELECT '99213: 100000000.01'::rate_schedule;
SELECT '99213: '::rate_schedule;
SELECT '99213: 50%'::rate_schedule;
SELECT '99213: 50% allowed'::rate_schedule;
SELECT '99213: fifty% medicare'::rate_schedule;
SELECT '99213: -5% medicare'::rate_schedule;
SELECT '99213: 10001% billed'::rate_schedule;
SELECT '99213: 100/visit'::rate_schedule;
SELECT 'mppr: 100 fifty'::rate_schedule;
SELECT 'mppr: 100 150'::rate_schedule;
SELECT 'mppr: '::rate_schedule;
SELECT 'mppr: 100 50 50 50 50 50 50 50 50 50 50 50 50 50 50 50 50 50 50 50 50'::rate_schedule;
SELECT 'modifier 8: 20%'::rate_schedule;
SELECT 'modifier 80: twenty'::rate_schedule;
SELECT 'lesser_of: allowed'::rate_schedule;
SELECT '99213 92.50'::rate_schedule;
SELECT 'default: 100'::rate_schedule;
-- the limit on entries: 1,000,000 (54000 beyond)
SELECT count(*) FROM rate_schedule_entries((SELECT string_agg(i::text || ': 1', ';') FROM generate_series(100000, 1099999) AS i)::rate_schedule);
SELECT (SELECT string_agg(i::text || ': 1', ';') FROM generate_series(100000, 1100000) AS i)::rate_schedule;
-- the SQLSTATEs
DO $$
DECLARE
    inputs text[] := ARRAY['payer: x', '99213: 1; 99213: 2', '99213: -1', '99213: 100000000.01',
                           '99213: 50%', 'mppr: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21'];
    s text;
BEGIN
    FOREACH s IN ARRAY inputs LOOP
        BEGIN
            PERFORM s::rate_schedule;
            RAISE NOTICE '% accepted', s;
        EXCEPTION WHEN OTHERS THEN
            RAISE NOTICE '% -> %', s, SQLSTATE;
        END;
    END LOOP;
END $$;
