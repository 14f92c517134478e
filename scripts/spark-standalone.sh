#!/usr/bin/env bash
# A Spark standalone cluster on this machine, from the job's own jars: a master and two workers on loopback
# (one core each), the job submitted to it with spark-submit's main class (org.apache.spark.deploy.SparkSubmit),
# then the cluster stopped. It prints the job's summary and, per executor, its start (JVM up to first task),
# model loading and coding throughput, from the executors' logs.
#   scripts/spark-standalone.sh OUTPUT_DIR INPUT...        (OUTPUT_DIR must not exist)
# Settings (environment): SITREP_WORKERS (2), SITREP_WORKER_CORES (1), SITREP_EXECUTOR_MEMORY (5g),
# SITREP_SPARK_PORT (7077), SITREP_PARTITIONS (passed to --partitions when set).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
[ $# -ge 2 ] || { echo "usage: $0 OUTPUT_DIR INPUT..." >&2; exit 2; }
output="$1"; shift
workers="${SITREP_WORKERS:-2}" cores="${SITREP_WORKER_CORES:-1}" memory="${SITREP_EXECUTOR_MEMORY:-5g}"
port="${SITREP_SPARK_PORT:-7077}"
"$here/sitrep" spark --help >/dev/null   # builds spark/target on first use

# Spark's launcher finds a distribution's jars under SPARK_HOME/jars (the executors' class path): give it one made of
# spark-lib and lib, since the libraries Spark shares with sitrep (SLF4J, Jackson, commons-lang3) were put in lib only.
# The job's jars are still shipped with --jars, as on a real cluster, so that cost is in the figures.
run="$(mktemp -d "${TMPDIR:-/tmp}/sitrep-spark-standalone.XXXXXX")"
mkdir -p "$run/home/jars" "$run/logs" "$run/work"
ln -s "$here"/spark/target/spark-lib/*.jar "$here"/spark/target/lib/*.jar "$run/home/jars/"
export SPARK_HOME="$run/home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
spark_cp="$here/spark/target/sitrep-spark.jar:$run/home/jars/*"
pids=()
stop() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop EXIT

java -Xmx512m "@$here/spark/java-options" -cp "$spark_cp" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$port" --webui-port 0 >"$run/logs/master.log" 2>&1 &
pids+=($!)
for i in $(seq 1 "$workers"); do
  java -Xmx512m "@$here/spark/java-options" -cp "$spark_cp" org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --cores "$cores" --memory "$memory" --webui-port 0 --work-dir "$run/work" \
    "spark://127.0.0.1:$port" >"$run/logs/worker-$i.log" 2>&1 &
  pids+=($!)
done
for _ in $(seq 1 60); do
  [ "$(grep -c 'Registering worker' "$run/logs/master.log" 2>/dev/null || true)" -ge "$workers" ] && break
  sleep 1
done
echo "sitrep: standalone master spark://127.0.0.1:$port with $workers workers of $cores core(s), $memory each (logs in $run)" >&2

t0=$(date +%s.%N)
java -Xmx2g "@$here/spark/java-options" -cp "$spark_cp" org.apache.spark.deploy.SparkSubmit \
  --master "spark://127.0.0.1:$port" --class sitrep.spark.SparkMain \
  --conf spark.ui.enabled=false --executor-memory "$memory" --executor-cores "$cores" \
  --total-executor-cores $((workers * cores)) \
  --jars "$(ls "$here"/spark/target/lib/*.jar | paste -sd, -)" \
  "$here/spark/target/sitrep-spark.jar" extract ${SITREP_PARTITIONS:+--partitions "$SITREP_PARTITIONS"} --output "$output" "$@"
t1=$(date +%s.%N)
echo "sitrep: spark-submit took $(echo "$t1 - $t0" | bc) s in all (driver and executor start-up, jar shipping, model loading, coding, writing)" >&2

# Per executor: the first and last log lines' times bound its life; the pipeline's load line and the tasks' lines
# give model loading and coding.
for log in "$run"/work/app-*/*/stderr; do
  [ -f "$log" ] || continue
  id="$(basename "$(dirname "$log")")"
  awk -v id="$id" '
    /sitrep: pipeline loaded in/ { load = $5; up = $10 }
    /sitrep: task .* coded/ { n += $5; for (i = 1; i <= NF; i++) if ($i == "in") secs += $(i+1) + 0 }
    END { if (n > 0) printf "sitrep: executor %s: start-up %s, models loaded in %s, coded %d articles in %.1fs of tasks: %.2f articles/s\n", id, up, load, n, secs, n / secs }
  ' "$log" >&2
done
