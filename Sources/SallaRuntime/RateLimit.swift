import Foundation

/// The rate-limit figures the API sent with its latest answer: `X-RateLimit-Limit`,
/// `X-RateLimit-Remaining` and `X-RateLimit-Reset`.
public struct RateLimit: Sendable, Hashable {
    /// Requests allowed per window (120 a minute on Salla's Plus plan).
    public var limit: Int?
    /// Requests left in the current window.
    public var remaining: Int?
    /// When the current window ends and `remaining` is back to `limit`.
    public var resetsAt: Date?

    /// Creates the figures.
    public init(limit: Int? = nil, remaining: Int? = nil, resetsAt: Date? = nil) {
        self.limit = limit
        self.remaining = remaining
        self.resetsAt = resetsAt
    }

    /// Salla sends epoch seconds; a small number can only be seconds from now, as some proxies send.
    private static func date(reset: Double) -> Date? {
        guard reset.isFinite, reset >= 0, reset < 1e11 else { return nil }
        return reset < 1_000_000_000 ? Date(timeIntervalSinceNow: reset) : Date(timeIntervalSince1970: reset)
    }

    /// The figures in `fields`, or `nil` when they carry none.
    init?(_ fields: HTTPFields) {
        limit = fields[.rateLimitLimit].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        remaining = fields[.rateLimitRemaining].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        resetsAt = fields[.rateLimitReset].flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            .flatMap(Self.date(reset:))
        if limit == nil, remaining == nil, resetsAt == nil { return nil }
    }
}

extension HTTPField.Name {
    static let rateLimitLimit = HTTPField.Name("X-RateLimit-Limit")!
    static let rateLimitRemaining = HTTPField.Name("X-RateLimit-Remaining")!
    static let rateLimitReset = HTTPField.Name("X-RateLimit-Reset")!
}

/// When a 429 answer says to come back: `Retry-After` in seconds or as an HTTP date, else the
/// rate-limit reset; `nil` when it says neither.
func retryDate(after fields: HTTPFields, now: Date) -> Date? {
    if let value = fields[.retryAfter]?.trimmingCharacters(in: .whitespaces) {
        if let seconds = Double(value), seconds.isFinite, seconds >= 0, seconds < 1e9 {
            return now.addingTimeInterval(seconds)
        }
        if let date = HTTPDate.parse(value) { return date }
    }
    return RateLimit(fields)?.resetsAt
}

/// The three date forms RFC 9110 lets `Retry-After` use.
enum HTTPDate {
    private static let formats = [
        "EEE, dd MMM yyyy HH:mm:ss zzz",  // IMF-fixdate
        "EEEE, dd-MMM-yy HH:mm:ss zzz",  // RFC 850
        "EEE MMM d HH:mm:ss yyyy",  // asctime
    ]

    static func parse(_ text: String) -> Date? {
        for format in formats {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}

/// Paces the requests of one client and its configured copies by the figures the API sends:
/// once an answer says nothing remains, requests wait for the reset instead of drawing 429s.
/// Requests in flight count against what remains.
actor RateLimiter {
    private(set) var latest: RateLimit?
    /// Requests that may still be sent in this window, known only once the API has said.
    private var allowance: Int?
    private var inFlight = 0

    /// Waits until a request may be sent (never beyond `maximumWait` seconds), then counts it as
    /// in flight; returns the seconds it waited.
    func acquire(maximumWait: TimeInterval) async throws -> TimeInterval {
        let started = Date()
        func left() -> TimeInterval { maximumWait - Date().timeIntervalSince(started) }
        while let allowance, allowance <= 0, let resetsAt = latest?.resetsAt {
            let wait = resetsAt.timeIntervalSinceNow
            if wait <= 0 {
                guard let limit = latest?.limit else {
                    self.allowance = nil
                    break
                }
                self.allowance = limit - inFlight
                // The new window is used up by requests in flight; their answers will tell its reset.
                if limit - inFlight <= 0 {
                    guard left() > 0.05 else { break }
                    try await Task.sleep(for: .milliseconds(50))
                }
                continue
            }
            // Beyond the bound, send anyway: the answer's own 429 says when to come back.
            guard wait <= left() else { break }
            try await Task.sleep(for: .seconds(wait))
        }
        if let allowance { self.allowance = allowance - 1 }
        inFlight += 1
        return Date().timeIntervalSince(started)
    }

    /// Counts a request as finished and learns the figures its answer carried.
    func finish(with fields: HTTPFields?) {
        inFlight -= 1
        guard let fields, let figures = RateLimit(fields) else { return }
        let newWindow = figures.resetsAt.map { new in latest?.resetsAt.map { new > $0 } ?? true } ?? false
        latest = figures
        if let remaining = figures.remaining {
            let left = remaining - inFlight
            allowance = newWindow ? left : min(allowance ?? left, left)
        }
    }
}
