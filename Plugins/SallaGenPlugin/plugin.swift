import Foundation
import PackagePlugin

/// Generates the Salla client of a target from the OpenAPI documents inside it, as a build command:
/// SwiftPM runs it again only when a document, the configuration or a template changed.
@main struct SallaGenPlugin: BuildToolPlugin {
    /// The files `sallagen` writes, known before any spec is read. A test keeps this list in step
    /// with the generator's own (the plugin cannot import it).
    static let outputFiles = ["Models1.swift", "Models2.swift", "Models3.swift", "Models4.swift", "Client.swift", "Validation.swift"]

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        return try Self.commands(files: target.sourceFiles.map(\.url), targetName: target.name, workDirectory: context.pluginWorkDirectoryURL) {
            try context.tool(named: $0).url
        }
    }

    /// The one build command for a target made of `files`.
    static func commands(files: [URL], targetName: String, workDirectory: URL, tool: (String) throws -> URL) throws -> [Command] {
        let target = TargetDocuments(files: files)
        guard !target.isEmpty else {
            Diagnostics.warning("target \(targetName) has no OpenAPI document (a *.yaml, *.yml or *.json with an 'openapi' key) and no \(TargetDocuments.configurationName); nothing is generated")
            return []
        }
        let output = workDirectory.appending(path: "GeneratedSources")
        return [
            .buildCommand(
                displayName: "Generating the Salla client of \(targetName)",
                executable: try tool("sallagen"),
                arguments: target.arguments(output: output),
                inputFiles: target.inputs,
                outputFiles: Self.outputFiles.map { output.appending(path: $0) })
        ]
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
