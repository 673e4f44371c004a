#!/usr/bin/env bash
# The main job on the sample corpus: install, build, then extract the
# citations of corpus/ (later steps of the pipeline extend this).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh build
echo
echo "== vncite extract corpus/  (file:line:col  instrument  type  date  issuer  \"as written\")"
./build/vncite extract corpus/
