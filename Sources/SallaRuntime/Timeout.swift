import Foundation

/// An attempt that did not complete within ``SallaClient/Configuration/timeout``.
public struct SallaTimeoutError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The request's method, such as `"GET"`.
    public var method: String
    /// The request's path, query included.
    public var path: String
    /// The time the attempt was given.
    public var timeout: Duration

    /// Creates the error.
    public init(method: String, path: String, timeout: Duration) {
        self.method = method
        self.path = path
        self.timeout = timeout
    }

    /// A one-line summary, such as `GET /customers got no complete answer within 60 seconds`.
    public var description: String {
        "\(method) \(path) got no complete answer within \(String(format: "%g", timeout.timeInterval)) seconds"
    }
}

/// Runs `operation`, throwing `timeoutError` once `limit` passes and `CancellationError` once the
/// calling task is cancelled. Either way it returns at once, without waiting for `operation` to
/// notice that it was cancelled: a transport that ignores cancellation cannot hold the caller.
func withDeadline<T: Sendable>(
    _ limit: Duration,
    timeoutError timeout: any Error,
    operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    let outcome = Outcome<T>()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            outcome.install(continuation)
            outcome.start(
                Task { outcome.finish(await Result(asyncCatching: operation)) },
                Task {
                    guard (try? await Task.sleep(for: .seconds(limit.clampedSeconds))) != nil else { return }
                    outcome.finish(.failure(timeout))
                })
        }
    } onCancel: {
        outcome.finish(.failure(CancellationError()))
    }
}

/// The first result of a race, handed to the waiting continuation once; the losing tasks are cancelled.
private final class Outcome<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?
    private var result: Result<T, any Error>?
    private var tasks: [Task<Void, Never>] = []

    func install(_ continuation: CheckedContinuation<T, any Error>) {
        let early = lock.withLock { () -> Result<T, any Error>? in
            if let result { return result }
            self.continuation = continuation
            return nil
        }
        if let early { continuation.resume(with: early) }
    }

    func start(_ tasks: Task<Void, Never>...) {
        let finished = lock.withLock { () -> Bool in
            if result == nil { self.tasks = tasks }
            return result != nil
        }
        if finished { tasks.forEach { $0.cancel() } }
    }

    func finish(_ outcome: Result<T, any Error>) {
        let (waiting, losers) = lock.withLock { () -> (CheckedContinuation<T, any Error>?, [Task<Void, Never>]) in
            guard result == nil else { return (nil, []) }
            result = outcome
            defer { continuation = nil; tasks = [] }
            return (continuation, tasks)
        }
        losers.forEach { $0.cancel() }
        waiting?.resume(with: outcome)
    }
}

extension Result where Failure == any Error {
    /// The result of an async throwing body.
    init(asyncCatching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}

extension Duration {
    /// The duration in seconds.
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// The duration in seconds, between zero and a year: longer waits and timeouts mean "no
    /// limit" in practice, and `Task.sleep` traps on durations it cannot represent.
    var clampedSeconds: TimeInterval {
        min(max(timeInterval, 0), 365 * 86_400)
    }
}
