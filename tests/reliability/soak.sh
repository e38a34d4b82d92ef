#!/usr/bin/env bash
# Soak: the trackenrich binary against the standalone sandbox upstream (every
# carrier configured at it, in-process cache) under a steady gRPC load for
# MINUTES (default 10), with the service's resident memory and open file
# descriptors printed before (after a warm-up) and after, and sampled on the
# way. Not a ctest test. Exits non-zero if any call failed or the service did
# not exit 0 on SIGTERM. The default rate is about half the peak this mix
# reached on a 2-core machine (2,000-2,600 calls/s before latency climbed).
#   tests/reliability/soak.sh            # 10 minutes at SOAK_RPS (default 1000)
#   SOAK_RPS=500 tests/reliability/soak.sh 2
#   tests/reliability/soak.sh --no-build 2
set -euo pipefail

build_step=1
if [[ ${1:-} == --no-build ]]; then build_step=0; shift; fi
minutes=${1:-10}
rps=${SOAK_RPS:-1000}
warmup_s=${SOAK_WARMUP_S:-20}
sample_s=${SOAK_SAMPLE_S:-30}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build_dir=${TRACKENRICH_BUILD_DIR:-$root/build}

if ((build_step)); then
  "$root/deploy/build.sh" trackenrich trackenrich_sandbox soak_load >/dev/null
fi
service_bin=$build_dir/services/trackenrich
sandbox_bin=$build_dir/services/trackenrich_sandbox
load_bin=$build_dir/tests/soak_load
for bin in "$service_bin" "$sandbox_bin" "$load_bin"; do
  [[ -x $bin ]] || { echo "soak: $bin is missing (build it, or drop --no-build)" >&2; exit 2; }
done

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# Waits up to 20 s for a line matching $2 in file $1; prints the first group.
wait_for() {
  local file=$1 pattern=$2 line
  for _ in $(seq 200); do
    line=$(grep -oE "$pattern" "$file" 2>/dev/null | head -1 || true)
    if [[ -n $line ]]; then echo "$line"; return 0; fi
    sleep 0.1
  done
  echo "soak: timed out waiting for '$pattern' in $file" >&2
  cat "$file" >&2
  return 1
}

"$sandbox_bin" --listen=127.0.0.1:0 --threads=2 >"$work/sandbox.out" 2>"$work/sandbox.err" &
pids+=($!)
sandbox_url=$(wait_for "$work/sandbox.out" 'http://127\.0\.0\.1:[0-9]+')

# Production mode: every carrier configured at the standalone sandbox, with
# the sandbox's published test credentials passed the way real ones are.
cat >"$work/config.json" <<JSON
{
  "grpc_listen": "127.0.0.1:0", "admin_listen": "127.0.0.1:0", "sandbox": false,
  "carriers": {
    "ups": {"base_url": "$sandbox_url", "client_id": {"env": "SOAK_ID"}, "client_secret": {"env": "SOAK_SECRET"}},
    "fedex": {"base_url": "$sandbox_url", "client_id": {"env": "SOAK_ID"}, "client_secret": {"env": "SOAK_SECRET"}},
    "usps": {"base_url": "$sandbox_url", "client_id": {"env": "SOAK_ID"}, "client_secret": {"env": "SOAK_SECRET"}},
    "dhl": {"base_url": "$sandbox_url", "api_key": {"env": "SOAK_DHL_KEY"}},
    "dpd": {"base_url": "$sandbox_url", "delis_id": {"env": "SOAK_ID"}, "password": {"env": "SOAK_SECRET"}},
    "amazon_shipping": {"base_url": "$sandbox_url", "lwa_url": "$sandbox_url",
      "client_id": {"env": "SOAK_ID"}, "client_secret": {"env": "SOAK_SECRET"},
      "refresh_token": {"env": "SOAK_REFRESH_TOKEN"}}
  }
}
JSON
SOAK_ID=sandbox-client-id SOAK_SECRET=sandbox-client-secret SOAK_DHL_KEY=sandbox-dhl-api-key \
SOAK_REFRESH_TOKEN=sandbox-refresh-token \
  "$service_bin" --config="$work/config.json" --log_level=warn >"$work/service.out" 2>"$work/service.err" &
service_pid=$!
pids+=("$service_pid")
ports=$(wait_for "$work/service.out" 'grpc=[0-9]+ admin=[0-9]+')
grpc_port=${ports#grpc=}; grpc_port=${grpc_port%% *}
admin_port=${ports##*admin=}

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$service_pid/status"; }
fds() { find "/proc/$service_pid/fd" -mindepth 1 -maxdepth 1 | wc -l; }
threads() { awk '/^Threads:/ {print $2}' "/proc/$service_pid/status"; }
sample() { echo "soak: $1: RSS $(( $(rss_kib) / 1024 )) MiB ($(rss_kib) KiB), $(fds) open fds, $(threads) threads"; }

echo "soak: service pid $service_pid (gRPC $grpc_port, admin $admin_port), sandbox $sandbox_url"
sample "started"
echo "soak: warm-up ${warmup_s}s at $rps calls/s"
"$load_bin" --target="127.0.0.1:$grpc_port" --rps="$rps" --seconds="$warmup_s" >"$work/warmup.out"
sed 's/^/  warm-up /' "$work/warmup.out"
rss_before=$(rss_kib); fds_before=$(fds)
sample "before"

echo "soak: ${minutes} min at $rps calls/s"
"$load_bin" --target="127.0.0.1:$grpc_port" --rps="$rps" --seconds=$((minutes * 60)) >"$work/load.out" &
load_pid=$!
pids+=("$load_pid")
rss_peak=$rss_before
started=$(date +%s)
while kill -0 "$load_pid" 2>/dev/null; do
  sleep "$sample_s" & wait $! || true
  kill -0 "$service_pid" 2>/dev/null || { echo "soak: the service died" >&2; cat "$work/service.err" >&2; exit 1; }
  now=$(rss_kib); ((now > rss_peak)) && rss_peak=$now
  kill -0 "$load_pid" 2>/dev/null && sample "$(( $(date +%s) - started ))s"
done
load_status=0
wait "$load_pid" || load_status=$?
cat "$work/load.out"
rss_after=$(rss_kib); fds_after=$(fds)
sample "after"

metrics=$(curl -s "http://127.0.0.1:$admin_port/metrics" || true)
upstream_calls=$(curl -s "$sandbox_url/__sandbox/stats" || true)
echo "soak: sandbox stats: $upstream_calls"
echo "$metrics" | grep -E '^trackenrich_(cache_lookups_total|upstream_requests_total)' | sed 's/^/soak: /' || true

kill -TERM "$service_pid"
exit_status=0
wait "$service_pid" || exit_status=$?

echo
echo "soak summary: $minutes min at $rps calls/s"
printf '  %-22s %10s %10s %10s\n' "" before after change
printf '  %-22s %10s %10s %+10s\n' "RSS (KiB)" "$rss_before" "$rss_after" "$((rss_after - rss_before))"
printf '  %-22s %10s %10s %+10s\n' "open file descriptors" "$fds_before" "$fds_after" "$((fds_after - fds_before))"
printf '  %-22s %10s\n' "peak RSS (KiB)" "$rss_peak"
printf '  %-22s %10s\n' "load exit" "$load_status"
printf '  %-22s %10s\n' "service exit" "$exit_status"
((load_status == 0 && exit_status == 0))
