import CustomersClient
import Foundation
import RuntimeTestSupport
import SallaRuntime
import XCTest

/// Every success example of specs/customers.yaml, fed through the real client
/// method of its operation.
final class ResponseExampleTests: XCTestCase {
    // MARK: List Customers (GET /customers)

    func testListExample() async throws {
        let transport = RecordingTransport(status: 200, json: SpecExamples.list200)

        let page = try await makeClient(transport).customers.list()

        let request = try transport.onlyRequest()
        XCTAssertEqual(request.method, "GET")
        XCTAssertEqual(request.url.absoluteString, "https://api.salla.dev/admin/v2/customers")
        XCTAssertNil(request.body)
        XCTAssertNil(request.headers["Content-Type"])

        XCTAssertEqual(page.items.count, 2)
        let first = try XCTUnwrap(page.items.first)
        XCTAssertEqual(first.id, 2075683582)
        XCTAssertEqual(first.firstName, "Ahmed")
        XCTAssertEqual(first.mobile, 777777777)
        XCTAssertEqual(first.mobileCode, "967")
        XCTAssertEqual(first.gender, .male)
        XCTAssertEqual(first.country, "السعودية")
        XCTAssertEqual(first.urls?.customer, "https://shtara.com/profile")
        XCTAssertEqual(first.urls?.admin, "https://shtara.com/profiley")
        XCTAssertNil(first.urls?.digitalContent)
        XCTAssertEqual(first.groups, [11323141, 11323142])
        XCTAssertEqual(first.updatedAt, DateModel(date: "2020-04-02 22:43:26.000000", timezoneType: 3, timezone: "Asia/Riyadh"))

        let second = page.items[1]
        XCTAssertEqual(second.id, 2075683581)
        XCTAssertEqual(second.email, "aliahmed@test.test")
        XCTAssertNil(second.urls, "the second example customer has no urls")
        XCTAssertEqual(second.location, "null", "the docs send the string 'null', which is kept as text")
        XCTAssertNil(second.birthday)
        XCTAssertNil(second.currency)

        let pagination = try XCTUnwrap(page.pagination)
        XCTAssertEqual(pagination.count, 2)
        XCTAssertEqual(pagination.total, 2)
        XCTAssertEqual(pagination.perPage, 15)
        XCTAssertEqual(pagination.currentPage, 1)
        XCTAssertEqual(pagination.totalPages, 1)
        XCTAssertEqual(pagination.links, [:], "`links: []` reads as no links")
        XCTAssertNil(pagination.nextPage)
    }

    func testListExampleWithExtraKeys() async throws {
        let transport = RecordingTransport(status: 200, json: SpecExamples.list200WithExtraKeys)

        let page = try await makeClient(transport).customers.list(fields: [.isBlocked, .blockReason, .isInactive])

        XCTAssertEqual(page.items.count, 1)
        let customer = try XCTUnwrap(page.items.first)
        XCTAssertEqual(customer.id, 234324533)
        XCTAssertEqual(customer.firstName, "Ali")
        XCTAssertEqual(customer.lastName, "Ahmed")
        XCTAssertEqual(customer.mobile, 567000000)
        XCTAssertEqual(customer.mobileCode, "+966")
        XCTAssertEqual(customer.email, "email9@outlook.com")
        XCTAssertEqual(customer.urls?.admin, "https://s.salla.sa/customers/293847")
        XCTAssertEqual(customer.avatar, "https://cdn.assets.salla.network/prod/admin/cp/assets/images/avatar_male.png")
        XCTAssertEqual(customer.gender, .male)
        XCTAssertNil(customer.birthday, "birthday: null")
        XCTAssertEqual(customer.city, "جدة")
        XCTAssertEqual(customer.country, "السعودية | Saudi Arabia")
        XCTAssertEqual(customer.countryCode, "SA")
        XCTAssertEqual(customer.currency, "SAR")
        XCTAssertEqual(customer.location, "حي المحمدية - شارع عبدالعزيز اسماعيل")
        XCTAssertEqual(customer.updatedAt?.date, "2025-07-24 12:23:42.000000")
        XCTAssertEqual(customer.groups, [1113849985])

        // The example's pagination claims two items while data holds one; it is passed on as sent.
        let pagination = try XCTUnwrap(page.pagination)
        XCTAssertEqual(pagination.count, 2)
        XCTAssertEqual(pagination.total, 2)
        XCTAssertEqual(pagination.perPage, 15)
        XCTAssertEqual(pagination.currentPage, 1)
        XCTAssertEqual(pagination.totalPages, 1)
    }

    // MARK: Create Customer (POST /customers)

