/// Where something stands in an input file; lines and columns count from 1.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    /// Every node of a loaded document has a location, so line and column are kept in 32 bits
    /// each (a file of more than two billion lines is not read anyway).
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }
    private var storedLine: Int32
    private var storedColumn: Int32

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.storedLine = Int32(clamping: line)
        self.storedColumn = Int32(clamping: column)
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

public enum Severity: String, Sendable, Hashable {
    case warning
    case error
}

/// One finding about the input, printed as `path:line:col: severity: message`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public var severity: Severity
    public var message: String
    public var location: SourceLocation?
    /// Further places the message refers to (for example the other copy of a duplicate).
    public var notes: [Note]

    public struct Note: Hashable, Sendable {
        public var message: String
        public var location: SourceLocation
        public init(message: String, location: SourceLocation) {
            self.message = message
            self.location = location
        }
    }

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?, notes: [Note] = []) {
        self.severity = severity
        self.message = message
        self.location = location
        self.notes = notes
    }

    public static func error(_ message: String, at location: SourceLocation?, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, message, at: location, notes: notes)
    }

    public static func warning(_ message: String, at location: SourceLocation?, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.warning, message, at: location, notes: notes)
    }

    public var description: String {
        var text = location.map { "\($0): " } ?? "sallagen: "
        text += "\(severity.rawValue): \(message)"
        for note in notes {
            text += "\n\(note.location): note: \(note.message)"
        }
        return text
    }
}

/// Collects diagnostics from every stage so they are printed once, in a stable order.
public struct DiagnosticBag: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    public mutating func append(_ diagnostic: Diagnostic) { all.append(diagnostic) }
    public mutating func append(contentsOf other: [Diagnostic]) { all.append(contentsOf: other) }

    public mutating func error(_ message: String, at location: SourceLocation?, notes: [Diagnostic.Note] = []) {
        all.append(.error(message, at: location, notes: notes))
    }

    public mutating func warning(_ message: String, at location: SourceLocation?, notes: [Diagnostic.Note] = []) {
        all.append(.warning(message, at: location, notes: notes))
    }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// Sorted by location (unlocated first), duplicates removed, so output is deterministic.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return all.filter { seen.insert($0).inserted }.sorted { a, b in
            switch (a.location, b.location) {
            case (nil, nil): return a.message < b.message
            case (nil, _): return true
            case (_, nil): return false
            case let (x?, y?): return x == y ? a.message < b.message : x < y
            }
        }
    }
}

/// A single diagnostic can stop a stage on its own.
extension Diagnostic: Error {}
