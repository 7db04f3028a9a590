#!/usr/bin/env bash
# Supply-chain checks that need no network, with the rules in deny.toml:
# licences (nothing copyleft in the wasm), bans (no second major version of
# a heavy crate in the wasm without a written reason) and sources (crates.io
# only). The RustSec advisories need the advisory database from the network,
# so CI runs them (`cargo deny --workspace check advisories` in
# .github/workflows/ci.yml). `--workspace`: every crate of the workspace, not
# only the root package (the web app), which is all cargo-deny sees without it.
# `scripts/setup.sh test` installs cargo-deny.
#   scripts/deny.sh [extra cargo-deny check options…]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

if ! cargo deny --version >/dev/null 2>&1; then
  echo "deny.sh: cargo-deny is not installed; run scripts/setup.sh test" >&2
  echo "         (or: cargo install cargo-deny --locked)" >&2
  exit 127
fi

cargo deny --offline --workspace check "$@" licenses bans sources
echo "advisories: skipped offline (CI runs them)"
