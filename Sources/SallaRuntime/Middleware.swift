import Foundation
import Logging

/// What a middleware knows about the attempt it wraps.
public struct AttemptContext: Sendable, Hashable {
    /// The number of this attempt within its call, from 1.
    public var attempt: Int
    /// The most attempts the call may make.
    public var maximumAttempts: Int
}

/// An interceptor around every attempt a client makes: it may read or change the request,
/// the answer, or what is thrown. Middlewares run in the order of
/// ``SallaClient/Configuration/middlewares``, the first outermost; the last one's `next` is
/// the transport.
public protocol ClientMiddleware: Sendable {
    /// Handles one attempt; call `next` to pass the request on.
    func intercept(
        _ request: HTTPRequest,
        body: Data?,
        context: AttemptContext,
        next: @Sendable (HTTPRequest, Data?) async throws -> (HTTPResponse, Data)
    ) async throws -> (HTTPResponse, Data)
}

/// Logs every attempt through swift-log: method, path, status, attempt and duration, with the
/// request's header fields at `trace` level. The `Authorization` value is never logged.
public struct LoggingMiddleware: ClientMiddleware {
    /// Where records go.
    public var logger: Logger
    /// The level of a record for an answered attempt; failures log at `warning`.
    public var level: Logger.Level

    /// Creates the middleware.
    public init(logger: Logger, level: Logger.Level = .info) {
        self.logger = logger
        self.level = level
    }

    /// Logs the attempt around `next`.
    public func intercept(
        _ request: HTTPRequest,
        body: Data?,
        context: AttemptContext,
        next: @Sendable (HTTPRequest, Data?) async throws -> (HTTPResponse, Data)
    ) async throws -> (HTTPResponse, Data) {
        var metadata: Logger.Metadata = [
            "method": "\(request.method.rawValue)",
            "path": "\(request.path ?? "")",
            "attempt": "\(context.attempt)",
        ]
        if logger.logLevel <= .trace {
            metadata["headers"] = .dictionary(Self.redacted(request.headerFields))
        }
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let (response, data) = try await next(request, body)
            metadata["status"] = "\(response.status.code)"
            metadata["duration"] = "\(Self.milliseconds(clock.now - start)) ms"
            logger.log(level: level, "\(request.method.rawValue) \(request.path ?? "") \(response.status.code)", metadata: metadata)
            return (response, data)
        } catch {
            metadata["duration"] = "\(Self.milliseconds(clock.now - start)) ms"
            metadata["error"] = "\(error)"
            logger.warning("\(request.method.rawValue) \(request.path ?? "") failed", metadata: metadata)
            throw error
        }
    }

    /// The header fields with `Authorization` (and `Proxy-Authorization`) replaced by `<redacted>`.
    static func redacted(_ fields: HTTPFields) -> Logger.Metadata {
        var metadata: Logger.Metadata = [:]
        for field in fields {
            let secret = field.name == .authorization || field.name == .proxyAuthorization
            metadata[field.name.canonicalName] = .string(secret ? "<redacted>" : field.value)
        }
        return metadata
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        Int((duration.timeInterval * 1000).rounded(.down))
    }
}
