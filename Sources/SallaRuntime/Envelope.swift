import Foundation

/// Salla's wrapper around every success body: `{"status": 200, "success": true, "data": ...}`.
///
/// `status` and `success` are read leniently. `data` is decoded strictly
/// first; if that fails it is decoded leniently (dropping array elements that
/// do not decode), and only when that fails too is the strict error thrown.
public struct Envelope<Payload: Decodable & Sendable>: Decodable, Sendable {
    /// The HTTP status the API repeats in the body.
    public var status: Int?
    /// Whether the API reports success.
    public var success: Bool?
    /// The payload.
    public var data: Payload

    /// Creates an envelope.
    public init(status: Int? = nil, success: Bool? = nil, data: Payload) {
        self.status = status
        self.success = success
        self.data = data
    }

    private enum CodingKeys: String, CodingKey {
        case status, success, data, error
    }

    /// Decodes an envelope; throws only when `data` is missing or unreadable, or when the body
    /// is Salla's error envelope (which ``SallaClient/decodeResponse(_:statusCode:headerFields:body:)``
    /// turns into ``SallaAPIError``).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        status = container.lenient(Int.self, forKey: .status)
        success = container.lenient(Bool.self, forKey: .success)
        try container.rejectErrorEnvelope(success: success, errorKey: .error)
        // A body with no envelope at all (some documented answers) is the payload itself.
        if !container.contains(.data), !container.contains(.status), !container.contains(.success),
           let bare = try? Payload(from: decoder) {
            data = bare
            return
        }
        data = try container.decodePayload(Payload.self, forKey: .data)
    }
}

extension Envelope: Equatable where Payload: Equatable {}
extension Envelope: DetectsErrorEnvelope {}
extension Envelope: Hashable where Payload: Hashable {}

/// One page of a list operation: the items and where they sit in the whole list.
public struct Page<Item: Sendable>: Sendable {
    /// The items on this page.
    public var items: [Item]
    /// The position of this page, when the API sent it.
    public var pagination: Pagination?

    /// Creates a page.
    public init(items: [Item], pagination: Pagination? = nil) {
        self.items = items
        self.pagination = pagination
    }
}

extension Page: Equatable where Item: Equatable {}
extension Page: Hashable where Item: Hashable {}

/// Salla's wrapper around a list body: `{"status", "success", "data": [...], "pagination": {...}}`.
///
/// `data` is decoded like ``Envelope/data``; `pagination` is read leniently and
/// is `nil` when missing or unreadable.
public struct PagedEnvelope<Item: Decodable & Sendable>: Decodable, Sendable {
    /// The HTTP status the API repeats in the body.
    public var status: Int?
    /// Whether the API reports success.
    public var success: Bool?
    /// The items on this page.
    public var data: [Item]
    /// The position of this page.
    public var pagination: Pagination?

    /// Creates an envelope.
    public init(status: Int? = nil, success: Bool? = nil, data: [Item], pagination: Pagination? = nil) {
        self.status = status
        self.success = success
        self.data = data
        self.pagination = pagination
    }

    /// The items and pagination as a ``Page``.
    public var page: Page<Item> { Page(items: data, pagination: pagination) }

    private enum CodingKeys: String, CodingKey {
        case status, success, data, pagination, error
    }

    /// Decodes an envelope; throws only when `data` is missing or not an array, or when the body
    /// is Salla's error envelope.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        status = container.lenient(Int.self, forKey: .status)
        success = container.lenient(Bool.self, forKey: .success)
        try container.rejectErrorEnvelope(success: success, errorKey: .error)
        data = try container.decodePayload([Item].self, forKey: .data)
        pagination = container.lenient(Pagination.self, forKey: .pagination)
    }
}

extension PagedEnvelope: Equatable where Item: Equatable {}
extension PagedEnvelope: DetectsErrorEnvelope {}
extension PagedEnvelope: Hashable where Item: Hashable {}

/// Salla's pagination block. Two shapes exist, and every field is optional:
///
/// - offset: `{"count", "total", "perPage", "currentPage", "totalPages", "links"}`
/// - cursor: `{"count", "cursor": {"current", "previous", "next"}}`
///
/// Numbers may arrive as strings; snake_case spellings (`per_page`, …) are
/// accepted too. `links` keeps only string members and is empty when the API
/// sends an array.
public struct Pagination: Codable, Hashable, Sendable {
    /// The number of items on this page.
    public var count: Int?
    /// The number of items in the whole list.
    public var total: Int?
    /// The page size.
    public var perPage: Int?
    /// The 1-based number of this page.
    public var currentPage: Int?
    /// The number of pages.
    public var totalPages: Int?
    /// Links to neighbouring pages, such as `next` and `previous`.
    public var links: [String: String]
    /// The cursor block of cursor-paginated lists.
    public var cursor: Cursor?
    /// Whether `links` came as an object, so that a missing `next` means the last page; `[]` or
    /// no `links` at all say nothing.
    var linksAreKnown: Bool

