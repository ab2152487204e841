import Diagnostics
import SpecIR
import TestSupport
import XCTest

/// Examples the docs paste as text: read as the JSON they show, repaired or skipped with a warning.
final class ExampleTextTests: XCTestCase {
    /// `example` is the YAML after `example:`; lines after the first are indented to sit inside it.
    private func examples(_ example: String) throws -> (values: [JSONValue], warnings: [String]) {
        let example = example.replacingOccurrences(of: "\n", with: "\n" + String(repeating: " ", count: 14))
        let paths = """
            /things:
              get:
                operationId: list-things
                responses:
                  '200':
                    description: OK
                    content:
                      application/json:
                        schema: {type: object}
                        example: \(example)
            """
        let result = try Snippet.read(paths: paths)
        let values = result.spec.operations.first?.responses.first?.examples.map(\.value) ?? []
        return (values, result.diagnostics.filter { $0.severity == .warning }.map(\.message))
    }

    func testJSONTextWithRemarksIsReadAsJSON() throws {
        let read = try examples("|\n{\n  \"enabled\": true, // on or off\n  \"url\": \"https://salla.sa\"\n}")
        XCTAssertEqual(read.values, [.object([("enabled", .bool(true)), ("url", .string("https://salla.sa"))])])
        XCTAssertEqual(read.warnings, [])
    }

    func testJSONTextMissingItsBracketsIsBalancedWithAWarning() throws {
        let read = try examples("|\n\"status\": 200,\n\"data\": [1, 2")
        XCTAssertEqual(read.values, [.object([("status", .int(200)), ("data", .array([.int(1), .int(2)]))])])
        XCTAssertEqual(read.warnings, ["the example is JSON text with unbalanced brackets; it is read with them balanced"])
    }

    func testEmptyOrUnreadableTextIsSkippedWithAWarning() throws {
        XCTAssertEqual(try examples("''").values, [])
        XCTAssertEqual(try examples("''").warnings, ["the example is empty text; it is skipped"])
        let broken = try examples("'{\"a\": ]'")
        XCTAssertEqual(broken.values, [])
        XCTAssertEqual(broken.warnings, ["the example is text that does not parse as JSON; it is skipped"])
    }

    func testPlainTextExamplesStayText() throws {
        XCTAssertEqual(try examples("'hello'").values, [.string("hello")])
    }
}
