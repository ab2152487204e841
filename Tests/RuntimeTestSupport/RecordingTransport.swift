import Foundation
import SallaRuntime
import XCTest

/// Records every request it is handed and answers with queued responses, in
/// order; the last response repeats once the queue is down to one. The runtime's
/// `InMemoryTransport`, with requests and answers in the tests' own terms.
public final class RecordingTransport: Transport, Sendable {
    private let transport: InMemoryTransport

    public init(_ responses: CannedResponse...) {
        transport = InMemoryTransport(answers: responses.map(\.answer))
    }

    /// A transport answering every request with `json` and `status`.
    public convenience init(status: Int = 200, json: String) {
        self.init(.json(status, json))
    }

    /// Every request sent so far, in order.
    public var requests: [SentRequest] {
        transport.requests.map { SentRequest($0.request, body: $0.body) }
    }

    /// The latest request sent.
    public var lastRequest: SentRequest? { requests.last }

    /// The single request sent; fails the test when there were none or several.
    public func onlyRequest(file: StaticString = #filePath, line: UInt = #line) throws -> SentRequest {
        let all = requests
        XCTAssertEqual(all.count, 1, "expected exactly one request", file: file, line: line)
        return try XCTUnwrap(all.first, file: file, line: line)
    }

    public func send(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, Data) {
        try await transport.send(request, body: body)
    }
}

/// A request as a test reads it: method and URL as text, header fields by their spelling.
public struct SentRequest: Sendable {
    public var method: String
    public var url: URL
    public var headers: [String: String]
    public var body: Data?

    public init(_ request: HTTPRequest, body: Data?) {
        method = request.method.rawValue
        url = request.url ?? URL(fileURLWithPath: "/")
        headers = Dictionary(request.headerFields.map { ($0.name.rawName, $0.value) }, uniquingKeysWith: { $1 })
        self.body = body
    }
}

/// A canned answer: status, header fields and body.
public struct CannedResponse: Sendable {
    public var statusCode: Int
    public var headers: [String: String]
    public var body: Data

    public init(statusCode: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }

    /// A response with a JSON body.
    public static func json(_ status: Int, _ text: String) -> CannedResponse {
        CannedResponse(statusCode: status, headers: ["Content-Type": "application/json"], body: Data(text.utf8))
    }

    /// What the in-memory transport answers.
    public var answer: InMemoryTransport.Answer {
        var fields = HTTPFields()
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            if let name = HTTPField.Name(name) { fields[name] = value }
        }
        return InMemoryTransport.Answer(status: .init(code: statusCode), headerFields: fields, body: body)
    }
}
