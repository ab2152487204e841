import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-salla-client [--target NAME] [--check]`:
/// writes each target's generated client into the target's `Generated` folder, for teams that
/// commit generated code; `--check` writes nothing and fails when the committed code is stale.
/// A target takes part when it holds a `sallagen.yaml` or OpenAPI documents, as for SallaGenPlugin.
@main struct GenerateSallaClient: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let named = extractor.extractOption(named: "target")
        let check = extractor.extractFlag(named: "check") > 0
        let targets = context.package.targets.compactMap { $0 as? SourceModuleTarget }
            .filter { named.isEmpty || named.contains($0.name) }
        for name in named where !targets.contains(where: { $0.name == name }) {
            throw PluginFailure("no source target named '\(name)' in \(context.package.displayName)")
        }
        let tool = try context.tool(named: "sallagen").url
        var generated = 0
        for target in targets {
            let documents = TargetDocuments(files: target.sourceFiles.map(\.url))
            guard !documents.isEmpty else { continue }
            let arguments = documents.arguments(output: target.directoryURL.appending(path: "Generated")) + (check ? ["--check"] : [])
            let process = try Process.run(tool, arguments: arguments)
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw PluginFailure(check ? "the generated client of \(target.name) is out of date; run generate-salla-client" : "sallagen failed for \(target.name)")
            }
            generated += 1
        }
        if generated == 0 { Diagnostics.warning("no target holds a sallagen.yaml or an OpenAPI document; nothing was generated") }
    }
}

struct PluginFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
