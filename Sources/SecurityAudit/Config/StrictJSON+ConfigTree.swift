import JSON5

extension StrictJSON {
    /// A file the original reads with `JSON.parse` (the exec approvals file, the
    /// mcporter registry) as a config tree whose origins point into `file`, so findings
    /// can name the line. nil when `JSON.parse` would reject it (comments, trailing
    /// commas, a byte order mark...).
    static func configTree(_ bytes: [UInt8], file: String) -> ConfigNode? {
        let valid = bytes.withUnsafeBufferPointer { (try? StrictJSON.parse(bytes: $0)) != nil }
        guard valid, let tree = try? JSON5.parse(bytes: bytes, file: file) else { return nil }
        return configNode(tree, file: file)
    }

    private static func configNode(_ node: JSON5Node, file: String) -> ConfigNode {
        let origin = ConfigOrigin(file: file, range: node.range)
        switch node.value {
        case .null: return ConfigNode(.null, origin: origin)
        case .bool(let b): return ConfigNode(.bool(b), origin: origin)
        case .number(let n): return ConfigNode(.number(n.value), origin: origin)
        case .string(let s): return ConfigNode(.string(s), origin: origin)
        case .array(let items): return ConfigNode(.array(items.map { configNode($0, file: file) }), origin: origin)
        case .object(let members):
            // Duplicate keys: the last value wins at the first key's position, as in JavaScript.
            var object = ConfigObject()
            for member in members { object[member.key] = configNode(member.value, file: file) }
            return ConfigNode(.object(object), origin: origin)
        }
    }
}
