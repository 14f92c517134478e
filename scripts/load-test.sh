#!/usr/bin/env bash
# Load test of `sitrep serve` on loopback with wrk (Debian package `wrk`): starts the server on a free port
# over a store (default: examples.duckdb, ingested from examples/articles when missing), runs wrk against a
# few read endpoints and prints requests/s and the 99th-percentile latency of each (a request counts as timed out
# after 10 s, so slow answers stay in the latency figures), then stops the server.
# Usage: scripts/load-test.sh [STORE] [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
store=${1:-examples.duckdb}
secs=${2:-10}
conns=${3:-32}
command -v wrk >/dev/null || { echo "load-test: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
[ -e "$store" ] || ./sitrep ingest --store "$store" examples/articles
port=$((20000 + RANDOM % 20000))
./sitrep serve --store "$store" --port "$port" 2>/tmp/sitrep-load-serve.$$.log &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f /tmp/sitrep-load-serve.$$.log' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/api/openapi.json" >/dev/null 2>&1 && break
  sleep 0.5
done
printf '%-48s %12s %10s\n' endpoint req/s p99
for path in "/api/events?limit=100" "/api/events?country=SYR&plover=ASSAULT" "/api/events?q=killed" \
            "/api/stats/timeline?interval=auto" "/api/stats/actors" "/api/events/$(curl -fs "http://127.0.0.1:$port/api/events?limit=1" | sed -n 's/^{"events":\[{"id":"\([^"]*\)".*/\1/p' \
              | sed -e 's/%/%25/g' -e 's/#/%23/g' -e 's/?/%3F/g' -e 's/ /%20/g' -e 's|/|%2F|g')"; do
  out=$(wrk -t2 -c"$conns" -d"${secs}s" --timeout 10s --latency "http://127.0.0.1:$port$path")
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out")
  printf '%-48s %12s %10s %s\n' "$path" "$rps" "$p99" "$errors"
done
