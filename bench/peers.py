"""Peer timings for bench/run.sh: numpy normal equation + Cholesky, numpy lstsq, DGEMM GFLOP/s,
and pandas.read_csv + lstsq on a CSV. Prints one 'key value' line per measurement."""
import sys
import time

import numpy as np


def median_time(f, reps, warmup=1):
    for _ in range(warmup):
        f()
    ts = []
    for _ in range(reps):
        t = time.perf_counter()
        f()
        ts.append(time.perf_counter() - t)
    ts.sort()
    return ts[len(ts) // 2]


def chol_solve(L, b):
    """Solves (L Lᵀ) w = b with LAPACK's triangular solves (potrs via scipy.linalg.cho_solve, O(p²));
    only when scipy is absent, numpy's general solver on the two factors (LU, O(p³): slower for
    wide d, which would flatter Gramian, so the bench records which one ran: see blas_info)."""
    try:
        from scipy.linalg import cho_solve
        return cho_solve((L, True), b)
    except ImportError:
        z = np.linalg.solve(L, b)
        return np.linalg.solve(L.T, z)


def synthetic(n, d):
    """The in-memory cases' data: an intercept column and d standard normal features (seeded by d),
    y linear in them plus noise."""
    rng = np.random.default_rng(12345 + d)
    X = np.empty((n, d + 1))
    X[:, 0] = 1.0
    X[:, 1:] = rng.standard_normal((n, d))
    y = X[:, 1:] @ rng.standard_normal(d) + 1.0 + 0.1 * rng.standard_normal(n)
    return X, y


def normal_equation(X, y):
    """numpy's normal equation: X.T@X, X.T@y, Cholesky, two triangular solves."""
    return chol_solve(np.linalg.cholesky(X.T @ X), X.T @ y)


def inmem(n, d, reps):
    X, y = synthetic(n, d)

    def normal_eq():
        return normal_equation(X, y)

    def lstsq():
        return np.linalg.lstsq(X, y, rcond=None)[0]

    w1, w2 = normal_eq(), lstsq()
    assert np.allclose(w1, w2, rtol=1e-6, atol=1e-9)
    print(f"numpy_chol n={n} d={d} median_s={median_time(normal_eq, reps):.4f}")
    print(f"numpy_lstsq n={n} d={d} median_s={median_time(lstsq, max(1, reps // 2)):.4f}")


def inmem_cpu(n, d, reps):
    """numpy's normal equation as inmem, timed in process CPU time (all threads): comparable with
    GramPassCpu on a loaded machine, where wall times mean little. Run with OPENBLAS_NUM_THREADS=1
    for the one-core figure."""
    X, y = synthetic(n, d)

    def normal_eq():
        return normal_equation(X, y)

    normal_eq()
    cpu, wall = [], []
    for _ in range(reps):
        c, w = time.process_time(), time.perf_counter()
        normal_eq()
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
    cpu.sort()
    wall.sort()
    print(f"numpy_chol_cpu n={n} d={d} cpu_ms={cpu[len(cpu) // 2] * 1e3:.1f} (min {cpu[0] * 1e3:.1f})"
          f" wall_ms={wall[len(wall) // 2] * 1e3:.1f} (min {wall[0] * 1e3:.1f})")


def inmem_chol(n, d, reps):
    """Only numpy's normal equation (X.T@X, X.T@y, Cholesky, two solves), for the wide cases where
    lstsq would take minutes; same data layout as inmem."""
    X, y = synthetic(n, d)

    def normal_eq():
        return normal_equation(X, y)

    print(f"numpy_chol n={n} d={d} median_s={median_time(normal_eq, reps):.4f}")


def csv_normal(path, target):
    """End to end from CSV with numpy's normal equation: pandas.read_csv, X.T@X, Cholesky, solves."""
    import pandas as pd
    t = time.perf_counter()
    df = pd.read_csv(path)
    y = df[target].to_numpy()
    X = np.column_stack([np.ones(len(df)), df.drop(columns=[target]).to_numpy()])
    normal_equation(X, y)
    print(f"pandas_csv_normal s={time.perf_counter() - t:.3f}")


def blas_info():
    """Which OpenBLAS numpy loaded and which kernel (core type) it chose at run time: from
    threadpoolctl when installed, else from OpenBLAS itself (openblas_get_config/get_corename)."""
    try:
        import threadpoolctl
        for info in threadpoolctl.threadpool_info():
            if info.get("internal_api") == "openblas":
                print(f"blas version={info.get('version')} corename={info.get('architecture')} "
                      f"threads={info.get('num_threads')} via=threadpoolctl")
                return
    except ImportError:
        pass
    import ctypes
    libs = sorted({line.split()[-1] for line in open("/proc/self/maps") if "openblas" in line.lower()})
    for path in libs:
        try:
            lib = ctypes.CDLL(path)
            config = lib.openblas_get_config
            config.restype = ctypes.c_char_p
            core = lib.openblas_get_corename
            core.restype = ctypes.c_char_p
            print(f"blas config='{config().decode()}' corename={core().decode()} "
                  f"threads={lib.openblas_get_num_threads()} via=openblas_get_corename")
            return
        except (OSError, AttributeError):
            continue
    print("blas corename=unknown (no OpenBLAS found in numpy's process)")
    np.show_config()


def dgemm(size):
    rng = np.random.default_rng(1)
    A = rng.standard_normal((size, size))
    B = rng.standard_normal((size, size))
    t = median_time(lambda: A @ B, 3)
    print(f"numpy_dgemm size={size} gflops={2.0 * size ** 3 / t / 1e9:.2f}")


def csv_fit(path, target):
    import pandas as pd
    t = time.perf_counter()
    df = pd.read_csv(path)
    y = df[target].to_numpy()
    X = np.column_stack([np.ones(len(df)), df.drop(columns=[target]).to_numpy()])
    np.linalg.lstsq(X, y, rcond=None)
    print(f"pandas_csv_lstsq s={time.perf_counter() - t:.3f}")


def make_csv(path, n, d, seed=7):
    """n rows, d normal features + y, every value printed with 17 significant digits."""
    rng = np.random.default_rng(seed)
    names = [f"x{j}" for j in range(1, d + 1)] + ["y"]
    with open(path, "w") as f:
        f.write(",".join(names) + "\n")
        step = 100_000
        beta = rng.standard_normal(d)
        for start in range(0, n, step):
            k = min(step, n - start)
            X = rng.standard_normal((k, d))
            y = X @ beta + 3.0 + 0.1 * rng.standard_normal(k)
            np.savetxt(f, np.column_stack([X, y]), fmt="%.17g", delimiter=",")


def make_factor_csv(path, n, d, seed=11):
    """The bench CSV's shape with string and missing columns (issue #13, item 5): n rows of d normal
    features and y printed with 17 significant digits (as make_csv), plus two text factor columns,
    'region' (first column, 5 levels) and 'grade' (after the middle feature, 4 levels), that shift y.
    About 1% of the cells of every column are missing: an empty cell in the numeric columns, the text
    NA in the factor columns (as R's write.csv writes it), so about a fifth of the rows are dropped
    by a model using every column. Written as pandas' to_csv would, without an index."""
    rng = np.random.default_rng(seed)
    regions = np.array(["north", "south", "east", "west", "central"])
    grades = np.array(["A", "B", "C", "D"])
    half = d // 2
    names = (["region"] + [f"x{j}" for j in range(1, half + 1)] + ["grade"]
             + [f"x{j}" for j in range(half + 1, d + 1)] + ["y"])
    beta = rng.standard_normal(d)
    region_effect = np.array([0.0, 0.5, -0.25, 1.0, 2.0])
    grade_effect = np.array([0.0, -1.0, 0.75, 0.3])
    miss = 0.01
    with open(path, "w") as f:
        f.write(",".join(names) + "\n")
        step = 50_000
        for start in range(0, n, step):
            k = min(step, n - start)
            X = rng.standard_normal((k, d))
            r = rng.integers(0, len(regions), k)
            g = rng.integers(0, len(grades), k)
            y = X @ beta + 3.0 + region_effect[r] + grade_effect[g] + 0.1 * rng.standard_normal(k)
            num = np.column_stack([X, y])
            cells = np.char.mod("%.17g", num).astype(object)
            cells[rng.random(num.shape) < miss] = ""
            rcol = regions[r].astype(object)
            rcol[rng.random(k) < miss] = "NA"
            gcol = grades[g].astype(object)
            gcol[rng.random(k) < miss] = "NA"
            cols = [rcol] + [cells[:, j] for j in range(half)] + [gcol] + [cells[:, j] for j in range(half, d + 1)]
            f.write("\n".join(",".join(row) for row in zip(*cols)))
            f.write("\n")


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "inmem":
        inmem(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
    elif cmd == "inmemcpu":
        inmem_cpu(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
    elif cmd == "inmemchol":
        inmem_chol(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
    elif cmd == "csvnormal":
        csv_normal(sys.argv[2], sys.argv[3])
    elif cmd == "blasinfo":
        blas_info()
    elif cmd == "dgemm":
        dgemm(int(sys.argv[2]))
    elif cmd == "csv":
        csv_fit(sys.argv[2], sys.argv[3])
    elif cmd == "makecsv":
        make_csv(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    elif cmd == "makefactorcsv":
        make_factor_csv(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    elif cmd == "factorformula":
        # the model the bench fits to make_factor_csv's file: every column, the two text columns as
        # factors (treatment-coded, 4 + 3 dummies), rows with a missing cell dropped
        print("y ~ .")
    elif cmd == "version":
        import pandas as pd
        try:
            import scipy
            solves = f"scipy {scipy.__version__} (cho_solve for the Cholesky solves)"
        except ImportError:
            solves = "no scipy (Cholesky solves by numpy.linalg.solve, O(p^3))"
        print(f"numpy {np.__version__}, pandas {pd.__version__}, {solves}")
    else:
        raise SystemExit(f"unknown command {cmd}")
