-- The benchmarks: each hot function against what a user would write instead,
-- or against the bare scan it cannot beat.  Targets are the feature issues'.

CREATE FUNCTION bench.price_plpgsql(p_contract int, p_code text, p_mod1 text, p_mod2 text, p_units numeric,
                                    p_billed numeric, p_medicare numeric, p_rank int, p_facility boolean)
RETURNS numeric LANGUAGE plpgsql STABLE AS $$
DECLARE
    f bench.fee;
    p bench.fee_policy;
    base numeric;
    factor numeric := 1;
    amount numeric;
BEGIN
    SELECT * INTO p FROM bench.fee_policy WHERE contract_id = p_contract;
    SELECT * INTO f FROM bench.fee
    WHERE contract_id = p_contract AND code = p_code
      AND (modifier IS NULL OR modifier = p_mod1)
      AND (setting IS NULL OR setting = CASE WHEN p_facility THEN 'facility' ELSE 'nonfacility' END)
    ORDER BY modifier IS NOT NULL DESC, setting IS NOT NULL DESC LIMIT 1;
    IF NOT FOUND THEN
        base := p.default_percent / 100 * p_medicare * p_units;
    ELSE
        base := CASE f.method WHEN 'amount' THEN f.rate * p_units WHEN 'case' THEN f.rate
                              WHEN 'percent_medicare' THEN f.rate / 100 * p_medicare * p_units
                              ELSE f.rate / 100 * p_billed END;
    END IF;
    IF p_mod1 IS NOT NULL AND p_mod1 IS DISTINCT FROM f.modifier THEN
        factor := factor * coalesce((SELECT percent / 100 FROM bench.fee_modifier
                                     WHERE contract_id = p_contract AND modifier = p_mod1), 1);
    END IF;
    IF p_mod2 IS NOT NULL AND p_mod2 IS DISTINCT FROM p_mod1 THEN
        factor := factor * coalesce((SELECT percent / 100 FROM bench.fee_modifier
                                     WHERE contract_id = p_contract AND modifier = p_mod2), 1);
    END IF;
    -- a 26 or TC line whose fixed rule is not written for its component and
    -- that no modifier rule adjusts is unpriced
    IF f.method IN ('amount', 'case') AND EXISTS (
           SELECT FROM unnest(ARRAY[p_mod1, p_mod2]) AS m(modifier)
           WHERE m.modifier IN ('26', 'TC') AND m.modifier IS DISTINCT FROM f.modifier
             AND NOT EXISTS (SELECT FROM bench.fee_modifier
                             WHERE contract_id = p_contract AND modifier = m.modifier)) THEN
        RETURN NULL;
    END IF;
    factor := factor * p.mppr[least(p_rank, cardinality(p.mppr))] / 100;
    amount := base * factor;
    IF p.lesser_of AND p_billed < amount THEN
        amount := p_billed;
    END IF;
    RETURN round(amount, 2);
END $$;

-- The pricing rules in plain SQL over the normalized fee table.
CREATE VIEW bench.priced_sql AS
SELECT l.line_id,
       CASE WHEN NOT x.component_unpriced
            THEN round(CASE WHEN p.lesser_of AND l.billed < x.amount THEN l.billed ELSE x.amount END, 2) END AS allowed
FROM bench.lines l
JOIN bench.fee_policy p USING (contract_id)
LEFT JOIN bench.fee f1 ON f1.contract_id = l.contract_id AND f1.code = l.code AND f1.modifier = l.modifier1
     AND f1.setting = CASE WHEN l.facility THEN 'facility' ELSE 'nonfacility' END
LEFT JOIN bench.fee f2 ON f2.contract_id = l.contract_id AND f2.code = l.code AND f2.modifier = l.modifier1
     AND f2.setting IS NULL
LEFT JOIN bench.fee f3 ON f3.contract_id = l.contract_id AND f3.code = l.code AND f3.modifier IS NULL
     AND f3.setting = CASE WHEN l.facility THEN 'facility' ELSE 'nonfacility' END
LEFT JOIN bench.fee f4 ON f4.contract_id = l.contract_id AND f4.code = l.code AND f4.modifier IS NULL
     AND f4.setting IS NULL
LEFT JOIN bench.fee_modifier m1 ON m1.contract_id = l.contract_id AND m1.modifier = l.modifier1
LEFT JOIN bench.fee_modifier m2 ON m2.contract_id = l.contract_id AND m2.modifier = l.modifier2
     AND l.modifier2 IS DISTINCT FROM l.modifier1
