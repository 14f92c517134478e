#!/usr/bin/env bash
# Crash test of ingest: kills `sitrep ingest` with SIGKILL at random points KILLS times, runs it again each time
# (as a user would after a crash), lets the last run finish, then compares the store's export with that of one
# uninterrupted run of the same input: events, their ids, their mentions and merge decisions must be identical
# (nothing lost, nothing stored twice). Run before each release, on DuckDB and on PostgreSQL.
#
#   scripts/crash-test.sh [-n KILLS] [--postgres postgresql://user@host:port/db] INPUT...
#
# With --postgres, the two stores are fresh databases created (and dropped afterwards) on that server, which
# must allow CREATE DATABASE; else they are DuckDB files in a temporary folder. Each run is killed after its
# first commit (the store grows) and a random share (0-40%) of the work still left, as timed by the
# uninterrupted run, so kills land while articles are being stored; the stats after each kill show where it
# landed. Exit 0 when the exports are identical, 1 otherwise.
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
ingest_in_background() { exec java -jar target/sitrep.jar ingest --store "$1" "${@:2}"; }
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

# Each kill waits until the run has committed an article (the store grows), then comes after a random share of
# the work still left (estimated from the clean run), so every kill lands while articles are being stored.
crashed=$(store crashed)
work=$(echo "$duration - $startup" | bc)
progress() { # a number that grows with each commit: the articles table's rows (PostgreSQL) or the file sizes (DuckDB)
  if [ -n "$postgres" ]; then psql -tAq "$1" -c "SELECT count(*) FROM articles" 2>/dev/null || echo 0
  else { cat "$1" "$1.wal" 2>/dev/null || true; } | wc -c; fi
}
for i in $(seq 1 "$kills"); do
  before=$(progress "$crashed")
  ingest_in_background "$crashed" "$@" 2>>"$tmp/crashed.log" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null && [ "$(progress "$crashed")" = "$before" ]; do sleep 0.2; done
  into=$(python3 -c "import random; print(round(random.uniform(0.0, 0.4) * $work, 1))")
  sleep "$into"
  if kill -9 "$pid" 2>/dev/null; then
    wait "$pid" 2>/dev/null || true
    echo "crash-test: kill $i, ${into}s after the run's first commit: $(stats "$crashed")" >&2
    work=$(echo "$work - $into" | bc)
  else
    wait "$pid" || true
    echo "crash-test: kill $i came after the run had finished: $(stats "$crashed")" >&2
  fi
done
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
