\echo
\echo '== What-if: Acme Health offers 5% more on our ten highest-revenue codes; and 3% on everything'
WITH acme AS (
    SELECT * FROM demo.priced WHERE payer_id = 2 AND NOT coalesce(denied, false)),
top_codes AS (
    SELECT array_agg(code) AS codes FROM (SELECT code FROM acme GROUP BY code ORDER BY sum(expected) DESC NULLS LAST LIMIT 10) t),
proposals(proposal, schedule_change) AS (
    VALUES ('+5% on the top 10 codes', 1), ('+3% on every rate', 2))
SELECT proposal,
       sum(a.expected) AS current_expected,
       sum(expected_allowed(CASE schedule_change WHEN 1 THEN rate_schedule_scale(a.schedule, 5, t.codes)
                                                 ELSE rate_schedule_scale(a.schedule, 3) END,
                            a.code, ARRAY[a.modifier1, a.modifier2], a.units, a.billed, a.medicare,
                            a.procedure_rank, a.facility)) AS proposed_expected,
       sum(expected_allowed(CASE schedule_change WHEN 1 THEN rate_schedule_scale(a.schedule, 5, t.codes)
                                                 ELSE rate_schedule_scale(a.schedule, 3) END,
                            a.code, ARRAY[a.modifier1, a.modifier2], a.units, a.billed, a.medicare,
                            a.procedure_rank, a.facility)) - sum(a.expected) AS change
FROM acme a CROSS JOIN top_codes t CROSS JOIN proposals
GROUP BY proposal ORDER BY proposal;
