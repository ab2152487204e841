import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@_exported import HTTPTypes
import HTTPTypesFoundation

/// Moves one HTTP request to the server and brings back its response.
///
/// This is the one seam between the client and an HTTP stack: ``URLSessionTransport`` is the
/// default, `AsyncHTTPClientTransport` (the `SallaAsyncHTTPClient` product) serves NIO servers,
/// and ``InMemoryTransport`` answers tests. A transport reports every response it receives,
/// whatever its status code; only a failure to get a response throws. It should stop and throw
/// `CancellationError` when the calling task is cancelled.
public protocol Transport: Sendable {
    /// Sends `request` with `body` and returns the server's response and its body.
    func send(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, Data)
}

/// The default ``Transport``, backed by `URLSession` (FoundationNetworking on Linux).
public struct URLSessionTransport: Transport {
    /// The session requests are sent through.
    public let session: URLSession

    /// Creates a transport that sends requests through `session`; by default one that keeps the
    /// token from any redirect to another origin (``redirectGuardedSession``).
    public init(session: URLSession = URLSessionTransport.redirectGuardedSession) {
        self.session = session
    }

    /// A session like `URLSession.shared` that drops `Authorization` from a redirect to another
    /// scheme, host or port: URLSession would otherwise send the token wherever the API redirects.
    public static let redirectGuardedSession = URLSession(configuration: .default, delegate: RedirectGuard(), delegateQueue: nil)

    /// Sends `request` with `URLSession.data(for:)`.
    ///
    /// Throws `CancellationError` when the task is cancelled (URLSession's `URLError(.cancelled)`),
    /// the session's error when no response arrives, or `URLError(.badServerResponse)` when the
    /// response is not HTTP.
    public func send(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, Data) {
        guard var urlRequest = URLRequest(httpRequest: request) else { throw URLError(.badURL) }
        urlRequest.httpBody = body
        do {
            let (data, response) = try await session.data(for: urlRequest)
            guard let http = (response as? HTTPURLResponse)?.httpResponse else {
                throw URLError(.badServerResponse)
            }
            return (http, data)
        } catch let error as URLError where error.code == .cancelled && Task.isCancelled {
            throw CancellationError()
        }
    }
}

/// Keeps the `Authorization` header on redirects within the original request's origin only.
final class RedirectGuard: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        var redirected = request
        if let original = task.originalRequest?.url, let target = request.url, target.hasSameOrigin(as: original) {
            completionHandler(redirected)
            return
        }
        redirected.setValue(nil, forHTTPHeaderField: "Authorization")
        completionHandler(redirected)
    }
}

/// A ``Transport`` that answers from memory and records what it was sent, for tests of code
/// that uses a generated client.
///
/// ```swift
/// let transport = InMemoryTransport { request, body in
///     .json(#"{"status": 200, "success": true, "data": {"id": 1}}"#)
/// }
/// let client = SallaClient(accessToken: "test", transport: transport)
/// ```
public final class InMemoryTransport: Transport, @unchecked Sendable {
    /// What the transport answers: a status, header fields and a body.
    public struct Answer: Sendable, Hashable {
        /// The response status and header fields.
        public var response: HTTPResponse
        /// The response body.
        public var body: Data

        /// Creates an answer.
        public init(status: HTTPResponse.Status = .ok, headerFields: HTTPFields = [:], body: Data = Data()) {
            self.response = HTTPResponse(status: status, headerFields: headerFields)
            self.body = body
        }

        /// An answer with a JSON body and `Content-Type: application/json`.
        public static func json(_ text: String, status: HTTPResponse.Status = .ok, headerFields: HTTPFields = [:]) -> Answer {
            var fields = headerFields
            fields[.contentType] = "application/json"
            return Answer(status: status, headerFields: fields, body: Data(text.utf8))
        }
    }

    /// One request the transport was handed.
    public struct SentRequest: Sendable, Hashable {
        /// The request: method, URL parts and header fields.
        public var request: HTTPRequest
        /// The body sent with it, if any.
        public var body: Data?
    }

    private let answer: @Sendable (HTTPRequest, Data?) async throws -> Answer
    private let lock = NSLock()
    private var sent: [SentRequest] = []

    /// Creates a transport that answers each request with what `answer` returns, or throws what
    /// it throws.
    public init(_ answer: @escaping @Sendable (HTTPRequest, Data?) async throws -> Answer) {
        self.answer = answer
    }

    /// Creates a transport that answers with `answers` in order, repeating the last one.
    public convenience init(answers: [Answer]) {
        let queue = AnswerQueue(answers)
        self.init { _, _ in try queue.next() }
    }

    /// Every request sent so far, in order.
    public var requests: [SentRequest] {
        lock.withLock { sent }
    }

    /// Records `request` and answers it.
    public func send(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, Data) {
        lock.withLock { sent.append(SentRequest(request: request, body: body)) }
        let answer = try await answer(request, body)
        return (answer.response, answer.body)
    }
}

/// Answers in order, the last one repeating; `URLError(.resourceUnavailable)` when there are none.
private final class AnswerQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [InMemoryTransport.Answer]

    init(_ answers: [InMemoryTransport.Answer]) {
        self.answers = answers
    }

    func next() throws -> InMemoryTransport.Answer {
        try lock.withLock {
            guard let first = answers.first else { throw URLError(.resourceUnavailable) }
            if answers.count > 1 { answers.removeFirst() }
            return first
        }
    }
}
