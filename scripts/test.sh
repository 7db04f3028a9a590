#!/usr/bin/env bash
# Everything CI checks: formatting, lints (host and wasm32), the repository's
# YAML and licence, cargo-deny's offline checks, native tests of every crate,
# the release build, the first-load budget, and the browser tests against
# the build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all --check
step "clippy (host, every crate)"
cargo clippy --workspace --all-targets -- -D warnings
step "clippy (wasm32: the app and the notes core)"
cargo clippy --target wasm32-unknown-unknown -p notes -p racklet-timeline --lib --bins -- -D warnings
step "repository files (workflows, issue forms, dependabot, LICENSE)"
node scripts/check-repo.mjs
step "supply chain (cargo-deny: licences, bans, sources; offline)"
scripts/deny.sh
step "native tests (every crate)"
cargo test --workspace
step "release build"
trunk build --release
step "first-load budget"
node scripts/size-report.mjs dist --budget 415
step "browser tests"
node --test tests/browser/
