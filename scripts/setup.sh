#!/usr/bin/env bash
# Installs what building (and, with `test`, testing) needs, and nothing that
# is already there: the wasm32 target, Trunk 0.21.14, the wasm-bindgen CLI
# matching Cargo.lock, the npm tools from package-lock.json (wasm-opt,
# playwright-core, …) and, for tests, mdbook, cargo-deny and Debian's
# chromium and chromium-driver.
# Usage: scripts/setup.sh [build|test]
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-build}
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    say "need root for: $*"; return 1; fi
}

# A fresh run writes some 3 GB (target/, node_modules/, the tools): say so
# before a full disk breaks a step in the middle with ENOSPC.
free_mb=$(df -Pm . | awk 'NR == 2 { print $4 }')
if [ "${free_mb:-0}" -lt 4096 ]; then
  say "warning: only ${free_mb} MB free here; a first run needs about 3 GB"
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null || true)" != "trunk 0.21.14" ]; then
  say "installing Trunk 0.21.14 (0.22 needs a newer rustc)"
  cargo install trunk --version 0.21.14 --locked
fi

# Trunk cannot download wasm-bindgen offline; it uses the one on PATH when
# its version equals the wasm-bindgen crate in Cargo.lock.
wbg=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wbg" ]; then
  say "installing wasm-bindgen-cli $wbg"
  # The crate index here can lack what --locked asks for; retry without it.
  cargo install wasm-bindgen-cli --version "$wbg" --locked || cargo install wasm-bindgen-cli --version "$wbg"
fi

if ! command -v npm >/dev/null; then
  say "installing Node.js and npm"
  as_root apt-get update -qq && as_root apt-get install -y -qq nodejs npm
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm tools from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$mode" = test ]; then
  # The mdBook browser test builds a real book; the supply-chain checks run offline.
  if [ "$(mdbook --version 2>/dev/null || true)" != "mdbook v0.5.4" ]; then
    say "installing mdbook 0.5.4"
    cargo install mdbook --version 0.5.4 --locked || cargo install mdbook --version 0.5.4
  fi
  if [ "$(cargo deny --version 2>/dev/null || true)" != "cargo-deny 0.20.2" ]; then
    say "installing cargo-deny 0.20.2"
    cargo install cargo-deny --version 0.20.2 --locked || cargo install cargo-deny --version 0.20.2
  fi
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian's chromium and chromium-driver"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver
  fi
fi
