import CustomersClient
import Foundation
import RuntimeTestSupport
import SallaRuntime
import XCTest

/// Query parameters of the list and details calls.
final class QueryEncodingTests: XCTestCase {
    func testListQuery() async throws {
        let transport = RecordingTransport(status: 200, json: SpecExamples.list200)

        _ = try await makeClient(transport).customers.list(page: 2, keyword: "a+b", fields: [.isBlocked, .blockReason])

        let url = try transport.onlyRequest().url
        XCTAssertEqual(
            url.absoluteString,
            "https://api.salla.dev/admin/v2/customers?page=2&keyword=a%2Bb&fields%5B%5D=is_blocked&fields%5B%5D=block_reason"
        )
        let components = try XCTUnwrap(URLComponents(url: url, resolvingAgainstBaseURL: false))
        XCTAssertEqual(components.path, "/admin/v2/customers")
        XCTAssertEqual(components.queryItems, [
            URLQueryItem(name: "page", value: "2"),
            URLQueryItem(name: "keyword", value: "a+b"),
            URLQueryItem(name: "fields[]", value: "is_blocked"),
            URLQueryItem(name: "fields[]", value: "block_reason"),
        ])
    }

    func testAllListParametersInDeclarationOrder() async throws {
        let transport = RecordingTransport(status: 200, json: SpecExamples.list200)

        _ = try await makeClient(transport).customers.list(
            page: 1, keyword: "966511804534", dateFrom: "2024-12-30", dateTo: "2024-12-31", fields: [.totalPoints]
        )

        XCTAssertEqual(
            try transport.onlyRequest().url.query,
            "page=1&keyword=966511804534&date_from=2024-12-30&date_to=2024-12-31&fields%5B%5D=total_points"
        )
    }

    func testKeywordWithSpacesArabicAndReservedCharacters() async throws {
        let transport = RecordingTransport(status: 200, json: SpecExamples.list200)

        _ = try await makeClient(transport).customers.list(keyword: "أحمد & co=1/2?")

        let url = try transport.onlyRequest().url
        let components = try XCTUnwrap(URLComponents(url: url, resolvingAgainstBaseURL: false))
        XCTAssertEqual(components.queryItems, [URLQueryItem(name: "keyword", value: "أحمد & co=1/2?")])
        XCTAssertEqual(url.query, "keyword=%D8%A3%D8%AD%D9%85%D8%AF%20%26%20co%3D1%2F2%3F")
    }

    func testEmptyFieldsArrayAddsNothing() async throws {
        let transport = RecordingTransport(status: 200, json: SpecExamples.list200)

        _ = try await makeClient(transport).customers.list(fields: [])

        XCTAssertEqual(try transport.onlyRequest().url.absoluteString, "https://api.salla.dev/admin/v2/customers")
    }

    func testListPagesThroughUsingNextPage() async throws {
        let transport = RecordingTransport(
            .json(200, #"{"status":200,"success":true,"data":[{"id":1}],"pagination":{"count":1,"total":2,"perPage":1,"currentPage":1,"totalPages":2,"links":{"next":"https://api.salla.dev/admin/v2/customers?page=2"}}}"#),
            .json(200, #"{"status":200,"success":true,"data":[{"id":2}],"pagination":{"count":1,"total":2,"perPage":1,"currentPage":2,"totalPages":2,"links":{"previous":"https://api.salla.dev/admin/v2/customers?page=1"}}}"#)
        )
        let client = makeClient(transport)

        var ids: [Int?] = []
        var page: Int? = 1
        while let current = page {
            let result = try await client.customers.list(page: current)
            ids += result.items.map(\.id)
            page = result.pagination?.nextPage
        }

        XCTAssertEqual(ids, [1, 2])
        XCTAssertEqual(transport.requests.map(\.url.query), ["page=1", "page=2"])
    }

    func testRetrieveFieldsQuery() async throws {
        let transport = RecordingTransport(status: 200, json: SpecExamples.retrieve200)

        _ = try await makeClient(transport).customers.retrieve(customer: 5, fields: [.isBlocked, .blockReason])

        XCTAssertEqual(
            try transport.onlyRequest().url.absoluteString,
            "https://api.salla.dev/admin/v2/customers/5?fields%5B%5D=is_blocked&fields%5B%5D=block_reason"
        )
    }
}
