import Foundation
import Mustache

/// The templates output is rendered through: the built-in set, with any file of a user's
/// template folder taking the place of the built-in template of the same name.
public struct TemplateLibrary: Sendable {
    private let library: MustacheLibrary

    public struct LoadError: Error, Sendable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var column: Int
        public var message: String
        public var description: String { "\(file):\(line):\(column): error: \(message)" }
    }

    /// Built-in templates, each replaced by `<name>.mustache` from `directory` when that file exists.
    public init(overrides directory: String?) throws(LoadError) {
        var texts: [String: (text: String, source: String)] = [:]
        for (name, text) in BuiltinTemplates.all { texts[name] = (text, "built-in") }
        if let directory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw LoadError(file: directory, line: 1, column: 1, message: "template folder does not exist")
            }
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for file in files.sorted() where file.hasSuffix(".mustache") {
                let path = (directory as NSString).appendingPathComponent(file)
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                    throw LoadError(file: path, line: 1, column: 1, message: "cannot read template")
                }
                texts[String(file.dropLast(".mustache".count))] = (text, path)
            }
        }
        var library = MustacheLibrary()
        for (name, entry) in texts.sorted(by: { $0.key < $1.key }) {
            do {
                library.register(try MustacheTemplate(string: entry.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw LoadError(
                    file: entry.source == "built-in" ? "Templates/\(name).mustache" : entry.source,
                    line: error.context.lineNumber, column: error.context.columnNumber + 1,
                    message: "template does not parse: \(error.error)")
            } catch {
                throw LoadError(file: entry.source, line: 1, column: 1, message: "template does not parse: \(error)")
            }
        }
        self.library = library
    }

    /// Renders `values` through the template called `name`; nil when no such template exists.
    public func render(_ values: Any, template name: String) -> String? {
        library.render(values, withTemplate: name)
    }
}
