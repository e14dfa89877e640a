# Shared set-up for test/run, test/demo and test/bench/run: install what is
# missing, build and install the extension, and run a throwaway cluster.
# Sourced, not executed.  Runs as root on Debian 12.
#
# PostgreSQL 15 from Debian's packages by default; set PG_CONFIG to the
# pg_config of another installation (another version built by test/versions,
# or a private copy made by test/private-pg) to build and test against it.

set -euo pipefail

DEBIAN_PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config
PG_CONFIG=${PG_CONFIG:-$DEBIAN_PG_CONFIG}
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# liblz4-dev: the 835 functions decompress lz4-stored remittances themselves
# (src/large_text.c); without it they use PostgreSQL's slower path.
PACKAGES=(build-essential liblz4-dev libtap-parser-sourcehandler-pgtap-perl libx12-parser-perl)
if [ "$PG_CONFIG" = "$DEBIAN_PG_CONFIG" ]; then
    PACKAGES+=(postgresql-15 postgresql-server-dev-15 postgresql-15-pgtap)
fi

say() { printf '\n== %s\n' "$*"; }

# Install the packages that are not installed yet; `apt-get update` only when
# an install cannot find a package.
ensure_packages() {
    local missing=() pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' \
            || missing+=("$pkg")
    done
    ((${#missing[@]})) || return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "missing packages: ${missing[*]}; run as root to install them" >&2
        exit 1
    fi
    say "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    local apt=(apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=600)
    "${apt[@]}" "${missing[@]}" >/tmp/contracts_ext-apt.log 2>&1 || {
        apt-get update -q -o DPkg::Lock::Timeout=600 >>/tmp/contracts_ext-apt.log 2>&1
        "${apt[@]}" "${missing[@]}" >>/tmp/contracts_ext-apt.log 2>&1 || {
            tail -20 /tmp/contracts_ext-apt.log >&2
            exit 1
        }
    }
}

# Build with warnings as errors and install into the server's directories.
build_and_install() {
    say "building contracts_ext against $("$PG_CONFIG" --version)"
    make -C "$TOP" -s PG_CONFIG="$PG_CONFIG" COPT=-Werror >/dev/null
    make -C "$TOP" -s PG_CONFIG="$PG_CONFIG" install >/dev/null
}

# Start a socket-only cluster in a fresh temporary directory, owned by the
# postgres OS user; stop_cluster (run from the EXIT trap) removes it.
CLUSTER_DIR=
KEEP_CLUSTER=0
start_cluster() {
    CLUSTER_DIR=$(mktemp -d /tmp/contracts_ext.XXXXXX)
    chown postgres: "$CLUSTER_DIR"
    chmod 755 "$CLUSTER_DIR"
    trap stop_cluster EXIT
    say "starting a throwaway cluster in $CLUSTER_DIR"
    (cd "$CLUSTER_DIR" &&
        runuser -u postgres -- "$PG_BIN/initdb" -A trust --no-sync --locale=C.UTF-8 \
            -D "$CLUSTER_DIR/data" >"$CLUSTER_DIR/initdb.log" 2>&1 &&
        runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$CLUSTER_DIR/data" -w -l "$CLUSTER_DIR/server.log" \
            -o "-c listen_addresses='' -k $CLUSTER_DIR -p 5432 -c fsync=off -c max_parallel_workers_per_gather=2 $*" \
            start >/dev/null) || {
        cat "$CLUSTER_DIR"/*.log >&2
        exit 1
    }
    export PGHOST=$CLUSTER_DIR PGPORT=5432 PGUSER=postgres
    export PATH=$PG_BIN:$PATH
}

stop_cluster() {
    local status=$?
    if [ -n "$CLUSTER_DIR" ] && [ "$KEEP_CLUSTER" -eq 0 ]; then
        (cd "$CLUSTER_DIR" && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$CLUSTER_DIR/data" \
            -m immediate stop >/dev/null 2>&1) || true
        rm -rf "$CLUSTER_DIR"
    fi
    exit $status
}

# Everything up to a running cluster with the extension installed.
setup() {
    if [ "$(id -u)" -ne 0 ]; then
        echo "run as root: the set-up installs packages and runs the server as the postgres user" >&2
        exit 1
    fi
    ensure_packages "${PACKAGES[@]}"
    PG_BIN=$("$PG_CONFIG" --bindir)
    build_and_install
    start_cluster "$@"
}
