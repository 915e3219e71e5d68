#!/usr/bin/env bash
# Builds the guest kernel (vmlinux with the PVH note, and bzImage) from Debian's
# linux-source-6.12 with guest/kernel.config merged onto tinyconfig. Cached by the hash of
# the config and the source version under .cache/kernel/<hash>/; prints that directory.
# The first build takes about 9 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
say() { printf '\033[1m[kernel]\033[0m %s\n' "$*" >&2; }

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
need=()
[ -f /usr/src/linux-source-6.12.tar.xz ] || need+=(linux-source-6.12)
for tool in make gcc bc bison flex cpio lz4; do command -v "$tool" >/dev/null || need+=("$tool"); done
[ -f /usr/include/libelf.h ] || need+=(libelf-dev)
[ -f /usr/include/openssl/ssl.h ] || need+=(libssl-dev)
if [ ${#need[@]} -gt 0 ]; then
  say "installing ${need[*]} (Debian packages)"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]/make/build-essential}" >/dev/null
fi

version=$(dpkg-query -W -f='${Version}' linux-source-6.12)
hash=$( (cat guest/kernel.config; echo "$version") | sha256sum | cut -c1-16)
out="$root/.cache/kernel/$hash"
if [ -f "$out/vmlinux" ] && [ -f "$out/bzImage" ]; then
  say "cached: $out"
  echo "$out"
  exit 0
fi

src="$root/.cache/kernel/src/linux-source-6.12"
if [ ! -f "$src/Makefile" ] || [ "$(cat "$root/.cache/kernel/src/version" 2>/dev/null)" != "$version" ]; then
  say "unpacking linux-source-6.12 $version (about 20 s)"
  rm -rf "$root/.cache/kernel/src"
  mkdir -p "$root/.cache/kernel/src"
  tar -xJf /usr/src/linux-source-6.12.tar.xz -C "$root/.cache/kernel/src"
  echo "$version" > "$root/.cache/kernel/src/version"
fi

say "configuring (tinyconfig + guest/kernel.config)"
make -C "$src" -s tinyconfig >/dev/null
"$src/scripts/kconfig/merge_config.sh" -m -O "$src" "$src/.config" guest/kernel.config >/dev/null
make -C "$src" -s olddefconfig >/dev/null

say "building vmlinux and bzImage with $(nproc) jobs (about 9 minutes on 2 cores)"
start=$(date +%s)
make -C "$src" -j"$(nproc)" bzImage vmlinux 2>&1 | while IFS= read -r line; do
  case "$line" in
    *" CC "*|*" LD "*|*" AR "*) n=$((${n:-0} + 1)); [ $((n % 200)) -eq 0 ] && say "... $n objects, $(( $(date +%s) - start ))s" ;;
    *error*|*Error*) echo "$line" >&2 ;;
  esac
done
[ -f "$src/vmlinux" ] || { say "build failed"; exit 1; }
mkdir -p "$out"
cp "$src/vmlinux" "$src/arch/x86/boot/bzImage" "$src/.config" "$out/"
say "done in $(( $(date +%s) - start ))s: $(stat -c %s "$out/bzImage") bytes bzImage"
echo "$out"
