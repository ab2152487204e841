import Foundation

/// A file to upload in a `multipart/form-data` request.
///
/// It is `Codable` only so that request types holding one stay `Codable`: it
/// encodes as the base64 text of ``data`` (the file name and content type are
/// not encoded) and decodes from such text as `file` of type
/// `application/octet-stream`. Uploads themselves go through ``MultipartFormData``.
public struct FileUpload: Sendable, Hashable, Codable {
    /// The file name sent to the server, e.g. `"photo.jpg"`.
    public var filename: String
    /// The media type, e.g. `"image/jpeg"`.
    public var contentType: String
    /// The file's bytes.
    public var data: Data

    /// Creates an upload.
    public init(filename: String, contentType: String = "application/octet-stream", data: Data) {
        self.filename = filename
        self.contentType = contentType
        self.data = data
    }

    /// Decodes base64 text; throws `DecodingError.dataCorrupted` when it is not base64.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let data = Data(base64Encoded: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "FileUpload expects base64 text")
        }
        self.init(filename: "file", data: data)
    }

    /// Encodes the base64 text of ``data``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(data.base64EncodedString())
    }
}

/// A `multipart/form-data` body (RFC 7578), built part by part.
public struct MultipartFormData: Sendable, Hashable {
    private struct Part: Sendable, Hashable {
        var name: String
        var filename: String?
        var contentType: String?
        var data: Data
    }

    /// The boundary between parts.
    public let boundary: String
    private var parts: [Part] = []

    /// Creates an empty form.
    ///
    /// - Parameter boundary: The part boundary; random by default. Pass a fixed
    ///   one to get reproducible bytes. It must not occur in any part.
    public init(boundary: String = "sallagen-boundary-" + UUID().uuidString) {
        self.boundary = boundary
    }

    /// Whether no part was added.
    public var isEmpty: Bool { parts.isEmpty }

    /// The `Content-Type` header value, `multipart/form-data; boundary=...`.
    public var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// Adds a text field; does nothing when `value` is `nil`.
    public mutating func append(_ name: String, _ value: (some QueryValue)?) {
        guard let value else { return }
        parts.append(Part(name: name, data: Data(value.queryValue.utf8)))
    }

    /// Adds one `name[]` text field per element; does nothing when `values` is `nil`.
    public mutating func append(_ name: String, _ values: [some QueryValue]?) {
        guard let values else { return }
        for value in values {
            parts.append(Part(name: name + "[]", data: Data(value.queryValue.utf8)))
        }
    }

    /// Adds a file field; does nothing when `file` is `nil`.
    public mutating func append(_ name: String, file: FileUpload?) {
        guard let file else { return }
        parts.append(Part(name: name, filename: file.filename, contentType: file.contentType, data: file.data))
    }

    /// The encoded body: each part after a `--boundary` line with its headers,
    /// then the closing `--boundary--` line; lines end with CRLF.
    public func encoded() -> Data {
        var body = Data()
        func write(_ text: String) { body.append(contentsOf: Array(text.utf8)) }
        for part in parts {
            write("--\(boundary)\r\n")
            var disposition = "Content-Disposition: form-data; name=\"\(Self.escape(part.name))\""
            if let filename = part.filename { disposition += "; filename=\"\(Self.escape(filename))\"" }
            write(disposition + "\r\n")
            if let contentType = part.contentType { write("Content-Type: \(contentType)\r\n") }
            write("\r\n")
            body.append(part.data)
            write("\r\n")
        }
        write("--\(boundary)--\r\n")
        return body
    }

    /// Escapes a quoted header parameter the way browsers do.
    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
            .replacingOccurrences(of: "\"", with: "%22")
    }
}
