#!/usr/bin/env bash
# Analyzer overhead: builds a generated, dependency-free C# library (FILES files x 30 members, with environment
# branches (one class in 50), URL literals and connection strings sprinkled in) with the ConfigGuard analyzers, and prints the
# -p:ReportAnalyzer=true times of ConfigGuard's analyzers next to the SDK's own analyzers in the same build,
# plus the build's compile time with and without ConfigGuard.
# Usage: [ANALYSIS_LEVEL=latest-recommended] bench/analyzers.sh [FILES]   (default 2000; AnalysisLevel default: latest, the SDK default)
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
    <WarningsNotAsErrors>CG1005</WarningsNotAsErrors>
  </PropertyGroup>
  <ItemGroup Condition="'\$(WithConfigGuard)' != 'false'">
    <ProjectReference Include="$repo/src/ConfigGuard.Analyzers/ConfigGuard.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <ProjectReference Include="$repo/src/ConfigGuard.Core/ConfigGuard.Core.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
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
    echo "}"
  } > "$dir/src/C$i.cs"
done
dotnet restore "$dir" -v:q >/dev/null
build() { dotnet build "$dir" --no-restore -nodeReuse:false -p:ReportAnalyzer=true -p:WithConfigGuard="$1" -v:d -clp:PerformanceSummary 2>&1; }
build true > /dev/null        # warm up: builds the analyzer projects
touch "$dir"/src/C1.cs
with=$(build true); touch "$dir"/src/C1.cs
without=$(build false)
csc() { echo "$1" | grep -E '^\s+[0-9]+ ms\s+Csc\s' | head -1 | awk '{print $1}'; }
echo "Csc task with ConfigGuard:    $(csc "$with") ms"
echo "Csc task without ConfigGuard: $(csc "$without") ms"
echo "$with" | awk '/Total analyzer execution time/{p=1} p&&/ConfigGuard|Microsoft.CodeAnalysis.NetAnalyzers|Microsoft.CodeAnalysis.CSharp.NetAnalyzers|Total analyzer/{print} /Total generator execution time/{exit}' | head -30
