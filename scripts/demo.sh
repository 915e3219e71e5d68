#!/usr/bin/env bash
# Builds the static release binary and runs the examples with it.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/build-release.sh
bin=target/x86_64-unknown-linux-gnu/release/unode
printf '[demo] %s: %s bytes, %s\n' "$bin" "$(stat -c %s "$bin")" "$(file -b "$bin" 2>/dev/null | cut -d, -f1-2 || echo static)" >&2

"$bin" examples/hello.js a b
"$bin" examples/seed-libsys.js
"$bin" examples/seed-libjs.js examples/seed-libsys.js
