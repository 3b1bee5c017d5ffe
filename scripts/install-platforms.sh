#!/usr/bin/env bash
# What the platform suites (`npm run test:platforms`) need besides the n8n runtimes, from Debian's
# packages: Redis and PostgreSQL (queue mode: the tests start their own servers on 127.0.0.1 with
# their own data folders) and Chromium (the editor in a real browser). Installs only what is
# missing, so a second run takes a moment. Needs root (or sudo) the first time.
set -euo pipefail
need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -eq 0 ]; then
  echo "Platform packages already installed (redis-server, postgresql, chromium)"
  exit 0
fi
echo "Installing from Debian's packages: ${need[*]}..."
start=$(date +%s)
sudo=()
[ "$(id -u)" = 0 ] || sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
# The packages' own services are not wanted (the tests start their servers themselves): a
# policy-rc.d that refuses service starts, for the length of the install, unless one is there.
own_policy=0
if [ ! -e /usr/sbin/policy-rc.d ]; then
  "${sudo[@]}" sh -c 'printf "#!/bin/sh\nexit 101\n" > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d'
  own_policy=1
fi
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
[ $own_policy = 0 ] || "${sudo[@]}" rm -f /usr/sbin/policy-rc.d
echo "Installed ${need[*]} in $(( $(date +%s) - start )) s"
