#!/usr/bin/env bash
# Gramian benchmarks against numpy/pandas, all measured in this one run. Prints one table of
# ratios and writes it, with the machine description, to bench/RESULTS.md.
# Usage: bench/run.sh            (about 5-10 minutes on 2 cores; the 400 MB CSV is made once)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY=/usr/bin/python3            # Debian's python with Debian's numpy/pandas (not a pyenv shim)
DATA=$ROOT/bench/data
CSV=$DATA/fit-1e6x21.csv
mkdir -p "$DATA"
log() { echo "[bench $(date -u +%H:%M:%S), load $(cut -d' ' -f1-3 /proc/loadavg)] $*" >&2; }

log "installing numpy and pandas from Debian"
if [ "$(id -u)" = 0 ]; then
    apt-get update -qq >/dev/null || log "apt-get update failed (offline?); using what is installed"
    apt-get install -y -qq python3-numpy python3-pandas >/dev/null || log "apt-get install failed"
else
    log "not root: skipping apt-get, using the installed python3-numpy/python3-pandas"
fi
$PY -c 'import numpy, pandas' || { echo "bench: /usr/bin/python3 lacks numpy or pandas" >&2; exit 1; }

log "building (mvn -B -q -DskipTests install)"
mvn -B -q -DskipTests install
JAR=$ROOT/gramian-bench/target/benchmarks.jar
# --add-modules: Gramian's Vector API Gram kernel, as ./gramian runs it (the JVM's one-line
# "WARNING: Using incubator modules" notice goes to stderr, with this script's log). The harnesses
# that measure a warmed-up JVM (in memory, kernel) force it from the first tile
# (-Dgramian.kernel=vector; their warm-up runs absorb the JIT); the end-to-end CSV fit runs as a
# user's would, in the default auto mode (scalar until 1 s of Gram work, see GramKernels).
VECTOR=(--add-modules jdk.incubator.vector)
JAVA=(java -Xmx12g "${VECTOR[@]}" -Dgramian.kernel=vector -cp "$JAR")
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
RESULTS=$(mktemp)
trap 'rm -f "$RESULTS"' EXIT

field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" | head -1; }

# a. in memory: Gramian fit (CHOLESKY) vs numpy normal equation and numpy lstsq
for nd in "1000000 10" "1000000 50" "200000 200"; do
    set -- $nd
    log "in memory n=$1 d=$2"
    g=$("${JAVA[@]}" org.gramian.bench.InMemoryFit "$1" "$2" 3 5 CHOLESKY | field median_s)
    peers=$($PY bench/peers.py inmem "$1" "$2" 5)
    c=$(echo "$peers" | grep numpy_chol | field median_s)
    l=$(echo "$peers" | grep numpy_lstsq | field median_s)
    echo "inmem $1 $2 $g $c $l" >>"$RESULTS"
done

# b. auto vs plain Cholesky, 1e6 x 20 well-conditioned
log "auto vs cholesky, 1e6 x 20"
out=$("${JAVA[@]}" org.gramian.bench.InMemoryFit 1000000 20 3 5 AUTO CHOLESKY)
a=$(echo "$out" | grep solver=AUTO | field median_s)
am=$(echo "$out" | grep solver=AUTO | field method)
ch=$(echo "$out" | grep solver=CHOLESKY | field median_s)
echo "auto $a $ch $am" >>"$RESULTS"

# c. end to end from a 1e6 x 21 CSV of 17-digit values
if [ ! -s "$CSV" ]; then
    log "generating $CSV (1e6 rows, 20 features + y, %.17g)"
    $PY bench/peers.py makecsv "$CSV.tmp" 1000000 20
    mv "$CSV.tmp" "$CSV"
fi
cat "$CSV" >/dev/null   # page cache warm for every contender
if [ -f "$ROOT/gramian-cli/target/gramian.jar" ]; then
    FIT=(java "${VECTOR[@]}" -jar "$ROOT/gramian-cli/target/gramian.jar" fit "$CSV" --target y --quiet)
    FITNAME="java --add-modules jdk.incubator.vector -jar gramian.jar fit --quiet"
else
    FIT=("${JAVA[@]}" org.gramian.bench.FitCsv "$CSV" y)
    FITNAME="FitCsv (CsvSource -> Gramian.fit auto -> summary)"
fi
best=""
for rep in 1 2; do
    log "end to end: gramian run $rep"
    s=$(date +%s.%N); "${FIT[@]}" >"$DATA/fit-summary.txt"; e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
done
pbest=""
for rep in 1 2; do
    log "end to end: pandas run $rep"
    t=$($PY bench/peers.py csv "$CSV" y | field s)
    if [ -z "$pbest" ] || [ "$(echo "$t < $pbest" | bc -l)" = 1 ]; then pbest=$t; fi
