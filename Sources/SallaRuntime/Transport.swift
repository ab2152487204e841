import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A fully built HTTP request, as handed to a ``Transport``.
public struct HTTPRequest: Sendable, Hashable {
    /// The HTTP method, e.g. `"GET"`.
    public var method: String
    /// The absolute URL, query included.
    public var url: URL
    /// The header fields to send.
    public var headers: [String: String]
    /// The body to send, if any.
    public var body: Data?

    /// Creates a request.
    public init(method: String, url: URL, headers: [String: String] = [:], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// An HTTP response, as returned by a ``Transport``.
public struct HTTPResponse: Sendable, Hashable {
    /// The HTTP status code, e.g. `200`.
    public var statusCode: Int
    /// The response header fields.
    public var headers: [String: String]
    /// The raw response body; empty when there was none.
    public var body: Data

    /// Creates a response.
    public init(statusCode: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }
}

/// Moves an ``HTTPRequest`` to the server and brings back its ``HTTPResponse``.
///
/// Implement this to plug in another HTTP stack, add logging or retries, or to
/// answer requests from fixtures in tests. A transport reports every response it
/// receives, whatever its status code; only failures to get a response throw.
public protocol Transport: Sendable {
    /// Sends `request` and returns the server's response.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// The default ``Transport``, backed by `URLSession`.
public struct URLSessionTransport: Transport {
    /// The session requests are sent through.
    public let session: URLSession

    /// Creates a transport that sends requests through `session`.
    public init(session: URLSession = .shared) {
        self.session = session
    }

    /// Sends `request` with `URLSession.data(for:)`.
    ///
    /// Throws the session's error when no response arrives, or
    /// `URLError(.badServerResponse)` when the response is not HTTP.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers {
            urlRequest.setValue(value, forHTTPHeaderField: name)
        }
        urlRequest.httpBody = request.body
        let (data, response) = try await session.data(for: urlRequest)
        guard let http = response as? HTTPURLResponse else {
            throw URLError(.badServerResponse)
        }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String {
                headers[name] = value
            }
        }
        return HTTPResponse(statusCode: http.statusCode, headers: headers, body: data)
    }
}
