-- expected_allowed: every pricing rule, with hand-checked amounts.

CREATE TABLE sched (name text PRIMARY KEY, s rate_schedule);
INSERT INTO sched VALUES
  ('acme', '99213: 92.50; 99213@facility: 70.00; 99214: 130.00; 99214-25: 120.00; 0200: 5500.00;
            59400: 3200.00/case; 27447: 140% medicare; 97110: 65% billed; 71046-26: 12.00; 71046-TC: 30.00;
            27130: 1500.00; 27130-50@facility: 2000.00; 29881: 800.00; j1100: 0.41;
            default: 125% medicare'),
  ('nodefault', '99213: 88.00; 27130: 1400.00; mppr: 100 50 25; modifier 80: 20%; lesser_of: none');

-- 1. Match order: code+modifier+setting, code+modifier, code+setting, code, default.
SELECT label, expected_allowed(s, code, mods, facility => fac) AS allowed,
       expected_allowed_explain(s, code, mods, facility => fac) ->> 'match' AS matched,
       expected_allowed_explain(s, code, mods, facility => fac) ->> 'selector' AS selector
FROM sched, (VALUES
    ('code',                         '99213', '{}'::text[], false),
    ('code and setting',             '99213', '{}', true),
    ('code and modifier',            '99214', '{25}', false),
    ('modifier wins over setting',   '99214', '{25}', true),
    ('first modifier in order',      '99214', '{59,25}', false),
    ('code, modifier and setting',   '27130', '{50}', true),
    ('modifier entry, other setting','27130', '{50}', false),
    ('professional component',       '71046', '{26}', false),
    ('technical component',          '71046', '{tc}', false),
    ('lower-case code',              'j1100', '{}', false),
    ('default rule',                 '99215', '{}', false)) AS l(label, code, mods, fac)
WHERE name = 'acme';

-- 2. Base: amount x units, /case, % billed, % medicare x units.
SELECT expected_allowed(s, '0200', units => 3)                   AS per_diem_3_days,      -- 16500.00
       expected_allowed(s, '59400', units => 4)                  AS case_rate,            -- 3200.00
       expected_allowed(s, '97110', billed => 212.34)            AS pct_billed,           -- 138.02 (137.021)
       expected_allowed(s, '27447', medicare => 1234.56)         AS pct_medicare,         -- 1728.38 (1728.384)
       expected_allowed(s, '99215', medicare => 100.00, units => 2) AS default_x_units,   -- 250.00
       expected_allowed(s, 'J1100', units => 15)                 AS sub_cent_rate,        -- 6.15
       expected_allowed(s, 'J1100', units => 0.5)                AS fractional_units      -- 0.21 (0.205)
FROM sched WHERE name = 'acme';

-- 3. Modifier adjustments: built-in 50/62/80/81/82/AS, an override, not when the entry is for the modifier.
SELECT mods, expected_allowed(s, '27130', mods) AS acme, expected_allowed(n.s2, '27130', mods) AS nodefault
FROM sched, (SELECT s AS s2 FROM sched WHERE name = 'nodefault') AS n,
     (VALUES ('{}'::text[]), ('{50}'), ('{62}'), ('{80}'), ('{81}'), ('{82}'), ('{AS}'), ('{LT}'),
             ('{50,80}'), ('{NULL,"",50}'), ('{" 50"}')) AS m(mods)
WHERE name = 'acme';
SELECT expected_allowed(s, '27130', '{50}', facility => true) AS entry_for_50_not_adjusted  -- 2000.00
FROM sched WHERE name = 'acme';

-- 4. Multiple procedure reduction by rank; ranks past the list use its last value.
SELECT r AS rank, expected_allowed(a.s, '29881', procedure_rank => r) AS acme_default_mppr,
       expected_allowed(n.s, '27130', procedure_rank => r) AS nodefault_100_50_25
FROM sched a, sched n, generate_series(1, 7) AS r
WHERE a.name = 'acme' AND n.name = 'nodefault';

-- 5. Lesser of billed (the default), and lesser_of: none.
SELECT expected_allowed(a.s, '99213', billed => 80.00) AS acme_billed_below,     -- 80.00
       expected_allowed(a.s, '99213', billed => 100.00) AS acme_billed_above,    -- 92.50
       expected_allowed(a.s, '99213', billed => NULL) AS acme_billed_unknown,    -- 92.50
       expected_allowed(n.s, '99213', billed => 80.00) AS nodefault_no_lesser_of -- 88.00
FROM sched a, sched n WHERE a.name = 'acme' AND n.name = 'nodefault';

-- 6. Rounding: half up to cents, once, at the end.
SELECT expected_allowed('99213: 10.005', '99213') AS half_cent,                    -- 10.01
       expected_allowed('99213: 10.004999', '99213') AS under_half,                -- 10.00
       expected_allowed('99213: 33.333333', '99213', units => 3) AS once_at_end,   -- 100.00
       expected_allowed('99213: 100', '99213', '{AS}', procedure_rank => 2) AS chained; -- 6.80

-- Unpriced lines are NULL: no entry and no default, or a percent rule without its basis.
SELECT expected_allowed(n.s, '99215') IS NULL AS no_entry_no_default,
       expected_allowed(a.s, '27447') IS NULL AS medicare_unknown,
       expected_allowed(a.s, '97110') IS NULL AS billed_unknown,
       expected_allowed(a.s, '99215') IS NULL AS default_needs_medicare,
       expected_allowed(a.s, 'TOOLONGCODE') IS NULL AS not_a_code,
       expected_allowed(NULL, '99213') IS NULL AS null_schedule,
       expected_allowed(a.s, NULL) IS NULL AS null_code,
       expected_allowed(a.s, '99213', units => NULL) IS NULL AS null_units,
       expected_allowed(a.s, '99213', NULL) AS null_modifiers_means_none
FROM sched a, sched n WHERE a.name = 'acme' AND n.name = 'nodefault';

-- Zero units price to zero (negative units are an error: sql/pricing_rules.sql).
SELECT expected_allowed(s, '99213', units => 0) AS zero
FROM sched WHERE name = 'acme';

-- Explain: every step, to cite in an appeal.
SELECT jsonb_pretty(expected_allowed_explain(s, '27130', '{50,LT}', 1, 3200.00, NULL, 2, false)) FROM sched WHERE name = 'acme';
SELECT jsonb_pretty(expected_allowed_explain(s, '99213', '{}', 1, 80.00)) FROM sched WHERE name = 'acme';
SELECT jsonb_pretty(expected_allowed_explain(s, '99215')) FROM sched WHERE name = 'nodefault';
SELECT jsonb_pretty(expected_allowed_explain(s, '27447', '{50}')) FROM sched WHERE name = 'acme';

-- Errors.
SELECT expected_allowed(s, '99213', procedure_rank => 0) FROM sched WHERE name = 'acme';
SELECT expected_allowed(s, '99213', '{5}') FROM sched WHERE name = 'acme';
SELECT expected_allowed(s, '99213', '{25X}') FROM sched WHERE name = 'acme';
SELECT expected_allowed(s, '99213', (SELECT array_agg(m) FROM unnest(ARRAY['A1','A2','A3','A4','A5','A6','A7','A8','A9','B1','B2','B3','B4','B5','B6','B7','B8']) AS m)) FROM sched WHERE name = 'acme';

-- Ranking same-day procedures by fee with a window function, as the README shows.
CREATE TABLE lines (claim int, line int, code text, mods text[], billed numeric);
INSERT INTO lines VALUES (1, 1, '29881', '{}', 2500), (1, 2, '27130', '{}', 6000), (1, 3, '99213', '{25}', 200),
                         (1, 4, '27447', '{}', 9000), (2, 1, '27130', '{50}', 9000);
WITH priced AS (
    SELECT l.*, s.s, expected_allowed(s.s, l.code, l.mods, 1, l.billed, 1000.00) AS fee,
           l.code BETWEEN '10000' AND '69999' AS surgical
    FROM lines l JOIN sched s ON s.name = 'acme'),
ranked AS (
    SELECT *, CASE WHEN surgical
                   THEN row_number() OVER (PARTITION BY claim, surgical ORDER BY fee DESC, line)::int
                   ELSE 1 END AS procedure_rank
    FROM priced)
SELECT claim, line, code, mods, fee, procedure_rank,
       expected_allowed(s, code, mods, 1, billed, 1000.00, procedure_rank) AS allowed
FROM ranked ORDER BY claim, line;
