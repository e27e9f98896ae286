#!/usr/bin/env bash
# Scaling test for the amplification shapes of issue 16: each shape at a quarter, half and full size, timed with
# its peak memory. Linear cost shows as time and memory that double (at most) when the size doubles. CPU seconds
# (user+system) are the figure to compare: wall time on a shared machine mostly measures the other jobs.
# usage: bench/scaling.sh [SHAPE...]   (CONFIGGUARD=path to the CLI; default: build src/ConfigGuard.Cli in Release)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ -z "${CONFIGGUARD:-}" ]; then
  dotnet build "$here/../src/ConfigGuard.Cli" -c Release -v q --nologo >/dev/null
  CONFIGGUARD="dotnet $here/../src/ConfigGuard.Cli/bin/Release/net10.0/configguard.dll"
fi
declare -A full=([configmap-keys]=99000 [placeholder-line]=5000000 [long-parent-key]=244000 [repeated-resource]=1000 [many-env-files]=10000 [lookaround-credential]=400 [lookaround-patch-target]=40 [overlays-big-base]=1000 [generator-files]=100 [resource-files]=40 [exclude-glob]=2000 [editorconfig-glob]=2000)
shapes=("$@"); [ ${#shapes[@]} -eq 0 ] && shapes=(configmap-keys placeholder-line long-parent-key repeated-resource many-env-files lookaround-credential lookaround-patch-target overlays-big-base generator-files resource-files exclude-glob editorconfig-glob)
printf "%-18s %9s %8s %8s %8s %5s  %s\n" shape size "cpu s" "wall s" "peak MB" exit "last line"
for shape in "${shapes[@]}"; do
  for div in 4 2 1; do
    n=$(( ${full[$shape]} / div ))
    dir="$(mktemp -d)"
    node "$here/scaling/generate.js" "$shape" "$n" "$dir"
    set +e
    /usr/bin/time -f "%e %U %S %M" -o "$dir.time" timeout 600 $CONFIGGUARD check --no-color "$dir" >"$dir.out" 2>&1
    code=$?
    set -e
    read -r wall user sys kb < <(tail -1 "$dir.time") || true
    cpu=$(echo "${user:-0} ${sys:-0}" | awk '{printf "%.2f", $1 + $2}')
    printf "%-18s %9s %8s %8s %8s %5s  %s\n" "$shape" "$n" "$cpu" "$wall" "$(( ${kb:-0} / 1024 ))" "$code" "$(tail -1 "$dir.out" | cut -c1-80)"
    rm -rf "$dir" "$dir.time" "$dir.out"
  done
done
