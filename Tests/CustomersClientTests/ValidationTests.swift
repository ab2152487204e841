import CustomersClient
import Foundation
import RuntimeTestSupport
import SallaRuntime
import XCTest

/// Arguments that break the spec's rules throw `ValidationFailure` with every
/// violation at once, and nothing reaches the transport.
final class ValidationTests: XCTestCase {
    private func failure(
        _ transport: RecordingTransport,
        file: StaticString = #filePath, line: UInt = #line,
        _ body: () async throws -> Void
    ) async throws -> ValidationFailure {
        let failure = await expectError(ValidationFailure.self, file: file, line: line, body)
        XCTAssertEqual(transport.requests.count, 0, "no request may be sent", file: file, line: line)
        return try XCTUnwrap(failure, file: file, line: line)
    }

    func testUpdateWithBadBirthdayAndUnknownGenderReportsBoth() async throws {
        let transport = RecordingTransport(status: 200, json: SpecExamples.update200)
        let client = makeClient(transport)

        let failure = try await failure(transport) {
            _ = try await client.customers.update(
                customer: 2075683582,
                body: .init(firstName: "Ahmed", gender: .unknown("x"), birthday: "03-06-1997")
            )
        }

        XCTAssertEqual(Set(failure.violations.map(\.path)), ["birthday", "gender"])
        XCTAssertEqual(failure.violations, [
            Violation(path: "gender", rule: "enum", message: "The gender is invalid."),
            Violation(path: "birthday", rule: "format", message: "The birthday is not a valid date."),
        ])
        XCTAssertEqual(failure.fields, [
            "gender": ["The gender is invalid."],
            "birthday": ["The birthday is not a valid date."],
        ])
        XCTAssertEqual(
            failure.description,
            "Validation failed: gender: The gender is invalid.; birthday: The birthday is not a valid date."
        )
    }

    func testCreateIsValidatedToo() async throws {
        let transport = RecordingTransport(status: 200, json: SpecExamples.create200)
        let client = makeClient(transport)

        let failure = try await failure(transport) {
            _ = try await client.customers.create(body: .init(gender: .unknown("other"), birthday: "1997-6-3"))
        }

        XCTAssertEqual(failure.violations.map(\.path), ["gender", "birthday"])
        XCTAssertEqual(failure.violations.map(\.rule), ["enum", "format"])
    }

    func testBirthdayMustBeARealCalendarDate() async throws {
        for birthday in ["1997-02-30", "1997-13-01", "1997/06/03", "1997-06-03T00:00:00Z", ""] {
            let transport = RecordingTransport(status: 200, json: SpecExamples.update200)
            let client = makeClient(transport)
            let failure = try await failure(transport) {
                _ = try await client.customers.update(customer: 1, body: .init(birthday: birthday))
            }
            XCTAssertEqual(failure.fields, ["birthday": ["The birthday is not a valid date."]], birthday)
        }
    }

    func testValidBodyPasses() async throws {
        let transport = RecordingTransport(status: 200, json: SpecExamples.update200)

        _ = try await makeClient(transport).customers.update(
            customer: 1,
            body: .init(gender: .male, birthday: "2000-02-29")
        )

        XCTAssertEqual(transport.requests.count, 1)
    }

    func testBanWithoutReason() async throws {
        let transport = RecordingTransport(status: 200, json: SpecExamples.ban200)
        let client = makeClient(transport)

        let failure = try await failure(transport) {
            _ = try await client.customers.ban(customer: 2075683582, body: .init())
        }

        XCTAssertEqual(failure.violations, [
            Violation(path: "reason", rule: "required", message: "The reason field is required."),
        ])
        XCTAssertEqual(failure.fields, ["reason": ["The reason field is required."]])
    }

    func testImportWithoutFile() async throws {
        let transport = RecordingTransport(status: 200, json: SpecExamples.import200)
        let client = makeClient(transport)

        let failure = try await failure(transport) {
            _ = try await client.customers.import(body: .init())
        }

        XCTAssertEqual(failure.violations, [
            Violation(path: "file", rule: "required", message: "The file field is required."),
        ])
        XCTAssertEqual(failure.fields, ["file": ["The file field is required."]])
    }

    func testListWithUnknownFieldsReportsEachByIndex() async throws {
        let transport = RecordingTransport(status: 200, json: SpecExamples.list200)
        let client = makeClient(transport)

        let failure = try await failure(transport) {
            _ = try await client.customers.list(fields: [.unknown("nope"), .isBlocked, .unknown("x")])
        }

        XCTAssertEqual(failure.violations, [
            Violation(path: "fields.0", rule: "enum", message: "The fields.0 is invalid."),
            Violation(path: "fields.2", rule: "enum", message: "The fields.2 is invalid."),
        ])
        XCTAssertEqual(failure.fields, [
            "fields.0": ["The fields.0 is invalid."],
            "fields.2": ["The fields.2 is invalid."],
        ])
    }

    func testRetrieveWithUnknownField() async throws {
        let transport = RecordingTransport(status: 200, json: SpecExamples.retrieve200)
        let client = makeClient(transport)

        let failure = try await failure(transport) {
            _ = try await client.customers.retrieve(customer: 1, fields: [.ordersCount, .unknown("secret")])
        }

        XCTAssertEqual(failure.fields, ["fields.1": ["The fields.1 is invalid."]])
    }

    func testBodiesValidateOnTheirOwn() throws {
        XCTAssertNoThrow(try CustomerRequestBody(gender: .female, birthday: "1997-06-03").validate())
        XCTAssertNoThrow(try BanCustomerBody(reason: "spam").validate())
        XCTAssertThrowsError(try PostCustomersImportBody().validate()) { error in
            XCTAssertEqual((error as? ValidationFailure)?.violations.map(\.path), ["file"])
        }
    }
}
