-- The contract type: grammar, canonical output, round trips, every input error.

-- The full form, written loosely: any key case, extra spaces, newlines and ';'.
SELECT $$
  PAYER:   Acme Health
  Effective: 2025-01-01;  term: 3 YEARS
  renewal: 1 year; notice: 90 days
  filing: 90 days
  appeal: 120 days,180 days ,  60 days
  notice_receipt: 5 days
  prompt_pay: 30 days; prompt_pay_paper: 45 days
  interest: 12%; interest_basis: 365; interest_min: 2
  lookback: 18 months;;
$$::contract;

-- Canonical output is a fixed point: text -> contract -> text -> contract.
WITH t(c) AS (VALUES
    ('payer: Acme Health; effective: 2025-01-01; term: 3 years; renewal: 1 year; notice: 90 days; filing: 90 days; appeal: 120 days, 180 days, 60 days; notice_receipt: 5 days; prompt_pay: 30 days; prompt_pay_paper: 45 days; interest: 12%; interest_basis: 365; interest_min: 2.00; lookback: 18 months'),
    ('lookback: 1 month; payer: x'),
    (''),
    ('prompt_pay: 15 business days; interest: 4.625%; interest_basis: 360'),
    ('filing: 1 business day; term: 1 day'),
    ($$payer: 'Smith; Jones: Partners'$$),
    ($$payer: 'O''Brien Health'$$),
    ($$payer: O'Brien Health$$))
SELECT c::contract AS canonical,
       c::contract::text::contract = c::contract AS fixed_point,
       c::contract::text = c::contract::text::contract::text AS stable
FROM t;

-- Values are normalized: units singular/plural, decimals trimmed, leading zeros.
SELECT 'filing: 090 Days; appeal: 1 DAY; interest: 18.000%; interest_min: 0.5; term: 12 months'::contract;
SELECT 'interest: 12; renewal: 2 years; notice: 1 days'::contract;
SELECT 'prompt_pay: 15   business   days'::contract;

-- Equality compares canonical values.
SELECT 'payer: A; filing: 90 days'::contract = 'FILING: 90 day;payer:A'::contract AS same,
       'payer: A'::contract = 'payer: a'::contract AS case_sensitive_payer,
       'payer: A'::contract <> 'payer: B'::contract AS different;
SELECT count(*) AS distinct_contracts FROM (SELECT c FROM (VALUES ('filing: 90 days'::contract), ('Filing: 90 day'), ('filing: 91 days')) AS t(c) GROUP BY c) AS g;

-- contract_terms: one row per stated term, canonical order.
SELECT * FROM contract_terms('lookback: 18 months; payer: Acme; appeal: 60 days, 90 days; interest: 10%');
SELECT * FROM contract_terms('');

-- jsonb: a documented, stable shape, and back.
SELECT 'payer: Acme Health; effective: 2025-01-01; term: 3 years; appeal: 120 days, 180 days; interest: 4.875%; interest_basis: 360; interest_min: 2.00'::contract::jsonb;
SELECT '{"payer": "Acme Health", "filing": "90 days", "interest": 12.5, "appeal": ["120 days", "60 days"], "interest_min": 2, "lookback": null}'::jsonb::contract;
SELECT '{"payer": "Smith; Jones", "interest": "12%", "appeal": "120 days, 60 days"}'::jsonb::contract;
SELECT c::jsonb::contract = c AS jsonb_round_trip
FROM (VALUES ('payer: Acme Health; effective: 2025-01-01; term: 3 years; renewal: 1 year; notice: 90 days; filing: 90 days; appeal: 120 days, 180 days, 60 days; notice_receipt: 5 days; prompt_pay: 30 days; prompt_pay_paper: 45 days; interest: 12%; interest_basis: 365; interest_min: 2.00; lookback: 18 months'::contract),
             ($$payer: 'a;b:c''d'$$)) AS t(c);
SELECT '[1, 2]'::jsonb::contract;
SELECT '"payer: x"'::jsonb::contract;
SELECT '{"payer": {"name": "x"}}'::jsonb::contract;
SELECT '{"appeal": [["60 days"]]}'::jsonb::contract;
SELECT '{"filing": "ninety days"}'::jsonb::contract;
SELECT '{"pay;er": "x"}'::jsonb::contract;

-- Every input error: SQLSTATE 22P02 (22003 for numbers too large, 54000 for limits).
\set VERBOSITY default
SELECT 'payer Acme'::contract;
SELECT ': Acme'::contract;
SELECT 'payor: Acme'::contract;
SELECT 'filing: 90 days; FILING: 90 days'::contract;
SELECT 'payer: '::contract;
SELECT $$payer: 'Acme$$::contract;
SELECT $$payer: 'Acme' Health$$::contract;
SELECT 'effective: 2025-02-30'::contract;
SELECT 'effective: 01/01/2025'::contract;
SELECT 'effective: 2025-13-01'::contract;
SELECT 'term: 0 years'::contract;
SELECT 'renewal: 0 days'::contract;
SELECT 'notice: -90 days'::contract;
SELECT 'filing: 90'::contract;
SELECT 'filing: ninety days'::contract;
SELECT 'filing: 90 weeks'::contract;
SELECT 'filing: 90 days late'::contract;
SELECT 'filing: 365001 days'::contract;
SELECT 'filing: 99999999999999999999 days'::contract;
SELECT 'appeal: 120 days,, 60 days'::contract;
SELECT 'appeal: 120 days, 0 days'::contract;
SELECT 'appeal: 1 day, 2 days, 3 days, 4 days, 5 days, 6 days, 7 days, 8 days, 9 days, 10 days, 11 days'::contract;
SELECT 'interest: twelve percent'::contract;
SELECT 'interest: -5%'::contract;
SELECT 'interest: 101%'::contract;
SELECT 'interest: 12.1234567%'::contract;
SELECT 'interest: 1.2.3%'::contract;
SELECT 'interest: %'::contract;
SELECT 'interest_basis: 366'::contract;
SELECT 'interest_min: 2.005'::contract;
SELECT 'interest_min: -1'::contract;
SELECT 'interest_min: 100000000000'::contract;
SELECT 'interest_min: $2'::contract;
-- the SQLSTATEs
DO $$
DECLARE
    inputs text[] := ARRAY['payer Acme', 'payor: x', 'filing: 90 days; filing: 1 day',
                           'effective: 2025-02-30', 'notice: -1 days', 'interest: 101%',
                           'filing: 365001 days', 'appeal: 1 day,1 day,1 day,1 day,1 day,1 day,1 day,1 day,1 day,1 day,1 day'];
    s text;
BEGIN
    FOREACH s IN ARRAY inputs LOOP
        BEGIN
            PERFORM s::contract;
            RAISE NOTICE '% accepted', s;
        EXCEPTION WHEN OTHERS THEN
            RAISE NOTICE '% -> %', s, SQLSTATE;
        END;
    END LOOP;
END $$;
