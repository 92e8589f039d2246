#!/usr/bin/env bash
# Idempotent set-up for a fresh Debian 12 machine (root, npm registry and Debian's packages only).
# Quick when nothing is missing. Usage: scripts/setup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
apt_pkgs=(jupyter-nbconvert jupyter-client python3-nbclient jupyter-notebook python3-onnx libonnx-testdata chromium)
missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >/dev/null
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm dependencies: reinstall only when package-lock.json changed since the last install.
stamp=node_modules/.layerlab-lock.sha256
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  echo "setup: npm ci (onnxruntime-node's CUDA download skipped)" >&2
  ONNXRUNTIME_NODE_INSTALL=skip npm ci --no-audit --no-fund --loglevel=error >&2
  echo "$lock_sum" > "$stamp"
fi

# Build the TypeScript sources (incremental: quick when nothing changed).
node node_modules/typescript/bin/tsc -p tsconfig.json

# The project's Jupyter kernelspec for tslab (no global install).
mkdir -p .jupyter/kernels/layerlab-tslab
cat > .jupyter/kernels/layerlab-tslab/kernel.json <<JSON
{
  "argv": ["$(command -v node)", "$PWD/node_modules/tslab/bin/tslab", "kernel", "--config-path", "{connection_file}"],
  "display_name": "TypeScript (layerlab)",
  "language": "typescript"
}
JSON
