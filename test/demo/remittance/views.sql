-- The parsed 835s, once, in tables the analyses read (parsing 20 MB per
-- query would be quick, but every analysis reads the payments); then the
-- remittance tables demo.generate made are renamed *_generated, and
-- demo.remit_lines and demo.remit_adjustments become views over the parsed
-- rows, so every analysis that reads payments reads the 835s.
CREATE TABLE demo.era_claims AS
SELECT f.file_name, c.* FROM demo.remittance_file f, x12_835_claims(f.content) c;
CREATE TABLE demo.era_lines AS
SELECT f.file_name, l.* FROM demo.remittance_file f, x12_835_lines(f.content) l;
CREATE TABLE demo.era_adjustments AS
SELECT f.file_name, a.* FROM demo.remittance_file f, x12_835_adjustments(f.content) a;
CREATE TABLE demo.era_provider_adjustments AS
SELECT f.file_name, p.* FROM demo.remittance_file f, x12_835_provider_adjustments(f.content) p;
CREATE TABLE demo.era_balance AS
SELECT f.file_name, b.* FROM demo.remittance_file f, x12_835_balance(f.content) b;
COMMENT ON TABLE demo.era_claims IS 'x12_835_claims of every loaded 835 file';
COMMENT ON TABLE demo.era_lines IS 'x12_835_lines of every loaded 835 file';
COMMENT ON TABLE demo.era_adjustments IS 'x12_835_adjustments of every loaded 835 file';
COMMENT ON TABLE demo.era_provider_adjustments IS 'x12_835_provider_adjustments of every loaded 835 file';
COMMENT ON TABLE demo.era_balance IS 'x12_835_balance of every loaded 835 file: the rules each breaks';
ANALYZE demo.era_claims, demo.era_lines, demo.era_adjustments;

ALTER TABLE demo.remit_lines RENAME TO remit_lines_generated;
ALTER TABLE demo.remit_adjustments RENAME TO remit_adjustments_generated;

-- Each adjustment with the practice's claim and line numbers (CLP01 is the
-- claim id, REF*6R the line number).  A claim denied at claim level with no
-- service lines (timely filing) has its adjustment spread over its lines,
-- each for its billed amount.
CREATE VIEW demo.era_line_adjustments AS
SELECT c.patient_control_number::bigint AS claim_id, l.line_control_number::int AS line_no,
       a.group_code, a.reason_code, a.amount, l.remark_codes, c.claim_status
FROM demo.era_adjustments a
JOIN demo.era_claims c USING (file_name, transaction_no, claim_no)
JOIN demo.era_lines l USING (file_name, transaction_no, claim_no, line_no)
UNION ALL
SELECT c.patient_control_number::bigint, cl.line_no, a.group_code, a.reason_code, cl.billed, '{}', c.claim_status
FROM demo.era_adjustments a
JOIN demo.era_claims c USING (file_name, transaction_no, claim_no)
JOIN demo.claim_lines cl ON cl.claim_id = c.patient_control_number::bigint
WHERE a.line_no IS NULL
  AND NOT EXISTS (SELECT FROM demo.era_lines l WHERE (l.file_name, l.transaction_no, l.claim_no) = (c.file_name, c.transaction_no, c.claim_no));

-- A line's payment: the sum of its postings (an original, its reversal and
-- the correction net out to the correction), paid on the first date of a
-- posting that is not a reversal.
CREATE VIEW demo.remit_lines AS
WITH posted AS (
    SELECT c.patient_control_number::bigint AS claim_id, l.line_control_number::int AS line_no,
           min(c.payment_date) FILTER (WHERE c.claim_status <> '22') AS remit_date,
           sum(l.allowed) AS allowed, sum(l.paid) AS paid
    FROM demo.era_lines l JOIN demo.era_claims c USING (file_name, transaction_no, claim_no)
    GROUP BY 1, 2
    UNION ALL
    SELECT cl.claim_id, cl.line_no, c.payment_date, 0, 0
    FROM demo.era_claims c JOIN demo.claim_lines cl ON cl.claim_id = c.patient_control_number::bigint
    WHERE NOT EXISTS (SELECT FROM demo.era_lines l WHERE (l.file_name, l.transaction_no, l.claim_no) = (c.file_name, c.transaction_no, c.claim_no))),
patient AS (
    SELECT claim_id, line_no, sum(amount) AS patient_resp
    FROM demo.era_line_adjustments WHERE group_code = 'PR' GROUP BY 1, 2)
SELECT p.claim_id, p.line_no, p.remit_date, p.allowed::numeric(12,2), p.paid::numeric(12,2),
       coalesce(pr.patient_resp, 0)::numeric(12,2) AS patient_resp, g.injected_fault
FROM posted p
LEFT JOIN patient pr USING (claim_id, line_no)
LEFT JOIN demo.remit_lines_generated g USING (claim_id, line_no);
COMMENT ON VIEW demo.remit_lines IS '835 service-line payments, from the parsed files (injected_fault: the generator''s label)';

-- Net adjustments per line, group and reason; a line's remark code (LQ*HE)
-- goes with its denial.
CREATE VIEW demo.remit_adjustments AS
SELECT claim_id, line_no, group_code, reason_code AS carc, sum(amount)::numeric(12,2) AS amount,
       CASE WHEN group_code = 'CO' AND reason_code NOT IN ('45', '253') THEN max(remark_codes[1]) END AS rarc
FROM demo.era_line_adjustments
GROUP BY claim_id, line_no, group_code, reason_code
HAVING sum(amount) <> 0;
COMMENT ON VIEW demo.remit_adjustments IS '835 CAS adjustments, from the parsed files, net of reversals';
