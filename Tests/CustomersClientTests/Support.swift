import CustomersClient
import Foundation
import RuntimeTestSupport
import SallaRuntime
import XCTest

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
