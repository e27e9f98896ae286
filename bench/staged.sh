#!/usr/bin/env bash
# Benchmark (not a test): `configguard check --staged` in a repository of 10,000 files with 5 staged changes.
# Prints hyperfine's median wall time. Usage: bench/staged.sh [configguard command...]
#   default command: the tool as users get it: `dotnet pack` of src/ConfigGuard.Cli, then
#   `dotnet tool install --tool-path` from that folder (on linux-x64 the native AOT
#   package). E.g. bench/staged.sh dotnet "$PWD/src/ConfigGuard.Cli/bin/Release/net10.0/configguard.dll"
#   measures the portable build instead.
# Needs git and hyperfine (apt-get install -y hyperfine). Target: median under 150 ms on a 2-core machine.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
tool="$(mktemp -d)"
if [ "$#" -eq 0 ]; then
  dotnet pack "$here/src/ConfigGuard.Cli" -c Release -o "$tool/pkg" -p:Version=0.0.0-bench --nologo -v q >/dev/null
  NUGET_PACKAGES="$tool/nuget" dotnet tool install --tool-path "$tool/bin" ConfigGuard.Tool --add-source "$tool/pkg" --version 0.0.0-bench >/dev/null
  set -- "$tool/bin/configguard"
  echo "command: installed tool $(readlink -f "$tool/bin/configguard")"
fi
command -v hyperfine >/dev/null || { echo "hyperfine is needed: apt-get install -y hyperfine" >&2; exit 2; }

repo="$(mktemp -d)"
trap 'rm -rf "$repo" "$tool"' EXIT
cd "$repo"
git init -q
git config user.email bench@example.com; git config user.name bench; git config commit.gpgsign false
# 10,000 files: 100 services x (85 source files + 10 config files + 5 kustomize files).
for s in $(seq -w 1 100); do
  d="services/svc$s"; mkdir -p "$d/src" "$d/k8s/base" "$d/k8s/overlays/staging" "$d/k8s/overlays/production"
  for f in $(seq 1 85); do printf 'namespace Svc%s;\npublic sealed class C%s { }\n' "$s" "$f" > "$d/src/C$f.cs"; done
  printf 'APP_ENV=base\nLOG_LEVEL=info\n' > "$d/.env"
  printf 'APP_ENV=staging\nDATABASE_URL=postgres://app@db.stg.acme.io/svc%s\n' "$s" > "$d/.env.staging"
  printf 'APP_ENV=production\nDATABASE_URL=postgres://app@db.prod.acme.io/svc%s\n' "$s" > "$d/.env.production"
  printf 'APP_ENV=development\n' > "$d/.env.development"
  printf 'APP_ENV=test\n' > "$d/.env.test"
  printf 'APP_ENV=\nSTRIPE_KEY=\n' > "$d/.env.example"
  printf '{ "Logging": { "LogLevel": { "Default": "Information" } } }\n' > "$d/appsettings.json"
  printf '{ "ConnectionStrings": { "Db": "Host=db.stg.acme.io" } }\n' > "$d/appsettings.Staging.json"
  printf '{ "ConnectionStrings": { "Db": "Host=db.prod.acme.io" } }\n' > "$d/appsettings.Production.json"
  printf '{ }\n' > "$d/appsettings.Development.json"
  printf 'resources:\n  - deployment.yaml\n' > "$d/k8s/base/kustomization.yaml"
  printf 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc%s\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: acme/svc%s:1.0\n' "$s" "$s" > "$d/k8s/base/deployment.yaml"
  printf 'namespace: staging\nresources:\n  - ../../base\n' > "$d/k8s/overlays/staging/kustomization.yaml"
  printf 'namespace: production\nresources:\n  - ../../base\n' > "$d/k8s/overlays/production/kustomization.yaml"
  printf '# svc%s\n' "$s" > "$d/README.md"
done
git add -A && git commit -q -m init
echo "repository: $(git ls-files | wc -l) files"
# 5 staged changes: three .env files, one appsettings file, one kustomize overlay.
printf 'APP_ENV=staging\nDATABASE_URL=postgres://app@db.stg.acme.io/svc001\nFEATURE_X=on\n' > services/svc001/.env.staging
printf 'APP_ENV=production\nDATABASE_URL=postgres://app@db.prod.acme.io/svc002\nFEATURE_X=on\n' > services/svc002/.env.production
printf 'APP_ENV=base\nLOG_LEVEL=warning\n' > services/svc003/.env
printf '{ "ConnectionStrings": { "Db": "Host=db.stg.acme.io;Pooling=true" } }\n' > services/svc004/appsettings.Staging.json
printf 'namespace: staging\nnamePrefix: stg-\nresources:\n  - ../../base\n' > services/svc005/k8s/overlays/staging/kustomization.yaml
git add -A
echo "staged: $(git diff --cached --name-only | wc -l) files"
# A command that cannot run (a relative path: this script works inside the temporary repository) must not be timed.
first="$("$@" check --staged 2>&1)" || true
printf '%s\n' "$first"
grep -q "in 5 config files" <<<"$first" || { echo "bench/staged.sh: '$*' did not scan the 5 staged files (an absolute path?)" >&2; exit 2; }
cmd="$(printf '%q ' "$@") check --staged"
hyperfine --warmup 3 --runs 30 -N -i --export-json "$repo/h.json" "$cmd" >&2
node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1])).results[0]; console.log(`median ${(r.median * 1000).toFixed(1)} ms (mean ${(r.mean * 1000).toFixed(1)} ms, min ${(r.min * 1000).toFixed(1)} ms, runs ${r.times.length})`)' "$repo/h.json"
