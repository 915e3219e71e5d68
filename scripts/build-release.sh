#!/usr/bin/env bash
# Builds the static release binary, with QuickJS compiled from a profile of
# scripts/pgo-train.js (profile-guided: the interpreter runs JS ~6% faster). The profile is
# recorded once per QuickJS version and compiler, into .cache/pgo (about two minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
triple=x86_64-unknown-linux-gnu
bin=target/$triple/release/unode
say() { printf '\033[1m[build]\033[0m %s\n' "$*" >&2; }

profile=$(bash scripts/pgo-cc.sh --profile-dir)
if [ ! -f "$profile/quickjs.gcda" ]; then
  say "recording QuickJS's profile (instrumented build, then scripts/pgo-train.js)..."
  rm -rf .cache/pgo/raw
  cargo clean --release --target "$triple" -p rquickjs-sys 2>/dev/null
  UNODE_PGO=generate cargo build --release -p unode --features pgo-generate
  "$bin" scripts/pgo-train.js >/dev/null
  mkdir -p "$profile.tmp"
  find .cache/pgo/raw -path '*/rquickjs-sys-*/out/*.gcda' | while read -r f; do
    name=${f##*/}
    cp "$f" "$profile.tmp/${name#*-}"
  done
  [ -f "$profile.tmp/quickjs.gcda" ] || { say "the training run left no profile"; exit 1; }
  rm -rf "$profile" .cache/pgo/raw
  mv "$profile.tmp" "$profile"
  # QuickJS is compiled again, now with the profile.
  cargo clean --release --target "$triple" -p rquickjs-sys 2>/dev/null
fi
say "building unode (release, static, QuickJS profile-guided)..."
cargo build --release -p unode
