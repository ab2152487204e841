import Diagnostics
import Foundation
import OpenAPIReader
import SallaGenKit
import SpecIR
import XCTest
import YAMLLoader

/// Helpers for the snippet tests: small OpenAPI fragments in, IR or rendered Swift out.
public enum Snippet {
    /// Wraps a `paths` fragment and a `components/schemas` fragment (both written from column 0)
    /// into a complete OpenAPI document.
    public static func document(schemas: String = "", paths: String = "", version: String = "3.0.3", title: String = "Snippet") -> String {
        var text = """
            openapi: \(version)
            info:
              title: \(title)
              version: "1.0"

            """
        if paths.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            text += "paths: {}\n"
        } else {
            text += "paths:\n" + indent(paths, by: 2)
        }
        if !schemas.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            text += "components:\n  schemas:\n" + indent(schemas, by: 4)
        }
        return text
    }

    public static func indent(_ text: String, by count: Int) -> String {
        let pad = String(repeating: " ", count: count)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n") + "\n"
    }

    /// One GET operation per component, each answering 200 with the component itself, so that
    /// the components are reachable and get declared.
    public static func responding(with names: [String]) -> String {
        var text = ""
        for (index, name) in names.enumerated() {
            text += """
                /probe-\(index):
                  get:
                    operationId: probe\(index)
                    responses:
                      '200':
                        description: OK
                        content:
                          application/json:
                            schema:
                              $ref: '#/components/schemas/\(name)'

                """
        }
        return text
    }

    /// One POST operation per component, each sending the component as its JSON body, so that
    /// the components are request types and get validation rules.
    public static func requesting(with names: [String]) -> String {
        var text = ""
        for (index, name) in names.enumerated() {
            text += """
                /send-\(index):
                  post:
                    operationId: send\(index)
                    requestBody:
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/\(name)'
                    responses:
                      '204':
                        description: No content

                """
        }
        return text
    }

    // MARK: Reading

    /// Loads and reads documents given as (file name, text) pairs.
    public static func read(_ documents: [(file: String, text: String)]) throws -> OpenAPIReader.Result {
        var loaded: [OpenAPIReader.Document] = []
        for document in documents {
            loaded.append(OpenAPIReader.Document(file: document.file, root: try YAMLLoader.load(text: document.text, file: document.file)))
        }
        return OpenAPIReader.read(loaded)
    }

    public static func read(schemas: String = "", paths: String = "", version: String = "3.0.3", file: String = "snippet.yaml") throws -> OpenAPIReader.Result {
        try read([(file, document(schemas: schemas, paths: paths, version: version))])
    }

    // MARK: Generating

    public struct Rendered {
        public var output: Generator.Output
        public var inputs: [String]

        public init(output: Generator.Output, inputs: [String]) {
            self.output = output
            self.inputs = inputs
        }

        public func file(_ name: String) -> String { output.files.first { $0.name == name }?.contents ?? "" }
        public var models: String { output.files.filter { $0.name.hasPrefix("Models") }.map(\.contents).joined() }
        public var client: String { file("Client.swift") }
        public var validation: String { file("Validation.swift") }
        public var diagnostics: [Diagnostic] { output.diagnostics }
        public var errors: [Diagnostic] { output.diagnostics.filter { $0.severity == .error } }
        public var warnings: [Diagnostic] { output.diagnostics.filter { $0.severity == .warning } }
    }

    /// A fresh temporary folder.
    public static func temporaryFolder() throws -> URL { try makeTemporaryFolder() }

    /// Writes each (relative path, text) into `folder` and returns the full paths in the given order.
    public static func write(_ files: [(path: String, text: String)], in folder: URL) throws -> [String] {
        var paths: [String] = []
        for file in files {
            let url = folder.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: url)
            paths.append(url.path)
        }
        return paths
    }

    /// Runs the whole pipeline on one document written to a temporary file.
    public static func generate(_ text: String, file: String = "snippet.yaml") throws -> Rendered {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = try write([(file, text)], in: folder)
        return Rendered(output: Generator.generate(.init(inputs: paths)), inputs: paths)
    }

    public static func generate(schemas: String = "", paths: String = "", version: String = "3.0.3") throws -> Rendered {
        try generate(document(schemas: schemas, paths: paths, version: version))
    }

    // MARK: Looking into the IR

    /// The property `name` of the object component `type`, failing the test where it is missing.
    public static func property(_ name: String, of type: String, in spec: Spec, file: StaticString = #filePath, line: UInt = #line) -> Property? {
        guard let named = spec.type(named: type) else {
            XCTFail("no type '\(type)' in \(spec.types.map(\.name))", file: file, line: line)
            return nil
        }
        guard case .object(let object) = named.schema.kind else {
            XCTFail("'\(type)' is not an object: \(named.schema.kind)", file: file, line: line)
            return nil
        }
        guard let found = object.properties.first(where: { $0.name == name }) else {
            XCTFail("'\(type)' has no property '\(name)'", file: file, line: line)
            return nil
        }
        return found
    }

    public static func errors(_ result: OpenAPIReader.Result) -> [Diagnostic] { result.diagnostics.filter { $0.severity == .error } }
    public static func warnings(_ result: OpenAPIReader.Result) -> [Diagnostic] { result.diagnostics.filter { $0.severity == .warning } }

    /// The location of a `position` in `file`.
    public static func location(_ file: String, _ position: (line: Int, column: Int)?) -> SourceLocation? {
        position.map { SourceLocation(file: file, line: $0.line, column: $0.column) }
    }

    // MARK: Several documents

    public static let customersFile = "customers/customers.yaml"
    public static let ordersFile = "orders/orders.yaml"

    /// A document with a `Customer` component of `properties`, returned by one GET operation.
    public static func customerDocument(_ properties: String, path: String, operationId: String, extraSchemas: String = "", returning: String = "Customer") -> String {
        document(schemas: """
            Customer:
              type: object
              properties:
            \(indent(properties, by: 4))\(extraSchemas)
            """, paths: """
            \(path):
              get:
                operationId: \(operationId)
                responses:
                  '200':
                    description: OK
                    content:
                      application/json:
                        schema:
                          $ref: '#/components/schemas/\(returning)'
            """)
    }

    /// Generates from several documents, reporting paths relative to their folder.
    public static func generate(files: [(path: String, text: String)], reversed: Bool = false) throws -> Snippet.Rendered {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = try write(files, in: folder)
        let output = Generator.generate(.init(inputs: reversed ? Array(paths.reversed()) : paths))
        // Report locations relative to the folder so runs in different folders compare equal.
        return Rendered(output: output, inputs: paths.map { String($0.dropFirst(folder.path.count + 1)) })
    }

    // MARK: Looking into text

    /// The 1-based line and column where `needle` starts (its `occurrence`-th match, from 1).
    public static func position(of needle: String, in text: String, occurrence: Int = 1) -> (line: Int, column: Int)? {
        var seen = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = Substring(line)
            while let range = rest.range(of: needle) {
                seen += 1
                if seen == occurrence {
                    return (index + 1, line.distance(from: line.startIndex, to: range.lowerBound) + 1)
                }
                rest = rest[range.upperBound...]
            }
        }
        return nil
    }

    /// The text of one top-level (or nested, by indentation) declaration `struct <name>` or
    /// `enum <name>`, from its first line to its closing brace at the same indentation.
    public static func declaration(_ keyword: String, _ name: String, in text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.contains("\(keyword) \(name): ") || $0.contains("\(keyword) \(name) {") }) else { return nil }
        let indentation = String(lines[start].prefix { $0 == " " })
        for index in (start + 1)..<lines.count where lines[index] == indentation + "}" {
            return lines[start...index].joined(separator: "\n")
        }
        return nil
    }

    /// The (Swift property name, wire key) pairs a struct decodes, in order, read from its own
    /// `init(from:)` lines `self.<name> = container.lenient(<Type>.self, forKey: "<key>")`;
    /// nested types' lines, indented deeper, are not included. The key is the string literal's
    /// text as written (escapes left as they are).
    public static func decodedKeys(ofStruct name: String, in text: String) -> [(name: String, key: String)] {
        memberKeys(ofStruct: name, in: text, prefix: "self.", infix: " = container.lenient(")
    }

    /// The (Swift property name, wire key) pairs a struct encodes, in order, read from its own
    /// `encode(to:)` lines `try container.encodeIfPresent(self.<name>, forKey: "<key>")`.
    public static func encodedKeys(ofStruct name: String, in text: String) -> [(name: String, key: String)] {
        memberKeys(ofStruct: name, in: text, prefix: "try container.encodeIfPresent(self.", infix: ", forKey: ")
    }

    private static func memberKeys(ofStruct name: String, in text: String, prefix: String, infix: String) -> [(name: String, key: String)] {
        guard let body = declaration("struct", name, in: text) else { return [] }
        let lines = body.split(separator: "\n").map(String.init)
        let indentation = String((lines.first ?? "").prefix { $0 == " " }) + String(repeating: " ", count: 8)
        var result: [(String, String)] = []
        for line in lines where line.hasPrefix(indentation + prefix) {
            let rest = line.dropFirst(indentation.count + prefix.count)
            guard let separator = rest.range(of: infix), let keyStart = rest.range(of: "forKey: \""),
                  rest.hasSuffix("\")") else { continue }
            let member = String(rest[..<separator.lowerBound])
            let key = String(rest[keyStart.upperBound...].dropLast(2))
            result.append((member, key))
        }
        return result
    }

    /// True for a Swift identifier spelled with ASCII letters, digits and underscores only,
    /// optionally wrapped in backticks.
    public static func isPlainIdentifier(_ name: String) -> Bool {
        let bare = name.hasPrefix("`") && name.hasSuffix("`") && name.count > 2 ? String(name.dropFirst().dropLast()) : name
        guard let first = bare.unicodeScalars.first else { return false }
        let letters = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_")
        let digits = CharacterSet(charactersIn: "0123456789")
        return letters.contains(first) && bare.unicodeScalars.allSatisfy { letters.contains($0) || digits.contains($0) }
    }

    // MARK: Compiling generated code


    /// The folder holding the running test bundle and the products built with it
    /// (`<scratch path>/<triple>/debug`), when it can be found.
    public static var builtProductsFolder: URL? {
        let starts = [Bundle(for: BundleMarker.self).bundleURL, Bundle.main.bundleURL, Bundle.main.executableURL].compactMap { $0 }
        for start in starts {
            // The bundle is a folder on macOS (`…/debug/X.xctest/Contents/MacOS/X`) and a file on Linux.
            var folder = start.resolvingSymlinksInPath()
            for _ in 0..<4 {
                if folder.pathExtension == "xctest" { return folder.deletingLastPathComponent() }
                folder = folder.deletingLastPathComponent()
            }
        }
        return nil
    }

    /// Type-checks the generated files against the built SallaRuntime module, returning the
    /// compiler's messages when it fails; throws `XCTSkip` when no built module or compiler is found.
    public static func typeCheck(_ rendered: Rendered, with extraFiles: [(path: String, text: String)] = []) throws -> String? {
        // The build these tests run from first (its SallaRuntime matches the generator under
        // test, whatever scratch path was used), then the package's default build folder.
        let ownBuild = builtProductsFolder.map { [$0.appendingPathComponent("Modules")] } ?? []
        let candidates = ownBuild + [".build/debug/Modules", ".build/x86_64-unknown-linux-gnu/debug/Modules", ".build/aarch64-unknown-linux-gnu/debug/Modules"]
            .map { packageRoot.appendingPathComponent($0) }
        guard let modules = candidates
            .first(where: { FileManager.default.fileExists(atPath: $0.appendingPathComponent("SallaRuntime.swiftmodule").path) }) else {
            if isContinuousIntegration { return "no built SallaRuntime module to type-check against" }
            throw XCTSkip("no built SallaRuntime module to type-check against")
        }
        guard let compiler = swiftCompiler else {
            // On CI a check that cannot run must not pass quietly.
            if isContinuousIntegration { return "no swiftc found (PATH, SWIFTC or xcrun) to type-check the generated code" }
            throw XCTSkip("no swiftc found (PATH, SWIFTC or xcrun) to type-check the generated code")
        }
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try write(rendered.output.files.map { ($0.name, $0.contents) } + extraFiles, in: folder)
        let process = Process()
        process.executableURL = compiler
        // As users build it: Swift 6 language mode, and a warning counts as a failure.
        process.arguments = ["-typecheck", "-swift-version", "6", "-warnings-as-errors", "-I", modules.path] + files
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? nil : String(decoding: data, as: UTF8.self)
    }
}

