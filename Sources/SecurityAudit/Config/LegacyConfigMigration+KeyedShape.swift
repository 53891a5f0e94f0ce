/// The renames of upstream's 2026.8.1 doctor (`docs/gateway/doctor.md`, rows synced on
/// 2026-07-19 and 2026-07-22): applied to the migration view of a release that reads the
/// keyed shape; for an older release the newer keys are taken out of the view instead,
/// since that release does not read them.
extension LegacyConfigMigration {
    static let v2026_8_1 = ConfigShape.keyedRosterSince

    /// Plain renames no other rule depends on: the value moves as written.
    static let keyedShapeRenames: [(from: [String], to: [String], note: String)] = [
        (["gateway", "nodes", "allowCommands"], ["gateway", "nodes", "commands", "allow"], "node command lists moved under gateway.nodes.commands in 2026.8.1"),
        (["gateway", "nodes", "denyCommands"], ["gateway", "nodes", "commands", "deny"], "node command lists moved under gateway.nodes.commands in 2026.8.1"),
        (["gateway", "nodes", "skills", "enabled"], ["gateway", "nodes", "allowSkills"], "renamed in 2026.8.1"),
        (["defaultModel"], ["agents", "defaults", "model"], "the default model is agents.defaults.model since 2026.8.1"),
        (["tools", "exec", "timeoutSec"], ["tools", "exec", "timeoutSeconds"], "renamed in 2026.8.1"),
        (["tools", "message", "allowCrossContextSend"], ["tools", "message", "crossContext"], "renamed in 2026.8.1"),
        (["session", "idleMinutes"], ["session", "reset", "idleMinutes"], "moved under session.reset in 2026.8.1"),
        (["session", "maintenance", "pruneDays"], ["session", "maintenance", "pruneAfter"], "renamed in 2026.8.1"),
        (["channels", "slack", "identity"], ["channels", "slack", "postAs"], "renamed in 2026.8.1"),
        (["browser", "ssrfPolicy", "hostnameAllowlist"], ["browser", "ssrfPolicy", "allowedHostnames"], "renamed in 2026.8.1"),
        (["audit"], ["logging", "audit"], "moved under logging in 2026.8.1"),
    ]

    /// Keys a release before 2026.8.1 does not have, and what it reads instead.
    static let keyedShapeOnlyKeys: [(path: [String], hint: String)] = [
        (["agents", "entries"], "the keyed agent roster arrived in OpenClaw 2026.8.1; this release reads agents.list"),
        (["agents", "ownership"], "agent ownership arrived in OpenClaw 2026.8.1 with the keyed roster"),
        (["gateway", "nodes", "commands"], "this release reads gateway.nodes.allowCommands and denyCommands (gateway.nodes.commands arrived in OpenClaw 2026.8.1)"),
        (["tools", "exec", "mode"], "this release reads tools.exec.security and tools.exec.ask (tools.exec.mode arrived in OpenClaw 2026.8.1)"),
    ]

    /// `tools.exec.security` + `ask` pairs that name exactly one `tools.exec.mode`
    /// (`docs/tools/exec.md`, the mode table). A level left out is inherited at run time
    /// (from the global policy or the approvals file), so a lone level names no mode,
    /// except `deny`, which asks nothing.
    static func execMode(security: String?, ask: String?) -> String? {
        switch (security?.trimmingWhitespace.lowercased(), ask?.trimmingWhitespace.lowercased()) {
        case ("deny"?, _): return "deny"
        case ("allowlist"?, "off"?): return "allowlist"
        case ("allowlist"?, "on-miss"?): return "ask"
        case ("full"?, "off"?): return "full"
        default: return nil
        }
    }

    mutating func applyShape() {
        switch shape {
        case .keyedRoster: migrateToKeyedShape()
        case .listRoster: removeKeyedShapeKeys()
        }
    }

    mutating func migrateToKeyedShape() {
        migrateRosterList()
        for rename in Self.keyedShapeRenames {
            move(rename.from, to: rename.to, since: Self.v2026_8_1, dropped: nil, note: rename.note)
        }
        migrateExecMode(at: ["tools", "exec"])
        for (id, _) in root["agents"]?["entries"]?.object?.entries ?? [] {
            migrateExecMode(at: ["agents", "entries", id, "tools", "exec"])
        }
    }

