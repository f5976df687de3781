#!/usr/bin/env bash
# A PostgreSQL server for the school-service tests, on loopback only.
# Idempotent: installs Debian's postgresql if missing, creates a cluster of its
# own (not Debian's "main") if missing, starts it if stopped, creates the test
# database if missing. Everything it says goes to stderr; stdout is one line
# for the caller to eval:
#   eval "$(bash examples/school-service/scripts/ci-postgres.sh)"
#   → export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:54329/nastavnik_test
# Run as root (CI is root); the server itself runs as the postgres user.
set -euo pipefail

PORT="${NASTAVNIK_PG_PORT:-54329}"
DATA="${NASTAVNIK_PG_DATA:-/var/lib/postgresql/nastavnik-ci}"
DB="${NASTAVNIK_PG_DB:-nastavnik_test}"
log() { echo "ci-postgres: $*" >&2; }

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

if [[ -z "$(find_bin)" || ! -x "$(find_bin)/initdb" ]]; then
  log "installing postgresql from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
BIN="$(find_bin)"
log "using $BIN"

as_pg() {
  if [[ "$(id -un)" == postgres ]]; then "$@"; else runuser -u postgres -- "$@"; fi
}

if [[ ! -f "$DATA/PG_VERSION" ]]; then
  log "initdb $DATA"
  mkdir -p "$DATA"
  chown postgres:postgres "$DATA"
  chmod 700 "$DATA"
  as_pg "$BIN/initdb" -D "$DATA" -U postgres -E UTF8 --locale=C --auth-local=trust --auth-host=trust >&2
fi

if ! as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  log "starting on 127.0.0.1:$PORT"
  as_pg "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories=/tmp -c max_connections=100" \
    start >&2
fi

for _ in $(seq 1 60); do
  if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then break; fi
  sleep 1
done
"$BIN/pg_isready" -h 127.0.0.1 -p "$PORT" >&2

PSQL=("$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qtA)
if [[ "$("${PSQL[@]}" -d postgres -c "select 1 from pg_database where datname = '$DB'")" != 1 ]]; then
  log "creating database $DB"
  "${PSQL[@]}" -d postgres -c "create database $DB" >&2
fi

echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$PORT/$DB"
