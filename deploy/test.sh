#!/usr/bin/env bash
# Installs what is needed, builds, and runs every test with ctest (unit,
# fixtures, integration, e2e, lint). Exits non-zero on any failure.
# Pass ctest arguments to narrow the run, e.g. `deploy/test.sh -L unit`.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${TRACKENRICH_BUILD_DIR:-$root/build}
started=$(date +%s)

"$root/deploy/install-deps.sh"
"$root/deploy/build.sh"
# The libFuzzer targets (clang, ASan + UBSan) for the fuzz_smoke test.
TRACKENRICH_FUZZ_BUILD_DIR="$build_dir/fuzz" "$root/tests/fuzz/run.sh" --build-only

cd "$build_dir"
ctest --output-on-failure --timeout 300 -j "$(nproc)" "$@"
echo "deploy/test.sh: passed in $(( $(date +%s) - started ))s"
