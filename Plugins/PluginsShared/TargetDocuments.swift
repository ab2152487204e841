import Foundation

/// What a target gives sallagen: its `sallagen.yaml`, else its OpenAPI documents. Shared by the
/// build and command plugins (each links this folder), which cannot import the generator.
struct TargetDocuments {
    static let configurationName = "sallagen.yaml"

    var configuration: URL?
    /// The target's OpenAPI documents: `*.yaml`, `*.yml`, `*.json` with an `openapi` key.
    var documents: [URL]
    /// Every file whose change may change the output: specs, the configuration, templates.
    var inputs: [URL]

    init(files: [URL]) {
        let configuration = files.first { $0.lastPathComponent == Self.configurationName }
        self.configuration = configuration
        documents = files.filter { $0 != configuration && Self.isOpenAPIDocument($0) }
        // With a configuration, sallagen reads the documents it names; every candidate is an
        // input, so editing any of them regenerates.
        inputs = files.filter { ["yaml", "yml", "json", "mustache"].contains($0.pathExtension.lowercased()) }
    }

    var isEmpty: Bool { configuration == nil && documents.isEmpty }

    /// sallagen's arguments for writing into `output`: the configuration, else the documents.
    func arguments(output: URL) -> [String] {
        let sources = configuration.map { ["--config", $0.path(percentEncoded: false)] } ?? documents.map { $0.path(percentEncoded: false) }
        return sources + ["-o", output.path(percentEncoded: false)]
    }

    /// Whether the file's first lines name an OpenAPI version, as `openapi: 3.0.1` or `"openapi": "3.1.0"`.
    static func isOpenAPIDocument(_ url: URL) -> Bool {
        guard ["yaml", "yml", "json"].contains(url.pathExtension.lowercased()),
              let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let head = String(decoding: (try? handle.read(upToCount: 4096)) ?? Data(), as: UTF8.self)
        return head.split(whereSeparator: \.isNewline).contains { line in
            let text = line.trimmingCharacters(in: .whitespaces)
            return text.hasPrefix("openapi:") || text.hasPrefix("\"openapi\"") || text.hasPrefix("{\"openapi\"")
        }
    }
}