    /// The cursor block of cursor-paginated lists.
    public struct Cursor: Codable, Hashable, Sendable {
        /// The cursor of this page.
        public var current: String?
        /// The cursor of the previous page.
        public var previous: String?
        /// The cursor of the next page; `nil` on the last page.
        public var next: String?

        /// Creates a cursor block.
        public init(current: String? = nil, previous: String? = nil, next: String? = nil) {
            self.current = current
            self.previous = previous
            self.next = next
        }

        private enum CodingKeys: String, CodingKey {
            case current, previous, next
        }

        /// Decodes leniently: numbers become strings, anything unreadable `nil`.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            current = container.lenient(String.self, forKey: .current)
            previous = container.lenient(String.self, forKey: .previous)
            next = container.lenient(String.self, forKey: .next)
        }
    }

    /// Creates a pagination block.
    public init(
        count: Int? = nil, total: Int? = nil, perPage: Int? = nil, currentPage: Int? = nil,
        totalPages: Int? = nil, links: [String: String] = [:], cursor: Cursor? = nil
    ) {
        self.count = count
        self.total = total
        self.perPage = perPage
        self.currentPage = currentPage
        self.totalPages = totalPages
        self.links = links
        self.cursor = cursor
        self.linksAreKnown = true
    }

    /// The number of the next page of an offset-paginated list, or `nil` on
    /// the last page or when the numbers are missing.
    public var nextPage: Int? {
        guard let currentPage, let totalPages, currentPage < totalPages else { return nil }
        return currentPage + 1
    }

    private enum CodingKeys: String, CodingKey {
        case count, total, perPage, currentPage, totalPages, links, cursor
    }

    /// Decodes either shape leniently; throws only when the block is not an object.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: JSONKey.self)
        func int(_ names: String...) -> Int? {
            names.lazy.compactMap { container.lenient(Int.self, forKey: JSONKey(stringValue: $0)) }.first
        }
        count = int("count")
        total = int("total")
        perPage = int("perPage", "per_page")
        currentPage = int("currentPage", "current_page")
        totalPages = int("totalPages", "total_pages")
        let rawLinks = container.lenient([String: JSONValue].self, forKey: JSONKey(stringValue: "links"))
        links = rawLinks?.compactMapValues(\.stringValue) ?? [:]
        linksAreKnown = rawLinks != nil
        cursor = container.lenient(Cursor.self, forKey: JSONKey(stringValue: "cursor"))
    }

    /// Encodes the camelCase offset/cursor shape, omitting `nil` fields.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(count, forKey: .count)
        try container.encodeIfPresent(total, forKey: .total)
        try container.encodeIfPresent(perPage, forKey: .perPage)
        try container.encodeIfPresent(currentPage, forKey: .currentPage)
        try container.encodeIfPresent(totalPages, forKey: .totalPages)
        try container.encode(links, forKey: .links)
        try container.encodeIfPresent(cursor, forKey: .cursor)
    }
}

/// A body type that notices Salla's error envelope (`{"success": false, "error": ...}`) while it
/// decodes, so that the body is parsed once.
protocol DetectsErrorEnvelope {}

/// Thrown while decoding a ``DetectsErrorEnvelope`` body that is an error envelope.
struct ErrorEnvelopeFound: Error {}

extension KeyedDecodingContainer {
    /// Throws ``ErrorEnvelopeFound`` when `success` is false and an error is given.
    fileprivate func rejectErrorEnvelope(success: Bool?, errorKey: Key) throws {
        guard success == false, contains(errorKey), (try? decodeNil(forKey: errorKey)) == false else { return }
        throw ErrorEnvelopeFound()
    }

    /// Decodes strictly, then leniently; throws the strict error when both fail.
    fileprivate func decodePayload<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        // An envelope without `data`: a payload that can stand for null (JSONValue, an optional) is null.
        if !contains(key), let absent = try? JSONDecoder().decode(T.self, from: Data("null".utf8)) {
            return absent
        }
        do {
            return try decode(T.self, forKey: key)
        } catch {
            if let value = lenient(T.self, forKey: key) { return value }
            throw error
        }
    }
}
