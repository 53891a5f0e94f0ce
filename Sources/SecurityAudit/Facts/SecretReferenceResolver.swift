import JSON5

/// Resolves `env` and `file` SecretRefs the way the gateway runtime does, for the few
/// checks that must compare a secret's value. `exec` refs are never resolved: an audit
/// does not run commands named in the config. Every failure (unknown provider, missing
/// variable, a file that is a symlink, too open or not owned by this user) gives nil.
enum SecretReferenceResolver {
    static let defaultFileMaxBytes = 1024 * 1024
    static let singleValueId = "value"

    static func resolve(
        _ ref: SecretReference, config: ConfigNode, environment: [String: String], paths: PathResolver,
        fileSystem: any FileSystemAccess = POSIXFileSystem()
    ) -> String? {
        guard let provider = providerConfig(for: ref, in: config) else { return nil }
        switch ref.source {
        case "env":
            if let allowlist = provider["allowlist"].array, !allowlist.contains(where: { $0.string == ref.id }) {
                return nil
            }
            guard let value = environment[ref.id], !value.trimmingWhitespace.isEmpty else { return nil }
            return value
        case "file":
            return resolveFile(ref, provider: provider, paths: paths, fileSystem: fileSystem)
        default:
            return nil
        }
    }

    /// `secrets.providers.<name>`, or an implicit env provider for the default env alias.
    static func providerConfig(for ref: SecretReference, in config: ConfigNode) -> ConfigNode? {
        guard let provider = config["secrets"]["providers"][ref.provider], provider.object != nil else {
            if ref.source == "env", ref.provider == SecretReference.defaultProvider(for: "env", in: config) {
                return .emptyObject
            }
            return nil
        }
        return provider["source"].string == ref.source ? provider : nil
    }

    static func resolveFile(
        _ ref: SecretReference, provider: ConfigNode, paths: PathResolver, fileSystem: any FileSystemAccess
    ) -> String? {
        guard let rawPath = provider["path"].string, !rawPath.trimmingWhitespace.isEmpty else { return nil }
        let path = paths.resolveUserPath(rawPath)
        guard case .success(let status) = fileSystem.lstat(path), isPrivateRegularFile(status, auditor: fileSystem.effectiveUID) else { return nil }
        let configuredMax = provider["maxBytes"].number.map { Int(exactly: $0.rounded(.down)) ?? 0 } ?? 0
        let limit = configuredMax > 0 ? configuredMax : defaultFileMaxBytes
        guard case .success(let bytes) = fileSystem.readFile(path, limit: limit) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        let value: String?
        if provider["mode"].string == "singleValue" {
            guard ref.id == singleValueId else { return nil }
            var single = text
            if single.hasSuffix("\r\n") { single.removeLast() } else if single.hasSuffix("\n") { single.removeLast() }
            value = single
        } else {
            guard let root = try? JSON5.parse(bytes: bytes, file: path), root.members != nil else { return nil }
            value = jsonPointer(ref.id, in: root)?.asString
        }
        guard let value, !value.trimmingWhitespace.isEmpty else { return nil }
        return value
    }

    /// The runtime refuses secret files that are symlinks, readable or writable by
    /// group or others, or owned by another user.
    static func isPrivateRegularFile(_ status: FileStatus, auditor: UInt32) -> Bool {
        status.isRegularFile && status.mode & 0o077 == 0 && status.ownerUID == auditor
    }

    /// RFC 6901: `/a/b~1c/0`.
    static func jsonPointer(_ pointer: String, in root: JSON5Node) -> JSON5Node? {
        guard pointer.hasPrefix("/") else { return nil }
        var current = root
        for rawToken in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let token = String(rawToken).replacing("~1", with: "/").replacing("~0", with: "~")
            if let elements = current.elements {
                guard let index = Int(token), elements.indices.contains(index) else { return nil }
                current = elements[index]
            } else if let next = current[key: token] {
                current = next
            } else {
                return nil
            }
        }
        return current
    }
}
