import JSON5

/// The `$include` files of a config as the fix's permission targets (the original's
/// `collectIncludePathsRecursive`): every `$include` string or array at any depth of the
/// parsed file, resolved against the including file, deduplicated, followed into the
/// included files up to 10 levels. Unlike the loader it works on a config that does not
/// load, so the chmods still happen. Paths outside the config's folder are listed (the
/// fix reports and skips them) but never read or followed.
struct IncludeFileScanner {
    struct Include: Equatable {
        var path: String
        var insideConfigDir: Bool
    }

    let configPath: String

    func scan(_ parsed: JSON5Node) -> [Include] {
        let configDir = PathNormalization.dirname(configPath)
        var walk = Walk(configDir: configDir, configRealDir: BoundedFileReader.realpath(configDir) ?? configDir)
        walk.visit(file: configPath, tree: parsed, depth: 0)
        return walk.result
    }

    private struct Walk {
        let configDir: String
        let configRealDir: String
        var seen: Set<String> = []
        var result: [Include] = []

        /// Depth-first: an include's own includes come before its next sibling, as in
        /// the original, which awaits each nested walk.
        mutating func visit(file: String, tree: JSON5Node, depth: Int) {
            guard depth <= ConfigIncludeResolver.maxDepth else { return }
            for raw in IncludeFileScanner.directIncludes(in: tree) {
                let resolved = PathNormalization.resolve(raw, cwd: PathNormalization.dirname(file))
                guard seen.insert(resolved).inserted else { continue }
                let inside = PathNormalization.isInside(resolved, root: configDir) && resolved != configDir
                result.append(Include(path: resolved, insideConfigDir: inside))
                guard inside,
                      let real = BoundedFileReader.realpath(resolved), PathNormalization.isInside(real, root: configRealDir),
                      let bytes = try? BoundedFileReader.read(resolved, limit: ConfigIncludeResolver.maxIncludeFileBytes),
                      let included = try? JSON5.parse(bytes: bytes)
                else { continue }
                visit(file: resolved, tree: included, depth: depth + 1)
            }
        }
    }

    /// `$include` values of every object in `tree`, in document order.
    static func directIncludes(in tree: JSON5Node) -> [String] {
        var out: [String] = []
        var stack = [tree]
        while let node = stack.popLast() {
            switch node.value {
            case .object(let members):
                if let directive = node[key: ConfigIncludeResolver.includeKey] {
                    if let path = directive.asString {
                        out.append(path)
                    } else {
                        out += (directive.elements ?? []).compactMap(\.asString)
                    }
                }
                stack += members.reversed().map(\.value)
            case .array(let elements):
                stack += elements.reversed()
            default:
                break
            }
        }
        return out
    }
}
