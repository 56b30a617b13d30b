#!/usr/bin/env bash
# Bulk import throughput, in rows/s, of real-sized CSV exports: a demo
# restaurant's menu, guests, visits and order lines are exported with the
# sqlite3 shell and imported into an empty data directory, then the orders
# are imported once more (the idempotent re-import path).
#
# Usage: bench/import_bench.sh [GUESTS]   (default 20000; needs build/sobremesa)
set -euo pipefail
cd "$(dirname "$0")/.."
guests=${1:-20000}
bin=./build/sobremesa
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

$bin demo --data-dir "$work/source" --guests "$guests" >/dev/null
db="$work/source/sobremesa.db"
list() { echo "(SELECT ifnull(group_concat(value, ';'), '') FROM json_each($1))"; }
sqlite3 -csv -header "$db" "SELECT external_id, name_es, name_en, course, price_centimos,
    $(list allergens) AS allergens, $(list diet_tags) AS diet_tags, spice_level
  FROM menu_items" >"$work/menu.csv"
sqlite3 -csv -header "$db" "SELECT external_id, name, email, language,
    $(list allergies) AS allergies, $(list dietary_needs) AS dietary_needs
  FROM guests" >"$work/guests.csv"
sqlite3 -csv -header "$db" "SELECT v.external_id, g.external_id AS guest_external_id,
    strftime('%Y-%m-%dT%H:%M:%SZ', v.seated_at, 'unixepoch') AS seated_at, v.party_size,
    v.spend_centimos, v.occasion
  FROM visits v LEFT JOIN guests g ON g.id = v.guest_id" >"$work/visits.csv"
sqlite3 -csv -header "$db" "SELECT o.external_id, v.external_id AS visit_external_id,
    m.external_id AS item_external_id, o.quantity, $(list o.modifiers) AS modifiers
  FROM order_lines o JOIN visits v ON v.id = o.visit_id JOIN menu_items m ON m.id = o.item_id" \
  >"$work/orders.csv"

run() {  # KIND FILE LABEL
  $bin import --data-dir "$work/target" --kind "$1" "$2" | sed "s|^.*/||; s|^|$3 |"
}
run menu "$work/menu.csv" first
run guests "$work/guests.csv" first
run visits "$work/visits.csv" first
run orders "$work/orders.csv" first
run orders "$work/orders.csv" again
