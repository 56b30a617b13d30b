#!/usr/bin/env bash
# The first command on a fresh machine: installs what is missing, builds,
# creates the demo restaurant in ./data if there is none, trains, and serves
# the API on http://127.0.0.1:8080 (override with DATA_DIR and PORT).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA_DIR="${DATA_DIR:-./data}"
PORT="${PORT:-8080}"

./scripts/install_deps.sh
./scripts/build.sh
if [[ ! -f "$DATA_DIR/sobremesa.db" ]]; then
  ./build/sobremesa demo --data-dir "$DATA_DIR"
fi
./build/sobremesa train all --data-dir "$DATA_DIR"
exec ./build/sobremesa serve --data-dir "$DATA_DIR" --port "$PORT"
