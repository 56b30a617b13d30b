#!/usr/bin/env bash
# Installs the Debian 12 packages Sobremesa builds, tests and runs with.
# Idempotent: asks apt only for what is missing, and does nothing otherwise.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git curl
  libsqlite3-dev sqlite3          # the embedded store, and a shell for analysts
  nlohmann-json3-dev              # JSON for the API, import and model files
  libcli11-dev                    # the command line
  libspdlog-dev                   # logging
  libboost-dev                    # Boost.Beast/Asio: the HTTP server
  rapidjson-dev                   # SAX JSON writer for the live recommendation response
  libjemalloc-dev                 # allocator for the many-threaded server
  libutf8proc-dev                 # UTF-8 validation (and, next, normalisation)
  libtorch-dev libopenblas0-pthread  # LibTorch 1.13 models; OpenBLAS, several times faster than the reference BLAS
  libstemmer-dev                  # Snowball stemmers for Spanish and English text
  libpugixml-dev                  # SemEval XML reader
  libxgboost-dev                  # gradient-boosted trees, a 90-day return (churn) classifier candidate (C API)
  fasttext                        # the baseline our sentiment model is measured against
  libfasttext-dev                 # fastText in-process in bench/sentiment_bench (same-run speed comparison)
  libgtest-dev libgmock-dev       # unit and integration tests
  libcpp-httplib-dev              # HTTP client in the integration tests only
  libbenchmark-dev wrk            # benchmarks in bench/
)

missing=()
for p in "${PACKAGES[@]}"; do
  if [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]]; then
    missing+=("$p")
  fi
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
