import CustomersClient
import Foundation
import RuntimeTestSupport
import SallaRuntime
import XCTest

/// The multipart import call. The docs type the form's `file` as a plain string; the
/// generator reads it as an upload, so the spreadsheet's bytes travel as a file part.
final class ImportTests: XCTestCase {
    func testImportSendsMultipartFormData() async throws {
        let transport = RecordingTransport(status: 200, json: SpecExamples.import200)

        let sheet = FileUpload(filename: "Salla Customers.xlsx", contentType: "application/vnd.ms-excel", data: Data("id,name".utf8))
        _ = try await makeClient(transport).customers.import(body: .init(file: sheet))

        let request = try transport.onlyRequest()
        XCTAssertEqual(request.method, "POST")
        XCTAssertEqual(request.url.absoluteString, "https://api.salla.dev/admin/v2/customers/import")
        XCTAssertEqual(request.headers["Authorization"], "Bearer \(testToken)")
        XCTAssertEqual(request.headers["Accept"], "application/json")

        let contentType = try XCTUnwrap(request.headers["Content-Type"])
        let prefix = "multipart/form-data; boundary="
        XCTAssertTrue(contentType.hasPrefix(prefix), contentType)
        let boundary = String(contentType.dropFirst(prefix.count))
        XCTAssertFalse(boundary.isEmpty)

        let body = try XCTUnwrap(text(request.body))
        XCTAssertTrue(body.hasPrefix("--\(boundary)\r\n"), body)
        XCTAssertTrue(body.hasSuffix("\r\n--\(boundary)--\r\n"), body)
        XCTAssertTrue(body.contains(#"Content-Disposition: form-data; name="file"; filename="Salla Customers.xlsx""#), body)
        XCTAssertTrue(body.contains("Content-Type: application/vnd.ms-excel\r\n\r\nid,name\r\n"), body)
        XCTAssertEqual(body.components(separatedBy: "--\(boundary)").count, 3, "one part between the boundaries")
    }

    func testEachImportUsesAFreshBoundary() async throws {
        let transport = RecordingTransport(status: 200, json: SpecExamples.import200)
        let client = makeClient(transport)

        _ = try await client.customers.import(body: .init(file: FileUpload(filename: "a.xlsx", data: Data())))
        _ = try await client.customers.import(body: .init(file: FileUpload(filename: "b.xlsx", data: Data())))

        let types = transport.requests.compactMap { $0.headers["Content-Type"] }
        XCTAssertEqual(types.count, 2)
        XCTAssertNotEqual(types.first, types.last)
    }
}
