import Foundation

/// Every item of a paginated list, fetched page by page as the loop asks for them:
///
/// ```swift
/// for try await customer in client.customers.listAll(keyword: "sara") { ... }
/// for try await page in client.customers.listAll().pages { ... }
/// ```
///
/// Nothing is fetched until the loop starts, and nothing more once it ends. The walk stops after
/// the last page: by `totalPages` when the API gives it, else when `links` has no `next`, else
/// at an empty page. A `links.next` on the client's base URL (scheme, host and port) is followed;
/// one that points elsewhere never gets the token, and the next page is asked for by number.
public struct PagedList<Item: Decodable & Sendable>: AsyncSequence, Sendable {
    /// The items of the list, in order.
    public typealias Element = Item

    let client: SallaClient
    let request: @Sendable (_ page: Int) throws -> Request

    /// Creates the list of what `request` fetches, given a 1-based page number; it may throw to
    /// reject its arguments, which then fails the first fetch.
    public init(client: SallaClient, request: @escaping @Sendable (_ page: Int) throws -> Request) {
        self.client = client
        self.request = request
    }

    /// The same list, page by page.
    public var pages: Pages { Pages(list: self) }

    /// Starts a walk through the items.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(pages: pages.makeAsyncIterator())
    }

    /// Walks the items, fetching the next page when the current one is used up.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var pages: Pages.AsyncIterator
        var buffer: [Item] = []
        var index = 0

        /// The next item, or `nil` after the last page.
        public mutating func next() async throws -> Item? {
            while index == buffer.count {
                guard let page = try await pages.next() else { return nil }
                buffer = page.items
                index = 0
            }
            defer { index += 1 }
            return buffer[index]
        }
    }

    /// The pages of a ``PagedList``, each a ``Page`` with its items and pagination block.
    public struct Pages: AsyncSequence, Sendable {
        /// One page of the list.
        public typealias Element = Page<Item>

        let list: PagedList

        /// Starts a walk through the pages.
        public func makeAsyncIterator() -> AsyncIterator {
            AsyncIterator(list: list)
        }

        /// Fetches one page per call to `next()`.
        public struct AsyncIterator: AsyncIteratorProtocol {
            let list: PagedList
            var upcoming: Upcoming = .number(1)
            /// The links followed so far, so that a link seen again ends the walk.
            var followed: Set<URL> = []

            /// The next page, or `nil` after the last one.
            public mutating func next() async throws -> Page<Item>? {
                let number: Int
                var request: Request
                switch upcoming {
                case .done:
                    return nil
                case .number(let page):
                    number = page
                    request = try list.request(page)
                case .link(let url, let page):
                    number = page
                    request = try list.request(page)
                    request.absoluteURL = PagedList.keepingFilters(of: request, in: url)
                    followed.insert(url)
                }
                upcoming = .done
                let page = try await list.client.send(request, as: PagedEnvelope<Item>.self).page
                upcoming = list.upcoming(after: page, fetched: number, followed: followed)
                return page
            }
        }
    }

    /// What the walk fetches next.
    enum Upcoming {
        case number(Int)
        case link(URL, page: Int)
        case done
    }

    /// `link` with the query items of `request` it lacks, so that filters and page size survive
    /// links that leave them out; the link's own items win.
    static func keepingFilters(of request: Request, in link: URL) -> URL {
        guard var components = URLComponents(url: link, resolvingAgainstBaseURL: true) else { return link }
        let linked = components.percentEncodedQuery ?? ""
        let present = Set(linked.split(separator: "&").map { $0.split(separator: "=", maxSplits: 1).first ?? "" })
        let missing = request.query.encoded.split(separator: "&").filter { !present.contains($0.split(separator: "=", maxSplits: 1).first ?? "") }
        guard !missing.isEmpty else { return link }
        components.percentEncodedQuery = ([linked].filter { !$0.isEmpty } + missing.map(String.init)).joined(separator: "&")
        return components.url ?? link
    }

    /// What follows `page`, which was fetched as page `fetched`, after following the links in `followed`.
    func upcoming(after page: Page<Item>, fetched: Int, followed: Set<URL>) -> Upcoming {
        guard !page.items.isEmpty else { return .done }
        let pagination = page.pagination
        let current = pagination?.currentPage ?? fetched
        // A server that ignores the page number would otherwise be walked forever.
        guard current >= fetched, current < Int.max else { return .done }
        if let totalPages = pagination?.totalPages {
            if current >= totalPages { return .done }
        } else if pagination?.linksAreKnown == true, pagination?.links["next"] == nil {
            return .done
        }
        if let link = pagination?.links["next"], let next = URL(string: link, relativeTo: client.baseURL)?.absoluteURL,
           !followed.contains(next), client.isOnBaseOrigin(next) {
            return .link(next, page: current + 1)
        }
        return .number(current + 1)
    }
}
