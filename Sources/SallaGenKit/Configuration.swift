import Diagnostics
import Foundation
import SpecIR
import SwiftShaping
import YAMLLoader

/// `sallagen.yaml`: what to generate and how, read by the same loader as the specs, so every
/// mistake in it is an error at its line and column.
///
/// ```yaml
/// specs: [customers.yaml, orders]      # files or folders, relative to this file
/// access-level: internal               # public (the default) or internal
/// templates: Templates                 # a folder of .mustache overrides, relative to this file
/// include:                             # only these operations (each list optional)
///   tags: [Customers]
///   operations: [listCustomers, Customers.update]   # an operationId, or tag.method (Salla's method name)
/// exclude:
///   operations: [Customers.delete]
/// rename:                              # keyed by the names sallagen generates
///   types: {Customer: Client}
///   properties: {Client.firstName: givenName}   # the type's final name, then the property
///   methods: {CustomersAPI.update: modify}      # the namespace type, then the method
/// ```
public struct Configuration: Sendable {
    /// Where the configuration was read from.
    public var file: String
    /// Spec files or folders, resolved against the configuration's folder.
    public var specs: [String] = []
    public var accessLevel: AccessLevel?
    public var templates: String?
    public var include: OperationFilter?
    public var exclude: OperationFilter?
    public var renames = Renames()

    public static let keys = ["specs", "access-level", "templates", "include", "exclude", "rename"]

    /// Reads the configuration at `path`; nil with located errors when it is not valid.
    public static func load(_ path: String) -> (configuration: Configuration?, diagnostics: [Diagnostic]) {
        var reader = ConfigurationReader(file: path)
        let root: YAMLNode
        do {
            root = try YAMLLoader.load(contentsOf: path)
        } catch {
            return (nil, [error.diagnostic])
        }
        let configuration = reader.read(root)
        return (reader.diagnostics.hasErrors ? nil : configuration, reader.diagnostics.sorted)
    }
}

/// Operations picked by tag, by operationId, or by `tag.method` with Salla's own method name (a
/// method name alone repeats across tags).
public struct OperationFilter: Sendable {
    public var tags: [Entry] = []
    public var operations: [Entry] = []

    /// One name as written, and where, so one that matches nothing is reported there.
    public struct Entry: Sendable {
        public var name: String
        public var location: SourceLocation
    }

    private func matchesTag(_ name: String, _ operation: SpecIR.Operation) -> Bool {
        operation.group == name
    }

    private func matchesOperation(_ name: String, _ operation: SpecIR.Operation) -> Bool {
        if operation.id == name { return true }
        guard let dot = name.lastIndex(of: "."), let method = operation.sdkMethodName else { return false }
        return operation.group == name[..<dot] && method == name[name.index(after: dot)...]
    }

    /// Whether the operation is one this filter names.
    func selects(_ operation: SpecIR.Operation) -> Bool {
        tags.contains { matchesTag($0.name, operation) } || operations.contains { matchesOperation($0.name, operation) }
    }

    /// The entries that name no operation of the spec.
    func unmatched(in operations: [SpecIR.Operation]) -> [Entry] {
        tags.filter { entry in !operations.contains { matchesTag(entry.name, $0) } }
            + self.operations.filter { entry in !operations.contains { matchesOperation(entry.name, $0) } }
    }
}

extension Configuration {
    /// The spec with only the operations the filters keep; an entry that names nothing, or
    /// filters that keep nothing, are errors at the configuration.
    func filter(_ spec: Spec, diagnostics: inout DiagnosticBag) -> Spec {
        var filtered = spec
        for (key, filter) in [("include", include), ("exclude", exclude)] {
            for entry in filter?.unmatched(in: spec.operations) ?? [] {
                diagnostics.error("\(key) names '\(entry.name)', which is no tag, operationId or tag.method of the specs", at: entry.location)
            }
        }
        if let include { filtered.operations = filtered.operations.filter(include.selects) }
        if let exclude { filtered.operations = filtered.operations.filter { !exclude.selects($0) } }
        if filtered.operations.isEmpty, !spec.operations.isEmpty {
            diagnostics.error("include and exclude leave no operation to generate", at: SourceLocation(file: file, line: 1, column: 1))
        }
        return filtered
    }
}

/// Typed reading of the configuration's YAML, reporting each wrong key or value once where it stands.
private struct ConfigurationReader {
    let file: String
    var diagnostics = DiagnosticBag()

