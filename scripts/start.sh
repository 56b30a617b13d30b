#!/usr/bin/env bash
# The first command on a fresh machine: installs what is missing, builds,
# trains the sentiment models when the SemEval data is there, creates the demo
# restaurant in ./data if there is none, trains, and serves
# the API on http://127.0.0.1:8080 (override with DATA_DIR and PORT).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA_DIR="${DATA_DIR:-./data}"
PORT="${PORT:-8080}"

# SemEval restaurant reviews for the sentiment models (read in place, never copied).
DATASETS="${DATASETS:-../shared/datasets}"

./scripts/install_deps.sh
./scripts/build.sh
# Sentiment models first, so the demo's feedback is analysed as it is written.
fresh_sentiment=0
if [[ ! -f "$DATA_DIR/models/sentiment_analysis_model.es.pt" &&
      -d "$DATASETS/semeval2016-restaurants" ]]; then
  semeval="$DATASETS/semeval2016-restaurants"
  [[ -d "$DATASETS/semeval2014-restaurants" ]] && semeval="$semeval,$DATASETS/semeval2014-restaurants"
  ./build/sobremesa train sentiment --data-dir "$DATA_DIR" --semeval "$semeval"
  fresh_sentiment=1
fi
if [[ ! -f "$DATA_DIR/sobremesa.db" ]]; then
  ./build/sobremesa demo --data-dir "$DATA_DIR"
elif [[ $fresh_sentiment == 1 ]]; then
  # Texts stored before the models existed are read again.
  ./build/sobremesa analyze --data-dir "$DATA_DIR"
fi
# The sentiment models are trained above (`train all` would train them again).
./build/sobremesa train recommender --data-dir "$DATA_DIR"
./build/sobremesa train behaviour --data-dir "$DATA_DIR"
exec ./build/sobremesa serve --data-dir "$DATA_DIR" --port "$PORT"
