-- Defects found by fuzzing, random SQL and reading the code (issue 15), one
-- block each, with the error every bad input gets.
\set VERBOSITY default

-- Expanded and out-of-line arrays of modifiers are read like inline ones:
-- a PL/pgSQL text[] variable, array_append's result, a TOASTed array.
CREATE TABLE rel_lines (code text, mods text[]);
INSERT INTO rel_lines VALUES ('99213', '{25}'), ('99213', NULL);
SELECT expected_allowed('99213: 100; modifier 25: 50%', code, array_append(mods, '50'), 1, NULL, NULL, 1, false) AS appended
FROM rel_lines ORDER BY mods NULLS LAST;
DO $$
DECLARE
    mods text[] := ARRAY['25'];
    s rate_schedule := '99213: 100; modifier 25: 50%; modifier 51: 50%';
BEGIN
    mods := mods || '51'::text;
    RAISE NOTICE 'plpgsql variable: %', expected_allowed(s, '99213', mods, 1, NULL, NULL, 1, false);
END $$;
-- an array stored out of line (a TOAST pointer) and a code stored compressed
CREATE TABLE rel_toasted (mods text[], code text);
ALTER TABLE rel_toasted ALTER mods SET STORAGE external, ALTER code SET STORAGE main;
INSERT INTO rel_toasted SELECT array_append(array_fill(''::text, ARRAY[3000]), '25'), '99213';
SELECT pg_column_size(mods) > 2000 AS out_of_line,
       expected_allowed('99213: 100; modifier 25: 50%', code, mods, 1, NULL, NULL, 1, false) AS toasted
FROM rel_toasted;

-- Computed numerics of more than 18 significant digits are summed exactly.
SELECT (payment_variance(1::numeric / 7, 0)).expected AS one_seventh,
       (payment_variance(x, x / 3)).* FROM (VALUES (100::numeric), (200.01)) AS t(x);
SELECT (payment_variance(1234567890.123456789012345678::numeric, 0)).expected AS twenty_eight_digits;
SELECT (payment_variance(12345678901234567890::numeric, 0)).expected AS beyond_bigint_cents;
SELECT (payment_variance(1e40, 0)).expected AS beyond_range;
SELECT pmpm_margin('pmpm: 45'::capitation, 10::numeric / 3, 100::numeric / 7) AS computed_numerics;

-- NaN and infinities are not amounts: 22023, never a NaN or infinite result.
SELECT expected_allowed('99213: 100', '99213', NULL, 'NaN', NULL, NULL, 1, false);
SELECT expected_allowed('99213: 80% billed', '99213', NULL, 1, 'Infinity', NULL, 1, false);
SELECT expected_allowed('99213: 140% medicare', '99213', NULL, 1, NULL, '-Infinity', 1, false);
SELECT expected_allowed_explain('99213: 100', '99213', NULL, 1, 'NaN', NULL, 1, false);
SELECT payment_variance('NaN', 1);
SELECT payment_variance(1, '-Infinity');
SELECT pmpm_margin('pmpm: 45'::capitation, 'Infinity', 1);
SELECT rate_schedule_agg(c, a) FROM (VALUES ('99213', 'NaN'::numeric)) AS t(c, a);

-- rate_schedule_scale keeps the type's 6 decimals, and a numeric(12,8)
-- column feeds rate_schedule_agg.
SELECT rate_schedule_scale('J3301: 0.123456; 99213: 92.50', 10);
SELECT rate_schedule_scale('J3301: 0.123456; 99213: 92.50; default: 125% medicare', 10, ARRAY['j3301', NULL]);
SELECT rate_schedule_agg(code, amount) FROM (VALUES ('99213', 92.5::numeric(12,8)), ('J3301', 0.123456::numeric(12,8))) AS t(code, amount);
SELECT rate_schedule_agg(code, amount) FROM (VALUES ('J3301', 0.1234567::numeric(12,8))) AS t(code, amount);

-- Aggregate states: counts are whole and not negative, checked on input,
-- receive, combine and final.
SELECT 'lines: 1.0; unpriced_lines: 0; expected: 0; actual: 0; underpaid_lines: 0; underpaid: 0; overpaid_lines: 0; overpaid: 0'::variance_state;
SELECT 'lines: 1.5; unpriced_lines: 0; expected: 0; actual: 0; underpaid_lines: 0; underpaid: 0; overpaid_lines: 0; overpaid: 0'::variance_state;
SELECT 'lines: -1; unpriced_lines: 0; expected: 0; actual: 0; underpaid_lines: 0; underpaid: 0; overpaid_lines: 0; overpaid: 0'::variance_state;
SELECT 'lines: 1; unpriced_lines: 1; expected: 0; actual: 0; underpaid_lines: 1; underpaid: 0; overpaid_lines: 0; overpaid: 0'::variance_state;
SELECT 'lines: 1; unpriced_lines: 0; expected: 0; actual: 0; underpaid_lines: 0; underpaid: -5; overpaid_lines: 0; overpaid: 0'::variance_state;
SELECT 'rows: 2.5; revenue: 0; cost: 0; member_months: 0'::pmpm_state;
SELECT 'rows: -2; revenue: 0; cost: 0; member_months: 0'::pmpm_state;
SELECT payment_variance_final('lines: 2.0; unpriced_lines: 0; expected: 10; actual: 10; underpaid_lines: 0; underpaid: 0; overpaid_lines: 0; overpaid: 0');

-- Transition and combine functions called directly: a user error, not XX000.
SELECT payment_variance_sfunc(NULL, 1, 1);
SELECT payment_variance_combine('lines: 0; unpriced_lines: 0; expected: 0; actual: 0; underpaid_lines: 0; underpaid: 0; overpaid_lines: 0; overpaid: 0',
                                'lines: 0; unpriced_lines: 0; expected: 0; actual: 0; underpaid_lines: 0; underpaid: 0; overpaid_lines: 0; overpaid: 0');
SELECT pmpm_margin_sfunc(NULL, 'pmpm: 1', 1, 1);
SELECT pmpm_margin_combine(NULL, 'rows: 0; revenue: 0; cost: 0; member_months: 0');
SELECT rate_schedule_agg_rule_sfunc(NULL, '99213', '10');
SELECT rate_schedule_agg_combine('', '99213: 1');

-- The lexer's bound: at most 2^21 items in any value (54000), so its memory
-- stays bounded whatever the input.
SELECT repeat('a: 1;', 2100000)::contract;

DROP TABLE rel_lines, rel_toasted;
