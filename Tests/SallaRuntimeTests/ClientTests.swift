import Foundation
import RuntimeTestSupport
import SallaRuntime
import XCTest

final class ClientTests: XCTestCase {
    private struct Customer: Decodable, Sendable, Equatable {
        var id: Int?
        var name: String?
    }

    private func client(_ transport: RecordingTransport) -> SallaClient {
        SallaClient(accessToken: "tok123", transport: transport)
    }

    func testProductionURL() {
        XCTAssertEqual(SallaClient.productionURL.absoluteString, "https://api.salla.dev/admin/v2")
    }

    func testURLKeepsBasePathAndEncodesQuery() async throws {
        let transport = RecordingTransport(json: #"{"status":200,"success":true,"data":{"id":1}}"#)
        var request = Request(method: .get, path: "/products")
        request.query.add("fields", ["a", "b"])
        request.query.add("keyword", "a+b c&d=é")
        request.query.add("page", 2)
        request.query.add("price", 35.0)
        request.query.add("skipped", nil as String?)
        request.query.add("missing", nil as [Int]?)
        request.query.add("active", true)
        _ = try await client(transport).send(request, as: Envelope<Customer>.self)
        let last = transport.lastRequest
        let sent = try XCTUnwrap(last)
        XCTAssertEqual(
            sent.url.absoluteString,
            "https://api.salla.dev/admin/v2/products?fields%5B%5D=a&fields%5B%5D=b"
                + "&keyword=a%2Bb%20c%26d%3D%C3%A9&page=2&price=35&active=true"
        )
        XCTAssertEqual(sent.method, "GET")
        XCTAssertNil(sent.body)
        XCTAssertEqual(sent.headers["Authorization"], "Bearer tok123")
        XCTAssertEqual(sent.headers["Accept"], "application/json")
        XCTAssertNil(sent.headers["Content-Type"])
    }

    func testURLWithTrailingSlashBaseAndRelativePath() async throws {
        let base = try XCTUnwrap(URL(string: "https://example.test/admin/v2/"))
        let transport = RecordingTransport(json: "{}")
        let client = SallaClient(accessToken: "t", baseURL: base, transport: transport)
        _ = try await client.send(Request(method: .delete, path: "customers/" + PathComponent.encode(42)), as: EmptyResponse.self)
        let sent = try transport.onlyRequest()
        XCTAssertEqual(sent.url.absoluteString, "https://example.test/admin/v2/customers/42")
        XCTAssertEqual(sent.method, "DELETE")
    }

    func testJSONBodyAndContentType() async throws {
        struct Body: Encodable { var zeta = "z/1"; var alpha = 1 }
        let transport = RecordingTransport(json: #"{"status":201,"success":true,"data":{"id":7,"name":"Sara"}}"#)
        var request = Request(method: .post, path: "/customers")
        try request.setJSONBody(Body())
        request.headers["X-Trace"] = "abc"
        let envelope = try await client(transport).send(request, as: Envelope<Customer>.self)
        XCTAssertEqual(envelope.data, Customer(id: 7, name: "Sara"))
        XCTAssertEqual(envelope.status, 201)
        let last = transport.lastRequest
        let sent = try XCTUnwrap(last)
        XCTAssertEqual(text(sent.body), #"{"alpha":1,"zeta":"z/1"}"#)
        XCTAssertEqual(sent.headers["Content-Type"], "application/json")
        XCTAssertEqual(sent.headers["X-Trace"], "abc")
        XCTAssertEqual(sent.method, "POST")
    }

    func testMultipartBodyContentType() async throws {
        let transport = RecordingTransport(json: #"{"status":200,"success":true,"data":{}}"#)
        var form = MultipartFormData(boundary: "XYZ")
        form.append("name", "x")
        var request = Request(method: .post, path: "/products/1/images")
        request.body = .multipart(form)
        _ = try await client(transport).send(request, as: EmptyResponse.self)
        let last = transport.lastRequest
        let sent = try XCTUnwrap(last)
        XCTAssertEqual(sent.headers["Content-Type"], "multipart/form-data; boundary=XYZ")
        XCTAssertEqual(sent.body, form.encoded())
    }

    func testEmptyResponseIgnoresEmptyBody() async throws {
        let transport = RecordingTransport(CannedResponse(statusCode: 204))
        let result = try await client(transport).send(Request(method: .delete, path: "/x"), as: EmptyResponse.self)
        XCTAssertEqual(result, EmptyResponse())
    }

    func testNon2xxThrowsAPIError() async throws {
        let transport = RecordingTransport(
            status: 404,
            json: #"{"status":404,"success":false,"error":{"code":"NOT_FOUND","message":"Not found"}}"#
        )
        do {
            _ = try await client(transport).send(Request(method: .get, path: "/customers/9"), as: Envelope<Customer>.self)
            XCTFail("expected an error")
        } catch let error as SallaAPIError {
            XCTAssertTrue(error.isNotFound)
            XCTAssertEqual(error.code, "NOT_FOUND")
            XCTAssertEqual(error.message, "Not found")
        }
    }

    func testBad2xxJSONThrowsDecodingError() async throws {
        let transport = RecordingTransport(json: #"{"status":200,"success":true}"#)
        do {
            _ = try await client(transport).send(Request(method: .get, path: "/customers/9"), as: Envelope<Customer>.self)
            XCTFail("expected an error")
        } catch let error as SallaDecodingError {
            XCTAssertEqual(error.statusCode, 200)
            XCTAssertEqual(text(error.body), #"{"status":200,"success":true}"#)
            XCTAssertTrue(error.underlying is DecodingError)
            XCTAssertTrue(error.description.contains("data"), error.description)
        }

        let notJSON = RecordingTransport(json: "<html>")
        do {
            _ = try await client(notJSON).send(Request(method: .get, path: "/x"), as: Envelope<Customer>.self)
            XCTFail("expected an error")
        } catch let error as SallaDecodingError {
            XCTAssertTrue(error.underlyingDescription.hasPrefix("data corrupted"), error.underlyingDescription)
        }
    }

    func testTransportErrorsPropagate() async {
        let transport = RecordingTransport()
        do {
            _ = try await client(transport).send(Request(method: .get, path: "/x"), as: EmptyResponse.self)
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual((error as? URLError)?.code, .resourceUnavailable)
        }
    }

    func testPathComponentEncoding() {
        XCTAssertEqual(PathComponent.encode("a b/c"), "a%20b%2Fc")
        XCTAssertEqual(PathComponent.encode("A-z_0.9~"), "A-z_0.9~")
        XCTAssertEqual(PathComponent.encode("ص?#%"), "%D8%B5%3F%23%25")
        XCTAssertEqual(PathComponent.encode(12), "12")
    }

    func testQueryValues() {
        enum Status: String, QueryValue { case active }
        XCTAssertEqual(35.0.queryValue, "35")
        XCTAssertEqual(35.5.queryValue, "35.5")
        XCTAssertEqual((-0.25).queryValue, "-0.25")
        XCTAssertEqual(Double.infinity.queryValue, "inf")
        XCTAssertEqual(Int64(9_000_000_000).queryValue, "9000000000")
        XCTAssertEqual(false.queryValue, "false")
        XCTAssertEqual(Status.active.queryValue, "active")
        var query = QueryItems()
        query.add("status", [Status.active])
        XCTAssertEqual(query.items, [QueryItems.Item(name: "status[]", value: "active")])
        XCTAssertEqual(query.encoded, "status%5B%5D=active")
    }
}
