-- The schedule cache's settings, and an error half-way through decoding a
-- schedule that PL/pgSQL catches: the next calls must price correctly.
SELECT expected_allowed('99213: 1.00', '99213');    -- loads the library
SHOW contracts_ext.schedule_cache_size;
SET contracts_ext.schedule_cache_size = '16MB';
SHOW contracts_ext.schedule_cache_size;
-- A negative size is refused (22023); core's message gives the range with
-- units from PostgreSQL 18 on, so only its version-independent part is shown.
DO $$
BEGIN
    SET contracts_ext.schedule_cache_size = -1;
EXCEPTION WHEN invalid_parameter_value THEN
    RAISE NOTICE '%: %', SQLSTATE, regexp_replace(SQLERRM, ' \(0( kB)? \.\. 2147483647( kB)?\)$', '');
END $$;
SET contracts_ext.schedule_cache_test = 'sometimes';
RESET contracts_ext.schedule_cache_size;

-- One call site (a PL/pgSQL expression keeps its cache for the whole
-- transaction) prices six schedules in turn; call 3 fails after decoding,
-- before its entry is published.  With a budget of 0 a new schedule evicts
-- the previous one, so a failed build after an eviction would leave nothing
-- valid behind; with the default budget nothing is evicted.
CREATE FUNCTION price_with_failed_build() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    s rate_schedule[] := ARRAY['99213: 100.00', '99213: 200.00', '99213: 300.00',
                               '99213: 200.00', '99213: 300.00', '99213: 100.00'];
    i int;
BEGIN
    FOR i IN 1 .. 6 LOOP
        BEGIN
            IF i = 3 THEN
                PERFORM set_config('contracts_ext.schedule_cache_test', 'fail_build', true);
            END IF;
            RAISE NOTICE 'call %: %', i, expected_allowed(s[i], '99213');
        EXCEPTION WHEN object_not_in_prerequisite_state THEN
            RAISE NOTICE 'call %: caught "%"', i, SQLERRM;
        END;
    END LOOP;
END $$;
SET contracts_ext.schedule_cache_size = 0;
SELECT price_with_failed_build();
RESET contracts_ext.schedule_cache_size;
SELECT price_with_failed_build();
DROP FUNCTION price_with_failed_build();
-- The test-only setting reports its error like any other.
SET contracts_ext.schedule_cache_test = fail_build;
SELECT expected_allowed('99213: 5.00', '99213');
RESET contracts_ext.schedule_cache_test;
SELECT expected_allowed('99213: 5.00', '99213');
