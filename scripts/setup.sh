#!/usr/bin/env bash
# Installs what the build and the tests need on a fresh Debian machine, once: Rust comes
# with the machine; `node` (the differential oracle) comes from Debian's nodejs package.
set -euo pipefail

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

if ! command -v cargo >/dev/null 2>&1; then
  say "cargo is missing: install Rust (rustup) first"
  exit 1
fi

if ! command -v node >/dev/null 2>&1; then
  say "node not found: installing Debian's nodejs for the differential tests"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs >/dev/null
fi
# The tz database: Intl's time zones are read from it (as glibc's and ICU's are).
if [ ! -d /usr/share/zoneinfo ] && [ -z "${TZDIR:-}" ]; then
  say "installing Debian's tzdata (Intl's time zones)"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq tzdata >/dev/null
fi
say "node $(node --version), $(cargo --version)"
