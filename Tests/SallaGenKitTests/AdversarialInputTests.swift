import Diagnostics
import Foundation
import SallaGenKit
import TestSupport
import XCTest

/// Bad and adversarial input, one small case each: a spec author's mistakes and documents written
/// to break the generator or its output. Every case ends in a located diagnostic, or in Swift that
/// compiles without warnings.
final class AdversarialInputTests: XCTestCase {
    // MARK: Helpers

    /// Generates from `text` and asserts a diagnostic `line:col: severity: message` where `needle`
    /// starts (its `occurrence`-th match), and, for a warning, Swift that compiles.
    private func assertDiagnostic(
        _ text: String, _ severity: Severity, _ message: String, at needle: String, occurrence: Int = 1,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let rendered = try Snippet.generate(text)
        guard let position = needle.isEmpty ? (1, 1) : Snippet.position(of: needle, in: text, occurrence: occurrence) else {
            return XCTFail("'\(needle)' is not in the document", file: file, line: line)
        }
        let expected = "snippet.yaml:\(position.line):\(position.column): \(severity.rawValue): \(message)"
        let found = rendered.diagnostics.map(Self.relative)
        XCTAssertTrue(found.contains(expected), "expected\n\(expected)\nfound\n\(found.joined(separator: "\n"))", file: file, line: line)
        if severity == .warning {
            try assertTypeChecks(rendered, file: file, line: line)
        } else {
            XCTAssertTrue(rendered.output.files.isEmpty, "nothing is generated from a spec with errors", file: file, line: line)
        }
    }

    /// A diagnostic with the temporary folder left out of its location.
    private static func relative(_ diagnostic: Diagnostic) -> String {
        var copy = diagnostic
        copy.location?.file = (diagnostic.location?.file as NSString?)?.lastPathComponent ?? ""
        copy.notes = []
        return copy.description
    }

