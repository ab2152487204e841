import Foundation
import SallaRuntime
import XCTest

/// `OAuthTokenProvider` against an in-memory token endpoint.
final class TokenProviderTests: XCTestCase {
    private let expired = OAuthTokens(accessToken: "old", refreshToken: "r0", expiresAt: Date(timeIntervalSinceNow: -1))

    private func provider(_ endpoint: InMemoryTransport, tokens: OAuthTokens? = nil,
                          onRefresh: @escaping @Sendable (OAuthTokens) async throws -> Void = { _ in }) -> OAuthTokenProvider {
        OAuthTokenProvider(clientID: "id", clientSecret: "s&cret", tokens: tokens ?? expired,
                           tokenURL: URL(string: "https://accounts.example/oauth2/token")!, transport: endpoint, onRefresh: onRefresh)
    }

    func testRefreshesAheadOfExpiryWithAFormBody() async throws {
        let endpoint = InMemoryTransport(answers: [.json(#"{"access_token": "new", "refresh_token": "r1", "expires_in": 1209600}"#)])
        let soon = OAuthTokens(accessToken: "old", refreshToken: "r0", expiresAt: Date(timeIntervalSinceNow: 30))
        let provider = provider(endpoint, tokens: soon)
        let token = try await provider.accessToken()
        XCTAssertEqual(token, "new")
        let sent = try XCTUnwrap(endpoint.requests.first)
        XCTAssertEqual(sent.request.method, .post)
        XCTAssertEqual(sent.request.url?.absoluteString, "https://accounts.example/oauth2/token")
        XCTAssertEqual(sent.request.headerFields[.contentType], "application/x-www-form-urlencoded")
        XCTAssertEqual(sent.body.map { String(decoding: $0, as: UTF8.self) },
                       "grant_type=refresh_token&refresh_token=r0&client_id=id&client_secret=s%26cret")
        let tokens = await provider.currentTokens
        XCTAssertEqual(tokens.refreshToken, "r1")
        XCTAssertEqual(tokens.expiresAt?.timeIntervalSinceNow ?? 0, 1_209_600, accuracy: 5)
    }

    func testAFreshTokenIsUsedWithoutARequest() async throws {
        let endpoint = InMemoryTransport(answers: [])
        let fresh = OAuthTokens(accessToken: "live", refreshToken: "r0", expiresAt: Date(timeIntervalSinceNow: 3600))
        let token = try await provider(endpoint, tokens: fresh).accessToken()
        XCTAssertEqual(token, "live")
        XCTAssertTrue(endpoint.requests.isEmpty)
    }

    func testAnAbsoluteExpiryIsRead() async throws {
        let endpoint = InMemoryTransport(answers: [.json(#"{"access_token": "new", "refresh_token": "r1", "expires": 2000000000}"#)])
        let provider = provider(endpoint)
        _ = try await provider.accessToken()
        let tokens = await provider.currentTokens
        XCTAssertEqual(tokens.expiresAt, Date(timeIntervalSince1970: 2_000_000_000))
    }

    func testARejectedTokenThatWasAlreadyReplacedIsNotRefreshedAgain() async throws {
        let endpoint = InMemoryTransport(answers: [.json(#"{"access_token": "new", "refresh_token": "r1"}"#)])
        let provider = provider(endpoint)
        _ = try await provider.accessToken()
        let again = try await provider.refreshedAccessToken(replacing: "old")
        XCTAssertEqual(again, "new")
        XCTAssertEqual(endpoint.requests.count, 1)
    }

    func testInvalidGrantAndOtherFailuresAreDistinct() async throws {
        let cases: [(InMemoryTransport.Answer, (OAuthRefreshError) -> Bool)] = [
            (.json(#"{"error": "invalid_grant", "error_description": "spent"}"#, status: .badRequest),
             { $0 == .reauthorizationRequired(description: "spent") }),
            (.json(#"{"error": "server_error"}"#, status: .internalServerError),
             { if case .rejected(500, _) = $0 { return true } else { return false } }),
            (.json(#"{"token_type": "bearer"}"#),
             { if case .malformedAnswer = $0 { return true } else { return false } }),
        ]
        for (answer, matches) in cases {
            let provider = provider(InMemoryTransport(answers: [answer]))
            await XCTAssertThrowsErrorAsync(try await provider.accessToken()) { error in
                XCTAssertTrue((error as? OAuthRefreshError).map(matches) ?? false, "\(error)")
            }
        }
    }

    func testARefusedRefreshTokenIsNotSentAgain() async throws {
        let endpoint = InMemoryTransport(answers: [.json(#"{"error": "invalid_grant"}"#, status: .badRequest)])
        let provider = provider(endpoint)
        for _ in 0..<3 {
            await XCTAssertThrowsErrorAsync(try await provider.accessToken()) { error in
                XCTAssertEqual(error as? OAuthRefreshError, .reauthorizationRequired(description: nil))
            }
        }
        XCTAssertEqual(endpoint.requests.count, 1)
    }

    func testAShortLivedPairIsNotRefreshedOnEveryCall() async throws {
        let endpoint = InMemoryTransport(answers: [.json(#"{"access_token": "new", "refresh_token": "r1", "expires_in": 30}"#)])
        let provider = provider(endpoint)
        for _ in 0..<5 { _ = try await provider.accessToken() }
        XCTAssertEqual(endpoint.requests.count, 1, "a 30 s pair is refreshed 15 s before it expires, not at once")
    }

    func testWhenOnRefreshThrowsTheCallFailsAndTheNewPairStays() async throws {
        struct StoreDown: Error {}
        let endpoint = InMemoryTransport(answers: [.json(#"{"access_token": "new", "refresh_token": "r1", "expires_in": 3600}"#)])
        let provider = provider(endpoint) { _ in throw StoreDown() }
        await XCTAssertThrowsErrorAsync(try await provider.accessToken()) { XCTAssertTrue($0 is StoreDown) }
        let token = try await provider.accessToken()
        XCTAssertEqual(token, "new")
        XCTAssertEqual(endpoint.requests.count, 1, "the spent refresh token is not sent again")
    }

    func testConcurrentCallersShareOneRefresh() async throws {
        let endpoint = InMemoryTransport { _, _ in
            try await Task.sleep(for: .milliseconds(100))
            return .json(#"{"access_token": "new", "refresh_token": "r1", "expires_in": 3600}"#)
        }
        let provider = provider(endpoint)
        let tokens = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<20 { group.addTask { try await provider.accessToken() } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        XCTAssertEqual(Set(tokens), ["new"])
        XCTAssertEqual(endpoint.requests.count, 1)
    }
}
