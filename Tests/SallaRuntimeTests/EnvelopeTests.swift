import Foundation
import SallaRuntime
import XCTest

final class EnvelopeTests: XCTestCase {
    private struct Item: Decodable, Sendable, Hashable {
        var id: Int?
        init(id: Int?) { self.id = id }
        init(from decoder: any Decoder) throws {
            id = try decoder.container(keyedBy: AnyKey.self).lenient(Int.self, forKey: AnyKey("id"))
        }
    }

    func testEnvelopeLenientStatus() throws {
        let envelope = try JSONDecoder().decode(
            Envelope<String>.self, from: json(#"{"status":"200","success":1,"data":"ok"}"#)
        )
        XCTAssertEqual(envelope.status, 200)
        XCTAssertEqual(envelope.success, true)
        XCTAssertEqual(envelope.data, "ok")
    }

    func testEnvelopeFallsBackToLenientData() throws {
        let envelope = try JSONDecoder().decode(Envelope<[Int]>.self, from: json(#"{"data":["1",2,"x"]}"#))
        XCTAssertEqual(envelope.data, [1, 2])
        XCTAssertNil(envelope.status)
        XCTAssertThrowsError(try JSONDecoder().decode(Envelope<Int>.self, from: json(#"{"data":"x"}"#)))
        XCTAssertThrowsError(try JSONDecoder().decode(Envelope<Int>.self, from: json(#"{"status":200}"#)))
    }

    func testBodyWithoutEnvelopeIsThePayload() throws {
        let envelope = try JSONDecoder().decode(Envelope<Item>.self, from: json(#"{"id":"7"}"#))
        XCTAssertEqual(envelope.data, Item(id: 7))
    }

    func testEnvelopeWithoutDataIsNullWhenThePayloadCanBeNull() throws {
        let envelope = try JSONDecoder().decode(Envelope<JSONValue>.self, from: json(#"{"status":200,"success":true}"#))
        XCTAssertEqual(envelope.data, .null)
    }

    func testSuccessStatusCarryingTheErrorEnvelopeThrowsTheTypedError() throws {
        let body = json(#"{"status":404,"success":false,"error":{"code":404,"message":"gone"}}"#)
        XCTAssertThrowsError(try SallaClient.decodeResponse(Envelope<Item>.self, statusCode: 200, body: body)) { error in
            let apiError = error as? SallaAPIError
            XCTAssertEqual(apiError?.statusCode, 200)
            XCTAssertEqual(apiError?.code, "404")
            XCTAssertEqual(apiError?.message, "gone")
        }
        // `success: false` alone, without an error, is still data.
        let plain = json(#"{"status":200,"success":false,"data":{"id":1}}"#)
        XCTAssertEqual(try SallaClient.decodeResponse(Envelope<Item>.self, statusCode: 200, body: plain).data, Item(id: 1))
    }

    func testOffsetPagination() throws {
        let body = json("""
        {"status":200,"success":true,"data":[{"id":1},{"id":"2"}],
         "pagination":{"count":2,"total":"30","perPage":15,"currentPage":1,"totalPages":2,"links":{"next":"https://x/?page=2","previous":null}}}
        """)
        let envelope = try JSONDecoder().decode(PagedEnvelope<Item>.self, from: body)
        XCTAssertEqual(envelope.data, [Item(id: 1), Item(id: 2)])
        let pagination = try XCTUnwrap(envelope.pagination)
        XCTAssertEqual(pagination, Pagination(
            count: 2, total: 30, perPage: 15, currentPage: 1, totalPages: 2, links: ["next": "https://x/?page=2"]
        ))
        XCTAssertEqual(pagination.nextPage, 2)
        XCTAssertEqual(envelope.page, Page(items: [Item(id: 1), Item(id: 2)], pagination: pagination))
    }

    func testOffsetPaginationWithArrayLinks() throws {
        let body = json(#"{"data":[],"pagination":{"count":0,"total":0,"perPage":15,"currentPage":1,"totalPages":1,"links":[]}}"#)
        let pagination = try XCTUnwrap(try JSONDecoder().decode(PagedEnvelope<Item>.self, from: body).pagination)
        XCTAssertEqual(pagination.links, [:])
        XCTAssertNil(pagination.nextPage)
        XCTAssertEqual(pagination.totalPages, 1)
    }

    func testCursorPagination() throws {
        let body = json(#"{"data":[{"id":5}],"pagination":{"count":1,"cursor":{"current":"abc","previous":null,"next":12}}}"#)
        let envelope = try JSONDecoder().decode(PagedEnvelope<Item>.self, from: body)
        XCTAssertEqual(envelope.pagination?.count, 1)
        XCTAssertEqual(envelope.pagination?.cursor, Pagination.Cursor(current: "abc", previous: nil, next: "12"))
        XCTAssertNil(envelope.pagination?.total)
    }

    func testMissingOrBrokenPagination() throws {
        let none = try JSONDecoder().decode(PagedEnvelope<Item>.self, from: json(#"{"data":[]}"#))
        XCTAssertNil(none.pagination)
        let broken = try JSONDecoder().decode(PagedEnvelope<Item>.self, from: json(#"{"data":[],"pagination":"x"}"#))
        XCTAssertNil(broken.pagination)
        XCTAssertThrowsError(try JSONDecoder().decode(PagedEnvelope<Item>.self, from: json(#"{"data":{}}"#)))
    }

    func testPaginationRoundTrip() throws {
        let pagination = Pagination(count: 1, total: 2, links: ["next": "n"], cursor: .init(next: "c"))
        let data = try JSONEncoder().encode(pagination)
        XCTAssertEqual(try JSONDecoder().decode(Pagination.self, from: data), pagination)
        let snake = try JSONDecoder().decode(Pagination.self, from: json(#"{"per_page":"10","current_page":3,"total_pages":4.0}"#))
        XCTAssertEqual(snake.perPage, 10)
        XCTAssertEqual(snake.currentPage, 3)
        XCTAssertEqual(snake.totalPages, 4)
        XCTAssertEqual(snake.nextPage, 4)
    }
}

/// A coding key for hand-written test decoders.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
