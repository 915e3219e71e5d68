#!/usr/bin/env bash
# Fetches Node's own test suite (test/common, test/fixtures, test/parallel) from Debian's
# nodejs source package, once, into .cache/node-suite, and prints the tree's directory.
# Debian's source is found as a deb-src twin of the machine's configured Debian archive,
# through a private apt configuration: the system's apt setup is not touched.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1m[node-suite]\033[0m %s\n' "$*" >&2; }
root=$PWD
cache=.cache/node-suite

tree=$(find "$cache" -maxdepth 1 -type d -name 'node-v*' 2>/dev/null | head -1 || true)
if [ -z "$tree" ] || [ ! -f "$tree/test/common/index.js" ]; then
  codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
  [ -n "$codename" ] || { say "no Debian codename in /etc/os-release"; exit 1; }
  # The archive's URI: from a deb822 stanza or a one-line entry for the release itself.
  uri=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk -v c="$codename" '
    /^$/ { if (t ~ /deb/ && s ~ ("(^| )" c "( |$)") && u != "") { print u; exit } t = s = u = ""; next }
    /^Types:/ { t = $0 } /^Suites:/ { s = $0; sub(/^Suites: */, "", s) } /^URIs:/ { u = $2 }
    END { if (t ~ /deb/ && s ~ ("(^| )" c "( |$)") && u != "") print u }' | head -1)
  if [ -z "$uri" ]; then
    uri=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
      awk -v c="$codename" '$1 == "deb" { i = 2; if ($2 ~ /^\[/) { while ($i !~ /\]$/) i++; i++ } if ($(i + 1) == c) { print $i; exit } }')
  fi
  [ -n "$uri" ] || { say "no Debian archive for $codename in the apt sources"; exit 1; }
  mkdir -p "$cache/apt/sources" "$cache/apt/lists/partial"
  printf 'Types: deb-src\nURIs: %s\nSuites: %s\nComponents: main\n' "$uri" "$codename" >"$cache/apt/sources/src.sources"
  apt_opts=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$root/$cache/apt/sources"
    -o "Dir::State::Lists=$root/$cache/apt/lists")
  say "fetching Debian's nodejs source package (about 30 MB) for Node's own tests"
  apt-get "${apt_opts[@]}" update -qq >&2
  # apt reports an error for the .dsc it cannot verify as the _apt user; the tarball is
  # what counts.
  (cd "$cache" && apt-get "${apt_opts[@]}" source --download-only nodejs >&2) || true
  tarball=$(find "$cache" -maxdepth 1 -name 'nodejs_*.orig.tar.xz' | head -1)
  [ -n "$tarball" ] || { say "the nodejs source tarball did not arrive"; exit 1; }
  say "unpacking test/common, test/fixtures and test/parallel"
  tar -xJf "$tarball" -C "$cache" --wildcards '*/test/common/*' '*/test/fixtures/*' '*/test/parallel/*'
  rm -f "$cache"/nodejs_*
  tree=$(find "$cache" -maxdepth 1 -type d -name 'node-v*' | head -1)
fi
cd "$tree" && pwd
