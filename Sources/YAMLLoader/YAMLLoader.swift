import CYAML
import Diagnostics
import Foundation

/// Loads YAML (and JSON) text into a `YAMLNode` tree with libyaml's event parser.
public enum YAMLLoader {
    /// Most nodes one document may produce, aliases expanded (guards against alias bombs).
    public static let maxNodeCount = 10_000_000
    /// Deepest nesting of collections accepted. Trees are released and compared
    /// recursively, so unbounded depth could exhaust the stack.
    public static let maxDepth = 1_000

    /// Parses the first document of `text`; later documents are ignored.
    public static func load(text: String, file: String) throws(YAMLLoadError) -> YAMLNode {
        var text = text
        let result = text.withUTF8 { buffer in parse(buffer, file: file) }
        return try result.get()
    }

    /// Parses the first document of raw bytes (UTF-8, or UTF-16 with a BOM, as libyaml detects).
    /// Invalid UTF-8 is reported as an error rather than repaired.
    public static func load(bytes: [UInt8], file: String) throws(YAMLLoadError) -> YAMLNode {
        let result = bytes.withUnsafeBufferPointer { buffer in parse(buffer, file: file) }
        return try result.get()
    }

    /// Reads the file at `path` and parses its first document. Locations name `path` as given.
    public static func load(contentsOf path: String) throws(YAMLLoadError) -> YAMLNode {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let reason = !exists ? "no such file" : isDirectory.boolValue ? "it is a directory" : "it is not readable"
            throw YAMLLoadError(diagnostic: .error("cannot read '\(path)': \(reason)", at: nil))
        }
        let result = data.withUnsafeBytes { raw in parse(raw.bindMemory(to: UInt8.self), file: path) }
        return try result.get()
    }

    static func parse(_ input: UnsafeBufferPointer<UInt8>, file: String) -> Result<YAMLNode, YAMLLoadError> {
        guard let base = input.baseAddress, !input.isEmpty else {
            return .failure(YAMLLoadError(diagnostic: .error("empty document", at: SourceLocation(file: file, line: 1, column: 1))))
        }
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) != 0 else {
            return .failure(YAMLLoadError(diagnostic: .error("libyaml could not initialize a parser for '\(file)'", at: nil)))
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_input_string(parser, base, input.count)
        var builder = TreeBuilder(file: file)
        do {
            return .success(try builder.run(parser, input: input))
        } catch {
            return .failure(error)
        }
    }
}

/// Turns the event stream into a tree with an explicit stack.
private struct TreeBuilder {
    let file: String

    private struct Frame {
        var isMapping: Bool
        var location: SourceLocation
        var anchor: String?
        /// `nodeCount` when the collection opened, to size it for aliases.
        var startCount: Int
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
        /// Pair indices by key text, built once a mapping outgrows a direct search.
        var keyIndex: [String: Int]?

        /// Most mappings hold a handful of keys: comparing them one by one is cheaper than hashing.
        static let directSearchLimit = 12

        /// Where `key` already stands among this mapping's pairs.
        mutating func firstLocation(ofKey key: String) -> SourceLocation? {
            if keyIndex == nil, pairs.count < Self.directSearchLimit {
                return pairs.first { $0.keyString == key }?.key.location
            }
            if keyIndex == nil {
                keyIndex = [:]
                for (index, pair) in pairs.enumerated() {
                    if let text = pair.keyString, keyIndex?[text] == nil { keyIndex?[text] = index }
                }
            }
            return keyIndex?[key].map { pairs[$0].key.location }
        }

        mutating func append(_ pair: YAMLPair) {
            if let text = pair.keyString, keyIndex != nil { keyIndex?[text] = pairs.count }
            pairs.append(pair)
        }
    }

    private struct Anchored {
        var node: YAMLNode
        var size: Int
    }

    private var stack: [Frame] = []
    private var anchors: [String: Anchored] = [:]
    private var nodeCount = 0
    private var root: YAMLNode?

    init(file: String) {
        self.file = file
    }

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    private func failure(_ message: String, at location: SourceLocation?, notes: [Diagnostic.Note] = []) -> YAMLLoadError {
        YAMLLoadError(diagnostic: .error(message, at: location, notes: notes))
    }

