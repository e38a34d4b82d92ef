#!/usr/bin/env bash
# The service benchmark: one table per run (see BENCHMARKS.md).
#
#   deploy/build.sh trackenrich trackenrich_sandbox grpc_load echo_server http_client_bench \
#     detection_bench
#   tests/bench/run.sh            # the full run, about 5 minutes on 2 cores
#   tests/bench/run.sh --quick    # a short run for trying the harness
#
# Rows: the echo server (the ceiling), the service on L1 hits and on Redis
# hits with L1 off (a redis-server of its own), and, with h2load (nghttp2) as
# a second, independent client, the echo server and the service on L1 hits
# sent the same TrackShipment frame over the same connections and streams,
# all in interleaved rounds; then, each on a fresh process, the echo server
# and the service on L1 hits paced
# at 70% and 35% of the L1 peak, and misses through the standalone sandbox
# with 200 ms added upstream latency on distinct keys, at 2,000 calls in
# flight and at 400.
# Then the coalescing figure (N identical cold calls at once → upstream calls,
# from the sandbox's counters), miss throughput against in-flight ÷ latency,
# the HTTP client benchmark and in-process carrier detection (detection_bench).
# Every reply's status is checked by grpc_load and its counts are checked
# against the service's /metrics. h2load counts any HTTP 200 as a success,
# gRPC errors included, so its service rows are checked against /metrics'
# OK count, and one reply of each server is checked for grpc-status 0 with
# nghttp. Every server runs at its default log level (the service's per-call
# log lines go to $BENCH_OUT/NAME.log). Servers and redis bind free ports and
# are stopped on exit.
#
# Environment: TRACKENRICH_BUILD_DIR (default build/), BENCH_OUT (where the raw
# JSON lines, h2load output and logs go; default build/bench-results), and
# the sizes below.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${TRACKENRICH_BUILD_DIR:-$root/build}
out=${BENCH_OUT:-$build/bench-results}

quick=0
for arg in "$@"; do
  case $arg in
    --quick) quick=1 ;;
    -h | --help)
      sed -n '2,31p' "${BASH_SOURCE[0]}"
      exit 0
      ;;
    *)
      echo "run.sh: unknown argument $arg" >&2
      exit 2
      ;;
  esac
done

# Sizes. Hit rows: ROUNDS rounds of HIT_REQUESTS calls, HIT_IN_FLIGHT at once over
# HIT_IN_FLIGHT/HIT_STREAMS_PER_CHANNEL connections, cycling over HIT_KEYS
# warmed numbers (h2load: the same calls and connections, HIT_STREAMS_PER_CHANNEL
# streams each, every call the first of those numbers). Miss rows: MISS_REQUESTS distinct cold numbers, MISS_IN_FLIGHT
# at once (then MISS_LOW_REQUESTS at MISS_LOW_IN_FLIGHT), MISS_LATENCY_MS added
# by the sandbox. Paced rows: PACED_SECONDS long at each of PACED_FRACTIONS.
# Detection: DETECTION_RUNS runs of DETECTION_SECONDS per path.
if ((quick)); then
  : "${HIT_REQUESTS:=10000}" "${ROUNDS:=1}" "${MISS_REQUESTS:=4000}" "${MISS_LOW_REQUESTS:=2000}"
  : "${PACED_SECONDS:=3}"
  : "${COALESCE_CALLS:=500}" "${HTTP_CLIENT_REQUESTS:=2000}"
  : "${DETECTION_SECONDS:=0.5}" "${DETECTION_RUNS:=3}"
else
  : "${HIT_REQUESTS:=100000}" "${ROUNDS:=3}" "${MISS_REQUESTS:=40000}" "${MISS_LOW_REQUESTS:=15000}"
  : "${PACED_SECONDS:=20}"
  : "${COALESCE_CALLS:=1000}" "${HTTP_CLIENT_REQUESTS:=20000}"
  : "${DETECTION_SECONDS:=1}" "${DETECTION_RUNS:=5}"
fi
: "${HIT_IN_FLIGHT:=64}" "${HIT_STREAMS_PER_CHANNEL:=16}" "${HIT_KEYS:=1000}"
: "${LOAD_THREADS:=1}" "${MISS_IN_FLIGHT:=2000}" "${MISS_LOW_IN_FLIGHT:=400}"
: "${MISS_LATENCY_MS:=200}" "${COALESCE_LATENCY_MS:=1000}"
: "${PACED_FRACTIONS:=0.7 0.35}"

server_bin=$build/services/trackenrich
sandbox_bin=$build/services/trackenrich_sandbox
load_bin=$build/tests/grpc_load
echo_bin=$build/tests/echo_server
http_bench_bin=$build/tests/http_client_bench
detection_bench_bin=$build/tests/detection_bench
for bin in "$server_bin" "$sandbox_bin" "$load_bin" "$echo_bin"; do
  if [[ ! -x $bin ]]; then
    echo "run.sh: $bin is missing; build it first:" >&2
    echo "  deploy/build.sh trackenrich trackenrich_sandbox grpc_load echo_server http_client_bench detection_bench" >&2
    exit 2
  fi
done
for tool in redis-server curl h2load nghttp; do
  command -v "$tool" >/dev/null || {
    echo "run.sh: $tool is not installed (deploy/install-deps.sh installs it)" >&2
    exit 2
  }
