import Mustache

/// One object templates read (a struct, a property, an operation): its values by name.
///
/// An object has at most a few dozen names, so they are kept in a list and found by comparing
/// them: that costs about what hashing them would, builds faster, and takes half the memory of a
/// dictionary, which counts while every object of a models file is alive at once. Templates see it
/// as they see a dictionary, transforms (`count`, `sorted`) included.
struct TemplateObject: MustacheParent, MustacheTransformable, ExpressibleByDictionaryLiteral {
    private var entries: [(name: String, value: Any)]

    init(dictionaryLiteral elements: (String, Any)...) {
        entries = elements.map { (name: $0.0, value: $0.1) }
    }

    /// The value called `name`; setting one replaces it or adds it at the end.
    subscript(name: String) -> Any? {
        get { entries.first { $0.name == name }?.value }
        set {
            let index = entries.firstIndex { $0.name == name }
            switch (index, newValue) {
            case (let index?, let value?): entries[index].value = value
            case (let index?, nil): entries.remove(at: index)
            case (nil, let value?): entries.append((name: name, value: value))
            case (nil, nil): break
            }
        }
    }

    var names: [String] { entries.map(\.name) }

    func child(named name: String) -> Any? { self[name] }

    func transform(_ name: String) -> Any? {
        Dictionary(entries.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first }).transform(name)
    }
}

/// A list templates iterate (a file's types, namespaces or validations) whose objects are made as
/// the iteration reaches them, so a file's render holds the objects of one element at a time
/// instead of all of them. Sections, inverted sections and transforms treat it as an array.
struct TemplateList: MustacheSequence, MustacheTransformable, MustacheParent {
    private let count: Int
    private let object: (Int) -> TemplateObject

    init<Element>(_ elements: [Element], _ object: @escaping (Element) -> TemplateObject) {
        count = elements.count
        self.object = { object(elements[$0]) }
    }

    func makeIterator() -> LazyMapSequence<Range<Int>, TemplateObject>.Iterator {
        (0..<count).lazy.map(object).makeIterator()
    }

    /// Every object at once, for a transform (`count`, `first`, `reversed`) or a test.
    var objects: [TemplateObject] { (0..<count).map(object) }

    func transform(_ name: String) -> Any? { objects.transform(name) }

    /// No names of its own (as an array has none), so a lookup inside `{{^types}}` goes on outwards.
    func child(named name: String) -> Any? { nil }
}

/// A string as templates see it. Mustache asks each value it prints whether it is a template, a
/// custom rendering, a lambda or an optional before printing its description; a value that renders
/// itself answers at the second question, which takes about a sixth off rendering the Salla corpus.
/// Transforms (`{{uppercased(name)}}`, `{{sorted(doc)}}`) work as they do on strings; a dynamic partial
/// (`{{>*name}}`) is the one thing that needs a Swift `String` and cannot take its name from a text.
struct TemplateText: MustacheCustomRenderable, MustacheTransformable, MustacheParent, Comparable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    var renderText: String { text }

    var isNull: Bool { false }

    func transform(_ name: String) -> Any? { text.transform(name) }

    /// No names of its own (as a string has none), so a lookup inside a section over a text goes on outwards.
    func child(named name: String) -> Any? { nil }

    static func < (a: TemplateText, b: TemplateText) -> Bool { a.text < b.text }
}
