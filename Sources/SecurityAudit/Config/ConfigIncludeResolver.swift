import JSON5
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a parsed JSON5 tree into a `ConfigNode` tree, resolving `$include` directives
/// the way the original does (`src/config/includes.ts`): paths relative to the including
/// file, confined to the top-level config directory (lexically and after realpath),
/// regular files of at most 2 MiB with one link, depth 10, cycles rejected; sibling keys
/// deep-merged over the included content.
struct ConfigIncludeResolver {
    static let includeKey = "$include"
    static let maxDepth = 10
    static let maxIncludeFileBytes = 2 * 1024 * 1024
    /// Ours: the original has no bound on how often includes are read, so a few small
    /// files that each include the next one ten times ("billion laughs") mean 10^10 reads
    /// and as many merged elements. A real config reads a handful of includes.
    static let maxIncludeReads = 1000
    static let maxIncludedBytes = 16 * 1024 * 1024

    let rootDir: String
    let rootRealDir: String
    let fileSystem: any FileSystemAccess
    /// Every include file read, in the order first read, and its bytes as first read.
    private(set) var includeFiles: [String] = []
    private(set) var includeSources: [String: [UInt8]] = [:]
    /// Reads and bytes so far, a file read again counting again, and values converted.
    private var reads = 0
    private var bytesRead = 0
    private var values = 0

    init(configPath: String, fileSystem: any FileSystemAccess = POSIXFileSystem()) {
        self.fileSystem = fileSystem
        rootDir = PathNormalization.dirname(configPath)
        rootRealDir = fileSystem.resolvedPath(rootDir) ?? rootDir
    }

    mutating func resolve(_ node: JSON5Node, file: String) throws(ConfigLoadError) -> ConfigNode {
        try process(node, file: file, chain: [PathNormalization.normalize(file)])
    }

    private mutating func process(_ node: JSON5Node, file: String, chain: [String]) throws(ConfigLoadError) -> ConfigNode {
        let origin = ConfigOrigin(file: file, range: node.range)
        values += 1
        guard values <= ConfigLoader.maxConfigValues else {
            throw error(at: node, file: file, "Too many values: the config and its includes hold more than \(ConfigLoader.maxConfigValues)")
        }
        switch node.value {
        case .null: return ConfigNode(.null, origin: origin)
        case .bool(let b): return ConfigNode(.bool(b), origin: origin)
        case .number(let n): return ConfigNode(.number(n.value), origin: origin)
        case .string(let s): return ConfigNode(.string(s), origin: origin)
        case .array(let items):
            var out: [ConfigNode] = []
            out.reserveCapacity(items.count)
            for item in items { out.append(try process(item, file: file, chain: chain)) }
            return ConfigNode(.array(out), origin: origin)
        case .object(let members):
            guard let directive = members.last(where: { $0.key == Self.includeKey }) else {
                var object = ConfigObject()
                for member in members {
                    object[member.key] = try process(member.value, file: file, chain: chain)
                }
                return ConfigNode(.object(object), origin: origin)
            }
            let included = try resolveDirective(directive.value, file: file, chain: chain)
            let siblings = members.filter { $0.key != Self.includeKey }
            if siblings.isEmpty { return included }
            guard included.object != nil else {
                throw error(at: directive.value, file: file, "Sibling keys require included content to be an object")
            }
            var rest = ConfigObject()
            for member in siblings {
                rest[member.key] = try process(member.value, file: file, chain: chain)
            }
            var merged = ConfigMerge.deepMerge(included, ConfigNode(.object(rest), origin: origin))
            merged.origin = origin
            return merged
        }
    }

    private mutating func resolveDirective(_ value: JSON5Node, file: String, chain: [String]) throws(ConfigLoadError) -> ConfigNode {
        switch value.value {
        case .string(let path):
            return try load(path, at: value, file: file, chain: chain)
        case .array(let items):
            var merged = ConfigNode.emptyObject
            for item in items {
                guard case .string(let path) = item.value else {
                    throw error(at: item, file: file, "Invalid $include array item: expected string, got \(Self.typeName(item.value))")
                }
                merged = ConfigMerge.deepMerge(merged, try load(path, at: item, file: file, chain: chain))
            }
            return merged
        default:
            throw error(at: value, file: file, "Invalid $include value: expected string or array of strings, got \(Self.typeName(value.value))")
        }
    }

