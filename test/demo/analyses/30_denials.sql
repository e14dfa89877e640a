\echo
\echo '== Denial mix by reason code and payer'
SELECT a.carc, p.name AS payer, count(*) AS lines, sum(a.amount) AS dollars
FROM demo.remit_adjustments a
JOIN demo.claims c USING (claim_id)
JOIN demo.payers p USING (payer_id)
WHERE a.group_code = 'CO' AND a.carc NOT IN ('45', '253')
GROUP BY 1, 2 ORDER BY 4 DESC LIMIT 15;

\echo
\echo '== Appeal deadlines coming due (first-level appeal, from the remittance date) as of' :'as_of'
WITH denials AS (
    SELECT d.claim_id, d.line_no, p.name AS payer, d.code, d.billed, a.carc,
           appeal_deadline(d.terms, d.remit_date, 1) AS appeal_by
    FROM demo.priced d
    JOIN demo.payers p USING (payer_id)
    JOIN demo.remit_adjustments a USING (claim_id, line_no)
    WHERE d.denied AND a.carc NOT IN ('45', '253') AND a.group_code = 'CO')
SELECT CASE WHEN appeal_by < :'as_of' THEN 'expired'
            WHEN appeal_by < :'as_of'::date + 14 THEN 'due within 2 weeks'
            WHEN appeal_by < :'as_of'::date + 30 THEN 'due within 30 days'
            ELSE 'later' END AS window,
       count(*) AS denied_lines, sum(billed) AS billed
FROM denials GROUP BY 1 ORDER BY min(appeal_by);

\echo
\echo '== The next ten appeals to file'
SELECT p.name AS payer, d.claim_id, d.line_no, d.code, a.carc, d.billed,
       appeal_deadline(d.terms, d.remit_date, 1) AS appeal_by,
       appeal_deadline(d.terms, d.remit_date, 1) - :'as_of'::date AS days_left
FROM demo.priced d
JOIN demo.payers p USING (payer_id)
JOIN demo.remit_adjustments a USING (claim_id, line_no)
WHERE d.denied AND a.group_code = 'CO' AND a.carc NOT IN ('45', '253')
  AND appeal_deadline(d.terms, d.remit_date, 1) >= :'as_of'
ORDER BY appeal_by, d.billed DESC LIMIT 10;
