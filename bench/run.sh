#!/usr/bin/env bash
# Gramian benchmarks against numpy/pandas, all measured in this one run. Prints one table of
# ratios and writes it, with the machine description, to bench/RESULTS.md.
# Usage: bench/run.sh            (about 10-15 minutes on 2 cores; the CSVs, 420 and 800 MB, are made once)
#        BENCH_QUICK=1 bench/run.sh   (small sizes, a minute or two: checks the script, not the speed;
#                                      writes bench/RESULTS-quick.md instead of bench/RESULTS.md)
# The peers (numpy, pandas) run with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE removed from their
# environment (env -u, in the peer's command only): this machine sets them for old OpenBLAS builds,
# and with them numpy's DGEMM runs the Haswell kernel at about 95 instead of 157 GFLOP/s. The table
# records which OpenBLAS kernel the peers ran.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY=/usr/bin/python3            # Debian's python with Debian's numpy/pandas (not a pyenv shim)
DATA=${BENCH_DATA:-$ROOT/bench/data}   # generated CSVs and baseline jars (BENCH_DATA=DIR to keep them elsewhere)
QUICK=${BENCH_QUICK:-0}
if [ "$QUICK" = 1 ]; then
    N_CSV=100000; INMEM=("100000 10" "100000 50" "20000 200"); N_AUTO=100000; N_KERNEL=40000; N_QR=20000
    WIDE_N=2000; WIDE_D=200; BIG_N=2000; BIG_D=500; OUT_MD=bench/RESULTS-quick.md
else
    N_CSV=1000000; INMEM=("1000000 10" "1000000 50" "200000 200"); N_AUTO=1000000; N_KERNEL=400000; N_QR=200000
    WIDE_N=20000; WIDE_D=2000; BIG_N=10000; BIG_D=5000; OUT_MD=bench/RESULTS.md
fi
CSV=$DATA/fit-${N_CSV}x21.csv
[ "$N_CSV" = 1000000 ] && CSV=$DATA/fit-1e6x21.csv   # the name earlier runs made
WIDE_CSV=$DATA/wide-${WIDE_N}x${WIDE_D}.csv
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
# The peers' command: OpenBLAS picks its kernel for this CPU itself (see the top of this file).
PEER=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$PY")
BLAS=$("${PEER[@]}" bench/peers.py blasinfo | head -1)
BLAS_ENV="OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-<unset>} OPENBLAS_L2_SIZE=${OPENBLAS_L2_SIZE:-<unset>}"
log "peers: $BLAS (this shell has $BLAS_ENV; unset for the peers)"

log "building (mvn -B -q -DskipTests package)"
mvn -B -q -DskipTests package
JAR=$ROOT/gramian-bench/target/benchmarks.jar

# Baselines: the same harnesses built from earlier commits, measured in this run beside today's
# code, for the targets phrased "faster/slower than before": BASE15 = main when issue #15 was filed
# (its certified-path target), BASE13 = main just before issue #13's CSV work (its numeric-CSV
# target). Built once into bench/data/baseline-COMMIT/ from a temporary git worktree.
BASE15=2533733
BASE13=374219d
baseline() {
    local c=$1 dir=$DATA/baseline-$1 wt=$DATA/src-$1
    if [ ! -s "$dir/gramian.jar" ] || [ ! -s "$dir/benchmarks.jar" ]; then
        log "building baseline $c (temporary worktree $wt)"
        rm -rf "$wt"; git worktree prune
        git worktree add -q --detach "$wt" "$c"
        (cd "$wt" && mvn -B -q -DskipTests package) >&2
        mkdir -p "$dir"
        cp "$wt/gramian-cli/target/gramian.jar" "$wt/gramian-bench/target/benchmarks.jar" "$dir/"
        git worktree remove --force "$wt"
    fi
    echo "$dir"
}
B15=$(baseline $BASE15)
B13=$(baseline $BASE13)
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
for nd in "${INMEM[@]}"; do
    set -- $nd
    log "in memory n=$1 d=$2"
    g=$("${JAVA[@]}" org.gramian.bench.InMemoryFit "$1" "$2" 3 5 CHOLESKY | field median_s)
    peers=$("${PEER[@]}" bench/peers.py inmem "$1" "$2" 5)
    c=$(echo "$peers" | grep numpy_chol | field median_s)
    l=$(echo "$peers" | grep numpy_lstsq | field median_s)
    echo "inmem $1 $2 $g $c $l" >>"$RESULTS"
