#!/usr/bin/env bash
# The README's flow with the real binary, as a new user meets it: demo, train,
# serve on a free port, ask for recommendations over HTTP; and the CLI's
# errors for bad files, which name the file and line. JSON answers are
# checked with SQLite's JSON functions (the sqlite3 shell is a dependency).
#
# Usage: cli_end_to_end_test.sh PATH/TO/sobremesa
set -euo pipefail
bin=$(realpath "$1")
work=$(mktemp -d)
server=""
cleanup() {
  [[ -n "$server" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
data="$work/data"

"$bin" demo --data-dir "$data" --guests 300 --days 60 >"$work/demo.out"
grep -q "300 guests" "$work/demo.out" || fail "demo summary: $(cat "$work/demo.out")"
"$bin" train recommender --data-dir "$data" >"$work/train.out"
grep -q "cooccurrence.json" "$work/train.out" || fail "train: $(cat "$work/train.out")"
"$bin" train behaviour --data-dir "$data" >"$work/train-behaviour.out"
grep -q "behavior_prediction_model.pt" "$work/train-behaviour.out" ||
  fail "train behaviour: $(cat "$work/train-behaviour.out")"

# A segment's campaign export holds only guests who consented to marketing.
"$bin" export --data-dir "$data" --segment 1 --out "$work/segment.csv" 2>/dev/null
head -1 "$work/segment.csv" | grep -q "^guest_id," || fail "segment export header"
exported=$(tail -n +2 "$work/segment.csv" | cut -d, -f1 | paste -sd, -)
if [[ -n "$exported" ]]; then
  declined=$(sqlite3 "$data/sobremesa.db" \
    "SELECT count(*) FROM guests WHERE id IN ($exported) AND consent_marketing = 0")
  [[ "$declined" == 0 ]] || fail "segment export holds $declined guests who declined marketing"
fi
# Guests' personal data is exported only for a purpose they consented to:
# without --consent the export is refused (exit 2), with it only those who agreed.
if "$bin" export --data-dir "$data" --kind guests --out "$work/guests-all.csv" 2>"$work/err"; then
  fail "export of guests without --consent succeeded"
else
  [[ $? == 2 ]] || fail "export without --consent: exit code is not 2"
fi
grep -q -- "--consent" "$work/err" || fail "export without --consent: $(cat "$work/err")"
[[ ! -e "$work/guests-all.csv" ]] || fail "a refused export wrote a file"
"$bin" export --data-dir "$data" --kind guests --consent personalization \
  --out "$work/consented.csv" 2>/dev/null
rows=$(($(wc -l <"$work/consented.csv") - 1))
agreed=$(sqlite3 "$data/sobremesa.db" "SELECT count(*) FROM guests WHERE consent_personalization = 1")
[[ "$rows" == "$agreed" && "$rows" -gt 0 ]] ||
  fail "export --consent personalization: $rows rows for $agreed consenting guests"
# A failed export leaves the last good file as it was, and no partial one.
cp "$work/segment.csv" "$work/segment.before"
if "$bin" export --data-dir "$data" --segment 999 --out "$work/segment.csv" 2>/dev/null; then
  fail "export of an unknown segment succeeded"
fi
cmp -s "$work/segment.csv" "$work/segment.before" || fail "a failed export changed the file"
[[ ! -e "$work/segment.csv.tmp" ]] || fail "a failed export left segment.csv.tmp"

# A CSV without a required column: nothing stored, exit 2, FILE:1 in the message.
printf 'external_id,name_es\nM-X,Plato sin curso\n' >"$work/menu.csv"
if "$bin" import --data-dir "$data" --kind menu "$work/menu.csv" 2>"$work/err"; then
  fail "import of a CSV missing a column succeeded"
fi
grep -q "menu.csv:1: missing column 'course'" "$work/err" || fail "message: $(cat "$work/err")"

# One bad row among good ones: the good rows are stored, the bad one is named by line.
printf 'external_id,name,allergies\nG-E2E-1,Begoña Ñahui,shellfish\nG-E2E-2,Ana,nuts\nG-E2E-3,Luis,\n' \
  >"$work/guests.csv"
if "$bin" import --data-dir "$data" --kind guests "$work/guests.csv" >"$work/out" 2>"$work/err"; then
  fail "import with a bad row reported success"
fi
grep -q "guests.csv:3: column 'allergies'" "$work/err" || fail "bad row message: $(cat "$work/err")"
stored=$(sqlite3 "$data/sobremesa.db" "SELECT count(*) FROM guests WHERE external_id LIKE 'G-E2E-%'")
[[ "$stored" == 2 ]] || fail "expected 2 good rows stored, found $stored"
name=$(sqlite3 "$data/sobremesa.db" "SELECT name FROM guests WHERE external_id = 'G-E2E-1'")
[[ "$name" == "Begoña Ñahui" ]] || fail "UTF-8 round trip: $name"

# A corrupt model file is replaced by a fresh model at start-up, not a crash.
model=$(ls "$data"/models/restaurant-*/cooccurrence.json | head -1)
echo "{not a model" >"$model"

# Serve on a free port; a line says where. Start-up retrains the corrupt
# model first, which takes seconds more on a loaded machine: wait up to 60 s.
"$bin" serve --data-dir "$data" --port 0 >"$work/serve.out" 2>&1 &
server=$!
for _ in $(seq 600); do
  grep -q "serving on" "$work/serve.out" && break
  sleep 0.1
done
base=$(sed -n 's/.*serving on \(http[^ ]*\).*/\1/p' "$work/serve.out" | head -1)
[[ -n "$base" ]] || fail "server did not start: $(cat "$work/serve.out")"
curl -sf "$base/healthz" | grep -q '"ok"' || fail "healthz"
grep -q "training a model now" "$work/serve.out" || fail "corrupt model not reported"
head -c 1 "$model" | grep -q "{" && grep -q '"format"' "$model" || fail "model file not rewritten"

# Every guest with a declared allergy gets only items free of it.
checked=0
while IFS='|' read -r guest allergies; do
  curl -sf "$base/v1/guests/$guest/recommendations?k=50" >"$work/recs.json" ||
    fail "recommendations for guest $guest"
  unsafe=$(sqlite3 "$data/sobremesa.db" "
    SELECT count(*) FROM json_each(readfile('$work/recs.json'), '\$.items') AS rec
    JOIN menu_items m ON m.id = json_extract(rec.value, '\$.item_id')
    WHERE EXISTS (SELECT 1 FROM json_each(m.allergens) a
                  WHERE a.value IN (SELECT value FROM json_each('$allergies')))")
  [[ "$unsafe" == 0 ]] || fail "guest $guest ($allergies) was offered $unsafe unsafe items"
  reasons=$(sqlite3 "$data/sobremesa.db" "
    SELECT count(*) FROM json_each(readfile('$work/recs.json'), '\$.items') AS rec
    WHERE json_extract(rec.value, '\$.reason') <> ''")
  [[ "$reasons" -gt 0 ]] || fail "no reasons for guest $guest"
  checked=$((checked + 1))
done < <(sqlite3 "$data/sobremesa.db" \
  "SELECT id, allergies FROM guests WHERE allergies <> '[]' ORDER BY id LIMIT 25")
[[ "$checked" -gt 0 ]] || fail "no guest with allergies in the demo"

curl -s "$base/v1/guests/abc" | grep -q '"invalid_argument"' || fail "bad id is not a JSON 400"
curl -sf "$base/v1/segments" | grep -q '"description"' || fail "segments not served"
curl -sf "$base/v1/guests/1/outlook" | grep -q '"predicted"' || fail "outlook not served"
echo "cli end-to-end: 1 passed, 0 failed ($checked guests with allergies checked over HTTP)"
