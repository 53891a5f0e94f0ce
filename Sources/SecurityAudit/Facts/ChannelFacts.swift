import JSON5

/// What the channel checks need from the disk, read once before any check runs: the
/// pairing stores (`<credentials>/<channel>[-<account>]-allowFrom.json`, the senders a
/// user approved by pairing code) and the credential files that decide whether an
/// account is linked (WhatsApp `creds.json`, Telegram `tokenFile`, stored Matrix logins).
public struct ChannelFacts: Sendable {
    /// Raw `allowFrom` entries of each readable pairing store, by file name. A store that
    /// is missing, unreadable or malformed is absent (the original reads it as empty).
    public var pairingStores: [String: [String]]
    /// Sizes of the credential files that exist as regular files, by the reference the
    /// channel model asked for (an absolute path, or a path as written in the config).
    public var credentialFileSizes: [String: Int]
    /// SecretRefs under `channels` that this audit could not resolve (an `exec` source,
    /// an unknown provider, a missing variable or file), by config path
    /// (`channels.irc.accounts.work.password`).
    var unresolvedSecretRefs: [String: SecretReference]

    public init(pairingStores: [String: [String]] = [:], credentialFileSizes: [String: Int] = [:]) {
        self.pairingStores = pairingStores
        self.credentialFileSizes = credentialFileSizes
        self.unresolvedSecretRefs = [:]
    }

    public static let none = ChannelFacts()

    /// A pairing store larger than this is not one the gateway wrote.
    static let maxStoreBytes = 1024 * 1024
    static let storeSuffix = "-allowFrom.json"

    /// Reads the pairing stores in `paths.credentialsDir` and stats the credential files
    /// the channel model refers to. `resolvePath` expands `~` and relative paths the way
    /// the original's `resolveUserPath` does.
    static func gather(
        config: ConfigNode, environment: [String: String], paths: OpenClawPaths,
        agents: AgentRoster, fileSystem: any FileSystemAccess = POSIXFileSystem(),
        resolvePath: (String) -> String, resolveSecret: (SecretReference) -> String?
    ) -> ChannelFacts {
        var facts = ChannelFacts()
        collectUnresolvedSecretRefs(config["channels"], path: "channels", config: config, resolve: resolveSecret, into: &facts.unresolvedSecretRefs)
        let names = (try? fileSystem.listDirectory(paths.credentialsDir).get())?.map(\.name) ?? []
        for name in names where name.hasSuffix(storeSuffix) {
            if let entries = readStore(paths.credentialsDir + "/" + name, fileSystem: fileSystem) { facts.pairingStores[name] = entries }
        }
        let references = ChannelInventory.credentialFileReferences(
            config: config, environment: environment, paths: paths, agents: agents)
        for reference in references where facts.credentialFileSizes[reference] == nil {
            guard case .success(let status) = fileSystem.stat(resolvePath(reference)), status.isRegularFile else { continue }
            facts.credentialFileSizes[reference] = status.size
        }
        return facts
    }

    /// Every SecretRef object under `node` that `resolve` cannot resolve, by its path.
    static func collectUnresolvedSecretRefs(
        _ node: ConfigNode?, path: String, config: ConfigNode, resolve: (SecretReference) -> String?,
        into out: inout [String: SecretReference]
    ) {
        guard let object = node?.object else { return }
        if SecretInput.isSecretRef(node), let ref = SecretReference.parse(node, config: config) {
            if resolve(ref) == nil { out[path] = ref }
            return
        }
        for (key, child) in object.entries {
            collectUnresolvedSecretRefs(child, path: "\(path).\(key)", config: config, resolve: resolve, into: &out)
        }
    }

    /// `{ version: 1, allowFrom: [...] }`; entries are kept as `String(entry)`.
    static func readStore(_ path: String, fileSystem: any FileSystemAccess = POSIXFileSystem()) -> [String]? {
        guard let bytes = try? fileSystem.readFile(path, limit: maxStoreBytes).get(),
              let root = try? JSON5.parse(bytes: bytes, file: path)
        else { return nil }
        guard let list = root[key: "allowFrom"]?.elements else { return [] }
        return list.map(Self.javaScriptString)
    }

    static func javaScriptString(_ node: JSON5Node) -> String {
        switch node.value {
        case .string(let s): return s
        case .number(let n): return JavaScriptNumber.format(n.value)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let items): return items.map(javaScriptString).joined(separator: ",")
        case .object: return "[object Object]"
        }
    }

    /// The pairing-store entries of one account (`readChannelAllowFromStore`): the
    /// account's own store, plus the legacy channel-wide store for the default account.
    /// Entries are trimmed, normalized by the channel's pairing adapter and de-duplicated;
    /// `*` is dropped, as the gateway never honours it from a store.
    func storeEntries(channel: KnownChannel, accountId: String) -> [String] {
        let account = accountId.trimmingWhitespace.lowercased()
        let resolved = account.isEmpty ? ChannelInventory.defaultAccountId : account
        var raw = pairingStores["\(Self.fileKey(channel.id))-\(Self.fileKey(resolved))\(Self.storeSuffix)"] ?? []
        if resolved == ChannelInventory.defaultAccountId {
            raw += pairingStores["\(Self.fileKey(channel.id))\(Self.storeSuffix)"] ?? []
        }
        var seen: Set<String> = []
        var out: [String] = []
        for entry in raw {
            let trimmed = entry.trimmingWhitespace
            guard !trimmed.isEmpty, trimmed != "*" else { continue }
            let normalized = channel.normalizePairingEntry(trimmed).trimmingWhitespace
            if !normalized.isEmpty, seen.insert(normalized).inserted { out.append(normalized) }
        }
        return out
    }

    /// `safeChannelKey` / `safeAccountKey`: file-name-safe, lower-case.
    static func fileKey(_ raw: String) -> String {
        let lowered = raw.trimmingWhitespace.lowercased()
        let unsafe: Set<UInt8> = Set("\\/:*?\"<>|".utf8)
        guard lowered.utf8.contains(where: { unsafe.contains($0) || $0 == UInt8(ascii: ".") }) else { return lowered }
        return String(lowered.map { $0.isASCII && unsafe.contains($0.asciiValue!) ? "_" : $0 }).replacing("..", with: "_")
    }

    /// Whether a credential file exists as a regular file larger than `minimumSize` bytes.
    func hasCredentialFile(_ reference: String, largerThan minimumSize: Int = 0) -> Bool {
        (credentialFileSizes[reference] ?? -1) > minimumSize
    }
}
