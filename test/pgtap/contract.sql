-- contract type properties: round trips, deadlines, interest.
BEGIN;
SELECT plan(12);

-- Random contracts: every subset of keys, random values.
CREATE TEMP TABLE rc AS
SELECT i, string_agg(item, E'\n' ORDER BY random()) AS txt
FROM generate_series(1, 300) AS i,
LATERAL (VALUES
    ('payer: ' || (ARRAY['Acme', 'O''Brien Care', '''A; B: C''', 'Blue Meridian'])[1 + (random() * 3)::int]),
    ('effective: ' || ('2015-01-01'::date + (random() * 5000)::int)),
    ('term: ' || (1 + (random() * 36)::int) || (ARRAY[' months', ' years', ' days'])[1 + (random() * 2)::int]),
    ('renewal: ' || (1 + (random() * 24)::int) || (ARRAY[' months', ' years', ' days', ' business days'])[1 + (random() * 3)::int]),
    ('notice: ' || (random() * 180)::int || ' days'),
    ('filing: ' || (random() * 365)::int || (ARRAY[' days', ' business days', ' months'])[1 + (random() * 2)::int]),
    ('appeal: ' || (1 + (random() * 180)::int) || ' days, ' || (1 + (random() * 60)::int) || ' business days'),
    ('prompt_pay: ' || (random() * 45)::int || (ARRAY[' days', ' business days'])[1 + (random())::int]),
    ('interest: ' || round((random() * 25)::numeric, (random() * 6)::int) || '%'),
    ('interest_basis: ' || (ARRAY['365', '360'])[1 + (random())::int]),
    ('interest_min: ' || round((random() * 5)::numeric, 2)),
    ('lookback: ' || (random() * 36)::int || ' months')) AS k(item)
WHERE random() < 0.7
GROUP BY i;

SELECT is((SELECT count(*) FROM rc WHERE txt::contract::text::contract <> txt::contract), 0::bigint,
          'text -> contract -> text -> contract is the identity on random contracts');
SELECT is((SELECT count(*) FROM rc WHERE txt::contract::text <> txt::contract::text::contract::text), 0::bigint,
          'canonical text is a fixed point');
SELECT is((SELECT count(*) FROM rc WHERE txt::contract::jsonb::contract <> txt::contract), 0::bigint,
          'contract -> jsonb -> contract is the identity');
SELECT is((SELECT count(*) FROM rc WHERE (SELECT count(*) FROM contract_terms(txt::contract))
                                        <> array_length(string_to_array(txt, E'\n'), 1)), 0::bigint,
          'contract_terms lists one row per stated term');

-- Deadlines counted in business days always land on a business day.
CREATE TEMP TABLE dates AS
SELECT '2020-01-01'::date + i AS d FROM generate_series(0, 2500) AS i;
SELECT is((SELECT count(*) FROM dates, (SELECT n FROM generate_series(1, 40, 3) AS n) AS w
           WHERE NOT is_business_day(payment_due(('prompt_pay: ' || n || ' business days')::contract, d))),
          0::bigint, 'a payment due date in business days is a business day');
SELECT is((SELECT count(*) FROM dates
           WHERE NOT is_business_day(appeal_deadline('notice_receipt: 5 days; appeal: 30 business days, 20 business days', d, 2))),
          0::bigint, 'an appeal deadline in business days is a business day');

-- Interest: monotonic in days late and in amount, zero until the due date,
-- and equal to the exact formula rounded half up.
CREATE TEMP TABLE late AS
SELECT c, received, amount, k,
       interest_due(c, received, payment_due(c, received) + k, amount) AS interest
FROM (VALUES ('prompt_pay: 30 days; interest: 18%'::contract),
             ('prompt_pay: 15 business days; interest: 12%; interest_basis: 360'),
             ('prompt_pay: 30 days; interest: 4.625%; interest_min: 2.00')) AS cs(c),
     (VALUES ('2025-01-15'::date), ('2024-12-20')) AS r(received),
     (VALUES (0.01), (18.25), (999.99), (123456.78)) AS a(amount),
     generate_series(-5, 400) AS k;
SELECT is((SELECT count(*) FROM late a JOIN late b USING (c, received, amount)
           WHERE b.k = a.k + 1 AND b.interest < a.interest), 0::bigint,
          'interest never decreases as payment gets later');
SELECT is((SELECT count(*) FROM late a JOIN late b USING (c, received, k)
           WHERE b.amount > a.amount AND b.interest < a.interest), 0::bigint,
          'interest never decreases as the amount grows');
SELECT is((SELECT count(*) FROM late WHERE k <= 0 AND interest <> 0), 0::bigint,
          'no interest when paid on or before the due date');
SELECT is((SELECT count(*) FROM late, LATERAL (SELECT rtrim(t.value, '%')::numeric AS rate FROM contract_terms(c) AS t WHERE t.key = 'interest') AS r,
                  LATERAL (SELECT coalesce((SELECT value::int FROM contract_terms(c) WHERE key = 'interest_basis'), 365) AS basis) AS b,
                  LATERAL (SELECT div(2 * amount * 100 * rate * k + basis * 100, 2 * basis * 100) / 100.0 AS exact) AS e
           WHERE k > 0 AND interest <> CASE WHEN exact < coalesce((SELECT value::numeric FROM contract_terms(c) WHERE key = 'interest_min'), 0)
                                            THEN 0 ELSE exact END),
          0::bigint, 'interest equals amount x rate x days / basis, rounded half up to cents, exactly');

-- Renewal calendar: the next renewal and notice deadline never precede as_of,
-- and the notice deadline is a renewal date minus the notice period.
CREATE TEMP TABLE cal AS
SELECT txt::contract AS c, d AS as_of
FROM rc, (SELECT '2016-01-01'::date + (random() * 6000)::int AS d FROM generate_series(1, 5)) AS a
WHERE txt ~ 'effective' AND txt ~ 'term';
SELECT is((SELECT count(*) FROM cal WHERE renewal_date(c, as_of) < as_of OR notice_deadline(c, as_of) < as_of), 0::bigint,
          'renewal_date and notice_deadline are on or after as_of');
SELECT is((SELECT count(*) FROM cal WHERE notice_deadline(c, as_of) IS DISTINCT FROM (
               SELECT min(e.event_date) FROM contract_calendar(c, as_of, as_of + 40000) AS e
               WHERE e.event = 'notice_deadline')), 0::bigint,
          'notice_deadline is the first notice_deadline event of contract_calendar');

SELECT * FROM finish();
ROLLBACK;
