#!/usr/bin/env bash
# Two PostgreSQL shard servers on loopback for the distributed indicators test
# (declarative partitioning by organization with postgres_fdw foreign
# partitions; Citus is not in Debian's registry). Each shard is a cluster of
# its own, started the same way as the CI's main server. Idempotent. stdout
# is one line for the caller to eval:
#   eval "$(bash packages/indicators/scripts/ci-shards.sh)"
#   → export TEST_SHARD_URLS=postgres://postgres@127.0.0.1:54331/nastavnik_shard,postgres://…:54332/…
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
pg="$here/../../../examples/school-service/scripts/ci-postgres.sh"
urls=()
for i in 0 1; do
  line="$(NASTAVNIK_PG_PORT=$((54331 + i)) NASTAVNIK_PG_DATA="/var/lib/postgresql/nastavnik-shard$i" \
    NASTAVNIK_PG_DB=nastavnik_shard bash "$pg")"
  urls+=("${line#export TEST_DATABASE_URL=}")
done
(IFS=,; echo "export TEST_SHARD_URLS=${urls[*]}")
