#!/usr/bin/env bash
# Every test: formatting, lints, Rust unit tests, the CLI tests, the differential suite
# against the machine's node, the VMM's tiny-guest tests (where /dev/kvm exists), and the
# guest half (our kernel + initramfs + unode as init) under QEMU's microvm, and real npm
# packages (tests/npm) under both runtimes, and the files of Node's own test/parallel that
# pass under unode (tests/node-suite).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

echo "[test] cargo fmt --check" >&2
cargo fmt --all -- --check
echo "[test] cargo clippy" >&2
cargo clippy --workspace --all-targets --quiet -- -D warnings

echo "[test] guest kernel and QEMU for the guest-half test" >&2
UNODE_GUEST_KERNEL=$(bash scripts/build-kernel.sh)
export UNODE_GUEST_KERNEL
bash scripts/install-qemu.sh

echo "[test] npm packages for tests/npm (express, fastify, ws, axios)" >&2
if UNODE_NPM_FIXTURES=$(bash scripts/install-npm-fixtures.sh); then
  export UNODE_NPM_FIXTURES
else
  echo "[test] npm install failed: the package tests will say they were skipped" >&2
fi

echo "[test] Node's own tests (test/parallel from Debian's nodejs source)" >&2
if UNODE_NODE_SUITE=$(bash scripts/fetch-node-suite.sh); then
  export UNODE_NODE_SUITE
else
  echo "[test] fetching Node's tests failed: the node-suite test will say it was skipped" >&2
fi

# Release: the tests exercise the static binary that ships, built as demo.sh builds it.
bash scripts/build-release.sh
echo "[test] cargo test --release" >&2
cargo test --workspace --release -- --nocapture
