import Foundation

/// Supplies the access token a client sends, and a fresh one when the API rejects it.
public protocol AccessTokenProvider: Sendable {
    /// The token to send now.
    func accessToken() async throws -> String
    /// A token to replace `rejected`, which the API answered with 401.
    func refreshedAccessToken(replacing rejected: String) async throws -> String
}

/// A token that never changes: a 401 answer is the caller's to handle.
struct FixedAccessToken: AccessTokenProvider {
    let token: String

    func accessToken() async throws -> String { token }

    func refreshedAccessToken(replacing rejected: String) async throws -> String { token }
}

/// A store's OAuth token pair, as an app persists it.
public struct OAuthTokens: Codable, Sendable, Hashable {
    /// The access token sent as `Authorization: Bearer <token>`; Salla's last 14 days.
    public var accessToken: String
    /// The token that buys the next pair; each works exactly once.
    public var refreshToken: String
    /// When the access token expires, if known.
    public var expiresAt: Date?

    /// Creates a token pair.
    public init(accessToken: String, refreshToken: String, expiresAt: Date?) {
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.expiresAt = expiresAt
    }
}

/// Why a token refresh failed.
public enum OAuthRefreshError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The refresh token was refused (`invalid_grant`): it was spent, revoked or expired, and the
    /// merchant must authorise the app again (reinstall it) before the API can be called.
    case reauthorizationRequired(description: String?)
    /// The token endpoint answered with another error.
    case rejected(statusCode: Int, body: Data)
    /// The token endpoint's answer held no token pair.
    case malformedAnswer(body: Data)

    /// A one-line summary.
    public var description: String {
        switch self {
        case .reauthorizationRequired(let description):
            return "The refresh token was refused (invalid_grant); the merchant must authorise the app again"
                + (description.map { ": \($0)" } ?? "")
        case .rejected(let statusCode, let body):
            return "The token endpoint answered \(statusCode): \(String(decoding: body.prefix(200), as: UTF8.self))"
        case .malformedAnswer:
            return "The token endpoint's answer held no access and refresh token"
        }
    }
}

