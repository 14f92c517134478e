#!/usr/bin/env bash
# Load test of `sitrep serve` on loopback with wrk (Debian package `wrk`): starts the server on a free port
# over a store (default: examples.duckdb, ingested from examples/articles when missing), runs wrk against a
# few read endpoints and prints requests/s, the 99th-percentile and the longest latency and any errors of each (a
# request counts as timed out after 10 s, so slow answers stay in the latency figures; the longest says whether
# any took over wrk's default time-out of 2 s), then stops the server. Each endpoint gets a 3 s warm-up
# first (not counted): the figures are those of a server that has run a while, its code compiled by the JIT.
# Usage: scripts/load-test.sh [STORE] [SECONDS] [CONNECTIONS] [SERVE OPTIONS...]
#   e.g. scripts/load-test.sh 100k.duckdb 15 32 --answer-cache-mb 0   (every answer computed: the store's own speed)
set -euo pipefail
cd "$(dirname "$0")/.."
store=${1:-examples.duckdb}
secs=${2:-10}
conns=${3:-32}
shift $(( $# < 3 ? $# : 3 ))
command -v wrk >/dev/null || { echo "load-test: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
[ -e "$store" ] || ./sitrep ingest --store "$store" examples/articles
port=$((20000 + RANDOM % 20000))
./sitrep serve --store "$store" --port "$port" "$@" 2>/tmp/sitrep-load-serve.$$.log &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f /tmp/sitrep-load-serve.$$.log' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/api/openapi.json" >/dev/null 2>&1 && break
  sleep 0.5
done
printf '%-48s %10s %10s %10s\n' endpoint req/s p99 max
for path in "/api/events?limit=100" "/api/events?country=SYR&plover=ASSAULT" "/api/events?q=killed" \
            "/api/stats/timeline?interval=auto" "/api/stats/actors" "/api/events/$(curl -fs "http://127.0.0.1:$port/api/events?limit=1" | sed -n 's/^{"events":\[{"id":"\([^"]*\)".*/\1/p' \
              | sed -e 's/%/%25/g' -e 's/#/%23/g' -e 's/?/%3F/g' -e 's/ /%20/g' -e 's|/|%2F|g')"; do
  wrk -t2 -c"$conns" -d3s "http://127.0.0.1:$port$path" >/dev/null
  out=$(wrk -t2 -c"$conns" -d"${secs}s" --timeout 10s --latency "http://127.0.0.1:$port$path")
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  max=$(awk '$1 == "Latency" {print $4}' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out")
  printf '%-48s %10s %10s %10s %s\n' "$path" "$rps" "$p99" "$max" "$errors"
done
