"""The seed's pandas fills, timed for @pi/dataframe's benchmark: fill_dataframe (df.at cell by cell) and
fill_dataframe2 (numba draws, wrapped once), each followed by the seed's 4 * df.mean(axis="index") and its
mean. Prints one JSON object of medians in milliseconds. Run with Debian's python3-pandas and python3-numba:
/usr/bin/python3 bench/pandas_peer.py N I CELL_RUNS VECTORIZED_RUNS"""
import json, statistics, sys, time
import numba, numpy as np, pandas as pd

def fill_dataframe(N, I):
    df = pd.DataFrame(index=np.arange(N), columns=np.arange(I))
    for n in range(N):
        for i in range(I):
            x = np.random.rand(); y = np.random.rand()
            df.at[n, i] = int((x**2 + y**2) < 1)
    return df

@numba.jit(nopython=True)
def simulate_pi_draws(N, I):
    pi_out = np.empty((N, I), dtype="int")
    for n in range(N):
        for i in range(I):
            x = np.random.rand(); y = np.random.rand()
            pi_out[n, i] = int((x**2 + y**2) < 1)
    return pi_out

def fill_dataframe2(N, I):
    return pd.DataFrame(data=simulate_pi_draws(N, I), index=np.arange(N), columns=np.arange(I))

def estimate(df):
    estimates = 4 * df.mean(axis="index")
    return estimates, estimates.mean()

def median_ms(f, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter(); f(); times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), times

N, I, cell_runs, vec_runs = (int(a) for a in sys.argv[1:5])
np.random.seed(1)
simulate_pi_draws(2, 2)  # compile outside the timings, as the seed's second %%time call does
for _ in range(3): estimate(fill_dataframe2(N, I))
vec, vec_all = median_ms(lambda: estimate(fill_dataframe2(N, I)), vec_runs)
draws, _ = median_ms(lambda: simulate_pi_draws(N, I), vec_runs)
cell, cell_all = median_ms(lambda: estimate(fill_dataframe(N, I)), cell_runs) if cell_runs > 0 else (None, [])
print(json.dumps({"pandas": pd.__version__, "numba": numba.__version__, "numpy": np.__version__,
                  "vectorizedMs": vec, "drawsMs": draws, "cellMs": cell, "cellRunsMs": cell_all}))
