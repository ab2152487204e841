import Foundation
import SallaGenKit
@testable import TemplateRendering
import XCTest

/// README's "Template variables" names exactly the values templates are given, object by object,
/// so users of `--templates` can rely on it.
final class TemplateVariablesTests: XCTestCase {
    private let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Which README row a list of values under `key` belongs to, given the row of their parent.
    private static let children: [String: [String: String]] = [
        "file": ["types": "type", "namespaces": "namespace", "validations": "validation"],
        "type": ["structDecl": "struct", "enumDecl": "enum", "aliasDecl": "alias"],
        "struct": ["properties": "property"],
        "enum": ["cases": "enum case"],
        "namespace": ["operations": "operation"],
        "operation": ["parameters": "parameter", "queryItems": "query item, header", "headers": "query item, header",
                      "multipartFields": "multipart field", "validationRules": "rule", "listAll": "list all"],
        "list all": ["parameters": "parameter"],
        "validation": ["rules": "rule"],
    ]

    private func collect(_ values: TemplateObject, as row: String, into keys: inout [String: Set<String>]) {
        keys[row, default: []].formUnion(values.names)
        for (key, child) in Self.children[row] ?? [:] {
            let items = values[key] as? [TemplateObject] ?? (values[key] as? TemplateList)?.objects ?? []
            for item in items { collect(item, as: child, into: &keys) }
        }
    }

    /// The README table's rows: object name -> the variables listed for it.
    private func documented() throws -> [String: Set<String>] {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try XCTUnwrap(readme.components(separatedBy: "### Template variables").dropFirst().first)
        var rows: [String: Set<String>] = [:]
        for line in section.split(separator: "\n") where line.hasPrefix("| ") && !line.hasPrefix("| object") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 2 else { continue }
            let object = cells[0].components(separatedBy: " (").first ?? cells[0]
            // Each variable is the first word of a `code` span in the cell.
            let names = cells[1].components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map { $0.element.components(separatedBy: " ").first ?? "" }
            rows[object] = Set(names.filter { !$0.hasPrefix("{") && !$0.contains("(") && !$0.contains(".") && $0 != "let" && $0 != "var" })
        }
        return rows
    }

    func testReadmeListsEveryTemplateVariable() throws {
        let output = Generator.generate(.init(inputs: [packageRoot.appendingPathComponent("specs/customers.yaml").path]))
        let model = try XCTUnwrap(output.model)
        let values = TemplateValues(access: model.access)
        var keys: [String: Set<String>] = [:]
        collect(values.root(model, types: TemplateList(model.types) { values.type($0, nestedSource: []) }), as: "file", into: &keys)
        let documented = try documented()
        for (row, given) in keys {
            XCTAssertEqual(documented[row] ?? [], given, "README's row '\(row)'")
        }
        XCTAssertEqual(Set(keys.keys).subtracting(["alias"]), Set(documented.keys).subtracting(["alias"]))
    }

    /// Template values are texts that render themselves; Mustache's transforms and lookups treat them
    /// as they treat strings and arrays.
    func testTransformsApplyToTemplateValues() throws {
        let output = Generator.generate(.init(inputs: [packageRoot.appendingPathComponent("specs/customers.yaml").path]))
        let model = try XCTUnwrap(output.model)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sallagen-transforms-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let template = """
            {{%CONTENT_TYPE: TEXT}}
            {{#namespaces}}
            {{lowercased(typeName)}} {{count(operations)}}{{#first(operations)}} {{uppercased(name)}} {{reversed(name)}}{{/first(operations)}}
            {{/namespaces}}
            {{#namespaces}}{{#typeDoc}}{{propertyName}}{{text}} {{/typeDoc}}{{/namespaces}}[{{^types}}{{count}}{{text}}{{object}}{{/types}}]

            """
        try Data(template.utf8).write(to: folder.appendingPathComponent("client.mustache"))
        let files = try Renderer.render(model, with: TemplateLibrary(overrides: folder.path)).get()
        let client = try XCTUnwrap(files.first { $0.name == "Client.swift" })
        let expected = model.namespaces.map { namespace in
            let first = namespace.operations[0].name
            return "\(namespace.typeName.lowercased()) \(namespace.operations.count) \(first.uppercased()) \(String(first.reversed()))\n"
        }.joined()
            // Names a text or a list does not have are looked up outwards, as they are for strings and arrays.
            + model.namespaces.map { namespace in String(repeating: namespace.propertyName + " ", count: namespace.typeDoc.count) }.joined() + "[]\n"
        XCTAssertEqual(client.contents.components(separatedBy: "\n\n").last, expected)
    }
}
