#!/usr/bin/env bash
# The test suite, as README and CI run it. When PostgreSQL is installed it first starts a throwaway server
# on loopback (fresh data folder, fresh database) so the PostgreSQL store is tested against a real server;
# the server is stopped and removed when the tests end. Running as root, it installs Debian's chromium and
# chromium-driver when missing, for the web app's browser test. Then it runs Maven's tests (the main module's, then
# the Spark module's), builds the release archive and checks it with scripts/release-check.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -n "$pgbin" ] && [ -x "$pgbin/initdb" ] && [ -x "$pgbin/pg_ctl" ]; then
  # PostGIS, when it can be installed, so the store's geometry column is tested too (best effort).
  pgver=$(basename "$(dirname "$pgbin")")
  if [ ! -e "/usr/share/postgresql/$pgver/extension/postgis.control" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-$pgver-postgis-3") >/dev/null 2>&1 \
      || echo "scripts/test.sh: PostGIS could not be installed; its test is skipped" >&2
  fi
  tmp=$(mktemp -d)
  # PostgreSQL refuses to run as root; run it as the postgres account then.
  as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  if [ "$(id -u)" = 0 ]; then chown postgres "$tmp"; fi
  port=$((20000 + RANDOM % 20000))
  as_pg "$pgbin/initdb" -D "$tmp/data" -A trust -U sitrep -E UTF8 >/dev/null
  as_pg "$pgbin/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w \
    -o "-p $port -k $tmp -c listen_addresses=127.0.0.1" start >/dev/null
  trap 'as_pg "$pgbin/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
  as_pg "$pgbin/createdb" -h 127.0.0.1 -p "$port" -U sitrep sitrep_test
  export SITREP_TEST_POSTGRES="postgresql://sitrep@127.0.0.1:$port/sitrep_test"
  echo "scripts/test.sh: PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port for the store tests" >&2
else
  echo "scripts/test.sh: PostgreSQL is not installed; the PostgreSQL store tests will be skipped" >&2
fi
# The web app's end-to-end test drives Debian's headless Chromium; install it when missing and we may.
if [ ! -x /usr/bin/chromedriver ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "scripts/test.sh: installing chromium and chromium-driver (Debian) for the browser test" >&2
    { DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 \
      || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >/dev/null 2>&1; }; } \
      || echo "scripts/test.sh: could not install Chromium; the browser test will be skipped" >&2
  else
    echo "scripts/test.sh: no Chromium (needs root to install chromium and chromium-driver); the browser test will be skipped" >&2
  fi
fi
# The OpenAPI linter (npm, pinned in scripts/api-lint) that OpenApiLintTest runs; the test is skipped without it.
if command -v npm >/dev/null; then
  (cd scripts/api-lint && npm ci --no-audit --no-fund --loglevel=error >/dev/null) \
    || echo "scripts/test.sh: could not install the OpenAPI linter; its test will be skipped" >&2
fi
mvn -B test
# The Spark module's tests (spark/, built with this checkout's main classes in one reactor): the job on local[2] over
# files written by the test, compared with extract and ingest (about two minutes).
mvn -B -f spark/reactor.xml test -Dtest='sitrep.spark.*Test' -Dsurefire.failIfNoSpecifiedTests=false
# The release archive, run from a temp folder with a Java runtime alone (no mvn or node on the PATH).
mvn -B -q -DskipTests package
scripts/release-check.sh
