\echo
\echo '== Denial mix by category: lines, dollars, share avoidable at the front desk, top reason codes'
WITH denials AS (
    SELECT a.*, carc_category(a.carc) AS category, k.avoidable
    FROM demo.remit_adjustments a
    LEFT JOIN carc k ON k.code = a.carc
    WHERE is_denial(a.group_code, a.carc)),
by_code AS (
    SELECT category, carc, count(*) AS n,
           row_number() OVER (PARTITION BY category ORDER BY count(*) DESC, carc) AS r
    FROM denials GROUP BY category, carc)
SELECT d.category, count(*) AS lines, sum(d.amount) AS dollars,
       round(100.0 * count(*) FILTER (WHERE d.avoidable) / count(*), 0) AS avoidable_pct,
       (SELECT string_agg(carc || ' (' || n || ')', ', ' ORDER BY r) FROM by_code b
        WHERE b.category = d.category AND r <= 3) AS top_codes
FROM denials d GROUP BY d.category ORDER BY dollars DESC;

\echo
\echo '== Denial dollars by payer and category'
SELECT p.name AS payer, carc_category(a.carc) AS category, count(*) AS lines, sum(a.amount) AS dollars
FROM demo.remit_adjustments a JOIN demo.claims c USING (claim_id) JOIN demo.payers p USING (payer_id)
WHERE is_denial(a.group_code, a.carc)
GROUP BY 1, 2 ORDER BY 4 DESC LIMIT 12;

\echo
\echo '== Appeal deadlines coming due (first-level appeal, from the remittance date) as of' :'as_of'
WITH denials AS (
    SELECT d.claim_id, d.line_no, p.name AS payer, d.code, d.billed, a.carc,
           appeal_deadline(d.terms, d.remit_date, 1) AS appeal_by
    FROM demo.priced d
    JOIN demo.payers p USING (payer_id)
    JOIN demo.remit_adjustments a USING (claim_id, line_no)
    WHERE d.denied AND is_denial(a.group_code, a.carc))
SELECT CASE WHEN appeal_by < :'as_of' THEN 'expired'
            WHEN appeal_by < :'as_of'::date + 14 THEN 'due within 2 weeks'
            WHEN appeal_by < :'as_of'::date + 30 THEN 'due within 30 days'
            ELSE 'later' END AS window,
       count(*) AS denied_lines, sum(billed) AS billed
FROM denials GROUP BY 1 ORDER BY min(appeal_by);

\echo
\echo '== The next ten appeals to file (appealable reason codes only)'
SELECT p.name AS payer, d.claim_id, d.line_no, d.code, a.carc, carc_category(a.carc) AS category, d.billed,
       appeal_deadline(d.terms, d.remit_date, 1) AS appeal_by,
       appeal_deadline(d.terms, d.remit_date, 1) - :'as_of'::date AS days_left
FROM demo.priced d
JOIN demo.payers p USING (payer_id)
JOIN demo.remit_adjustments a USING (claim_id, line_no)
JOIN carc k ON k.code = a.carc AND k.appealable
WHERE d.denied AND is_denial(a.group_code, a.carc)
  AND appeal_deadline(d.terms, d.remit_date, 1) >= :'as_of'
ORDER BY appeal_by, d.billed DESC LIMIT 10;
