#!/usr/bin/env bash
# Assembles the project's tiny test kernels (guest/test/*.S) into OUT_DIR: pvh.elf (a PVH
# ELF, 32-bit entry note) and bzImage (the 64-bit boot protocol's format). Needs binutils
# (the kernel build's toolchain installs it). Used by the VMM tests and examples/vmm.js's.
set -euo pipefail
src="$(cd "$(dirname "$0")/.." && pwd)/guest/test"
out=${1:?usage: build-test-guests.sh OUT_DIR}
mkdir -p "$out"
for tool in as ld objcopy; do
  command -v "$tool" >/dev/null || { echo "build-test-guests: '$tool' (binutils) is missing; install binutils" >&2; exit 1; }
done
as --64 -o "$out/pvh.o" "$src/pvh.S"
ld -m elf_x86_64 -T "$src/pvh.ld" -o "$out/pvh.elf" "$out/pvh.o"
as --64 -o "$out/bzimage.o" "$src/bzimage.S"
objcopy -O binary -j .text "$out/bzimage.o" "$out/bzImage"
rm -f "$out/pvh.o" "$out/bzimage.o"
