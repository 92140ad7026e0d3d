"""pi bench's numba peer: the seed notebook's cases, in the seed's own arithmetic, timed beside pi's.

Each case runs once cold (numba compiles on the first call, as in the seed's first %%time cell) and
then `--runs` times warm; it prints one JSON object per line:
  {"case", "samples", "coldSeconds", "warmSeconds" (median), "runs", "value", "device"?}
Usage: python3 numba_peer.py --cases calculate_pi_python,evaluate_pi_st --runs 3 [--quick]
Sizes follow pi bench's: pass them with --pi-samples, --df N I, --groups N I, --gpu N I.
"""
import argparse
import json
import statistics
import sys
import time
import warnings

warnings.simplefilter("ignore")

import numba  # noqa: E402
import numpy as np  # noqa: E402


def calculate_pi(n):
    inside = 0
    for _ in range(n):
        x = np.random.random()
        y = np.random.random()
        if (x**2 + y**2) < 1:
            inside += 1
    return 4 * (inside / n)


calculate_pi_numba = numba.njit(calculate_pi)


def fill_dataframe(n_rows, n_cols):
    import pandas as pd

    df = pd.DataFrame(index=np.arange(n_rows), columns=np.arange(n_cols))
    for n in range(n_rows):
        for i in range(n_cols):
            x = np.random.rand()
            y = np.random.rand()
            df.at[n, i] = int((x**2 + y**2) < 1)
    return 4 * df.astype(float).mean(axis=0).mean()


@numba.njit
def draw_indicators(n_rows, n_cols):
    out = np.empty((n_rows, n_cols), dtype=np.int64)
    for n in range(n_rows):
        for i in range(n_cols):
            x = np.random.rand()
            y = np.random.rand()
            out[n, i] = int((x**2 + y**2) < 1)
    return out


def fill_dataframe2(n_rows, n_cols):
    import pandas as pd

    df = pd.DataFrame(data=draw_indicators(n_rows, n_cols), index=np.arange(n_rows), columns=np.arange(n_cols))
    return 4 * df.mean(axis=0).mean()


@numba.njit
def evaluate_pi_st(n, groups):
    pi = np.empty(groups)
    for i in range(groups):
        pi_approx = 0.0
        for _ in range(n):
            x = np.random.rand()
            y = np.random.rand()
            pi_approx += 4 * ((x**2 + y**2) < 1) / n
        pi[i] = pi_approx
    return np.mean(pi)


@numba.njit(parallel=True)
def evaluate_pi_mt(n, groups):
    pi = np.empty(groups)
    for i in numba.prange(groups):
        pi_approx = 0.0
        for _ in range(n):
            x = np.random.rand()
            y = np.random.rand()
            pi_approx += 4 * ((x**2 + y**2) < 1) / n
        pi[i] = pi_approx
    return np.mean(pi)


