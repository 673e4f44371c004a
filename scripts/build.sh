#!/usr/bin/env bash
# Installs what is missing and builds vncite into build/ (release with debug
# info).  Usage: scripts/build.sh [BUILD_DIR [extra cmake args…]]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
dir=${1:-build}
shift || true
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$dir" -j"$(nproc)"
