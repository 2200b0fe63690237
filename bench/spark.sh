#!/usr/bin/env bash
# Gramian on Spark against Spark MLlib's LinearRegression (solver "normal", regParam 0, no
# standardization), on the same cached DataFrames, in one run: the time of a (1e6, 50) fit in
# local[2] and the correct digits on the NIST StRD files. Prints a Markdown section for
# bench/RESULTS.md (this script does not edit that file).
# Usage: bench/spark.sh [MASTER] [n] [p] [repeats]      (default: local[2] 1000000 50 3)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
MASTER=${1:-local[2]}
N=${2:-1000000}
P=${3:-50}
REPEATS=${4:-3}
NIST=${NIST_DIR:-$ROOT/../shared/data/nist-strd}
log() { echo "[spark bench $(date -u +%H:%M:%S), load $(cut -d' ' -f1-3 /proc/loadavg)] $*" >&2; }

log "building gramian-spark (package, no install)"
mvn -B -q -DskipTests package -pl gramian-spark -am
# Spark and the other libraries from Maven's cache; gramian itself from the application jar
# (gramian-cli's own artifact is its shaded jar, whose jackson would clash with Spark's).
mvn -B -q dependency:build-classpath -pl gramian-spark -am \
    -DexcludeArtifactIds=gramian-core,gramian-io,gramian-cli \
    -Dmdep.outputFile="$ROOT/gramian-spark/target/bench.classpath" >/dev/null
CP="$ROOT/gramian-spark/target/gramian-spark-app.jar:$(cat "$ROOT/gramian-spark/target/bench.classpath")"
# The JVM flags Spark needs on Java 17 (what spark-submit adds; the same list as the module's tests).
OPENS=$(sed -n 's:.*<spark.java17.opens>\(.*\)</spark.java17.opens>.*:\1:p' gramian-spark/pom.xml)

START_LOAD=$(uptime)
log "running MllibComparison $MASTER n=$N p=$P repeats=$REPEATS"
# the parts are also in gramian-spark/target/spark-bench.out as soon as each is done
OUT=$(java $OPENS -Xmx5g -cp "$CP" org.gramian.spark.bench.MllibComparison "$MASTER" "$NIST" "$N" "$P" "$REPEATS" \
      2> >(grep -v "^WARNING: Using incubator modules" >&2) | tee "$ROOT/gramian-spark/target/spark-bench.out")
END_LOAD=$(uptime)
cat <<MD
## Gramian on Spark vs Spark MLlib (bench/spark.sh)

- date: $(date -u '+%Y-%m-%d %H:%M UTC'); master: $MASTER; nproc: $(nproc)
- java: $(java -version 2>&1 | head -1)
- uptime at start: $START_LOAD
- uptime at end:   $END_LOAD

$OUT
MD
