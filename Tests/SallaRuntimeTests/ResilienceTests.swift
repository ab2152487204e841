import Foundation
import RuntimeTestSupport
@testable import SallaRuntime
import XCTest

/// Retries, timeouts, cancellation, middlewares and tokens, against an in-memory transport.
/// (`EndToEndTests` proves the same over a socket.)
final class ResilienceTests: XCTestCase {
    private struct Item: Decodable, Sendable, Equatable {
        var id: Int?
    }

    private static let item = #"{"status": 200, "success": true, "data": {"id": 1}}"#

    private func client(_ transport: InMemoryTransport, configure: (inout SallaClient.Configuration) -> Void = { _ in }) -> SallaClient {
        var configuration = SallaClient.Configuration()
        configuration.retryPolicy.baseDelay = .zero
        configure(&configuration)
        return SallaClient(accessToken: "tok", transport: transport, configuration: configuration)
    }

    private func get(_ client: SallaClient, method: HTTPMethod = .get) async throws -> Item {
        try await client.send(Request(method: method, path: "/items/1"), as: Envelope<Item>.self).data
    }

    func testAGETIsRetriedAfter5xxUpToTheAttemptBound() async throws {
        let transport = InMemoryTransport(answers: [.json("{}", status: .serviceUnavailable)])
        await XCTAssertThrowsErrorAsync(try await get(client(transport))) { error in
            XCTAssertEqual((error as? SallaAPIError)?.statusCode, 503)
        }
        XCTAssertEqual(transport.requests.count, 4)
    }

    func testPOSTAndPATCHAreNeverRepeatedAfter5xxOrANetworkFailure() async throws {
        for method in [HTTPMethod.post, .patch] {
            let failing = InMemoryTransport(answers: [.json("{}", status: .internalServerError)])
            await XCTAssertThrowsErrorAsync(try await get(client(failing), method: method))
            XCTAssertEqual(failing.requests.count, 1, "\(method)")
            let unreachable = InMemoryTransport { _, _ in throw URLError(.networkConnectionLost) }
            await XCTAssertThrowsErrorAsync(try await get(client(unreachable), method: method))
            XCTAssertEqual(unreachable.requests.count, 1, "\(method)")
        }
    }

    func testANetworkFailureOfAGETIsRetried() async throws {
        let failures = Counter()
        let transport = InMemoryTransport { _, _ in
            if failures.next() < 2 { throw URLError(.networkConnectionLost) }
            return .json(Self.item)
        }
        let item = try await get(client(transport))
        XCTAssertEqual(item, Item(id: 1))
        XCTAssertEqual(transport.requests.count, 3)
    }

    func testA429WithoutRetryAfterBacksOffAndRetriesAPOST() async throws {
        let transport = InMemoryTransport(answers: [.json("{}", status: .tooManyRequests), .json(Self.item)])
        _ = try await get(client(transport), method: .post)
        XCTAssertEqual(transport.requests.count, 2)
    }

    func testA429BeyondTheBoundThrowsWithTheFigures() async throws {
        let reset = Int(Date().timeIntervalSince1970) + 600
        let transport = InMemoryTransport(answers: [.json(
            #"{"status": 429, "success": false, "error": {"message": "Too Many Attempts."}}"#, status: .tooManyRequests,
            headerFields: [.retryAfter: "600", HTTPField.Name("X-RateLimit-Limit")!: "120",
                           HTTPField.Name("X-RateLimit-Remaining")!: "0", HTTPField.Name("X-RateLimit-Reset")!: "\(reset)"])])
        await XCTAssertThrowsErrorAsync(try await get(client(transport))) { error in
            let error = error as? SallaAPIError
            XCTAssertEqual(error?.rateLimit, RateLimit(limit: 120, remaining: 0, resetsAt: Date(timeIntervalSince1970: TimeInterval(reset))))
            XCTAssertGreaterThan(error?.retryAfter?.timeIntervalSinceNow ?? 0, 590)
            XCTAssertTrue(error?.description.contains("Too Many Attempts.; retry after ") ?? false, "\(String(describing: error))")
        }
        XCTAssertEqual(transport.requests.count, 1)
    }

