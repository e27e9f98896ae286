#!/usr/bin/env bash
# Generates the benchmark corpora once (cached) under $BENCH_WORK (default /tmp/configguard-bench: outside any git
# repository, so a tree that is not a git checkout is scanned as one) and prints "NAME PATH" for each.
# usage: bench/corpora.sh [NAME...]   (default: all; names below)
#   mono-14000        the 14,000-file monorepo (1,000 services), a git checkout
#   mono-14000-nogit  the same files, not a git checkout
#   mono-1000, mono-10000, mono-100000   the monorepo at 1k / 10k / 100k files (git checkouts)
#   folder-10, folder-1000, folder-10000 one folder holding N .env files (half staging, half production, a few mistakes)
#   overlays-1000     one kustomize base and 1,000 overlays of it
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="${BENCH_WORK:-/tmp/configguard-bench}"
mkdir -p "$work"
names=("$@"); [ ${#names[@]} -eq 0 ] && names=(mono-14000 mono-14000-nogit mono-1000 mono-10000 mono-100000 folder-10 folder-1000 folder-10000 overlays-1000)
gen="$here/ConfigGuard.Bench/bin/Release/net10.0/ConfigGuard.Bench.dll"
mono() { # DIR FILES: the C# generator's monorepo, committed to a git repository of its own
  [ -f "$gen" ] || dotnet build "$here/ConfigGuard.Bench" -c Release -v q --nologo >/dev/null
  dotnet "$gen" generate "$1" "$2" >/dev/null
  (cd "$1" && git init -q && git add -A && git -c user.email=bench@example.com -c user.name=bench -c commit.gpgsign=false commit -qm corpus)
}
for name in "${names[@]}"; do
  dir="$work/$name"
  if [ ! -f "$dir.done" ]; then
    rm -rf "$dir"
    case "$name" in
      mono-14000-nogit) "$0" mono-14000 >/dev/null; mkdir -p "$dir"; (cd "$work/mono-14000" && tar --exclude=.git -cf - .) | (cd "$dir" && tar xf -) ;;
      mono-*) mono "$dir" "${name#mono-}" ;;
      folder-*) node "$here/scaling/generate.js" env-files-per-folder "${name#folder-}" "$dir" ;;
      overlays-*) node "$here/scaling/generate.js" overlays-of-one-base "${name#overlays-}" "$dir" ;;
      *) echo "bench/corpora.sh: unknown corpus $name" >&2; exit 2 ;;
    esac
    touch "$dir.done"
  fi
  echo "$name $dir"
done
