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

# Sentiment lexicons (ML-SentiCon, Cruz et al. 2014: lemma -> polarity in
# [-1, 1]) as shipped in the npm package `natural` (MIT), read by
# `sobremesa train sentiment` and `evaluate sentiment` (--lexicon; the
# trained model carries what it needs, serving reads no lexicon). Pinned
# version and tarball hash; only the two lexicons and the licence are kept.
LEXICON_DIR=/usr/local/share/sobremesa/lexicons/natural-8.1.1
LEXICON_SHA512=51c6fe96c51c1b152abb7ae7f1cc078d3ea0250a2c3bade7217fda0505c1dfe20390d6c557b3eebe2cac3be473cf768a9fb3d984f8f76cd1783d2f600d58d809
LEXICON_FILES=(Spanish/senticon_es.json English/senticon_en.json)

SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi

missing=()
for p in "${PACKAGES[@]}"; do
  if [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]]; then
    missing+=("$p")
  fi
done
# npm fetches the lexicons below (install time only); another nodejs build
# may already provide the command, so the Debian package only when it is missing.
if ! command -v npm >/dev/null; then missing+=(npm); fi
if ((${#missing[@]} > 0)); then
  echo "Installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [[ ! -f "$LEXICON_DIR/senticon_es.json" || ! -f "$LEXICON_DIR/senticon_en.json" ]]; then
  echo "Fetching the sentiment lexicons (npm natural@8.1.1) into $LEXICON_DIR"
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent natural@8.1.1 >/dev/null)
  echo "$LEXICON_SHA512  $work/natural-8.1.1.tgz" | sha512sum --check --quiet
  tar -xzf "$work/natural-8.1.1.tgz" -C "$work" package/LICENSE.txt \
    "${LEXICON_FILES[@]/#/package/lib/natural/sentiment/}"
  $SUDO mkdir -p "$LEXICON_DIR"
  $SUDO cp "$work/package/LICENSE.txt" "$LEXICON_DIR/"
  for f in "${LEXICON_FILES[@]}"; do
    $SUDO cp "$work/package/lib/natural/sentiment/$f" "$LEXICON_DIR/"
  done
fi