/// Keeps a store's OAuth tokens fresh: refreshes them at Salla's token endpoint shortly before
/// they expire or when the API rejects the access token, and hands every new pair to `onRefresh`
/// before using it, so the app can persist the rotated refresh token.
///
/// Refresh is single-flight: however many calls meet an expired token at once, one refresh
/// request is made and all of them go on with its new token. A refresh token works exactly once
/// (using one twice revokes both), so a refresh that has started always completes, even when
/// the call that started it is cancelled.
public actor OAuthTokenProvider: AccessTokenProvider {
    /// Salla's token endpoint, `https://accounts.salla.sa/oauth2/token`.
    public static let sallaTokenURL: URL =
        URL(string: "https://accounts.salla.sa/oauth2/token") ?? URL(fileURLWithPath: "/oauth2/token")

    /// How long before expiry the tokens are refreshed.
    static let refreshMargin: TimeInterval = 60

    private let clientID: String
    private let clientSecret: String
    private let tokenURL: URL
    private let transport: any Transport
    private let onRefresh: @Sendable (OAuthTokens) async throws -> Void
    private var tokens: OAuthTokens
    private var refreshing: Task<String, any Error>?
    /// When the current pair was received, if this provider refreshed it.
    private var receivedAt: Date?
    /// The refusal of a spent or revoked refresh token: final, so it is not sent again.
    private var refusal: OAuthRefreshError?

    /// Creates a provider.
    ///
    /// - Parameters:
    ///   - clientID: The app's OAuth client id.
    ///   - clientSecret: The app's OAuth client secret.
    ///   - tokens: The store's current token pair.
    ///   - tokenURL: The token endpoint; defaults to ``sallaTokenURL``.
    ///   - transport: How token requests travel; defaults to ``URLSessionTransport``.
    ///   - onRefresh: Called with each new pair before it is used. If it throws, the call that
    ///     caused the refresh fails with its error, and the new pair is still used afterwards
    ///     (the old refresh token is already spent). It must not call this provider (or a client
    ///     using it), which waits for the refresh that is calling it.
    public init(
        clientID: String,
        clientSecret: String,
        tokens: OAuthTokens,
        tokenURL: URL = OAuthTokenProvider.sallaTokenURL,
        transport: any Transport = URLSessionTransport(),
        onRefresh: @escaping @Sendable (OAuthTokens) async throws -> Void
    ) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.tokens = tokens
        self.tokenURL = tokenURL
        self.transport = transport
        self.onRefresh = onRefresh
    }

    /// The current pair.
    public var currentTokens: OAuthTokens { tokens }

    /// The access token, refreshed first when it expires within a minute.
    public func accessToken() async throws -> String {
        if let refreshing { return try await join(refreshing) }
        if let expiresAt = tokens.expiresAt, expiresAt.timeIntervalSinceNow < margin(before: expiresAt) {
            return try await refresh()
        }
        return tokens.accessToken
    }

    /// A minute, or half the lifetime of a pair that lives less than two, so that a short-lived
    /// pair is not refreshed on every call.
    private func margin(before expiresAt: Date) -> TimeInterval {
        guard let receivedAt else { return Self.refreshMargin }
        return min(Self.refreshMargin, expiresAt.timeIntervalSince(receivedAt) / 2)
    }

    /// A new access token, unless the pair has changed since `rejected` was handed out.
    public func refreshedAccessToken(replacing rejected: String) async throws -> String {
        if let refreshing { return try await join(refreshing) }
        guard tokens.accessToken == rejected else { return tokens.accessToken }
        return try await refresh()
    }

    /// How long one refresh may take.
    static let refreshTimeout: Duration = .seconds(60)

    /// Starts the one refresh, or joins the one running. The refresh clears itself when it ends,
    /// not when a caller stops waiting: a second refresh with the same spent token would revoke both.
    private func refresh() async throws -> String {
        if let refreshing { return try await join(refreshing) }
        if let refusal { throw refusal }
        let task = Task {
            defer { self.refreshing = nil }
            return try await self.performRefresh()
        }
        refreshing = task
        return try await join(task)
    }

    /// Waits for `task`; a cancelled caller stops waiting at once while the refresh goes on.
    private func join(_ task: Task<String, any Error>) async throws -> String {
        try await withDeadline(Self.refreshTimeout, timeoutError: timeout()) { try await task.value }
    }

    private func timeout() -> SallaTimeoutError {
        SallaTimeoutError(method: "POST", path: tokenURL.path, timeout: Self.refreshTimeout)
    }

    private func performRefresh() async throws -> String {
        let request = tokenRequest(), form = formBody(), transport = transport
        let (response, answer) = try await withDeadline(Self.refreshTimeout, timeoutError: timeout()) {
            try await transport.send(request, body: form)
        }
        let fresh: OAuthTokens
        do {
            fresh = try Self.tokens(from: response, body: answer, now: Date())
        } catch let error as OAuthRefreshError {
            if case .reauthorizationRequired = error { refusal = error }
            throw error
        }
        tokens = fresh
        receivedAt = Date()
        try await onRefresh(fresh)
        return fresh.accessToken
    }

    private func tokenRequest() -> HTTPRequest {
        HTTPRequest(method: .post, url: tokenURL, headerFields: [
            .contentType: "application/x-www-form-urlencoded",
            .accept: "application/json",
        ])
    }

    private func formBody() -> Data {
        let fields = [
            ("grant_type", "refresh_token"),
            ("refresh_token", tokens.refreshToken),
            ("client_id", clientID),
            ("client_secret", clientSecret),
        ]
        return Data(fields.map { "\(PercentEncoding.encode($0))=\(PercentEncoding.encode($1))" }.joined(separator: "&").utf8)
    }

    /// The pair in a token endpoint's answer; `expires_in` (seconds) or `expires` (epoch seconds).
    static func tokens(from response: HTTPResponse, body: Data, now: Date) throws -> OAuthTokens {
        let root = try? JSONDecoder().decode(JSONValue.self, from: body)
        guard response.status.kind == .successful else {
            if root?["error"]?.stringValue == "invalid_grant" {
                throw OAuthRefreshError.reauthorizationRequired(description: root?["error_description"]?.scalarText)
            }
            throw OAuthRefreshError.rejected(statusCode: response.status.code, body: body)
        }
        let payload = root?["data"]?.objectValue != nil ? root?["data"] : root
        guard let access = payload?["access_token"]?.stringValue, let refresh = payload?["refresh_token"]?.stringValue else {
            throw OAuthRefreshError.malformedAnswer(body: body)
        }
        var expiresAt: Date?
        if let seconds = payload?["expires_in"]?.scalarText.flatMap(Double.init) {
            expiresAt = now.addingTimeInterval(seconds)
        } else if let epoch = payload?["expires"]?.scalarText.flatMap(Double.init) {
            expiresAt = Date(timeIntervalSince1970: epoch)
        }
        return OAuthTokens(accessToken: access, refreshToken: refresh, expiresAt: expiresAt)
    }
}
