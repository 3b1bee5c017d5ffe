#!/usr/bin/env bash
# `npm test`: builds the package, makes sure the real n8n for the end-to-end tests is installed,
# and runs every test (unit, emulators, nodes through n8n-core, real n8n). Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
npm run build --silent || { echo "0 passed, 1 failed"; exit 1; }
bash scripts/install-n8n.sh || { echo "0 passed, 1 failed"; exit 1; }
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