    func testAFixedTokenIsNotRefreshedAfter401() async throws {
        let transport = InMemoryTransport(answers: [.json("{}", status: .unauthorized)])
        await XCTAssertThrowsErrorAsync(try await get(client(transport))) { error in
            XCTAssertTrue((error as? SallaAPIError)?.isUnauthorized ?? false)
        }
        XCTAssertEqual(transport.requests.count, 1)
    }

    func testTheTimeoutReturnsAtOnceWhenTheTransportIgnoresCancellation() async throws {
        let transport = InMemoryTransport { _, _ in
            let until = Date().addingTimeInterval(3)
            while Date() < until { try? await Task.sleep(for: .milliseconds(20)) }
            return .json(Self.item)
        }
        let started = Date()
        await XCTAssertThrowsErrorAsync(try await get(client(transport) {
            $0.timeout = .milliseconds(100)
            $0.retryPolicy = .none
        })) { error in
            XCTAssertEqual(error as? SallaTimeoutError, SallaTimeoutError(method: "GET", path: "/admin/v2/items/1", timeout: .milliseconds(100)))
            XCTAssertEqual("\(error)", "GET /admin/v2/items/1 got no complete answer within 0.1 seconds")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 1)
    }

    func testAURLErrorCancelledOutsideACancelledTaskIsFinalNotACancellation() async throws {
        // A session that refused a certificate, or was invalidated, reports `.cancelled` too.
        let transport = InMemoryTransport { _, _ in throw URLError(.cancelled) }
        await XCTAssertThrowsErrorAsync(try await get(client(transport))) { error in
            XCTAssertEqual((error as? URLError)?.code, .cancelled, "\(error)")
        }
        XCTAssertEqual(transport.requests.count, 1)
    }

    func testACancelledTaskEndsWithCancellationError() async throws {
        let transport = InMemoryTransport { _, _ in
            try await Task.sleep(for: .seconds(30))
            return .json(Self.item)
        }
        let client = client(transport)
        let call = Task { try await client.send(Request(method: .get, path: "/items/1"), as: Envelope<Item>.self).data }
        try await Task.sleep(for: .milliseconds(100))
        call.cancel()
        let result = await call.result
        XCTAssertThrowsError(try result.get()) { XCTAssertTrue($0 is CancellationError, "\($0)") }
    }

    func testMiddlewaresWrapEachAttemptFirstOutermost() async throws {
        let trail = Collected<String>()
        let transport = InMemoryTransport(answers: [.json("{}", status: .badGateway), .json(Self.item)])
        _ = try await get(client(transport) { $0.middlewares = [Tag(name: "outer", trail: trail), Tag(name: "inner", trail: trail)] })
        XCTAssertEqual(trail.elements, [
            "outer 1 >", "inner 1 >", "inner 1 < 502", "outer 1 < 502",
            "outer 2 >", "inner 2 >", "inner 2 < 200", "outer 2 < 200",
        ])
        XCTAssertEqual(transport.requests.last?.request.headerFields[HTTPField.Name("X-Tag")!], "outer, inner")
    }

    func testLanguageAndConfiguredCopiesShareTheRateLimit() async throws {
        let transport = InMemoryTransport(answers: [.json(Self.item, headerFields: [HTTPField.Name("X-RateLimit-Remaining")!: "7"])])
        let client = client(transport) { $0.language = "ar" }
        _ = try await get(client.with(language: "en"))
        let remaining = await client.rateLimit?.remaining
        XCTAssertEqual(remaining, 7)
        XCTAssertEqual(transport.requests.map { $0.request.headerFields[.acceptLanguage] }, ["en"])
        XCTAssertEqual(client.configuration.language, "ar")
    }

