import CustomersClient
import Foundation
import Logging
import RuntimeTestSupport
import SallaAsyncHTTPClient
import SallaRuntime
import XCTest

/// The generated Customers client over a real socket, against `salla_emulator.py` on 127.0.0.1:
/// pages, rate limits, retries, token refresh, languages, uploads, timeouts, cancellation and
/// logging. Every test runs once per transport: URLSession, then AsyncHTTPClient.
final class CustomersEndToEndTests: XCTestCase {
    private static let emulator = Result { try SallaEmulator.start() }

    private static let transports: [(name: String, transport: any Transport)] = [
        ("URLSession", URLSessionTransport()),
        ("AsyncHTTPClient", AsyncHTTPClientTransport()),
    ]

    private func emulator() throws -> SallaEmulator {
        try Self.emulator.get()
    }

    /// Runs `body` once per transport, naming the transport in any failure.
    private func eachTransport(_ body: (_ name: String, _ transport: any Transport) async throws -> Void) async throws {
        for (name, transport) in Self.transports {
            do {
                try await body(name, transport)
            } catch {
                XCTFail("\(name): \(error)")
            }
        }
    }

    private func client(_ run: SallaEmulator.Run, _ transport: any Transport, token: String = "token",
                        configure: (inout SallaClient.Configuration) -> Void = { _ in }) -> SallaClient {
        var configuration = SallaClient.Configuration()
        configure(&configuration)
        return SallaClient(accessToken: token, baseURL: run.baseURL, transport: transport, configuration: configuration)
    }

    private func apiRequests(_ run: SallaEmulator.Run) async throws -> [SallaEmulator.LoggedRequest] {
        try await emulator().log(run).filter { $0.path.contains("/admin/v2/") }
    }

    // MARK: - Pagination

    func testListAllWalksThreePagesByTotalPages() async throws {
        try await eachTransport { name, transport in
            let run = try await emulator().configure("pages", ["style": "total", "pages": 3, "per_page": 2])
            var ids: [Int] = []
            for try await customer in client(run, transport).customers.listAll(keyword: "sara") {
                ids.append(customer.id ?? -1)
            }
            XCTAssertEqual(ids, [1, 2, 3, 4, 5, 6], name)
            let queries = try await apiRequests(run).map(\.query)
            XCTAssertEqual(queries.count, 3, name)
            // The pages' links leave the filter out; it is kept.
            XCTAssertEqual(queries, ["page=1&keyword=sara", "page=2&keyword=sara", "page=3&keyword=sara"], name)
        }
    }

    func testListAllFollowsLinksUntilThereIsNoNext() async throws {
        try await eachTransport { name, transport in
            let run = try await emulator().configure("pages", ["style": "links", "pages": 3, "per_page": 2])
            var pages: [Int] = []
            for try await page in client(run, transport).customers.listAll().pages {
                pages.append(page.items.count)
            }
            XCTAssertEqual(pages, [2, 2, 2], name)
            let observed = try await apiRequests(run).map(\.query)
            XCTAssertEqual(observed, ["page=1", "page=2", "page=3"], name)
        }
    }

    func testListAllStopsAtAnEmptyPageWhenLinksSayNothing() async throws {
        try await eachTransport { name, transport in
            let run = try await emulator().configure("pages", ["style": "empty", "pages": 2, "per_page": 2])
            var count = 0
            for try await _ in client(run, transport).customers.listAll() { count += 1 }
            XCTAssertEqual(count, 4, name)
            let observed = try await apiRequests(run).count
            XCTAssertEqual(observed, 3, "two pages and the empty one: \(name)")
        }
    }

    func testListAllNeverFollowsALinkToAnotherHost() async throws {
        try await eachTransport { name, transport in
            let run = try await emulator().configure("pages", ["style": "foreign", "pages": 2, "per_page": 2])
            var count = 0
            for try await _ in client(run, transport).customers.listAll() { count += 1 }
            XCTAssertEqual(count, 4, name)
            // The second page was asked for by number, of the configured server; its `links: {}` ended the walk.
            let observed = try await apiRequests(run).map(\.query)
            XCTAssertEqual(observed, ["page=1", "page=2"], name)
        }
    }

    func testBreakingOutOfListAllFetchesNothingMore() async throws {
        try await eachTransport { name, transport in
            let run = try await emulator().configure("pages", ["style": "total", "pages": 3, "per_page": 2])
            for try await _ in client(run, transport).customers.listAll() { break }
            let observed = try await apiRequests(run).count
            XCTAssertEqual(observed, 1, name)
        }
    }

    // MARK: - Rate limits and retries

