import Foundation

/// Sends ``Request``s to the Salla Merchant API on behalf of one store.
public struct SallaClient: Sendable {
    /// The production API root, `https://api.salla.dev/admin/v2`.
    public static let productionURL: URL =
        URL(string: "https://api.salla.dev/admin/v2") ?? URL(fileURLWithPath: "/admin/v2")

    /// The OAuth access token sent as `Authorization: Bearer <token>`.
    public let accessToken: String
    /// The API root that request paths are appended to; its own path is kept.
    public let baseURL: URL
    /// Carries requests to the server.
    public let transport: any Transport

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - accessToken: The store's OAuth access token.
    ///   - baseURL: The API root; defaults to ``productionURL``.
    ///   - transport: How requests travel; defaults to ``URLSessionTransport``.
    public init(
        accessToken: String,
        baseURL: URL = SallaClient.productionURL,
        transport: any Transport = URLSessionTransport()
    ) {
        self.accessToken = accessToken
        self.baseURL = baseURL
        self.transport = transport
    }

    /// Sends `request` and decodes the JSON response body as `Response`.
    ///
    /// Adds `Authorization: Bearer <token>` and `Accept: application/json`, and
    /// sets `Content-Type` from the body. Use ``EmptyResponse`` when the body
    /// does not matter.
    ///
    /// - Throws: ``SallaAPIError`` for a non-2xx status; ``SallaDecodingError``
    ///   when a 2xx body does not decode as `Response`; `URLError(.badURL)` when
    ///   no valid URL can be built; and whatever the transport throws.
    public func send<Response: Decodable & Sendable>(
        _ request: Request,
        as type: Response.Type = Response.self
    ) async throws -> Response {
        let response = try await transport.send(httpRequest(for: request))
        return try Self.decodeResponse(Response.self, statusCode: response.statusCode, body: response.body)
    }

    /// Reads a response as ``send(_:as:)`` does: a non-2xx status, or a 2xx body that is Salla's
    /// error envelope (`{"success": false, "error": ...}`), throws ``SallaAPIError``; anything
    /// else decodes as `Response`, or throws ``SallaDecodingError``.
    public static func decodeResponse<Response: Decodable>(
        _ type: Response.Type, statusCode: Int, body: Data
    ) throws -> Response {
        guard (200..<300).contains(statusCode) else {
            throw SallaAPIError(statusCode: statusCode, body: body)
        }
        if let empty = EmptyResponse() as? Response {
            return empty
        }
        if let root = try? JSONDecoder().decode(JSONValue.self, from: body),
           root["success"]?.boolValue == false, let error = root["error"], !error.isNull {
            throw SallaAPIError(statusCode: statusCode, body: body)
        }
        do {
            return try JSONDecoder().decode(Response.self, from: body)
        } catch {
            throw SallaDecodingError(statusCode: statusCode, body: body, underlying: error)
        }
    }

    /// Builds the ``HTTPRequest`` that ``send(_:as:)`` would hand to the transport.
    ///
    /// - Throws: `URLError(.badURL)` when the path does not form a valid URL.
    public func httpRequest(for request: Request) throws -> HTTPRequest {
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        var text = base + (request.path.hasPrefix("/") ? request.path : "/" + request.path)
        if !request.query.isEmpty { text += "?" + request.query.encoded }
        guard let url = URL(string: text) else { throw URLError(.badURL) }

        var headers = [
            "Authorization": "Bearer \(accessToken)",
            "Accept": "application/json",
        ]
        if let body = request.body { headers["Content-Type"] = body.contentType }
        headers.merge(request.headers) { _, explicit in explicit }
        return HTTPRequest(method: request.method.rawValue, url: url, headers: headers, body: request.body?.data)
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
