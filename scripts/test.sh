#!/usr/bin/env bash
# Everything CI checks: formatting, lints (host and wasm32), native tests,
# the release build, and the browser tests against it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "cargo fmt --check"
cargo fmt --check
step "clippy (host)"
cargo clippy --all-targets -- -D warnings
step "clippy (wasm32)"
cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings
step "native tests"
cargo test
step "release build"
trunk build --release
step "first-load budget"
node scripts/size-report.mjs dist --budget 300
step "browser tests"
node --test tests/browser/
