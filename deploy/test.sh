#!/usr/bin/env bash
# Installs what is needed, builds, and runs every test with ctest (unit,
# fixtures, integration, fault, redis, fuzz, e2e, lint), then the whole C++
# suite once more in a second tree built with AddressSanitizer and
# UndefinedBehaviorSanitizer (build/asan). Exits non-zero on any failure or
# sanitizer report.
# Pass ctest arguments to narrow both runs, e.g. `deploy/test.sh -L unit`;
# TRACKENRICH_SANITIZER_RUN=0 skips the sanitizer tree.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${TRACKENRICH_BUILD_DIR:-$root/build}
asan_dir=${TRACKENRICH_ASAN_BUILD_DIR:-$build_dir/asan}
sanitizer_run=${TRACKENRICH_SANITIZER_RUN:-1}
jobs=$(nproc)
started=$(date +%s)
phase_started=$started
phases=()
# Ends the phase named $1: its time goes to the summary printed at the end.
phase_done() {
  local now
  now=$(date +%s)
  phases+=("$(printf '%-34s %5ds' "$1" $((now - phase_started)))")
  echo "deploy/test.sh: $1 took $((now - phase_started))s"
  phase_started=$now
}

"$root/deploy/install-deps.sh"
phase_done "install dependencies"
"$root/deploy/build.sh"
phase_done "build (main tree)"
# The libFuzzer targets (clang, ASan + UBSan) for the fuzz_smoke test.
TRACKENRICH_FUZZ_BUILD_DIR="$build_dir/fuzz" "$root/tests/fuzz/run.sh" --build-only
phase_done "build (fuzz targets)"

# The sanitizer tree: gcc, -O1 with line tables, assertions on, and neither
# benchmarks nor fuzz targets (fuzz_smoke already runs under both sanitizers).
if ((sanitizer_run)); then
  export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$root} CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}
  cmake -S "$root" -B "$asan_dir" -G Ninja -DCMAKE_CXX_COMPILER=g++ -DCMAKE_BUILD_TYPE=Debug \
    "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g1" -DTRACKENRICH_SANITIZE=ON -DTRACKENRICH_BUILD_BENCH=OFF \
    >/dev/null
  cmake --build "$asan_dir" --parallel "$jobs"
  phase_done "build (ASan + UBSan tree)"
fi

status=0
rm -rf "$build_dir/reports" "$asan_dir/reports"
echo "deploy/test.sh: ctest in $build_dir"
(cd "$build_dir" && ctest --output-on-failure --timeout 300 -j "$jobs" "$@") || status=1
phase_done "ctest (main tree)"

if ((sanitizer_run)); then
  # Any report fails its test: ASan and UBSan stop the process (UBSan is
  # built without recovery), LeakSanitizer runs at exit. buf lint is not C++,
  # and fuzz_smoke ran above, so those two labels are left out here.
  echo "deploy/test.sh: ctest under ASan + UBSan in $asan_dir"
  (cd "$asan_dir" &&
    ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:check_initialization_order=1 \
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    ctest --output-on-failure --timeout 600 -j "$jobs" -LE '^(lint|fuzz)$' "$@") || status=1
  phase_done "ctest (ASan + UBSan tree)"
fi

# The reliability figures tests report (fault matrix, bad-input corpus, call
# budgets, Redis outages), which ctest does not show for passing tests.
if compgen -G "$build_dir/reports/*.txt" >/dev/null; then
  echo
  echo "deploy/test.sh: reliability reports (build/reports)"
  for report in "$build_dir"/reports/*.txt; do
    echo
    cat "$report"
  done
fi

echo
echo "deploy/test.sh: time per phase"
printf '  %s\n' "${phases[@]}"

if ((status != 0)); then
  echo "deploy/test.sh: FAILED after $(($(date +%s) - started))s"
  exit 1
fi
echo "deploy/test.sh: passed in $(($(date +%s) - started))s"
