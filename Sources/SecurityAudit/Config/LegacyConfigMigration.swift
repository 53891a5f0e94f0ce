/// A legacy key found in the config: where it is written, where its content belongs now
/// and whether the audit moved it there (`migrated`) before the checks ran.
public struct LegacyConfigKey: Sendable, Equatable {
    public var path: String
    /// Where the content belongs now (`channels.telegram`, `agents.defaults.model`).
    public var replacement: String
    /// Why, in a few words, and what OpenClaw does with it.
    public var note: String
    public var origin: ConfigOrigin?
    /// The content was moved into the migration view (false: reported only, e.g. a
    /// target that is already set wins, as doctor keeps it).
    public var migrated: Bool
    /// The first release whose doctor migrates this key.
    public var since: OpenClawVersion
    /// The first release that dropped the migration (the key then fails validation);
    /// nil while current OpenClaw still migrates it.
    public var migrationDroppedIn: OpenClawVersion?
    /// False for a key no release ever had (top-level `providers`): doctor does not move it.
    public var doctorMigrates = true
}

/// The config as it will be once upstream's doctor has migrated it (`openclaw doctor
/// --fix`; `src/config/legacy.migrations.part-*.ts`, the table in `docs/gateway/doctor.md`),
/// so that the checks audit the content of legacy keys where it belongs now: a
/// top-level `telegram` block is audited as `channels.telegram`, `agent.model` as
/// `agents.defaults.model`. Content moves as doctor moves it: merge-missing, so a value
/// already written at the new place wins. Moved nodes keep their origin, so findings
/// point at the legacy key in the file.
///
/// OpenClaw itself refuses to load such a config (the CLI prints "Legacy config keys
/// detected"); the audit reads it anyway, so that a config copied from an old README
/// gets findings instead of an all-clear.
struct LegacyConfigMigration {
    static let v2026_1_5 = OpenClawVersion(major: 2026, minor: 1, patch: 5)
    static let v2026_1_7 = OpenClawVersion(major: 2026, minor: 1, patch: 7)
    static let v2026_1_8 = OpenClawVersion(major: 2026, minor: 1, patch: 8)
    static let v2026_1_13 = OpenClawVersion(major: 2026, minor: 1, patch: 13)
    static let v2026_1_17 = OpenClawVersion(major: 2026, minor: 1, patch: 17)
    static let v2026_2_10 = OpenClawVersion(major: 2026, minor: 2, patch: 10)
    static let v2026_3_1 = OpenClawVersion(major: 2026, minor: 3, patch: 1)
    static let v2026_3_7 = OpenClawVersion(major: 2026, minor: 3, patch: 7)
    /// "Migrations older than about two months were dropped" (upstream changelog, 2026.3.28).
    static let v2026_3_28 = OpenClawVersion(major: 2026, minor: 3, patch: 28)

    /// The channels that once lived at the top level (`providers->channels`, 2026.1.13).
    static let topLevelChannels = ["whatsapp", "telegram", "discord", "slack", "signal", "imessage", "msteams"]

    /// `agent.*` keys that moved to `tools.*` rather than `agents.defaults.*` (`agent.defaults-v2`).
    static let agentToolMoves: [(from: [String], to: [String])] = [
        (["tools", "allow"], ["tools", "allow"]), (["tools", "deny"], ["tools", "deny"]),
        (["elevated"], ["tools", "elevated"]), (["bash"], ["tools", "exec"]),
        (["sandbox", "tools"], ["tools", "sandbox", "tools"]), (["subagents", "tools"], ["tools", "subagents", "tools"]),
    ]

    /// `gateway.bind` host aliases (`gateway.bind.host-alias`, 2026.3.1): the literal in the file.
    static let bindAliases: [String: String] = [
        "0.0.0.0": "lan", "::": "lan", "[::]": "lan", "*": "lan",
        "127.0.0.1": "loopback", "localhost": "loopback", "::1": "loopback", "[::1]": "loopback",
    ]

    var root: ConfigObject
    var keys: [LegacyConfigKey] = []
    /// The shape the audited release reads (`ConfigShape`).
    let shape: ConfigShape
    /// Keys of a newer shape than the release reads, taken out of the view.
    var newerKeys: [RejectedConfigValue] = []

