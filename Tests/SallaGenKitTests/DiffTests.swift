import Foundation
import TestSupport
import XCTest

/// `sallagen diff` on pairs made from the Customers docs (written from the real Salla endpoint
/// docs): each kind of edit, and edits that must report nothing.
final class DiffTests: CommandTestCase {
    private var original: String { (try? String(contentsOfFile: customersSpec, encoding: .utf8)) ?? "" }

    /// Runs `sallagen diff old.yaml new.yaml` with NEW made from the Customers docs by `edit`.
    private func diff(_ edit: (String) -> String, arguments: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws -> ProcessResult {
        let edited = edit(original)
        XCTAssertNotEqual(edited, original, "the edit changed nothing", file: file, line: line)
        try write("old.yaml", original)
        try write("new.yaml", edited)
        return try sallagen(["diff", "old.yaml", "new.yaml"] + arguments)
    }

    private func replacing(_ text: String, with replacement: String) -> (String) -> String {
        { spec in
            XCTAssertTrue(spec.contains(text), "the docs no longer contain: \(text)")
            return spec.replacingOccurrences(of: text, with: replacement)
        }
    }

    private let genderEnum = "          description: Customer's gender.\n          enum:\n            - male\n            - female\n"
    private let birthday = "        birthday:\n          type: string\n          description: Date of birth.\n          pattern: YYYY-MM-DD\n          examples:\n            - '1950-10-20'\n"

    // MARK: No change

    func testRewordedDescriptionIsNoChange() throws {
        let result = try diff(replacing("description: Customer's email address.", with: "description: The email address of the customer."))
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.standardOutput, "No changes to the Swift API.\n")
    }

    func testReorderedKeysAreNoChange() throws {
        let result = try diff(replacing("          type: string\n          description: Customer's email address.\n",
                                        with: "          description: Customer's email address.\n          type: string\n"))
        XCTAssertEqual(result.standardOutput, "No changes to the Swift API.\n")
    }

    func testChangedExampleIsNoChange() throws {
        let result = try diff(replacing("            - username@email.com", with: "            - someone@example.com"))
        XCTAssertEqual(result.standardOutput, "No changes to the Swift API.\n")
    }

    // MARK: Changes

    /// The customer and its request body share one `Gender` enum; the value added to both stays one type.
    func testNewEnumCaseIsItsOwnClass() throws {
        let result = try diff(replacing("          enum:\n            - male\n            - female\n", with: "          enum:\n            - male\n            - female\n            - other\n"))
        XCTAssertEqual(result.status, 0, "a new case breaks only exhaustive switches: " + result.standardOutput)
        XCTAssertTrue(result.standardOutput.hasPrefix("New enum cases (values decode as before; an exhaustive switch no longer compiles) (1):\n  added enum case Gender.other — new.yaml:"), result.standardOutput)
    }

