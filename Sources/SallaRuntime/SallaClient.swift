import Foundation

/// Sends ``Request``s to the Salla Merchant API on behalf of one store.
///
/// Every call is paced by the rate-limit figures the API sends, retried after a 429 and (for
/// GET, HEAD, PUT and DELETE) after a 5xx or network failure, bounded by a per-attempt timeout,
/// and, with a token provider, repeated once with a fresh token after a 401. See
/// ``Configuration`` and ``RetryPolicy``.
public struct SallaClient: Sendable {
    /// The production API root, `https://api.salla.dev/admin/v2`.
    public static let productionURL: URL =
        URL(string: "https://api.salla.dev/admin/v2") ?? URL(fileURLWithPath: "/admin/v2")

    /// The API root that request paths are appended to; its own path is kept.
    public let baseURL: URL
    /// Carries requests to the server.
    public let transport: any Transport
    /// Timeouts, retries, language and middlewares.
    public let configuration: Configuration
    private let tokens: any AccessTokenProvider
    /// Shared by every configured copy, so that they pace together.
    private let limiter: RateLimiter

    /// Creates a client that sends one fixed access token; a 401 answer throws ``SallaAPIError``.
    ///
    /// - Parameters:
    ///   - accessToken: The store's OAuth access token.
    ///   - baseURL: The API root; defaults to ``productionURL``.
    ///   - transport: How requests travel; defaults to ``URLSessionTransport``.
    ///   - configuration: Timeouts, retries, language and middlewares; defaults to ``Configuration/init()``.
    public init(
        accessToken: String,
        baseURL: URL = SallaClient.productionURL,
        transport: any Transport = URLSessionTransport(),
        configuration: Configuration = Configuration()
    ) {
        self.init(tokens: FixedAccessToken(token: accessToken), baseURL: baseURL, transport: transport, configuration: configuration)
    }

    /// Creates a client that asks `tokenProvider` for its token, and once for a fresh one when
    /// the API answers 401, repeating the request with it.
    ///
    /// - Parameters:
    ///   - tokenProvider: Supplies access tokens, such as ``OAuthTokenProvider``.
    ///   - baseURL: The API root; defaults to ``productionURL``.
    ///   - transport: How requests travel; defaults to ``URLSessionTransport``.
    ///   - configuration: Timeouts, retries, language and middlewares; defaults to ``Configuration/init()``.
    public init(
        tokenProvider: any AccessTokenProvider,
        baseURL: URL = SallaClient.productionURL,
        transport: any Transport = URLSessionTransport(),
        configuration: Configuration = Configuration()
    ) {
        self.init(tokens: tokenProvider, baseURL: baseURL, transport: transport, configuration: configuration)
    }

    private init(
        tokens: any AccessTokenProvider, baseURL: URL,
        transport: any Transport, configuration: Configuration, limiter: RateLimiter = RateLimiter()
    ) {
        self.tokens = tokens
        self.baseURL = baseURL
        self.transport = transport
        self.configuration = configuration
        self.limiter = limiter
    }

    /// A copy of this client with `configuration`; it shares this client's token and pacing.
    public func with(configuration: Configuration) -> SallaClient {
        SallaClient(tokens: tokens, baseURL: baseURL, transport: transport, configuration: configuration, limiter: limiter)
    }

    /// A copy of this client that asks for answers in `language` (`Accept-Language`), such as
    /// `client.with(language: "en").customers.list()`.
    public func with(language: String) -> SallaClient {
        var configuration = configuration
        configuration.language = language
        return with(configuration: configuration)
    }

    /// The rate-limit figures of the latest answer to this client or its configured copies.
    public var rateLimit: RateLimit? {
        get async { await limiter.latest }
    }

    /// Sends `request` and decodes the JSON response body as `Response`.
    ///
    /// Adds `Authorization: Bearer <token>`, `Accept: application/json`, `Accept-Language` when
    /// configured, and `Content-Type` from the body. Use ``EmptyResponse`` when the body does
    /// not matter.
    ///
    /// - Throws: ``SallaAPIError`` for a non-2xx status once retries are spent;
    ///   ``SallaDecodingError`` when a 2xx body does not decode as `Response`;
    ///   ``SallaTimeoutError`` when the last attempt timed out; `CancellationError` when the task
    ///   is cancelled; `URLError(.badURL)` when no valid URL can be built; whatever the token
    ///   provider throws; and the transport's error for the last attempt.
    public func send<Response: Decodable & Sendable>(
        _ request: Request,
        as type: Response.Type = Response.self
    ) async throws -> Response {
        let (response, body) = try await perform(request)
        return try Self.decodeResponse(Response.self, statusCode: response.status.code, headerFields: response.headerFields, body: body)
    }

