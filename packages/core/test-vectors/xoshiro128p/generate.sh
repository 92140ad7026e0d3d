#!/usr/bin/env bash
# Regenerates vectors.json from the independent C implementation beside it (needs gcc).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gcc -std=c11 -O2 -Wall -Wextra -o "$tmp/vectors" "$here/xoshiro128p_vectors.c"
"$tmp/vectors" > "$here/vectors.json"
echo "wrote $here/vectors.json"
