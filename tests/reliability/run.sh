#!/usr/bin/env bash
# The reliability suite in one run (issue #9): the tests labelled `fault`
# (every fault kind on every carrier, the bad-input corpus, the upstream call
# budgets of the cache and rate limits, the HTTP client's faults) and Redis
# killed or stalled under load, with their tables, then the soak for MINUTES
# (default 10). CI runs the same tests without the soak (deploy/test.sh).
#   tests/reliability/run.sh       # about 12 minutes
#   tests/reliability/run.sh 2
set -euo pipefail

minutes=${1:-10}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build_dir=${TRACKENRICH_BUILD_DIR:-$root/build}

"$root/deploy/build.sh" >/dev/null
rm -rf "$build_dir/reports"
status=0
(cd "$build_dir" && ctest --output-on-failure -j "$(nproc)" -L '^fault$') || status=1
# Redis outages: labelled `redis` (they start their own redis-server).
(cd "$build_dir" && ctest --output-on-failure -R '^faults: ') || status=1
for report in "$build_dir"/reports/*.txt; do
  [[ -e $report ]] || continue
  echo
  cat "$report"
done
echo
"$root/tests/reliability/soak.sh" --no-build "$minutes" || status=1
exit $status
