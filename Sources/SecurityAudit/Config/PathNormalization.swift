/// Lexical path operations with the semantics of Node's `path.resolve` / `path.join`
/// on POSIX: the original builds every path this way, and findings print those paths.
public enum PathNormalization {
    /// Makes `path` absolute against `cwd` and removes `.`, `..`, repeated and trailing
    /// slashes, without touching the file system.
    public static func resolve(_ path: String, cwd: String) -> String {
        let joined = path.hasPrefix("/") ? path : cwd + "/" + path
        return normalize(joined)
    }

    public static func join(_ parts: String...) -> String {
        normalize(parts.filter { !$0.isEmpty }.joined(separator: "/"))
    }

    public static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var stack: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if let last = stack.last, last != ".." {
                    stack.removeLast()
                } else if !absolute {
                    stack.append(part)
                }
                continue
            }
            stack.append(part)
        }
        let body = stack.joined(separator: "/")
        if absolute { return "/" + body }
        return body.isEmpty ? "." : body
    }

    public static func dirname(_ path: String) -> String {
        let normalized = normalize(path)
        guard let slash = normalized.lastIndex(of: "/") else { return "." }
        if slash == normalized.startIndex { return "/" }
        return String(normalized[..<slash])
    }

    public static func basename(_ path: String) -> String {
        let normalized = normalize(path)
        guard let slash = normalized.lastIndex(of: "/") else { return normalized }
        return String(normalized[normalized.index(after: slash)...])
    }

    /// Whether `path` is `root` or lies below it, comparing whole components.
    public static func isInside(_ path: String, root: String) -> Bool {
        let p = normalize(path)
        let r = normalize(root)
        if p == r { return true }
        return p.hasPrefix(r == "/" ? "/" : r + "/")
    }
}
