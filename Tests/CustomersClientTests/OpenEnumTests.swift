import CustomersClient
import Foundation
import RuntimeTestSupport
import SallaRuntime
import XCTest

/// Enum values the spec does not list survive decoding and re-encoding.
final class OpenEnumTests: XCTestCase {
    private func encodedObject(_ value: some Encodable) throws -> [String: Any] {
        let data = try JSONEncoder().encode(value)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func testUnknownGenderSurvivesTheClient() async throws {
        let transport = RecordingTransport(status: 200, json: #"""
        {"status":200,"success":true,"data":{"id":5,"first_name":"Sam","gender":"other"}}
        """#)

        let customer = try await makeClient(transport).customers.retrieve(customer: 5)

        XCTAssertEqual(customer.gender, .unknown("other"))
        XCTAssertEqual(customer.gender?.rawValue, "other")
        XCTAssertEqual(customer.gender?.isKnown, false)
        XCTAssertEqual(customer.firstName, "Sam")

        let object = try encodedObject(customer)
        XCTAssertEqual(object["gender"] as? String, "other")
        XCTAssertEqual(object["first_name"] as? String, "Sam")
    }

    func testCustomerRoundTripsThroughJSON() throws {
        let original = try JSONDecoder().decode(
            Envelope<Customer>.self, from: Data(SpecExamples.retrieve200WithExtraKeys.utf8)
        ).data
        let again = try JSONDecoder().decode(Customer.self, from: JSONEncoder().encode(original))
        XCTAssertEqual(again, original)

        // Received models are read-only; the shared Gender moves straight into a request body.
        let update = CustomerRequestBody(firstName: original.firstName, gender: original.gender)
        XCTAssertEqual(update.gender, original.gender)
        let decoded = try JSONDecoder().decode(CustomerRequestBody.self, from: JSONEncoder().encode(CustomerRequestBody(gender: .unknown("other"))))
        XCTAssertEqual(decoded.gender, .unknown("other"))
    }

    func testKnownGenderEncodesAsItsRawValue() throws {
        let object = try encodedObject(Customer(id: 1, gender: .female))
        XCTAssertEqual(object["gender"] as? String, "female")
        XCTAssertEqual(object["id"] as? Int, 1)
    }

    func testRequestBodyGenderEncodesAsPlainString() throws {
        let unknown = try encodedObject(CustomerRequestBody(gender: .unknown("other")))
        XCTAssertEqual(unknown["gender"] as? String, "other")
        let known = try encodedObject(CustomerRequestBody(gender: .male))
        XCTAssertEqual(known["gender"] as? String, "male")
    }

    func testRawValuesAndKnownValues() {
        XCTAssertEqual(Gender(rawValue: "male"), .male)
        XCTAssertEqual(Gender(rawValue: "Male"), .unknown("Male"))
        XCTAssertEqual(Gender.knownValues, ["male", "female"])
        XCTAssertEqual(Gender(rawValue: "female"), .female)
        XCTAssertEqual(Gender.unknown("male"), .male, "equal when the API would send the same text")

        XCTAssertEqual(ListCustomersField(rawValue: "is_blocked"), .isBlocked)
        XCTAssertEqual(ListCustomersField.blockReason.rawValue, "block_reason")
        XCTAssertEqual(ListCustomersField.knownValues.count, 10)
        XCTAssertEqual(ListCustomersField(rawValue: "orders_count"), .unknown("orders_count"))
        XCTAssertEqual(CustomerDetailsField(rawValue: "orders_count"), .ordersCount)
        XCTAssertEqual(CustomerDetailsField.knownValues.count, 19)
        for raw in CustomerDetailsField.knownValues {
            XCTAssertTrue(CustomerDetailsField(rawValue: raw).isKnown, raw)
            XCTAssertEqual(CustomerDetailsField(rawValue: raw).rawValue, raw)
        }
    }

    func testFieldEnumsDecodeAndEncodeAsStrings() throws {
        let fields = try JSONDecoder().decode([ListCustomersField].self, from: Data(#"["is_blocked","brand_new"]"#.utf8))
        XCTAssertEqual(fields, [.isBlocked, .unknown("brand_new")])
        XCTAssertEqual(text(try JSONEncoder().encode(fields)), #"["is_blocked","brand_new"]"#)
    }
}