    init(file: String) { self.file = file }

    mutating func read(_ root: YAMLNode) -> Configuration {
        var configuration = Configuration(file: file)
        guard let pairs = root.mapping else {
            error("a sallagen configuration must be a mapping, found \(root.kindName)", at: root)
            return configuration
        }
        let folder = (file as NSString).deletingLastPathComponent
        for pair in pairs {
            let key = pair.keyString ?? ""
            switch key {
            case "specs": configuration.specs = strings(pair.value, key).map { resolve($0, in: folder) }
            case "access-level":
                guard let text = string(pair.value, key) else { continue }
                if let level = AccessLevel(rawValue: text) {
                    configuration.accessLevel = level
                } else {
                    error("'access-level' must be public or internal, found '\(text)'", at: pair.value)
                }
            case "templates": configuration.templates = string(pair.value, key).map { resolve($0, in: folder) }
            case "include": configuration.include = filter(pair.value, key)
            case "exclude": configuration.exclude = filter(pair.value, key)
            case "rename": configuration.renames = renames(pair.value)
            default:
                error("unknown key '\(key)' (expected \(Configuration.keys.joined(separator: ", ")))", at: pair.key)
            }
        }
        return configuration
    }

    private mutating func filter(_ node: YAMLNode, _ key: String) -> OperationFilter? {
        guard let pairs = node.mapping else {
            error("'\(key)' must be a mapping with 'tags' and 'operations', found \(node.kindName)", at: node)
            return nil
        }
        var filter = OperationFilter()
        for pair in pairs {
            let entries = { (reader: inout ConfigurationReader) in
                (pair.value.sequence ?? []).compactMap { item in reader.string(item, "\(key).\(pair.keyString ?? "")").map { OperationFilter.Entry(name: $0, location: item.location) } }
            }
            switch pair.keyString {
            case "tags"?, "operations"?:
                guard pair.value.sequence != nil else {
                    error("'\(key).\(pair.keyString ?? "")' must be a list of names, found \(pair.value.kindName)", at: pair.value)
                    continue
                }
                if pair.keyString == "tags" { filter.tags = entries(&self) } else { filter.operations = entries(&self) }
            default:
                error("unknown key '\(pair.keyString ?? "")' in '\(key)' (expected tags, operations)", at: pair.key)
            }
        }
        return filter
    }

    private mutating func renames(_ node: YAMLNode) -> Renames {
        var renames = Renames()
        guard let pairs = node.mapping else {
            error("'rename' must be a mapping with 'types', 'properties' and 'methods', found \(node.kindName)", at: node)
            return renames
        }
        for pair in pairs {
            let kind = pair.keyString ?? ""
            guard ["types", "properties", "methods"].contains(kind) else {
                error("unknown key '\(kind)' in 'rename' (expected types, properties, methods)", at: pair.key)
                continue
            }
            guard let entries = pair.value.mapping else {
                error("'rename.\(kind)' must map generated names to new ones, found \(pair.value.kindName)", at: pair.value)
                continue
            }
            var table: [String: Renames.Entry] = [:]
            for entry in entries {
                guard let from = string(entry.key, "rename.\(kind)"), let to = string(entry.value, "rename.\(kind)") else { continue }
                guard Renames.isIdentifier(to) else {
                    error("'\(to)' is not a Swift identifier (letters, digits and _, not first a digit)", at: entry.value)
                    continue
                }
                table[from] = Renames.Entry(name: to, location: entry.key.location)
            }
            switch kind {
            case "types": renames.types = table
            case "properties": renames.properties = table
            default: renames.methods = table
            }
        }
        return renames
    }

    private mutating func strings(_ node: YAMLNode, _ key: String) -> [String] {
        if let single = node.string { return [single] }
        guard let items = node.sequence else {
            error("'\(key)' must be a list of paths, found \(node.kindName)", at: node)
            return []
        }
        return items.compactMap { string($0, key) }
    }

    private mutating func string(_ node: YAMLNode, _ key: String) -> String? {
        guard let text = node.string else {
            error("'\(key)' must be a string, found \(node.kindName)", at: node)
            return nil
        }
        return text
    }

    private func resolve(_ path: String, in folder: String) -> String {
        path.hasPrefix("/") || folder.isEmpty ? path : (folder as NSString).appendingPathComponent(path)
    }

    private mutating func error(_ message: String, at node: YAMLNode) {
        diagnostics.error(message, at: node.location)
    }
}
