import Foundation

/// Values gathered from any task, in the order they arrived: what a test's transport, middleware
/// or log handler saw.
public final class Collected<Element: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Element] = []

    public init() {}

    /// Everything gathered so far.
    public var elements: [Element] { lock.withLock { stored } }

    public func append(_ element: Element) { lock.withLock { stored.append(element) } }
}
