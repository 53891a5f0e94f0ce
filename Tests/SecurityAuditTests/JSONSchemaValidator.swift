import Foundation
import JSON5

/// A small JSON Schema validator (drafts 04 to 07) for the keywords the SARIF 2.1.0
/// schema and docs/report.schema.json use. A schema using any other keyword is refused
/// when loaded, so a keyword is never silently ignored.
struct JSONSchemaValidator {
    struct UnsupportedKeyword: Error, CustomStringConvertible {
        var keyword: String
        var description: String { "schema uses unsupported keyword \(keyword)" }
    }

    static let checkedKeywords: Set<String> = [
        "$ref", "type", "properties", "required", "additionalProperties", "enum", "const", "items",
        "minItems", "maxItems", "uniqueItems", "pattern", "minimum", "maximum", "minLength",
        "oneOf", "anyOf", "allOf",
    ]
    /// Annotations with no effect on validity.
    static let annotationKeywords: Set<String> = [
        "$schema", "id", "$id", "title", "description", "default", "format", "definitions", "examples", "$comment",
    ]

    let root: JSON5Node

    init(schema text: String) throws {
        root = try JSON5.parse(text)
        try Self.checkKeywords(root)
    }

    private static func checkKeywords(_ schema: JSON5Node) throws {
        guard let members = schema.members else { return }
        for member in members {
            guard checkedKeywords.contains(member.key) || annotationKeywords.contains(member.key) else {
                throw UnsupportedKeyword(keyword: member.key)
            }
            switch member.key {
            case "properties", "definitions":
                for sub in member.value.members ?? [] { try checkKeywords(sub.value) }
            case "items", "additionalProperties":
                try checkKeywords(member.value)
            case "oneOf", "anyOf", "allOf":
                for sub in member.value.elements ?? [] { try checkKeywords(sub) }
            default:
                break
            }
        }
    }

    /// Every violation, as `JSON-pointer: message`; empty when the document is valid.
    func validate(_ document: JSON5Node) -> [String] {
        var errors: [String] = []
        validate(document, against: root, at: "", into: &errors)
        return errors
    }

    func validate(json text: String) throws -> [String] {
        validate(try JSON5.parse(text))
    }

    private func resolve(_ reference: String) -> JSON5Node? {
        guard reference.hasPrefix("#") else { return nil }
        var node: JSON5Node? = root
        for token in reference.dropFirst().split(separator: "/") {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            node = node?[key: key]
        }
        return node
    }

    private func validate(_ value: JSON5Node, against schema: JSON5Node, at path: String, into errors: inout [String]) {
        if schema.asBool == true { return }
        if schema.asBool == false {
            errors.append("\(path): no value is allowed here")
            return
        }
        if let reference = schema[key: "$ref"]?.asString {
            guard let target = resolve(reference) else {
                errors.append("\(path): unresolvable $ref \(reference)")
                return
            }
            // Draft 04-07: $ref replaces its siblings.
            validate(value, against: target, at: path, into: &errors)
            return
        }

        if let type = schema[key: "type"] {
            let allowed = type.elements?.compactMap(\.asString) ?? [type.asString].compactMap { $0 }
            if !allowed.contains(where: { Self.has(value, type: $0) }) {
                errors.append("\(path): expected \(allowed.joined(separator: " or ")), got \(value.value.typeName)")
                return
            }
        }
        if let options = schema[key: "enum"]?.elements, !options.contains(where: { Self.canonical($0) == Self.canonical(value) }) {
            errors.append("\(path): \(Self.canonical(value)) is not one of \(options.map(Self.canonical))")
        }
        if let constant = schema[key: "const"], Self.canonical(constant) != Self.canonical(value) {
            errors.append("\(path): must be \(Self.canonical(constant))")
        }

        if let string = value.asString {
            if let minLength = schema[key: "minLength"]?.asDouble, Double(string.unicodeScalars.count) < minLength {
                errors.append("\(path): shorter than \(minLength)")
            }
            if let pattern = schema[key: "pattern"]?.asString {
                let regex = try? NSRegularExpression(pattern: pattern)
                let range = NSRange(string.startIndex..., in: string)
                if regex?.firstMatch(in: string, range: range) == nil {
                    errors.append("\(path): \"\(string)\" does not match \(pattern)")
                }
            }
        }
        if let number = value.asDouble {
            if let minimum = schema[key: "minimum"]?.asDouble, number < minimum {
                errors.append("\(path): \(number) is below the minimum \(minimum)")
            }
            if let maximum = schema[key: "maximum"]?.asDouble, number > maximum {
                errors.append("\(path): \(number) is above the maximum \(maximum)")
            }
        }

        if let members = value.members {
            let properties = schema[key: "properties"]?.members ?? []
            for required in schema[key: "required"]?.elements?.compactMap(\.asString) ?? []
            where !members.contains(where: { $0.key == required }) {
                errors.append("\(path): missing required property \(required)")
            }
            for member in members {
                let childPath = "\(path)/\(member.key)"
                if let propertySchema = properties.last(where: { $0.key == member.key })?.value {
                    validate(member.value, against: propertySchema, at: childPath, into: &errors)
                } else if let additional = schema[key: "additionalProperties"] {
                    if additional.asBool == false {
                        errors.append("\(path): property \(member.key) is not allowed")
                    } else {
                        validate(member.value, against: additional, at: childPath, into: &errors)
                    }
                }
            }
        }

        if let elements = value.elements {
            if let minItems = schema[key: "minItems"]?.asDouble, Double(elements.count) < minItems {
                errors.append("\(path): fewer than \(minItems) items")
            }
            if let maxItems = schema[key: "maxItems"]?.asDouble, Double(elements.count) > maxItems {
                errors.append("\(path): more than \(maxItems) items")
            }
            if schema[key: "uniqueItems"]?.asBool == true, Set(elements.map(Self.canonical)).count != elements.count {
                errors.append("\(path): items are not unique")
            }
            if let items = schema[key: "items"] {
                for (index, element) in elements.enumerated() {
                    validate(element, against: items, at: "\(path)/\(index)", into: &errors)
                }
            }
        }

        func passes(_ sub: JSON5Node) -> Bool {
            var scratch: [String] = []
            validate(value, against: sub, at: path, into: &scratch)
            return scratch.isEmpty
        }
        for sub in schema[key: "allOf"]?.elements ?? [] {
            validate(value, against: sub, at: path, into: &errors)
        }
        if let options = schema[key: "anyOf"]?.elements, !options.contains(where: passes) {
            errors.append("\(path): matches none of anyOf")
        }
        if let options = schema[key: "oneOf"]?.elements {
            let matches = options.filter(passes).count
            if matches != 1 { errors.append("\(path): matches \(matches) of oneOf, not exactly one") }
        }
    }

    static func has(_ value: JSON5Node, type: String) -> Bool {
        switch (type, value.value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object), ("number", .number):
            return true
        case ("integer", .number(let number)):
            return number.value.isFinite && number.value.rounded() == number.value
        default:
            return false
        }
    }

    /// A value's text with object keys sorted, for equality as JSON Schema defines it.
    static func canonical(_ node: JSON5Node) -> String {
        switch node.value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return String(n.value)
        case .string(let s): return "\"" + s.replacingOccurrences(of: "\"", with: "\\\"") + "\""
        case .array(let items): return "[" + items.map(canonical).joined(separator: ",") + "]"
        case .object(let members):
            return "{" + members.sorted { $0.key < $1.key }.map { "\"\($0.key)\":" + canonical($0.value) }.joined(separator: ",") + "}"
        }
    }
}
