#!/usr/bin/env bash
# The check each performance change runs: the same findings before and after it.
#   bench/findings.sh write CLI OUTDIR    writes `check --format json` of every benchmark corpus and each samples/ folder
#   bench/findings.sh compare DIR1 DIR2   fails (exit 1) unless every JSON report is byte for byte the same
# CLI is a configguard binary (e.g. a `dotnet publish` output) or "dotnet path/to/configguard.dll".
# Corpora come from bench/corpora.sh (BENCH_FINDINGS_CORPORA overrides the list; the 100k corpus is left out by default).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
case "${1:-}" in
  write)
    cli="$2"; out="$3"; mkdir -p "$out"
    corpora="${BENCH_FINDINGS_CORPORA:-mono-14000 mono-14000-nogit mono-1000 mono-10000 folder-10 folder-1000 folder-10000 overlays-1000}"
    while read -r name dir; do
      (cd "$dir" && $cli check . --format json --output "$out/$name.json" >/dev/null 2>"$out/$name.stderr" || true)
    done < <("$here/corpora.sh" $corpora)
    for s in "$here/../samples"/*/; do
      name="sample-$(basename "$s")"
      (cd "$here/.." && $cli check "samples/$(basename "$s")" --format json --output "$out/$name.json" >/dev/null 2>"$out/$name.stderr" || true)
    done
    ls "$out"/*.json | wc -l | xargs echo "reports written to $out:"
    ;;
  compare)
    a="$2"; b="$3"; status=0
    for f in "$a"/*.json; do
      n="$(basename "$f")"
      e="${n%.json}.stderr"
      if ! cmp -s <(sed "s#$a#OUT#" "$a/$e") <(sed "s#$b#OUT#" "$b/$e"); then echo "DIFFERENT summary or notes: $e"; diff <(sed "s#$a#OUT#" "$a/$e") <(sed "s#$b#OUT#" "$b/$e") | head || true; status=1; fi
      if ! cmp -s "$f" "$b/$n"; then echo "DIFFERENT: $n"; diff <(grep -E '"(ruleId|path|line|key)"' "$f") <(grep -E '"(ruleId|path|line|key)"' "$b/$n") | head -20 || true; status=1
      else echo "same: $n ($(grep -c '"ruleId"' "$f") findings)"; fi
    done
    exit $status
    ;;
  *) sed -n 2,6p "$0" >&2; exit 2 ;;
esac
