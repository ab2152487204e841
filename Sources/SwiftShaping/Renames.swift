import Diagnostics

/// Names a configuration gives in place of the ones sallagen would generate.
public struct Renames: Sendable {
    /// A new name, and where the configuration asks for it.
    public struct Entry: Sendable {
        public var name: String
        public var location: SourceLocation?

        public init(name: String, location: SourceLocation?) {
            self.name = name
            self.location = location
        }
    }

    /// By generated type name (`Customer`), nested types by their qualified name (`Order.Item`).
    public var types: [String: Entry] = [:]
    /// By the type's final name and the generated property name (`Customer.firstName`).
    public var properties: [String: Entry] = [:]
    /// By the namespace type's final name and the generated method name (`CustomersAPI.update`).
    public var methods: [String: Entry] = [:]

    public init(types: [String: Entry] = [:], properties: [String: Entry] = [:], methods: [String: Entry] = [:]) {
        self.types = types
        self.properties = properties
        self.methods = methods
    }

    /// What a rename applies to.
    public enum Kind: String, Sendable, CaseIterable {
        case type, property, method
    }

    /// One rename of the configuration: its kind and the generated name it is keyed by.
    struct Key: Hashable {
        var kind: Kind
        var name: String
    }

    func table(_ kind: Kind) -> [String: Entry] {
        switch kind {
        case .type: types
        case .property: properties
        case .method: methods
        }
    }

    /// Whether `name` can be a Swift identifier as written (letters, digits and `_`, not first a digit).
    public static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
    }
}

extension Shaper {
    /// The type name to declare for one sallagen generated as `generated` (already recorded in
    /// `taken`): the configuration's rename of `key`, when it has one and the name is free.
    func renamedType(_ generated: String, key: String, taken: inout Set<String>) -> String {
        generatedTypeNames.insert(generated)
        guard let entry = options.renames.types[key] else { return generated }
        usedRenames.insert(Renames.Key(kind: .type, name: key))
        renamedTypes.append((key, generated, entry))
        guard !taken.contains(entry.name) || entry.name == generated else {
            diagnostics.error("cannot rename type '\(key)' to '\(entry.name)': a type of that name is already declared there", at: entry.location)
            return generated
        }
        taken.remove(generated)
        taken.insert(entry.name)
        return entry.name
    }

    /// The member name to declare for one generated as `generated` in `owner` (recorded in `taken`).
    func renamedMember(_ generated: String, of owner: String, kind: Renames.Kind, taken: inout Set<String>) -> String {
        let key = owner + "." + SwiftNaming.bare(generated)
        guard let entry = options.renames.table(kind)[key] else { return generated }
        usedRenames.insert(Renames.Key(kind: kind, name: key))
        guard !taken.contains(entry.name) else {
            diagnostics.error("cannot rename \(kind.rawValue) '\(key)' to '\(entry.name)': the name is already taken there", at: entry.location)
            return generated
        }
        taken.remove(SwiftNaming.bare(generated))
        taken.insert(entry.name)
        return SwiftNaming.escaped(entry.name)
    }

    /// Renames that matched nothing sallagen generates, or took a name sallagen gives another
    /// type (which then got a number instead): errors at the configuration.
    func reportUnusedRenames() {
        for (key, generated, entry) in renamedTypes where entry.name != generated && generatedTypeNames.contains(entry.name) {
            diagnostics.error("cannot rename type '\(key)' to '\(entry.name)': sallagen gives that name to another type", at: entry.location)
        }
        for kind in Renames.Kind.allCases {
            for (key, entry) in options.renames.table(kind).sorted(by: { $0.key < $1.key }) where !usedRenames.contains(Renames.Key(kind: kind, name: key)) {
                diagnostics.error("rename of '\(key)' matches no \(kind.rawValue) sallagen generates", at: entry.location)
            }
        }
    }
}
