import Diagnostics
import SpecIR
import TestSupport
import XCTest

/// Specs that once crashed the generator or produced Swift that did not compile.
final class EdgeCaseTests: XCTestCase {
    private func warnings(_ rendered: Snippet.Rendered) -> [String] {
        rendered.warnings.map(\.message)
    }

    func testReferenceCycleBetweenParametersIsAnErrorNotACrash() throws {
        let text = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /things:
                get:
                  parameters:
                    - $ref: '#/components/parameters/A'
                  responses:
                    '204': {description: none}
            components:
              parameters:
                A: {$ref: '#/components/parameters/B'}
                B: {$ref: '#/components/parameters/A'}
            """
        let result = try Snippet.read([("cycle.yaml", text)])
        XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }.map(\.message),
                       ["$ref '#/components/parameters/A' leads back to itself"])
    }

    func testEveryHTTPMethodCompiles() throws {
        let paths = """
            /things:
              head: {operationId: probe, responses: {'204': {description: none}}}
              options: {operationId: allowed, responses: {'204': {description: none}}}
              trace: {operationId: echo, responses: {'204': {description: none}}}
            """
        let rendered = try Snippet.generate(paths: paths)
        XCTAssertTrue(rendered.client.contains("Request(method: .head, path: \"/things\")"), rendered.client)
        try assertTypeChecks(rendered)
    }

    func testRulesThatDoNotFitTheTypeAreWarnedAndLeftOut() throws {
        let rendered = try Snippet.generate(schemas: """
            Form:
              type: object
              properties:
                count: {type: integer, maxLength: 3, pattern: '^[0-9]+$'}
                name: {type: string, minimum: 2, minItems: 1}
                level: {type: integer, enum: [1, 2], maximum: .inf}
            """, paths: Snippet.requesting(with: ["Form"]))
        XCTAssertEqual(Set(warnings(rendered)), [
            "a length limit of 'count' does not apply to its type (Int); it is not checked",
            "the pattern of 'count' does not apply to its type (Int); it is not checked",
            "a numeric bound of 'name' does not apply to its type (String); it is not checked",
            "an item rule of 'name' does not apply to its type (String); it is not checked",
        ])
        XCTAssertTrue(rendered.validation.contains("validator.oneOf(level, [1, 2], at: path.appending(\"level\"))"), rendered.validation)
        try assertTypeChecks(rendered)
    }

    func testParametersThatCannotBeTextAreLeftOutOrSentAsText() throws {
        let paths = """
            /things/{filter}:
              get:
                operationId: list-things
                parameters:
                  - {name: filter, in: path, required: true, schema: {type: object, properties: {a: {type: string}}}}
                  - {name: where, in: query, schema: {type: object, properties: {b: {type: string}}}}
                  - {name: page, in: query, schema: {type: integer}}
                responses:
                  '204': {description: none}
            """
        let rendered = try Snippet.generate(paths: paths)
        XCTAssertEqual(warnings(rendered), [
            "path parameter 'filter' cannot be sent as text as documented; it is taken as a String",
            "query parameter 'where' cannot be sent as text; it is left out",
        ])
        XCTAssertTrue(rendered.client.contains("public func listThings(filter: String, page: Int? = nil) async throws {"), rendered.client)
        try assertTypeChecks(rendered)
    }

    func testAllOfPartThatOnlyDocumentsKeepsTheReference() throws {
        let result = try Snippet.read(schemas: """
            Base:
              type: object
              properties:
                id: {type: integer}
            Holder:
              type: object
              properties:
                base:
                  allOf:
                    - $ref: '#/components/schemas/Base'
                    - description: The base it rests on.
            """)
        let holder = result.spec.type(named: "Holder")
        guard case .object(let object)? = holder?.schema.kind else { return XCTFail("Holder is not an object") }
        XCTAssertEqual(object.properties.first?.schema.kind, .reference("Base"))
        XCTAssertEqual(object.properties.first?.schema.description, "The base it rests on.")
        XCTAssertEqual(result.diagnostics, [])
    }

    func testObjectComponentWithoutPropertiesKeepsAnyJSON() throws {
        let rendered = try Snippet.generate(schemas: """
            Anything:
              type: object
              description: Free-form settings.
            """, paths: Snippet.responding(with: ["Anything"]))
        XCTAssertTrue(rendered.models.contains("public typealias Anything = JSONValue"), rendered.models)
        try assertTypeChecks(rendered)
    }
}
