\echo
\echo '== Capitation: PMPM margin by payer and month (revenue after withhold, risk-adjusted)'
SELECT p.name AS payer, to_char(m.month, 'YYYY-MM') AS month,
       sum(1) AS member_months,
       pmpm_margin(k.capitation, 1, c.cost, m.risk_score) AS pmpm_margin
FROM demo.membership m
JOIN demo.capitated_cost c USING (payer_id, member_id, month)
JOIN demo.payer_contracts k ON k.payer_id = m.payer_id AND m.month >= k.effective_from
                           AND (k.effective_to IS NULL OR m.month <= k.effective_to)
JOIN demo.payers p ON p.payer_id = m.payer_id
GROUP BY p.name, 2 ORDER BY 1, 2;

\echo
\echo '== Year-end settlement projection, 2025 (stop-loss recoveries taken off cost first)'
WITH members AS (
    SELECT c.payer_id, c.member_id, sum(c.cost) AS cost, count(*) AS months
    FROM demo.capitated_cost c GROUP BY 1, 2),
terms AS (
    SELECT payer_id, capitation FROM demo.payer_contracts WHERE capitation IS NOT NULL AND effective_from = '2025-01-01')
SELECT p.name AS payer, sum(months) AS member_months, sum(m.cost) AS cost,
       sum(stop_loss_recovery(t.capitation, m.cost)) AS stop_loss_recoveries,
       shared_savings(t.capitation, sum(months), sum(m.cost) - sum(stop_loss_recovery(t.capitation, m.cost))) AS shared_savings,
       corridor_settlement(t.capitation, sum(months), sum(m.cost) - sum(stop_loss_recovery(t.capitation, m.cost))) AS corridor
FROM members m JOIN terms t USING (payer_id) JOIN demo.payers p USING (payer_id)
GROUP BY p.name, t.capitation ORDER BY 1;

\echo
\echo '== Stop-loss: the five members with the largest recoveries'
SELECT p.name AS payer, c.member_id, sum(c.cost) AS annual_cost, stop_loss_recovery(k.capitation, sum(c.cost)) AS recovery
FROM demo.capitated_cost c
JOIN demo.payer_contracts k ON k.payer_id = c.payer_id AND k.effective_from = '2025-01-01'
JOIN demo.payers p ON p.payer_id = c.payer_id
GROUP BY p.name, c.member_id, k.capitation
ORDER BY 4 DESC LIMIT 5;