    /// The migration view of `loaded` for `release`: `root` and `sourceRoot` migrated
    /// alike, the keys recorded, the config as written kept for `--fix` (which edits what
    /// is written) and for reading it again in another release's shape.
    static func applied(to loaded: LoadedConfig, release: OpenClawRelease) -> LoadedConfig {
        var written = loaded
        written.root = loaded.writtenRoot ?? loaded.root
        written.sourceRoot = loaded.writtenSourceRoot ?? loaded.sourceRoot
        written.writtenRoot = nil
        written.writtenSourceRoot = nil
        written.legacyKeys = []
        written.newerKeys = []
        let shape = ConfigShape(release: release)
        written.shape = shape
        guard let object = written.root.object, let source = written.sourceRoot.object else { return written }
        var migration = LegacyConfigMigration(root: object, shape: shape)
        migration.run()
        guard !migration.keys.isEmpty || !migration.newerKeys.isEmpty else { return written }
        var sourceMigration = LegacyConfigMigration(root: source, shape: shape)
        sourceMigration.run()
        var out = written
        out.writtenRoot = written.root
        out.writtenSourceRoot = written.sourceRoot
        out.root = ConfigNode(.object(migration.root), origin: written.root.origin)
        out.sourceRoot = ConfigNode(.object(sourceMigration.root), origin: written.sourceRoot.origin)
        out.legacyKeys = migration.keys
        out.newerKeys = migration.newerKeys
        return out
    }

    init(root: ConfigObject, shape: ConfigShape = .keyedRoster) {
        self.root = root
        self.shape = shape
    }

    mutating func run() {
        for channel in Self.topLevelChannels {
            move([channel], to: ["channels", channel], since: Self.v2026_1_13, dropped: Self.v2026_3_28,
                 note: "channels moved under channels in 2026.1.13")
        }
        // Not a key OpenClaw ever had: "provider" was the old word for a channel, and
        // configs written from old READMEs use it. Its content can only mean channels.
        if let providers = root["providers"]?.object {
            for (name, _) in providers.entries where KnownChannel(rawValue: name) != nil {
                move(["providers", name], to: ["channels", name], since: Self.v2026_1_13, dropped: nil,
                     note: "OpenClaw has no top-level providers key: \"provider\" is the old word for a channel, and model providers live in models.providers")
                keys[keys.count - 1].doctorMigrates = false
            }
        }
        migrateAgent()
        if let token = root["gateway"]?["token"] {
            let hadAuthToken = root["gateway"]?["auth"]?["token"] != nil
            move(["gateway", "token"], to: ["gateway", "auth", "token"], since: Self.v2026_1_8, dropped: Self.v2026_3_28,
                 note: "the gateway token moved to gateway.auth.token in 2026.1.8")
            if !hadAuthToken, root["gateway"]?["auth"]?["mode"] == nil {
                set(["gateway", "auth", "mode"], ConfigNode(.string("token"), origin: token.origin))
            }
        }
        move(["routing", "allowFrom"], to: ["channels", "whatsapp", "allowFrom"], since: Self.v2026_1_5, dropped: Self.v2026_3_28,
             note: "routing.allowFrom became the WhatsApp allow list")
        move(["routing", "bindings"], to: ["bindings"], since: Self.v2026_1_8, dropped: Self.v2026_3_28, note: "routing moved apart in 2026.1.8")
        move(["routing", "agentToAgent"], to: ["tools", "agentToAgent"], since: Self.v2026_1_8, dropped: Self.v2026_3_28, note: "routing moved apart in 2026.1.8")
        move(["routing", "queue"], to: ["messages", "queue"], since: Self.v2026_1_8, dropped: Self.v2026_3_28, note: "routing moved apart in 2026.1.8")
        for key in ["agents", "defaultAgentId", "transcribeAudio", "groupChat"] where root["routing"]?[key] != nil {
            report(["routing", key], replacement: key == "groupChat" ? "messages.groupChat and channels.*.groups.\"*\".requireMention"
                    : key == "transcribeAudio" ? "tools.media.audio.models" : shape.rosterKey,
                   since: Self.v2026_1_8, dropped: Self.v2026_3_28, note: "routing moved apart in 2026.1.8; not audited in its new form")
        }
        move(["tools", "bash"], to: ["tools", "exec"], since: Self.v2026_1_17, dropped: Self.v2026_3_28, note: "tools.bash was renamed tools.exec in 2026.1.17")
        move(["memorySearch"], to: ["agents", "defaults", "memorySearch"], since: Self.v2026_2_10, dropped: nil, note: "memory search settings are per agent since 2026.2.10")
        move(["heartbeat"], to: ["agents", "defaults", "heartbeat"], since: Self.v2026_3_7, dropped: nil, note: "heartbeat settings moved in 2026.3.7 (showOk/showAlerts/useIndicator go to channels.defaults.heartbeat)")
        if root["identity"] != nil {
            report(["identity"], replacement: shape == .keyedRoster ? "agents.entries.<default agent>.identity" : "agents.list[<default agent>].identity", since: Self.v2026_1_8, dropped: Self.v2026_3_28,
                   note: "the identity belongs to an agent since 2026.1.8")
        }
        migrateBindAlias()
        applyShape()
    }

