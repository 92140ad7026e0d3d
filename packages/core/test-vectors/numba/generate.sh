#!/usr/bin/env bash
# Regenerates fixtures.json: per-thread counts of the seed's compute_pi_kernel from numba's CUDA
# simulator (Debian's python3-numba; no GPU needed), cross-checked against the seed's own peer script.
# Takes about a minute: the simulator runs each thread in Python.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
peer="$here/../../../../../shared/peers/numba_cuda_seed.py"
export NUMBA_ENABLE_CUDASIM=1 PYTHONWARNINGS=ignore
cases=("500 64 1234" "200 100 20220116" "1000 16 7" "64 257 0" "333 40 9007199254740991")
{
  echo '{'
  echo '  "generator": "numba",'
  echo '  "source": "NUMBA_ENABLE_CUDASIM=1 python3 test-vectors/numba/thread_counts.py N I SEED (checked against shared/peers/numba_cuda_seed.py)",'
  echo '  "cases": ['
  sep=''
  for c in "${cases[@]}"; do
    ours=$(/usr/bin/python3 "$here/thread_counts.py" $c)
    if [ -f "$peer" ]; then
      /usr/bin/python3 "$peer" $c 2>/dev/null | /usr/bin/python3 -c '
import json, sys
peer = json.loads(sys.stdin.read()); ours = json.loads(sys.argv[1])
assert peer["total_inside"] == ours["totalInside"], (peer, ours["totalInside"])
assert peer["first"] == ours["counts"][:8], (peer["first"], ours["counts"][:8])' "$ours"
    fi
    printf '%s    %s' "$sep" "$ours"
    sep=$',\n'
  done
  printf '\n  ]\n}\n'
} > "$here/fixtures.json.tmp"
mv "$here/fixtures.json.tmp" "$here/fixtures.json"
echo "wrote $here/fixtures.json"
