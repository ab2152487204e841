import Foundation

extension SallaClient {
    /// How a client behaves under production traffic. Every property has a safe default.
    ///
    /// ```swift
    /// var configuration = SallaClient.Configuration()
    /// configuration.language = "ar"
    /// configuration.middlewares = [LoggingMiddleware(logger: Logger(label: "salla"))]
    /// let client = SallaClient(accessToken: token, configuration: configuration)
    /// ```
    public struct Configuration: Sendable {
        /// How long one attempt may take, from sending the request to the last byte of the
        /// answer; a stalled answer fails with ``SallaTimeoutError`` even while bytes trickle in.
        public var timeout: Duration = .seconds(60)
        /// When and how often a failed attempt is repeated.
        public var retryPolicy = RetryPolicy()
        /// The `Accept-Language` sent with every request, such as `"ar"` or `"en"`; `nil` sends none.
        public var language: String?
        /// Interceptors around every attempt, outermost first.
        public var middlewares: [any ClientMiddleware] = []

        /// Creates the default configuration.
        public init() {}
    }
}

/// When and how often a client repeats a failed attempt.
///
/// - A 429 answer is retried for any method, since the API did not process the request, after
///   the wait its `Retry-After` (or `X-RateLimit-Reset`) asks for.
/// - A 5xx answer, a network failure or a timed-out attempt is retried only for GET, HEAD, PUT
///   and DELETE, after a capped exponential backoff with full jitter; POST and PATCH are never
///   repeated silently.
public struct RetryPolicy: Sendable, Hashable {
    /// The most attempts one call makes, the first included; 1 turns retries off.
    public var maximumAttempts: Int = 4
    /// The most one call waits in all before retrying; a 429 asking for longer throws at once.
    public var maximumTotalWait: Duration = .seconds(60)
    /// The backoff before the first retry of a 5xx or network failure; doubled for each further one.
    public var baseDelay: Duration = .milliseconds(250)
    /// The most one backoff may be.
    public var maximumDelay: Duration = .seconds(8)

    /// Creates the default policy: 4 attempts, at most 60 s of waiting, backoff from 0.25 s to 8 s.
    public init() {}

    /// A policy that never retries.
    public static var none: RetryPolicy {
        var policy = RetryPolicy()
        policy.maximumAttempts = 1
        return policy
    }

    /// The full-jitter backoff before retry number `retry` (1 for the first retry), in seconds.
    func backoff(beforeRetry retry: Int) -> TimeInterval {
        let exponent = Double(min(max(retry - 1, 0), 30))
        let ceiling = min(baseDelay.clampedSeconds * pow(2, exponent), maximumDelay.clampedSeconds)
        return ceiling * Double.random(in: 0...1)
    }
}
