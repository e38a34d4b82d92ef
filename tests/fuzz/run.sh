#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for
# SECONDS (default 60) on seeds from tests/data and ../shared/fixtures, as
# many at a time as there are cores.
# Exits non-zero if any target crashes, leaks or trips a sanitizer.
#   tests/fuzz/run.sh              # build, then 60 s each
#   tests/fuzz/run.sh 5            # the CI smoke
#   tests/fuzz/run.sh --build-only # the separate fuzz tree only
#   tests/fuzz/run.sh --no-build 5 # what the ctest test fuzz_smoke does (in the
#                                  # tree TRACKENRICH_FUZZ_BUILD_DIR names)
set -euo pipefail

build_step=1
run_step=1
case ${1:-} in
  --build-only) run_step=0; shift ;;
  --no-build) build_step=0; shift ;;
esac
seconds=${1:-60}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${TRACKENRICH_FUZZ_BUILD_DIR:-$root/build-fuzz}
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$root} CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}

if ((build_step)) || [[ ! -d $build/tests/fuzz ]]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ -DTRACKENRICH_FUZZ=ON >/dev/null
  cmake --build "$build"
fi
((run_step)) || exit 0

seeds() {
  case $1 in
    ups_parser_fuzz) echo "$root/tests/data/ups" "$root/../shared/fixtures/ups" ;;
    fedex_parser_fuzz) echo "$root/tests/data/fedex" "$root/../shared/fixtures/fedex" ;;
    usps_parser_fuzz) echo "$root/tests/data/usps" "$root/../shared/fixtures/usps" ;;
    dhl_parser_fuzz) echo "$root/tests/data/dhl" "$root/../shared/fixtures/dhl" ;;
    dpd_parser_fuzz) echo "$root/tests/data/dpd" "$root/../shared/fixtures/other/dpd" ;;
    amazon_shipping_parser_fuzz) echo "$root/tests/data/amazon_shipping" "$root/../shared/fixtures/amazon-shipping" ;;
    sp_api_parser_fuzz) echo "$root/../shared/fixtures/sp-api" ;;
    ebay_parser_fuzz) echo "$root/tests/data/ebay" ;;
    shopify_parser_fuzz) echo "$root/tests/data/shopify" ;;
    detection_fuzz) echo "$root/tests/fuzz/seeds/detection" ;;
    text_extraction_fuzz) echo "$root/tests/fuzz/seeds/text" ;;
    # A carrier's parser: its test data and shared fixtures by its name.
    *_parser_fuzz) echo "$root/tests/data/${1%_parser_fuzz}" "$root/../shared/fixtures/${1%_parser_fuzz}" ;;
    *) echo "" ;;
  esac
}

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
# The targets run side by side, one per core (TRACKENRICH_FUZZ_JOBS to change),
# each for the full SECONDS; results are printed in name order.
jobs=${TRACKENRICH_FUZZ_JOBS:-$(nproc)}
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
# Runs one target on a fresh corpus; its output and exit status go to $logs.
run_one() {
  local fuzzer=$1 name corpus dir rc=0
  name=$(basename "$fuzzer")
  corpus=$(mktemp -d)
  local dirs=()
  for dir in $(seeds "$name"); do [[ -d $dir ]] && dirs+=("$dir"); done
  echo "fuzz: $name for ${seconds}s (seeds: ${dirs[*]:-none})" >"$logs/$name.head"
  "$fuzzer" -max_total_time="$seconds" -max_len=65536 -print_final_stats=1 \
    "$corpus" "${dirs[@]}" >"$logs/$name.log" 2>&1 || rc=$?
  echo "$rc" >"$logs/$name.rc"
  rm -rf "$corpus"
}
fuzzers=$(find "$build/tests/fuzz" -maxdepth 1 -type f -name '*_fuzz' -executable | sort)
running=0
for fuzzer in $fuzzers; do
  if ((running >= jobs)); then
    wait -n || true
    running=$((running - 1))
  fi
  run_one "$fuzzer" &
  running=$((running + 1))
done
wait || true

status=0
for fuzzer in $fuzzers; do
  name=$(basename "$fuzzer")
  cat "$logs/$name.head"
  if [[ $(cat "$logs/$name.rc" 2>/dev/null) != 0 ]]; then
    echo "fuzz: $name FAILED"; tail -40 "$logs/$name.log"; status=1
  else
    grep -E 'stat::number_of_executed_units' "$logs/$name.log" | sed "s/^/fuzz: $name /"
  fi
done
exit $status
