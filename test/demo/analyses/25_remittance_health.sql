-- Remittance health: what the payers' 835 files say about themselves
-- (demo.era_*: the parsed files, see test/demo/remittance/).
\echo
\echo '== Remittance files (X12 835) loaded, by payer'
WITH files AS (SELECT DISTINCT file_name, payer_name FROM demo.era_claims),
payments AS (SELECT DISTINCT file_name, transaction_no, payer_name, payment_amount FROM demo.era_claims),
plb AS (SELECT f.payer_name, sum(p.amount) FILTER (WHERE p.reason_code = 'WO') AS recouped,
               -sum(p.amount) FILTER (WHERE p.reason_code = 'L6') AS interest
        FROM demo.era_provider_adjustments p JOIN files f USING (file_name) GROUP BY f.payer_name)
SELECT c.payer_name AS payer, count(DISTINCT c.file_name) AS files,
       (SELECT count(*) FROM payments p WHERE p.payer_name = c.payer_name) AS payments,
       count(*) FILTER (WHERE c.claim_status <> '22') AS claim_postings,
       count(*) FILTER (WHERE c.claim_status = '22') AS reversals,
       sum(c.paid) AS claims_paid, coalesce(plb.recouped, 0) AS recouped_plb_wo,
       coalesce(plb.interest, 0) AS interest_plb_l6,
       (SELECT sum(payment_amount) FROM payments p WHERE p.payer_name = c.payer_name) AS paid_bpr02
FROM demo.era_claims c LEFT JOIN plb USING (payer_name)
GROUP BY c.payer_name, plb.recouped, plb.interest ORDER BY c.payer_name;

\echo
\echo '== Balance failures (x12_835_balance: line, claim and payment rules of the 835 guide)'
SELECT b.file_name, b.transaction_no, b.claim_no, b.line_no, b.rule, b.expected, b.actual,
       b.actual - b.expected AS difference
FROM demo.era_balance b ORDER BY b.file_name, b.transaction_no, b.claim_no NULLS FIRST, b.line_no NULLS FIRST;

-- Each claim's first payment (a reversal is not a payment), with the
-- contract in effect on its date of service.
CREATE TEMP VIEW era_first_payment AS
SELECT DISTINCT ON (c.patient_control_number)
       c.patient_control_number::bigint AS claim_id, c.payer_name, c.received_date, c.payment_date,
       c.paid, c.interest, k.terms, d.submission = 'paper' AS paper
FROM demo.era_claims c
JOIN demo.claims d ON d.claim_id = c.patient_control_number::bigint
JOIN demo.payer_contracts k ON k.payer_id = d.payer_id AND d.service_date >= k.effective_from
                           AND (k.effective_to IS NULL OR d.service_date <= k.effective_to)
WHERE c.claim_status <> '22'
ORDER BY c.patient_control_number, c.payment_date, c.claim_status;

\echo
\echo '== Prompt-pay interest on late claims: paid by the payer (AMT*I) vs owed under the contract (interest_due)'
SELECT payer_name AS payer, count(*) AS late_claims,
       coalesce(sum(interest), 0) AS interest_paid,
       sum(interest_due(terms, received_date, payment_date, paid, paper)) AS interest_owed,
       sum(interest_due(terms, received_date, payment_date, paid, paper)) - coalesce(sum(interest), 0) AS shortfall
FROM era_first_payment
WHERE payment_date > payment_due(terms, received_date, paper) AND paid > 0
GROUP BY payer_name ORDER BY shortfall DESC, payer;

\echo
\echo '== Days from receipt (DTM*050) to payment (BPR16), by payer'
SELECT payer_name AS payer, count(*) AS claims,
       round(avg(payment_date - received_date), 1) AS avg_days,
       percentile_disc(0.5) WITHIN GROUP (ORDER BY payment_date - received_date) AS median_days,
       percentile_disc(0.9) WITHIN GROUP (ORDER BY payment_date - received_date) AS p90_days,
       max(payment_date - received_date) AS max_days,
       count(*) FILTER (WHERE payment_date > payment_due(terms, received_date, paper)) AS paid_late
FROM era_first_payment
GROUP BY payer_name ORDER BY avg_days DESC;