done

# b. auto vs plain Cholesky, 1e6 x 20 well-conditioned
log "auto vs cholesky, $N_AUTO x 20"
out=$("${JAVA[@]}" org.gramian.bench.InMemoryFit "$N_AUTO" 20 3 5 AUTO CHOLESKY)
a=$(echo "$out" | grep solver=AUTO | field median_s)
am=$(echo "$out" | grep solver=AUTO | field method)
ch=$(echo "$out" | grep solver=CHOLESKY | field median_s)
echo "auto $N_AUTO $a $ch $am" >>"$RESULTS"

# c. end to end from a 1e6 x 21 CSV of 17-digit values
if [ ! -s "$CSV" ]; then
    log "generating $CSV ($N_CSV rows, 20 features + y, %.17g)"
    $PY bench/peers.py makecsv "$CSV.tmp" "$N_CSV" 20
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
    t=$("${PEER[@]}" bench/peers.py csv "$CSV" y | field s)
    if [ -z "$pbest" ] || [ "$(echo "$t < $pbest" | bc -l)" = 1 ]; then pbest=$t; fi
done
echo "csv $N_CSV $best $pbest" >>"$RESULTS"

# g. the certified path (double-double Householder QR) in memory, 2e5 x 20: today vs BASE15 (#15 item 4)
log "certified QR path in memory $N_QR x 20: now and at $BASE15"
q=$("${JAVA[@]}" org.gramian.bench.InMemoryFit "$N_QR" 20 3 5 QR | field median_s)
qb=$(java -Xmx12g "${VECTOR[@]}" -Dgramian.kernel=vector -cp "$B15/benchmarks.jar" \
    org.gramian.bench.InMemoryFit "$N_QR" 20 3 5 QR | field median_s)
echo "qr $N_QR $q $qb" >>"$RESULTS"

# h. CSV end to end against the baselines and between commands, runs interleaved, best of 3:
# numeric fit now vs BASE13 (#13 item 5), a file with text factors and missing cells vs the numeric
# fit (#13 item 5), predict vs fit (#16 item 3), cholesky and qr now vs BASE15 (#15 item 4: the
# parser's digit loop and the certified pass, end to end).
wall() {   # seconds of wall clock for one fresh process, output discarded
    local s e
    s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N)
    echo "$e - $s" | bc -l
}
declare -A BEST
keep_best() {   # keep_best NAME CMD...: runs CMD once, keeps the best time under NAME
    local name=$1 t; shift
    t=$(wall "$@")
    if [ -z "${BEST[$name]:-}" ] || [ "$(echo "$t < ${BEST[$name]}" | bc -l)" = 1 ]; then BEST[$name]=$t; fi
}
GNOW=(java "${VECTOR[@]}" -jar "$ROOT/gramian-cli/target/gramian.jar")
GB13=(java "${VECTOR[@]}" -jar "$B13/gramian.jar")
GB15=(java "${VECTOR[@]}" -jar "$B15/gramian.jar")
FACTOR_CSV=$DATA/factor-${N_CSV}x21.csv
if [ ! -s "$FACTOR_CSV" ]; then
    log "generating $FACTOR_CSV (the bench CSV's shape and kind of numbers, plus two text factors and ~1% missing cells)"
    $PY bench/peers.py makefactorcsv "$FACTOR_CSV.tmp" "$N_CSV" 20
    mv "$FACTOR_CSV.tmp" "$FACTOR_CSV"
