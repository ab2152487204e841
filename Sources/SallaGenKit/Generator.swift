import Diagnostics
import Foundation
import OpenAPIReader
import OutputWriter
import SpecIR
import SwiftShaping
import TemplateRendering
import YAMLLoader

/// The whole pipeline, stage by stage: read and merge the documents, shape the Swift, render the
/// files. Writing them is the caller's (the CLI plans and writes; tests compare).
public enum Generator {
    /// The fixed set of files a run produces, known before any spec is read.
    public static var outputFiles: [String] { Renderer.outputFiles.map(\.name) }

    /// This generator's version, which every generated file's header names.
    public static var version: String { Renderer.generatorVersion }

    public struct Options: Sendable {
        public var inputs: [String]
        public var templatesDirectory: String?
        public var accessLevel: AccessLevel
        /// The configuration whose operation filters apply (its other settings are the caller's to merge).
        public var configuration: Configuration?

        public init(inputs: [String], templatesDirectory: String? = nil, accessLevel: AccessLevel = .public, configuration: Configuration? = nil) {
            self.inputs = inputs
            self.templatesDirectory = templatesDirectory
            self.accessLevel = accessLevel
            self.configuration = configuration
        }
    }

    public struct Output: Sendable {
        /// Empty when any error was found: nothing is generated from a broken spec.
        public var files: [OutputFile] = []
        public var diagnostics: [Diagnostic] = []
        public var spec: Spec?
        public var model: RenderModel?

        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
        public var operationCount: Int { model?.operationCount ?? 0 }
        public var modelCount: Int { model?.modelCount ?? 0 }
    }

    public static func generate(_ options: Options) -> Output {
        render(shape(options), templatesDirectory: options.templatesDirectory)
    }

    /// The files for `shape`'s output. Rendering reads only the model, so a caller that needs no
    /// spec may drop it first and keep memory to one of the two.
    public static func render(_ shaped: Output, templatesDirectory: String?) -> Output {
        var output = shaped
        guard let model = output.model, !output.hasErrors else { return output }
        let rendered = Result { () throws(TemplateLibrary.LoadError) in try TemplateLibrary(overrides: templatesDirectory) }
            .mapError { Diagnostic.error($0.message, at: SourceLocation(file: $0.file, line: $0.line, column: $0.column)) }
            .flatMap { Renderer.render(model, with: $0) }
        switch rendered {
        case .success(let files): output.files = files
        case .failure(let diagnostic): output.diagnostics.append(diagnostic)
        }
        return output.sorted()
    }

    /// The stages up to the render model (read and merge, filter, shape), for callers that need
    /// the model and no files, such as `sallagen diff`.
    public static func shape(_ options: Options) -> Output {
        var output = Output()
        let merged = mergedSpec(inputs: options.inputs)
        output.spec = merged.spec
        output.diagnostics = merged.diagnostics
        guard var spec = merged.spec, !merged.hasErrors else { return output }
        if let configuration = options.configuration {
            var diagnostics = DiagnosticBag()
            spec = configuration.filter(spec, diagnostics: &diagnostics)
            output.diagnostics += diagnostics.all
            guard !output.hasErrors else { return output.sorted() }
        }

        let sources = merged.files.map { ($0 as NSString).lastPathComponent }
        let shaped = SwiftShaper.shape(spec, options: ShapingOptions(
            accessLevel: options.accessLevel, sourceNames: sources, renames: options.configuration?.renames ?? Renames()))
        output.diagnostics = (output.diagnostics + shaped.diagnostics)
        output.model = shaped.model
        return output.sorted()
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

private extension Generator.Output {
    /// The same output with its diagnostics in printed order.
    func sorted() -> Self {
        var copy = self
        var bag = DiagnosticBag()
        bag.append(contentsOf: diagnostics)
        copy.diagnostics = bag.sorted
        return copy
    }
}
