#!/usr/bin/env bash
# Builds the static release binary, with QuickJS compiled from a profile of
# scripts/pgo-train.js (profile-guided: the interpreter runs JS ~6% faster). The profile is
# recorded once per QuickJS version and compiler, into .cache/pgo (about two minutes).
# Where it cannot be (a C compiler other than gcc, a training run that fails), QuickJS is
# built without one: the same program, a little slower.
set -euo pipefail
cd "$(dirname "$0")/.."
triple=x86_64-unknown-linux-gnu
bin=target/$triple/release/unode
say() { printf '\033[1m[build]\033[0m %s\n' "$*" >&2; }

# An instrumented build, the training run, and the counters gathered into $profile.
record_profile() {
  rm -rf .cache/pgo/raw "$profile.tmp"
  cargo clean --release --target "$triple" -p rquickjs-sys 2>/dev/null &&
    UNODE_PGO=generate cargo build --release -p unode --features pgo-generate &&
    "$bin" scripts/pgo-train.js >/dev/null &&
    mkdir -p "$profile.tmp" || return 1
  local f name
  while read -r f; do
    name=${f##*/}
    cp "$f" "$profile.tmp/${name#*-}" || return 1
  done < <(find .cache/pgo/raw -path '*/rquickjs-sys-*/out/*.gcda')
  [ -f "$profile.tmp/quickjs.gcda" ] || return 1
  rm -rf "$profile" .cache/pgo/raw
  mv "$profile.tmp" "$profile"
}

profile=$(bash scripts/pgo-cc.sh --profile-dir)
if [ -z "$profile" ]; then
  say "the C compiler is not gcc: QuickJS is built without a profile"
elif [ ! -f "$profile/quickjs.gcda" ]; then
  say "recording QuickJS's profile (instrumented build, then scripts/pgo-train.js)..."
  if ! record_profile; then
    say "recording the profile failed: QuickJS is built without one"
    rm -rf .cache/pgo/raw "$profile.tmp"
  fi
  # QuickJS is compiled again: with the profile, or plainly after a failed recording.
  cargo clean --release --target "$triple" -p rquickjs-sys 2>/dev/null
fi
say "building unode (release, static)..."
cargo build --release -p unode
