// libFuzzer entry point over the whole in-memory pipeline: load, read, merge, shape, render.
// Not part of Package.swift; `Fuzz/build.sh` compiles it against the built library modules.
//
// Input format: the bytes are split on the line `---8<---` (that is, "\n---8<---\n") into at
// most 4 documents, named doc0.yaml ... doc3.yaml; pieces past the fourth are ignored. Each is
// loaded from its raw bytes as `sallagen` loads a file (invalid UTF-8 is a load error), and the
// stages are chained as `Generator.generate` chains them (rendering through `Renderer.render`,
// which spreads the files over the cores): any error stops the run, as it would there.
// The fuzzer looks for crashes (traps, overflows, out-of-range indexing), memory errors, leaks,
// hangs and runaway memory; diagnostics are expected output, not findings.
import Diagnostics
import OpenAPIReader
import SwiftShaping
import TemplateRendering
import YAMLLoader

private let templates = try! TemplateLibrary(overrides: nil)
private let separator = Array("\n---8<---\n".utf8)

func documents(_ bytes: [UInt8]) -> [[UInt8]] {
    var pieces: [[UInt8]] = [], start = 0, index = 0
    while index + separator.count <= bytes.count, pieces.count < 4 {
        if bytes[index..<index + separator.count].elementsEqual(separator) {
            pieces.append(Array(bytes[start..<index]))
            index += separator.count
            start = index
        } else {
            index += 1
        }
    }
    if pieces.count < 4 { pieces.append(Array(bytes[start...])) }
    return pieces
}

func hasErrors(_ diagnostics: [Diagnostic]) -> Bool { diagnostics.contains { $0.severity == .error } }

func run(_ bytes: [UInt8]) {
    var parts: [OpenAPIReader.DocumentPart] = []
    for (index, document) in documents(bytes).enumerated() {
        let file = "doc\(index).yaml"
        guard let root = try? YAMLLoader.load(bytes: document, file: file) else { return }
        parts.append(OpenAPIReader.readDocument(OpenAPIReader.Document(file: file, root: root)))
    }
    let merged = OpenAPIReader.merge(parts)
    guard !merged.spec.operations.isEmpty, !hasErrors(merged.diagnostics) else { return }
    let names = parts.indices.map { "doc\($0).yaml" }
    let shaped = SwiftShaper.shape(merged.spec, options: ShapingOptions(accessLevel: .public, sourceNames: names))
    guard !hasErrors(shaped.diagnostics) else { return }
    if case .failure(let diagnostic) = Renderer.render(shaped.model, with: templates) {
        preconditionFailure("rendering failed: \(diagnostic)")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPipeline(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}