def gpu_cases():
    """numba.cuda versions of the seed's GPU cells, only where a CUDA device is present."""
    from numba import cuda
    from numba.cuda.random import create_xoroshiro128p_states, xoroshiro128p_uniform_float32

    if not cuda.is_available():
        return None

    @cuda.jit
    def pi_kernel(states, iterations, out):
        pos = cuda.grid(1)
        if pos < out.size:
            inside = 0
            for _ in range(iterations):
                x = xoroshiro128p_uniform_float32(states, pos)
                y = xoroshiro128p_uniform_float32(states, pos)
                if x**2 + y**2 <= 1:
                    inside += 1
            out[pos] = 4.0 * inside / iterations

    def compute_pi_on_gpu(n, groups):
        states = create_xoroshiro128p_states(groups, seed=1)
        out = cuda.device_array(groups, dtype=np.float32)
        pi_kernel[groups // 256 + 1, 256](states, n, out)
        return float(out.copy_to_host().mean())

    @cuda.jit
    def increment_by_one(a):
        pos = cuda.grid(1)
        if pos < a.size:
            a[pos] += 1

    def round_trip(size=10_000, times=25):
        a = np.zeros(size)
        for _ in range(times):
            d = cuda.to_device(a)
            increment_by_one[size // 256 + 1, 256](d)
            a = d.copy_to_host()
        return float(a[0])

    def on_device(size=10_000, times=25):
        d = cuda.to_device(np.zeros(size))
        for _ in range(times):
            increment_by_one[size // 256 + 1, 256](d)
        return float(d.copy_to_host()[0])

    name = cuda.get_current_device().name
    return compute_pi_on_gpu, round_trip, on_device, name.decode() if isinstance(name, bytes) else str(name)


def timed(fn, runs):
    """Cold call, then warm calls: `runs`, or more until they add up to 0.3 s (at most 100), as pi bench does."""
    t0 = time.perf_counter()
    value = fn()
    cold = time.perf_counter() - t0
    warm = []
    while len(warm) < 100 and (len(warm) < runs or sum(warm) < 0.3):
        t0 = time.perf_counter()
        value = fn()
        warm.append(time.perf_counter() - t0)
    return cold, statistics.median(warm), len(warm), value


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--cases", required=True)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--pi-samples", type=int, default=5_000_000)
    p.add_argument("--df", type=int, nargs=2, default=[10_000, 25])
    p.add_argument("--groups", type=int, nargs=2, default=[50_000, 10_000])
    p.add_argument("--gpu", type=int, nargs=2, default=[50_000, 50_000])
    a = p.parse_args()
    n_pi = a.pi_samples
    (df_n, df_i), (g_n, g_i), (gpu_n, gpu_i) = a.df, a.groups, a.gpu
    cases = {
        "calculate_pi_python": (n_pi, lambda: calculate_pi(n_pi), 1),
        "calculate_pi_numba": (n_pi, lambda: calculate_pi_numba(n_pi), a.runs),
        "fill_dataframe_pandas_at": (df_n * df_i, lambda: fill_dataframe(df_n, df_i), 1),
        "fill_dataframe2_numba": (df_n * df_i, lambda: fill_dataframe2(df_n, df_i), a.runs),
        "evaluate_pi_st": (g_n * g_i, lambda: evaluate_pi_st(g_n, g_i), a.runs),
        "evaluate_pi_mt": (g_n * g_i, lambda: evaluate_pi_mt(g_n, g_i), a.runs),
    }
    wanted = a.cases.split(",")
    gpu = None
    if any(c in wanted for c in ("compute_pi_on_gpu", "transfer_round_trip", "transfer_on_device")):
        try:
            gpu = gpu_cases()
        except Exception as e:  # numba.cuda missing its driver
            gpu = None
            print(json.dumps({"case": "gpu", "unavailable": f"numba.cuda: {e}"}), flush=True)
        if gpu is not None:
            compute_pi_on_gpu, round_trip, on_device, name = gpu
            cases["compute_pi_on_gpu"] = (gpu_n * gpu_i, lambda: compute_pi_on_gpu(gpu_n, gpu_i), a.runs)
            cases["transfer_round_trip"] = (0, round_trip, a.runs)
            cases["transfer_on_device"] = (0, on_device, a.runs)
    for case in wanted:
        if case not in cases:
            print(json.dumps({"case": case, "unavailable": "no CUDA GPU for numba.cuda" if gpu is None else "unknown case"}), flush=True)
            continue
        samples, fn, runs = cases[case]
        cold, warm, count, value = timed(fn, runs)
        row = {"case": case, "samples": samples, "coldSeconds": cold, "warmSeconds": warm, "runs": count, "value": float(value)}
        if gpu is not None and case in ("compute_pi_on_gpu", "transfer_round_trip", "transfer_on_device"):
            row["device"] = gpu[3]
        print(json.dumps(row), flush=True)


if __name__ == "__main__":
    sys.exit(main())
