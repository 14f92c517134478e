#!/usr/bin/env bash
# Times reading a synthetic CC-NEWS-like .warc.gz through the ingest stage alone (no NLP), with a small heap to
# show that archives stream: scripts/warc-read-bench.sh [MEGABYTES, default 50] [HEAP, default 64m].
# Needs a built project (target/classes, target/lib: mvn -DskipTests package) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 scripts/make-warc.py "$tmp/bench.warc.gz" "${1:-50}"
timer=()
if [ -x /usr/bin/time ]; then timer=(/usr/bin/time -f 'peak RSS %M KB, %e s wall, %U s user'); fi
"${timer[@]}" java -Xmx"${2:-64m}" -cp "target/classes:target/lib/*" scripts/WarcReadBench.java "$tmp/bench.warc.gz"