/// A class of this module, for finding the bundle the tests run from.
private final class BundleMarker {}

extension XCTestCase {
    /// Asserts that `text` contains each of `snippets` as an exact substring, naming the missing ones.
    public func assertContains(_ text: String, _ snippets: String..., file: StaticString = #filePath, line: UInt = #line) {
        for snippet in snippets where !text.contains(snippet) {
            XCTFail("missing snippet:\n\(snippet)\n--- in ---\n\(text)", file: file, line: line)
        }
    }

    public func assertNotContains(_ text: String, _ snippets: String..., file: StaticString = #filePath, line: UInt = #line) {
        for snippet in snippets where text.contains(snippet) {
            XCTFail("unexpected snippet:\n\(snippet)\n--- in ---\n\(text)", file: file, line: line)
        }
    }

    /// Asserts the generated files type-check against SallaRuntime.
    public func assertTypeChecks(_ rendered: Snippet.Rendered, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertFalse(rendered.output.files.isEmpty, "nothing was generated: \(rendered.diagnostics)", file: file, line: line)
        if let messages = try Snippet.typeCheck(rendered) {
            XCTFail("generated code does not type-check:\n\(messages)", file: file, line: line)
        }
    }
}

extension XCTestCase {
    /// Asserts that `text` holds `expected` as one whole declaration, compared in full: its doc
    /// comment and attributes, and everything through the closing brace at its indentation.
    /// `expected` is found by its first line that is neither a doc comment nor an attribute.
    public func assertDeclaration(_ expected: String, in text: String, file: StaticString = #filePath, line: UInt = #line) {
        var wanted = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if wanted.last == "" { wanted.removeLast() }
        let isPreamble = { (line: String) in ["///", "@"].contains { line.trimmingCharacters(in: .whitespaces).hasPrefix($0) } }
        guard let anchor = wanted.first(where: { !isPreamble($0) }) else {
            return XCTFail("the expected text declares nothing", file: file, line: line)
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let found = lines.firstIndex(of: anchor) else {
            return XCTFail("no declaration '\(anchor)' in:\n\(text)", file: file, line: line)
        }
        var start = found
        while start > 0, isPreamble(lines[start - 1]) { start -= 1 }
        let indentation = String(anchor.prefix { $0 == " " })
        let end = anchor.hasSuffix("{") ? lines[found...].firstIndex(of: indentation + "}") ?? found : found
        let actual = lines[start...end].joined(separator: "\n")
        XCTAssertEqual(actual, wanted.joined(separator: "\n"), "the declaration differs; it reads:\n\(actual)", file: file, line: line)
    }
}