fi
cat "$FACTOR_CSV" >/dev/null
FACTOR_FORMULA=$($PY bench/peers.py factorformula)
MODEL=$DATA/bench-model.json
"${GNOW[@]}" fit "$CSV" --target y --quiet --save "$MODEL" >/dev/null
for rep in 1 2 3; do
    log "end to end, interleaved: run $rep of 3"
    keep_best fit_now "${GNOW[@]}" fit "$CSV" --target y --quiet
    keep_best fit_b13 "${GB13[@]}" fit "$CSV" --target y --quiet
    keep_best factor_now "${GNOW[@]}" fit "$FACTOR_CSV" "$FACTOR_FORMULA" --quiet
    keep_best predict_now "${GNOW[@]}" predict "$MODEL" "$CSV" --out "$DATA/bench-predictions.csv"
    keep_best chol_now "${GNOW[@]}" fit "$CSV" --target y --quiet --solver cholesky
    keep_best chol_b15 "${GB15[@]}" fit "$CSV" --target y --quiet --solver cholesky
    keep_best qr_now "${GNOW[@]}" fit "$CSV" --target y --quiet --solver qr
    keep_best qr_b15 "${GB15[@]}" fit "$CSV" --target y --quiet --solver qr
done
rm -f "$DATA/bench-predictions.csv"
echo "e2e $N_CSV ${BEST[fit_now]} ${BEST[fit_b13]} ${BEST[factor_now]} ${BEST[predict_now]} ${BEST[chol_now]} ${BEST[chol_b15]} ${BEST[qr_now]} ${BEST[qr_b15]}" >>"$RESULTS"

# e. wide data end to end from CSV: fit --solver cholesky and auto vs pandas + numpy's normal equation
if [ ! -s "$WIDE_CSV" ]; then
    log "generating $WIDE_CSV ($WIDE_N rows, $WIDE_D features + y, %.17g)"
    $PY bench/peers.py makecsv "$WIDE_CSV.tmp" "$WIDE_N" "$WIDE_D"
    mv "$WIDE_CSV.tmp" "$WIDE_CSV"
