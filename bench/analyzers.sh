#!/usr/bin/env bash
# Analyzer overhead: builds a generated, dependency-free C# library (FILES files x 30 members, with environment
# branches (one class in 50), URL literals and connection strings sprinkled in) with the ConfigGuard analyzers, and prints the
# -p:ReportAnalyzer=true times of ConfigGuard's analyzers next to the SDK's own analyzers in the same build,
# plus the build's compile time with and without ConfigGuard.
# CONFIG_FILES=1: the code-meets-config shape: the project references ASP.NET Core, one class in 5 reads configuration
# (an indexer, GetValue with a default, GetConnectionString, through IConfiguration), and appsettings.json,
# appsettings.Staging.json, appsettings.Production.json, .env.staging and .env.production are AdditionalFiles (staging
# lacks one key in 20: CG1007 warnings, not errors, so the build goes on), so ConfigurationKeyAnalyzer (CG1007-CG1009)
# and the config rules have real work.
# CPU=1: also CPU seconds (user + system) of each build, the compiler run in the build's own process tree
# (UseSharedCompilation=false, so the shared compiler server's other clients are not counted; a cold compiler, so the
# Csc task is longer than with the server). Prefer these on a loaded machine: wall times measure the other jobs.
# WARM=1: with the shared compiler server (warm after the warm-up build), the steady state of a developer's builds.
# Usage: [ANALYSIS_LEVEL=latest-recommended] [CONFIG_FILES=1] [CPU=1 | WARM=1] bench/analyzers.sh [FILES]   (default 2000; AnalysisLevel default: latest, the SDK default)
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-2000}
dir=bench/out/analyzer-project
rm -rf "$dir"; mkdir -p "$dir/src"
repo=$PWD
cat > "$dir/Generated.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <AnalysisLevel>${ANALYSIS_LEVEL:-latest}</AnalysisLevel>
    <NoWarn>\$(NoWarn);CA1050;CA1822;CS8321</NoWarn>
    <!-- CG rules stay on: the compiler skips analyzers whose every diagnostic is suppressed. -->
    <WarningsNotAsErrors>CG1005;CG1007</WarningsNotAsErrors>
  </PropertyGroup>
  <ItemGroup Condition="'${CONFIG_FILES:-0}' == '1'">
    <FrameworkReference Include="Microsoft.AspNetCore.App" />
  </ItemGroup>
  <PropertyGroup Condition="'${CONFIG_FILES:-0}' == '1'">
    <ConfigGuardRoot>\$(MSBuildProjectDirectory)</ConfigGuardRoot>
  </PropertyGroup>
  <ItemGroup Condition="'${CONFIG_FILES:-0}' == '1' And '\$(WithConfigGuard)' != 'false'">
    <CompilerVisibleProperty Include="ConfigGuardRoot" />
    <AdditionalFiles Include="appsettings*.json;.env.staging;.env.production" />
  </ItemGroup>
  <ItemGroup Condition="'\$(WithConfigGuard)' != 'false'">
    <!-- Release, as the package ships them (the generated library itself builds in Debug). -->
    <ProjectReference Include="$repo/src/ConfigGuard.Analyzers/ConfigGuard.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" SetConfiguration="Configuration=Release" />
    <ProjectReference Include="$repo/src/ConfigGuard.Core/ConfigGuard.Core.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" SetConfiguration="Configuration=Release" />
    <PackageReference Include="YamlDotNet" Version="16.3.0" GeneratePathProperty="true" ExcludeAssets="all" PrivateAssets="all" />
    <Analyzer Include="\$(PkgYamlDotNet)/lib/netstandard2.0/YamlDotNet.dll" />
  </ItemGroup>
</Project>
XML
for i in $(seq 1 "$files"); do
  {
    echo "namespace Gen.N$((i % 50));"
    echo "public sealed class C$i(string environment)"
    echo "{"
    for m in $(seq 1 30); do
      case $((m % 10)) in
        0) if [ $((i % 50)) -eq 0 ]; then echo "    public bool M$m() => environment == \"Production\";"; else echo "    public bool M$m() => environment.Length == $m;"; fi;;
        1) echo "    public string U$m => \"https://api.example.com/v$m/items\";";;
        2) echo "    public string K$m => \"Host=db$m.internal;Database=app$m\";";;
        *) echo "    public int M$m(int x) { var y = x * $m; for (var i = 0; i < 3; i++) y += i; return y > 10 ? y : -y; }";;
      esac
    done
    if [ "${CONFIG_FILES:-0}" = 1 ] && [ $((i % 5)) -eq 0 ]; then
      echo "    public string? Url(Microsoft.Extensions.Configuration.IConfiguration c) => c[\"Svc$i:Url\"];"
      echo "    public int Retries(Microsoft.Extensions.Configuration.IConfiguration c) => Microsoft.Extensions.Configuration.ConfigurationBinder.GetValue(c, \"Svc$i:Retries\", 3);"
      echo "    public string? Db(Microsoft.Extensions.Configuration.IConfiguration c) => Microsoft.Extensions.Configuration.ConfigurationExtensions.GetConnectionString(c, \"Db$i\");"
    fi
    echo "}"
  } > "$dir/src/C$i.cs"
