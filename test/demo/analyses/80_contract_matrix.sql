\echo
\echo '== Contract matrix: one row per payer (the contract in effect on' :'as_of' ')'
SELECT p.name AS payer,
       (SELECT count(*) FROM rate_schedule_entries(k.schedule)) AS rates,
       coalesce(k.schedule::jsonb->>'default', '-') AS default_rule,
       coalesce(k.schedule::jsonb->>'lesser_of', '-') AS lesser_of,
       j->>'filing' AS filing,
       (SELECT string_agg(a, ' / ') FROM jsonb_array_elements_text(j->'appeal') AS a) AS appeal_levels,
       j->>'prompt_pay' || coalesce(' (' || (j->>'deadline_roll') || ')', '') AS prompt_pay,
       j->>'interest' || '%' AS interest,
       j->>'lookback' AS lookback,
       j->>'offset' AS offsets,
       CASE WHEN j->>'auth_required' = 'none' THEN 'none'
            ELSE jsonb_array_length(j->'auth_required') || ' codes/ranges' END AS auth_list,
       j->>'auth_decision' || coalesce(' / urgent ' || (j->>'auth_decision_urgent'), '') AS auth_clocks,
       j->>'credentialing' AS credentialing,
       j->>'termination' AS termination,
       j->>'notice' AS renewal_notice,
       j->>'escalation' AS escalation_path
FROM demo.payer_contracts k JOIN demo.payers p USING (payer_id),
     LATERAL (SELECT k.terms::jsonb AS j) AS t
WHERE k.effective_from <= :'as_of' AND (k.effective_to IS NULL OR k.effective_to >= :'as_of')
ORDER BY p.payer_id;
