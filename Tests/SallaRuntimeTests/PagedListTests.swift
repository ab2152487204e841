import Foundation
import SallaRuntime
import XCTest

/// When a `PagedList` asks for the next page, and where it stops.
final class PagedListTests: XCTestCase {
    private struct Item: Decodable, Sendable, Equatable {
        var id: Int
    }

    private func walk(_ answers: [String], base: String = "https://api.salla.dev/admin/v2") async throws -> (ids: [Int], urls: [String]) {
        let transport = InMemoryTransport(answers: answers.map { .json($0) })
        let client = SallaClient(accessToken: "t", baseURL: URL(string: base)!, transport: transport)
        let list = PagedList<Item>(client: client) { page in
            var request = Request(method: .get, path: "/items")
            request.query.add("page", page)
            request.query.add("keyword", "a b")
            return request
        }
        var ids: [Int] = []
        for try await item in list { ids.append(item.id) }
        return (ids, transport.requests.compactMap { $0.request.url?.absoluteString })
    }

    private func page(_ ids: [Int], _ pagination: String) -> String {
        #"{"status": 200, "success": true, "data": [\#(ids.map { #"{"id": \#($0)}"# }.joined(separator: ","))], "pagination": \#(pagination)}"#
    }

    func testStopsAtTotalPages() async throws {
        let walked = try await walk([
            page([1], #"{"currentPage": 1, "totalPages": 2}"#), page([2], #"{"currentPage": 2, "totalPages": 2}"#),
        ])
        XCTAssertEqual(walked.ids, [1, 2])
        XCTAssertEqual(walked.urls, [
            "https://api.salla.dev/admin/v2/items?page=1&keyword=a%20b", "https://api.salla.dev/admin/v2/items?page=2&keyword=a%20b",
        ])
    }

    func testFollowsASameOriginNextLinkKeepingTheFilters() async throws {
        let walked = try await walk([
            page([1], #"{"links": {"next": "https://api.salla.dev/admin/v2/items?page=2&cursor=x"}}"#), page([2], #"{"links": {}}"#),
        ])
        XCTAssertEqual(walked.ids, [1, 2])
        XCTAssertEqual(walked.urls.last, "https://api.salla.dev/admin/v2/items?page=2&cursor=x&keyword=a%20b")
    }

    func testALinkToAnotherOriginIsAskedForByNumber() async throws {
        for foreign in ["https://evil.example/admin/v2/items?page=2", "http://api.salla.dev/admin/v2/items?page=2",
                        "https://api.salla.dev:8443/admin/v2/items?page=2"] {
            let walked = try await walk([page([1], #"{"links": {"next": "\#(foreign)"}}"#), page([2], #"{"links": {"previous": "x"}}"#)])
            XCTAssertEqual(walked.urls.last, "https://api.salla.dev/admin/v2/items?page=2&keyword=a%20b", foreign)
        }
    }

    func testLinksThatSayNothingWalkToAnEmptyPage() async throws {
        for links in [#""links": []"#, #""count": 1"#] {
            let walked = try await walk([page([1], "{\(links)}"), page([2], "{\(links)}"), page([], "{\(links)}")])
            XCTAssertEqual(walked.ids, [1, 2], links)
            XCTAssertEqual(walked.urls.count, 3, links)
        }
    }

    func testAServerThatIgnoresThePageNumberIsNotWalkedForever() async throws {
        let walked = try await walk([page([1], #"{"currentPage": 1, "links": []}"#)])
        XCTAssertEqual(walked.ids, [1, 1])
        XCTAssertEqual(walked.urls.count, 2)
    }

    func testArgumentsAreCheckedAtTheFirstFetch() async throws {
        struct Rejected: Error {}
        let transport = InMemoryTransport(answers: [])
        let list = PagedList<Item>(client: SallaClient(accessToken: "t", transport: transport)) { _ in throw Rejected() }
        var iterator = list.makeAsyncIterator()
        await XCTAssertThrowsErrorAsync(try await iterator.next()) { XCTAssertTrue($0 is Rejected) }
        XCTAssertTrue(transport.requests.isEmpty)
    }
}
