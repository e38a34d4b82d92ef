#!/usr/bin/env bash
# Profiles the service on a cache-hit path: starts the standalone sandbox and
# trackenrich (production mode, UPS at the sandbox), warms 1,000 numbers, then
# records `perf record --call-graph dwarf` of the service while grpc_load keeps
# 64 calls in flight, and prints where the time goes: by library, by function
# (self time) and the callers' view (children included).
#
#   tests/bench/profile.sh [l1|redis] [REQUESTS]   # default: l1 100000
#
# l1: hits in the in-process cache. redis: hits in Redis with L1 off (starts
# a redis-server of its own). The perf data stays in build/bench-results.
#
# Needs perf (linux-perf) and a kernel that lets this user profile
# (/proc/sys/kernel/perf_event_paranoid <= 1, or root).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${TRACKENRICH_BUILD_DIR:-$root/build}
out=${BENCH_OUT:-$build/bench-results}
mode=${1:-l1}
requests=${2:-100000}
keys=1000
[[ $mode == l1 || $mode == redis ]] || { echo "usage: $0 [l1|redis] [REQUESTS]" >&2; exit 2; }
command -v perf >/dev/null || { echo "profile.sh: perf is not installed (apt-get install linux-perf)" >&2; exit 2; }
for bin in services/trackenrich services/trackenrich_sandbox tests/grpc_load; do
  [[ -x $build/$bin ]] || { echo "profile.sh: build $build/$bin first" >&2; exit 2; }
done
mkdir -p "$out"
work=$(mktemp -d /tmp/trackenrich-profile-XXXXXX)
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start NAME REGEX CMD...: background CMD, wait for a stdout line matching REGEX.
start() {
  local name=$1 regex=$2
  shift 2
  "$@" >"$work/$name.out" 2>"$work/$name.log" &
  started_pid=$!
  pids+=("$started_pid")
  for _ in $(seq 1 200); do
    if started_match=$(grep -E -m1 "$regex" "$work/$name.out"); then return 0; fi
    kill -0 "$started_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "profile.sh: $name did not start" >&2
  cat "$work/$name.log" >&2
  exit 1
}

start sandbox 'listening on http://' "$build/services/trackenrich_sandbox" --listen=127.0.0.1:0
sandbox_url=$(sed -E 's/.*listening on (http:\/\/[0-9.]+:[0-9]+).*/\1/' <<<"$started_match")
extra=""
if [[ $mode == redis ]]; then
  for _ in $(seq 1 20); do
    redis_port=$((20000 + RANDOM % 30000))
    redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --dir "$work" \
      --logfile '' </dev/null >/dev/null 2>&1 &
    redis_pid=$!
    pids+=("$redis_pid")
    for _ in $(seq 1 50); do
      kill -0 "$redis_pid" 2>/dev/null || break
      redis-cli -h 127.0.0.1 -p "$redis_port" info server 2>/dev/null |
        grep -q "^process_id:$redis_pid" && break 2
      sleep 0.1
    done
  done
  extra=", \"cache\": {\"memory_max_entries\": 0}, \"redis\": {\"address\": \"127.0.0.1:$redis_port\"}"
fi
cat >"$work/config.json" <<EOF
{"grpc_listen": "127.0.0.1:0", "admin_listen": "127.0.0.1:0", "sandbox": false, "io_threads": 2,
 "carriers": {"ups": {"base_url": "$sandbox_url",
   "client_id": {"env": "BENCH_UPS_CLIENT_ID"}, "client_secret": {"env": "BENCH_UPS_CLIENT_SECRET"}}}$extra}
EOF
start service 'grpc=[0-9]+' env BENCH_UPS_CLIENT_ID=sandbox-client-id \
  BENCH_UPS_CLIENT_SECRET=sandbox-client-secret \
  "$build/services/trackenrich" --config="$work/config.json" --log_level="${PROFILE_LOG_LEVEL:-info}"
service_pid=$started_pid
grpc_port=$(sed -E 's/.*grpc=([0-9]+).*/\1/' <<<"$started_match")
admin_port=$(sed -E 's/.*admin=([0-9]+).*/\1/' <<<"$started_match")
if [[ $mode == redis ]]; then
  for _ in $(seq 1 50); do
    curl -sf "http://127.0.0.1:$admin_port/readyz" | grep -q '"redis":"ok"' && break
    sleep 0.1
  done
fi
target=127.0.0.1:$grpc_port

"$build/tests/grpc_load" --target="$target" --keys="generated:$keys@0" --requests=$keys \
  --in_flight=50 >/dev/null
perf record -F 499 --call-graph dwarf,32768 -o "$out/perf-$mode.data" -p "$service_pid" 2>"$work/perf.log" &
perf_pid=$!
sleep 0.5
"$build/tests/grpc_load" --target="$target" --keys="generated:$keys@0" --requests="$requests" \
  --in_flight=64 --streams_per_channel=16 | tee "$out/profile-$mode.json"
kill -INT "$perf_pid"
wait "$perf_pid" || true

report() {
  perf report -i "$out/perf-$mode.data" --stdio --no-header "$@" 2>/dev/null | grep -E "^ +[0-9]" |
    cut -c1-220 | sed "s/ *[-]* *[-]* *$//"
}
echo
echo "== by library (self time) =="
report --no-children --sort dso -g none | head -15
echo
echo "== by function (self time) =="
report --no-children --sort dso,symbol -g none | head -40
echo
echo "== the service's own functions, with what they call (children included) =="
report --children --sort symbol -g none | grep -E 'trackenrich::|absl::|grpc::|prometheus::' | head -40
