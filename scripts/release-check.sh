#!/usr/bin/env bash
# Checks the release archive as a user without a build gets it: unpacks target/sitrep-VERSION.zip (or $1) into a
# temp folder and, with a PATH that holds a Java runtime and the shell alone (no mvn, node, npm or javac), runs `bin/sitrep extract`
# on the bundled examples and `bin/sitrep serve`, asking the server for the web app and the API. Prints what it
# checked and exits non-zero on the first failure. Build the archive first: mvn -B -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
zip=${1:-$(ls target/sitrep-*.zip 2>/dev/null | head -n 1)}
[ -n "$zip" ] && [ -f "$zip" ] || { echo "release-check: no target/sitrep-*.zip; build it with: mvn -B -DskipTests package" >&2; exit 2; }
java_bin=$(readlink -f "$(command -v java)")
curl_bin=$(command -v curl)
unzip_bin=$(command -v unzip)
tmp=$(mktemp -d)
serve_pid=
cleanup() { if [ -n "$serve_pid" ]; then kill "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; fi; rm -rf "$tmp"; }
trap cleanup EXIT
"$unzip_bin" -q "$zip" -d "$tmp/unpacked"
home=$(ls -d "$tmp"/unpacked/sitrep-*)
mkdir "$tmp/path"
ln -s "$java_bin" "$tmp/path/java"
# The shell tools bin/sitrep itself uses; nothing of the build (mvn, node, npm, javac).
for tool in sh dirname; do ln -s "$(command -v "$tool")" "$tmp/path/$tool"; done
run() { env -i HOME="$tmp" PATH="$tmp/path" "$@"; }
for tool in mvn node npm javac; do
  if run sh -c "command -v $tool" >/dev/null 2>&1; then echo "release-check: $tool is on the stripped PATH" >&2; exit 1; fi
done
echo "release-check: $(basename "$zip") ($(du -h "$zip" | cut -f1)) unpacked to $home; PATH holds java, sh and dirname only"

run "$home/bin/sitrep" extract --quiet --threads 2 "$home/examples/articles" > "$tmp/out.jsonl"
articles=$(wc -l < "$tmp/out.jsonl")
events=$(grep -o '"cameo"' "$tmp/out.jsonl" | wc -l)
[ "$articles" -ge 5 ] && [ "$events" -ge 5 ] || { echo "release-check: extract gave $articles records, $events events" >&2; exit 1; }
echo "release-check: extract on the examples: $articles records, $events events"

# exec: the background job is the server itself, so cleanup's kill reaches it (a function run in the background is a
# subshell whose child would outlive the kill).
(exec env -i HOME="$tmp" PATH="$tmp/path" "$home/bin/sitrep" serve --store "$tmp/store.duckdb" --port 0) > "$tmp/serve.log" 2>&1 &
serve_pid=$!
for _ in $(seq 1 120); do [ -s "$tmp/store.duckdb.serve" ] && break; sleep 0.5; done
[ -s "$tmp/store.duckdb.serve" ] || { echo "release-check: serve did not start:" >&2; cat "$tmp/serve.log" >&2; exit 1; }
url=$(sed 's/.*"url":"\([^"]*\)".*/\1/' "$tmp/store.duckdb.serve")
"$curl_bin" -fsS "$url/" | grep -q '<title>sitrep</title>' || { echo "release-check: no web app at $url/" >&2; exit 1; }
"$curl_bin" -fsS "$url/app.js" > /dev/null
"$curl_bin" -fsS "$url/api/events" | grep -q '"count":0' || { echo "release-check: /api/events did not answer" >&2; exit 1; }
"$curl_bin" -fsS "$url/api/export?format=csv" | head -n 1 | grep -q '^"id","date"' || { echo "release-check: /api/export did not answer" >&2; exit 1; }
echo "release-check: serve from the release answers the web app, /api/events and /api/export at $url"
echo "release-check: passed"
