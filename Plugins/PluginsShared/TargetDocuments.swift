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
        // input, so editing any of them regenerates, and so is every template of the folder it names.
        inputs = files.filter { ["yaml", "yml", "json", "mustache"].contains($0.pathExtension.lowercased()) }
            + (configuration.map(Self.configuredTemplates) ?? [])
    }

    /// The `*.mustache` files of the folder a configuration's top-level `templates:` line names.
    /// (The plugin cannot use the generator's YAML reader; sallagen itself reports a malformed line.)
    static func configuredTemplates(_ configuration: URL) -> [URL] {
        guard let text = try? String(contentsOf: configuration, encoding: .utf8),
              let line = text.split(whereSeparator: \.isNewline).first(where: { $0.hasPrefix("templates:") }) else { return [] }
        var value = line.dropFirst("templates:".count).split(separator: "#").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        if value.count > 1, let quote = value.first, quote == "\"" || quote == "'", value.last == quote { value = String(value.dropFirst().dropLast()) }
        guard !value.isEmpty else { return [] }
        let folder = value.hasPrefix("/") ? URL(fileURLWithPath: value) : configuration.deletingLastPathComponent().appending(path: value)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path(percentEncoded: false))) ?? []
        return names.filter { $0.hasSuffix(".mustache") }.sorted().map { folder.appending(path: $0) }
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
