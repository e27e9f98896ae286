#!/usr/bin/env bash
# Builds the afl++ harness, instruments ConfigGuard's assemblies with SharpFuzz and runs afl-fuzz (see README.md).
# usage: bench/fuzz/run.sh [SECONDS]   (default 3600; output in $FUZZ_OUT, default /tmp/configguard-fuzz)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
seconds="${1:-3600}"
out="${FUZZ_OUT:-/tmp/configguard-fuzz}"
bin="$out/bin"
command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install afl++" >&2; exit 2; }
tools="$out/tools"
[ -x "$tools/sharpfuzz" ] || dotnet tool install --tool-path "$tools" SharpFuzz.CommandLine --version 2.3.0 >/dev/null
rm -rf "$bin"
dotnet publish "$here/ConfigGuard.Fuzz" -c Release -o "$bin" -v q --nologo
# Instrument the code under test (not the harness, not the framework).
for dll in ConfigGuard.Core.dll configguard.dll; do "$tools/sharpfuzz" "$bin/$dll"; done
mkdir -p "$out/findings"
# -t: one input may take 5 s (the first run pays JIT); longer is reported as a hang. -m none: .NET reserves much virtual memory.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1
resume="-i $here/corpus"
[ -d "$out/findings/default/queue" ] && resume="-i -"
exec nice -n 19 afl-fuzz $resume -o "$out/findings" -t 5000 -m none -V "$seconds" -x "$here/dictionary.txt" -- dotnet "$bin/ConfigGuard.Fuzz.dll"
