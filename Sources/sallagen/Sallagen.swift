import APIDiff
import ArgumentParser
import Diagnostics
import Foundation
import OutputWriter
import SallaGenKit
import SwiftShaping

extension AccessLevel: ExpressibleByArgument {}

@main
struct Sallagen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sallagen",
        abstract: "Generate a typed Swift client for the Salla Merchant API from OpenAPI documents.",
        discussion: """
            Reads OpenAPI 3.0/3.1 documents (files, or folders searched for *.yaml, *.yml and *.json), \
            merges them, and writes \(Generator.outputFiles.joined(separator: ", ")) into the output folder. \
            Only files whose contents change are rewritten; files sallagen did not generate are never touched. \
            Generating is the default subcommand, so `sallagen SPEC... -o DIR` means `sallagen generate SPEC... -o DIR`; \
            `sallagen merge SPEC... -o FILE` writes the merged, normalised OpenAPI document instead.

            Exit status: 0 on success, 1 when the specs have errors (or --check finds a difference), 2 on usage errors.

            Examples:
              sallagen specs/customers.yaml -o Generated
              sallagen ../shared/salla-openapi -o Sources/SallaAPI --access-level internal
              sallagen specs/customers.yaml -o Generated --check
              sallagen specs/customers.yaml -o Generated --templates MyTemplates
              sallagen --config Sources/SallaAPI/sallagen.yaml -o Sources/SallaAPI/Generated
              sallagen merge ../shared/salla-openapi -o salla-merged.yaml
            """,
        version: Generator.version,
        subcommands: [Generate.self, Merge.self, Diff.self],
        defaultSubcommand: Generate.self
    )
}

/// What `generate` and `merge` both take: the documents to read (or a configuration naming
/// them), and whether to only compare.
struct InputOptions: ParsableArguments {
    @Argument(help: "OpenAPI documents, or folders to search for them (given here, they replace the configuration's).")
    var specs: [String] = []

    @Option(help: "A sallagen.yaml configuration: specs, access level, templates, operation filters (see README). Not looked for unless given.")
    var config: String?

    @Flag(help: "Write nothing; exit 1 when the output differs from what would be written.")
    var check = false

    func validate() throws {
        if specs.isEmpty && config == nil { throw ValidationError("give at least one OpenAPI document or folder, or --config") }
    }

    /// The configuration, if one was given; exits 1 with its located errors when it is not valid.
    func loadConfiguration() throws -> Configuration? {
        guard let config else { return nil }
        let loaded = Configuration.load(config)
        report(loaded.diagnostics)
        guard let configuration = loaded.configuration else { throw ExitCode(1) }
        return configuration
    }

