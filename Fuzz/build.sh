#!/usr/bin/env bash
# Builds the libFuzzer target Fuzz/FuzzPipeline.swift into .build-fuzz/fuzz-pipeline.
# The library targets are built by SwiftPM with ASan and coverage instrumentation only;
# libFuzzer itself is linked into the final binary alone, because `-sanitize=fuzzer` on the
# whole package would also link it into the embed-templates build tool and break that link.
# Usage: Fuzz/build.sh [release|debug]   (default release)
set -euo pipefail
cd "$(dirname "$0")/.."

config="${1:-release}"
scratch=.build-fuzz
out="$scratch/fuzz-pipeline"
targets=(Diagnostics YAMLLoader SpecIR OpenAPIReader SwiftShaping TemplateRendering OpenAPIWriter OutputWriter SallaGenKit Mustache)

flags=(-Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp)
# SwiftPM does not rebuild up-to-date targets when only -Xswiftc flags change: start over then.
stamp="$scratch/fuzz-flags-$config"
if [[ "$(cat "$stamp" 2>/dev/null)" != "${flags[*]}" ]]; then rm -rf "${scratch:?}/$config" "$scratch"/*/"$config"; fi
mkdir -p "$scratch"
nice -n 10 swift build --scratch-path "$scratch" -c "$config" --target SallaGenKit "${flags[@]}"
echo "${flags[*]}" > "$stamp"

bin="$scratch/$config"
# One object per current source file (the `sources` list SwiftPM writes), so objects left
# behind by a renamed or deleted file are not linked.
objects=()
for target in "${targets[@]}"; do
    list="$bin/$target.build/sources"
    [[ -f "$list" ]] || { echo "build.sh: no $list; did the build of $target run?" >&2; exit 1; }
    while read -r source; do
        objects+=("$bin/$target.build/$(basename "$source").o")
    done < "$list"
done

opt=-O
[[ "$config" == debug ]] && opt=-Onone
nice -n 10 swiftc -parse-as-library -sanitize=fuzzer,address "$opt" -g -use-ld=lld \
    -I "$bin/Modules" -I Sources/CYAML \
    Fuzz/FuzzPipeline.swift "${objects[@]}" \
    $(pkg-config --libs yaml-0.1) \
    -o "$out"
echo "built $out"