    /// Reads a response as ``send(_:as:)`` does: a non-2xx status, or a 2xx body that is Salla's
    /// error envelope (`{"success": false, "error": ...}`), throws ``SallaAPIError``; anything
    /// else decodes as `Response`, or throws ``SallaDecodingError``.
    public static func decodeResponse<Response: Decodable>(
        _ type: Response.Type, statusCode: Int, headerFields: HTTPFields = [:], body: Data
    ) throws -> Response {
        guard (200..<300).contains(statusCode) else {
            throw SallaAPIError(statusCode: statusCode, headerFields: headerFields, body: body)
        }
        // Envelopes notice an error envelope as they decode; other bodies need a look first.
        if !(Response.self is any DetectsErrorEnvelope.Type),
           let root = try? decoder.decode(JSONValue.self, from: body),
           root["success"]?.boolValue == false, let error = root["error"], !error.isNull {
            throw SallaAPIError(statusCode: statusCode, headerFields: headerFields, body: body)
        }
        if let empty = EmptyResponse() as? Response {
            return empty
        }
        do {
            return try Self.decoder.decode(Response.self, from: body)
        } catch is ErrorEnvelopeFound {
            throw SallaAPIError(statusCode: statusCode, headerFields: headerFields, body: body)
        } catch {
            throw SallaDecodingError(statusCode: statusCode, body: body, underlying: error)
        }
    }

    /// One decoder for every answer: setting one up costs more than decoding a small body.
    private static let decoder = JSONDecoder()

    /// Whether `url` has the base URL's scheme, host and port, so that the token may go there.
    func isOnBaseOrigin(_ url: URL) -> Bool {
        url.hasSameOrigin(as: baseURL)
    }
}

extension URL {
    /// Whether both URLs have the same scheme, host and port (the scheme's default when none is given).
    func hasSameOrigin(as other: URL) -> Bool {
        func origin(_ url: URL) -> (String?, String?, Int?) {
            let scheme = url.scheme?.lowercased()
            let port = url.port ?? (scheme == "https" ? 443 : scheme == "http" ? 80 : nil)
            return (scheme, url.host?.lowercased(), port)
        }
        return origin(self) == origin(other)
    }
}

// MARK: - Attempts

extension SallaClient {
    /// Sends `request` until an answer is final: paced, timed, retried and re-authorised as the
    /// configuration says. Returns the last answer, whatever its status.
    func perform(_ request: Request) async throws -> (HTTPResponse, Data) {
        let policy = configuration.retryPolicy
        let budget = policy.maximumTotalWait.clampedSeconds
        let body = request.body?.data
        var attempt = 0
        var waited: TimeInterval = 0
        var reauthorised = false
        while true {
            attempt += 1
            // Asked before every attempt, so a retry uses a token another call has refreshed since.
            let token = try await tokens.accessToken()
            let (outcome, paced) = await attemptOnce(request, body: body, token: token, attempt: attempt, maximumWait: budget - waited)
            waited += paced
            let retry: Retry
            switch outcome {
            case .failure(let error):
                retry = try Self.retry(after: error, for: request.method)
            case .success(let (response, _)):
                // A fixed token has nothing fresher to offer: its 401 is the caller's.
                if response.status.code == 401, !(tokens is FixedAccessToken), !reauthorised {
                    reauthorised = true
                    _ = try await tokens.refreshedAccessToken(replacing: token)
                    continue
                }
                retry = Self.retry(after: response, for: request.method)
            }
            let delay: TimeInterval
            switch retry {
            case .no: return try outcome.get()
            case .after(let date): delay = max(0, date.timeIntervalSinceNow)
            case .backoff: delay = policy.backoff(beforeRetry: attempt)
            }
            guard attempt < policy.maximumAttempts, delay.isFinite, waited + delay <= budget else {
                return try outcome.get()
            }
            try await Task.sleep(for: .seconds(delay))
            waited += delay
        }
    }

