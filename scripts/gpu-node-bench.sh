#!/bin/sh
# The GPU benchmark on a real card, from the portable archive: for a Linux x64 machine with an NVIDIA GPU
# and possibly no Node.js and no Vulkan loader. Runs, in about 3 to 8 minutes:
#   1. ./pi info                       the adapter Dawn finds (must be the GPU, not SwiftShader);
#   2. ./pi bench --only 4,5           the GPU rows at the seed's size (50,000 × 50,000) and the transfer
#                                      demo, with the seed's numba.cuda kernel on the same card when python3
#                                      has numba with CUDA (the peer);
#   3. ./pi estimate --backend webgpu --samples 1e12 (xoshiro128p), stopped after 120 s if slower
#                                      (PI_GPU_BENCH_SECONDS), with its partial result;
# then prints the adapter, samples/s of each row, numba.cuda's samples/s and the ratio.
#
# Usage (beside pi-linux-x64.tar.xz, or with the archive unpacked here):
#   sh gpu-node-bench.sh [pi-linux-x64.tar.xz] [OUTDIR]
# Optional beside it: libvulkan1_*.deb (Debian's Vulkan loader) or libvulkan.so.1, used when the machine's
# loader is missing (`ldconfig -p | grep libvulkan` prints nothing). PI_PYTHON picks the Python for the peer.
# Writes OUTDIR/info.txt, bench.json, bench.md, estimate-1e12.json and summary.txt (OUTDIR: ./gpu-bench).
set -eu

archive=${1:-pi-linux-x64.tar.xz}
out=${2:-gpu-bench}
here=$(pwd)
mkdir -p "$out"
out=$(cd "$out" && pwd)

if [ ! -x pi-linux-x64/pi ]; then
  [ -f "$archive" ] || { echo "gpu-node-bench: no $archive and no pi-linux-x64/ here" >&2; exit 2; }
  tar -xJf "$archive"
fi
pi="$here/pi-linux-x64/pi"
node="$here/pi-linux-x64/node/bin/node"

# A Vulkan loader: the machine's, else one carried beside the archive.
if ! ldconfig -p 2>/dev/null | grep -q 'libvulkan\.so\.1'; then
  if [ -f libvulkan.so.1 ]; then
    cp libvulkan.so.1 pi-linux-x64/vulkan/
  else
    deb=$(ls libvulkan1_*.deb 2>/dev/null | head -n 1 || true)
    if [ -n "$deb" ] && command -v dpkg >/dev/null; then
      tmp=$(mktemp -d)
      dpkg -x "$deb" "$tmp"
      cp -L "$(find "$tmp" -name 'libvulkan.so.1' | head -n 1)" pi-linux-x64/vulkan/
      rm -rf "$tmp"
    else
      echo "gpu-node-bench: no Vulkan loader on this machine and none beside the archive (libvulkan1_*.deb or libvulkan.so.1)" >&2
    fi
  fi
fi
# NVIDIA's Vulkan driver where containers put it, when the loader would not find it by itself.
for icd in /usr/share/vulkan/icd.d/nvidia_icd.json /etc/vulkan/icd.d/nvidia_icd.json /usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json; do
  if [ -z "${VK_DRIVER_FILES:-}${VK_ICD_FILENAMES:-}" ] && [ -f "$icd" ]; then
    VK_DRIVER_FILES=$icd
    export VK_DRIVER_FILES
  fi
done
# Never fall back to SwiftShader here: its speeds are the CPU's (PI_GPU_BENCH_SOFTWARE=1 allows it, to try
# this script on a machine without a GPU).
if [ -z "${PI_GPU_BENCH_SOFTWARE:-}" ]; then
  PI_WEBGPU_NO_SWIFTSHADER=1
  export PI_WEBGPU_NO_SWIFTSHADER
fi
seconds=${PI_GPU_BENCH_SECONDS:-120}

started=$(date +%s)
"$pi" info | tee "$out/info.txt"
if grep -q 'software' "$out/info.txt"; then
  echo "gpu-node-bench: the adapter is a software one, not the GPU; see info.txt" >&2
fi

peer=none
py=${PI_PYTHON:-python3}
if command -v "$py" >/dev/null && "$py" -c 'from numba import cuda; assert cuda.is_available()' 2>/dev/null; then peer=numba; fi
echo "gpu-node-bench: pi bench --only 4,5 (peer: $peer)"
"$pi" bench --only 4,5 --runs 3 --peer "$peer" --json --markdown "$out/bench.md" > "$out/bench.json" || echo "gpu-node-bench: pi bench exited $?" >&2

echo "gpu-node-bench: pi estimate --backend webgpu --samples 1e12 (at most $seconds s)"
status=0
timeout -s INT "$seconds" "$pi" estimate --backend webgpu --samples 1e12 --seed 1 --json > "$out/estimate-1e12.json" || status=$?
[ "$status" -eq 0 ] || [ "$status" -eq 124 ] || echo "gpu-node-bench: pi estimate exited $status" >&2

"$node" - "$out" "$peer" "$started" <<'EOF' | tee "$out/summary.txt"
const fs = require('node:fs');
const [out, peer, started] = process.argv.slice(2);
const read = (f) => { try { return JSON.parse(fs.readFileSync(`${out}/${f}`, 'utf8')); } catch { return undefined; } };
const g = (x) => (x === undefined ? '—' : `${(x / 1e9).toPrecision(3)} G/s`);
const bench = read('bench.json');
const big = read('estimate-1e12.json');
const info = fs.readFileSync(`${out}/info.txt`, 'utf8');
console.log(`adapter: ${(info.match(/^\s*adapter\s+(.*)$/m) ?? [])[1] ?? 'none found'}`);
for (const e of bench?.experiments ?? []) {
  console.log(`\n${e.id}. ${e.title}: ${e.size}`);
  for (const r of e.rows) {
    const p = r.peer ?? {};
    // The peer runs the same plan as the kernel rows (the seed's 50,000 × 50,000).
    const peerRate = p.available && p.warmSeconds ? r.samples / p.warmSeconds : undefined;
    const ratio = r.available && p.speedupVsPeer ? `  ratio ${p.speedupVsPeer.toFixed(2)}× (${p.note ?? 'same card'})` : '';
    console.log(`  ${r.label.padEnd(50)} ${r.available ? g(r.samplesPerSecond).padStart(12) : 'n/a'.padStart(12)}  numba.cuda ${g(peerRate)}${ratio}`);
    if (!r.available) console.log(`    ${r.note}`);
  }
}
if (big !== undefined) {
  console.log(`\n1e12 samples, xoshiro128p, WGSL kernel: ${g(big.samplesPerSecond)} over ${big.samples.toExponential(3)} samples (${big.status}), ` +
    `${big.details?.dispatches} dispatches, ${big.details?.invocations} invocations, host ${big.details?.hostMilliseconds} ms`);
}
console.log(`\npeer: ${peer === 'numba' ? 'numba.cuda on this machine' : 'not run (no python3 with numba and a CUDA device)'}; ${Math.round(Date.now() / 1000 - Number(started))} s in all`);
EOF
