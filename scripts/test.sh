#!/usr/bin/env bash
# Run layerlab's tests: set-up when needed, build, then node's test runner over dist/test.
# Usage: scripts/test.sh [test-name-filter-regex]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export LAYERLAB_DATA="${LAYERLAB_DATA:-$(cd .. && pwd)/shared}"
[ -d "$LAYERLAB_DATA" ] || { echo "test: data folder $LAYERLAB_DATA not found (set LAYERLAB_DATA)" >&2; exit 1; }
export JUPYTER_PATH="$PWD/.jupyter"
files=$(find dist/test -name '*.test.js' | sort)
if [ -n "${1:-}" ]; then files=$(echo "$files" | grep -E "$1" || true); fi
[ -n "$files" ] || { echo "no test files match ${1:-}" >&2; exit 1; }
exec node --test --test-reporter=spec $files
