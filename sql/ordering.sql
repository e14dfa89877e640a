-- btree ordering of contract, rate_schedule and capitation: DISTINCT,
-- ORDER BY, UNIQUE indexes, merge joins.  The order is the canonical form's
-- bytes: a total order that agrees with =, with no meaning beyond that.

CREATE TABLE ord_schedules (id int, s rate_schedule);
INSERT INTO ord_schedules VALUES
    (1, '99213: 92.50'), (2, '99213: 92.5'), (3, '99214: 120'), (4, ''),
    (5, '99213: 92.50; default: 125% medicare'), (6, '99214: 120.00'), (7, NULL);
CREATE TABLE ord_contracts (id int, c contract);
INSERT INTO ord_contracts VALUES
    (1, 'payer: Acme; effective: 2025-01-01'), (2, 'payer:  Acme ;effective:2025-01-01'),
    (3, 'payer: Beta; effective: 2025-01-01'), (4, 'payer: Acme; effective: 2024-01-01');
CREATE TABLE ord_caps (id int, t capitation);
INSERT INTO ord_caps VALUES (1, 'pmpm: 42.50'), (2, 'pmpm: 42.5'), (3, 'pmpm: 40'), (4, 'pmpm: 42.50; withhold: 2%');

-- count(DISTINCT) and DISTINCT agree with = (sorting, not hashing).
SET enable_hashagg = off;
SELECT count(DISTINCT s) AS schedules, count(s) AS non_null FROM ord_schedules;
SELECT count(DISTINCT c) AS contracts FROM ord_contracts;
SELECT count(DISTINCT t) AS capitations FROM ord_caps;
SELECT DISTINCT s FROM ord_schedules ORDER BY s;
RESET enable_hashagg;

-- ORDER BY is total and consistent: every pair compares as its sort positions do.
WITH o AS (SELECT s, row_number() OVER (ORDER BY s) AS pos FROM ord_schedules WHERE s IS NOT NULL)
SELECT bool_and((a.s < b.s) = (a.pos < b.pos AND a.s <> b.s)) AS lt_agrees,
       bool_and((a.s <= b.s) = (a.s < b.s OR a.s = b.s)) AS le_agrees,
       bool_and((a.s > b.s) = (b.s < a.s)) AS gt_agrees,
       bool_and((a.s >= b.s) = NOT (a.s < b.s)) AS ge_agrees,
       bool_and(sign(rate_schedule_cmp(a.s, b.s)) = CASE WHEN a.s < b.s THEN -1 WHEN a.s = b.s THEN 0 ELSE 1 END) AS cmp_agrees
FROM o a CROSS JOIN o b;
SELECT id FROM ord_contracts ORDER BY c, id;
SELECT id FROM ord_caps ORDER BY t DESC, id;
SELECT min(id) AS first_of_each FROM ord_caps GROUP BY t ORDER BY t;

-- A UNIQUE index rejects a value equal to one already there, however written.
CREATE UNIQUE INDEX ord_contracts_u ON ord_contracts (c) WHERE id <> 2;
INSERT INTO ord_contracts VALUES (5, 'effective: 2024-01-01; payer: Acme');
CREATE UNIQUE INDEX ord_caps_u ON ord_caps (t) WHERE id <> 2;
INSERT INTO ord_caps VALUES (5, 'pmpm: 40.000');
CREATE TABLE ord_unique (s rate_schedule UNIQUE);
INSERT INTO ord_unique VALUES ('99213: 92.50'), ('99214: 1');
INSERT INTO ord_unique VALUES ('99213:92.5');
-- and the index answers equality and range lookups.
SET enable_seqscan = off;
SELECT count(*) FROM ord_unique WHERE s = '99214: 1.00';
SELECT count(*) FROM ord_unique WHERE s >= '' ;
RESET enable_seqscan;

-- Merge join on each type.
SET enable_hashjoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT a.id, b.id FROM ord_schedules a JOIN ord_schedules b ON a.s = b.s;
SELECT a.id, b.id FROM ord_schedules a JOIN ord_schedules b ON a.s = b.s ORDER BY 1, 2;
SELECT a.id, b.id FROM ord_contracts a JOIN ord_contracts b ON a.c = b.c ORDER BY 1, 2;
SELECT a.id, b.id FROM ord_caps a JOIN ord_caps b ON a.t = b.t ORDER BY 1, 2;
RESET enable_hashjoin;
RESET enable_nestloop;

DROP TABLE ord_schedules, ord_contracts, ord_caps, ord_unique;
