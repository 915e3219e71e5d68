#!/usr/bin/env bash
# Every test: formatting, lints, Rust unit tests, the CLI tests and the differential
# suite against the machine's node.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

echo "[test] cargo fmt --check" >&2
cargo fmt --all -- --check
echo "[test] cargo clippy" >&2
cargo clippy --workspace --all-targets --quiet -- -D warnings
# Release: the tests exercise the static binary that ships.
echo "[test] cargo test --release" >&2
cargo test --workspace --release -- --nocapture
