import Foundation
import PackagePlugin

/// Generates the Salla client of a target from the OpenAPI documents inside it, as a build command:
/// SwiftPM runs it again only when a document, the configuration or a template changed.
@main struct SallaGenPlugin: BuildToolPlugin {
    /// The files `sallagen` writes, known before any spec is read. A test keeps this list in step
    /// with the generator's own (the plugin cannot import it).
    static let outputFiles = ["Models1.swift", "Models2.swift", "Models3.swift", "Models4.swift", "Client.swift", "Validation.swift"]
    static let configurationName = "sallagen.yaml"

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        return try Self.commands(files: target.sourceFiles.map(\.url), targetName: target.name, workDirectory: context.pluginWorkDirectoryURL) {
            try context.tool(named: $0).url
        }
    }

    /// The one build command for a target made of `files`.
    static func commands(files: [URL], targetName: String, workDirectory: URL, tool: (String) throws -> URL) throws -> [Command] {
        let configuration = files.first { $0.lastPathComponent == Self.configurationName }
        let documents = files.filter { $0 != configuration && Self.isOpenAPIDocument($0) }
        // With a configuration, sallagen reads the documents it names; every candidate is an input,
        // so editing any of them regenerates.
        let candidates = files.filter { ["yaml", "yml", "json"].contains($0.pathExtension.lowercased()) && $0 != configuration }
        let templates = files.filter { $0.pathExtension == "mustache" }
        let output = workDirectory.appending(path: "GeneratedSources")
        var arguments = configuration == nil ? documents.map { $0.path(percentEncoded: false) } : []
        if let configuration { arguments += ["--config", configuration.path(percentEncoded: false)] }
        arguments += ["-o", output.path(percentEncoded: false)]
        guard configuration != nil || !documents.isEmpty else {
            Diagnostics.warning("target \(targetName) has no OpenAPI document (a *.yaml, *.yml or *.json with an 'openapi' key) and no \(Self.configurationName); nothing is generated")
            return []
        }
        return [
            .buildCommand(
                displayName: "Generating the Salla client of \(targetName)",
                executable: try tool("sallagen"),
                arguments: arguments,
                inputFiles: candidates + templates + (configuration.map { [$0] } ?? []),
                outputFiles: Self.outputFiles.map { output.appending(path: $0) })
        ]
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

#if canImport(XcodeProjectPlugin)
import XcodeProjectPlugin

/// The same build command for a target of an Xcode project.
extension SallaGenPlugin: XcodeBuildToolPlugin {
    func createBuildCommands(context: XcodePluginContext, target: XcodeTarget) throws -> [Command] {
        try Self.commands(files: target.inputFiles.map(\.url), targetName: target.displayName, workDirectory: context.pluginWorkDirectoryURL) {
            try context.tool(named: $0).url
        }
    }
}
#endif
