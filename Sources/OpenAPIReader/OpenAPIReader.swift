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

    /// Reads and merges the documents. Unsupported constructs are warnings and are skipped;
    /// malformed ones are errors. The result does not depend on the order of `documents`.
    public static func read(_ documents: [Document]) -> Result {
        var diagnostics = DiagnosticBag()
        var contributions: [DocumentContribution] = []
        for document in documents {
            let context = DocumentContext(file: document.file, root: document.root)
            contributions.append(DocumentReader(context: context).read())
            diagnostics.append(contentsOf: context.diagnostics.all)
        }
        var merger = SpecMerger()
        let spec = merger.merge(contributions)
        diagnostics.append(contentsOf: merger.diagnostics.all)
        return Result(spec: spec, diagnostics: diagnostics.sorted)
    }
}
