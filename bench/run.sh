#!/usr/bin/env bash
# ConfigGuard benchmark: whole-process timing of `configguard check` against the ripgrep floor (reading the same
# config files once, looking for the catalog's keywords) and secretlint, at several corpus sizes, plus peak RSS.
# Usage: bench/run.sh [SIZES...]   (default: 1000 10000 100000)
# Needs: hyperfine and ripgrep (apt), secretlint (npm, installed into bench/.tools on first run).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-1000 10000 100000}")
[ $# -eq 0 ] && sizes=(1000 10000 100000)
out=bench/out; mkdir -p "$out"
command -v hyperfine >/dev/null && command -v rg >/dev/null || { apt-get install -y -q hyperfine ripgrep >/dev/null; }
if [ ! -x bench/.tools/node_modules/.bin/secretlint ]; then
  npm install --prefix bench/.tools --no-audit --no-fund --loglevel=error secretlint @secretlint/secretlint-rule-preset-recommend >/dev/null
fi

# The build the linux-x64 tool package ships: self-contained, trimmed, one composite ReadyToRun image.
rm -rf "$out/cli"
dotnet publish src/ConfigGuard.Cli -c Release -r linux-x64 -o "$out/cli" >/dev/null
dotnet build bench/ConfigGuard.Bench -c Release >/dev/null
cg="$PWD/$out/cli/configguard"
secretlint="$PWD/bench/.tools/node_modules/.bin/secretlint"
# The floor: every catalog keyword, one pass of ripgrep over the same config files configguard reads.
grep -oE "keyword: '?[^,'}]+" rules/credentials.yaml | sed -E "s/keyword: '?//" | sort -u > "$out/keywords.txt"
globs=(-g '.env' -g '.env.*' -g '*.env' -g 'appsettings*.json' -g 'kustomization.yaml' -g '*.yaml')

printf '| files | configguard | rg floor | secretlint | cg/rg | secretlint/cg | cg peak RSS |\n|---|---|---|---|---|---|---|\n' > "$out/table.md"
for n in "${sizes[@]}"; do
  corpus="bench/corpus/$n"
  if [ ! -d "$corpus/.git" ]; then
    rm -rf "$corpus"
    dotnet bench/ConfigGuard.Bench/bin/Release/net10.0/ConfigGuard.Bench.dll generate "$corpus" "$n" >/dev/null
    # A monorepo is a git repository of its own (else the tree sits under this repo's .gitignore).
    (cd "$corpus" && git init -q && git add -A && git -c user.email=b@example.com -c user.name=bench commit -qm corpus)
  fi
  (cd "$corpus" && echo '{"rules":[{"id":"@secretlint/secretlint-rule-preset-recommend"}]}' > .secretlintrc.json)
  runs=5; [ "$n" -ge 100000 ] && runs=3
  hyperfine -N --warmup 1 --runs "$runs" -i --export-json "$out/cg-$n.json" "$cg check $corpus --format json --output /dev/null" >/dev/null 2>&1
  hyperfine -N --warmup 1 --runs "$runs" -i --export-json "$out/rg-$n.json" "rg -c -F --hidden --no-ignore ${globs[*]} -f $out/keywords.txt $corpus" >/dev/null 2>&1
  # secretlint gets one run, capped at $SECRETLINT_TIMEOUT seconds (default 300); a capped run is shown as ">N s".
  rm -f "$out/sl-$n.json" "$out/sl-$n.timeout"
  if [ "$n" -le 10000 ]; then
    start=$(date +%s%N)
    if (cd "$corpus" && timeout "${SECRETLINT_TIMEOUT:-300}" "$secretlint" --secretlintignore /dev/null '**/.env*' '**/*.json' '**/*.yaml' >/dev/null 2>&1); [ $? -eq 124 ]; then
      echo "${SECRETLINT_TIMEOUT:-300}" > "$out/sl-$n.timeout"
    else
      end=$(date +%s%N)
      echo "{\"results\":[{\"median\":$(( (end - start) / 1000000 ))e-3}]}" > "$out/sl-$n.json"
    fi
  fi
  rss=$( { /usr/bin/time -f '%M' "$cg" check "$corpus" --format json --output /dev/null >/dev/null || true; } 2>&1 | tail -1 )
  node - "$out" "$n" "$rss" >> "$out/table.md" <<'JS'
const fs = require("fs"), [dir, n, rss] = process.argv.slice(2);
const med = f => { try { return JSON.parse(fs.readFileSync(`${dir}/${f}-${n}.json`)).results[0].median; } catch { return NaN; } };
const cg = med("cg"), rg = med("rg");
let sl = med("sl");
const capped = fs.existsSync(`${dir}/sl-${n}.timeout`) ? Number(fs.readFileSync(`${dir}/sl-${n}.timeout`, "utf8")) : NaN;
const ms = s => isNaN(s) ? "n/a" : `${(s * 1000).toFixed(0)} ms`;
const r = (a, b) => isNaN(a) || isNaN(b) ? "n/a" : `${(a / b).toFixed(1)}x`;
const slText = isNaN(capped) ? ms(sl) : `>${capped} s`;
const slRatio = isNaN(capped) ? r(sl, cg) : `>${(capped / cg).toFixed(0)}x`;
console.log(`| ${n} | ${ms(cg)} | ${ms(rg)} | ${slText} | ${r(cg, rg)} | ${slRatio} | ${(rss / 1024).toFixed(0)} MB |`);
JS
done
cat "$out/table.md"
