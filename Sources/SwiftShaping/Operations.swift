import Diagnostics
import SpecIR

extension Shaper {

    func shapeNamespaces(payloads: [Payload]) -> [NamespaceDecl] {
        var groups: [String: [(SpecIR.Operation, Payload)]] = [:]
        for (operation, payload) in zip(spec.operations, payloads) { groups[operation.group, default: []].append((operation, payload)) }
        var namespaces: [NamespaceDecl] = []
        for group in groups.keys.sorted() {
            guard let (typeName, propertyName) = namespaceNames[group] else { continue }
            var methodNames = ReservedNames.namespaceMembers
            let entries = groups[group] ?? []
            // Vendor names first, so an operationId-derived name never takes a vendor's name.
            let named = entries.sorted { ($0.0.sdkMethodName == nil ? 1 : 0) < ($1.0.sdkMethodName == nil ? 1 : 0) }
            var decls: [Endpoint: OperationDecl] = [:]
            for (operation, payload) in entries { decls[operation.endpoint] = operationDecl(operation, payload: payload) }
            for (operation, _) in named {
                let generated = methodName(for: operation, taken: &methodNames)
                decls[operation.endpoint]?.name = renamedMember(generated, of: typeName, kind: .method, taken: &methodNames)
                // The page walker's name is taken at once, before any later operation's.
                if let name = decls[operation.endpoint]?.name {
                    decls[operation.endpoint]?.listAll?.name = SwiftNaming.unique(SwiftNaming.bare(name) + "All", in: &methodNames)
                }
            }
            let operations = entries.compactMap { operation, _ in decls[operation.endpoint] }
            namespaces.append(NamespaceDecl(
                doc: ["The \(group) endpoints."],
                typeDoc: ["The \(group) endpoints' calls, reached as `client.\(SwiftNaming.bare(propertyName))`."],
                typeName: typeName, propertyName: propertyName, operations: operations))
        }
        return namespaces
    }

    /// Whether values of a schema go out as text (`QueryValue`): scalars, enums and lists of them.
    static func isFormText(_ kind: Schema.Kind, resolve: (Schema) -> Schema) -> Bool {
        switch kind {
        case .string, .integer, .number, .boolean, .enumeration: return true
        case .array(let items): return isFormText(resolve(items).kind, resolve: resolve) && resolve(items).kind != .binary
        default: return false
        }
    }

    /// `` `PUT /customers/{customer}` `` for doc comments.
    static func endpoint(_ operation: SpecIR.Operation) -> String {
        "`\(operation.endpoint)`"
    }

    /// A vendor name typed twice over (`retrieveretrieve`) is the word once.
    static func undoubled(_ name: String) -> String {
        let half = name.count / 2
        guard half > 0, name.count % 2 == 0, name.prefix(half) == name.suffix(half) else { return name }
        return String(name.prefix(half))
    }

    private func methodName(for operation: SpecIR.Operation, taken: inout Set<String>) -> String {
        let fromID = SwiftNaming.memberName(operation.id, fallback: operation.method.rawValue)
        if let vendor = operation.sdkMethodName.map({ SwiftNaming.memberName(Self.undoubled($0)) }), !taken.contains(SwiftNaming.bare(vendor)) {
            taken.insert(SwiftNaming.bare(vendor))
            return vendor
        }
        return SwiftNaming.unique(fromID, in: &taken)
    }

    /// The call, named later by its namespace.
    private func operationDecl(_ operation: SpecIR.Operation, payload: Payload) -> OperationDecl {
        let stem = SwiftNaming.typeName(operation.id)
        var signature = MethodSignature()
        // Path parameters first, in the order the path names them; then the body; then the rest.
        let pathParameters = operation.parameters.filter { $0.location == .path }
            .map { (parameter: $0, at: operation.path.range(of: "{\($0.name)}")?.lowerBound ?? operation.path.endIndex) }
            .sorted { $0.at < $1.at }
            .map(\.parameter)
        for parameter in pathParameters { add(parameter, to: &signature, stem: stem, endpoint: Self.endpoint(operation)) }
        var body: BodyDecl?
        if let requestBody = operation.requestBody {
            let decl = bodyDecl(requestBody, of: operation, label: signature.reserveBodyLabel(), stem: stem)
            signature.addBody(decl, description: requestBody.description.map { DocComment.clean($0).joined(separator: " ") }, at: requestBody.schema.location)
            body = decl
        }
        for parameter in operation.parameters where parameter.location != .path {
            add(parameter, to: &signature, stem: stem, endpoint: Self.endpoint(operation))
        }
        let (answer, returnsDoc) = answer(payload, operation: operation, stem: stem)
        let doc = operationDoc(operation, parameters: signature.docs, returns: returnsDoc, validates: !signature.rules.isEmpty)
        return OperationDecl(
            endpoint: operation.endpoint, isDeprecated: operation.deprecated, doc: doc, name: "", parameters: signature.parameters,
            validationRules: signature.rules, path: signature.path(operation.pathSegments), queryItems: signature.queryItems,
            headers: signature.headers, body: body, answer: answer, listAll: listAll(operation, signature: signature, answer: answer),
            location: operation.location)
    }