CROSS JOIN LATERAL (
    SELECT CASE coalesce(f1.method, f2.method, f3.method, f4.method)
               WHEN 'amount' THEN coalesce(f1.rate, f2.rate, f3.rate, f4.rate) * l.units
               WHEN 'case' THEN coalesce(f1.rate, f2.rate, f3.rate, f4.rate)
               WHEN 'percent_medicare' THEN coalesce(f1.rate, f2.rate, f3.rate, f4.rate) / 100 * l.medicare * l.units
               WHEN 'percent_billed' THEN coalesce(f1.rate, f2.rate, f3.rate, f4.rate) / 100 * l.billed
               ELSE p.default_percent / 100 * l.medicare * l.units END
           * CASE WHEN l.modifier1 = coalesce(f1.modifier, f2.modifier) THEN 1
                  ELSE coalesce(m1.percent / 100, 1) END
           * coalesce(m2.percent / 100, 1)
           * p.mppr[least(l.rank, cardinality(p.mppr))] / 100 AS amount,
           -- a 26 or TC line whose fixed rule is not written for its
           -- component and that no modifier rule adjusts is unpriced (NULL)
           coalesce(coalesce(f1.method, f2.method, f3.method, f4.method) IN ('amount', 'case')
                    AND ((l.modifier1 IN ('26', 'TC') AND l.modifier1 IS DISTINCT FROM coalesce(f1.modifier, f2.modifier)
                          AND m1.percent IS NULL)
                         OR (l.modifier2 IN ('26', 'TC') AND l.modifier2 IS DISTINCT FROM coalesce(f1.modifier, f2.modifier)
                             AND m2.percent IS NULL)), false) AS component_unpriced) AS x;

CREATE TABLE bench.pay_sample AS SELECT * FROM bench.pay WHERE pay_id <= 20000;
ANALYZE bench.pay_sample;

-- The n-th business day the usual way: a day series anti-joined to holidays.
CREATE FUNCTION bench.add_business_days_sql(d date, n int) RETURNS date
LANGUAGE sql STABLE AS $$
    SELECT g::date FROM generate_series(d + 1, d + n * 2 + 14, '1 day') AS g
    WHERE extract(isodow FROM g) < 6 AND NOT EXISTS (SELECT 1 FROM bench.holidays h WHERE h.holiday = g::date)
    ORDER BY g OFFSET n - 1 LIMIT 1 $$;

INSERT INTO bench.cases (issue, name, query, baseline, baseline_is, target) VALUES
(3, 'sum(expected_allowed) over the claim lines joined to their contract''s 10,000-entry TOASTed schedule, vs bare sum(billed) over the same join',
    'SELECT sum(expected_allowed(s.s, l.code, l.mods, l.units, l.billed, l.medicare, l.rank, l.facility)) FROM bench.lines l JOIN bench.schedules s USING (contract_id)',
    'SELECT sum(l.billed) FROM bench.lines l JOIN bench.schedules s USING (contract_id)',
    'bare scan', 'ratio <= 1.5'),
(3, 'stress case, beyond the issue: the same lines spread over all 10,000 codes of each schedule (random access to the whole index)',
    'SELECT sum(expected_allowed(s.s, l.code, l.mods, l.units, l.billed, l.medicare, l.rank, l.facility)) FROM bench.lines_spread l JOIN bench.schedules s USING (contract_id)',
    'SELECT sum(l.billed) FROM bench.lines_spread l JOIN bench.schedules s USING (contract_id)',
    'bare scan', 'report'),
(3, 'sum(expected_allowed) vs the same rules in SQL (normalized fee table, joins and CASE)',
    'SELECT sum(expected_allowed(s.s, l.code, l.mods, l.units, l.billed, l.medicare, l.rank, l.facility)) FROM bench.lines l JOIN bench.schedules s USING (contract_id)',
    'SELECT sum(allowed) FROM bench.priced_sql',
    'same answer', 'speedup >= 2'),
(3, 'expected_allowed vs the same rules as a PL/pgSQL function (first 20,000 lines)',
    'SELECT sum(expected_allowed(s.s, l.code, l.mods, l.units, l.billed, l.medicare, l.rank, l.facility)) FROM bench.lines l JOIN bench.schedules s USING (contract_id) WHERE l.line_id <= 20000',
    'SELECT sum(bench.price_plpgsql(l.contract_id, l.code, l.modifier1, l.modifier2, l.units, l.billed, l.medicare, l.rank, l.facility)) FROM bench.lines l WHERE l.line_id <= 20000',
    'same answer', 'speedup >= 2'),