fi
cat "$WIDE_CSV" >/dev/null
GJAR=$ROOT/gramian-cli/target/gramian.jar
# wall time and peak resident memory (KB) of one fresh `gramian fit` process
timed_fit() {
    local s e kb=NA
    s=$(date +%s.%N)
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f '%M' -o "$DATA/rss.txt" java "${VECTOR[@]}" -jar "$GJAR" fit "$WIDE_CSV" --target y \
            --solver "$1" --quiet >"$DATA/wide-$1.txt"
        kb=$(tail -1 "$DATA/rss.txt")
    else
        java "${VECTOR[@]}" -jar "$GJAR" fit "$WIDE_CSV" --target y --solver "$1" --quiet >"$DATA/wide-$1.txt"
    fi
    e=$(date +%s.%N)
    echo "$(echo "$e - $s" | bc -l) $kb"
}
wide_best() {   # best of 2 wall times, and the peak RSS of that run
    local best="" rss="" r t k
    for rep in 1 2; do
        log "wide end to end: gramian --solver $1 run $rep"
        r=$(timed_fit "$1"); t=${r% *}; k=${r#* }
        if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; rss=$k; fi
    done
    echo "$best $rss"
}
wc_=$(wide_best cholesky)
wa_=$(wide_best auto)
am_=$(sed -n 's/^Solver: \([a-z]*\).*/\1/p' "$DATA/wide-auto.txt" | head -1)
wpbest=""
for rep in 1 2; do
    log "wide end to end: pandas + numpy normal equation run $rep"
    t=$("${PEER[@]}" bench/peers.py csvnormal "$WIDE_CSV" y | field s)
    if [ -z "$wpbest" ] || [ "$(echo "$t < $wpbest" | bc -l)" = 1 ]; then wpbest=$t; fi
done
echo "wide $WIDE_N $WIDE_D $wc_ $wa_ $wpbest $am_" >>"$RESULTS"

# f. d = 5000 in memory: fit CHOLESKY vs numpy's normal equation (median of 3 after 1 warm-up)
log "in memory wide n=$BIG_N d=$BIG_D"
g=$("${JAVA[@]}" org.gramian.bench.InMemoryFit "$BIG_N" "$BIG_D" 1 3 CHOLESKY | field median_s)
c=$("${PEER[@]}" bench/peers.py inmemchol "$BIG_N" "$BIG_D" 3 | field median_s)
echo "big $BIG_N $BIG_D $g $c" >>"$RESULTS"

# d. Gram kernel GFLOP/s vs numpy DGEMM GFLOP/s
log "kernel GFLOP/s"
kout=$("${JAVA[@]}" org.gramian.bench.KernelGflops "$N_KERNEL" 201)
echo "$kout" | grep -q kernel=vector || log "warning: the vector kernel did not run: $kout"
k1=$(echo "$kout" | grep threads=1 | field gflops)
kn=$(echo "$kout" | grep -v threads=1 | field gflops); kn=${kn:-$k1}
sout=$("${JAVA[@]}" -Dgramian.kernel=scalar org.gramian.bench.KernelGflops "$N_KERNEL" 201)
s1=$(echo "$sout" | grep threads=1 | field gflops)
sn=$(echo "$sout" | grep -v threads=1 | field gflops); sn=${sn:-$s1}
dg=$("${PEER[@]}" bench/peers.py dgemm 4000 | field gflops)
echo "kernel $k1 $kn $dg $s1 $sn" >>"$RESULTS"
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

JAVAV=$(java -version 2>&1 | head -2 | tr '\n' ' ')
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
NPV=$($PY bench/peers.py version)
TABLE=$($PY - "$RESULTS" "$FITNAME" "$BASE15" "$BASE13" <<'PYEOF'
import sys
rows = [l.split() for l in open(sys.argv[1])]
fitname, base15, base13 = sys.argv[2], sys.argv[3], sys.argv[4]
out = ["| # | case | Gramian | peer | ratio | target | met |", "|---|---|---|---|---|---|---|"]
def line(k, case, g, peer, ratio, target, ok):
    met = "—" if target == "(measured)" else ("yes" if ok else "**no**")
    out.append(f"| {k} | {case} | {g} | {peer} | {ratio:.2f} | {target} | {met} |")
for r in rows:
    if r[0] == "inmem":
        n, d, g, c, l = int(r[1]), int(r[2]), float(r[3]), float(r[4]), float(r[5])
        case = f"in memory n={n:.0e} d={d}, fit CHOLESKY"
        line("a", case + " vs numpy X.T@X + cholesky", f"{g:.3f} s", f"{c:.3f} s", c / g, "≥ 1.0", c / g >= 1.0)
        line("a", case + " vs numpy lstsq", f"{g:.3f} s", f"{l:.3f} s", l / g, "≥ 1.0", l / g >= 1.0)
    elif r[0] == "auto":
        n, a, ch = int(r[1]), float(r[2]), float(r[3])
        line("b", f"auto (chose {r[4]}) vs cholesky, {n:.0e} x 20 (ratio auto/cholesky)", f"{a:.3f} s", f"{ch:.3f} s",
             a / ch, "≤ 1.3", a / ch <= 1.3)
    elif r[0] == "csv":
        n, g, p = int(r[1]), float(r[2]), float(r[3])
        line("c", f"{n:.0e} x 21 CSV (17 digits) end to end: {fitname} vs pandas.read_csv + lstsq", f"{g:.2f} s",
             f"{p:.2f} s", p / g, "≥ 5", p / g >= 5)
    elif r[0] == "wide":
        n, d, gc, rc, ga, ra, p, am = int(r[1]), int(r[2]), float(r[3]), r[4], float(r[5]), r[6], float(r[7]), r[8]
        case = f"wide CSV n={n:.0e} d={d} end to end (java -jar gramian.jar fit --quiet)"
        line("e", case + " --solver cholesky vs pandas.read_csv + numpy X.T@X + cholesky", f"{gc:.2f} s",
             f"{p:.2f} s", p / gc, "≥ 0.5", p / gc >= 0.5)
        line("e", case + f" --solver auto (chose {am}) vs --solver cholesky (ratio auto/cholesky)", f"{ga:.2f} s",
             f"{gc:.2f} s", ga / gc, "≤ 2", ga / gc <= 2)
        if rc != "NA":
            copies = float(rc) * 1024 / (8.0 * (d + 1) ** 2)
            out.append(f"| e | wide CSV n={n:.0e} d={d}, --solver cholesky: peak resident memory of the process "
                       f"in copies of p² doubles ({(d + 1) ** 2 * 8 / 2**20:.0f} MB) | {float(rc) / 1024:.0f} MB | "
                       f"| {copies:.1f} | a few | (see docs/performance.md) |")
    elif r[0] == "big":
        n, d, g, c = int(r[1]), int(r[2]), float(r[3]), float(r[4])
        line("f", f"in memory n={n:.0e} d={d}, fit CHOLESKY vs numpy X.T@X + cholesky", f"{g:.2f} s", f"{c:.2f} s",
             c / g, "≥ 0.33", c / g >= 1 / 3)
    elif r[0] == "qr":
        n, q, qb = int(r[1]), float(r[2]), float(r[3])
        line("g", f"certified path (double-double Householder QR) in memory n={n:.0e} d=20: now vs {base15} "
             "(ratio then/now)", f"{q:.3f} s", f"{qb:.3f} s", qb / q, "≥ 1.5", qb / q >= 1.5)
    elif r[0] == "e2e":
        n = int(r[1])
        fn, fb, fac, pr, cn, cb, qn, qb = map(float, r[2:10])
        e = f"{n:.0e} x 21 CSV end to end"
        line("h", f"{e}, fit (auto): now vs {base13}, before #13 (ratio now/then)", f"{fn:.2f} s", f"{fb:.2f} s",
             fn / fb, "≤ 1.10", fn / fb <= 1.10)
        line("h", f"{e}, the same shape with two text factors and ~1% missing cells (y ~ .), formula fit vs the numeric "
             "fit (ratio factor/numeric)", f"{fac:.2f} s", f"{fn:.2f} s", fac / fn, "≤ 1.5", fac / fn <= 1.5)
        line("h", f"{e}, predict --out vs fit (ratio predict/fit)", f"{pr:.2f} s", f"{fn:.2f} s", pr / fn, "≤ 2",
             pr / fn <= 2)
        line("h", f"{e}, fit --solver cholesky: now vs {base15} (ratio then/now)", f"{cn:.2f} s", f"{cb:.2f} s",
             cb / cn, "(measured)", True)
        line("h", f"{e}, fit --solver qr (certified pass): now vs {base15} (ratio then/now)", f"{qn:.2f} s",
             f"{qb:.2f} s", qb / qn, "(measured)", True)
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
    echo "- peers: $NPV (Debian packages, /usr/bin/python3), run with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset"
    echo "  (this shell: $BLAS_ENV); OpenBLAS as the peers ran it: $BLAS"
    echo "- load average (1/5/15 min) at start: $LOAD_START; at end: $LOAD_END"
    echo
    echo "Ratios: a, c, d, f and the first e = peer time / Gramian time (or Gramian GFLOP/s / DGEMM"
    echo "GFLOP/s), higher is better; b and the second e = auto time / cholesky time, lower is better."
    echo "g and h compare today's code with itself or with earlier commits built and run in this same"
    echo "run: $BASE15 (main when issue #15 was filed) and $BASE13 (main before issue #13's CSV work);"
    echo "each row says which way its ratio reads. h: best of 3 fresh processes, runs interleaved."
    echo "Gramian in-memory times are the median of 5 runs after 3 warm-up runs in one JVM (f: 3 after"
    echo "1); numpy the median of 5 (lstsq: 2; f: 3) after one."
    echo "End-to-end times are wall clock of a fresh process (JVM start included), best of 2, file in"
    echo "the page cache."
    echo
    echo "$TABLE"
    echo
    echo "Where 'met' says **no**, the target was not reached in this run; docs/performance.md"
    echo "discusses why."
    # bench/spark.sh's results (a separate, longer run) are kept from the previous file
    if [ -f "$ROOT/$OUT_MD" ] && grep -q '^## Gramian on Spark' "$ROOT/$OUT_MD"; then
        echo
        sed -n '/^## Gramian on Spark/,$p' "$ROOT/$OUT_MD"
    fi
} >"$ROOT/$OUT_MD.tmp"
mv "$ROOT/$OUT_MD.tmp" "$ROOT/$OUT_MD"
echo "$TABLE"
log "done; wrote $OUT_MD"