    /// `agents.list: [{ id: "a", … }]` becomes `agents.entries: { a: { … } }`. When both
    /// are written, `agents.entries` wins and doctor removes the list.
    mutating func migrateRosterList() {
        guard let list = node(at: ["agents", "list"]), let items = list.array else { return }
        if node(at: ["agents", "entries"]) != nil {
            removeNode(at: ["agents", "list"])
            record("agents.list", replacement: "agents.entries", origin: list.origin, migrated: false, since: Self.v2026_8_1, dropped: nil,
                   note: "the agent roster is keyed agents.entries since 2026.8.1; agents.entries is already set and wins, and doctor removes agents.list")
            return
        }
        var entries = ConfigObject()
        var unmoved = 0
        for item in items {
            guard var object = item.object, let id = object["id"]?.string, !id.trimmingWhitespace.isEmpty, entries[id] == nil else {
                unmoved += 1
                continue
            }
            object["id"] = nil
            entries[id] = ConfigNode(.object(object), origin: item.origin)
        }
        // Entries first, so that `agents` keeps its place in the file.
        set(["agents", "entries"], ConfigNode(.object(entries), origin: list.origin))
        removeNode(at: ["agents", "list"])
        let lost = unmoved == 0 ? "" : "; \(unmoved) entr\(unmoved == 1 ? "y" : "ies") without a usable or unique id could not be keyed and were not audited"
        record("agents.list", replacement: "agents.entries", origin: list.origin, migrated: true, since: Self.v2026_8_1, dropped: nil,
               note: "the agent roster became keyed agents.entries in 2026.8.1, each id its key" + lost)
    }

    /// `security` + `ask` become one `mode`. A mode already written wins; a pair that
    /// names no single mode stays as written (the runtime still derives its levels from
    /// it here) and is reported.
    mutating func migrateExecMode(at path: [String]) {
        guard let exec = node(at: path)?.object else { return }
        let security = exec["security"], ask = exec["ask"]
        guard let first = security ?? ask else { return }
        let label = path.joined(separator: ".")
        let written = [security.map { _ in "\(label).security" }, ask.map { _ in "\(label).ask" }].compactMap { $0 }.joined(separator: " + ")
        if exec["mode"] != nil {
            removeNode(at: path + ["security"])
            removeNode(at: path + ["ask"])
            record(written, replacement: "\(label).mode", origin: first.origin, migrated: false, since: Self.v2026_8_1, dropped: nil,
                   note: "exec policy is one tools.exec.mode since 2026.8.1; \(label).mode is already set and wins")
            return
        }
        guard let mode = Self.execMode(security: security?.string, ask: ask?.string) else {
            record(written, replacement: "\(label).mode", origin: first.origin, migrated: false, since: Self.v2026_8_1, dropped: nil,
                   note: "exec policy is one tools.exec.mode since 2026.8.1, and no single mode matches security=\(security?.javaScriptString ?? "unset") ask=\(ask?.javaScriptString ?? "unset"); audited as the pair")
            return
        }
        removeNode(at: path + ["security"])
        removeNode(at: path + ["ask"])
        set(path + ["mode"], ConfigNode(.string(mode), origin: first.origin))
        record(written, replacement: "\(label).mode: \"\(mode)\"", origin: first.origin, migrated: true, since: Self.v2026_8_1, dropped: nil,
               note: "exec policy is one tools.exec.mode since 2026.8.1")
    }

    /// An older release does not read the keyed-shape keys: they leave the view and are
    /// reported as keys the release rejects.
    mutating func removeKeyedShapeKeys() {
        for (path, hint) in Self.keyedShapeOnlyKeys {
            guard let value = node(at: path) else { continue }
            removeNode(at: path)
            rejectNewer(path.joined(separator: "."), value: value, hint: hint)
        }
        guard let list = node(at: ["agents", "list"]), var items = list.array else { return }
        var changed = false
        for index in items.indices {
            guard var agent = items[index].object, var tools = agent["tools"]?.object, var exec = tools["exec"]?.object,
                  let mode = exec["mode"] else { continue }
            exec["mode"] = nil
            tools["exec"] = ConfigNode(.object(exec), origin: agent["tools"]?["exec"]?.origin)
            agent["tools"] = ConfigNode(.object(tools), origin: agent["tools"]?.origin)
            items[index] = ConfigNode(.object(agent), origin: items[index].origin)
            changed = true
            rejectNewer("agents.list[\(index)].tools.exec.mode", value: mode,
                        hint: "this release reads tools.exec.security and tools.exec.ask (tools.exec.mode arrived in OpenClaw 2026.8.1)")
        }
        if changed { set(["agents", "list"], ConfigNode(.array(items), origin: list.origin)) }
    }

    mutating func rejectNewer(_ path: String, value: ConfigNode, hint: String) {
        newerKeys.append(RejectedConfigValue(
            path: path, written: ConfigValueValidation.written(value), problem: .keyOfLaterRelease(hint: hint), origin: value.origin))
    }
}
