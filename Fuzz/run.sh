#!/usr/bin/env bash
# Runs the pipeline fuzzer built by Fuzz/build.sh for SECONDS (default 60) on one core.
# The first run seeds .build-fuzz/corpus from specs/*.yaml and, when it exists beside the
# package, ../shared/salla-openapi (every document, plus a few same-folder pairs joined with
# the separator line so merging is fuzzed). Crashes, leaks, timeouts and OOMs are written to
# $FUZZ_ARTIFACTS (default /tmp/fuzz-findings/), outside the repository.
# Usage: Fuzz/run.sh [SECONDS] [extra libFuzzer flags...]
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
fuzzer=.build-fuzz/fuzz-pipeline
corpus=.build-fuzz/corpus
seeds="${SALLA_OPENAPI:-../shared/salla-openapi}"
artifacts="${FUZZ_ARTIFACTS:-/tmp/fuzz-findings/}"

[[ -x "$fuzzer" ]] || { echo "run.sh: $fuzzer missing; run Fuzz/build.sh first" >&2; exit 1; }

if [[ ! -d "$corpus" ]] || [[ -z "$(ls -A "$corpus")" ]]; then
    mkdir -p "$corpus"
    cp specs/*.yaml "$corpus/"
    if [[ -d "$seeds" ]]; then
        find "$seeds" -name '*.yaml' | sort | while read -r file; do
            name="${file#"$seeds"/}"
            cp "$file" "$corpus/${name//\//_}"
        done
        # Pairs: the first two documents of every fourth folder; one triple.
        n=0 tripled=0
        for dir in "$seeds"/*/; do
            mapfile -t docs < <(find "$dir" -maxdepth 1 -name '*.yaml' | sort)
            if (( n % 4 == 0 && ${#docs[@]} >= 2 )); then
                { cat "${docs[0]}"; printf '\n---8<---\n'; cat "${docs[1]}"; } > "$corpus/pair-$n.yaml"
            fi
            if (( tripled == 0 && ${#docs[@]} >= 3 )); then
                tripled=1
                { cat "${docs[0]}"; printf '\n---8<---\n'; cat "${docs[1]}"; printf '\n---8<---\n'; cat "${docs[2]}"; } > "$corpus/triple-$n.yaml"
            fi
            n=$((n + 1))
        done
    else
        echo "run.sh: $seeds not found; seeding from specs/ only" >&2
    fi
    echo "seeded $corpus with $(ls "$corpus" | wc -l) inputs"
fi

mkdir -p "$artifacts"
exec nice -n 10 "$fuzzer" "$corpus" \
    -dict=Fuzz/openapi.dict -artifact_prefix="$artifacts" \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=262144 \
    -print_final_stats=1 "$@"
