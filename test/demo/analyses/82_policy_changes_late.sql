\echo
\echo '== Payer changes announced too late: effective before the contract''s policy_notice allows'
SELECT p.name AS payer, n.announced, n.effective, k.terms::jsonb->>'policy_notice' AS notice_owed,
       policy_effective_earliest(k.terms, n.announced) AS earliest_allowed,
       policy_effective_earliest(k.terms, n.announced) - n.effective AS days_short,
       n.summary
FROM demo.policy_notices n
JOIN demo.payers p USING (payer_id)
JOIN demo.payer_contracts k ON k.payer_id = n.payer_id AND n.announced >= k.effective_from
                           AND (k.effective_to IS NULL OR n.announced <= k.effective_to)
WHERE NOT policy_change_valid(k.terms, n.announced, n.effective)
ORDER BY days_short DESC, n.announced;
