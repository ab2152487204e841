import CustomersClient
import Foundation
import RuntimeTestSupport
import SallaRuntime
import XCTest

/// The update call exactly as a user writes it, checked byte for byte.
final class UpdateCallTests: XCTestCase {
    func testUpdateAsUsersWriteIt() async throws {
        let transport = RecordingTransport(status: 200, json: SpecExamples.update200)
        let client = SallaClient(accessToken: testToken, transport: transport)

        let customer = try await client.customers.update(
            customer: 2075683582,
            body: .init(firstName: "Ahmed", gender: .female)
        )

        let request = try transport.onlyRequest()
        XCTAssertEqual(request.method, "PUT")
        XCTAssertEqual(request.url.absoluteString, "https://api.salla.dev/admin/v2/customers/2075683582")
        XCTAssertEqual(request.headers, [
            "Authorization": "Bearer \(testToken)",
            "Accept": "application/json",
            "Content-Type": "application/json",
        ])
        // nil fields are left out, keys are sorted, no whitespace.
        XCTAssertEqual(text(request.body), #"{"first_name":"Ahmed","gender":"female"}"#)

        XCTAssertEqual(customer.id, 2075683582)
        XCTAssertEqual(customer.firstName, "Ahmed")
        XCTAssertEqual(customer.lastName, "Ali")
        XCTAssertEqual(customer.mobile, 560716138)
        XCTAssertEqual(customer.mobileCode, "999")
        XCTAssertEqual(customer.email, "ahmed.ali@test.test")
        XCTAssertEqual(customer.gender, .male)
        XCTAssertEqual(customer.urls, URLs(customer: "https://shtara.com/profile", admin: "https://shtara.com/profiley"))
        XCTAssertEqual(customer.updatedAt?.date, "2020-04-02 22:43:26.000000")
        XCTAssertEqual(customer.updatedAt?.timezoneType, 3)
        XCTAssertEqual(customer.updatedAt?.timezone, "Asia/Riyadh")
        XCTAssertEqual(customer.groups, [11323141, 11323142])
        XCTAssertEqual(customer.location, "Alyasmeen st, house no 4")
        // Required by the schema but missing from the example.
        XCTAssertNil(customer.birthday)
        XCTAssertNil(customer.countryCode)
        XCTAssertNil(customer.currency)
    }

    /// The docs' own Update request example, sent through the client.
    func testUpdateWithTheDocsRequestExample() async throws {
        let body = try JSONDecoder().decode(CustomerRequestBody.self, from: Data(SpecExamples.updateRequest.utf8))
        XCTAssertEqual(body, CustomerRequestBody(
            firstName: "Ahmed", lastName: "Ali", email: "ahmed.ali@test.test", gender: .female, birthday: "1997-06-03"
        ))
        let transport = RecordingTransport(status: 200, json: SpecExamples.update200)

        _ = try await makeClient(transport).customers.update(customer: 7, body: body)

        let request = try transport.onlyRequest()
        XCTAssertEqual(request.url.absoluteString, "https://api.salla.dev/admin/v2/customers/7")
        XCTAssertEqual(
            text(request.body),
            #"{"birthday":"1997-06-03","email":"ahmed.ali@test.test","first_name":"Ahmed","gender":"female","last_name":"Ali"}"#
        )
    }

    func testUpdateWithoutBodySendsNoBodyAndNoContentType() async throws {
        let transport = RecordingTransport(status: 200, json: SpecExamples.update200)

        _ = try await makeClient(transport).customers.update(customer: 1)

        let request = try transport.onlyRequest()
        XCTAssertEqual(request.method, "PUT")
        XCTAssertNil(request.body)
        XCTAssertNil(request.headers["Content-Type"])
    }

    func testUpdateWithEmptyBodySendsEmptyObject() async throws {
        let transport = RecordingTransport(status: 200, json: SpecExamples.update200)

        _ = try await makeClient(transport).customers.update(customer: 1, body: .init())

        XCTAssertEqual(text(try transport.onlyRequest().body), "{}")
    }

    func testCustomBaseURLKeepsItsPath() async throws {
        let transport = RecordingTransport(status: 200, json: SpecExamples.update200)
        let client = SallaClient(
            accessToken: testToken,
            baseURL: try XCTUnwrap(URL(string: "https://sandbox.example.com/admin/v2/")),
            transport: transport
        )

        _ = try await client.customers.update(customer: 2075683582, body: .init(lastName: "Ali"))

        XCTAssertEqual(
            try transport.onlyRequest().url.absoluteString,
            "https://sandbox.example.com/admin/v2/customers/2075683582"
        )
    }

    func testNegativeCustomerIDStaysOnePathSegment() async throws {
        let transport = RecordingTransport(status: 200, json: SpecExamples.update200)

        _ = try await makeClient(transport).customers.update(customer: -5)

        XCTAssertEqual(try transport.onlyRequest().url.absoluteString, "https://api.salla.dev/admin/v2/customers/-5")
    }
}