    /// `agent.defaults-v2` and `agent.model-config-v2`: the block goes to `agents.defaults`,
    /// tool settings to `tools.*`, a model string becomes `{ primary }`.
    mutating func migrateAgent() {
        guard let agent = root["agent"], var block = agent.object else { return }
        for (from, to) in Self.agentToolMoves {
            guard let value = Self.node(at: from, in: block) else { continue }
            let fromPath = "agent." + from.joined(separator: ".")
            let toPath = to.joined(separator: ".")
            if node(at: to) == nil {
                set(to, value)
                record(fromPath, replacement: toPath, origin: value.origin, migrated: true, since: Self.v2026_1_8, dropped: Self.v2026_3_28,
                       note: "tool settings of the old agent block live under tools since 2026.1.8")
            } else {
                record(fromPath, replacement: toPath, origin: value.origin, migrated: false, since: Self.v2026_1_8, dropped: Self.v2026_3_28,
                       note: "\(toPath) is already set and wins; doctor drops this copy")
            }
            Self.remove(from, in: &block)
        }
        for (key, target) in [("model", "model"), ("imageModel", "imageModel")] {
            if let model = block[key], model.string != nil {
                var converted = ConfigObject()
                converted["primary"] = model
                block[target] = ConfigNode(.object(converted), origin: model.origin)
            }
        }
        for (key, target) in [("modelFallbacks", "model"), ("imageModelFallbacks", "imageModel")] {
            guard let fallbacks = block[key] else { continue }
            var holder = block[target]?.object ?? ConfigObject()
            if holder["fallbacks"] == nil { holder["fallbacks"] = fallbacks }
            block[target] = ConfigNode(.object(holder), origin: block[target]?.origin ?? fallbacks.origin)
            block[key] = nil
        }
        root["agent"] = nil
        let existing = node(at: ["agents", "defaults"])
        let merged = existing.map { Self.mergeMissing(into: $0, from: ConfigNode(.object(block), origin: agent.origin)) }
            ?? ConfigNode(.object(block), origin: agent.origin)
        set(["agents", "defaults"], merged)
        if !block.isEmpty {
            record("agent", replacement: "agents.defaults", origin: agent.origin, migrated: true, since: Self.v2026_1_8, dropped: Self.v2026_3_28,
                   note: "the single agent block became agents.defaults in 2026.1.8 (a model string becomes { primary })")
        }
    }

    /// `gateway.bind: "0.0.0.0"` and the other host literals (2026.3.1): `lan` or `loopback`.
    mutating func migrateBindAlias() {
        guard let bind = root["gateway"]?["bind"], !bind.isUnresolved, let text = bind.string else { return }
        guard let mode = Self.bindAliases[text.trimmingWhitespace.lowercased()] else { return }
        set(["gateway", "bind"], ConfigNode(.string(mode), origin: bind.origin))
        record("gateway.bind", replacement: "gateway.bind: \"\(mode)\"", origin: bind.origin, migrated: true,
               since: Self.v2026_3_1, dropped: nil,
               note: "\"\(text)\" is a host address, not a bind mode (loopback, lan, tailnet, auto, custom); doctor rewrites it to \"\(mode)\", releases before 2026.3.1 refuse it")
    }

