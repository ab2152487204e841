import Diagnostics
import Foundation
import SpecIR

extension Shaper {
    /// The schema whose rules apply to a value: a reference to a scalar or enum component
    /// carries that component's rules, with the referring schema's own constraints on top.
    func effectiveSchema(_ schema: Schema) -> Schema {
        guard case .reference = schema.kind else { return schema }
        var target = resolved(schema)
        if case .object = target.kind { return schema }
        let own = schema.constraints
        var merged = target.constraints
        merged.maxLength = own.maxLength ?? merged.maxLength
        merged.minLength = own.minLength ?? merged.minLength
        merged.pattern = own.pattern ?? merged.pattern
        if own.minimum != nil { (merged.minimum, merged.exclusiveMinimum) = (own.minimum, own.exclusiveMinimum) }
        if own.maximum != nil { (merged.maximum, merged.exclusiveMaximum) = (own.maximum, own.exclusiveMaximum) }
        merged.minItems = own.minItems ?? merged.minItems
        merged.maxItems = own.maxItems ?? merged.maxItems
        merged.uniqueItems = own.uniqueItems || merged.uniqueItems
        target.constraints = merged
        target.readOnly = schema.readOnly || target.readOnly
        target.location = schema.location ?? target.location
        return target
    }

    /// The checks of one value, in a stable order: presence, text, format, enum, bounds, items,
    /// then the value's own checks by its Swift type.
    func validationRules(for property: Property, type: SwiftType, value: String, isParameter: Bool) -> [ValidationRule] {
        let path: RulePath = isParameter ? .parameter(property.name) : .member(property.name)
        let schema = effectiveSchema(property.schema)
        let constraints = applicableConstraints(schema, of: property, type: type)
        var checks: [Check] = property.required && !schema.readOnly ? [.required] : []
        checks += textChecks(constraints, schema, of: property)
        if case .enumeration(let e) = schema.kind, e.base == .integer { checks.append(.oneOf(e.values.compactMap { Int($0) })) }
        checks += boundChecks(constraints, schema, of: property, type: type)
        if let n = constraints.minItems { checks.append(.minItems(n)) }
        if let n = constraints.maxItems { checks.append(.maxItems(n)) }
        if constraints.uniqueItems, type.role != .arrayOfValidatable { checks.append(.uniqueItems) }
        switch type.role {
        case .validatable: checks.append(.nested)
        case .enumeration: checks.append(.knownValue)
        case .arrayOfValidatable: checks.append(.each)
        case .arrayOfEnumeration: checks.append(.knownValues)
        case .plain: break
        }
        return checks.map { ValidationRule(check: $0, value: value, path: path) }
    }

    /// The constraints the value's Swift type can be checked against; the others are reported, not generated.
    private func applicableConstraints(_ schema: Schema, of property: Property, type: SwiftType) -> Constraints {
        var c = schema.constraints
        let isText: Bool, isNumber: Bool, isArray: Bool
        switch schema.kind {
        case .string: (isText, isNumber, isArray) = (true, false, false)
        case .integer, .number: (isText, isNumber, isArray) = (false, true, false)
        case .enumeration(let e): (isText, isNumber, isArray) = (false, e.base == .integer, false)
        case .array: (isText, isNumber, isArray) = (false, false, true)
        default: (isText, isNumber, isArray) = (false, false, false)
        }
        func unchecked(_ rule: String) {
            diagnostics.warning("\(rule) of '\(property.name)' does not apply to its type (\(type.name)); it is not checked", at: schema.location)
        }
        if !isText {
            if c.minLength != nil || c.maxLength != nil { unchecked("a length limit") }
            if c.pattern != nil { unchecked("the pattern") }
            (c.minLength, c.maxLength, c.pattern) = (nil, nil, nil)
        }
        if !isNumber, c.minimum != nil || c.maximum != nil {
            unchecked("a numeric bound")
            (c.minimum, c.maximum) = (nil, nil)
        }
        if !isArray, c.minItems != nil || c.maxItems != nil || c.uniqueItems {
            unchecked("an item rule")
            (c.minItems, c.maxItems, c.uniqueItems) = (nil, nil, false)
        }
        return c
    }

    /// Lengths, the pattern (a date placeholder checks as a date), and the string format.
    private func textChecks(_ c: Constraints, _ schema: Schema, of property: Property) -> [Check] {
        var checks: [Check] = []
        if let n = c.minLength { checks.append(.minLength(n)) }
        if let n = c.maxLength { checks.append(.maxLength(n)) }
        if let pattern = c.pattern {
            switch PatternRule.classify(pattern) {
            case .format(let format): checks.append(.format(format))
            case .regex(let regex): checks.append(.pattern(regex))
            case .invalid(let reason):
                diagnostics.warning("pattern '\(pattern)' of '\(property.name)' is not a valid regular expression (\(reason)); it is not checked", at: schema.location)
            }
        }
        let hasFormat = checks.contains { if case .format = $0 { true } else { false } }
        if case .string(let format?) = schema.kind, !hasFormat { checks.append(.format(format)) }
        return checks
    }

    /// The minimum and maximum. An integer compared with a fractional bound gets the nearest whole
    /// bound inside the range, which says the same; ids typed `number` are `Int` in Swift too.
    private func boundChecks(_ c: Constraints, _ schema: Schema, of property: Property, type: SwiftType) -> [Check] {
        let isInteger = schema.kind != .number || type.name == "Int"
        func bound(_ name: String, _ v: Double, exclusive: Bool, roundingUp: Bool) -> Bound? {
            guard v.isFinite else { return nil }
            guard isInteger else { return .number(v, exclusive: exclusive) }
            let whole = v == v.rounded() ? v : (roundingUp ? v.rounded(.up) : v.rounded(.down))
            guard let integer = Int(exactly: whole) else {
                diagnostics.warning("the \(name) \(v) of '\(property.name)' is beyond the range of Int; it is not checked", at: schema.location)
                return nil
            }
            return .integer(integer, exclusive: exclusive && v == whole)
        }
        var checks: [Check] = []
        if let v = c.minimum, let bound = bound("minimum", v, exclusive: c.exclusiveMinimum, roundingUp: true) { checks.append(.minimum(bound)) }
        if let v = c.maximum, let bound = bound("maximum", v, exclusive: c.exclusiveMaximum, roundingUp: false) { checks.append(.maximum(bound)) }
        return checks
    }
}

/// What a spec `pattern` means: real regular expressions are checked as such, and the
/// date placeholders some docs write there (`YYYY-MM-DD`) are checked as date formats.
enum PatternRule {
    case regex(String)
    case format(StringFormat)
    case invalid(String)

    static func classify(_ pattern: String) -> PatternRule {
        let placeholder = pattern.uppercased()
        if placeholder == "YYYY-MM-DD" { return .format(.date) }
        if placeholder.hasPrefix("YYYY-MM-DD") && placeholder.contains("HH") { return .format(.dateTime) }
        do {
            _ = try NSRegularExpression(pattern: pattern)
            return .regex(pattern)
        } catch {
            return .invalid("it does not compile")
        }
    }
}
