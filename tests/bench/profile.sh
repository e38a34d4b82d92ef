#!/usr/bin/env bash
# Profiles the service on the L1-hit path: starts the standalone sandbox and
# trackenrich (production mode, UPS at the sandbox), warms KEYS numbers, then
# records `perf record -g` of the service while grpc_load keeps 64 calls in
# flight, and prints where the time goes: by library, by function (self time)
# and the callers' view of the service's own code.
#
#   tests/bench/profile.sh [REQUESTS]     # default 100000; perf data in build/bench-results
#
# Needs perf (linux-perf) and a kernel that lets this user profile
# (/proc/sys/kernel/perf_event_paranoid <= 1, or root).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${TRACKENRICH_BUILD_DIR:-$root/build}
out=${BENCH_OUT:-$build/bench-results}
requests=${1:-100000}
keys=1000
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
cat >"$work/config.json" <<EOF
{"grpc_listen": "127.0.0.1:0", "admin_listen": "127.0.0.1:0", "sandbox": false, "io_threads": 2,
 "carriers": {"ups": {"base_url": "$sandbox_url",
   "client_id": {"env": "BENCH_UPS_CLIENT_ID"}, "client_secret": {"env": "BENCH_UPS_CLIENT_SECRET"}}}}
EOF
start service 'grpc=[0-9]+' env BENCH_UPS_CLIENT_ID=sandbox-client-id \
  BENCH_UPS_CLIENT_SECRET=sandbox-client-secret \
  "$build/services/trackenrich" --config="$work/config.json" --log_level=warn
service_pid=$started_pid
grpc_port=$(sed -E 's/.*grpc=([0-9]+).*/\1/' <<<"$started_match")
target=127.0.0.1:$grpc_port

"$build/tests/grpc_load" --target="$target" --keys="generated:$keys@0" --requests=$keys \
  --in_flight=50 >/dev/null
perf record -F 499 --call-graph dwarf,32768 -o "$out/perf-l1.data" -p "$service_pid" 2>"$work/perf.log" &
perf_pid=$!
sleep 0.5
"$build/tests/grpc_load" --target="$target" --keys="generated:$keys@0" --requests="$requests" \
  --in_flight=64 --streams_per_channel=16 | tee "$out/profile-load.json"
kill -INT "$perf_pid"
wait "$perf_pid" || true

report() {
  perf report -i "$out/perf-l1.data" --stdio --no-header "$@" 2>/dev/null | grep -E "^ +[0-9]" |
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
