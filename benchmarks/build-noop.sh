#!/usr/bin/env bash
# P4 (benchmarks/README.md): after a full build, a no-op build of the library does not run NSwag (shown from its
# -v:n log), and how long that no-op build takes next to a build with the spec touched, which must regenerate.
# Usage: bash benchmarks/build-noop.sh [runs]   (hyperfine when installed, else `date +%s%N` around each build)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

runs=${1:-5}
project=src/Plaid.Partner/Plaid.Partner.csproj
spec=openapi/plaid-partner.yml
marker="Plaid.Partner: generating"
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

echo "==> full build of $project (spec touched, so NSwag runs once)"
dotnet restore "$project" >/dev/null
touch "$spec"
dotnet build "$project" --no-restore -v:n > "$logs/full.log" || { tail -n 30 "$logs/full.log" >&2; exit 1; }
generated=$(grep -c "$marker" "$logs/full.log" || true)
echo "NSwag runs in the full build: $generated"
if [ "$generated" -ne 1 ]; then echo "build-noop: expected NSwag to run once in the full build" >&2; exit 1; fi

echo "==> no-op build, -v:n log"
dotnet build "$project" --no-restore -v:n > "$logs/noop.log" || { tail -n 30 "$logs/noop.log" >&2; exit 1; }
if grep -q "$marker" "$logs/noop.log"; then
  echo "build-noop: the no-op build ran NSwag; the generation target is not incremental" >&2
  exit 1
fi
grep -E 'Skipping target "PlaidGenerateClient"' "$logs/noop.log" | sed 's/^ */  /' | sort -u
echo "NSwag did not run in the no-op build (no \"$marker\" line)."

echo "==> timing: no-op build vs build with the spec touched ($runs runs each)"
noop_cmd="dotnet build $project --no-restore -v:q -nologo"
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 1 --runs "$runs" --export-markdown "$logs/times.md" \
    --prepare "true" --prepare "touch $spec" \
    -n "no-op build" "$noop_cmd" \
    -n "build with the spec touched" "$noop_cmd"
  cat "$logs/times.md"
else
  measure() { # prints milliseconds for one build; $1 = touch the spec first (yes/no)
    [ "$1" = yes ] && touch "$spec"
    local start end
    start=$(date +%s%N); $noop_cmd >/dev/null; end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
  }
  for kind in no yes; do
    times=()
    measure "$kind" >/dev/null # warm-up
    for _ in $(seq "$runs"); do times+=("$(measure "$kind")"); done
    sorted=$(printf '%s\n' "${times[@]}" | sort -n)
    label=$([ "$kind" = yes ] && echo "build with the spec touched" || echo "no-op build")
    echo "$label: median $(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p") ms (runs: ${times[*]} ms)"
  done
fi

# Regenerating from an unchanged spec must reproduce the committed file exactly.
git diff --exit-code --stat -- generated/
