-- payment_variance on hand-checked data: NULLs, ties within a cent, reversals.
CREATE TABLE v (grp text, expected numeric, actual numeric);
INSERT INTO v VALUES
  ('a', 100.00, 100.00),    -- paid exactly
  ('a', 100.00, 90.00),     -- underpaid 10.00
  ('a', 100.00, 99.995),    -- within a cent: neither
  ('a', 100.00, 99.99),     -- underpaid 0.01 exactly
  ('a', 50.00, 60.00),      -- overpaid 10.00
  ('a', 50.00, 50.01),      -- overpaid 0.01
  ('a', NULL, 25.00),       -- unpriced: counted, not summed
  ('a', 80.00, NULL),       -- not paid: actual 0, underpaid 80.00
  ('b', -100.00, -100.00),  -- reversal matched
  ('b', -100.00, -80.00),   -- reversal short by 20: overpaid 20.00 (expected - actual = -20)
  ('b', 200.00, 150.00);    -- underpaid 50.00
-- a: expected 580.00, actual 499.995 -> 500.00 (rounded once); underpaid 10 + 0.01 + 80 = 90.01 (3 lines);
--    overpaid 10 + 0.01 = 10.01 (2 lines); yield 499.995 / 580 = 86.21%
-- b: expected 0.00 (-100 -100 +200), actual -30.00; yield NULL (no expected)
SELECT grp, (payment_variance(expected, actual)).* FROM v GROUP BY grp ORDER BY grp;
SELECT (payment_variance(expected, actual)).* FROM v;
SELECT payment_variance(expected, actual) IS NULL AS no_rows FROM v WHERE false;
SELECT (payment_variance(NULL::numeric, NULL::numeric)).*;
SELECT payment_variance(expected, actual) FROM v WHERE grp = 'b';
SELECT payment_variance('NaN', 1);
SELECT 'lines: 1; unpriced_lines: 0; expected: 1.5; actual: 1; underpaid_lines: 1; underpaid: 0.5; overpaid_lines: 0; overpaid: 0'::variance_state;
SELECT 'lines: 1'::variance_state;