done
echo "csv $best $pbest" >>"$RESULTS"

# d. Gram kernel GFLOP/s vs numpy DGEMM GFLOP/s
log "kernel GFLOP/s"
kout=$("${JAVA[@]}" org.gramian.bench.KernelGflops 400000 201)
echo "$kout" | grep -q kernel=vector || log "warning: the vector kernel did not run: $kout"
k1=$(echo "$kout" | grep threads=1 | field gflops)
kn=$(echo "$kout" | grep -v threads=1 | field gflops); kn=${kn:-$k1}
sout=$("${JAVA[@]}" -Dgramian.kernel=scalar org.gramian.bench.KernelGflops 400000 201)
s1=$(echo "$sout" | grep threads=1 | field gflops)
sn=$(echo "$sout" | grep -v threads=1 | field gflops); sn=${sn:-$s1}
dg=$($PY bench/peers.py dgemm 4000 | field gflops)
echo "kernel $k1 $kn $dg $s1 $sn" >>"$RESULTS"
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

JAVAV=$(java -version 2>&1 | head -2 | tr '\n' ' ')
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
NPV=$($PY bench/peers.py version)
TABLE=$($PY - "$RESULTS" "$FITNAME" <<'PYEOF'
import sys
rows = [l.split() for l in open(sys.argv[1])]
fitname = sys.argv[2]
out = ["| # | case | Gramian | peer | ratio | target | met |", "|---|---|---|---|---|---|---|"]
def line(k, case, g, peer, ratio, target, ok):
    out.append(f"| {k} | {case} | {g} | {peer} | {ratio:.2f} | {target} | {'yes' if ok else '**no**'} |")
for r in rows:
    if r[0] == "inmem":
        n, d, g, c, l = int(r[1]), int(r[2]), float(r[3]), float(r[4]), float(r[5])
        case = f"in memory n={n:.0e} d={d}, fit CHOLESKY"
        line("a", case + " vs numpy X.T@X + cholesky", f"{g:.3f} s", f"{c:.3f} s", c / g, "≥ 1.0", c / g >= 1.0)
        line("a", case + " vs numpy lstsq", f"{g:.3f} s", f"{l:.3f} s", l / g, "≥ 1.0", l / g >= 1.0)
    elif r[0] == "auto":
        a, ch = float(r[1]), float(r[2])
        line("b", f"auto (chose {r[3]}) vs cholesky, 1e6 x 20 (ratio auto/cholesky)", f"{a:.3f} s", f"{ch:.3f} s",
             a / ch, "≤ 1.3", a / ch <= 1.3)
    elif r[0] == "csv":
        g, p = float(r[1]), float(r[2])
        line("c", f"1e6 x 21 CSV (17 digits) end to end: {fitname} vs pandas.read_csv + lstsq", f"{g:.2f} s",
             f"{p:.2f} s", p / g, "≥ 3", p / g >= 3)
    elif r[0] == "kernel":
        k1, kn, dg, s1, sn = float(r[1]), float(r[2]), float(r[3]), float(r[4]), float(r[5])
        line("d", f"Gram kernel (Vector API) m=201, all threads (1 thread: {k1:.1f}; scalar fallback: "
             f"{s1:.1f} / {sn:.1f}) vs numpy 4000² DGEMM, GFLOP/s",
             f"{kn:.1f}", f"{dg:.1f}", kn / dg, "≥ 0.7", kn / dg >= 0.7)
print("\n".join(out))
PYEOF
)
{
    echo "# Gramian benchmark results"
    echo
    echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "- nproc: $(nproc); CPU: $CPU"
    echo "- java: $JAVAV"
    echo "- peers: $NPV (Debian packages, /usr/bin/python3)"
    echo "- load average (1/5/15 min) at start: $LOAD_START; at end: $LOAD_END"
    echo
    echo "Ratios: a, c, d = peer time / Gramian time (or Gramian GFLOP/s / DGEMM GFLOP/s), higher is"
    echo "better; b = auto time / cholesky time, lower is better. Gramian in-memory times are the"
    echo "median of 5 runs after 3 warm-up runs in one JVM; numpy the median of 5 (lstsq: 2) after one."
    echo "End-to-end times are wall clock of a fresh process (JVM start included), best of 2, file in"
    echo "the page cache."
    echo
    echo "$TABLE"
    echo
    echo "Where 'met' says **no**, the target was not reached in this run; docs/performance.md"
    echo "discusses why."
} >"$ROOT/bench/RESULTS.md.tmp"
mv "$ROOT/bench/RESULTS.md.tmp" "$ROOT/bench/RESULTS.md"
echo "$TABLE"
log "done; wrote bench/RESULTS.md"
