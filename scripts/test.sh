#!/usr/bin/env bash
# `npm test`: builds the package, makes sure the real n8n runtimes for the end-to-end tests are
# installed (the default, n8n 2.40.7, and the version matrix of test/e2e/runtimes: the first time
# several minutes each, then cached), and runs every test (unit, emulators, nodes through
# n8n-core, real n8n). Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
npm run build --silent || { echo "0 passed, 1 failed"; exit 1; }
bash scripts/install-n8n.sh all || { echo "0 passed, 1 failed"; exit 1; }
report=$(mktemp)
npx jest --json --outputFile="$report" "$@"
status=$?
node -e '
const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const skipped = r.numPendingTests + r.numTodoTests;
console.log(`${r.numPassedTests} passed, ${r.numFailedTests + r.numRuntimeErrorTestSuites} failed` + (skipped ? `, ${skipped} skipped` : ""));
' "$report" 2>/dev/null || echo "0 passed, 1 failed"
rm -f "$report"
exit $status
