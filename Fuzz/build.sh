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

nice -n 10 swift build --scratch-path "$scratch" -c "$config" --target SallaGenKit \
    -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp

bin="$scratch/$config"
objects=()
for target in "${targets[@]}"; do
    found=("$bin/$target.build/"*.o)
    [[ -e "${found[0]}" ]] || { echo "build.sh: no objects for $target under $bin/$target.build" >&2; exit 1; }
    objects+=("${found[@]}")
done

opt=-O
[[ "$config" == debug ]] && opt=-Onone
nice -n 10 swiftc -parse-as-library -sanitize=fuzzer,address "$opt" -g -use-ld=lld \
    -I "$bin/Modules" -I Sources/CYAML \
    Fuzz/FuzzPipeline.swift "${objects[@]}" \
    $(pkg-config --libs yaml-0.1) \
    -o "$out"
echo "built $out"
