\echo
\echo '== Authorization denials we can overturn: denied for missing authorization on codes the contract does not gate, with appeal deadlines, as of' :'as_of'
WITH auth_denials AS (
    SELECT d.claim_id, d.line_no, d.payer_id, d.code, d.billed, a.carc, d.remit_date,
           requires_auth(d.terms, d.code) AS gated,
           appeal_deadline(d.terms, d.remit_date, 1) AS appeal_by
    FROM demo.priced d
    JOIN demo.remit_adjustments a USING (claim_id, line_no)
    WHERE d.denied AND a.carc IN ('197', '15', '62', '39'))
SELECT p.name AS payer, code, count(*) AS lines, sum(billed) AS billed,
       count(*) FILTER (WHERE appeal_by >= :'as_of') AS still_appealable,
       min(appeal_by) FILTER (WHERE appeal_by >= :'as_of') AS next_deadline
FROM auth_denials JOIN demo.payers p USING (payer_id)
WHERE gated = false
GROUP BY p.name, code ORDER BY billed DESC;

\echo
\echo '== Authorization denials by whether the contract gates the code'
SELECT p.name AS payer,
       count(*) FILTER (WHERE requires_auth(d.terms, d.code)) AS gated_by_contract,
       count(*) FILTER (WHERE NOT requires_auth(d.terms, d.code)) AS not_gated_overturnable,
       count(*) FILTER (WHERE requires_auth(d.terms, d.code) IS NULL) AS contract_silent
FROM demo.priced d
JOIN demo.remit_adjustments a USING (claim_id, line_no)
JOIN demo.payers p USING (payer_id)
WHERE d.denied AND a.carc IN ('197', '15', '62', '39')
GROUP BY p.name ORDER BY p.name;