    /// The documents to read: those given on the command line, else the configuration's.
    func documents(_ configuration: Configuration?) throws -> [String] {
        let documents = specs.isEmpty ? configuration?.specs ?? [] : specs
        if documents.isEmpty, let config {
            report([.error("the configuration names no specs and none are given", at: SourceLocation(file: config, line: 1, column: 1))])
            throw ExitCode(1)
        }
        return documents
    }
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the Swift client for OpenAPI documents into a folder (the default subcommand).",
        discussion: """
            Examples:
              sallagen specs/customers.yaml -o Generated
              sallagen generate ../shared/salla-openapi -o Sources/SallaAPI --access-level internal
            """
    )

    @OptionGroup var inputs: InputOptions

    @Option(name: .shortAndLong, help: "The folder to write the generated Swift files into.")
    var output: String

    @Option(help: "A folder of .mustache templates that replace the built-in templates of the same name.")
    var templates: String?

    @Option(help: "Access level of the generated declarations: public (the default) or internal.")
    var accessLevel: AccessLevel?

    func run() throws {
        // A flag given on the command line wins over the configuration.
        let configuration = try inputs.loadConfiguration()
        let templatesDirectory = templates ?? configuration?.templates
        var shaped = Generator.shape(.init(
            inputs: try inputs.documents(configuration), templatesDirectory: templatesDirectory,
            accessLevel: accessLevel ?? configuration?.accessLevel ?? .public, configuration: configuration))
        shaped.spec = nil  // rendering reads only the model
        let result = Generator.render(shaped, templatesDirectory: templatesDirectory)
        report(result.diagnostics)
        guard !result.hasErrors else { throw ExitCode(1) }

        let plan: OutputWriter.Plan
        switch OutputWriter.plan(result.files, in: output) {
        case .success(let value): plan = value
        case .failure(let diagnostic):
            report([diagnostic])
            throw ExitCode(1)
        }
        let warnings = result.diagnostics.filter { $0.severity == .warning }.count
        if inputs.check {
            for file in plan.changed { standardError("\(output)/\(file.name): would change") }
            print("sallagen: \(result.operationCount) operations, \(result.modelCount) models; \(plan.changed.count) of \(result.files.count) files out of date")
            if !plan.changed.isEmpty { throw ExitCode(1) }
            return
        }
        if let failure = OutputWriter.write(plan) {
            report([failure])
            throw ExitCode(1)
        }
        print("sallagen: \(result.operationCount) operations, \(result.modelCount) models, \(warnings) warnings; \(plan.changed.count) files written, \(plan.unchanged.count) unchanged")
    }
}

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge OpenAPI documents into one normalised OpenAPI YAML file.",
        discussion: """
            Reads and merges the inputs exactly as generating does and writes the result as one OpenAPI 3.0.3 \
            document. The file is written only when its contents change, and only over a file an earlier \
            `sallagen merge` wrote (its first line starts with "# Generated by sallagen merge"). The output file \
            is never read as an input. Generating from the merged document gives the same Swift as from the inputs.

            Examples:
              sallagen merge specs/customers/*.yaml specs/orders/*.yaml -o salla.yaml
              sallagen merge ../shared/salla-openapi -o salla.yaml --check
            """
    )

    @OptionGroup var inputs: InputOptions

    @Option(name: .shortAndLong, help: "The YAML file to write the merged document into.")
    var output: String

    func run() throws {
        let merged = Generator.mergedSpec(inputs: try inputs.documents(try inputs.loadConfiguration()), excluding: [output])
        report(merged.diagnostics)
        guard let spec = merged.spec, !merged.hasErrors else { throw ExitCode(1) }

        let text = MergedDocument.text(spec, documentCount: merged.files.count)
        let plan: OutputWriter.Plan
        switch MergedDocument.plan(text, at: output) {
        case .success(let value): plan = value
        case .failure(let diagnostic):
            report([diagnostic])
            throw ExitCode(1)
        }
        let changed = !plan.changed.isEmpty
        let warnings = merged.diagnostics.filter { $0.severity == .warning }.count
        let counts = "\(merged.files.count) document\(merged.files.count == 1 ? "" : "s"), \(spec.operations.count) operations, \(spec.types.count) schemas, \(warnings) warnings"
        if inputs.check {
            if changed { standardError("\(output): would change") }
            print("sallagen merge: \(counts); \(output) \(changed ? "out of date" : "up to date")")
            if changed { throw ExitCode(1) }
            return
        }
        if let failure = OutputWriter.write(plan) {
            report([failure])
            throw ExitCode(1)
        }
        print("sallagen merge: \(counts); \(output) \(changed ? "written" : "unchanged")")
    }
}

func report(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics { standardError(diagnostic.description) }
}

func standardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

extension Sallagen {
    /// Usage errors exit with 2, the convention this tool documents, instead of ArgumentParser's 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if error is ExitCode {
                Foundation.exit(code.rawValue)
            }
            // ArgumentParser starts its text with "Error: "; the diagnostic prefix already says so.
            let text = fullMessage(for: error)
            standardError("sallagen: error: " + (text.hasPrefix("Error: ") ? String(text.dropFirst(7)) : text))
            Foundation.exit(code == .failure ? 1 : 2)
        }
    }
}

extension APIDiff.Format: ExpressibleByArgument {}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Say what changed in the generated Swift API between two versions of the docs.",
        discussion: """
            OLD and NEW are files or folders, read and merged as generating reads them. The comparison is made \
            on the Swift API a caller can touch (types, properties with their types, sent or received, enum \
            cases, methods with labels and types, parameters, fields validation requires), not on the YAML: \
            reworded descriptions, reordered keys and changed examples are no change.

            Exit status: 0 when nothing breaks, 1 when something does, 2 on usage errors, 3 when a spec has errors.

            Examples:
              sallagen diff old-docs new-docs
              sallagen diff old/Update-Customer.yaml new/Update-Customer.yaml --format markdown
            """
    )

    @Argument(help: "The earlier documents: a file or a folder.")
    var old: String

    @Argument(help: "The later documents: a file or a folder.")
    var new: String

    @Option(help: "text (the default), markdown (for a pull request comment) or json.")
    var format: APIDiff.Format = .text

    func run() throws {
        let versions = [old, new].map { Generator.shape(.init(inputs: [$0])) }
        let errors = versions.flatMap(\.diagnostics).filter { $0.severity == .error }
        guard errors.isEmpty, let before = versions[0].model, let after = versions[1].model else {
            report(errors)
            throw ExitCode(3)
        }
        let diff = APIDiff(old: APISurface(before), new: APISurface(after))
        print(diff.rendered(as: format), terminator: "")
        if diff.isBreaking { throw ExitCode(1) }
    }
}
