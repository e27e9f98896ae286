#!/usr/bin/env bash
# ConfigGuard benchmark (issue 19): the build the linux-x64 tool package ships, measured next to ripgrep, `git status`
# and secretlint on the same trees, in one run. Figures are CPU seconds (user + system: on a shared machine wall time
# mostly measures the other jobs) and peak RSS, the median of BENCH_RUNS runs (default 3); each anchor runs right
# after ConfigGuard in the same round, so ratios compare like with like.
# usage: bench/run.sh [--quick]      --quick leaves out the 100,000-file corpus and secretlint
# env:   CONFIGGUARD=path to a configguard binary (default: dotnet publish src/ConfigGuard.Cli -r linux-x64 -c Release)
#        BENCH_RUNS (3), BENCH_WORK (corpora, /tmp/configguard-bench), SECRETLINT_TIMEOUT (seconds per run, 120)
# Needs: ripgrep (apt-get install -y ripgrep), git, node; secretlint is installed from npm into bench/.tools.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0; [ "${1:-}" = "--quick" ] && quick=1
runs="${BENCH_RUNS:-3}"
out=bench/out; mkdir -p "$out"
command -v rg >/dev/null || apt-get install -y -q ripgrep >/dev/null
if [ "$quick" = 0 ] && [ ! -x bench/.tools/node_modules/.bin/secretlint ]; then
  npm install --prefix bench/.tools --no-audit --no-fund --loglevel=error secretlint @secretlint/secretlint-rule-preset-recommend >/dev/null
fi
if [ -z "${CONFIGGUARD:-}" ]; then
  # The build the linux-x64 tool package ships: native AOT, trimmed.
  rm -rf "$out/cli"
  dotnet publish src/ConfigGuard.Cli -c Release -r linux-x64 -o "$out/cli" -v q --nologo >/dev/null
  CONFIGGUARD="$PWD/$out/cli/configguard"
fi
cg="$CONFIGGUARD"
secretlint="$PWD/bench/.tools/node_modules/.bin/secretlint"
# The ripgrep anchor: every catalog keyword, one pass over the same config files configguard reads.
grep -ohE "keyword: '?[^,'}]+" rules/*.yaml rules/*/*.yaml 2>/dev/null | sed -E "s/keyword: '?//" | sort -u > "$out/keywords.txt"
rgcmd=(rg -c -F --hidden --no-ignore -g '.env' -g '.env.*' -g '*.env' -g 'appsettings*.json' -g '*.yaml' -g '*.yml' -f "$PWD/$out/keywords.txt" .)
declare -A corpus
while read -r name dir; do corpus[$name]="$dir"; done < <(bench/corpora.sh mono-14000 mono-14000-nogit mono-1000 mono-10000 folder-10 folder-1000 folder-10000 overlays-1000 $([ "$quick" = 0 ] && echo mono-100000))

samples="$out/samples.txt"; : > "$samples"
# measure LABEL DIR CMD...: one run under /usr/bin/time, appended as "LABEL cpu wall rssKB exit".
measure() {
  local label="$1" dir="$2"; shift 2
  local t; t="$(mktemp)"
  (cd "$dir" && /usr/bin/time -f "%U %S %e %M %x" -o "$t" "$@" >/dev/null 2>&1) || true
  # /usr/bin/time writes "Command exited with non-zero status N" first when the command fails.
  tail -1 "$t" | awk -v l="$label" '{ printf "%s %.3f %.3f %d %d\n", l, $1 + $2, $3, $4, $5 }' >> "$samples"
  rm -f "$t"
}
round() { # LABEL CORPUS: configguard, then ripgrep, BENCH_RUNS times
  local label="$1" dir="${corpus[$2]}"
  measure "$label/cg" "$dir" "$cg" check . --format json --output /dev/null # warm-up (page cache), dropped below
  sed -i '$d' "$samples"
  for _ in $(seq "$runs"); do measure "$label/cg" "$dir" "$cg" check . --format json --output /dev/null; measure "$label/rg" "$dir" "${rgcmd[@]}"; done
}

round mono-14000 mono-14000
round mono-14000-nogit mono-14000-nogit
# check --staged with 5 staged config files in the 14,000-file checkout, against `git status` in the same repository.
repo="${corpus[mono-14000]}"
(cd "$repo" && for s in 00001 00002 00003 00004 00005; do echo "FEATURE_BENCH=on" >> "services/svc-$s/.env.staging"; done && git add -A)
measure staged/cg "$repo" "$cg" check --staged; sed -i '$d' "$samples"
for _ in $(seq "$runs"); do measure staged/cg "$repo" "$cg" check --staged; measure staged/git "$repo" git status --porcelain; done
(cd "$repo" && git reset -q --hard)
for _ in $(seq "$runs"); do measure version/cg . "$cg" --version; done
for n in 1000 10000 $([ "$quick" = 0 ] && echo 100000); do round "files-$n" "mono-$n"; done
for n in 10 1000 10000; do round "per-folder-$n" "folder-$n"; done
round overlays-1000 overlays-1000
if [ "$quick" = 0 ]; then
  # secretlint: one run each, capped at SECRETLINT_TIMEOUT seconds (a capped run is shown as ">N s").
  for name in mono-1000 mono-14000; do
    dir="${corpus[$name]}"; echo '{"rules":[{"id":"@secretlint/secretlint-rule-preset-recommend"}]}' > "$dir/.secretlintrc.json"
    measure "secretlint-$name/sl" "$dir" timeout "${SECRETLINT_TIMEOUT:-120}" "$secretlint" --secretlintignore /dev/null '**/.env*' '**/*.json' '**/*.yaml'
    rm -f "$dir/.secretlintrc.json"
  done
fi
node bench/table.js "$samples" "${SECRETLINT_TIMEOUT:-120}" | tee "$out/table.md"
