#!/usr/bin/env bash
# Trunk post_build hook. Ships the notes beside the page as notes/ with its
# manifest.json: the folder in $RACKLET_NOTES (made by `timeline fetch`, or
# any folder of .md files named like the sources), else the built-in 2024
# snapshot. Release builds then minify the JS glue and CSS, prerender the
# timeline into index.html with its Content-Security-Policy (previews.json,
# if present in the sources, is shipped and its image hosts allowed), and
# report what the first load transfers. The Atom feed and the iCalendar
# file are written beside the page in every build.
set -euo pipefail
cd "${TRUNK_SOURCE_DIR:-$(dirname "$0")/..}"
staging=${TRUNK_STAGING_DIR:?run by trunk}
timeline() { cargo run --quiet -p cli --bin timeline -- "$@"; }

rm -rf "$staging/notes"
if [ -n "${RACKLET_NOTES:-}" ] && [ -f "$RACKLET_NOTES/manifest.json" ]; then
  cp -r "$RACKLET_NOTES" "$staging/notes"
elif [ -n "${RACKLET_NOTES:-}" ]; then
  timeline fetch --local "$RACKLET_NOTES" --out "$staging/notes"
else
  timeline fetch --snapshot --out "$staging/notes"
fi

# Subscriptions beside the page: the minutes (Atom) and the meetings,
# planned ones included (iCalendar). RACKLET_BASE_URL is where the page lives.
base_url=${RACKLET_BASE_URL:-https://racklet.github.io/notes-timeline/}
timeline feed "$staging"/notes/*.md -o "$staging/feed.xml" --base-url "$base_url"
timeline ics "$staging"/notes/*.md -o "$staging/meetings.ics" --base-url "$base_url"

if [ "${TRUNK_PROFILE:-debug}" != release ]; then
  exit 0
fi
previews=()
if [ -f previews.json ]; then
  cp previews.json "$staging/previews.json"
  previews=(--previews previews.json)
fi
node scripts/minify.mjs "$staging"
timeline prerender "$staging/index.html" --notes "$staging/notes" "${previews[@]}"
node scripts/size-report.mjs "$staging"