    func testCreateExample() async throws {
        // The docs' request example sends group ids as strings; the body type reads them as integers.
        let body = try JSONDecoder().decode(CustomerRequestBody.self, from: Data(SpecExamples.createRequest.utf8))
        XCTAssertEqual(body.mobile, "777777777")
        XCTAssertEqual(body.mobileCodeCountry, "+967")
        XCTAssertEqual(body.gender, .female)
        XCTAssertEqual(body.groups, [11323141, 11323142])
        let transport = RecordingTransport(status: 200, json: SpecExamples.create200)

        let customer = try await makeClient(transport).customers.create(body: body)

        let request = try transport.onlyRequest()
        XCTAssertEqual(request.method, "POST")
        XCTAssertEqual(request.url.absoluteString, "https://api.salla.dev/admin/v2/customers")
        XCTAssertEqual(request.headers["Content-Type"], "application/json")
        XCTAssertEqual(
            text(request.body),
            #"{"birthday":"1997-06-03","email":"ahmedali@test.test","first_name":"Ahmed","gender":"female","#
                + #""groups":[11323141,11323142],"last_name":"Ali","mobile":"777777777","mobile_code_country":"+967"}"#
        )

        XCTAssertEqual(customer.id, 2075683582)
        XCTAssertEqual(customer.firstName, "Ahmed")
        XCTAssertEqual(customer.mobile, 777777777)
        XCTAssertEqual(customer.location, "Alaziziiah street, building number 3")
        XCTAssertEqual(customer.groups, [11323141, 11323142])
        XCTAssertEqual(customer.updatedAt?.timezone, "Asia/Riyadh")
    }

    // MARK: Customer Details (GET /customers/{customer})

    func testRetrieveExample() async throws {
        let transport = RecordingTransport(status: 200, json: SpecExamples.retrieve200)

        let customer = try await makeClient(transport).customers.retrieve(customer: 2075683582)

        let request = try transport.onlyRequest()
        XCTAssertEqual(request.method, "GET")
        XCTAssertEqual(request.url.absoluteString, "https://api.salla.dev/admin/v2/customers/2075683582")
        XCTAssertNil(request.body)

        XCTAssertEqual(customer.id, 2075683582)
        XCTAssertEqual(customer.countryCode, "sa")
        XCTAssertEqual(customer.location, "Alnaseem Street, house number 1")
        XCTAssertEqual(customer.gender, .male)
        XCTAssertNil(customer.birthday)
    }

    func testRetrieveExampleWithExtraKeys() async throws {
        let transport = RecordingTransport(status: 200, json: SpecExamples.retrieve200WithExtraKeys)

        let customer = try await makeClient(transport).customers.retrieve(
            customer: 1188233194,
            fields: [.ordersCount, .walletBalance]
        )

        XCTAssertEqual(
            try transport.onlyRequest().url.absoluteString,
            "https://api.salla.dev/admin/v2/customers/1188233194?fields%5B%5D=orders_count&fields%5B%5D=wallet_balance"
        )
        XCTAssertEqual(customer.id, 1188233194)
        XCTAssertEqual(customer.mobile, 560000000)
        XCTAssertEqual(customer.mobileCode, "+966")
        XCTAssertEqual(customer.email, "ali@email.sa")
        XCTAssertEqual(customer.birthday, Customer.Birthday(date: "2001-02-02 00:00:00.000000", timezoneType: 3, timezone: "Asia/Riyadh"))
        XCTAssertEqual(customer.city, "")
        XCTAssertEqual(customer.location, "")
        XCTAssertEqual(customer.countryCode, "SA")
        XCTAssertEqual(customer.currency, "SAR")
        XCTAssertEqual(customer.updatedAt?.date, "2025-03-17 12:18:35.000000")
        XCTAssertEqual(customer.groups, [474034050, 2134252254])
    }

    // MARK: Update Customer (PUT /customers/{customer})

    func testUpdateExample() async throws {
        let transport = RecordingTransport(status: 200, json: SpecExamples.update200)

        let customer = try await makeClient(transport).customers.update(customer: 2075683582, body: .init(lastName: "Ali"))

        XCTAssertEqual(try transport.onlyRequest().method, "PUT")
        XCTAssertEqual(customer.id, 2075683582)
        XCTAssertEqual(customer.mobile, 560716138)
        XCTAssertEqual(customer.mobileCode, "999")
        XCTAssertEqual(customer.email, "ahmed.ali@test.test")
    }

    // MARK: Delete Customer (DELETE /customers/{customer})

    func testDeleteExample() async throws {
        let transport = RecordingTransport(status: 200, json: SpecExamples.delete200)

        let messages = try await makeClient(transport).customers.delete(customer: 2075683582)

        let request = try transport.onlyRequest()
        XCTAssertEqual(request.method, "DELETE")
        XCTAssertEqual(request.url.absoluteString, "https://api.salla.dev/admin/v2/customers/2075683582")
        XCTAssertNil(request.body)
        XCTAssertNil(request.headers["Content-Type"])
        XCTAssertEqual(messages, ["تم حذف Customer بنجاح"])
    }

