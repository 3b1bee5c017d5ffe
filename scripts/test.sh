#!/usr/bin/env bash
# `npm test`: builds the package, makes sure the real n8n runtimes for the end-to-end tests are
# installed (the default, n8n 2.40.7, and the version matrix of test/e2e/runtimes: the first time
# several minutes each, then cached), and runs every test (unit, emulators, nodes through
# n8n-core, real n8n). Ends with "N passed, N failed".
#
# `npm run test:platforms` (`scripts/test.sh --platforms`): the same build and runtimes, plus what
# the platform suites need (scripts/install-platforms.sh: Redis, PostgreSQL and Chromium from
# Debian's packages), then the platform suites only: queue mode with workers, the editor in a real
# browser, an AI Agent using the nodes as tools.
#
# Any other arguments go to jest (e.g. `npm test -- test/unit`).
set -uo pipefail
cd "$(dirname "$0")/.."
projects=(--selectProjects unit sandbox engine e2e)
platforms=0
if [ "${1:-}" = --platforms ]; then
  shift
  platforms=1
  projects=(--selectProjects platforms)
fi
npm run build --silent || { echo "0 passed, 1 failed"; exit 1; }
bash scripts/install-n8n.sh all || { echo "0 passed, 1 failed"; exit 1; }
if [ $platforms = 1 ]; then
  bash scripts/install-platforms.sh || { echo "0 passed, 1 failed"; exit 1; }
fi
report=$(mktemp)
npx jest --json --outputFile="$report" "${projects[@]}" "$@"
status=$?
node -e '
const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const skipped = r.numPendingTests + r.numTodoTests;
console.log(`${r.numPassedTests} passed, ${r.numFailedTests + r.numRuntimeErrorTestSuites} failed` + (skipped ? `, ${skipped} skipped` : ""));
' "$report" 2>/dev/null || echo "0 passed, 1 failed"
rm -f "$report"
exit $status
