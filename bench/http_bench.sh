#!/usr/bin/env bash
# Drives an HTTP endpoint with wrk at 8 and at 64 concurrent keep-alive
# connections and prints one line per run:
#
#   connections=8 requests_per_s=41234 p50_us=150 p99_us=560 max_us=3100 errors=0 non_2xx=0
#
# Latencies come from wrk's own histogram through a Lua done() hook, in
# microseconds, rather than from its rounded human-readable table.
#
# Usage: bench/http_bench.sh URL [DURATION]     e.g. http://127.0.0.1:8080/ 15s
# WRK_REQUEST_LUA=FILE appends a Lua file defining request() to vary the
# requests (bench/recommendations.lua spreads them over many guests).
set -euo pipefail

if [[ $# -lt 1 ]]; then
  echo "usage: $0 URL [DURATION]" >&2
  exit 2
fi
url=$1
duration=${2:-10s}
threads=${WRK_THREADS:-2}

script=$(mktemp --suffix=.lua)
trap 'rm -f "$script"' EXIT
cat >"$script" <<'LUA'
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
      "SUMMARY requests_per_s=%.0f p50_us=%d p99_us=%d max_us=%d errors=%d non_2xx=%d\n",
      summary.requests / (summary.duration / 1e6),
      latency:percentile(50), latency:percentile(99), latency.max,
      e.connect + e.read + e.write + e.timeout, e.status))
end
LUA
if [[ -n "${WRK_REQUEST_LUA:-}" ]]; then
  cat "$WRK_REQUEST_LUA" >>"$script"
fi

for connections in 8 64; do
  summary=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$script" "$url" |
            sed -n 's/^SUMMARY //p')
  echo "connections=$connections $summary"
done
