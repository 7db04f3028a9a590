#!/usr/bin/env bash
# Serves the timeline at http://127.0.0.1:8080 (release build, rebuilt on
# change). The notes are the built-in 2024 snapshot, or, with --notes DIR,
# the documents in DIR: a folder made by `timeline fetch --out DIR`, or any
# folder of the archive's .md files (2021.md … README.md, named as in
# data/sources.toml). No network is needed.
#   scripts/serve.sh [--notes DIR] [trunk serve options…]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = --notes ]; then
  [ -d "${2:-}" ] || { echo "serve.sh: --notes needs a folder" >&2; exit 2; }
  RACKLET_NOTES=$(cd "$2" && pwd)
  export RACKLET_NOTES
  shift 2
fi
scripts/setup.sh build
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
# Into a folder of its own: Trunk's serve adds its reload script to the
# page, which would leave dist/ (the release build that the size report
# and the tests read) 4 KB larger.
exec trunk serve --release --dist target/serve "$@"
