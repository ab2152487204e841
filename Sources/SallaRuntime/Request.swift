import Foundation

/// The HTTP methods the Salla API uses.
public enum HTTPMethod: String, Sendable, Hashable, CaseIterable {
    /// `GET`: read.
    case get = "GET"
    /// `POST`: create or act.
    case post = "POST"
    /// `PUT`: replace or update.
    case put = "PUT"
    /// `PATCH`: update in part.
    case patch = "PATCH"
    /// `DELETE`: remove.
    case delete = "DELETE"
    /// `HEAD`: headers only.
    case head = "HEAD"
    /// `OPTIONS`: what the resource allows.
    case options = "OPTIONS"
    /// `TRACE`: echo the request.
    case trace = "TRACE"

    /// Whether repeating the request leaves the same effect as sending it once, so that a failed
    /// attempt may be retried: GET, HEAD, PUT, DELETE, OPTIONS and TRACE.
    public var isIdempotent: Bool {
        switch self {
        case .post, .patch: return false
        case .get, .put, .delete, .head, .options, .trace: return true
        }
    }

    var httpTypesMethod: HTTPRequest.Method {
        switch self {
        case .get: return .get
        case .post: return .post
        case .put: return .put
        case .patch: return .patch
        case .delete: return .delete
        case .head: return .head
        case .options: return .options
        case .trace: return .trace
        }
    }
}

/// A request to one API operation, relative to ``SallaClient/baseURL``.
///
/// ``SallaClient/send(_:as:)`` turns it into an `HTTPRequest`: the path is
/// appended to the base URL (keeping the base URL's own path, such as
/// `/admin/v2`), the query is percent-encoded, and the authorization, accept and
/// content-type headers are added.
public struct Request: Sendable, Hashable {
    /// The HTTP method.
    public var method: HTTPMethod
    /// The path below the base URL, already percent-encoded, e.g. `"/customers/42"`.
    ///
    /// Encode values substituted into the path with ``PathComponent/encode(_:)``.
    public var path: String
    /// The query parameters.
    public var query: QueryItems
    /// Extra header fields; these win over the client's defaults.
    public var headers: [String: String]
    /// The body, if any.
    public var body: RequestBody?
    /// A whole URL on the base URL's origin that replaces the path and query, such as a list's
    /// `links.next`.
    var absoluteURL: URL?

    /// Creates a request with no query, extra headers or body.
    public init(method: HTTPMethod, path: String) {
        self.method = method
        self.path = path
        self.query = QueryItems()
        self.headers = [:]
        self.body = nil
    }

    /// Encodes `value` as the JSON body.
    ///
    /// Keys are sorted and slashes left unescaped, so the same value always
    /// produces the same bytes.
    public mutating func setJSONBody<T: Encodable>(_ value: T) throws {
        body = .json(try Self.encoder.encode(value))
    }

    /// One encoder for every body: setting one up costs about as much as encoding a small body.
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Sets a header from a parameter value; nil leaves the header unset.
    public mutating func setHeader(_ name: String, _ value: (some QueryValue)?) {
        if let value { headers[name] = value.queryValue }
    }
}

/// The body of a ``Request``.
public enum RequestBody: Sendable, Hashable {
    /// A JSON document, sent as `application/json`.
    case json(Data)
    /// A `multipart/form-data` form, used for file uploads.
    case multipart(MultipartFormData)

    /// The `Content-Type` header value for this body.
    public var contentType: String {
        switch self {
        case .json: return "application/json"
        case .multipart(let form): return form.contentType
        }
    }

    /// The bytes to send.
    public var data: Data {
        switch self {
        case .json(let data): return data
        case .multipart(let form): return form.encoded()
        }
    }
}

/// Encodes values substituted into a URL path.
public enum PathComponent {
    /// Percent-encodes `value` so that it stays a single path segment.
    ///
    /// Only RFC 3986 unreserved characters (`A-Z a-z 0-9 - . _ ~`) are kept;
    /// everything else, `/` included, is percent-encoded as UTF-8:
    /// `"a b/c"` becomes `"a%20b%2Fc"`.
    public static func encode(_ value: some QueryValue) -> String {
        PercentEncoding.encode(value.queryValue)
    }
}

/// RFC 3986 percent-encoding shared by paths, queries and form fields.
enum PercentEncoding {
    /// Percent-encodes every byte of `string` that is not unreserved.
    static func encode(_ string: String) -> String {
        let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(string.utf8.count)
        for byte in string.utf8 {
            if isUnreserved(byte) {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}
