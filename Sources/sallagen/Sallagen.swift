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
            merges them, and writes Models.swift, Client.swift and Validation.swift into the output folder. \
            Only files whose contents change are rewritten; files sallagen did not generate are never touched.

            Exit status: 0 on success, 1 when the specs have errors (or --check finds a difference), 2 on usage errors.

            Examples:
              sallagen specs/customers.yaml -o Generated
              sallagen ../shared/salla-openapi -o Sources/SallaAPI --access-level internal
              sallagen specs/customers.yaml -o Generated --check
              sallagen specs/customers.yaml -o Generated --templates MyTemplates
            """
    )

    @Argument(help: "OpenAPI documents, or folders to search for them.")
    var specs: [String] = []

    @Option(name: .shortAndLong, help: "The folder to write the generated Swift files into.")
    var output: String

    @Option(help: "A folder of .mustache templates that replace the built-in templates of the same name.")
    var templates: String?

    @Flag(help: "Write nothing; exit 1 when the output folder differs from what would be generated.")
    var check = false

    @Option(help: "Access level of the generated declarations: public or internal.")
    var accessLevel: AccessLevel = .public

    func validate() throws {
        if specs.isEmpty { throw ValidationError("give at least one OpenAPI document or folder") }
    }

    func run() throws {
        let result = Generator.generate(.init(inputs: specs, templatesDirectory: templates, accessLevel: accessLevel))
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
        if check {
            for file in plan.changed { standardError("\(output)/\(file.name): would change") }
            print("sallagen: \(result.operationCount) operations, \(result.modelCount) models; \(plan.changed.count) of \(result.files.count) files out of date")
            if !plan.changed.isEmpty { throw ExitCode(1) }
            return
        }
        if let failure = OutputWriter.write(plan, to: output) {
            report([failure])
            throw ExitCode(1)
        }
        print("sallagen: \(result.operationCount) operations, \(result.modelCount) models, \(warnings) warnings; \(plan.changed.count) files written, \(plan.unchanged.count) unchanged")
    }

    private func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { standardError(diagnostic.description) }
    }
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
            standardError("sallagen: error: " + fullMessage(for: error))
            Foundation.exit(code == .failure ? 1 : 2)
        }
    }
}