done

mkdir -p "$out"
rm -f "$out"/*.json "$out"/*.log "$out"/*.txt
work=$(mktemp -d /tmp/trackenrich-bench-XXXXXX)
# A connection per upstream call in flight, on both ends.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

# --- processes ---------------------------------------------------------------

pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# stop PID: SIGTERM, then SIGKILL after 5 s.
stop() {
  local pid=$1
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# start NAME REGEX CMD...: runs CMD in the background (stdout in $work/NAME.out,
# stderr in $out/NAME.log) and waits up to 20 s for a stdout line matching
# REGEX. Sets started_pid and started_match (the line).
start() {
  local name=$1 regex=$2
  shift 2
  : >"$work/$name.out"
  "$@" >"$work/$name.out" 2>"$out/$name.log" &
  started_pid=$!
  pids+=("$started_pid")
  for _ in $(seq 1 200); do
    if started_match=$(grep -E -m1 "$regex" "$work/$name.out"); then return 0; fi
    if ! kill -0 "$started_pid" 2>/dev/null; then break; fi
    sleep 0.1
  done
  echo "run.sh: $name did not start; its log:" >&2
  tail -20 "$out/$name.log" >&2
  exit 1
}

start_sandbox() {
  start sandbox 'listening on http://' "$sandbox_bin" --listen=127.0.0.1:0 --threads=2
  sandbox_pid=$started_pid
  sandbox_url=$(sed -E 's/.*listening on (http:\/\/[0-9.]+:[0-9]+).*/\1/' <<<"$started_match")
}

# start_service NAME CACHE_JSON EXTRA_JSON: trackenrich in production mode with
# UPS at the standalone sandbox. Sets service_pid, grpc_port, admin_port.
start_service() {
  local name=$1 cache_json=$2 extra_json=$3
  cat >"$work/$name.json" <<EOF
{
  "grpc_listen": "127.0.0.1:0", "admin_listen": "127.0.0.1:0", "sandbox": false,
  "io_threads": 2,
  "carriers": {"ups": {"base_url": "$sandbox_url",
    "client_id": {"env": "BENCH_UPS_CLIENT_ID"}, "client_secret": {"env": "BENCH_UPS_CLIENT_SECRET"}}},
  "cache": $cache_json$extra_json
}
EOF
  # The sandbox's published test credentials (services/sandbox/sandbox_upstream.h).
  start "$name" 'grpc=[0-9]+ admin=[0-9]+' env BENCH_UPS_CLIENT_ID=sandbox-client-id \
    BENCH_UPS_CLIENT_SECRET=sandbox-client-secret \
    "$server_bin" --config="$work/$name.json"
  service_pid=$started_pid
  grpc_port=$(sed -E 's/.*grpc=([0-9]+).*/\1/' <<<"$started_match")
  admin_port=$(sed -E 's/.*admin=([0-9]+).*/\1/' <<<"$started_match")
}

start_redis() {
  local port pid
  for _ in $(seq 1 20); do
    port=$((20000 + RANDOM % 30000))
    redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --dir "$work" \
      --daemonize no --logfile '' </dev/null >"$out/redis.log" 2>&1 &
    pid=$!
    pids+=("$pid")
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break # exited: the port was taken
      # The answer must come from this process, not another server on the port.
      if redis-cli -h 127.0.0.1 -p "$port" info server 2>/dev/null | grep -q "^process_id:$pid"; then
        redis_pid=$pid
        redis_port=$port
        return 0
      fi
      sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
  done
  echo "run.sh: could not start redis-server" >&2
  exit 1
}

# --- measurements --------------------------------------------------------------

clock_ticks=$(getconf CLK_TCK)
# CPU seconds (user + system) a process has used so far.
cpu_seconds() {
  local fields
  fields=$(sed -E 's/^.*\) //' "/proc/$1/stat")
  awk -v t="$clock_ticks" '{printf "%.3f", ($12 + $13) / t}' <<<"$fields"
}
# Peak resident set of a process, in MB.
peak_rss_mb() { awk '/^VmHWM:/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }

# json_num FILE KEY: a number field of a grpc_load JSON line.
json_num() { grep -oE "\"$2\":-?[0-9.]+" "$1" | head -1 | cut -d: -f2; }
json_str() { grep -oE "\"$2\":\"[^\"]*\"" "$1" | head -1 | cut -d: -f2- | tr -d '"'; }
# layer FILE NAME: replies served from that cache layer (0 when none).
layer() {
  local n
  n=$(grep -oE "\"layers\":\{[^}]*\}" "$1" | grep -oE "\"$2\":[0-9]+" | cut -d: -f2 || true)
  echo "${n:-0}"
}

# TrackShipment calls the service's /metrics has counted: "total ok".
rpc_counts() {
  local metrics
  metrics=$(curl -sf "http://127.0.0.1:$1/metrics")
  awk '/^trackenrich_rpc_requests_total\{/ && /method="TrackShipment"/ {
         total += $NF; if ($0 ~ /code="OK"/) ok += $NF }
       END { printf "%d %d", total, ok }' <<<"$metrics"
}

# count_delta BEFORE AFTER: sets seen_total and seen_ok to the calls (all, OK)
# counted between two rpc_counts answers.
count_delta() {
  local total0 ok0 total1 ok1
  read -r total0 ok0 <<<"$1"
  read -r total1 ok1 <<<"$2"
  seen_total=$((total1 - total0))
  seen_ok=$((ok1 - ok0))
}

