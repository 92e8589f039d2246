#!/usr/bin/env bash
# The main job: set-up when needed, then reproduce the study into reports/study/ (or the folder given).
# Usage: scripts/study.sh [report-folder]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export LAYERLAB_DATA="${LAYERLAB_DATA:-$(cd .. && pwd)/shared}"
[ -d "$LAYERLAB_DATA" ] || { echo "study: data folder $LAYERLAB_DATA not found (set LAYERLAB_DATA)" >&2; exit 1; }
exec node bin/layerlab.js reproduce --out "${1:-reports/study}"
