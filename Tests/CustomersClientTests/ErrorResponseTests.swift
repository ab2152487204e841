import CustomersClient
import Foundation
import RuntimeTestSupport
import SallaRuntime
import XCTest

/// The documented 401, 404 and 422 examples, answered to the real client
/// methods, become `SallaAPIError`s.
final class ErrorResponseTests: XCTestCase {
    /// One call per operation, with arguments that pass validation.
    private static let operations: [(name: String, call: @Sendable (SallaClient) async throws -> Void)] = [
        ("list", { _ = try await $0.customers.list() }),
        ("create", { _ = try await $0.customers.create(body: .init(firstName: "Ahmed")) }),
        ("retrieve", { _ = try await $0.customers.retrieve(customer: 1) }),
        ("update", { _ = try await $0.customers.update(customer: 1, body: .init(firstName: "Ahmed")) }),
        ("delete", { _ = try await $0.customers.delete(customer: 1) }),
        ("ban", { _ = try await $0.customers.ban(customer: 1, body: .init(reason: "spam")) }),
        ("unban", { _ = try await $0.customers.unban(customer: 1) }),
        ("import", { _ = try await $0.customers.import(body: .init(file: FileUpload(filename: "customers.xlsx", data: Data()))) }),
    ]

    private func call(_ name: String) throws -> @Sendable (SallaClient) async throws -> Void {
        try XCTUnwrap(Self.operations.first { $0.name == name }?.call, "no operation \(name)")
    }

    /// Answers `operation` with `status`/`json` and returns the error thrown.
    private func apiError(
        _ operation: String, _ status: Int, _ json: String,
        file: StaticString = #filePath, line: UInt = #line
    ) async throws -> SallaAPIError {
        let transport = RecordingTransport(status: status, json: json)
        let send = try call(operation)
        let error = await expectError(SallaAPIError.self, file: file, line: line) {
            try await send(makeClient(transport))
        }
        XCTAssertEqual(transport.requests.count, 1, "\(operation) sent one request", file: file, line: line)
        return try XCTUnwrap(error, file: file, line: line)
    }

    func testUnauthorizedExamplesOfAllOperations() async throws {
        let examples: [(String, String, String)] = [
            ("list", SpecExamples.list401, "customers.read"),
            ("create", SpecExamples.create401, "customers.read_write"),
            ("retrieve", SpecExamples.retrieve401, "customers.read"),
            ("update", SpecExamples.update401, "customers.read_write"),
            ("delete", SpecExamples.delete401, "customers.read_write"),
            ("ban", SpecExamples.ban401, "customers.read_write"),
            ("unban", SpecExamples.unban401, "customers.read_write"),
            ("import", SpecExamples.import401, "customers.read_write"),
        ]
        XCTAssertEqual(Set(examples.map(\.0)), Set(Self.operations.map(\.name)))
        for (operation, json, scope) in examples {
            let error = try await apiError(operation, 401, json)
            XCTAssertEqual(error.statusCode, 401, operation)
            XCTAssertTrue(error.isUnauthorized, operation)
            XCTAssertEqual(error.code, "Unauthorized", operation)
            XCTAssertEqual(error.message, "The access token should have access to one of those scopes: \(scope)", operation)
            XCTAssertEqual(error.fields, [:], operation)
            XCTAssertEqual(error.body, Data(json.utf8), operation)
        }
    }

    func testNotFoundExamplesWithNumericCode() async throws {
        let examples: [(String, String)] = [
            ("retrieve", SpecExamples.retrieve404),
            ("update", SpecExamples.update404),
            ("delete", SpecExamples.delete404),
            ("ban", SpecExamples.ban404),
            ("unban", SpecExamples.unban404),
        ]
        for (operation, json) in examples {
            let error = try await apiError(operation, 404, json)
            XCTAssertEqual(error.statusCode, 404, operation)
            XCTAssertTrue(error.isNotFound, operation)
            XCTAssertEqual(error.code, "404", "numeric code 404 is kept as its text (\(operation))")
            XCTAssertEqual(error.message, "The content you are trying to access is no longer available", operation)
            XCTAssertEqual(error.fields, [:], operation)
        }
    }

