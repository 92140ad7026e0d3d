"""Per-thread inside counts of the seed's compute_pi_kernel, every thread, under numba's CUDA simulator.

The kernel logic is the seed's (two float32 draws per point from numba.cuda.random's xoroshiro128+,
inside iff x**2 + y**2 <= 1 in float32); the peer script ../shared/peers/numba_cuda_seed.py prints only
the total and the first 8 counts, so generate.sh runs both and checks that they agree.
Usage: NUMBA_ENABLE_CUDASIM=1 /usr/bin/python3 thread_counts.py N I SEED
"""
import json
import sys
import warnings

import numpy as np
from numba import cuda
from numba.cuda.random import create_xoroshiro128p_states, xoroshiro128p_uniform_float32

warnings.simplefilter("ignore", RuntimeWarning)  # uint64 wrap-around is intended


@cuda.jit
def count_kernel(rng_states, iterations, out):
    pos = cuda.grid(1)
    if pos < out.size:
        inside = 0
        for _ in range(iterations):
            x = xoroshiro128p_uniform_float32(rng_states, pos)
            y = xoroshiro128p_uniform_float32(rng_states, pos)
            if x**2 + y**2 <= 1:
                inside += 1
        out[pos] = inside


n, threads, seed = (int(a) for a in sys.argv[1:4])
states = create_xoroshiro128p_states(threads, seed=seed)
out = cuda.device_array(threads, dtype=np.int64)
count_kernel[threads // 256 + 1, 256](states, n, out)
counts = [int(c) for c in out.copy_to_host()]
print(json.dumps({"pointsPerGroup": n, "groups": threads, "seed": seed, "totalInside": sum(counts), "counts": counts}))
