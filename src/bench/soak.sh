#!/usr/bin/env bash
# Sustained-load check (issue #5): the packaged server on a database holding the seeds (plus PolNeAR dev's 84 articles
# when ../shared is present), a 15 s warm-up, then wrk with 32 connections for 60 s over a mix of read queries
# (src/bench/wrk/soak.lua), loopback only. Fails on any non-2xx, socket error or GraphQL error, or when the heap in
# use after a full GC grew by more than 20 % (and 16 MB) over the run. Prints the figures the README quotes.
#   bash src/bench/soak.sh            SOAK_DURATION=60s SOAK_CONNECTIONS=32 SOAK_THREADS=2 SOAK_PORT=18871
#   SOAK_DB=quoteline_soak (on 127.0.0.1:5432 as postgres, dropped and created)  SOAK_JAVA_OPTS=-Xmx512m
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${SOAK_PORT:-18871}
DURATION=${SOAK_DURATION:-60s}
CONNECTIONS=${SOAK_CONNECTIONS:-32}
THREADS=${SOAK_THREADS:-2}
DB=${SOAK_DB:-quoteline_soak}
JAVA_OPTS=${SOAK_JAVA_OPTS:--Xmx512m}
APP=${SOAK_APP:-target/quarkus-app/quarkus-run.jar}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B package -DskipTests

work=$(mktemp -d)
mkdir -p "$work/seeds"
cp seeds/* "$work/seeds/"
if [ -f ../shared/eval/polnear/dev.jsonl ] && [ "${SOAK_POLNEAR:-1}" = 1 ]; then
  python3 - "$work/seeds" ../shared/eval/polnear/dev.jsonl <<'PY'
import json, sys, pathlib
out = pathlib.Path(sys.argv[1])
for i, line in enumerate(open(sys.argv[2], encoding="utf-8")):
    a = json.loads(line)
    (out / f"polnear_{i:03d}.txt").write_text(a["text"], encoding="utf-8")
    meta = {k: a[k] for k in ("title", "publisher", "publishedAt") if a.get(k)}
    (out / f"polnear_{i:03d}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
PY
fi
psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $DB with (force)" -c "create database $DB"

# shellcheck disable=SC2086
QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_DATASOURCE_USERNAME=postgres \
  QUOTELINE_SEEDS_DIR="$work/seeds" \
  java $JAVA_OPTS -jar "$APP" > "$work/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break
  kill -0 $pid || { tail -30 "$work/server.log"; exit 1; }
  sleep 1
done
grep "Seeds loaded" "$work/server.log"

heap_used_mb() { # heap in use after a full GC, in MB (G1: "garbage-first heap   total 123K, used 45K")
  jcmd "$pid" GC.run >/dev/null; sleep 2; jcmd "$pid" GC.run >/dev/null; sleep 1
  jcmd "$pid" GC.heap_info | sed -n 's/.*heap *total [0-9]*K, used \([0-9]*\)K.*/\1/p' | head -1 | awk '{printf "%.1f", $1/1024}'
}

url="http://127.0.0.1:$PORT/graphql"
echo "== warm-up: 15 s, $CONNECTIONS connections"
wrk -t"$THREADS" -c"$CONNECTIONS" -d15s --timeout 10s -s src/bench/wrk/soak.lua "$url" | grep SOAK
before=$(heap_used_mb)
echo "heap after GC before the run: $before MB"
echo "== run: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout 10s --latency"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s src/bench/wrk/soak.lua "$url" | tee "$work/wrk.txt"
after=$(heap_used_mb)
echo "heap after GC after the run: $after MB"
threads=$(jcmd "$pid" Thread.print | grep -c '^"' || true)
echo "live JVM threads after the run: $threads"
result=$(grep '^SOAK {' "$work/wrk.txt")
echo "RESULT date=$(date -u +%Y-%m-%dT%H:%MZ) heap_before_mb=$before heap_after_mb=$after ${result#SOAK }"
errors=$(echo "$result" | python3 -c 'import json,sys; r=json.loads(sys.stdin.read()[5:]); print(r["non2xx"]+r["socket_errors"]+r["gql_errors"])')
grown=$(python3 -c "print(1 if $after > $before * 1.2 + 16 else 0)")
rm -rf "$work"
[ "$errors" = 0 ] || { echo "FAILED: $errors failed responses"; exit 1; }
[ "$grown" = 0 ] || { echo "FAILED: heap grew from $before MB to $after MB"; exit 1; }
echo "OK: no errors, heap did not grow"