    func test429ThenSuccessHonoursRetryAfterSeconds() async throws {
        try await eachTransport { name, transport in
            let run = try await emulator().configure("retry_after", ["seconds": 1])
            let customer = try await client(run, transport).customers.retrieve(customer: 1)
            XCTAssertEqual(customer.id, 1, name)
            let times = try await apiRequests(run).map(\.time)
            XCTAssertEqual(times.count, 2, name)
            XCTAssertGreaterThanOrEqual((times.last ?? 0) - (times.first ?? 0), 0.95, "\(name) waited for Retry-After")
        }
    }

    func test429ThenSuccessHonoursRetryAfterDate() async throws {
        try await eachTransport { name, transport in
            let run = try await emulator().configure("retry_after_date", ["seconds": 1])
            _ = try await client(run, transport).customers.retrieve(customer: 1)
            let times = try await apiRequests(run).map(\.time)
            XCTAssertEqual(times.count, 2, name)
            XCTAssertGreaterThanOrEqual((times.last ?? 0) - (times.first ?? 0), 0.5, "\(name) waited for the Retry-After date")
        }
    }

    func test429BeyondTheWaitBoundThrowsWithWhenToComeBack() async throws {
        try await eachTransport { name, transport in
            let run = try await emulator().configure("retry_after", ["seconds": 120])
            let started = Date()
            do {
                _ = try await client(run, transport).customers.retrieve(customer: 1)
                XCTFail("\(name): expected a rate-limit error")
            } catch let error as SallaAPIError {
                XCTAssertTrue(error.isRateLimited, name)
                let retryAfter = try XCTUnwrap(error.retryAfter, name)
                XCTAssertGreaterThan(retryAfter.timeIntervalSince(started), 100, name)
            }
            XCTAssertLessThan(Date().timeIntervalSince(started), 5, "\(name) did not wait")
            let observed = try await apiRequests(run).count
            XCTAssertEqual(observed, 1, name)
        }
    }

    func testPacingWaitsForTheResetWhenNothingRemains() async throws {
        try await eachTransport { name, transport in
            let run = try await emulator().configure("pacing", ["limit": 2, "window": 1])
            let client = client(run, transport)
            for id in 1...3 { _ = try await client.customers.retrieve(customer: id) }
            let logged = try await apiRequests(run)
            // No 429 was drawn: a 429 would have been retried, a fourth request.
            XCTAssertEqual(logged.count, 3, name)
            let rateLimit = await client.rateLimit
            XCTAssertEqual(rateLimit?.limit, 2, name)
            XCTAssertNotNil(rateLimit?.resetsAt, name)
        }
    }

    func testConcurrentCallsCountAgainstWhatRemains() async throws {
        try await eachTransport { name, transport in
            let run = try await emulator().configure("pacing", ["limit": 11, "window": 1, "delay": 0.1])
            let client = client(run, transport)
            _ = try await client.customers.retrieve(customer: 1)
            let remaining = await client.rateLimit?.remaining
            XCTAssertEqual(remaining, 10, name)
            let answered = try await withThrowingTaskGroup(of: Int?.self) { group in
                for id in 1...50 { group.addTask { try await client.with(language: "en").customers.retrieve(customer: id).id } }
                return try await group.reduce(into: 0) { count, id in count += id == nil ? 0 : 1 }
            }
            XCTAssertEqual(answered, 50, name)
            let observed = try await apiRequests(run).count
            XCTAssertEqual(observed, 51, "\(name): no call drew a 429")
        }
    }

    func testGETIsRetriedAfter503() async throws {
        try await eachTransport { name, transport in
            let run = try await emulator().configure("unavailable", ["failures": 1])
            let customer = try await client(run, transport).customers.retrieve(customer: 1)
            XCTAssertEqual(customer.id, 1, name)
            let observed = try await apiRequests(run).count
            XCTAssertEqual(observed, 2, name)
        }
    }

    func testPOSTAnswered500IsSentExactlyOnce() async throws {
        try await eachTransport { name, transport in
            let run = try await emulator().configure("server_error")
            do {
                _ = try await client(run, transport).customers.create(body: newCustomer)
                XCTFail("\(name): expected the 500 to be thrown")
            } catch let error as SallaAPIError {
                XCTAssertEqual(error.statusCode, 500, name)
            }
            let observed = try await apiRequests(run).count
            XCTAssertEqual(observed, 1, name)
        }
    }

    func testPOSTAnswered429IsSentTwice() async throws {
        try await eachTransport { name, transport in
            let run = try await emulator().configure("retry_after", ["seconds": 1])
            let created = try await client(run, transport).customers.create(body: newCustomer)
            XCTAssertEqual(created.id, 1, name)
            let observed = try await apiRequests(run).map(\.method)
            XCTAssertEqual(observed, ["POST", "POST"], name)
        }
    }

