import Foundation
import SallaRuntime
import XCTest

final class MultipartTests: XCTestCase {
    func testExactBytes() {
        enum Kind: String, QueryValue { case main }
        var form = MultipartFormData(boundary: "B0UND")
        form.append("name", "Shirt \"red\"")
        form.append("price", 35.0)
        form.append("skipped", nil as String?)
        form.append("tags", ["a", "b"])
        form.append("kind", Kind.main)
        form.append("photo", file: FileUpload(filename: "p.png", contentType: "image/png", data: Data([0x89, 0x50])))
        form.append("none", file: nil)
        var expected = Data("""
        --B0UND\r
        Content-Disposition: form-data; name="name"\r
        \r
        Shirt "red"\r
        --B0UND\r
        Content-Disposition: form-data; name="price"\r
        \r
        35\r
        --B0UND\r
        Content-Disposition: form-data; name="tags[]"\r
        \r
        a\r
        --B0UND\r
        Content-Disposition: form-data; name="tags[]"\r
        \r
        b\r
        --B0UND\r
        Content-Disposition: form-data; name="kind"\r
        \r
        main\r
        --B0UND\r
        Content-Disposition: form-data; name="photo"; filename="p.png"\r
        Content-Type: image/png\r
        \r

        """.utf8)
        expected.append(contentsOf: [0x89, 0x50])
        expected.append(contentsOf: Array("\r\n--B0UND--\r\n".utf8))
        XCTAssertEqual(form.encoded(), expected)
        XCTAssertEqual(form.contentType, "multipart/form-data; boundary=B0UND")
        XCTAssertFalse(form.isEmpty)
    }

    func testEscapesQuotesInNames() {
        var form = MultipartFormData(boundary: "b")
        form.append("f", file: FileUpload(filename: "a\"b\r\n.txt", data: Data()))
        XCTAssertEqual(
            text(form.encoded()),
            "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a%22b%0D%0A.txt\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n\r\n--b--\r\n"
        )
    }

    func testEmptyFormAndDefaultBoundary() {
        let form = MultipartFormData()
        XCTAssertTrue(form.boundary.hasPrefix("sallagen-boundary-"))
        XCTAssertEqual(text(form.encoded()), "--\(form.boundary)--\r\n")
    }

    func testFileUploadCodable() throws {
        let upload = FileUpload(filename: "x.bin", data: Data([1, 2, 3]))
        let encoded = try JSONEncoder().encode([upload])
        XCTAssertEqual(text(encoded), #"["AQID"]"#)
        let decoded = try JSONDecoder().decode([FileUpload].self, from: encoded)
        XCTAssertEqual(decoded.first?.data, Data([1, 2, 3]))
        XCTAssertThrowsError(try JSONDecoder().decode([FileUpload].self, from: json(#"["***"]"#)))
    }
}
