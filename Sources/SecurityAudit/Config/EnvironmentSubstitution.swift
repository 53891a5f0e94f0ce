/// `${VAR}` substitution in config strings (`src/config/env-substitution.ts`): names
/// match `[A-Z_][A-Z0-9_]*`, `$${VAR}` is an escape for the literal text. A variable the
/// auditing environment lacks keeps its `${VAR}` text, so an audit run without the
/// gateway's environment still audits; the node is marked unresolved (its value is
/// unknown) and every path that uses a missing name is recorded.
///
/// Expansion has a budget on the bytes it adds in all: the file limits cap what is
/// parsed, not what it expands to, and a 1 MB variable referenced a thousand times would
/// otherwise take gigabytes. Past the budget, loading fails at the string that crossed it.
struct EnvironmentSubstitution {
    /// Ours, far above any real config (a few kilobytes of secrets and URLs).
    static let defaultMaxExpandedBytes = 16 * 1024 * 1024

    let environment: [String: String]
    let maxExpandedBytes: Int
    /// Bytes the replacements have added so far.
    private(set) var expandedBytes = 0
    /// Missing names, one entry per config path that uses them, in first-seen order.
    private(set) var missing: [MissingEnvironmentVariable] = []
    /// Config paths whose string was written as exactly one `${VAR}` reference: the
    /// value comes from the environment, it is not stored in the file.
    private(set) var templatedPaths: Set<String> = []

    init(environment: [String: String], maxExpandedBytes: Int = Self.defaultMaxExpandedBytes) {
        self.environment = environment
        self.maxExpandedBytes = maxExpandedBytes
    }

    /// Substitutes every string of the tree; throws, naming the string's place, once the
    /// expansions together pass `maxExpandedBytes`.
    mutating func apply(to node: ConfigNode, path: String = "", file: String) throws(ConfigLoadError) -> ConfigNode {
        switch node.value {
        case .string(let s):
            guard s.contains("$") else { return node }
            if Self.isSingleReference(s) { templatedPaths.insert(path) }
            let before = missing.count
            guard let text = substitute(s, path: path, origin: node.origin) else {
                throw ConfigLoadError(
                    file: node.origin?.file ?? file, position: node.origin?.range.start,
                    message: "${VAR} substitution at \(path.isEmpty ? "the top level" : path) expands the config "
                        + "past \(maxExpandedBytes) bytes in all")
            }
            let unresolved = missing[before...].map(\.name)
            return ConfigNode(.string(text), origin: node.origin, unresolvedVariables: unresolved)
        case .array(let items):
            var out: [ConfigNode] = []
            out.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                out.append(try apply(to: item, path: "\(path)[\(index)]", file: file))
            }
            return ConfigNode(.array(out), origin: node.origin)
        case .object(let object):
            var out = ConfigObject()
            for (key, value) in object.entries {
                out[key] = try apply(to: value, path: path.isEmpty ? key : "\(path).\(key)", file: file)
            }
            return ConfigNode(.object(out), origin: node.origin)
        case .null, .bool, .number:
            return node
        }
    }

    /// The string with its references replaced; nil when the replacements would pass
    /// the budget (counted before any is copied).
    mutating func substitute(_ value: String, path: String, origin: ConfigOrigin? = nil) -> String? {
        let chars = Array(value.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < chars.count {
            guard chars[i] == "$" else {
                out.append(chars[i])
                i += 1
                continue
            }
            if i + 2 < chars.count, chars[i + 1] == "$", chars[i + 2] == "{",
               let (name, end) = Self.variable(in: chars, from: i + 3) {
                out.append(contentsOf: "${\(name)}".unicodeScalars)
                i = end + 1
                continue
            }
            if i + 1 < chars.count, chars[i + 1] == "{", let (name, end) = Self.variable(in: chars, from: i + 2) {
                if let replacement = environment[name], !replacement.isEmpty {
                    expandedBytes += replacement.utf8.count
                    if expandedBytes > maxExpandedBytes { return nil }
                    out.append(contentsOf: replacement.unicodeScalars)
                } else {
                    // Once per name and path: a variable used at two paths is unknown at both.
                    if !missing.contains(where: { $0.name == name && $0.configPath == path }) {
                        missing.append(MissingEnvironmentVariable(name: name, configPath: path, origin: origin))
                    }
                    out.append(contentsOf: chars[i...end])
                }
                i = end + 1
                continue
            }
            out.append(chars[i])
            i += 1
        }
        return String(out)
    }

    /// The name between `start` and the next `}` if it is a valid variable name.
    private static func variable(in chars: [Unicode.Scalar], from start: Int) -> (String, Int)? {
        guard let end = chars[start...].firstIndex(of: "}") else { return nil }
        let name = chars[start..<end]
        guard let first = name.first, first == "_" || ("A"..."Z").contains(first),
              name.allSatisfy({ $0 == "_" || ("A"..."Z").contains($0) || ("0"..."9").contains($0) })
        else { return nil }
        return (String(String.UnicodeScalarView(name)), end)
    }

    /// Whether the string (trimmed) is one `${VAR}` reference and nothing else.
    static func isSingleReference(_ value: String) -> Bool {
        let chars = Array(value.trimmingWhitespace.unicodeScalars)
        guard chars.count > 3, chars[0] == "$", chars[1] == "{", let (_, end) = variable(in: chars, from: 2) else { return false }
        return end == chars.count - 1
    }

    /// Whether a string still holds a `${VAR}` reference (an unresolved one, after
    /// substitution): such a value names a secret, it does not store one.
    static func containsReference(_ value: String) -> Bool {
        let chars = Array(value.unicodeScalars)
        var i = 0
        while i < chars.count {
            if chars[i] == "$" {
                if i + 2 < chars.count, chars[i + 1] == "$", chars[i + 2] == "{",
                   let (_, end) = variable(in: chars, from: i + 3) {
                    i = end + 1
                    continue
                }
                if i + 1 < chars.count, chars[i + 1] == "{", variable(in: chars, from: i + 2) != nil {
                    return true
                }
            }
            i += 1
        }
        return false
    }
}

/// A `${VAR}` the auditing environment lacks, and one config path that uses it.
public struct MissingEnvironmentVariable: Sendable, Equatable {
    public var name: String
    public var configPath: String
    /// Where the string that holds the reference is written.
    public var origin: ConfigOrigin?

    public init(name: String, configPath: String, origin: ConfigOrigin? = nil) {
        self.name = name
        self.configPath = configPath
        self.origin = origin
    }
}
