#!/usr/bin/env bash
# The C compiler of cargo's C builds (see .cargo/config.toml). QuickJS, the interpreter
# every line of JS runs in, is compiled with the profile that scripts/build-release.sh
# records from scripts/pgo-train.js, when there is one for this QuickJS and this compiler;
# everything else, and QuickJS without a profile, is compiled as cc compiles it.
#   UNODE_PGO=generate   compile QuickJS to record a profile (into .cache/pgo/raw)
#   pgo-cc.sh --profile-dir   print where this QuickJS's profile lives
set -euo pipefail
real=${UNODE_REAL_CC:-cc}
root=$(cd "$(dirname "$0")/.." && pwd)

# A profile fits one QuickJS source (rquickjs-sys's version, and the features it is built
# with) and one compiler; only gcc's profiles are handled (nothing is printed for another
# compiler).
profile_dir() {
  local version key
  version=$("$real" -v 2>&1 | grep '^gcc version') || return 0
  key=$({ grep -A1 '^name = "rquickjs-sys"$' "$root/Cargo.lock"; grep '^rquickjs = ' "$root/Cargo.toml"; echo "$version"; } | sha256sum | cut -c1-16)
  echo "$root/.cache/pgo/$key"
}

if [ "${1:-}" = --profile-dir ]; then
  profile_dir
  exit 0
fi

out=
prev=
for arg in "$@"; do
  [ "$prev" = -o ] && out=$arg
  prev=$arg
done
# Only the shipped (target, release) QuickJS: build scripts link their own copy.
case "$out" in
  */x86_64-unknown-linux-gnu/release/build/rquickjs-sys-*/out/*.o) ;;
  *) exec "$real" "$@" ;;
esac

if [ "${UNODE_PGO:-}" = generate ]; then
  exec "$real" -fprofile-generate="$root/.cache/pgo/raw" -fprofile-update=single "$@"
fi

# cc names objects "<hash>-<source>.o"; gcc looks for a profile at the object's path
# under -fprofile-use's directory, so the recorded one is put there.
name=${out##*/}
name=${name#*-}
dir=$(profile_dir)
profile=$dir/${name%.o}.gcda
if [ -n "$dir" ] && [ -f "$profile" ]; then
  use="$root/.cache/pgo/use"
  mkdir -p "$use$(dirname "$out")"
  cp "$profile" "$use${out%.o}.gcda"
  exec "$real" -fprofile-use="$use" -fprofile-partial-training -Wno-missing-profile -Wno-coverage-mismatch "$@"
fi
exec "$real" "$@"