# Lookups the service's /metrics has counted as L1 (memory) hits.
memory_hits() {
  curl -sf "http://127.0.0.1:$1/metrics" |
    awk '/^trackenrich_cache_lookups_total\{/ && /layer="memory"/ && /result="hit"/ { n += $NF }
         END { printf "%d", n }'
}

# sandbox_count ROUTE: requests the sandbox has received on ROUTE.
sandbox_count() {
  local stats n
  stats=$(curl -sf "$sandbox_url/__sandbox/stats")
  n=$(grep -oE "\"$1\":[0-9]+" <<<"$stats" | cut -d: -f2 || true)
  echo "${n:-0}"
}

# load NAME ARGS...: one grpc_load run, its JSON line in $out/NAME.json.
# Never fails the script: the row reports the errors.
load() {
  local name=$1
  shift
  "$load_bin" --label="$name" --threads="$LOAD_THREADS" "$@" >"$out/$name.json" \
    2>"$out/$name.load.log" || true
  if [[ ! -s $out/$name.json ]]; then
    echo "run.sh: grpc_load gave no result for $name:" >&2
    cat "$out/$name.load.log" >&2
    exit 1
  fi
}

# measured PID ADMIN_PORT CMD...: runs CMD against a server. Sets m_cpu to
# the server's CPU seconds during it and, for trackenrich (an admin port),
# seen_total, seen_ok and seen_hits to the TrackShipment calls (all, OK) and
# L1 hits its /metrics counted during it.
measured() {
  local pid=$1 admin=$2 cpu0 before hits0
  shift 2
  if [[ $admin != - ]]; then
    before=$(rpc_counts "$admin")
    hits0=$(memory_hits "$admin")
  fi
  cpu0=$(cpu_seconds "$pid")
  "$@"
  m_cpu=$(awk -v a="$cpu0" -v b="$(cpu_seconds "$pid")" 'BEGIN {printf "%.3f", b - a}')
  if [[ $admin != - ]]; then
    count_delta "$before" "$(rpc_counts "$admin")"
    seen_hits=$(($(memory_hits "$admin") - hits0))
  fi
}

# measure NAME PID ADMIN_PORT ARGS...: a measured grpc_load run against a
# server (its JSON line in $out/NAME.json). Sets m_cpu to the server's CPU
# seconds during the run and checks (for trackenrich, with an admin port) the
# service's own RPC counts for the run against grpc_load's.
notes=()
measure() {
  local name=$1 pid=$2 admin=$3
  shift 3
  local file=$out/$name.json
  measured "$pid" "$admin" load "$name" "$@"
  local requests errors
  requests=$(json_num "$file" completed)
  errors=$(json_num "$file" errors)
  if [[ $admin != - ]]; then
    local ok
    ok=$(json_num "$file" ok)
    if [[ $seen_total != "$requests" || $seen_ok != "$ok" ]]; then
      notes+=("$name: /metrics counted $seen_total calls ($seen_ok OK), grpc_load $requests ($ok OK)")
    fi
  fi
  if [[ $errors != 0 ]]; then
    notes+=("$name: $errors errors: $(grep -oE '"codes":\{[^}]*\}' "$file"), first: $(json_str "$file" first_error)")
  fi
}

# --- h2load ------------------------------------------------------------------

# The TrackShipment frame every h2load call sends (the first warmed number),
# written by grpc_load, and the method's path.
frame=$work/track.frame
track_path=/trackenrich.v1.TrackingService/TrackShipment
h2_connections=$(((HIT_IN_FLIGHT + HIT_STREAMS_PER_CHANNEL - 1) / HIT_STREAMS_PER_CHANNEL))

# grpc_status PORT: the grpc-status of one TrackShipment reply to the frame,
# read from nghttp's frame dump (the trailers), or "none".
grpc_status() {
  local status
  status=$(nghttp -v -H 'content-type: application/grpc' -H 'te: trailers' -d "$frame" \
    "http://127.0.0.1:$1$track_path" 2>&1 | grep -aoE 'grpc-status: [0-9]+' | tail -1 | cut -d' ' -f2 || true)
  echo "${status:-none}"
}

# to_ms VALUE: an h2load duration (12.3us, 4.5ms, 1.2s) in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000
    printf "%.3f", n }'
}

