#!/usr/bin/env bash
# Trunk post_build hook (release builds): minify the JS glue and CSS,
# prerender the built-in timeline into index.html with its
# Content-Security-Policy, then report what the first load transfers. previews.json, if present beside index.html in the
# sources (made by `timeline previews`), is shipped and its image hosts are
# allowed by the policy.
set -euo pipefail
cd "${TRUNK_SOURCE_DIR:-$(dirname "$0")/..}"
staging=${TRUNK_STAGING_DIR:?run by trunk}
if [ "${TRUNK_PROFILE:-debug}" != release ]; then
  exit 0
fi
previews=()
if [ -f previews.json ]; then
  cp previews.json "$staging/previews.json"
  previews=(previews.json)
fi
node scripts/minify.mjs "$staging"
cargo run --quiet --bin timeline -- prerender "$staging/index.html" "${previews[@]}"
node scripts/size-report.mjs "$staging"