    func testValidationExamples() async throws {
        let examples: [(String, String, String)] = [
            ("create", SpecExamples.create422, "Validation is not successfull"),
            ("update", SpecExamples.update422, "Validation is not successful "),
            ("ban", SpecExamples.ban422, "Validation failed"),
        ]
        for (operation, json, message) in examples {
            let error = try await apiError(operation, 422, json)
            XCTAssertEqual(error.statusCode, 422, operation)
            XCTAssertTrue(error.isValidationFailure, operation)
            XCTAssertEqual(error.code, "validation_failed", operation)
            XCTAssertEqual(error.message, message, operation)
            XCTAssertEqual(error.fields, ["{field-name}": ["The {field-label} field is required."]], operation)
        }
    }

    func testImportValidationExampleWithoutFields() async throws {
        let error = try await apiError("import", 422, SpecExamples.import422)

        XCTAssertEqual(error.statusCode, 422)
        XCTAssertEqual(error.code, "error")
        XCTAssertEqual(error.message, "الملف المرفوع فارغ!")
        XCTAssertEqual(error.fields, [:])
        XCTAssertEqual(error.description, "Salla API error 422 (error): الملف المرفوع فارغ!")
    }

    func testRealisticValidationFailureWithSeveralFields() async throws {
        let json = #"""
        {"status":422,"success":false,"error":{"code":"validation_failed","message":"Validation is not successful",
         "fields":{"email":["The email has already been taken."],
                   "mobile":["The mobile has already been taken.","The mobile must be 9 digits."],
                   "birthday":"The birthday is not a valid date.",
                   "groups.0":["The selected groups.0 is invalid."]}}}
        """#

        let error = try await apiError("create", 422, json)

        XCTAssertEqual(error.code, "validation_failed")
        XCTAssertEqual(error.fields, [
            "email": ["The email has already been taken."],
            "mobile": ["The mobile has already been taken.", "The mobile must be 9 digits."],
            "birthday": ["The birthday is not a valid date."],
            "groups.0": ["The selected groups.0 is invalid."],
        ])
        XCTAssertEqual(
            error.description,
            "Salla API error 422 (validation_failed): Validation is not successful ["
                + "birthday: The birthday is not a valid date.; email: The email has already been taken.; "
                + "groups.0: The selected groups.0 is invalid.; "
                + "mobile: The mobile has already been taken. The mobile must be 9 digits.]"
        )
    }

    func testNonJSONErrorBodyKeepsStatusAndBody() async throws {
        let transport = RecordingTransport(CannedResponse(statusCode: 502, body: Data("<html>Bad Gateway</html>".utf8)))

        let error = await expectError(SallaAPIError.self) {
            _ = try await makeClient(transport).customers.retrieve(customer: 1)
        }

        XCTAssertEqual(error?.statusCode, 502)
        XCTAssertNil(error?.code)
        XCTAssertNil(error?.message)
        XCTAssertEqual(text(error?.body), "<html>Bad Gateway</html>")
    }

    func testRateLimitWithTopLevelMessage() async throws {
        let transport = RecordingTransport(status: 429, json: #"{"status":429,"success":false,"message":"Too Many Attempts."}"#)

        let error = await expectError(SallaAPIError.self) {
            _ = try await makeClient(transport).customers.list(page: 3)
        }

        XCTAssertEqual(error?.isRateLimited, true)
        XCTAssertEqual(error?.message, "Too Many Attempts.")
    }

    func testTransportFailurePassesThrough() async throws {
        let transport = RecordingTransport()

        let error = await expectError(URLError.self) {
            _ = try await makeClient(transport).customers.unban(customer: 1)
        }

        XCTAssertEqual(error?.code, .resourceUnavailable)
    }
}