    // MARK: - Tokens

    func test401RefreshesOnceAndRetries() async throws {
        try await eachTransport { name, transport in
            let run = try await emulator().configure("tokens", ["access": "fresh-0", "refresh": "refresh-0"])
            let saved = Collected<OAuthTokens>()
            let provider = OAuthTokenProvider(
                clientID: "app", clientSecret: "secret",
                tokens: OAuthTokens(accessToken: "revoked", refreshToken: "refresh-0", expiresAt: .distantFuture),
                tokenURL: run.tokenURL, transport: transport, onRefresh: { saved.append($0) })
            let client = SallaClient(tokenProvider: provider, baseURL: run.baseURL, transport: transport)
            let customer = try await client.customers.retrieve(customer: 1)
            XCTAssertEqual(customer.id, 1, name)
            let logged = try await emulator().log(run)
            XCTAssertEqual(logged.map(\.method), ["GET", "POST", "GET"], name)
            XCTAssertEqual(logged.last?.headers["authorization"], "Bearer fresh-1", name)
            let form = String(decoding: logged[1].body, as: UTF8.self)
            XCTAssertEqual(form, "grant_type=refresh_token&refresh_token=refresh-0&client_id=app&client_secret=secret", name)
            XCTAssertEqual(logged[1].headers["content-type"], "application/x-www-form-urlencoded", name)
            let pairs = saved.elements
            XCTAssertEqual(pairs.map(\.refreshToken), ["refresh-1"], name)
            XCTAssertGreaterThan(pairs.first?.expiresAt?.timeIntervalSinceNow ?? 0, 1_000_000, name)
        }
    }

    func testFiftyConcurrentCallsOnAnExpiredTokenMakeOneRefresh() async throws {
        try await eachTransport { name, transport in
            let run = try await emulator().configure("tokens", ["access": "fresh-0", "refresh": "refresh-0", "absolute": true])
            let provider = OAuthTokenProvider(
                clientID: "app", clientSecret: "secret",
                tokens: OAuthTokens(accessToken: "expired", refreshToken: "refresh-0", expiresAt: Date(timeIntervalSinceNow: -10)),
                tokenURL: run.tokenURL, transport: transport, onRefresh: { _ in })
            let client = SallaClient(tokenProvider: provider, baseURL: run.baseURL, transport: transport)
            let answered = try await withThrowingTaskGroup(of: Int?.self) { group in
                for id in 1...50 { group.addTask { try await client.customers.retrieve(customer: id).id } }
                return try await group.reduce(into: 0) { count, id in count += id == nil ? 0 : 1 }
            }
            XCTAssertEqual(answered, 50, name)
            let logged = try await emulator().log(run)
            XCTAssertEqual(logged.filter { $0.path.hasSuffix("/oauth2/token") }.count, 1, name)
            XCTAssertEqual(logged.filter { $0.headers["authorization"] == "Bearer fresh-1" }.count, 50, name)
            let tokens = await provider.currentTokens
            XCTAssertEqual(tokens.refreshToken, "refresh-1", name)
            XCTAssertNotNil(tokens.expiresAt, "the absolute `expires` was read: \(name)")
        }
    }

    func testInvalidGrantSaysTheMerchantMustReauthorise() async throws {
        try await eachTransport { name, transport in
            let run = try await emulator().configure("invalid_grant")
            let provider = OAuthTokenProvider(
                clientID: "app", clientSecret: "secret",
                tokens: OAuthTokens(accessToken: "old", refreshToken: "spent", expiresAt: nil),
                tokenURL: run.tokenURL, transport: transport, onRefresh: { _ in XCTFail("no pair to save") })
            let client = SallaClient(tokenProvider: provider, baseURL: run.baseURL, transport: transport)
            do {
                _ = try await client.customers.retrieve(customer: 1)
                XCTFail("\(name): expected the refresh to fail")
            } catch let error as OAuthRefreshError {
                guard case .reauthorizationRequired = error else { return XCTFail("\(name): \(error)") }
                XCTAssertTrue(error.description.contains("must authorise the app again"), error.description)
            }
        }
    }

    // MARK: - Languages, uploads

    func testAcceptLanguageOnTheWire() async throws {
        try await eachTransport { name, transport in
            let run = try await emulator().configure("echo")
            let client = client(run, transport) { $0.language = "ar" }
            _ = try await client.customers.retrieve(customer: 1)
            _ = try await client.with(language: "en").customers.retrieve(customer: 1)
            let observed = try await apiRequests(run).map { $0.headers["accept-language"] }
            XCTAssertEqual(observed, ["ar", "en"], name)
        }
    }