(4, 'sum(interest_due) with business-day windows, vs a bare scan of the same columns',
    'SELECT sum(interest_due(c, received, paid, amount, paper)) FROM bench.pay',
    'SELECT sum(amount), max(paid - received), bool_or(paper), count(c) FROM bench.pay',
    'bare scan', 'ratio <= 1.3'),
(4, 'max(appeal_deadline) with business-day windows, vs a bare scan of the same columns',
    'SELECT max(appeal_deadline(c, notice)) FROM bench.pay',
    'SELECT max(notice), count(c) FROM bench.pay',
    'bare scan', 'ratio <= 1.3'),
(4, 'add_business_days(received, 15) vs generate_series anti-joined to a holiday table (first 20,000 rows)',
    'SELECT sum(add_business_days(received, 15) - received) FROM bench.pay_sample',
    'SELECT sum(bench.add_business_days_sql(received, 15) - received) FROM bench.pay_sample',
    'same answer', 'speedup >= 100'),
(5, 'pmpm_margin over member-month rows (terms joined per row), vs sum(cost)/sum(member_months) over the same rows',
    'SELECT pmpm_margin(k.c, m.member_months, m.cost, m.risk) FROM bench.member_months m JOIN bench.capitations k USING (cap_id)',
    'SELECT sum(m.cost) / sum(m.member_months), count(k.c) FROM bench.member_months m JOIN bench.capitations k USING (cap_id)',
    'bare scan', 'ratio <= 1.5');
INSERT INTO bench.cases (issue, name, query, baseline, baseline_is, target) VALUES
(6, 'denial dollars by carc_category, vs a bare scan of the same columns',
    'SELECT carc_category(carc), sum(amount) FROM bench.adjustments WHERE is_denial(group_code, carc) GROUP BY 1',
    'SELECT carc, sum(amount) FROM bench.adjustments WHERE group_code <> ''PR'' GROUP BY 1',
    'bare scan', 'ratio <= 1.5'),
(6, 'carc_category vs a join to the reference view',
    'SELECT carc_category(carc), sum(amount) FROM bench.adjustments GROUP BY 1',
    'SELECT coalesce(k.category, ''other''), sum(a.amount) FROM bench.adjustments a LEFT JOIN carc k ON k.code = a.carc GROUP BY 1',
    'same answer', 'speedup >= 1'),
(6, 'payment_variance vs plain sums and FILTERed counts',
    'SELECT (v).lines, (v).underpaid_lines, (v).underpaid FROM (SELECT payment_variance(expected, allowed) AS v FROM bench.lines) x',
    'SELECT count(*), count(*) FILTER (WHERE expected - coalesce(allowed, 0) >= 0.01), coalesce(round(sum(expected - coalesce(allowed, 0)) FILTER (WHERE expected - coalesce(allowed, 0) >= 0.01), 2), 0) FROM bench.lines',
    'same answer', 'report');
INSERT INTO bench.cases (issue, name, query, baseline, baseline_is, target, settings, baseline_settings) VALUES
(6, 'payment_variance with 2 parallel workers vs serial',
    'SELECT payment_variance(expected, allowed) FROM bench.lines',
    'SELECT payment_variance(expected, allowed) FROM bench.lines',
    'same answer', 'report',
    'SET max_parallel_workers_per_gather = 2; SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0', 'SET max_parallel_workers_per_gather = 0'),
(5, 'pmpm_margin with 2 parallel workers vs serial',
    'SELECT pmpm_margin(k.c, m.member_months, m.cost, m.risk) FROM bench.member_months m JOIN bench.capitations k USING (cap_id)',
    'SELECT pmpm_margin(k.c, m.member_months, m.cost, m.risk) FROM bench.member_months m JOIN bench.capitations k USING (cap_id)',
    'same answer', 'speedup >= 1.6',
    'SET max_parallel_workers_per_gather = 2; SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0', 'SET max_parallel_workers_per_gather = 0'),
(3, 'sum(expected_allowed) with 2 parallel workers vs serial',
    'SELECT sum(expected_allowed(s.s, l.code, l.mods, l.units, l.billed, l.medicare, l.rank, l.facility)) FROM bench.lines l JOIN bench.schedules s USING (contract_id)',
    'SELECT sum(expected_allowed(s.s, l.code, l.mods, l.units, l.billed, l.medicare, l.rank, l.facility)) FROM bench.lines l JOIN bench.schedules s USING (contract_id)',
    'same answer', 'report',
    'SET max_parallel_workers_per_gather = 2; SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0', 'SET max_parallel_workers_per_gather = 0');
