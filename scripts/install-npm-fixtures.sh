#!/usr/bin/env bash
# Installs the npm packages that tests/npm runs (express, ws, axios, fastify, koa, socket.io
# and its client, jsonwebtoken, jose, piscina, synckit, fs-extra, tar, undici), once, into .cache/npm, and prints
# that directory. Needs node/npm (scripts/setup.sh) and the registry.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1m[npm]\033[0m %s\n' "$*" >&2; }
dir=.cache/npm
# The packages, each at the major version its app in tests/npm was written for.
packages=(express@4 ws@8 axios@1 fastify@5 koa@3 socket.io@4 socket.io-client@4 jsonwebtoken@9 jose@5 piscina@4 synckit@0.9 fs-extra@11 tar@7 undici@6)
missing=()
for spec in "${packages[@]}"; do
  [ -f "$dir/node_modules/${spec%@*}/package.json" ] || missing+=("$spec")
done
if [ ${#missing[@]} -gt 0 ]; then
  mkdir -p "$dir"
  say "installing ${missing[*]} from the npm registry into $dir (about 10 s)"
  (cd "$dir" && { [ -f package.json ] || npm init -y >/dev/null; } &&
    npm install --no-audit --no-fund --silent "${missing[@]}" >&2)
fi
cd "$dir" && pwd