    /// The page walker of an operation that answers a page and takes the page number as an
    /// integer `page` query parameter; named later, beside its operation.
    private func listAll(_ operation: SpecIR.Operation, signature: MethodSignature, answer: Answer) -> ListAllDecl? {
        guard case .page(let item) = answer,
              let page = signature.queryItems.first(where: { $0.key == "page" }),
              let parameter = signature.parameters.first(where: { $0.internalName == page.name }), parameter.type == "Int"
        else { return nil }
        let docs = signature.labelledDocs.filter { $0.label != parameter.label }.map(\.line)
        var doc = DocComment.lines(operation.summary.map { "\($0), every page" }, nil)
        doc += ["", "Fetches \(Self.endpoint(operation)) page after page as the loop asks for items, from the first page to the last; `pages` walks the same list page by page."]
        doc += Self.remarks(operation)
        if !docs.isEmpty { doc += ["", "- Parameters:"] + docs }
        doc.append("- Returns: The list's items; nothing is fetched until the loop starts, nor after it ends.")
        doc.append("- Throws: While iterating: " + (signature.rules.isEmpty ? "" : "`ValidationFailure` at the first fetch when arguments break the spec's rules; ")
            + "`SallaAPIError` when the API answers with an error; `SallaDecodingError` when its answer does not decode.")
        if doc.first == "" { doc.removeFirst() }
        return ListAllDecl(doc: doc, name: "", parameters: signature.parameters.filter { $0.internalName != page.name },
                           pageArgument: page.name, item: item)
    }

    /// A spec parameter as an argument of the method, with its checks; left out, with a
    /// warning, when its values cannot be sent as text.
    private func add(_ parameter: Parameter, to signature: inout MethodSignature, stem: String, endpoint: String) {
        let type: SwiftType
        if Self.isFormText(resolved(parameter.schema).kind, resolve: resolved) {
            var scope = Scope(qualifiedName: "", component: nil, propertyPath: [parameter.name], forRequest: true, names: .topLevel)
            let values = "Values of the `\(parameter.name)` parameter of \(endpoint)."
            var schema = documented(parameter.schema, values)
            if case .array(let items) = schema.kind { schema.kind = .array(documented(items, values)) }
            type = swiftType(schema, hint: stem + SwiftNaming.typeName(parameter.name), scope: &scope)
            adoptTopLevel(scope)
        } else if parameter.location == .path {
            diagnostics.warning("path parameter '\(parameter.name)' cannot be sent as text as documented; it is taken as a String", at: parameter.schema.location)
            type = SwiftType(name: "String", role: .plain)
        } else {
            // Only text, numbers, booleans, enums (and lists of them) fit in a URL or a header.
            diagnostics.warning("\(parameter.location.rawValue) parameter '\(parameter.name)' cannot be sent as text; it is left out", at: parameter.schema.location)
            return
        }
        let (label, name) = signature.names(for: parameter.name)
        let rules = validationRules(for: Property(name: parameter.name, schema: parameter.schema, required: false), type: type, value: name, isParameter: true)
        signature.add(parameter, label: label, internalName: name, type: type.name, rules: rules,
                      description: parameter.description.map { DocComment.clean($0).joined(separator: " ") })
    }