    /// Whether and when an attempt is repeated.
    private enum Retry {
        case no
        case after(Date)
        case backoff
    }

    private static func retry(after response: HTTPResponse, for method: HTTPMethod) -> Retry {
        switch response.status.code {
        case 429:
            return retryDate(after: response.headerFields, now: Date()).map(Retry.after) ?? .backoff
        case 500...599 where method.isIdempotent:
            return .backoff
        default:
            return .no
        }
    }

    /// A network failure or timeout is retried when the method is idempotent; cancellation never,
    /// nor a failure that would only happen again.
    private static func retry(after error: any Error, for method: HTTPMethod) throws -> Retry {
        if Task.isCancelled || error is CancellationError { throw CancellationError() }
        let final: Set<URLError.Code> = [.badURL, .unsupportedURL, .cancelled]
        if let code = (error as? URLError)?.code, final.contains(code) { return .no }
        return method.isIdempotent ? .backoff : .no
    }

    /// One paced, timed attempt through the middlewares and the transport, with the seconds it
    /// waited for the rate limit.
    private func attemptOnce(
        _ request: Request, body: Data?, token: String, attempt: Int, maximumWait: TimeInterval
    ) async -> (Result<(HTTPResponse, Data), any Error>, paced: TimeInterval) {
        let http: HTTPRequest
        let paced: TimeInterval
        do {
            http = try httpRequest(for: request, token: token)
            paced = try await limiter.acquire(maximumWait: maximumWait)
        } catch {
            return (.failure(error), 0)
        }
        let context = AttemptContext(attempt: attempt, maximumAttempts: configuration.retryPolicy.maximumAttempts)
        let chain = middlewareChain(context: context)
        let timeout = SallaTimeoutError(method: http.method.rawValue, path: http.path ?? "", timeout: configuration.timeout)
        let outcome = await Result(asyncCatching: {
            try await withDeadline(configuration.timeout, timeoutError: timeout) { try await chain(http, body) }
        })
        await limiter.finish(with: try? outcome.get().0.headerFields)
        return (outcome, paced)
    }

    /// The middlewares around the transport, the first outermost.
    private func middlewareChain(context: AttemptContext) -> @Sendable (HTTPRequest, Data?) async throws -> (HTTPResponse, Data) {
        let transport = transport
        var next: @Sendable (HTTPRequest, Data?) async throws -> (HTTPResponse, Data) = { request, body in
            try await transport.send(request, body: body)
        }
        for middleware in configuration.middlewares.reversed() {
            let inner = next
            next = { request, body in try await middleware.intercept(request, body: body, context: context, next: inner) }
        }
        return next
    }

    /// The ``HTTPRequest`` for `request`, with the client's header fields.
    ///
    /// - Throws: `URLError(.badURL)` when the path does not form a valid URL or a header name
    ///   is not a valid field name.
    func httpRequest(for request: Request, token: String) throws -> HTTPRequest {
        let url = try request.absoluteURL ?? url(for: request)
        var fields: HTTPFields = [
            .authorization: "Bearer \(token)",
            .accept: "application/json",
        ]
        if let language = configuration.language { fields[.acceptLanguage] = language }
        if let body = request.body { fields[.contentType] = body.contentType }
        for (name, value) in request.headers.sorted(by: { $0.key < $1.key }) {
            guard let name = HTTPField.Name(name) else { throw URLError(.badURL) }
            fields[name] = value
        }
        return HTTPRequest(method: request.method.httpTypesMethod, url: url, headerFields: fields)
    }

    private func url(for request: Request) throws -> URL {
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        var text = base + (request.path.hasPrefix("/") ? request.path : "/" + request.path)
        if !request.query.isEmpty { text += "?" + request.query.encoded }
        guard let url = URL(string: text) else { throw URLError(.badURL) }
        return url
    }
}

/// A response whose body is ignored, for operations answered with no content
/// or with nothing worth decoding.
public struct EmptyResponse: Decodable, Sendable, Hashable {
    /// Creates the value.
    public init() {}

    /// Accepts any JSON without looking at it.
    public init(from decoder: any Decoder) throws {}
}
