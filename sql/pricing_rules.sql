-- Pricing rules corrected by issue 16 item 4: one assistant adjustment per
-- line, modifier 50 as one bilateral procedure, component lines without a
-- component rule unpriced, negative amounts rejected.

-- 1. AS with 80, 81 or 82: AS's 13.6% alone, not 13.6% x 16%.
SELECT mods, expected_allowed('27130: 1500.00', '27130', mods) AS allowed
FROM (VALUES ('{80}'::text[]), ('{AS}'), ('{80,AS}'), ('{AS,82}'), ('{81,as}'),
             ('{80,82}'),                                    -- two physician assistants: one 16%
             ('{50,80,AS}')) AS m(mods);                     -- 1500 x 150% x 13.6% = 306.00
-- an override of AS or 80 still applies alone
SELECT expected_allowed('27130: 1500.00; modifier AS: 10%', '27130', '{80,AS}') AS as_override,   -- 150.00
       expected_allowed('27130: 1500.00; modifier 80: 20%', '27130', '{80}') AS eighty_override,  -- 300.00
       expected_allowed('27130: 1500.00; 27130-80: 250.00', '27130', '{80,AS}') AS entry_for_80;  -- 250.00: the entry reflects the assistant
SELECT expected_allowed_explain('27130: 1500.00', '27130', '{80,AS}') -> 'adjustments' AS one_adjustment;

-- 2. Modifier 50 with units > 1 is one bilateral procedure: 150% of one unit.
SELECT units, expected_allowed('27130: 1500.00', '27130', '{50}', units => units) AS amount_rule,
       expected_allowed('default: 100% medicare', '27130', '{50}', units => units, medicare => 1000) AS pct_medicare,
       expected_allowed('27130: 1500.00', '27130', '{}', units => units) AS without_50
FROM (VALUES (0.5), (1), (2), (3)) AS u(units);
SELECT expected_allowed('27130-50: 2200.00', '27130', '{50}', units => 2) AS entry_for_50_one_unit,  -- 2200.00
       expected_allowed('27130: 1000.00/case', '27130', '{50}', units => 2) AS case_rule;          -- 1500.00
SELECT expected_allowed_explain('27130: 1500.00', '27130', '{50}', units => 2) ->> 'bilateral' AS bilateral_note,
       expected_allowed_explain('27130: 1500.00', '27130', '{50}', units => 1) ? 'bilateral' AS note_at_one_unit;

-- 3. A 26/TC line: priced by a component entry or a modifier 26/TC rule, else unpriced.
SELECT label, expected_allowed(s, '71046', mods, medicare => 25.00) AS allowed,
       expected_allowed_explain(s, '71046', mods, medicare => 25.00) ->> 'unpriced' AS unpriced
FROM (VALUES
    ('component entry',           '71046: 100.00; 71046-26: 30.00'::rate_schedule, '{26}'::text[]),
    ('no component entry (26)',   '71046: 100.00; 71046-26: 30.00', '{TC}'),
    ('global rate only (26)',     '71046: 100.00', '{26}'),
    ('global rate only (tc)',     '71046: 100.00', '{tc}'),
    ('case rate only',            '71046: 100.00/case', '{26}'),
    ('modifier 26 rule',          '71046: 100.00; modifier 26: 40%', '{26}'),
    ('default amount',            'default: 80.00', '{26}'),
    ('percent of medicare',       '71046: 120% medicare', '{26}'),
    ('default percent',           'default: 125% medicare', '{TC}'),
    ('no component modifier',     '71046: 100.00', '{59}'),
    ('both 26 and TC',            '71046-26: 30.00; 71046-TC: 70.00', '{26,TC}')) AS l(label, s, mods);

-- 4. Negative units, billed or Medicare amounts are an error (22023); zero is fine.
\set VERBOSITY default
SELECT expected_allowed('99213: 92.50', '99213', units => -1);
SELECT expected_allowed('99213: 92.50', '99213', billed => -0.01);
SELECT expected_allowed('default: 100% medicare', '99213', medicare => -50.5);
SELECT expected_allowed('default: 100% medicare', '99213', medicare => '-Infinity');
SELECT expected_allowed_explain('99213: 92.50', '99213', units => -2);
\set VERBOSITY terse
SELECT expected_allowed('99213: 92.50', '99213', units => 0) AS zero_units,
       expected_allowed('99213: 92.50', '99213', billed => 0) AS zero_billed,
       expected_allowed('default: 100% medicare', '99213', medicare => 0) AS zero_medicare,
       expected_allowed('99213: 92.50', '99213', units => -0.0) AS minus_zero;

-- 5. Rounding is half away from zero, once, as round(numeric): 0.005 -> 0.01, 0.0049999 -> 0.00.
SELECT expected_allowed('J1100: 0.001', 'J1100', units => 5) AS half_cent_up,     -- 0.01
       expected_allowed('J1100: 0.001', 'J1100', units => 4.9999) AS below_half,  -- 0.00
       round(0.005, 2) AS same_as_round;
