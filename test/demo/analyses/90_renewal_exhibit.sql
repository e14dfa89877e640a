\echo
\echo '== Fee schedule versions by date of service: 2025 lines priced by each version (demo.payer_contracts.valid @> service_date)'
SELECT p.name AS payer, k.contract_id, k.valid, count(*) AS lines, sum(l.expected) AS expected
FROM demo.priced l JOIN demo.payer_contracts k USING (contract_id) JOIN demo.payers p ON p.payer_id = k.payer_id
WHERE l.payer_id IN (2, 4)
GROUP BY p.name, k.contract_id, k.valid ORDER BY p.name, k.valid;

\echo
\echo '== Renewal exhibit: Blue Meridian''s proposed schedule against the one in effect, priced on last year''s volume'
-- The proposal (what the payer sent, in cents): office visits -2%, advanced imaging
-- +4%, therapy 97140 down to 60% of billed, the visit-complexity add-on
-- G2211 added, the default for codes with no entry 130% of Medicare.  rate_schedule_diff lists what changed;
-- each changed code is repriced on last year's adjudicated, not denied
-- lines of the payer, at the current and at the proposed rates.  Policy
-- changes (code NULL) are priced on the lines of codes with no entry of
-- their own, which those policies price.
WITH current AS (
    SELECT schedule FROM demo.payer_contracts WHERE payer_id = 3 AND valid @> :'as_of'::date),
proposed AS (
    SELECT rate_schedule_scale(rate_schedule_scale(schedule, -2, ARRAY['99202','99203','99204','99205','99211','99212','99213','99214','99215'], 2),
                               4, ARRAY['70450','70553','72148','73721','74177'], 2)
           || 'default: 130% medicare; 97140: 60% billed; G2211: 16.05'::rate_schedule AS schedule
    FROM current),
changes AS (
    SELECT d.* FROM current c, proposed p, rate_schedule_diff(c.schedule, p.schedule) AS d),
last_year AS (
    SELECT l.*, expected_allowed(c.schedule, l.code, ARRAY[l.modifier1, l.modifier2, l.modifier3, l.modifier4], l.units, l.billed,
                                 l.medicare, l.procedure_rank, l.facility) AS at_current,
           expected_allowed(p.schedule, l.code, ARRAY[l.modifier1, l.modifier2, l.modifier3, l.modifier4], l.units, l.billed,
                            l.medicare, l.procedure_rank, l.facility) AS at_proposed,
           CASE WHEN '26' IN (l.modifier1, l.modifier2, l.modifier3, l.modifier4) THEN '26'
                WHEN 'TC' IN (l.modifier1, l.modifier2, l.modifier3, l.modifier4) THEN 'TC' END AS component
    FROM demo.priced l, current c, proposed p
    WHERE l.payer_id = 3 AND NOT coalesce(l.denied, true)
      AND l.service_date >= date_trunc('year', :'as_of'::date) - interval '1 year'
      AND l.service_date < date_trunc('year', :'as_of'::date)),
by_code AS (          -- a professional or technical component apart: its own entry
    SELECT code, component, count(*) AS lines, sum(units) AS units,
           sum(at_current) AS at_current, sum(at_proposed) AS at_proposed
    FROM last_year GROUP BY code, component),
policy_lines AS (      -- lines no entry of either schedule prices
    SELECT * FROM by_code b
    WHERE NOT EXISTS (SELECT 1 FROM current c, rate_schedule_entries(c.schedule) e WHERE e.code = b.code)
      AND NOT EXISTS (SELECT 1 FROM proposed p, rate_schedule_entries(p.schedule) e WHERE e.code = b.code)),
exhibit AS (
    SELECT CASE WHEN ch.code IS NULL THEN ch.setting
                ELSE ch.code || coalesce('-' || ch.modifier, '') || coalesce('@' || ch.setting, '') END AS code_or_policy,
           ch.change,
           ch.old_rule AS current_rule, ch.new_rule AS proposed_rule,
           coalesce(b.lines, pl.lines, 0) AS lines_last_year,
           coalesce(b.at_current, pl.at_current, 0) AS at_current,
           coalesce(b.at_proposed, pl.at_proposed, 0) AS at_proposed,
           coalesce(b.at_proposed, pl.at_proposed, 0) - coalesce(b.at_current, pl.at_current, 0) AS impact
    FROM changes ch
    LEFT JOIN by_code b ON b.code = ch.code AND b.component IS NOT DISTINCT FROM ch.modifier AND ch.setting IS NULL
    LEFT JOIN LATERAL (SELECT count(*) AS lines, sum(at_current) AS at_current, sum(at_proposed) AS at_proposed
                       FROM policy_lines WHERE ch.code IS NULL AND ch.setting = 'default') AS pl ON ch.code IS NULL),
total AS (
    SELECT 'all lines' AS code_or_policy, NULL AS change, NULL AS current_rule, NULL AS proposed_rule,
           count(*) AS lines_last_year, sum(at_current) AS at_current, sum(at_proposed) AS at_proposed,
           sum(at_proposed) - sum(at_current) AS impact
    FROM last_year)
SELECT * FROM (SELECT * FROM exhibit UNION ALL SELECT * FROM total) AS t
ORDER BY code_or_policy = 'all lines', abs(impact) DESC, code_or_policy;
