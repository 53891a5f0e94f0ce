import JSON5

/// Maps a byte offset in a config file to the key whose string value is written there,
/// so a secret found in the text can be named by its key path.
struct ConfigKeyPaths {
    struct Entry {
        var file: String
        var range: Range<Int>
        var path: String
        var origin: ConfigOrigin?
    }

    private(set) var entries: [String: [Entry]] = [:]

    /// The string values of the effective config (after `$include`), with the file and
    /// range each was written at.
    init(effective root: ConfigNode) {
        walk(root, path: "")
    }

    /// The string values of one JSON5 file as written (a backup).
    init(file: String, tree: JSON5Node) {
        walk(tree, file: file, path: "")
    }

    func lookup(file: String, offset: Int) -> Entry? {
        entries[file]?.first { $0.range.contains(offset) }
    }

    private mutating func add(_ entry: Entry) {
        entries[entry.file, default: []].append(entry)
    }

    private mutating func walk(_ node: ConfigNode, path: String) {
        switch node.value {
        case .string:
            if let origin = node.origin {
                add(Entry(file: origin.file, range: origin.range.byteRange, path: path, origin: origin))
            }
        case .array(let items):
            for (index, item) in items.enumerated() { walk(item, path: "\(path)[\(index)]") }
        case .object(let object):
            for (key, value) in object.entries { walk(value, path: Self.join(path, key)) }
        case .null, .bool, .number:
            break
        }
    }

    private mutating func walk(_ node: JSON5Node, file: String, path: String) {
        switch node.value {
        case .string:
            add(Entry(file: file, range: node.range.byteRange, path: path, origin: nil))
        case .array(let items):
            for (index, item) in items.enumerated() { walk(item, file: file, path: "\(path)[\(index)]") }
        case .object(let members):
            for member in members { walk(member.value, file: file, path: Self.join(path, member.key)) }
        case .null, .bool, .number:
            break
        }
    }

    private static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }
}