    func testMultipartImportArrivesIntact() async throws {
        try await eachTransport { name, transport in
            let run = try await emulator().configure("echo")
            let bytes = Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0xFF, 0x0D, 0x0A, 0x2D, 0x2D]) + Data("عميل".utf8)
            let sheet = FileUpload(filename: "customers.xlsx", contentType: "application/vnd.ms-excel", data: bytes)
            _ = try await client(run, transport).customers.import(body: .init(file: sheet))
            let observed = try await apiRequests(run).first?.parts?.first
            let part = try XCTUnwrap(observed, name)
            XCTAssertEqual(part.name, "file", name)
            XCTAssertEqual(part.filename, "customers.xlsx", name)
            XCTAssertEqual(part.contentType, "application/vnd.ms-excel", name)
            XCTAssertEqual(part.content, bytes, name)
        }
    }

    func testARedirectToAnotherOriginNeverCarriesTheToken() async throws {
        try await eachTransport { name, transport in
            let run = try await emulator().configure("redirect")
            let customer = try await client(run, transport, token: "secret").customers.retrieve(customer: 1)
            XCTAssertEqual(customer.id, 1, name)
            let logged = try await apiRequests(run)
            XCTAssertEqual(logged.map { $0.path.hasSuffix("/landing") }, [false, true], name)
            XCTAssertEqual(logged.first?.headers["authorization"], "Bearer secret", name)
            XCTAssertNil(logged.last?.headers["authorization"], "\(name): the token followed the redirect to localhost")
        }
    }

    // MARK: - Timeouts, cancellation

    func testAStalledAnswerHitsTheTimeout() async throws {
        try await eachTransport { name, transport in
            let run = try await emulator().configure("stall")
            let client = client(run, transport) {
                $0.timeout = .milliseconds(800)
                $0.retryPolicy.maximumAttempts = 2
            }
            let started = Date()
            do {
                _ = try await client.customers.retrieve(customer: 1)
                XCTFail("\(name): expected a timeout")
            } catch let error as SallaTimeoutError {
                XCTAssertEqual(error.description, "GET /\(run.id)/admin/v2/customers/1 got no complete answer within 0.8 seconds", name)
            }
            XCTAssertLessThan(Date().timeIntervalSince(started), 4, name)
            let observed = try await apiRequests(run).count
            XCTAssertEqual(observed, 2, "\(name): the GET was retried once")
        }
    }

    func testCancellingDuringARetryAfterWaitReturnsPromptly() async throws {
        try await eachTransport { name, transport in
            let run = try await emulator().configure("retry_after", ["seconds": 30])
            let client = client(run, transport)
            let call = Task { try await client.customers.retrieve(customer: 1) }
            try await Task.sleep(for: .milliseconds(500))
            let cancelled = Date()
            call.cancel()
            let result = await call.result
            XCTAssertLessThan(Date().timeIntervalSince(cancelled), 0.5, name)
            XCTAssertThrowsError(try result.get(), name) { XCTAssertTrue($0 is CancellationError, "\(name): \($0)") }
        }
    }

    // MARK: - Logging

    func testLoggingMiddlewareNeverRecordsTheToken() async throws {
        try await eachTransport { name, transport in
            let run = try await emulator().configure("echo")
            let records = Collected<String>()
            var logger = Logger(label: "salla") { _ in RecordingLogHandler(records: records) }
            logger.logLevel = .trace
            let token = "secret-token-\(UUID().uuidString)"
            let client = client(run, transport, token: token) { $0.middlewares = [LoggingMiddleware(logger: logger)] }
            _ = try await client.customers.retrieve(customer: 7)
            let lines = records.elements
            XCTAssertEqual(lines.count, 1, name)
            let line = lines.first ?? ""
            XCTAssertFalse(line.contains(token), "\(name): \(line)")
            for expected in ["GET", "/admin/v2/customers/7", "status=200", "attempt=1", "duration=", "<redacted>"] {
                XCTAssertTrue(line.contains(expected), "\(name): \(expected) in \(line)")
            }
        }
    }

    private let newCustomer = CustomerRequestBody(
        firstName: "Sara", lastName: "Ali", mobile: "555000111", mobileCodeCountry: "+966", email: "sara@example.com")
}

/// Keeps every record logged, each flattened to one line of message and metadata.
private struct RecordingLogHandler: LogHandler {
    let records: Collected<String>
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let fields = (event.metadata ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        records.append(([event.message.description] + fields).joined(separator: " "))
    }
}
