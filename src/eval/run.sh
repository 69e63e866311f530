#!/usr/bin/env bash
# Scores the statement extraction from a clean checkout: packages the server, starts it (on the database named by
# QUARKUS_DATASOURCE_JDBC_URL, else on an embedded PostgreSQL in a throwaway folder), and runs the shared scorer on
# the seeds and on PolNeAR dev, both subsets. Usage: bash src/eval/run.sh [path/to/gold.jsonl ...]
set -euo pipefail
cd "$(dirname "$0")/../.."
shared=${QUOTELINE_SHARED:-../shared}
golds=("$@")
[ ${#golds[@]} -gt 0 ] || golds=("$shared/eval/seeds.jsonl" "$shared/eval/polnear/dev.jsonl")
port=${QUOTELINE_EVAL_PORT:-18601}
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
work=$(mktemp -d)
QUARKUS_HTTP_PORT=$port QUOTELINE_SEEDS_ENABLED=false QUOTELINE_EMBEDDED_DB_DIR="$work/db" \
  java -jar target/quarkus-app/quarkus-run.jar > "$work/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null && break
  kill -0 $pid 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 1
done
echo "Quoteline $(git rev-parse --short HEAD) scored on $(date -u +%Y-%m-%d)"
for gold in "${golds[@]}"; do
  for subset in speech direct; do
    echo "## $gold --subset $subset"
    python3 "$shared/eval/score.py" --gold "$gold" --server "http://127.0.0.1:$port/graphql" --subset "$subset"
  done
done
