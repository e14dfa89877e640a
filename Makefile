# contracts_ext: PGXS build.  `make && make install`, then the tests with
# `bash test/run` (it installs what is missing and runs a throwaway cluster).

EXTENSION = contracts_ext
MODULE_big = contracts_ext
OBJS = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))
DATA = sql/contracts_ext--1.0.sql

# pg_regress inputs are sql/<name>.sql, outputs expected/<name>.out.  The list
# is explicit so the install script in sql/ is never run as a test.
REGRESS = bizdays contract contract_functions rate_schedule pricing capitation variance carc binary
REGRESS_OPTS = --inputdir=. --load-extension=contracts_ext

PG_CFLAGS = -Wall -Wextra -Werror -Wno-unused-parameter -Wno-missing-field-initializers -Wno-sign-compare
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