# h2load_run NAME PORT: HIT_REQUESTS calls of the frame over h2_connections
# connections of HIT_STREAMS_PER_CHANNEL streams each. Writes h2load's output
# to $out/NAME.h2load.txt and a JSON line shaped like grpc_load's to
# $out/NAME.json: "ok" is the 2xx replies (measure_h2 replaces it with the
# service's own OK count), latency is h2load's min/mean/max/sd per request.
h2load_run() {
  local name=$1 port=$2 text=$out/$1.h2load.txt
  local TIMEFORMAT='%U %S'
  { time h2load -n "$HIT_REQUESTS" -c "$h2_connections" -m "$HIT_STREAMS_PER_CHANNEL" \
    -t "$LOAD_THREADS" -H 'content-type: application/grpc' -H 'te: trailers' -d "$frame" \
    "http://127.0.0.1:$port$track_path" >"$text" 2>&1; } 2>"$work/$name.time" || true
  local rps completed succeeded ok2xx latency
  rps=$(grep -oE '^finished in [^,]+, [0-9.]+ req/s' "$text" | awk '{print $4}' || true)
  read -r completed succeeded < <(awk '/^requests:/ {print $6, $8}' "$text") || true
  ok2xx=$(awk '/^status codes:/ {print $3}' "$text")
  ok2xx=${ok2xx:-0}
  read -r -a latency < <(awk '/^time for request:/ {print $4, $5, $6, $7}' "$text") || true
  if [[ -z $rps || -z $completed || ${#latency[@]} != 4 ]]; then
    echo "run.sh: h2load gave no result for $name:" >&2
    cat "$text" >&2
    exit 1
  fi
  printf '{"label":"%s","tool":"h2load","requests":%d,"completed":%d,"ok":%d,"errors":%d,"h2load_succeeded":%d,"in_flight":%d,"channels":%d,"rps":%s,"min_ms":%s,"max_ms":%s,"mean_ms":%s,"sd_ms":%s,"client_cpu_s":%s}\n' \
    "$name" "$HIT_REQUESTS" "$completed" "$ok2xx" $((HIT_REQUESTS - ok2xx)) "$succeeded" \
    $((h2_connections * HIT_STREAMS_PER_CHANNEL)) "$h2_connections" "$rps" \
    "$(to_ms "${latency[0]}")" "$(to_ms "${latency[1]}")" "$(to_ms "${latency[2]}")" \
    "$(to_ms "${latency[3]}")" "$(awk '{printf "%.3f", $1 + $2}' "$work/$name.time")" >"$out/$name.json"
}

# measure_h2 NAME PID ADMIN_PORT PORT: a measured h2load run, as measure().
# For the service (an admin port), the calls it answered OK by its /metrics
# become the row's "ok", every call not answered OK is an error, and every
# call must have been an L1 hit by /metrics.
measure_h2() {
  local name=$1 pid=$2 admin=$3 port=$4
  local file=$out/$name.json
  measured "$pid" "$admin" h2load_run "$name" "$port"
  local completed ok2xx
  completed=$(json_num "$file" completed)
  ok2xx=$(json_num "$file" ok)
  if [[ $admin != - ]]; then
    if [[ $seen_total != "$completed" ]]; then
      notes+=("$name: /metrics counted $seen_total calls, h2load $completed done")
    fi
    if [[ $seen_hits != "$seen_ok" ]]; then
      notes+=("$name: /metrics counted $seen_hits L1 hits for $seen_ok calls answered OK")
    fi
    sed -i -E "s/\"ok\":[0-9]+,\"errors\":[0-9]+/\"ok\":$seen_ok,\"errors\":$((HIT_REQUESTS - seen_ok))/" "$file"
  fi
  if [[ $(json_num "$file" errors) != 0 ]]; then
    notes+=("$name: $(json_num "$file" errors) of $HIT_REQUESTS calls not answered OK (h2load: $completed done, $ok2xx with HTTP 2xx; see $name.h2load.txt)")
  fi
}

# add_row ROW SERVER_CPU PEAK_RSS_MB REQUESTS ERRORS LOAD_CPU RATIO: one table
# row; latency and requests/s come from $out/ROW.json, CPU and errors are
# totals over REQUESTS calls.
add_row() { echo "$*" >>"$work/rows"; }

# single ROW PID ADMIN_PORT ARGS...: a row measured in one run.
single() {
  local row=$1 pid=$2
  measure "$@"
  local file=$out/$row.json rps
  rps=$(json_num "$file" rps)
  add_row "$row" "$m_cpu" "$(peak_rss_mb "$pid")" "$(json_num "$file" completed)" \
    "$(json_num "$file" errors)" "$(json_num "$file" client_cpu_s)" \
    "$(awk -v r="$rps" -v e="$echo_rps" 'BEGIN {printf "%.2f", r / e}')"
}

# expect_layer ROW LAYER: every reply of the row came from that cache layer.
expect_layer() {
  local file=$out/$1.json got
  got=$(layer "$file" "$2")
  if [[ $got != "$(json_num "$file" ok)" ]]; then
    notes+=("$1: only $got of $(json_num "$file" ok) OK replies came from $2: $(grep -oE '"layers":\{[^}]*\}' "$file")")
  fi
}

warm() { # warm NAME KEYS: asks for every key once, through the upstream.
  local count=${2#generated:}
  count=${count%@*}
  load "$1" --target="127.0.0.1:$grpc_port" --keys="$2" --requests="$count" --in_flight=50
  if [[ $(json_num "$out/$1.json" errors) != 0 ]]; then
    echo "run.sh: warming failed: $(json_str "$out/$1.json" first_error)" >&2
    exit 1
  fi
}

progress() { printf '  %-36s %s\n' "$1" "$2" >&2; }

# --- the run -----------------------------------------------------------------

started_at=$(date +%s)
echo "trackenrich benchmark: $(nproc) cores, results in $out" >&2
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores"
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$out/machine.txt"

# 1. Closed-loop hit rows, interleaved: ROUNDS rounds of echo server, L1
# hits, Redis hits (L1 off) with grpc_load, then echo server and L1 hits with
# h2load, each server started once. Pairing each row with an echo run (of the
# same client) seconds apart keeps the ratios honest on a machine whose other
# load changes; each row reports its median round and CPU over all rounds.
"$load_bin" --keys="generated:$HIT_KEYS@0" --write_frame="$frame"
start echo 'grpc=[0-9]+' "$echo_bin" --listen=127.0.0.1:0
echo_pid=$started_pid
echo_port=$(sed -E 's/.*grpc=([0-9]+).*/\1/' <<<"$started_match")
start_sandbox
start_service l1 '{}' ''
l1_pid=$service_pid l1_port=$grpc_port l1_admin=$admin_port
warm l1-warm "generated:$HIT_KEYS@0"
start_redis
start_service redis '{"memory_max_entries": 0}' ",
  \"redis\": {\"address\": \"127.0.0.1:$redis_port\"}"
redis_svc_pid=$service_pid redis_svc_port=$grpc_port redis_svc_admin=$admin_port
for _ in $(seq 1 50); do
  curl -sf "http://127.0.0.1:$redis_svc_admin/readyz" | grep -q '"redis":"ok"' && break
  sleep 0.1
done
warm redis-warm "generated:$HIT_KEYS@100000"
load echo-warmup --target="127.0.0.1:$echo_port" --keys="generated:$HIT_KEYS@0" \
  --requests=$((HIT_REQUESTS / 10)) --in_flight="$HIT_IN_FLIGHT" \
  --streams_per_channel="$HIT_STREAMS_PER_CHANNEL"
# h2load counts any HTTP 200 as a success: one reply of each server it calls
# must carry grpc-status 0 (the service's rows are also checked against /metrics).
echo_grpc_status=$(grpc_status "$echo_port")
l1_grpc_status=$(grpc_status "$l1_port")
for checked in "echo server:$echo_grpc_status" "service:$l1_grpc_status"; do
  [[ ${checked#*:} == 0 ]] || notes+=("nghttp: the ${checked%:*}'s reply to the h2load frame has grpc-status ${checked#*:}, not 0")
done

declare -A total_cpu total_client total_requests total_errors
ratios_l1=() ratios_redis=() ratios_h2_l1=() ratios_h2_echo=()
redis_cpu0=$(cpu_seconds "$redis_pid")
# ratio ROW BASE: ROW's requests/s in round $round over BASE's.
ratio() {
  awk -v r="$(json_num "$out/$1-r$round.json" rps)" -v e="$(json_num "$out/$2-r$round.json" rps)" \
    'BEGIN {printf "%.3f", r / e}'
}
for round in $(seq 1 "$ROUNDS"); do
  for row in echo l1 redis h2-echo h2-l1; do
    case $row in
      echo) args=("$echo_pid" - --target="127.0.0.1:$echo_port" --keys="generated:$HIT_KEYS@0") ;;
      l1) args=("$l1_pid" "$l1_admin" --target="127.0.0.1:$l1_port" --keys="generated:$HIT_KEYS@0") ;;
      redis) args=("$redis_svc_pid" "$redis_svc_admin" --target="127.0.0.1:$redis_svc_port"
        --keys="generated:$HIT_KEYS@100000") ;;
      h2-echo) measure_h2 "$row-r$round" "$echo_pid" - "$echo_port" ;;
      h2-l1) measure_h2 "$row-r$round" "$l1_pid" "$l1_admin" "$l1_port" ;;
    esac
    if [[ $row != h2-* ]]; then
      measure "$row-r$round" "${args[@]}" --requests="$HIT_REQUESTS" --in_flight="$HIT_IN_FLIGHT" \
        --streams_per_channel="$HIT_STREAMS_PER_CHANNEL"
    fi
    file=$out/$row-r$round.json
    total_cpu[$row]=$(awk -v a="${total_cpu[$row]:-0}" -v b="$m_cpu" 'BEGIN {print a + b}')
    total_client[$row]=$(awk -v a="${total_client[$row]:-0}" -v b="$(json_num "$file" client_cpu_s)" 'BEGIN {print a + b}')
    total_requests[$row]=$((${total_requests[$row]:-0} + $(json_num "$file" completed)))
    total_errors[$row]=$((${total_errors[$row]:-0} + $(json_num "$file" errors)))
  done
  expect_layer "l1-r$round" MEMORY
  expect_layer "redis-r$round" REDIS
  ratios_l1+=("$(ratio l1 echo)")
  ratios_redis+=("$(ratio redis echo)")
  ratios_h2_l1+=("$(ratio h2-l1 h2-echo)")
  ratios_h2_echo+=("$(ratio h2-echo echo)")
  progress "round $round" "echo $(json_num "$out/echo-r$round.json" rps), L1 $(json_num "$out/l1-r$round.json" rps), Redis $(json_num "$out/redis-r$round.json" rps); h2load: echo $(json_num "$out/h2-echo-r$round.json" rps), L1 $(json_num "$out/h2-l1-r$round.json" rps) requests/s"
done
redis_cpu=$(awk -v a="$redis_cpu0" -v b="$(cpu_seconds "$redis_pid")" 'BEGIN {printf "%.2f", b - a}')

median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
# median_round ROW: copies the round with the median requests/s to $out/ROW.json.
median_round() {
  local row=$1 rps best
  rps=$(median $(for r in $(seq 1 "$ROUNDS"); do json_num "$out/$row-r$r.json" rps; done))
  for r in $(seq 1 "$ROUNDS"); do
    [[ $(json_num "$out/$row-r$r.json" rps) == "$rps" ]] && best=$r
  done
  cp "$out/$row-r$best.json" "$out/$row.json"
}
for row in echo l1 redis h2-echo h2-l1; do median_round "$row"; done
echo_rps=$(json_num "$out/echo.json" rps)
l1_rps=$(json_num "$out/l1.json" rps)
add_row echo "${total_cpu[echo]}" "$(peak_rss_mb "$echo_pid")" "${total_requests[echo]}" \
  "${total_errors[echo]}" "${total_client[echo]}" 1.00
add_row l1 "${total_cpu[l1]}" "$(peak_rss_mb "$l1_pid")" "${total_requests[l1]}" \
  "${total_errors[l1]}" "${total_client[l1]}" "$(median "${ratios_l1[@]}")"
add_row redis "${total_cpu[redis]}" "$(peak_rss_mb "$redis_svc_pid")" "${total_requests[redis]}" \
  "${total_errors[redis]}" "${total_client[redis]}" "$(median "${ratios_redis[@]}")"
# The h2load rows' "vs echo" is against the h2load echo row.
add_row h2-echo "${total_cpu[h2-echo]}" "$(peak_rss_mb "$echo_pid")" "${total_requests[h2-echo]}" \
  "${total_errors[h2-echo]}" "${total_client[h2-echo]}" 1.00
add_row h2-l1 "${total_cpu[h2-l1]}" "$(peak_rss_mb "$l1_pid")" "${total_requests[h2-l1]}" \
  "${total_errors[h2-l1]}" "${total_client[h2-l1]}" "$(median "${ratios_h2_l1[@]}")"
# CPU per call of the whole system (server, load generator, redis-server).
per_call() { awk -v s="$1" -v c="$2" -v x="$3" -v n="$4" 'BEGIN {printf "%.1f", (s + c + x) * 1e6 / n}'; }
cpu_echo=$(per_call "${total_cpu[echo]}" "${total_client[echo]}" 0 "${total_requests[echo]}")
cpu_l1=$(per_call "${total_cpu[l1]}" "${total_client[l1]}" 0 "${total_requests[l1]}")
cpu_redis=$(per_call "${total_cpu[redis]}" "${total_client[redis]}" "$redis_cpu" "${total_requests[redis]}")
cpu_h2_echo=$(per_call "${total_cpu[h2-echo]}" "${total_client[h2-echo]}" 0 "${total_requests[h2-echo]}")
cpu_h2_l1=$(per_call "${total_cpu[h2-l1]}" "${total_client[h2-l1]}" 0 "${total_requests[h2-l1]}")
# The log the L1 service wrote at its default level, and what it dropped.
log_note="the L1 service wrote $(wc -l <"$out/l1.log") log lines ($(du -h "$out/l1.log" | cut -f1)) for $(rpc_counts "$l1_admin" | cut -d' ' -f1) TrackShipment calls; /metrics: $(curl -sf "http://127.0.0.1:$l1_admin/metrics" | awk '/^trackenrich_log_lines_dropped_total/ {print $NF}') lines dropped"
stop "$echo_pid"
stop "$l1_pid"
stop "$redis_svc_pid"
stop "$redis_pid"

# 2. L1 hits, paced at fractions of the L1 peak just measured (70% is the
# issue's figure; the lower one shows where the latency comes back), each
# after the echo server paced at the same rate: what the machine and the
# load generator alone give at that rate.
paced_notes=()
paced_channels=$(((HIT_IN_FLIGHT + HIT_STREAMS_PER_CHANNEL - 1) / HIT_STREAMS_PER_CHANNEL))
for fraction in $PACED_FRACTIONS; do
  paced_rate=$(awk -v r="$l1_rps" -v f="$fraction" 'BEGIN {printf "%.0f", r * f}')
  paced_args=(--keys="generated:$HIT_KEYS@0" --rate="$paced_rate"
    --requests=$((paced_rate * PACED_SECONDS)) --in_flight=1000 --channels="$paced_channels")
  start "echo-paced-$fraction" 'grpc=[0-9]+' "$echo_bin" --listen=127.0.0.1:0
  echo_pid=$started_pid
  echo_port=$(sed -E 's/.*grpc=([0-9]+).*/\1/' <<<"$started_match")
  single "echo-paced-$fraction" "$echo_pid" - --target="127.0.0.1:$echo_port" "${paced_args[@]}"
  stop "$echo_pid"
  row=l1-paced-$fraction
  start_service "$row" '{}' ''
  warm "$row-warm" "generated:$HIT_KEYS@0"
  single "$row" "$service_pid" "$admin_port" --target="127.0.0.1:$grpc_port" "${paced_args[@]}"
  expect_layer "$row" MEMORY
  stop "$service_pid"
  paced_notes+=("paced at $fraction × the L1 row: $paced_rate requests/s offered for $PACED_SECONDS s; latency counts from each call's due time; calls started over 1 ms late: $(json_num "$out/echo-paced-$fraction.json" late_starts) (echo), $(json_num "$out/$row.json" late_starts) (service)")
  progress "paced at $fraction" "$paced_rate requests/s offered"
done

# 3. Misses through the sandbox with added latency: at MISS_IN_FLIGHT, and at
# MISS_LOW_IN_FLIGHT (where the bound is within reach of 2 cores); then coalescing.
curl -sf -X POST "$sandbox_url/__sandbox/faults" \
  -d "{\"path\":\"/api/track/\",\"kind\":\"latency\",\"delay_ms\":$MISS_LATENCY_MS}" >/dev/null
miss_notes=()
# miss_row ROW IN_FLIGHT REQUESTS FIRST_PACKAGE_ID: distinct cold numbers, the
# pool allowed one connection per call in flight. Leaves the service running.
miss_row() {
  local row=$1 in_flight=$2 requests=$3 first=$4
  start_service "$row" '{}' ",
  \"upstreams\": {\"max_connections\": $in_flight}"
  local track0 sandbox0 upstream sandbox_cpu connections rps bound
  track0=$(sandbox_count ups.track)
  sandbox0=$(cpu_seconds "$sandbox_pid")
  single "$row" "$service_pid" "$admin_port" --target="127.0.0.1:$grpc_port" \
    --keys="generated:$requests@$first" --requests="$requests" --in_flight="$in_flight" \
    --streams_per_channel=100
  sandbox_cpu=$(awk -v a="$sandbox0" -v b="$(cpu_seconds "$sandbox_pid")" 'BEGIN {printf "%.2f", b - a}')
  upstream=$(($(sandbox_count ups.track) - track0))
  expect_layer "$row" NONE
  connections=$(curl -sf "http://127.0.0.1:$admin_port/readyz" |
    grep -oE '"open_connections":[0-9]+' | head -1 | cut -d: -f2 || true)
  rps=$(json_num "$out/$row.json" rps)
  bound=$(awk -v c="$in_flight" -v l="$MISS_LATENCY_MS" 'BEGIN {printf "%.0f", c * 1000 / l}')
  miss_notes+=("$row: $rps requests/s against the bound $in_flight in flight ÷ $MISS_LATENCY_MS ms = $bound requests/s: $(awk -v r="$rps" -v b="$bound" 'BEGIN {printf "%.2f", r / b}')×; $upstream upstream calls for $(json_num "$out/$row.json" completed) calls, ${connections:-?} upstream connections open after, the sandbox used $sandbox_cpu CPU s")
  progress "service, misses at $in_flight" "$rps requests/s"
}
miss_row miss "$MISS_IN_FLIGHT" "$MISS_REQUESTS" 200000
stop "$service_pid"
miss_row miss-low "$MISS_LOW_IN_FLIGHT" "$MISS_LOW_REQUESTS" 500000

# Coalescing: the upstream slowed to COALESCE_LATENCY_MS so that every call
# is in before the one upstream call returns.
curl -sf -X DELETE "$sandbox_url/__sandbox/faults" >/dev/null
curl -sf -X POST "$sandbox_url/__sandbox/faults" \
  -d "{\"path\":\"/api/track/\",\"kind\":\"latency\",\"delay_ms\":$COALESCE_LATENCY_MS}" >/dev/null
track0=$(sandbox_count ups.track)
load coalesce --target="127.0.0.1:$grpc_port" --keys="generated:1@900000" \
  --requests="$COALESCE_CALLS" --in_flight="$COALESCE_CALLS" --streams_per_channel=100
coalesce_upstream=$(($(sandbox_count ups.track) - track0))
stop "$service_pid"
curl -sf -X DELETE "$sandbox_url/__sandbox/faults" >/dev/null
progress "coalescing" "$COALESCE_CALLS calls -> $coalesce_upstream upstream"
if [[ $coalesce_upstream != 1 || $(json_num "$out/coalesce.json" errors) != 0 ]]; then
  notes+=("coalescing: $coalesce_upstream upstream calls, $(json_num "$out/coalesce.json" errors) errors")
fi

# 4. The upstream HTTP client on its own (a second table).
if [[ -x $http_bench_bin ]]; then
  "$http_bench_bin" --requests="$HTTP_CLIENT_REQUESTS" >"$out/http_client_bench.txt" 2>"$out/http_client_bench.log" || true
fi
# 5. In-process carrier detection on one thread (a third table).
if [[ -x $detection_bench_bin ]]; then
  progress "carrier detection" "$DETECTION_RUNS runs of $DETECTION_SECONDS s per path"
  if ! "$detection_bench_bin" --seconds="$DETECTION_SECONDS" --runs="$DETECTION_RUNS" \
    >"$out/detection_bench.txt" 2>"$out/detection_bench.log"; then
    notes+=("detection_bench failed: $(tail -1 "$out/detection_bench.log")")
  fi
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/machine.txt"
elapsed=$(($(date +%s) - started_at))

# --- the table -----------------------------------------------------------------

row_title() {
  case $1 in
    echo) echo "echo server (ceiling)" ;;
    l1) echo "service, L1 hits" ;;
    h2-echo) echo "h2load: echo server (ceiling)" ;;
    h2-l1) echo "h2load: service, L1 hits" ;;
    l1-paced-*) echo "service, L1 hits paced at ${1#l1-paced-} of peak" ;;
    echo-paced-*) echo "echo server paced at ${1#echo-paced-} of L1 peak" ;;
    redis) echo "service, Redis hits (L1 off)" ;;
    miss | miss-low) echo "service, misses (${MISS_LATENCY_MS} ms upstream)" ;;
  esac
}

