/// The render model as the dictionaries templates read.
///
/// Templates look names up on every object of their context stack; answering from dictionaries
/// instead of reflecting on structs at each lookup keeps rendering a large spec fast. Every stored
/// property is here, so custom templates see all a built-in one can (a test keeps the two in step).
public protocol TemplateValue {
    var templateValue: [String: Any] { get }
}

extension Array where Element: TemplateValue {
    var templateValues: [[String: Any]] { map(\.templateValue) }
}

extension RenderModel: TemplateValue {
    public var templateValue: [String: Any] {
        ["headerLines": headerLines, "access": access, "types": types.templateValues,
         "namespaces": namespaces.templateValues, "validations": validations.templateValues]
    }
}

extension TypeDecl: TemplateValue {
    public var templateValue: [String: Any] {
        ["structDecl": structDecl.templateValues, "enumDecl": enumDecl.templateValues, "aliasDecl": aliasDecl.templateValues]
    }
}

extension StructDecl: TemplateValue {
    public var templateValue: [String: Any] {
        ["doc": doc, "name": name, "access": access, "properties": properties.templateValues,
         "nested": nested.templateValues, "nestedSource": nestedSource, "hasProperties": hasProperties, "binding": binding]
    }
}

extension PropertyDecl: TemplateValue {
    public var templateValue: [String: Any] {
        ["doc": doc, "name": name, "type": type, "key": key, "separator": separator]
    }
}

extension EnumDecl: TemplateValue {
    public var templateValue: [String: Any] {
        ["doc": doc, "name": name, "access": access, "cases": cases.templateValues, "unknownCase": unknownCase,
         "usesTable": usesTable, "knownValuesText": knownValuesText, "valueSeparator": valueSeparator]
    }
}

extension EnumCaseDecl: TemplateValue {
    public var templateValue: [String: Any] {
        ["doc": doc, "name": name, "value": value, "separator": separator, "index": index]
    }
}

extension AliasDecl: TemplateValue {
    public var templateValue: [String: Any] {
        ["doc": doc, "name": name, "access": access, "type": type]
    }
}

extension NamespaceDecl: TemplateValue {
    public var templateValue: [String: Any] {
        ["doc": doc, "typeDoc": typeDoc, "typeName": typeName, "propertyName": propertyName, "operations": operations.templateValues]
    }
}

extension OperationDecl: TemplateValue {
    public var templateValue: [String: Any] {
        var values: [String: Any] = [
            "specKey": specKey, "responseDecodeType": responseDecodeType, "doc": doc, "name": name,
            "parameters": parameters.templateValues, "returnClause": returnClause,
            "validationRules": validationRules.templateValues, "hasValidation": hasValidation,
            "method": method, "requestBinding": requestBinding,
            "pathLiteral": pathLiteral, "queryItems": queryItems.templateValues, "headers": headers.templateValues,
            "jsonBodyStatements": jsonBodyStatements, "bodyAccess": bodyAccess,
            "multipartFields": multipartFields.templateValues, "hasMultipart": hasMultipart, "sendStatement": sendStatement,
        ]
        // A missing value is left out, as Mustache passes over a nil property.
        if let bodyType { values["bodyType"] = bodyType }
        return values
    }
}

extension ParameterDecl: TemplateValue {
    public var templateValue: [String: Any] {
        var values: [String: Any] = [
            "label": label, "internalName": internalName, "hasInternalName": hasInternalName, "type": type, "separator": separator,
        ]
        if let defaultValue { values["defaultValue"] = defaultValue }
        return values
    }
}

extension QueryItemDecl: TemplateValue {
    public var templateValue: [String: Any] { ["key": key, "name": name] }
}

extension MultipartFieldDecl: TemplateValue {
    public var templateValue: [String: Any] { ["key": key, "name": name, "isFile": isFile] }
}

extension ValidationDecl: TemplateValue {
    public var templateValue: [String: Any] {
        ["typeName": typeName, "access": access, "rules": rules.templateValues]
    }
}

extension ValidationRule: TemplateValue {
    public var templateValue: [String: Any] {
        ["call": call, "value": value, "arguments": arguments, "path": path]
    }
}
