#!/usr/bin/env bash
# P7 (issue 21): the whole-process cost of a first call. Builds benchmarks/Plaid.Partner.FirstCall once in Release,
# then runs each mode N times, alternating, and prints the medians of the whole process's wall
# time (fork to exit, `date +%s%N`), of the program's own Main-to-answer time and of the JIT's counts
# (System.Runtime.JitInfo), and the library's ratio to the hand-written client. Target: wall time ratio <= 1.3.
# Modes: library (PlaidPartnerClient), hand-written (HttpClient + Newtonsoft.Json + own models, the baseline) and
# hand-written-library-models (the baseline's code reading into the library's generated models: the models' share).
#   bash benchmarks/first-call.sh [N]      (N defaults to 15; at least 10)
set -euo pipefail

runs="${1:-15}"
if (( runs < 10 )); then
  echo "first-call.sh: at least 10 runs per mode (got $runs)" >&2
  exit 2
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$root/benchmarks/Plaid.Partner.FirstCall"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

echo "==> building $project (Release)" >&2
dotnet build "$project/Plaid.Partner.FirstCall.csproj" -c Release -v:q -nologo >&2
program="$project/bin/Release/net10.0/Plaid.Partner.FirstCall.dll"

# One untimed run of each first, so both modes start with the same warm disk cache.
for mode in library hand-written hand-written-library-models; do
  dotnet "$program" "$mode" > /dev/null
done

for ((i = 1; i <= runs; i++)); do
  for mode in library hand-written hand-written-library-models; do
    start=$(date +%s%N)
    line="$(dotnet "$program" "$mode")"
    end=$(date +%s%N)
    echo "$mode wall_ms=$(( (end - start) / 1000000 )) ${line#"$mode "}" | tee -a "$out/runs.txt" >&2
  done
done

# Median of field NAME (key=value) over the lines of MODE.
median() {
  grep "^$1 " "$out/runs.txt" | tr ' ' '\n' | sed -n "s/^$2=//p" | sort -g |
    awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo
printf '%-28s %10s %16s %12s %10s\n' mode wall_ms main_to_answer_ms jit_methods jit_ms
for mode in hand-written hand-written-library-models library; do
  printf '%-28s %10s %16s %12s %10s\n' "$mode" "$(median "$mode" wall_ms)" "$(median "$mode" main_to_answer_ms)" "$(median "$mode" jit_methods)" "$(median "$mode" jit_ms)"
done
for field in wall_ms main_to_answer_ms jit_methods; do
  awk -v f="$field" -v l="$(median library "$field")" -v h="$(median hand-written "$field")" \
    'BEGIN { printf "library / hand-written, ratio of medians, %s: %.2fx\n", f, l / h }'
done
echo "($runs runs per mode, medians; target: wall_ms ratio <= 1.3)"
