-- Capitation settlements reject a negative cost (22023): it is a sign slip
-- upstream, never a cost, and would otherwise pose as a large saving.
\set VERBOSITY default
\set terms '''pmpm: 45; benchmark: 500; share: 50%; msr: 2%; corridor: 3% 50%, 8% 80%; stop_loss: 10000; stop_loss_rate: 80%'''
SELECT shared_savings(:terms, 1200, -1, 1);
SELECT corridor_settlement(:terms, 1200, -0.01);
SELECT stop_loss_recovery(:terms, -25000);
SELECT shared_savings(:terms, -1, 500000, 1);
SELECT corridor_settlement(:terms, 1200, 'NaN');
SELECT stop_loss_recovery(:terms, '-Infinity');
-- Zero is a cost (everything saved); the boundary values still compute.
SELECT shared_savings(:terms, 1200, 0, 1) AS all_saved,
       corridor_settlement(:terms, 1200, 0) AS corridor_all_saved,
       stop_loss_recovery(:terms, 0) AS no_recovery,
       stop_loss_recovery(:terms, 25000) AS recovery;
\set VERBOSITY sqlstate
SELECT shared_savings(:terms, 1200, -1, 1);
SELECT corridor_settlement(:terms, 1200, -1);
SELECT stop_loss_recovery(:terms, -1);
\set VERBOSITY default

-- Empty corridor bands are typing slips, rejected at input.
SELECT 'corridor: 3% 50%,, 8% 80%'::capitation;
SELECT 'corridor: 3% 50%, 8% 80%,'::capitation;
SELECT 'corridor: , 3% 50%'::capitation;
SELECT 'corridor: 3% 50%,  ,8% 80%'::capitation;
SELECT 'corridor: 3% 50% ,8% 80%'::capitation AS spaced_bands_still_parse;