done
if [ "${CONFIG_FILES:-0}" = 1 ]; then
  # Production provides every Svc<i>:Url, staging all but one in 20 (CG1007 warnings); each environment its own connection strings;
  # the .env files set a few variables the code reads through A__B.
  node -e '
    const fs = require("fs"), n = +process.argv[1], dir = process.argv[2];
    const ids = []; for (let i = 5; i <= n; i += 5) ids.push(i);
    const obj = (f, env) => Object.fromEntries(ids.filter(f).map(i => ["Svc" + i, { Url: "https://svc" + i + "." + env + ".example.net" }]));
    // Each environment its own databases (one shared across environments would be a CG0005 error and stop the build).
    const dbs = (env) => Object.fromEntries(ids.map(i => ["Db" + i, "Host=db" + i + "." + env + ".internal;Database=app" + i + "_" + env]));
    fs.writeFileSync(dir + "/appsettings.json", JSON.stringify({ Logging: { LogLevel: { Default: "Warning" } } }, null, 2));
    fs.writeFileSync(dir + "/appsettings.Staging.json", JSON.stringify({ ...obj(i => i % 100 !== 0, "staging"), ConnectionStrings: dbs("staging") }, null, 2));
    fs.writeFileSync(dir + "/appsettings.Production.json", JSON.stringify({ ...obj(() => true, "prod"), ConnectionStrings: dbs("prod") }, null, 2));
    fs.writeFileSync(dir + "/.env.staging", "APP_ENV=staging\n" + ids.slice(0, 20).map(i => "Svc" + i + "__Retries=" + (i % 7)).join("\n") + "\n");
    fs.writeFileSync(dir + "/.env.production", "APP_ENV=production\n" + ids.slice(0, 20).map(i => "Svc" + i + "__Retries=" + (i % 9)).join("\n") + "\n");
  ' "$files" "$dir"
fi
dotnet restore "$dir" -v:q >/dev/null
cpu_args=(); [ "${CPU:-0}" = 1 ] && cpu_args=(-m:1 -p:UseSharedCompilation=false)
# WARM=1: the compiler server a developer's machine keeps running (VBCSCompiler): the warm-up build loads and JIT-compiles
# the analyzers once and the measured build reuses them, as every build after the first does.
[ "${WARM:-0}" = 1 ] && cpu_args=(-p:UseSharedCompilation=true)
# The server outlives the script and went on using a core after it (seen at 113 % CPU minutes later, skewing the next
# benchmark): it is stopped on the way out.
[ "${WARM:-0}" = 1 ] && trap 'dotnet build-server shutdown --vbcscompiler >/dev/null 2>&1 || true' EXIT
cpu_file=$(mktemp)
build() {
  if [ "${CPU:-0}" = 1 ] || [ "${WARM:-0}" = 1 ]; then
    /usr/bin/time -o "$cpu_file" -f "%U %S" dotnet build "$dir" --no-restore -nodeReuse:false "${cpu_args[@]}" -p:ReportAnalyzer=true -p:WithConfigGuard="$1" -v:d -clp:PerformanceSummary 2>&1
  else
    dotnet build "$dir" --no-restore -nodeReuse:false -p:ReportAnalyzer=true -p:WithConfigGuard="$1" -v:d -clp:PerformanceSummary 2>&1
  fi
}
cpu() { awk '{printf "%.1f", $1 + $2}' "$cpu_file"; }
build true > /dev/null        # warm up: builds the analyzer projects
touch "$dir"/src/C1.cs
with=$(build true); with_cpu=$(cpu 2>/dev/null || true); touch "$dir"/src/C1.cs
without=$(build false); without_cpu=$(cpu 2>/dev/null || true)
csc() { echo "$1" | grep -E '^\s+[0-9]+ ms\s+Csc\s' | head -1 | awk '{print $1}'; }
echo "Csc task with ConfigGuard:    $(csc "$with") ms"
echo "Csc task without ConfigGuard: $(csc "$without") ms"
if [ "${CPU:-0}" = 1 ]; then
  echo "build CPU (user+sys) with ConfigGuard:    $with_cpu s"
  echo "build CPU (user+sys) without ConfigGuard: $without_cpu s"
fi
echo "CG findings in the build: $(echo "$with" | grep -oE '[^ ]+\([0-9]+,[0-9]+\): (warning|error) CG[0-9]{4}' | sort -u | grep -oE 'CG[0-9]{4}' | sort | uniq -c | tr -s ' ' | tr '\n' ';')"
echo "$with" | awk '/Total analyzer execution time/{p=1} p&&/ConfigGuard|Microsoft.CodeAnalysis.NetAnalyzers|Microsoft.CodeAnalysis.CSharp.NetAnalyzers|Total analyzer/{print} /Total generator execution time/{exit}' | head -30
