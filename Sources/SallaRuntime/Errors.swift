import Foundation

/// An HTTP error answered by the API, with Salla's error envelope when the body has one:
///
/// ```json
/// {"status":422,"success":false,"error":{"code":"validation_failed","message":"...","fields":{"name":["..."]}}}
/// ```
///
/// Parsing is lenient: `code` may be a string or a number, a field's errors
/// may be a list or a single string, and a body that is not JSON at all still
/// yields an error carrying the status code and raw body.
public struct SallaAPIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The HTTP status code.
    public var statusCode: Int
    /// Salla's error code, e.g. `"validation_failed"`; numeric codes are kept as their text.
    public var code: String?
    /// The human-readable message.
    public var message: String?
    /// Per-field messages of a validation failure, keyed by Laravel-style path
    /// (`"products.0.name"`); empty when there are none.
    public var fields: [String: [String]]
    /// The raw response body.
    public var body: Data
    /// The response's header fields.
    public var headerFields: HTTPFields
    /// The rate-limit figures the answer carried, if any.
    public var rateLimit: RateLimit?
    /// When to come back, for a 429: from `Retry-After` (seconds or an HTTP date), else from
    /// `X-RateLimit-Reset`.
    public var retryAfter: Date?

    /// Whether the access token was missing, invalid or expired (401).
    public var isUnauthorized: Bool { statusCode == 401 }
    /// Whether the token lacks a required scope (403).
    public var isForbidden: Bool { statusCode == 403 }
    /// Whether the resource does not exist (404).
    public var isNotFound: Bool { statusCode == 404 }
    /// Whether the request failed validation (422); see ``fields``.
    public var isValidationFailure: Bool { statusCode == 422 }
    /// Whether the rate limit was hit (429).
    public var isRateLimited: Bool { statusCode == 429 }

    /// Creates an error from a response, parsing Salla's error envelope when
    /// present. Never fails; unknown shapes leave `code` and `message` `nil`.
    public init(statusCode: Int, headerFields: HTTPFields = [:], body: Data) {
        self.statusCode = statusCode
        self.body = body
        self.headerFields = headerFields
        self.rateLimit = RateLimit(headerFields)
        self.retryAfter = statusCode == 429 ? retryDate(after: headerFields, now: Date()) : nil
        self.code = nil
        self.message = nil
        self.fields = [:]
        guard let root = try? JSONDecoder().decode(JSONValue.self, from: body) else { return }
        let error = root["error"]
        if let text = error?.scalarText {
            message = text
        } else {
            code = error?["code"]?.scalarText
            message = error?["message"]?.scalarText
        }
        if message == nil { message = root["message"]?.scalarText }
        let rawFields = error?["fields"]?.objectValue ?? root["errors"]?.objectValue ?? [:]
        for (name, value) in rawFields {
            let messages = value.arrayValue?.compactMap(\.scalarText) ?? value.scalarText.map { [$0] } ?? []
            if !messages.isEmpty { fields[name] = messages }
        }
    }

    /// A one-line summary: status, code, message and field errors.
    public var description: String {
        var text = "Salla API error \(statusCode)"
        if let code { text += " (\(code))" }
        if let message { text += ": \(message)" }
        if let retryAfter { text += "; retry after \(retryAfter.formatted(.iso8601))" }
        if !fields.isEmpty {
            let details = fields.keys.sorted().map { "\($0): \((fields[$0] ?? []).joined(separator: " "))" }
            text += " [" + details.joined(separator: "; ") + "]"
        }
        return text
    }
}

/// A successful (2xx) response whose body could not be decoded as the expected type.
public struct SallaDecodingError: Error, Sendable, CustomStringConvertible {
    /// The HTTP status code.
    public var statusCode: Int
    /// The raw response body.
    public var body: Data
    /// The error thrown while decoding, usually a `DecodingError`.
    public var underlying: any Error

    /// Creates a decoding error.
    public init(statusCode: Int, body: Data, underlying: any Error) {
        self.statusCode = statusCode
        self.body = body
        self.underlying = underlying
    }

    /// What went wrong and where, e.g. `keyNotFound "data" at <root>`.
    public var underlyingDescription: String {
        guard let error = underlying as? DecodingError else { return String(describing: underlying) }
        switch error {
        case .typeMismatch(let type, let context):
            return "type mismatch (expected \(type)) at \(Self.path(context)): \(context.debugDescription)"
        case .valueNotFound(let type, let context):
            return "value not found (expected \(type)) at \(Self.path(context)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "key not found \"\(key.stringValue)\" at \(Self.path(context))"
        case .dataCorrupted(let context):
            return "data corrupted at \(Self.path(context)): \(context.debugDescription)"
        @unknown default:
            return String(describing: error)
        }
    }

    /// A one-line summary with the status code and the decoding failure.
    public var description: String {
        "Could not decode the \(statusCode) response: \(underlyingDescription)"
    }

    private static func path(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
        return path.isEmpty ? "<root>" : path.joined(separator: ".")
    }
}