    mutating func run(_ parser: UnsafeMutablePointer<yaml_parser_t>, input: UnsafeBufferPointer<UInt8>) throws(YAMLLoadError) -> YAMLNode {
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) != 0 else {
                throw syntaxError(parser.pointee, input: input)
            }
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                throw failure("empty document", at: SourceLocation(file: file, line: 1, column: 1))
            case YAML_DOCUMENT_END_EVENT:
                if let root { return root }
                throw failure("empty document", at: location(event.start_mark))
            case YAML_SCALAR_EVENT:
                try scalar(event)
            case YAML_ALIAS_EVENT:
                try alias(event)
            case YAML_SEQUENCE_START_EVENT:
                try open(isMapping: false, anchor: event.data.sequence_start.anchor, at: event.start_mark)
            case YAML_MAPPING_START_EVENT:
                try open(isMapping: true, anchor: event.data.mapping_start.anchor, at: event.start_mark)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                try close()
            default:
                break  // stream start, document start, no-event
            }
        }
    }

    // MARK: - Events

    private mutating func scalar(_ event: yaml_event_t) throws(YAMLLoadError) {
        let data = event.data.scalar
        let loc = location(event.start_mark)
        let bytes = UnsafeBufferPointer(start: data.value, count: data.value == nil ? 0 : data.length)
        let text = bytes.isEmpty ? "" : String(decoding: bytes, as: UTF8.self)
        let isQuoted = data.style != YAML_PLAIN_SCALAR_STYLE && data.style != YAML_ANY_SCALAR_STYLE
        var value: YAMLScalar.Value
        if let tagPointer = data.tag {
            let tagName = String(cString: tagPointer)
            if tagName == "!" {
                value = .string(text)  // the non-specific tag: never resolved as a plain scalar
            } else if let tag = ScalarResolver.tag(named: tagName) {
                guard let resolved = ScalarResolver.resolve(bytes, text: text, tag: tag) else {
                    throw failure("'\(text)' is not a valid !!\(tagName.dropFirst("tag:yaml.org,2002:".count))", at: loc)
                }
                value = resolved
            } else {
                value = isQuoted ? .string(text) : ScalarResolver.resolvePlain(bytes, text: text)
            }
        } else {
            value = isQuoted ? .string(text) : ScalarResolver.resolvePlain(bytes, text: text)
        }
        try count(1, at: loc)
        let node = YAMLNode(content: .scalar(YAMLScalar(text: text, value: value, isQuoted: isQuoted)), location: loc)
        if let anchor = data.anchor {
            anchors[String(cString: anchor)] = Anchored(node: node, size: 1)
        }
        try attach(node)
    }

    private mutating func alias(_ event: yaml_event_t) throws(YAMLLoadError) {
        let loc = location(event.start_mark)
        let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
        guard let anchored = anchors[name] else {
            if stack.contains(where: { $0.anchor == name }) {
                throw failure("alias '*\(name)' refers to a collection that contains it", at: loc)
            }
            throw failure("unknown alias '*\(name)'", at: loc)
        }
        try count(anchored.size, at: loc)
        var node = anchored.node
        node.location = loc
        try attach(node)
    }

    private mutating func open(isMapping: Bool, anchor: UnsafeMutablePointer<yaml_char_t>?, at mark: yaml_mark_t) throws(YAMLLoadError) {
        let loc = location(mark)
        guard stack.count < YAMLLoader.maxDepth else {
            throw failure("collections are nested more than \(YAMLLoader.maxDepth) levels deep", at: loc)
        }
        try count(1, at: loc)
        stack.append(Frame(
            isMapping: isMapping,
            location: loc,
            anchor: anchor.map { String(cString: $0) },
            startCount: nodeCount - 1
        ))
    }

    private mutating func close() throws(YAMLLoadError) {
        guard let frame = stack.popLast() else { return }
        let node = YAMLNode(content: frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items), location: frame.location)
        if let anchor = frame.anchor {
            anchors[anchor] = Anchored(node: node, size: nodeCount - frame.startCount)
        }
        try attach(node)
    }

    private mutating func count(_ n: Int, at loc: SourceLocation) throws(YAMLLoadError) {
        nodeCount += n
        if nodeCount > YAMLLoader.maxNodeCount {
            throw failure("document expands to more than \(YAMLLoader.maxNodeCount) nodes (too many aliases?)", at: loc)
        }
    }

    private mutating func attach(_ node: YAMLNode) throws(YAMLLoadError) {
        let top = stack.count - 1
        guard top >= 0 else {
            root = node
            return
        }
        if !stack[top].isMapping {
            stack[top].items.append(node)
        } else if let key = stack[top].pendingKey {
            stack[top].append(YAMLPair(key: key, value: node))
            stack[top].pendingKey = nil
        } else {
            if case .scalar(let s) = node.content {
                if let first = stack[top].firstLocation(ofKey: s.text) {
                    throw failure(
                        "duplicate key '\(s.text)'",
                        at: node.location,
                        notes: [Diagnostic.Note(message: "'\(s.text)' first appears here", location: first)]
                    )
                }
            }
            stack[top].pendingKey = node
        }
    }

    // MARK: - Errors

    private func syntaxError(_ parser: yaml_parser_t, input: UnsafeBufferPointer<UInt8>) -> YAMLLoadError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown YAML error"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return failure("libyaml ran out of memory while parsing '\(file)'", at: nil)
        case YAML_READER_ERROR:
            // libyaml leaves problem_mark unset for reader errors; it gives a byte offset instead.
            var message = problem
            if parser.problem_value != -1 {
                message += " (byte 0x\(String(UInt32(truncatingIfNeeded: parser.problem_value), radix: 16, uppercase: true)))"
            }
            return failure(message, at: location(ofByteOffset: parser.problem_offset, in: input))
        default:
            var notes: [Diagnostic.Note] = []
            var message = problem
            if let contextPointer = parser.context {
                let context = String(cString: contextPointer)
                message += " \(context)"
                let contextLocation = location(parser.context_mark)
                if contextLocation != location(parser.problem_mark) {
                    notes.append(Diagnostic.Note(message: "\(context) that starts here", location: contextLocation))
                }
            }
            return failure(message, at: location(parser.problem_mark), notes: notes)
        }
    }

    /// Line and column (in characters, as libyaml counts them) of a byte offset.
    private func location(ofByteOffset offset: Int, in input: UnsafeBufferPointer<UInt8>) -> SourceLocation {
        let end = min(offset, input.count)
        var line = 1
        var column = 1
        var i = 0
        if input.count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF { i = 3 }
        while i < end {
            let c = input[i]
            if c == UInt8(ascii: "\n") || (c == UInt8(ascii: "\r") && (i + 1 >= input.count || input[i + 1] != UInt8(ascii: "\n"))) {
                line += 1
                column = 1
            } else if c & 0xC0 != 0x80 && c != UInt8(ascii: "\r") {
                column += 1
            }
            i += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
