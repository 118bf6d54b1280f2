#!/usr/bin/env bash
# Run a command with a throwaway PostgreSQL server and BAS_TEST_POSTGRES_URL pointing at it.
#
#   tools/with_postgres.sh .venv/bin/python -m pytest
#
# Installs PostgreSQL with apt when initdb/pg_ctl are missing, creates a cluster in a temporary
# folder on a free local port (as the `postgres` user when run as root), creates a database,
# exports BAS_TEST_POSTGRES_URL=postgresql+psycopg://postgres@127.0.0.1:<port>/bas_test, runs
# the command, and always stops and removes the cluster afterwards. Exits with the command's
# status. When BAS_TEST_POSTGRES_URL is already set, the command runs against that server.
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 COMMAND [ARG...]" >&2
    exit 2
fi

if [ -n "${BAS_TEST_POSTGRES_URL:-}" ]; then
    exec "$@"
fi

log() { echo "with_postgres: $*" >&2; }

find_pg_bin() {
    local candidate
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(readlink -f "$(command -v pg_ctl)")"
        return 0
    fi
    # Debian keeps the server binaries out of PATH, one folder per major version.
    for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

PG_BIN="$(find_pg_bin || true)"
if [ -z "$PG_BIN" ]; then
    log "PostgreSQL not found; installing it with apt"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    PG_BIN="$(find_pg_bin)" || { log "PostgreSQL install failed"; exit 1; }
fi

# The server refuses to run as root: run it as `postgres` (created by the Debian package).
as_pg() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
    if ! id postgres >/dev/null 2>&1; then
        useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    fi
    as_pg() { runuser -u postgres -- "$@"; }
fi

PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/bas-postgres.XXXXXX")"
[ "$(id -u)" -eq 0 ] && chown postgres: "$WORK"
chmod 700 "$WORK"

cleanup() {
    local status=$?
    if [ -f "$WORK/data/postmaster.pid" ]; then
        as_pg "$PG_BIN/pg_ctl" -D "$WORK/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

as_pg "$PG_BIN/initdb" -D "$WORK/data" -U postgres --auth=trust -E UTF8 --no-locale \
    >"$WORK/initdb.log" 2>&1 || { cat "$WORK/initdb.log" >&2; exit 1; }

# A throwaway cluster: listen on loopback only, socket in the temp folder, no fsync (the
# store's durability under a killed client is tested; the server's own is PostgreSQL's).
as_pg "$PG_BIN/pg_ctl" -D "$WORK/data" -l "$WORK/server.log" -w -t 60 \
    -o "-p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$WORK -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
    start >/dev/null || { cat "$WORK/server.log" >&2; exit 1; }

as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE DATABASE bas_test" >/dev/null

export BAS_TEST_POSTGRES_URL="postgresql+psycopg://postgres@127.0.0.1:$PORT/bas_test"
log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT (BAS_TEST_POSTGRES_URL set)"

set +e
"$@"
status=$?
set -e
exit "$status"