    // MARK: Ban Customer (PUT /customers/blacklist/{customer})

    func testBanExample() async throws {
        let body = try JSONDecoder().decode(BanCustomerBody.self, from: Data(SpecExamples.banRequest.utf8))
        XCTAssertEqual(body, BanCustomerBody(reason: "untrusted customer"))
        // A 200 response whose body says "status": 201.
        let transport = RecordingTransport(status: 200, json: SpecExamples.ban200)

        let result = try await makeClient(transport).customers.ban(customer: 2075683582, body: body)

        let request = try transport.onlyRequest()
        XCTAssertEqual(request.method, "PUT")
        XCTAssertEqual(request.url.absoluteString, "https://api.salla.dev/admin/v2/customers/blacklist/2075683582")
        XCTAssertEqual(request.headers["Content-Type"], "application/json")
        XCTAssertEqual(text(request.body), #"{"reason":"untrusted customer"}"#)
        XCTAssertEqual(result.message, "The Blacklist has been updated successfully")
        XCTAssertEqual(result.code, 201)
    }

    // MARK: Un-Ban customer (DELETE /customers/blacklist/{customer})

    func testUnbanExample() async throws {
        let transport = RecordingTransport(status: 202, json: SpecExamples.unban202)

        let result = try await makeClient(transport).customers.unban(customer: 2075683582)

        let request = try transport.onlyRequest()
        XCTAssertEqual(request.method, "DELETE")
        XCTAssertEqual(request.url.absoluteString, "https://api.salla.dev/admin/v2/customers/blacklist/2075683582")
        XCTAssertNil(request.body)
        XCTAssertEqual(result.message, "The customer in the blacklist has been removed successfully")
        XCTAssertEqual(result.code, 202)
    }

    // MARK: Import Customers (POST /customers/import)

    func testImportExample() async throws {
        let transport = RecordingTransport(status: 200, json: SpecExamples.import200)

        let result = try await makeClient(transport).customers.import(body: .init(file: FileUpload(filename: "Salla Customers.xlsx", data: Data())))

        let request = try transport.onlyRequest()
        XCTAssertEqual(request.method, "POST")
        XCTAssertEqual(request.url.absoluteString, "https://api.salla.dev/admin/v2/customers/import")
        XCTAssertEqual(result.message, "يتم حالياً معالجة الملف وسوف يستغرق بعض الوقت")
        XCTAssertEqual(result.code, 200)
    }

    // MARK: Robustness around the examples

    func testCustomerWithNumbersAsStringsAndStringsAsNumbers() async throws {
        let transport = RecordingTransport(status: 200, json: #"""
        {"status":200,"success":true,"data":{"id":"2075683582","first_name":"Ahmed","mobile":"0555000111",
         "mobile_code":966,"groups":["1",2,"x"],"urls":[],"updated_at":"2020-04-02",
         "birthday":{"date":"1997-06-03 00:00:00.000000","timezone_type":"3","timezone":null}}}
        """#)

        let customer = try await makeClient(transport).customers.retrieve(customer: 2075683582)

        XCTAssertEqual(customer.id, 2075683582)
        XCTAssertEqual(customer.mobile, 555000111, "mobile is a number in the schema: the leading zero is lost")
        XCTAssertEqual(customer.mobileCode, "966")
        XCTAssertEqual(customer.groups, [1, 2])
        XCTAssertNil(customer.urls)
        XCTAssertNil(customer.updatedAt)
        XCTAssertEqual(customer.birthday?.timezoneType, 3)
        XCTAssertNil(customer.birthday?.timezone)
    }

    func testUndecodableSuccessBodyIsASallaDecodingError() async throws {
        let transport = RecordingTransport(status: 200, json: #"{"status":200,"success":true}"#)

        let error = await expectError(SallaDecodingError.self) {
            _ = try await makeClient(transport).customers.retrieve(customer: 1)
        }

        XCTAssertEqual(error?.statusCode, 200)
        XCTAssertEqual(error?.underlyingDescription, #"key not found "data" at <root>"#)
    }

    func testListDropsItemsThatAreNotObjects() async throws {
        let transport = RecordingTransport(status: 200, json: #"""
        {"status":200,"success":true,"data":[{"id":1},"junk",{"id":2}],"pagination":{"count":"2","per_page":"15"}}
        """#)

        let page = try await makeClient(transport).customers.list(page: 1)

        XCTAssertEqual(page.items.map(\.id), [1, 2])
        XCTAssertEqual(page.pagination?.count, 2)
        XCTAssertEqual(page.pagination?.perPage, 15)
    }
}