    // MARK: - Moving content

    /// Moves the value at `from` to `to`, merge-missing when both are objects; a scalar
    /// target that is already set wins (doctor keeps it and drops the legacy copy).
    mutating func move(_ from: [String], to: [String], since: OpenClawVersion, dropped: OpenClawVersion?, note: String) {
        guard let value = node(at: from) else { return }
        let fromPath = from.joined(separator: "."), toPath = to.joined(separator: ".")
        removeNode(at: from)
        if let existing = node(at: to) {
            if existing.object != nil, value.object != nil {
                set(to, Self.mergeMissing(into: existing, from: value))
                record(fromPath, replacement: toPath, origin: value.origin, migrated: true, since: since, dropped: dropped,
                       note: note + "; merged where \(toPath) does not already set a key")
            } else {
                record(fromPath, replacement: toPath, origin: value.origin, migrated: false, since: since, dropped: dropped,
                       note: note + "; \(toPath) is already set and wins")
            }
        } else {
            set(to, value)
            record(fromPath, replacement: toPath, origin: value.origin, migrated: true, since: since, dropped: dropped, note: note)
        }
    }

    mutating func report(_ path: [String], replacement: String, since: OpenClawVersion, dropped: OpenClawVersion?, note: String) {
        record(path.joined(separator: "."), replacement: replacement, origin: node(at: path)?.origin, migrated: false,
               since: since, dropped: dropped, note: note)
    }

    mutating func record(
        _ path: String, replacement: String, origin: ConfigOrigin?, migrated: Bool, since: OpenClawVersion,
        dropped: OpenClawVersion?, note: String
    ) {
        keys.append(LegacyConfigKey(
            path: path, replacement: replacement, note: note, origin: origin, migrated: migrated, since: since, migrationDroppedIn: dropped))
    }

    /// Keys of `into` win; objects merge recursively (`mergeMissing` in upstream's migrations).
    static func mergeMissing(into target: ConfigNode, from source: ConfigNode) -> ConfigNode {
        guard var object = target.object, let incoming = source.object else { return target }
        for (key, value) in incoming.entries {
            if let existing = object[key] {
                object[key] = mergeMissing(into: existing, from: value)
            } else {
                object[key] = value
            }
        }
        return ConfigNode(.object(object), origin: target.origin)
    }

    func node(at path: [String]) -> ConfigNode? {
        Self.node(at: path, in: root)
    }

    static func node(at path: [String], in object: ConfigObject) -> ConfigNode? {
        guard let first = path.first, let value = object[first] else { return nil }
        if path.count == 1 { return value }
        guard let child = value.object else { return nil }
        return node(at: Array(path.dropFirst()), in: child)
    }

    mutating func set(_ path: [String], _ value: ConfigNode) {
        Self.set(path, value, in: &root)
    }

    static func set(_ path: [String], _ value: ConfigNode, in object: inout ConfigObject) {
        guard let first = path.first else { return }
        if path.count == 1 {
            object[first] = value
            return
        }
        let existing = object[first]
        var child = existing?.object ?? ConfigObject()
        set(Array(path.dropFirst()), value, in: &child)
        object[first] = ConfigNode(.object(child), origin: existing?.origin ?? value.origin)
    }

    mutating func removeNode(at path: [String]) {
        Self.remove(path, in: &root)
    }

    /// Removes the key; a parent left empty by it is removed too (doctor deletes the
    /// emptied legacy block).
    static func remove(_ path: [String], in object: inout ConfigObject) {
        guard let first = path.first else { return }
        if path.count == 1 {
            object[first] = nil
            return
        }
        guard let existing = object[first], var child = existing.object else { return }
        remove(Array(path.dropFirst()), in: &child)
        object[first] = child.isEmpty ? nil : ConfigNode(.object(child), origin: existing.origin)
    }
}
