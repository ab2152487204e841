import Diagnostics
import SpecIR
import YAMLLoader

/// Stage 2: OpenAPI documents (as YAML node trees) -> one spec IR.
public enum OpenAPIReader {
    public struct Document: Sendable {
        public var file: String
        public var root: YAMLNode
        public init(file: String, root: YAMLNode) {
            self.file = file
            self.root = root
        }
    }

    public struct Result: Sendable {
        public var spec: Spec
        public var diagnostics: [Diagnostic]
    }

    /// What one document contributes, read on its own (documents can be read in parallel).
    public struct DocumentPart: Sendable {
        var contribution: DocumentContribution
        public var diagnostics: [Diagnostic]
    }

    /// Reads one document. Unsupported constructs are warnings and are skipped; malformed ones are errors.
    public static func readDocument(_ document: Document) -> DocumentPart {
        let context = DocumentContext(file: document.file, root: document.root)
        let contribution = DocumentReader(context: context).read()
        return DocumentPart(contribution: contribution, diagnostics: context.diagnostics.all)
    }

    /// Merges the documents' parts into one spec. The result does not depend on their order.
    public static func merge(_ parts: [DocumentPart]) -> Result {
        var diagnostics = DiagnosticBag()
        for part in parts { diagnostics.append(contentsOf: part.diagnostics) }
        var merger = SpecMerger()
        let spec = merger.merge(parts.map(\.contribution))
        diagnostics.append(contentsOf: merger.diagnostics.all)
        return Result(spec: spec, diagnostics: diagnostics.sorted)
    }

    /// Reads and merges the documents.
    public static func read(_ documents: [Document]) -> Result {
        merge(documents.map(readDocument))
    }
}
