\echo
\echo '== Underpayments by payer: expected (by contract) against allowed, adjudicated lines that were not denied'
SELECT p.name AS payer, v.lines, v.unpriced_lines, v.expected, v.actual AS allowed,
       v.underpaid_lines, v.underpaid AS recoverable, v.overpaid_lines, v.overpaid, v.yield_pct
FROM (SELECT payer_id, (payment_variance(expected, allowed)).*
      FROM demo.priced WHERE remit_date IS NOT NULL AND NOT denied GROUP BY payer_id) AS v
JOIN demo.payers p USING (payer_id)
ORDER BY v.underpaid DESC;

\echo
\echo '== Underpayments by code (top 12 by recoverable dollars)'
SELECT code, f.description, v.underpaid_lines, v.underpaid AS recoverable, v.yield_pct
FROM (SELECT code, (payment_variance(expected, allowed)).*
      FROM demo.priced WHERE remit_date IS NOT NULL AND NOT denied GROUP BY code) AS v
JOIN demo.medicare_fee f USING (code)
WHERE v.underpaid > 0
ORDER BY v.underpaid DESC LIMIT 12;

\echo
\echo '== What went wrong: underpaid lines by root cause (the explain of one line per cause)'
SELECT coalesce(nullif(split_part(injected_fault, ',', 1), 'late_payment'), '(none)') AS cause,
       count(*) AS underpaid_lines, sum(expected - allowed) AS recoverable,
       (array_agg(format('claim %s line %s: %s', claim_id, line_no,
                         expected_allowed_explain(schedule, code, ARRAY[modifier1, modifier2], units, billed, medicare,
                                                  procedure_rank, facility) ->> 'selector')
                  ORDER BY claim_id, line_no))[1] AS example
FROM demo.priced
WHERE remit_date IS NOT NULL AND NOT denied AND expected - allowed >= 0.01
GROUP BY 1 ORDER BY 3 DESC;

\echo
\echo '== Unpriced lines (no contract rate, no Medicare amount): a worklist of their own'
SELECT p.name AS payer, code, count(*) AS lines, sum(billed) AS billed, sum(allowed) AS allowed
FROM demo.priced JOIN demo.payers p USING (payer_id)
WHERE expected IS NULL AND remit_date IS NOT NULL
GROUP BY 1, 2 ORDER BY 4 DESC LIMIT 8;