    /// The method's doc comment: summary and description, the endpoint, scopes, then the
    /// parameters, what it returns and what it throws.
    private func operationDoc(_ operation: SpecIR.Operation, parameters: [String], returns: String?, validates: Bool) -> [String] {
        var doc = DocComment.lines(operation.summary, operation.description)
        doc += ["", Self.endpoint(operation)]
        doc += Self.remarks(operation)
        if !parameters.isEmpty { doc += ["", "- Parameters:"] + parameters }
        if let returns { doc.append("- Returns: \(returns)") }
        doc.append("- Throws: " + (validates ? "`ValidationFailure` before sending when arguments break the spec's rules; " : "")
            + "`SallaAPIError` when the API answers with an error; `SallaDecodingError` when its answer does not decode.")
        if doc.first == "" { doc.removeFirst() }
        return doc
    }

    /// The scopes a call needs, and its deprecation.
    private static func remarks(_ operation: SpecIR.Operation) -> [String] {
        var lines: [String] = []
        if !operation.scopes.isEmpty {
            lines += ["", "Required scopes: " + operation.scopes.map { "`\($0)`" }.joined(separator: ", ")]
        }
        if operation.deprecated { lines += ["", "- Warning: Deprecated by the API."] }
        return lines
    }

    /// The body parameter: its type, whether it may be left out, and how it is sent.
    private func bodyDecl(_ body: RequestBody, of operation: SpecIR.Operation, label: String, stem: String) -> BodyDecl {
        let type = requestBodyType(body.contentType == .multipart ? body.withUploadFields : body, stem: stem, endpoint: Self.endpoint(operation))
        // Salla rarely marks bodies required. A body whose schema requires fields is required in
        // practice, and so is a POST's (it creates or acts); an update may send nothing.
        let isOptional = !body.required && !hasRequiredProperties(body.schema) && operation.method != .post
        let encoding: BodyEncoding
        switch body.contentType {
        case .json: encoding = .json
        case .multipart: encoding = .multipart(multipartFields(body, of: operation))
        }
        return BodyDecl(label: label, type: type.name, isOptional: isOptional, validates: type.role == .validatable, encoding: encoding)
    }

    /// The form fields of a multipart body: files, and values sent as text.
    private func multipartFields(_ body: RequestBody, of operation: SpecIR.Operation) -> [MultipartFieldDecl] {
        guard case .object(let object) = resolved(body.withUploadFields.schema).kind else {
            diagnostics.warning("a multipart/form-data body must be an object; operation '\(operation.id)' sends no body", at: operation.location)
            return []
        }
        var names = Set<String>()
        var fields: [MultipartFieldDecl] = []
        for property in object.properties {
            let member = SwiftNaming.unique(SwiftNaming.memberName(property.name), in: &names)
            let kind = resolved(property.schema).kind
            guard kind == .binary || Self.isFormText(kind, resolve: resolved) else {
                diagnostics.warning("form field '\(property.name)' is neither a file nor text; it is not sent", at: property.schema.location)
                continue
            }
            // A deprecated field is sent from its storage, which the generated code may use without a warning.
            let name = isDeprecated(property.schema) ? "_" + SwiftNaming.bare(member) : member
            fields.append(MultipartFieldDecl(key: property.name, name: name, isFile: kind == .binary))
        }
        return fields
    }

    private func hasRequiredProperties(_ schema: Schema) -> Bool {
        guard case .object(let object) = resolved(schema).kind else { return false }
        return object.properties.contains { $0.required && !$0.schema.readOnly }
    }

    /// The body's type: a component's, or a new top-level type for an inline schema.
    private func requestBodyType(_ body: RequestBody, stem: String, endpoint: String) -> SwiftType {
        if case .reference = body.schema.kind {
            var scope = Scope(qualifiedName: "", component: nil, propertyPath: [], forRequest: true, names: .topLevel)
            return swiftType(body.schema, hint: stem + "Body", scope: &scope)
        }
        return topLevelType(documented(body.schema, "The body of \(endpoint)."), name: stem + "Body", forRequest: true)
    }

}

extension RequestBody {
    /// Upload forms in the Salla docs often type the file as a plain string (`file`, `photo`);
    /// in a multipart body those fields carry file bytes, so they are read as uploads.
    var withUploadFields: RequestBody {
        guard case .object(var object) = schema.kind else { return self }
        let uploadNames: Set<String> = ["file", "photo", "image", "attachment"]
        for index in object.properties.indices
        where object.properties[index].schema.kind == .string(nil) && uploadNames.contains(object.properties[index].name) {
            object.properties[index].schema.kind = .binary
        }
        var copy = self
        copy.schema.kind = .object(object)
        return copy
    }
}
