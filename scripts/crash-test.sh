#!/usr/bin/env bash
# Crash test of ingest: kills `sitrep ingest` with SIGKILL at random points KILLS times, runs it again each time
# (as a user would after a crash), lets the last run finish, then compares the store's export with that of one
# uninterrupted run of the same input: events, their ids, their mentions and merge decisions must be identical
# (nothing lost, nothing stored twice). Run before each release, on DuckDB and on PostgreSQL.
#
#   scripts/crash-test.sh [-n KILLS] [--postgres postgresql://user@host:port/db] INPUT...
#
# With --postgres, the two stores are fresh databases created (and dropped afterwards) on that server, which
# must allow CREATE DATABASE; else they are DuckDB files in a temporary folder. Kill points are drawn from the
# articles still to store: each run is killed after a random number of further articles (at most a fair share of
# those left, so every kill has articles left to land in), as its progress lines count them, and then a random
# part of one article's time (from the uninterrupted run), so the kill lands at any point of an article's work:
# annotation, merging, the commit. The stats after each kill show where it landed. Exit 0 when the exports are
# identical, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
kills=5
postgres=""
while [ $# -gt 0 ]; do
  case "$1" in
    -n) kills="$2"; shift 2 ;;
    --postgres) postgres="$2"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || { echo "usage: scripts/crash-test.sh [-n KILLS] [--postgres URL] INPUT..." >&2; exit 2; }
./sitrep --help >/dev/null  # builds the jar when sources changed
tmp=$(mktemp -d)
cleanup() {
  if [ -n "$postgres" ]; then
    for db in "${dbs[@]:-}"; do [ -n "$db" ] && psql -q "$postgres" -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true; done
  fi
  rm -rf "$tmp"
}
dbs=()
trap cleanup EXIT
store() { # a fresh store named $1
  if [ -n "$postgres" ]; then
    local db="sitrep_crash_$1_$$"
    psql -q "$postgres" -c "CREATE DATABASE $db" >/dev/null
    dbs+=("$db")
    echo "${postgres%/*}/$db"
  else
    echo "$tmp/$1.duckdb"
  fi
}
ingest() { java -jar target/sitrep.jar ingest --store "$1" "${@:2}"; }
# In the background: exec, so that the job's pid is the JVM's own and kill -9 reaches it.
ingest_in_background() { exec java -jar target/sitrep.jar ingest --progress-every 1 --store "$1" "${@:2}"; }
export_events() { # store, output: the export without the times that say when a row was written
  java -jar target/sitrep.jar export --store "$1" --format jsonl --output "$tmp/raw.jsonl"
  python3 -c '
import json, sys
def clean(v):
    if isinstance(v, dict):
        return {k: clean(x) for k, x in v.items() if k not in ("first_seen", "updated_at", "ingested_at")}
    if isinstance(v, list):
        return [clean(x) for x in v]
    return v
with open(sys.argv[1]) as f, open(sys.argv[2], "w") as out:
    for line in f:
        out.write(json.dumps(clean(json.loads(line)), sort_keys=True) + "\n")
' "$tmp/raw.jsonl" "$2"
}
stats() { java -jar target/sitrep.jar stats --store "$1" 2>/dev/null | tr -d '\n' || echo "(no store yet)"; }

# Start-up (JVM, models) before the first article: an ingest of nothing.
: > "$tmp/empty.jsonl"
start=$(date +%s.%N)
ingest "$tmp/startup.duckdb" "$tmp/empty.jsonl" 2>/dev/null
startup=$(echo "$(date +%s.%N) - $start" | bc)

clean=$(store clean)
start=$(date +%s.%N)
ingest "$clean" "$@" 2>"$tmp/clean.log"
duration=$(echo "$(date +%s.%N) - $start" | bc)
export_events "$clean" "$tmp/clean.jsonl"
echo "crash-test: uninterrupted run: $(stats "$clean") in ${duration}s (start-up ${startup}s)" >&2

# Kill points by articles stored: the clean run says how many articles there are and how long one takes.
crashed=$(store crashed)
articles() { sed -n 's/.*"articles" *: *\([0-9]*\).*/\1/p' <<<"$1"; }
total=$(articles "$(stats "$clean")")
per_article=$(echo "($duration - $startup) / $total" | bc -l)
done_in() { # articles a run's progress lines have counted (skipped ones included), 0 before the first
  local n
  n=$({ grep -o 'sitrep: [0-9,]*[/ ]' "$1" 2>/dev/null || true; } | tail -n 1 | tr -dc '0-9')
  echo "${n:-0}"
}
landed=0
for i in $(seq 1 "$kills"); do
  stored=$(articles "$(stats "$crashed")"); stored=${stored:-0}
  left=$((total - stored))
  # At most a fair share of what is left, so the kills still to come have articles to land in.
  further=$(python3 -c "import random; print(random.randint(1, max(1, $left // ($kills - $i + 2))))")
  after=$(python3 -c "import random; print(round(random.uniform(0, $per_article), 2))")
  log="$tmp/crashed.$i.log"
  ingest_in_background "$crashed" "$@" 2>"$log" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null && [ "$(done_in "$log")" -lt $((stored + further)) ]; do sleep 0.1; done
  sleep "$after"
  if kill -9 "$pid" 2>/dev/null; then
    wait "$pid" 2>/dev/null || true
    landed=$((landed + 1))
    echo "crash-test: kill $i after $further more articles and ${after}s: $(stats "$crashed")" >&2
  else
    wait "$pid" || true
    echo "crash-test: kill $i came after the run had finished: $(stats "$crashed")" >&2
  fi
  cat "$log" >>"$tmp/crashed.log"
done
echo "crash-test: $landed of $kills kills landed during an ingest" >&2
ingest "$crashed" "$@" 2>>"$tmp/crashed.log"
export_events "$crashed" "$tmp/crashed.jsonl"
echo "crash-test: after $kills kills and a last run: $(stats "$crashed")" >&2

python3 - "$tmp/clean.jsonl" "$tmp/crashed.jsonl" <<'PY'
import json, sys
def load(path):
    events = [json.loads(l) for l in open(path)]
    # A mention is its article and its offsets there (sentence and trigger).
    mentions = [(m["article_id"], m["start"], m["end"], m["trigger"]["start"], m["trigger"]["end"]) for e in events for m in e.get("mentions", [])]
    return events, mentions
ce, cm = load(sys.argv[1])
ke, km = load(sys.argv[2])
lost = len(set(cm) - set(km))
duplicated = len(km) - len(set(km)) + len(set(km) - set(cm))
lost_events = len({e["id"] for e in ce} - {e["id"] for e in ke})
extra_events = len({e["id"] for e in ke} - {e["id"] for e in ce})
identical = ce == ke
print(f"crash-test: clean {len(ce)} events / {len(cm)} mentions; crashed {len(ke)} events / {len(km)} mentions; "
      f"lost {lost} mentions, {lost_events} events; duplicated {duplicated} mentions, {extra_events} extra events; "
      f"exports identical: {'yes' if identical else 'no'}")
sys.exit(0 if identical else 1)
PY
