# contracts_ext: PGXS build.  `make && make install`, then the tests with
# `bash test/run` (it installs what is missing and runs a throwaway cluster).

EXTENSION = contracts_ext
MODULE_big = contracts_ext
OBJS = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))
DATA = sql/contracts_ext--1.0.sql sql/contracts_ext--1.1.sql sql/contracts_ext--1.0--1.1.sql
SCRIPTS = bin/contracts_ext_load_835

# pg_regress inputs are sql/<name>.sql, outputs expected/<name>.out: every
# expected output names a test (so the install scripts in sql/ never run as
# one); expected/<name>_N.out are pg_regress's alternative outputs.
REGRESS = $(sort $(filter-out %_1 %_2 %_3,$(basename $(notdir $(wildcard expected/*.out)))))
REGRESS_OPTS = --inputdir=. --load-extension=contracts_ext

# Warnings are errors in the tests (test/lib.sh passes COPT=-Werror), not in
# a user's build against a newer compiler.
PG_CFLAGS = -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -Wno-sign-compare
override with_llvm = no

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# Headers carry inline hot paths: any change rebuilds every object.
$(OBJS): $(wildcard src/*.h)

# Benchmarks: not part of the test suite (bash test/bench/run quick for a short run).
.PHONY: bench
bench:
	bash test/bench/run
