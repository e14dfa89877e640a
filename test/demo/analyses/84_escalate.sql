\echo
\echo '== Escalate: per payer, open issues past every appeal level or clock, with the escalation path, as of' :'as_of'
WITH current_terms AS (
    SELECT DISTINCT ON (payer_id) payer_id, terms
    FROM demo.payer_contracts
    WHERE effective_from <= :'as_of'
    ORDER BY payer_id, effective_from DESC),
appeals_exhausted AS (
    -- denied lines whose last appeal level's window has closed
    SELECT d.payer_id, count(*) AS n, sum(d.billed) AS billed
    FROM demo.priced d
    WHERE d.denied
      AND appeal_deadline(d.terms, d.remit_date, jsonb_array_length(d.terms::jsonb->'appeal')) < :'as_of'
    GROUP BY d.payer_id),
auth_pending AS (
    SELECT q.payer_id, count(*) AS n
    FROM demo.prior_auth_requests q JOIN current_terms t USING (payer_id)
    WHERE q.decision = 'pending' AND auth_decision_due(t.terms, q.requested, q.urgent) < :'as_of'
    GROUP BY q.payer_id),
cred_pending AS (
    SELECT a.payer_id, count(*) AS n
    FROM demo.credentialing_applications a JOIN current_terms t USING (payer_id)
    WHERE a.decided IS NULL AND credentialing_deadline(t.terms, a.complete) < :'as_of'
    GROUP BY a.payer_id),
late_policies AS (
    SELECT n.payer_id, count(*) AS n
    FROM demo.policy_notices n JOIN current_terms t USING (payer_id)
    WHERE NOT policy_change_valid(t.terms, n.announced, n.effective)
    GROUP BY n.payer_id)
SELECT p.name AS payer,
       coalesce(e.n, 0) AS denials_past_last_appeal, coalesce(e.billed, 0) AS their_billed,
       coalesce(ap.n, 0) AS auths_pending_past_clock,
       coalesce(cp.n, 0) AS credentialing_past_deadline,
       coalesce(lp.n, 0) AS late_policy_changes,
       t.terms::jsonb->>'escalation' AS escalation_path
FROM current_terms t JOIN demo.payers p USING (payer_id)
LEFT JOIN appeals_exhausted e USING (payer_id)
LEFT JOIN auth_pending ap USING (payer_id)
LEFT JOIN cred_pending cp USING (payer_id)
LEFT JOIN late_policies lp USING (payer_id)
WHERE coalesce(e.n, 0) + coalesce(ap.n, 0) + coalesce(cp.n, 0) + coalesce(lp.n, 0) > 0
ORDER BY coalesce(e.billed, 0) DESC;
