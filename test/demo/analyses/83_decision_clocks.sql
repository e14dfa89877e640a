\echo
\echo '== Decision clocks: prior authorization by payer (volume, approval rate, decisions after auth_decision_due) as of' :'as_of'
WITH r AS (
    SELECT q.*, auth_decision_due(k.terms, q.requested, q.urgent) AS due
    FROM demo.prior_auth_requests q
    JOIN demo.payer_contracts k ON k.payer_id = q.payer_id AND q.requested::date >= k.effective_from
                               AND (k.effective_to IS NULL OR q.requested::date <= k.effective_to))
SELECT p.name AS payer, count(*) AS requests,
       round(100.0 * count(*) FILTER (WHERE decision = 'approved')
             / nullif(count(*) FILTER (WHERE decision <> 'pending'), 0), 1) AS approval_pct,
       count(*) FILTER (WHERE due IS NULL) AS no_clock,
       count(*) FILTER (WHERE decided > due) AS decided_late,
       count(*) FILTER (WHERE urgent AND decided > due) AS urgent_late,
       count(*) FILTER (WHERE decision = 'pending' AND due < :'as_of'::date) AS pending_past_clock,
       round(100.0 * count(*) FILTER (WHERE decided > due) / nullif(count(*) FILTER (WHERE due IS NOT NULL), 0), 1) AS late_pct
FROM r JOIN demo.payers p USING (payer_id)
GROUP BY p.name ORDER BY late_pct DESC NULLS LAST;

\echo
\echo '== Decision clocks: credentialing applications decided after credentialing_deadline (clock from the complete application)'
SELECT p.name AS payer, count(*) AS applications,
       count(*) FILTER (WHERE a.decided > credentialing_deadline(k.terms, a.complete)) AS decided_late,
       count(*) FILTER (WHERE a.decided IS NULL AND credentialing_deadline(k.terms, a.complete) < :'as_of') AS pending_past_deadline,
       max(coalesce(a.decided, :'as_of'::date) - credentialing_deadline(k.terms, a.complete)) AS worst_days_over
FROM demo.credentialing_applications a
JOIN demo.payers p USING (payer_id)
JOIN demo.payer_contracts k ON k.payer_id = a.payer_id AND a.complete >= k.effective_from
                           AND (k.effective_to IS NULL OR a.complete <= k.effective_to)
GROUP BY p.name ORDER BY decided_late DESC, p.name;