    func testRetryAfterReadsSecondsDatesAndTheReset() throws {
        let dated = InMemoryTransport.Answer(status: .tooManyRequests, headerFields: [.retryAfter: "Wed, 21 Oct 2037 07:28:00 GMT"])
        let error = SallaAPIError(statusCode: 429, headerFields: dated.response.headerFields, body: Data())
        XCTAssertEqual(error.retryAfter, Date(timeIntervalSince1970: 2_139_722_880))
        let relativeReset = SallaAPIError(statusCode: 429, headerFields: [HTTPField.Name("X-RateLimit-Reset")!: "30"], body: Data())
        XCTAssertEqual(relativeReset.retryAfter?.timeIntervalSinceNow ?? 0, 30, accuracy: 2)
        XCTAssertNil(SallaAPIError(statusCode: 429, headerFields: [.retryAfter: "soon"], body: Data()).retryAfter)
        XCTAssertNil(SallaAPIError(statusCode: 500, headerFields: [.retryAfter: "5"], body: Data()).retryAfter)
    }

    func testBackoffIsCappedFullJitter() {
        var policy = RetryPolicy()
        policy.baseDelay = .seconds(1)
        policy.maximumDelay = .seconds(4)
        for retry in 1...40 {
            let ceiling = min(Double(1 << min(retry - 1, 30)), 4)
            for _ in 0..<20 {
                let delay = policy.backoff(beforeRetry: retry)
                XCTAssertTrue(delay >= 0 && delay <= ceiling, "retry \(retry): \(delay)")
            }
        }
        policy.baseDelay = .seconds(Int64.max)
        policy.maximumDelay = .seconds(Int64.max)
        XCTAssertLessThanOrEqual(policy.backoff(beforeRetry: 40), 365 * 86_400, "huge settings do not trap")
    }

    func testAbsurdRateLimitFiguresAreIgnoredInsteadOfTrapping() async throws {
        let transport = InMemoryTransport(answers: [
            .json("{}", status: .tooManyRequests, headerFields: [.retryAfter: "1e30", HTTPField.Name("X-RateLimit-Reset")!: "inf"]),
            .json(Self.item, headerFields: [HTTPField.Name("X-RateLimit-Remaining")!: "0", HTTPField.Name("X-RateLimit-Reset")!: "nan"]),
        ])
        let client = client(transport) { $0.retryPolicy.maximumTotalWait = .seconds(Int64.max) }
        _ = try await get(client)
        _ = try await get(client)
        XCTAssertEqual(transport.requests.count, 3)
    }
}

/// Counts calls from any task.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.withLock { defer { value += 1 }; return value } }
}

/// Notes each attempt on the way in and out, and appends its name to `X-Tag`.
private struct Tag: ClientMiddleware {
    let name: String
    let trail: Collected<String>

    func intercept(
        _ request: HTTPRequest, body: Data?, context: AttemptContext,
        next: @Sendable (HTTPRequest, Data?) async throws -> (HTTPResponse, Data)
    ) async throws -> (HTTPResponse, Data) {
        trail.append("\(name) \(context.attempt) >")
        var request = request
        let tag = HTTPField.Name("X-Tag")!
        request.headerFields[tag] = [request.headerFields[tag], name].compactMap { $0 }.joined(separator: ", ")
        let (response, data) = try await next(request, body)
        trail.append("\(name) \(context.attempt) < \(response.status.code)")
        return (response, data)
    }
}

/// `XCTAssertThrowsError` for an async expression.
func XCTAssertThrowsErrorAsync<T>(
    _ expression: @autoclosure () async throws -> T,
    file: StaticString = #filePath, line: UInt = #line,
    _ handler: (any Error) -> Void = { _ in }
) async {
    do {
        _ = try await expression()
        XCTFail("expected an error", file: file, line: line)
    } catch {
        handler(error)
    }
}
