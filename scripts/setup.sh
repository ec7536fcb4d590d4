#!/usr/bin/env bash
# Sets up a fresh Debian machine (as root) for Mail Setup: system packages, Node 24 from the npm
# registry, and the npm dependencies. Safe to run again; later runs are quick.
set -euo pipefail
cd "$(dirname "$0")/.."

export DEBIAN_FRONTEND=noninteractive
echo "== system packages"
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
  dovecot-imapd dovecot-submissiond dovecot-lmtpd gnome-keyring dbus dbus-x11 libsecret-1-dev libsecret-tools \
  chromium openssl ca-certificates python3 make g++ \
  dovecot-pop3d msmtp isync neomutt aerc zbar-tools gnome-online-accounts postfix util-linux >/dev/null
# keytar builds from source against Node's headers (N-API, so any recent version's will do).
if [ ! -f /usr/include/node/node_api.h ]; then apt-get install -y -qq --no-install-recommends libnode-dev >/dev/null; fi
export npm_config_nodedir=/usr

echo "== Node 24 from the npm registry"
node24=.ci/.cache/node24
if [ ! -x "$node24/node_modules/.bin/node" ]; then
  npm install --prefix "$node24" --no-save --no-audit --no-fund --loglevel=error node@24 >/dev/null
fi
export PATH="$PWD/$node24/node_modules/.bin:$PATH"
node --version

echo "== npm ci"
# With Node 24 first on PATH, so that optional packages needing Node >= 22 are installed too.
npm ci --no-audit --no-fund

echo "== the prebuilt mail-setup command (.vite/cli)"
node scripts/build-cli.ts
