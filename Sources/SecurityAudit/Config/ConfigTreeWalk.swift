/// Visits every string of a config tree with its path (`a.b[0].c`), in written order.
enum ConfigTreeWalk {
    static func strings(in node: ConfigNode, path: String = "", _ visit: (String, ConfigNode, String) -> Void) {
        switch node.value {
        case .string(let text):
            visit(path, node, text)
        case .array(let items):
            for (index, item) in items.enumerated() { strings(in: item, path: "\(path)[\(index)]", visit) }
        case .object(let object):
            for (key, value) in object.entries { strings(in: value, path: path.isEmpty ? key : "\(path).\(key)", visit) }
        case .null, .bool, .number:
            return
        }
    }
}
