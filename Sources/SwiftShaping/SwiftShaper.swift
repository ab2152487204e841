import Diagnostics
import Foundation
import SpecIR

public struct ShapingOptions: Sendable {
    public var accessLevel: AccessLevel
    /// Input file names (no directories) for the generated header.
    public var sourceNames: [String]
    /// Names given in place of generated ones.
    public var renames: Renames

    public init(accessLevel: AccessLevel = .public, sourceNames: [String] = [], renames: Renames = Renames()) {
        self.accessLevel = accessLevel
        self.sourceNames = sourceNames
        self.renames = renames
    }
}

/// Stage 3: spec IR -> Swift render model. Every naming and typing decision is made here.
public enum SwiftShaper {
    public struct Result: Sendable {
        public var model: RenderModel
        public var diagnostics: [Diagnostic]
    }

    public static func shape(_ spec: Spec, options: ShapingOptions = .init()) -> Result {
        let shaper = Shaper(spec: spec, options: options)
        let model = shaper.run()
        return Result(model: model, diagnostics: shaper.diagnostics.sorted)
    }
}


final class Shaper {
    let spec: Spec
    let options: ShapingOptions
    var diagnostics = DiagnosticBag()

    var componentSchemas: [String: NamedType] = [:]
    /// Component name -> Swift type name, for reachable components.
    var swiftNames: [String: String] = [:]
    var takenTypeNames = Set<String>()
    /// Components reachable from request bodies and parameters; their structs validate.
    var requestComponents = Set<String>()
    /// (component, property path) pairs stored indirectly to break by-value cycles.
    var indirectEdges = Set<MemberPath>()
    /// Everything declared at the top level so far; added to only at the top of a declaration.
    var output = DeclaredTypes()
    var shared = SharedShapes()
    var declaredShared = Set<String>()
    /// Components in a circle of references to one another.
    var aliasCycles = Set<String>()
    /// Each resource group's namespace: the type inside `SallaClient` and the `client.` accessor.
    var namespaceNames: [String: (typeName: String, propertyName: String)] = [:]
    /// The renames that matched something.
    var usedRenames = Set<Renames.Key>()
    /// Every type name sallagen chose before renames, and the type renames applied, to find a
    /// rename that takes another type's name.
    var generatedTypeNames = Set<String>()
    var renamedTypes: [(key: String, generated: String, entry: Renames.Entry)] = []

    init(spec: Spec, options: ShapingOptions) {
        self.spec = spec
        self.options = options
        for type in spec.types { componentSchemas[type.name] = type }
    }

    func run() -> RenderModel {
        findAliasCycles()
        let payloads = spec.operations.map { payload(of: $0) }
        nameReachableComponents(payloads: payloads)
        nameNamespaces()
        findIndirectEdges()
        findSharedShapes(payloads: payloads)
        for name in swiftNames.keys.sorted(by: { (swiftNames[$0] ?? "") < (swiftNames[$1] ?? "") }) {
            guard let type = componentSchemas[name], let swiftName = swiftNames[name] else { continue }
            output.add(declaration(for: type.schema, named: swiftName, component: name, forRequest: requestComponents.contains(name), origin: origin(of: type)))
        }
        let namespaces = shapeNamespaces(payloads: payloads)
        reportUnusedRenames()
        return RenderModel(sources: options.sourceNames, access: options.accessLevel, types: output.types, namespaces: namespaces, validations: output.validations)
    }
}
