#!/usr/bin/env bash
# Limits and cancellation: statement_timeout stops the longest operations on
# the largest values (a 1,000,000-entry rate schedule, the documented
# limit) within 100 ms of the timeout, counted beyond the latency of core's
# own string_agg over the same rows measured in the same run (on a loaded
# machine the timer signal itself can come late).  The schedule is stored uncompressed
# (STORAGE external): decompressing a 30 MB value is PostgreSQL's own work,
# which no extension can interrupt (see README, "Limits").
# Run by test/run against its cluster (PGHOST etc. set); prints a TAP stream.
set -euo pipefail

db=contracts_cancel
TIMEOUT=300
SLACK=${CANCEL_SLACK_MS:-100}
q() { psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$db" -c "$1"; }
trap 'dropdb --if-exists "$db" >/dev/null 2>&1' EXIT
createdb "$db"
q "CREATE EXTENSION contracts_ext"
# JIT compilation (LLVM, core's work at a query's start, in each parallel
# worker too) cannot be interrupted, and the leader waits for its workers
# to stop: it is measured apart (README, "Limits"), not charged to the cases.
q "ALTER DATABASE $db SET jit = off"
q "CREATE TABLE big (t text, s rate_schedule, codes text[])"
q "ALTER TABLE big ALTER t SET STORAGE external, ALTER s SET STORAGE external"
q "INSERT INTO big (t) SELECT string_agg('A' || lpad((i - 1)::text, 6, '0') || ': ' || (i % 1000 + 0.25)::text, '; ')
   FROM generate_series(1, 1000000) AS i"
q "UPDATE big SET s = t::rate_schedule, codes = ARRAY['A000001', 'A999999']"
q "CREATE TABLE big_rows AS SELECT 'A' || lpad((i - 1)::text, 6, '0') AS code, i % 1000 + 0.25 AS amount FROM generate_series(1, 1000000) AS i"

# An expression of n expected_allowed calls, each its own call site with its
# own schedule cache, so each first call decodes the schedule afresh.
call_sites() {
    local i calls=()
    for ((i = 1; i <= $1; i++)); do
        calls+=("expected_allowed(s, 'A00000$i', NULL, 1, NULL, NULL, 1, false)")
    done
    local IFS=+
    echo "${calls[*]}"
}

# "what|SELECT ...", or "what|SET ...|SELECT ..." to run the query after a setting.
cases=(
    "text input of 1,000,000 entries|SELECT length(t::rate_schedule::text) FROM big"
    "text output|SELECT length(s::text) FROM big"
    "cast to jsonb|SELECT length(s::jsonb::text) FROM big"
    "cast from jsonb|SELECT s::jsonb::rate_schedule = s FROM big"
    "rate_schedule_entries|SELECT count(*) FROM big, rate_schedule_entries(s)"
    "rate_schedule_scale, every rate|SELECT length(rate_schedule_scale(s, 5)::text) FROM big"
    "rate_schedule_scale, listed codes|SELECT length(rate_schedule_scale(s, 5, codes)::text) FROM big"
    "the || merge of two large schedules|SELECT length((s || s)::text) FROM big"
    "rate_schedule_agg over 1,000,000 rows|SELECT length(rate_schedule_agg(code, amount)::text) FROM big_rows"
    "pricing 1,000,000 lines|SELECT sum(expected_allowed(s, code, NULL, 1, NULL, NULL, 1, false)) FROM big, big_rows"
    "first expected_allowed calls at 8 call sites, each decoding the schedule|SELECT $(call_sites 8) FROM big"
    "first expected_allowed calls at 4 call sites, each indexing all 1,000,000 codes|SET contracts_ext.schedule_cache_test = index_whole|SELECT $(call_sites 4) FROM big"
)
# run SQL [SETTING]: the output of running it under the timeout, with its time
run() {
    psql -X -q -d "$db" -c "SET statement_timeout = $TIMEOUT" ${2:+-c "$2"} -c '\timing on' -c "$1" 2>&1 || true
}
ms_of() { sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' <<<"$1" | tail -1; }
baseline=$(ms_of "$(run "SELECT length(string_agg(code || ': ' || amount, '; ')) FROM big_rows")")
limit=$(awk -v b="$baseline" -v t=$TIMEOUT -v s="$SLACK" 'BEGIN { print (b > t ? b : t) + s }')
echo "1..${#cases[@]}"
echo "# core's string_agg over the same rows was cancelled after $baseline ms; limit $limit ms"
i=0
for c in "${cases[@]}"; do
    i=$((i + 1))
    setting=
    if [[ $c == *"|SET "*"|SELECT"* ]]; then
        what=${c%%|SET *}
        setting=${c#*|}
        setting=${setting%%|SELECT*}
    else
        what=${c%%|SELECT*}
    fi
    out=$(run "SELECT${c#*|SELECT}" "$setting")
    ms=$(ms_of "$out")
    if grep -q 'canceling statement due to statement timeout' <<<"$out" &&
       awk -v ms="$ms" -v lim="$limit" 'BEGIN { exit !(ms <= lim) }'; then
        echo "ok $i - $what: cancelled after $ms ms (timeout $TIMEOUT ms)"
    else
        echo "not ok $i - $what: not cancelled within $limit ms (${ms:-?} ms)"
        grep -v '^Time' <<<"$out" | head -3 | sed 's/^/#   /'
    fi
done
