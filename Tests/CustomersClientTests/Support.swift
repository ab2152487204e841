import CustomersClient
import Foundation
import SallaRuntime
import XCTest

/// Records every request it is handed and answers with queued responses, in
/// order; the last response repeats once the queue is down to one.
final class RecordingTransport: Transport, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [HTTPRequest] = []
    private var queue: [HTTPResponse]

    init(_ responses: HTTPResponse...) {
        queue = responses
    }

    /// A transport answering every request with `json` and `status`.
    convenience init(status: Int, json: String) {
        self.init(.json(status, json))
    }

    /// Every request sent so far, in order.
    var requests: [HTTPRequest] {
        lock.withLock { recorded }
    }

    /// The single request sent; fails the test when there were none or several.
    func onlyRequest(file: StaticString = #filePath, line: UInt = #line) throws -> HTTPRequest {
        let all = requests
        XCTAssertEqual(all.count, 1, "expected exactly one request", file: file, line: line)
        return try XCTUnwrap(all.first, file: file, line: line)
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let next: HTTPResponse? = lock.withLock {
            recorded.append(request)
            guard let first = queue.first else { return nil }
            if queue.count > 1 { queue.removeFirst() }
            return first
        }
        guard let next else { throw URLError(.resourceUnavailable) }
        return next
    }
}

extension HTTPResponse {
    /// A response with a JSON body.
    static func json(_ status: Int, _ text: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: ["Content-Type": "application/json"], body: Data(text.utf8))
    }
}

let testToken = "test-token-123"

/// A client on the production base URL that talks to `transport`.
func makeClient(_ transport: RecordingTransport) -> SallaClient {
    SallaClient(accessToken: testToken, transport: transport)
}

/// The body as UTF-8 text.
func text(_ data: Data?) -> String? {
    data.map { String(decoding: $0, as: UTF8.self) }
}

/// Runs `body`, expecting it to throw an `E`; fails the test and returns nil otherwise.
func expectError<E: Error>(
    _ errorType: E.Type,
    file: StaticString = #filePath,
    line: UInt = #line,
    _ body: () async throws -> Void
) async -> E? {
    do {
        try await body()
        XCTFail("expected \(E.self) but nothing was thrown", file: file, line: line)
    } catch let error as E {
        return error
    } catch {
        XCTFail("expected \(E.self) but got \(type(of: error)): \(error)", file: file, line: line)
    }
    return nil
}
