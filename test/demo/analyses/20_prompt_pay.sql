\echo
\echo '== Prompt-pay interest owed on late clean claims (paid after the contract''s due date)'
WITH claims AS (
    SELECT claim_id, payer_id, terms, received_date, submission = 'paper' AS paper,
           max(remit_date) AS paid_date, sum(paid) AS paid
    FROM demo.priced
    WHERE remit_date IS NOT NULL AND NOT denied
    GROUP BY claim_id, payer_id, terms, received_date, submission)
SELECT p.name AS payer, count(*) AS late_claims,
       round(avg(paid_date - payment_due(terms, received_date, paper)), 1) AS avg_days_late,
       sum(paid) AS paid_late, sum(interest_due(terms, received_date, paid_date, paid, paper)) AS interest_owed
FROM claims JOIN demo.payers p USING (payer_id)
WHERE paid_date > payment_due(terms, received_date, paper)
GROUP BY p.name ORDER BY interest_owed DESC;
