#!/usr/bin/env bash
# Installs qemu-system-x86 (for the guest-half tests under `-M microvm -accel tcg`) from
# the same suite as the machine's qemu-utils, which come from bookworm-backports. A private
# apt configuration adds a backports twin of the machine's configured Debian source, so the
# system's own apt setup is left as it is.
set -euo pipefail
say() { printf '\033[1m[qemu]\033[0m %s\n' "$*" >&2; }
if command -v qemu-system-x86_64 >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/parts" "$work/lists/partial"
src=/etc/apt/sources.list.d/debian.sources
uri=$(awk '/^URIs:/{print $2; exit}' "$src")
cp "$src" "$work/parts/"
printf 'Types: deb\nURIs: %s\nSuites: bookworm-backports\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$uri" > "$work/parts/backports.sources"
apt_opts=(-o "Dir::Etc::SourceParts=$work/parts" -o "Dir::State::Lists=$work/lists")
say "installing qemu-system-x86 from bookworm-backports (about a minute)"
$SUDO apt-get "${apt_opts[@]}" update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get "${apt_opts[@]}" install -y -qq --no-install-recommends -t bookworm-backports qemu-system-x86 >/dev/null
say "$(qemu-system-x86_64 --version | head -1)"