    private mutating func load(_ includePath: String, at node: JSON5Node, file: String, chain: [String]) throws(ConfigLoadError) -> ConfigNode {
        let resolved = PathNormalization.resolve(includePath, cwd: PathNormalization.dirname(file))
        guard PathNormalization.isInside(resolved, root: rootDir) else {
            throw error(at: node, file: file, "Include path escapes config directory: \(includePath) (root: \(rootDir))")
        }
        let real = fileSystem.resolvedPath(resolved)
        if let real, !PathNormalization.isInside(real, root: rootRealDir) {
            throw error(at: node, file: file, "Include path resolves outside config directory (symlink): \(includePath) (root: \(rootDir))")
        }
        if chain.contains(resolved) {
            throw error(at: node, file: file, "Circular include detected: \((chain + [resolved]).joined(separator: " -> "))")
        }
        // The chain holds the top-level file too, so its length minus one is the depth.
        if chain.count - 1 >= Self.maxDepth {
            throw error(at: node, file: file, "Maximum include depth (\(Self.maxDepth)) exceeded at: \(includePath)")
        }
        let bytes: [UInt8]
        // The file the check above resolved, opened without following a link and
        // checked again on its descriptor: swapping in a link after the check fails.
        let options = ReadOptions(rejectHardLinks: true, confinedTo: rootRealDir)
        switch fileSystem.readFile(real ?? resolved, limit: Self.maxIncludeFileBytes, options: options) {
        case .success(let read):
            bytes = read
        case .failure(let error):
            switch error.reason {
            case .outside:
                throw self.error(at: node, file: file, "Include path resolves outside config directory (symlink): \(includePath) (root: \(rootDir))")
            case .system where error.code == ELOOP:
                throw self.error(at: node, file: file, "Include path resolves outside config directory (symlink): \(includePath) (root: \(rootDir))")
            case .notRegularFile, .tooLarge, .hardLinked:
                throw self.error(at: node, file: file, "Include file failed security checks (regular file, max \(Self.maxIncludeFileBytes) bytes, no hardlinks): \(includePath) (\(error.readFailureMessage))")
            case .system:
                throw self.error(at: node, file: file, "Failed to read include file: \(includePath) (resolved: \(resolved)): \(error.readFailureMessage)")
            }
        }
        reads += 1
        bytesRead += bytes.count
        guard reads <= Self.maxIncludeReads, bytesRead <= Self.maxIncludedBytes else {
            throw error(at: node, file: file, "Too many includes: more than \(Self.maxIncludeReads) include files were read, or more than \(Self.maxIncludedBytes) bytes, at: \(includePath) (an include repeated at every level multiplies)")
        }
        if includeSources[resolved] == nil {
            includeFiles.append(resolved)
            includeSources[resolved] = bytes
        }
        let parsed: JSON5Node
        do {
            parsed = try JSON5.parse(bytes: bytes, file: resolved, maxValues: ConfigLoader.maxConfigValues)
        } catch {
            throw ConfigLoadError(error, file: resolved)
        }
        return try process(parsed, file: resolved, chain: chain + [resolved])
    }

    private func error(at node: JSON5Node, file: String, _ message: String) -> ConfigLoadError {
        ConfigLoadError(file: file, position: node.range.start, message: message)
    }

    private static func typeName(_ value: JSON5Value) -> String {
        switch value {
        case .null, .array, .object: return "object"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        }
    }
}

/// The include merge: arrays concatenate, objects merge recursively, otherwise the
/// later value wins. Keys that would pollute a JavaScript prototype are dropped, as the
/// original drops them, so both tools see the same config.
enum ConfigMerge {
    static let blockedKeys: Set<String> = ["__proto__", "prototype", "constructor"]

    static func deepMerge(_ target: ConfigNode, _ source: ConfigNode) -> ConfigNode {
        switch (target.value, source.value) {
        case (.array(let a), .array(let b)):
            return ConfigNode(.array(a + b), origin: source.origin)
        case (.object(var merged), .object(let incoming)):
            for (key, value) in incoming.entries where !blockedKeys.contains(key) {
                if let existing = merged[key] {
                    merged[key] = deepMerge(existing, value)
                } else {
                    merged[key] = value
                }
            }
            return ConfigNode(.object(merged), origin: target.origin ?? source.origin)
        default:
            return source
        }
    }
}
