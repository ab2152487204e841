import Diagnostics
import Foundation
import OpenAPIReader
import OutputWriter
import SpecIR
import SwiftShaping
import TemplateRendering
import YAMLLoader

/// The whole pipeline: read YAML, build the spec IR, shape Swift, render templates.
public enum Generator {
    /// Models are spread over this many files so a build compiles them on several cores at once.
    public static let modelShardCount = 4

    /// The fixed set of files a run produces, known before any spec is read, so a build tool can declare them.
    public static let outputFiles: [(name: String, template: String)] =
        (1...modelShardCount).map { ("Models\($0).swift", "models") } + [
            ("Client.swift", "client"),
            ("Validation.swift", "validation"),
        ]

    /// The models file a top-level type goes to: by a hash of its name, so a type stays in its
    /// file when others come and go and regenerating touches only the files that changed.
    static func modelShard(of name: String) -> Int {
        Int(SwiftNaming.stableHash(name) % UInt32(modelShardCount))
    }

    public struct Options: Sendable {
        public var inputs: [String]
        public var templatesDirectory: String?
        public var accessLevel: AccessLevel

        public init(inputs: [String], templatesDirectory: String? = nil, accessLevel: AccessLevel = .public) {
            self.inputs = inputs
            self.templatesDirectory = templatesDirectory
            self.accessLevel = accessLevel
        }
    }

    public struct Output: Sendable {
        /// Empty when any error was found: nothing is generated from a broken spec.
        public var files: [OutputFile]
        public var diagnostics: [Diagnostic]
        public var spec: Spec?
        public var model: RenderModel?
        public var operationCount: Int
        public var modelCount: Int

        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    public static func generate(_ options: Options) -> Output {
        var diagnostics = DiagnosticBag()
        let merged = mergedSpec(inputs: options.inputs)
        diagnostics.append(contentsOf: merged.diagnostics)
        guard let spec = merged.spec, !diagnostics.hasErrors else {
            return Output(files: [], diagnostics: diagnostics.sorted, spec: merged.spec, model: nil, operationCount: 0, modelCount: 0)
        }
        let names = merged.files.map { ($0 as NSString).lastPathComponent }
        let shaped = SwiftShaper.shape(spec, options: ShapingOptions(accessLevel: options.accessLevel, sourceNames: names))
        diagnostics.append(contentsOf: shaped.diagnostics)

        let templates: TemplateLibrary
        do {
            templates = try TemplateLibrary(overrides: options.templatesDirectory)
        } catch {
            diagnostics.error(error.message, at: SourceLocation(file: error.file, line: error.line, column: error.column))
            return Output(files: [], diagnostics: diagnostics.sorted, spec: spec, model: nil, operationCount: 0, modelCount: 0)
        }
        var model = shaped.model
        model.types = model.types.concurrentMap { type in
            var type = type
            renderNested(&type, with: templates)
            return type
        }
        // The model becomes template values once; each models file then sees only its own types.
        let whole = model.templateValue
        let typeValues = model.types.map(\.templateValue)
        let shards = model.types.map { modelShard(of: $0.name) }
        let perFile = outputFiles.indices.map { index in
            guard index < modelShardCount else { return TemplateValues(whole) }
            var values = whole
            values["types"] = zip(typeValues, shards).filter { $0.1 == index }.map(\.0)
            return TemplateValues(values)
        }
        let rendered = Array(zip(outputFiles.map(\.template), perFile)).concurrentMap { template, values in
            templates.render(values.values, template: template)
        }
        var outputs: [OutputFile] = []
        for (file, text) in zip(outputFiles, rendered) {
            guard let text else {
                diagnostics.error("no template named '\(file.template)' for \(file.name)", at: nil)
                continue
            }
            outputs.append(OutputFile(name: file.name, contents: text))
        }
        let failed = diagnostics.hasErrors
        return Output(
            files: failed ? [] : outputs, diagnostics: diagnostics.sorted, spec: spec, model: model,
            operationCount: shaped.model.operationCount, modelCount: shaped.model.modelCount)
    }

    /// Template values handed to a rendering thread. They hold only strings, booleans, arrays and
    /// dictionaries, built before rendering starts and never changed, so sharing them is safe.
    struct TemplateValues: @unchecked Sendable {
        let values: [String: Any]
        init(_ values: [String: Any]) { self.values = values }
    }

    /// Renders nested declarations innermost first and indents them into their parent.
    static func renderNested(_ decl: inout TypeDecl, with templates: TemplateLibrary) {
        for index in decl.structDecl.indices {
            decl.structDecl[index].nestedSource = decl.structDecl[index].nested.map { child in
                var child = child
                renderNested(&child, with: templates)
                let text = templates.render(child.templateValue, template: "type") ?? ""
                return text.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.isEmpty ? "" : "    " + $0 }
                    .joined(separator: "\n")
                    .trimmingCharacters(in: .newlines)
            }
        }
    }

    /// Files named directly, and *.yaml, *.yml, *.json found under named folders, sorted and deduplicated.
    public static func expandInputs(_ inputs: [String], diagnostics: inout DiagnosticBag) -> [String] {
        var files = Set<String>()
        let manager = FileManager.default
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: input, isDirectory: &isDirectory) else {
                diagnostics.error("no such file or folder: \(input)", at: nil)
                continue
            }
            guard isDirectory.boolValue else {
                files.insert(input)
                continue
            }
            let base = input.hasSuffix("/") ? String(input.dropLast()) : input
            // The enumerator does not descend into a folder named through a symbolic link.
            let found = (manager.enumerator(atPath: (input as NSString).resolvingSymlinksInPath)?.allObjects as? [String] ?? []).filter {
                ["yaml", "yml", "json"].contains(($0 as NSString).pathExtension.lowercased())
            }
            if found.isEmpty { diagnostics.warning("no *.yaml, *.yml or *.json files in \(input)", at: nil) }
            for path in found { files.insert(base + "/" + path) }
        }
        return files.sorted()
    }
}
