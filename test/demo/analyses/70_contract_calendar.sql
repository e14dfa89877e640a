\echo
\echo '== Contract calendar: renewals and notice deadlines (prepare 6 months before the notice deadline) as of' :'as_of'
SELECT p.name AS payer, renewal_date(k.terms, :'as_of') AS renews_or_expires,
       notice_deadline(k.terms, :'as_of') AS notice_deadline,
       notice_deadline(k.terms, :'as_of') - :'as_of'::date AS days_left,
       notice_deadline(k.terms, :'as_of') - interval '6 months' < :'as_of'::date AS start_negotiating_now
FROM demo.payer_contracts k JOIN demo.payers p USING (payer_id)
WHERE k.effective_to IS NULL AND notice_deadline(k.terms, :'as_of') IS NOT NULL
ORDER BY notice_deadline;
