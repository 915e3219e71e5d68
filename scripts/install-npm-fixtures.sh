#!/usr/bin/env bash
# Installs the npm packages that tests/npm runs (express 4), once, into .cache/npm, and
# prints that directory. Needs node/npm (scripts/setup.sh) and the npm registry.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1m[npm]\033[0m %s\n' "$*" >&2; }
dir=.cache/npm
if [ ! -f "$dir/node_modules/express/package.json" ]; then
  mkdir -p "$dir"
  say "installing express 4 from the npm registry into $dir (about 10 s)"
  (cd "$dir" && { [ -f package.json ] || npm init -y >/dev/null; } &&
    npm install --no-audit --no-fund --silent express@4 >&2)
fi
cd "$dir" && pwd
