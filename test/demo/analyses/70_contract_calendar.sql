\echo
\echo '== Contract calendar: each renewal with its own notice deadline (prepare 6 months before the deadline) as of' :'as_of'
SELECT p.name AS payer, n.renewal AS renews_or_expires, n.notice_deadline,
       CASE WHEN n.notice_passed
            THEN 'auto-renewed: notice deadline passed on ' || n.notice_deadline
                 || '; next deadline ' || notice_deadline(k.terms, :'as_of')
            WHEN n.notice_deadline - interval '6 months' < :'as_of'::date
            THEN 'start negotiating now: ' || (n.notice_deadline - :'as_of'::date) || ' days left'
            ELSE (n.notice_deadline - :'as_of'::date) || ' days left'
       END AS status
FROM demo.payer_contracts k JOIN demo.payers p USING (payer_id),
     LATERAL next_renewal(k.terms, :'as_of') AS n
WHERE k.effective_to IS NULL AND n.notice_deadline IS NOT NULL
ORDER BY n.notice_passed DESC, n.notice_deadline;