    /// Added to one of the two, the value splits the shared `Gender` into two types: that breaks.
    func testEnumThatStopsBeingSharedBreaks() throws {
        let result = try diff(replacing(genderEnum, with: genderEnum + "            - other\n"))
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.standardOutput.hasPrefix("Breaking changes (3):\n  removed type Gender — old.yaml:"), result.standardOutput)
    }

    func testRemovedRequestFieldBreaksCallers() throws {
        let result = try diff(replacing(birthday, with: ""))
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.standardOutput.contains("Breaking changes (1):\n  removed property CustomerRequestBody.birthday (sent) — old.yaml:"), result.standardOutput)
    }

    func testFieldThatBecameRequiredBreaksCallers() throws {
        let result = try diff(replacing("    customer_request_body:\n      type: object\n", with: "    customer_request_body:\n      type: object\n      required: [email]\n"))
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.standardOutput.contains("  now required CustomerRequestBody.email — new.yaml:"), result.standardOutput)
    }

    func testChangedPropertyTypeBreaks() throws {
        let result = try diff(replacing("          items:\n            type: integer\n    # Sources: Create-Customer", with: "          items:\n            type: string\n    # Sources: Create-Customer"))
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.standardOutput.contains("  changed property CustomerRequestBody.groups [Int]? → [String]? — new.yaml:"), result.standardOutput)
    }

    func testAddedOptionalPropertyIsAdditive() throws {
        let result = try diff(replacing(birthday, with: birthday + "        nickname:\n          type: string\n          description: What friends call the customer.\n"))
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.standardOutput.hasPrefix("Additive changes (1):\n  added property CustomerRequestBody.nickname (sent) — new.yaml:"), result.standardOutput)
    }

    func testRenamedMethodIsARemovalAndAnAddition() throws {
        let result = try diff(replacing("x-salla-php-method-name: update", with: "x-salla-php-method-name: modify"))
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.standardOutput.contains("  removed method CustomersAPI.update(customer:body:) — old.yaml:"), result.standardOutput)
        XCTAssertTrue(result.standardOutput.contains("  added method CustomersAPI.modify(customer:body:) — new.yaml:"), result.standardOutput)
    }

    func testFormatsAndTheirSchemas() throws {
        let markdown = try diff(replacing(birthday, with: ""), arguments: ["--format", "markdown"])
        XCTAssertTrue(markdown.standardOutput.hasPrefix("### Breaking changes (1)\n\n- removed property `CustomerRequestBody.birthday` (sent) — old.yaml:"), markdown.standardOutput)
        let json = try diff(replacing(birthday, with: ""), arguments: ["--format", "json"])
        XCTAssertEqual(json.status, 1)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        XCTAssertEqual(report["breaking"] as? Bool, true)
        let changes = try XCTUnwrap(report["changes"] as? [[String: Any]])
        XCTAssertEqual(changes.map { $0["impact"] as? String }, ["breaking"])
        XCTAssertEqual(changes.first?["summary"] as? String, "removed property")
        XCTAssertEqual(changes.first?["declaration"] as? String, "CustomerRequestBody.birthday")
    }

    func testSpecErrorsExitThreeWithLocatedMessages() throws {
        let result = try diff(replacing("          pattern: YYYY-MM-DD\n", with: "          maxLength: lots\n"))
        XCTAssertEqual(result.status, 3)
        XCTAssertTrue(result.standardError.contains("new.yaml:"), result.standardError)
        XCTAssertTrue(result.standardError.contains(": error: 'maxLength' must be a non-negative integer, found string 'lots'"), result.standardError)
    }

    /// The real Update Customer page, when the corpus is beside the package: a limit added to the
    /// request body's `last_name` is no Swift change, removing the field breaks callers.
    func testOnTheRealUpdateCustomerDocument() throws {
        let page = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/salla-openapi/Customers/Update-Customer.yaml")
        guard let text = try? String(contentsOf: page, encoding: .utf8) else {
            throw XCTSkip("the Salla corpus is not beside the package at \(page.path)")
        }
        let field = "        last_name:\n          type: string\n          description: Customer family name.\n"
        XCTAssertTrue(text.contains(field))
        try write("old.yaml", text)
        try write("new.yaml", text.replacingOccurrences(of: field, with: field + "          maxLength: 40\n"))
        let limit = try sallagen(["diff", "old.yaml", "new.yaml"])
        XCTAssertEqual(limit.status, 0, limit.standardOutput + limit.standardError)
        XCTAssertEqual(limit.standardOutput, "No changes to the Swift API.\n")
        try write("new.yaml", text.replacingOccurrences(of: field + "          examples:\n            - name\n", with: ""))
        let removed = try sallagen(["diff", "old.yaml", "new.yaml"])
        XCTAssertEqual(removed.status, 1, removed.standardOutput + removed.standardError)
        XCTAssertTrue(removed.standardOutput.contains("removed property CustomerRequestBody.lastName (sent)"), removed.standardOutput)
    }
}
