#!/usr/bin/env bash
# Serves the timeline at http://127.0.0.1:8080 (release build, rebuilt on change).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
exec trunk serve --release "$@"
