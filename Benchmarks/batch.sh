#!/usr/bin/env bash
# The batch target of issue 7: 300 reports (75 communes × 4 periods) in one `baocao compile`.
#
#   bash Benchmarks/batch.sh [runs]
#
# Builds baocao in release mode, makes 75 commune folders (each a copy of the shipped plan and
# its illustrative data) under a temporary folder, and times the batch with hyperfine, each run
# into an empty output folder. Two ways of emptying it are timed, because on this machine's ext4
# (no journal) they differ: creating files soon after thousands were deleted makes the kernel
# skip over the recently deleted inodes one by one.
#   - "moved aside": the previous output is renamed away and deleted after the benchmark;
#   - "deleted": the previous output is deleted (`rm -rf`) just before each run.
set -euo pipefail

runs="${1:-6}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/baocao-batch.XXXXXX)"
trap 'rm -rf "$work"' EXIT

command -v hyperfine >/dev/null || { echo "hyperfine is needed (apt-get install hyperfine)" >&2; exit 1; }
(cd "$root" && swift build -c release --scratch-path .build-release >/dev/null)
baocao="$root/.build-release/release/baocao"

plan="$(ls "$root"/Plans/*.yaml | sort | tail -1)"
args=()
for i in $(seq -w 1 75); do
    mkdir -p "$work/xa-$i"
    cp "$plan" "$work/xa-$i/ke-hoach.yaml"
    cp -r "$root/Plans/data" "$work/xa-$i/data"
    args+=(--plan "$work/xa-$i/ke-hoach.yaml")
done
command=("$baocao" compile "${args[@]}" --period 2026-Q1,2026-Q2,2026-H1,2026-Q3 --out "$work/out")
mkdir -p "$work/aside"

echo "Output moved aside before each run:"
hyperfine -N -r "$runs" --prepare "sh -c 'mv $work/out $work/aside/\$(date +%s%N) 2>/dev/null; sync; true'" "${command[*]}" |
    grep -E "Time|Range"
rm -rf "$work/aside" "$work/out"
echo "Output deleted just before each run:"
hyperfine -N -r "$runs" --prepare "sh -c 'rm -rf $work/out; sync'" "${command[*]}" | grep -E "Time|Range"