# ms_cell FILE KEY: a latency cell, "-" where the client gave none.
ms_cell() {
  local v
  v=$(json_num "$1" "$2")
  if [[ -n $v ]]; then printf '%.3f' "$v"; else echo -; fi
}
# h2_latency ROW: h2load's per-request time of the row's median round.
h2_latency() {
  local f=$out/$1.json
  echo "mean $(json_num "$f" mean_ms) ms (min $(json_num "$f" min_ms), max $(json_num "$f" max_ms), sd $(json_num "$f" sd_ms))"
}

{
  cat "$out/machine.txt"
  echo
  printf '| %-38s | %9s | %11s | %7s | %7s | %8s | %6s | %8s | %7s | %10s | %10s | %7s |\n' \
    row "in flight" "requests/s" "p50 ms" "p99 ms" "p99.9 ms" errors "RSS MB" "CPU s" \
    "CPU us/call" "load CPU s" "vs echo"
  printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' ---------------------------------------- \
    ----------: ------------: --------: --------: ---------: -------: ---------: --------: \
    -----------: -----------: --------:
  while read -r row server_cpu rss requests errors load_cpu ratio; do
    file=$out/$row.json
    in_flight=$(json_num "$file" in_flight)
    [[ $row == *-paced-* ]] && in_flight="<=$in_flight"
    per_request=$(awk -v c="$server_cpu" -v n="$requests" 'BEGIN {printf "%.1f", n ? c * 1e6 / n : 0}')
    # h2load reports no percentiles: those cells stay empty.
    printf '| %-38s | %9s | %11.0f | %7s | %7s | %8s | %6s | %8s | %7.2f | %10s | %10.2f | %6.2fx |\n' \
      "$(row_title "$row")" "$in_flight" "$(json_num "$file" rps)" "$(ms_cell "$file" p50_ms)" \
      "$(ms_cell "$file" p99_ms)" "$(ms_cell "$file" p999_ms)" "$errors" "$rss" \
      "$server_cpu" "$per_request" "$load_cpu" "$ratio"
  done <"$work/rows"
  echo
  echo "- echo, L1, Redis and h2load rows: $ROUNDS interleaved rounds of $HIT_REQUESTS calls each; latency and requests/s from each row's median round, \"vs echo\" the median of the rounds' ratios, errors and CPU over all rounds"
  echo "- CPU per call, server + load generator (+ redis-server): echo $cpu_echo us, L1 hits $cpu_l1 us ($(awk -v a="$cpu_echo" -v b="$cpu_l1" 'BEGIN {printf "%.2f", a / b}')x echo's), Redis hits $cpu_redis us ($(awk -v a="$cpu_echo" -v b="$cpu_redis" 'BEGIN {printf "%.2f", a / b}')x); redis-server used $redis_cpu CPU s"
  echo "- h2load rows: h2load (nghttp2) sends the same $(stat -c %s "$frame")-byte TrackShipment frame (the first of the L1 row's numbers) in every call, over $h2_connections connections of $HIT_STREAMS_PER_CHANNEL streams each, in the same rounds; \"vs echo\" is against the h2load echo row (the h2load echo row is $(median "${ratios_h2_echo[@]}")x the grpc_load echo row). h2load counts every HTTP 200 as a success, so the service's OK replies (and its L1 hits) are counted by its /metrics, and one reply of each server was checked with nghttp: grpc-status $echo_grpc_status (echo), $l1_grpc_status (service)"
  echo "- h2load latency: h2load prints no percentiles, only the min, max, mean and sd of each request's time (request sent to stream closed), so the p50/p99/p99.9 cells of its rows are empty. Median rounds: echo $(h2_latency h2-echo); service $(h2_latency h2-l1)"
  echo "- CPU per call, server + h2load: echo $cpu_h2_echo us, L1 hits $cpu_h2_l1 us ($(awk -v a="$cpu_h2_echo" -v b="$cpu_h2_l1" 'BEGIN {printf "%.2f", a / b}')x echo's)"
  echo "- logging: every server at its default log level; $log_note"
  for note in "${paced_notes[@]}"; do echo "- $note"; done
  for note in "${miss_notes[@]}"; do echo "- miss path, $note"; done
  echo "- coalescing: $COALESCE_CALLS identical cold calls at once, upstream latency $COALESCE_LATENCY_MS ms → $coalesce_upstream upstream call(s), $(json_num "$out/coalesce.json" errors) errors; replies by cache layer: $(grep -oE '"layers":\{[^}]*\}' "$out/coalesce.json" | cut -d: -f2- | tr -d '{}"')"
  for note in "${notes[@]}"; do echo "- CHECK FAILED: $note"; done
  echo "- run took ${elapsed} s"
  if [[ -s $out/http_client_bench.txt ]]; then
    echo
    echo "http_client_bench --requests=$HTTP_CLIENT_REQUESTS (upstream HTTP client against the sandbox):"
    echo
    cat "$out/http_client_bench.txt"
  fi
  if [[ -s $out/detection_bench.txt ]]; then
    echo
    echo "detection_bench --seconds=$DETECTION_SECONDS --runs=$DETECTION_RUNS (in-process carrier detection, one thread; median run):"
    echo
    cat "$out/detection_bench.txt"
  fi
} | tee "$out/table.md"
# Non-zero when any reply failed or a count did not add up.
((${#notes[@]} == 0))
