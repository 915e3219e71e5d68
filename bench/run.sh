#!/usr/bin/env bash
# Builds the release binary and runs the benchmarks: `bench/run.sh [startup]`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cargo build --release -q -p unode -p unode-bench
exec target/release/unode-bench "${@:-startup}"
