\echo
\echo '== Payer scorecard, 2025 dates of service'
SELECT p.name AS payer, count(DISTINCT claim_id) AS claims, count(*) AS lines,
       sum(billed) AS billed, sum(allowed) AS allowed,
       -- what the payer allowed against what Medicare would have, line by line, from CMS's tables
       round(100.0 * sum(allowed) FILTER (WHERE NOT denied AND m.amount > 0)
             / nullif(sum(m.amount) FILTER (WHERE NOT denied AND m.amount > 0), 0), 1) AS yield_vs_medicare_pct,
       round(100.0 * count(*) FILTER (WHERE denied) / count(*), 1) AS denial_rate_pct,
       round(avg(remit_date - received_date), 1) AS avg_days_to_pay
FROM demo.priced JOIN demo.payers p USING (payer_id)
CROSS JOIN LATERAL (SELECT medicare_allowed(code, ARRAY[modifier1, modifier2], extract(year FROM service_date)::int,
                                            '0310200', facility, units, procedure_rank) AS amount) AS m
WHERE remit_date IS NOT NULL
GROUP BY p.name ORDER BY sum(allowed) DESC;
