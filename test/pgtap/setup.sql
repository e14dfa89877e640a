-- Loaded by test/run into the pgTAP database before the suites run:
-- helpers the suites share.  (Not a suite itself: it has no plan.)

-- The text of a query's plan, to assert what kind of plan it gets.
CREATE FUNCTION plan_of(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    line text;
    plan text := '';
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
        plan := plan || line || E'\n';
    END LOOP;
    RETURN plan;
END $$;
