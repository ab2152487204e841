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

    /// Files named directly, and *.yaml, *.yml, *.json found under named folders, sorted and
    /// deduplicated. Folders named or reached through symbolic links are searched as their targets.
    public static func expandInputs(_ inputs: [String], diagnostics: inout DiagnosticBag) -> [String] {
        var files = Set<String>()
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                diagnostics.error("no such file or folder: \(input)", at: nil)
                continue
            }
            guard isDirectory.boolValue else {
                files.insert(input)
                continue
            }
            var search = SpecSearch()
            search.collect(in: input.count > 1 && input.hasSuffix("/") ? String(input.dropLast()) : input)
            if search.found.isEmpty && search.diagnostics.all.isEmpty {
                diagnostics.warning("no *.yaml, *.yml or *.json files in \(input)", at: nil)
            }
            diagnostics.append(contentsOf: search.diagnostics.all)
            files.formUnion(search.found)
        }
        return files.sorted()
    }
}

/// A walk through a folder for spec files, following symbolic links once each.
private struct SpecSearch {
    var found: [String] = []
    var diagnostics = DiagnosticBag()
    private var visited = Set<String>()

    static func isSpec(_ name: String) -> Bool {
        ["yaml", "yml", "json"].contains((name as NSString).pathExtension.lowercased())
    }

    mutating func collect(in folder: String) {
        // A link back up the tree would otherwise be walked for ever.
        guard let real = realpath(folder, nil) else { return }
        defer { free(real) }
        guard visited.insert(String(cString: real)).inserted else { return }
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() {
            let path = folder + "/" + name
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                if isDirectory.boolValue { collect(in: path) } else if Self.isSpec(name) { found.append(path) }
            } else if Self.isSpec(name) {
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
                diagnostics.error("cannot read \(path): it is a symbolic link to \(target), which does not exist", at: SourceLocation(file: path, line: 1, column: 1))
            }
        }
    }
}