    /// Generates from `text`, asserts no errors, and type-checks the Swift (warnings as errors).
    @discardableResult
    private func assertCompiles(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> Snippet.Rendered {
        let rendered = try Snippet.generate(text)
        XCTAssertEqual(rendered.errors.map(Self.relative), [], file: file, line: line)
        try assertTypeChecks(rendered, file: file, line: line)
        return rendered
    }

    /// The lines of the output that declare a type named `name` (comments excluded).
    private static func declarations(of name: String, in rendered: Snippet.Rendered) -> [String] {
        let starts = ["struct", "enum", "typealias"].flatMap { ["\($0) \(name) ", "\($0) \(name):", "public \($0) \(name) ", "public \($0) \(name):"] }
        return rendered.output.files.flatMap { $0.contents.split(separator: "\n") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { line in starts.contains { line.hasPrefix($0) } }
    }

    private static func body(_ name: String, properties: String) -> String {
        Snippet.document(schemas: "\(name):\n  type: object\n  properties:\n" + Snippet.indent(properties, by: 4), paths: Snippet.requesting(with: [name]))
    }

    // MARK: Malformed YAML

    func testUnclosedFlowSequence() throws {
        try assertDiagnostic("openapi: 3.0.3\ninfo: [a, b\npaths: {}\n", .error,
                             "did not find expected ',' or ']' while parsing a flow sequence", at: ": {}")
    }

    func testTabIndentation() throws {
        try assertDiagnostic("openapi: 3.0.3\ninfo:\n\ttitle: T\n", .error,
                             "found character that cannot start any token while scanning for the next token", at: "\t")
    }

    func testAliasBomb() throws {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 { text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
        try assertDiagnostic(text, .error, "document expands to more than 10000000 nodes (too many aliases?)", at: "*a5", occurrence: 8)
    }

    func testDeepNestingOfCollections() throws {
        let text = "openapi: 3.0.3\nx: " + String(repeating: "[", count: 1_001) + String(repeating: "]", count: 1_001) + "\n"
        try assertDiagnostic(text, .error, "collections are nested more than 1000 levels deep", at: "[", occurrence: 1_000)
    }

    func testInvalidUTF8() throws {
        let folder = try Snippet.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bad.yaml")
        try Data("openapi: 3.0.3\ninfo: {title: \"".utf8 + [0xC3, 0x28] + "\"}\n".utf8).write(to: path)
        let output = Generator.generate(.init(inputs: [path.path]))
        XCTAssertEqual(output.diagnostics.map(Self.relative), ["bad.yaml:2:17: error: invalid trailing UTF-8 octet (byte 0x28)"])
    }

    func testDuplicateKey() throws {
        let text = Snippet.document(paths: "/a:\n  get:\n    responses: {'204': {description: x}}\n/a:\n  get:\n    responses: {'204': {description: x}}\n")
        try assertDiagnostic(text, .error, "duplicate key '/a'", at: "/a", occurrence: 2)
    }

    func testEmptyDocument() throws {
        try assertDiagnostic("", .error, "empty document", at: "")
    }

    // MARK: Wrong types and values

    func testLengthThatIsText() throws {
        try assertDiagnostic(Self.body("Form", properties: "name: {type: string, maxLength: abc}"), .error,
                             "'maxLength' must be a non-negative integer, found string 'abc'", at: "abc")
    }

    func testNegativeLength() throws {
        try assertDiagnostic(Self.body("Form", properties: "name: {type: string, minLength: -1}"), .error,
                             "'minLength' must be a non-negative integer, found integer -1", at: "-1")
    }

    func testBoundBeyondDouble() throws {
        try assertDiagnostic(Self.body("Form", properties: "price: {type: number, minimum: 1e400}"), .error,
                             "'minimum' must be a number, found number 1e400, beyond Double's range", at: "1e400")
    }

    func testBoundThatIsNotANumber() throws {
        try assertDiagnostic(Self.body("Form", properties: "price: {type: number, maximum: .nan}"), .error,
                             "'maximum' must be a number, found .nan, which is not a number", at: ".nan")
    }

    func testPropertiesThatAreASequence() throws {
        try assertDiagnostic(Snippet.document(schemas: "Form:\n  type: object\n  properties: [a, b]\n", paths: Snippet.requesting(with: ["Form"])),
                             .error, "properties must be a mapping, found a sequence", at: "[a, b]")
    }

    func testEnumValueThatIsAMapping() throws {
        try assertDiagnostic(Self.body("Form", properties: "kind: {type: string, enum: [a, {b: 1}]}"), .error,
                             "enum values must be scalars, found a mapping", at: "{b: 1}")
    }

    func testUnknownHTTPMethod() throws {
        try assertDiagnostic(Snippet.document(paths: "/a:\n  fetch:\n    responses: {'204': {description: x}}\n"), .error,
                             "unknown HTTP method 'fetch' (expected one of get, put, post, delete, patch, head, options, trace)", at: "fetch")
    }

    func testMissingReferenceTarget() throws {
        try assertDiagnostic(Snippet.document(schemas: "A: {$ref: '#/components/schemas/Nowhere'}\n", paths: Snippet.responding(with: ["A"])),
                             .error, "$ref target '#/components/schemas/Nowhere' does not exist in components/schemas", at: "'#/components/schemas/Nowhere'")
    }

    func testReferenceIntoAnotherFile() throws {
        try assertDiagnostic(Snippet.document(schemas: "A: {$ref: 'other.yaml#/A'}\n", paths: Snippet.responding(with: ["A"])),
                             .error, "unsupported $ref 'other.yaml#/A': only '#/components/schemas/...' references are supported in schemas", at: "'other.yaml#/A'")
    }

    func testSwagger2() throws {
        try assertDiagnostic("swagger: '2.0'\ninfo: {title: T, version: '1'}\npaths: {}\n", .error,
                             "Swagger 2.0 documents are not supported; convert to OpenAPI 3", at: "swagger")
    }

    func testUnsupportedVersion() throws {
        try assertDiagnostic("openapi: 4.0.0\ninfo: {title: T, version: '1'}\npaths: {}\n", .error,
                             "unsupported OpenAPI version '4.0.0'; 3.0 and 3.1 are supported", at: "4.0.0")
    }

    func testPathsThatAreText() throws {
        try assertDiagnostic("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: none\n", .error,
                             "paths must be a mapping, found string 'none'", at: "none")
    }

    // MARK: Bounded work

    /// `C_i: {allOf: [C_i+1, C_i+1]}`: reading once doubled its time per level.
    func testReferencesMergedTwiceAtEveryLevel() throws {
        var schemas = ""
        for level in 0..<24 { schemas += "C\(level): {allOf: [{$ref: '#/components/schemas/C\(level + 1)'}, {$ref: '#/components/schemas/C\(level + 1)'}]}\n" }
        schemas += "C24: {type: object, properties: {name: {type: string}}}\n"
        try assertCompiles(Snippet.document(schemas: schemas, paths: Snippet.responding(with: ["C0"])))
    }

    /// Two properties of `C_i` each merge `C_i+1`: the description grows as 2^levels.
    func testMergesThatGrowExponentially() throws {
        var schemas = ""
        for level in 0..<24 {
            let merged = "{allOf: [{$ref: '#/components/schemas/C\(level + 1)'}, {type: object, properties: {x\(level): {type: string}}}]}"
            schemas += "C\(level): {type: object, properties: {a: \(merged), b: \(merged)}}\n"
        }
        schemas += "C24: {type: object, properties: {name: {type: string}}}\n"
        try assertDiagnostic(Snippet.document(schemas: schemas, paths: Snippet.responding(with: ["C0"])), .error,
                             "this schema expands to more than 1000000 nodes through allOf, anyOf or oneOf (the document's limit); refer to shared parts instead of merging them into each other",
                             at: "{type: object, properties: {a: {allOf: [{$ref: '#/components/schemas/C8'}")
    }

    // MARK: Where the Swift compiler sets the limits

    func testInlineObjectsNestedBeyondTheLimit() throws {
        var schema = "{type: string}"
        for level in 0...16 { schema = "{type: object, properties: {l\(level): \(schema)}}" }
        try assertDiagnostic(Self.body("Form", properties: "deep: \(schema)"), .error,
                             "inline objects nest more than 16 levels deep here; declare the inner ones as components (deeper nesting makes the Swift compiler slow beyond use)",
                             at: "{type: object, properties: {l0:")
    }

    func testInlineObjectsNestedToTheLimitCompile() throws {
        var schema = "{type: string}"
        for level in 0..<15 { schema = "{type: object, properties: {l\(level): \(schema)}}" }
        try assertCompiles(Self.body("Form", properties: "deep: \(schema)"))
    }

    /// Thousands of values read from a table: switching over them took the compiler minutes.
    func testLargeEnumIsATable() throws {
        let values = (0..<2_000).map { "v\($0)" }.joined(separator: ", ")
        let rendered = try assertCompiles(Self.body("Form", properties: "kind: {type: string, enum: [\(values), \"a\\x1fb\"]}"))
        assertContains(rendered.models, #"public static let knownValues: [String] = "v0\u{1e}v1\u{1e}"#, "case .v1999: index = 1999")
    }

    func testEnumBeyondTheLimit() throws {
        let values = (0...10_000).map { "v\($0)" }.joined(separator: ", ")
        try assertDiagnostic(Self.body("Form", properties: "kind: {type: string, enum: [\(values)]}"), .error,
                             "an enum of 10001 values is more than the 10000 sallagen declares as Swift cases; type it as a string", at: "{type: string, enum")
    }

    // MARK: Code injection

    func testCarriageReturnInDescriptionStaysInTheComment() throws {
        let text = Self.body("Form", properties: #"name: {type: string, description: "first\rstruct Injected {}\r// x"}"#)
        let rendered = try assertCompiles(text)
        XCTAssertEqual(Self.declarations(of: "Injected", in: rendered), [])
    }

    func testEveryLineBreakInDescriptionsStaysInTheComment() throws {
        for separator in ["\\u2028", "\\u2029", "\\x85", "\\v", "\\f", "\\0", "\\x1b", "\\u202e"] {
            let text = Self.body("Form", properties: "name: {type: string, description: \"a\(separator)struct Injected {}\(separator)\"}")
            let rendered = try assertCompiles(text)
            XCTAssertEqual(Self.declarations(of: "Injected", in: rendered), [], separator)
        }
    }

    func testLineBreaksInSummaryPathTagAndScope() throws {
        let paths = #"""
            "/a\nstruct Injected {}":
              get:
                operationId: probe
                summary: "one\rstruct Injected {}"
                tags: ["Zulu\nstruct Injected {}"]
                security: [{oauth: ["read\rstruct Injected {}"]}]
                responses: {'204': {description: x}}
            """#
        let rendered = try assertCompiles(Snippet.document(paths: paths))
        XCTAssertEqual(Self.declarations(of: "Injected", in: rendered), [])
    }

    func testLineBreakInAFileNameStaysInTheHeader() throws {
        let folder = try Snippet.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = try Snippet.write([("evil\nstruct Injected {}.yaml", Snippet.document(paths: Snippet.responding(with: [])
            + "/a:\n  get:\n    responses: {'204': {description: x}}\n"))], in: folder)
        let rendered = Snippet.Rendered(output: Generator.generate(.init(inputs: paths)), inputs: paths)
        XCTAssertTrue(rendered.client.hasPrefix("// Generated by sallagen \(Generator.version) from evil struct Injected {}.yaml. Do not edit: regenerate instead.\n\n"), rendered.client)
        try assertTypeChecks(rendered)
    }

    // MARK: Names that collide

    func testAliasesInACircle() throws {
        let text = Snippet.document(schemas: "A: {$ref: '#/components/schemas/B'}\nB: {$ref: '#/components/schemas/A'}\n", paths: Snippet.responding(with: ["A"]))
        try assertDiagnostic(text, .warning, "components 'A' -> 'B' -> 'A' only refer to each other and describe no value; they are typed JSONValue", at: "A:")
    }

    func testAliasOfItself() throws {
        let text = Snippet.document(schemas: "S: {$ref: '#/components/schemas/S'}\n", paths: Snippet.responding(with: ["S"]))
        try assertDiagnostic(text, .warning, "components 'S' -> 'S' only refer to each other and describe no value; they are typed JSONValue", at: "S:")
    }

    func testStructCycleThroughAnAlias() throws {
        let schemas = "Node:\n  type: object\n  properties:\n    next: {$ref: '#/components/schemas/Link'}\nLink: {$ref: '#/components/schemas/Node'}\n"
        let rendered = try assertCompiles(Snippet.document(schemas: schemas, paths: Snippet.responding(with: ["Node"])))
        XCTAssertTrue(rendered.models.contains("public let next: Indirect<Link>?"), rendered.models)
    }

    func testEnumValueNamedLikeTheKnownValuesList() throws {
        try assertCompiles(Self.body("Form", properties: "kind: {type: string, enum: [known_values, knownValues, unknown, raw_value]}"))
    }

    func testNestedTypesNamedLikeStandardAndRuntimeTypes() throws {
        let properties = """
            count: {type: integer}
            strings: {type: array, items: {type: object, properties: {a: {type: string}}}}
            ints: {type: array, items: {type: object, properties: {a: {type: integer}}}}
            validators: {type: array, items: {type: object, properties: {a: {type: string}}}}
            field_paths: {type: array, items: {type: string, enum: [a, b]}}
            JSON: {type: object, additionalProperties: {type: object, properties: {a: {type: string}}}}
            data: {type: object, properties: {a: {type: string}}}
            """
        let rendered = try assertCompiles(Self.body("Form", properties: properties))
        XCTAssertTrue(rendered.models.contains("public var count: Int?"), rendered.models)
        for name in ["String", "Int", "Validator", "FieldPath", "JSONValue", "Data"] {
            XCTAssertEqual(Self.declarations(of: name, in: rendered), [], name)
        }
    }

    func testReturnTypeNamedLikeANamespace() throws {
        let paths = """
            /a:
              get:
                tags: [Alpha]
                x-salla-php-return-type: ZuluAPI
                responses:
                  '200':
                    description: x
                    content: {application/json: {schema: {type: object, properties: {status: {type: integer}, data: {type: object, properties: {a: {type: string}}}}}}}
            /z:
              get:
                tags: [Zulu]
                responses: {'204': {description: x}}
            """
        let rendered = try assertCompiles(Snippet.document(paths: paths))
        XCTAssertTrue(rendered.client.contains("public struct ZuluAPI: Sendable {"), rendered.client)
    }

    func testInlineParameterEnumNamedLikeANamespace() throws {
        let paths = """
            /z:
              get:
                operationId: zulu
                tags: [Zulu]
                parameters:
                  - {name: API, in: query, schema: {type: string, enum: [a, b]}}
                responses: {'204': {description: x}}
            """
        try assertCompiles(Snippet.document(paths: paths))
    }

    func testOperationNamedLikeTheNamespacesClient() throws {
        let paths = "/z:\n  get:\n    operationId: client\n    responses: {'204': {description: x}}\n"
        try assertCompiles(Snippet.document(paths: paths))
    }

    func testTagsNamedLikeClientMembers() throws {
        var paths = ""
        for (index, tag) in ["send", "transport", "http request", "base URL", "access token", "configuration", "with", "rate limit"].enumerated() {
            paths += "/t\(index):\n  get:\n    operationId: op\(index)\n    tags: ['\(tag)']\n    responses: {'204': {description: x}}\n"
        }
        try assertCompiles(Snippet.document(paths: paths))
    }

    func testAnOperationNamedLikeAPageWalker() throws {
        let paths = """
            /items:
              get:
                operationId: list
                tags: [Items]
                parameters: [{name: page, in: query, schema: {type: integer}}]
                responses:
                  '200':
                    description: x
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            data: {type: array, items: {type: object, properties: {id: {type: integer}}}}
                            pagination: {type: object, properties: {currentPage: {type: integer}}}
            /items/all:
              get:
                operationId: listAll
                tags: [Items]
                responses: {'204': {description: x}}
            """
        let rendered = try assertCompiles(Snippet.document(paths: paths))
        let walkers = rendered.client.components(separatedBy: "\n").filter { $0.contains("func listAll") }.map { $0.trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(walkers.count, 2, rendered.client)
        XCTAssertEqual(Set(walkers.map { $0.components(separatedBy: "(").first ?? "" }).count, 2, "two distinct names: \(walkers)")
    }

    func testKeywordsAndArabicNames() throws {
        try assertCompiles(Self.body("Form", properties: "return: {type: string}\nimport: {type: string}\ndefault: {type: string}\ntype: {type: string}\nself: {type: string}\nالاسم: {type: string}"))
    }

    // MARK: Silently wrong output, now said or right

    func testPathParameterWithQuoteAndBackslash() throws {
        let paths = #"""
            '/q/{a"b}/{c\d}':
              get:
                operationId: probe
                parameters:
                  - {name: 'a"b', in: path, required: true, schema: {type: string}}
                  - {name: 'c\d', in: path, required: true, schema: {type: string}}
                responses: {'204': {description: x}}
            """#
        let rendered = try assertCompiles(Snippet.document(paths: paths))
        XCTAssertTrue(rendered.client.contains(#"path: "/q/\(PathComponent.encode(aB))/\(PathComponent.encode(cD))")"#), rendered.client)
    }

    func testDeclaredPathParameterMissingFromThePath() throws {
        let paths = """
            /q:
              get:
                operationId: probe
                parameters:
                  - {name: id, in: path, required: true, schema: {type: integer}}
                responses: {'204': {description: x}}
            """
        try assertDiagnostic(Snippet.document(paths: paths), .warning, "path parameter 'id' does not appear in the path '/q'; it is left out", at: "{type: integer}")
    }

    func testIntegerEnumValueBeyondInt() throws {
        let text = Snippet.document(
            schemas: "Form:\n  type: object\n  required: [level]\n  properties:\n    level: {type: integer, enum: [99999999999999999999]}\n",
            paths: Snippet.requesting(with: ["Form"]))
        try assertDiagnostic(text, .warning, "enum value number 99999999999999999999 of an integer is not a whole number within Int's range; it is left out", at: "99999999999999999999")
        let rendered = try Snippet.generate(text)
        XCTAssertFalse(rendered.validation.contains("oneOf"), rendered.validation)
    }

    func testIntegerBoundBeyondInt() throws {
        try assertDiagnostic(Self.body("Form", properties: "count: {type: integer, minimum: 1.0e30}"), .warning,
                             "the minimum 1e+30 of 'count' is beyond the range of Int; it is not checked", at: "{type: integer, minimum")
    }

    func testSubnormalBound() throws {
        let rendered = try assertCompiles(Self.body("Form", properties: "ratio: {type: number, minimum: 5e-324, maximum: -4e-320}"))
        XCTAssertTrue(rendered.validation.contains("validator.minimum(ratio, Double(bitPattern: 0x1), at: path.appending(\"ratio\"))"), rendered.validation)
    }

    func testAdditionalPropertiesBesideNamedOnes() throws {
        try assertDiagnostic(
            Snippet.document(schemas: "Form:\n  type: object\n  properties: {a: {type: string}}\n  additionalProperties: {type: string}\n", paths: Snippet.requesting(with: ["Form"])),
            .warning, "additional properties beside named ones are not kept in 'Form'", at: "type: object")
    }

    func testPolymorphicAnyOf() throws {
        try assertDiagnostic(Self.body("Form", properties: "value: {anyOf: [{type: string}, {type: array, items: {type: string}}, {type: object, properties: {a: {type: string}}}]}"),
                             .warning, "anyOf of 3 different shapes (string, array, object) has no single Swift type; it is typed JSONValue", at: "[{type: string}")
    }

    func testCookieParameter() throws {
        let paths = "/a:\n  get:\n    parameters:\n      - {name: session, in: cookie, schema: {type: string}}\n    responses: {'204': {description: x}}\n"
        try assertDiagnostic(Snippet.document(paths: paths), .warning, "cookie parameter 'session' is not supported and is skipped", at: "cookie")
    }

    func testResponseKeyThatIsNoStatus() throws {
        let paths = "/a:\n  get:\n    responses:\n      ok: {description: x}\n      '204': {description: x}\n"
        try assertDiagnostic(Snippet.document(paths: paths), .warning, "response key 'ok' is not an HTTP status; it is skipped", at: "ok")
    }
}
