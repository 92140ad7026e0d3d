"""The seed's evaluate_pi_st / evaluate_pi_mt (numba, CPU), timed as @pi/cpu's bench times ours: the first
call compiles (cold), then the median of warm calls. Prints one JSON line per case.
Usage: /usr/bin/python3 bench/numba_pi.py [N] [I] [runs]   (Debian's python3-numba)"""
import json, sys, time
import numba, numpy as np

@numba.jit(nopython=True)
def evaluate_pi_st(N, I):
    pi = np.empty(I)
    for i in range(I):
        pi_approx = 0.0
        for n in range(N):
            x = np.random.rand(); y = np.random.rand()
            pi_approx += 4*((x**2 + y**2) < 1)/N
        pi[i] = pi_approx
    return np.mean(pi)

@numba.jit(nopython=True, parallel=True)
def evaluate_pi_mt(N, I):
    pi = np.empty(I)
    for i in numba.prange(I):
        pi_approx = 0.0
        for n in range(N):
            x = np.random.rand(); y = np.random.rand()
            pi_approx += 4*((x**2 + y**2) < 1)/N
        pi[i] = pi_approx
    return np.mean(pi)

N = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
I = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
for name, f in (("evaluate_pi_st", evaluate_pi_st), ("evaluate_pi_mt", evaluate_pi_mt)):
    t0 = time.perf_counter(); f(N, I); cold = time.perf_counter() - t0
    warm = []
    for _ in range(runs):
        t0 = time.perf_counter(); f(N, I); warm.append(time.perf_counter() - t0)
    warm.sort()
    print(json.dumps({"case": name, "samples": N * I, "threads": numba.get_num_threads() if name.endswith("mt") else 1,
                      "coldSeconds": round(cold, 4), "warmMedianSeconds": round(warm[len(warm) // 2], 4),
                      "warmMedianSamplesPerSecond": round(N * I / warm[len(warm) // 2])}))
