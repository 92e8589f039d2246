#!/usr/bin/env bash
# Run the benchmarks (all, or those named): each writes bench/results/<name>.json.
# Usage: scripts/bench.sh [name ...]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export LAYERLAB_DATA="${LAYERLAB_DATA:-$(cd .. && pwd)/shared}"
names=("$@")
if [ "${#names[@]}" = 0 ]; then
  for f in dist/bench/*.js; do b=$(basename "$f" .js); [ "$b" = support ] || names+=("$b"); done
fi
for n in "${names[@]}"; do
  echo "== bench $n" >&2
  node "dist/bench/$n.js"
done
