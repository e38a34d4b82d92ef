#!/usr/bin/env bash
# Installs what is needed, builds, and runs every test with ctest (unit,
# fixtures, integration, fault, redis, e2e, lint), then the whole C++ suite
# once more, and the libFuzzer targets (fuzz_smoke), in a second tree built
# with clang, AddressSanitizer and UndefinedBehaviorSanitizer (build/asan).
# Exits non-zero on any failure or sanitizer report.
# Pass ctest arguments to narrow both runs, e.g. `deploy/test.sh -L unit`;
# TRACKENRICH_SANITIZER_RUN=0 skips the sanitizer tree (and so the fuzz smoke).
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

# The sanitizer tree: clang, -O1 with line tables, assertions on, no
# benchmarks; the libFuzzer targets are built in it too (one instrumented
# build of the core library serves the tests and the fuzz targets, and its
# ctest runs fuzz_smoke). TRACKENRICH_SANITIZER_CXX=g++ builds it with gcc
# instead, and the fuzz targets in a clang tree of their own (build/fuzz).
sanitizer_cxx=${TRACKENRICH_SANITIZER_CXX:-clang++}
separate_fuzz=0
if ((sanitizer_run)); then
  export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$root} CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}
  fuzz_option=-DTRACKENRICH_FUZZ_TARGETS=ON
  if [[ $sanitizer_cxx != *clang* ]]; then
    fuzz_option=-DTRACKENRICH_FUZZ_TARGETS=OFF separate_fuzz=1
  fi
  # A tree configured with another compiler is configured afresh.
  if [[ -f $asan_dir/CMakeCache.txt ]] &&
     ! grep -q "^CMAKE_CXX_COMPILER:[A-Z]*=\(.*/\)\?${sanitizer_cxx##*/}\$" "$asan_dir/CMakeCache.txt"; then
    rm -rf "$asan_dir/CMakeCache.txt" "$asan_dir/CMakeFiles"
  fi
  cmake -S "$root" -B "$asan_dir" -G Ninja "-DCMAKE_CXX_COMPILER=$sanitizer_cxx" \
    -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g1" -DTRACKENRICH_SANITIZE=ON \
    "$fuzz_option" -DTRACKENRICH_BUILD_BENCH=OFF >/dev/null
  cmake --build "$asan_dir" --parallel "$jobs"
  phase_done "build (ASan + UBSan tree)"
  if ((separate_fuzz)); then
    TRACKENRICH_FUZZ_BUILD_DIR="$build_dir/fuzz" "$root/tests/fuzz/run.sh" --build-only
    phase_done "build (fuzz targets)"
  fi
fi

status=0
rm -rf "$build_dir/reports" "$asan_dir/reports"
echo "deploy/test.sh: ctest in $build_dir"
(cd "$build_dir" && ctest --output-on-failure --timeout 300 -j "$jobs" "$@") || status=1
phase_done "ctest (main tree)"

if ((sanitizer_run)); then
  # Any report fails its test: ASan and UBSan stop the process (UBSan is
  # built without recovery), LeakSanitizer runs at exit. The lint tests
  # (buf lint, the manifests) are not C++ and ran above, so they are left out.
  echo "deploy/test.sh: ctest under ASan + UBSan in $asan_dir"
  (cd "$asan_dir" &&
    ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:check_initialization_order=1 \
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    ctest --output-on-failure --timeout 600 -j "$jobs" -LE '^lint$' "$@") || status=1
  phase_done "ctest (ASan + UBSan tree)"
  if ((separate_fuzz)); then
    TRACKENRICH_FUZZ_BUILD_DIR="$build_dir/fuzz" "$root/tests/fuzz/run.sh" --no-build 5 || status=1
    phase_done "fuzz smoke (build/fuzz)"
  fi
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
