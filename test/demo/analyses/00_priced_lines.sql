-- Every claim line priced by the contract in effect on its date of service,
-- with same-day surgical procedures ranked by fee for the MPPR.  The
-- analyses below read this view.
CREATE VIEW demo.priced_lines AS
WITH lines AS (
    SELECT l.*, c.payer_id, c.received_date, c.submission, k.contract_id, k.terms, k.schedule,
           demo.medicare_basis(l.code, l.modifier1, l.modifier2, l.service_date, l.facility) AS medicare,
           l.code BETWEEN '10000' AND '69999' AS surgical
    FROM demo.claim_lines l
    JOIN demo.claims c USING (claim_id)
    JOIN demo.payer_contracts k ON k.payer_id = c.payer_id AND k.valid @> l.service_date),
ranked AS (
    SELECT *, CASE WHEN surgical
                   THEN row_number() OVER (PARTITION BY claim_id, surgical
                                           ORDER BY expected_allowed(schedule, code, ARRAY[modifier1, modifier2, modifier3, modifier4],
                                                                     units, billed, medicare, 1, facility) DESC NULLS LAST, line_no)::int
                   ELSE 1 END AS procedure_rank
    FROM lines)
SELECT r.*, expected_allowed(r.schedule, r.code, ARRAY[r.modifier1, r.modifier2, r.modifier3, r.modifier4],
                             r.units, r.billed, r.medicare, r.procedure_rank, r.facility) AS expected,
       rl.remit_date, rl.allowed, rl.paid, rl.patient_resp, rl.injected_fault,
       rl.allowed = 0 AND rl.paid = 0 AS denied
FROM ranked r LEFT JOIN demo.remit_lines rl USING (claim_id, line_no);
CREATE TABLE demo.priced AS SELECT * FROM demo.priced_lines;
ANALYZE demo.priced;
