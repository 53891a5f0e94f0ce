/// `summary.attack_surface`: always emitted first, a short inventory of what is open.
struct AttackSurfaceSummaryCheck: Check {
    let infos = [
        CheckInfo(
            id: "summary.attack_surface",
            title: "Attack surface summary",
            severity: .fixed(.info),
            rationale: "A one-glance view of open groups, elevated tools, hooks and browser control, the inputs every other finding builds on.",
            triggers: [CheckExample(#"{}"#), CheckExample(#"{ channels: { discord: { groupPolicy: "open" } } }"#)],
            passes: []),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let config = context.config
        var open = 0
        var allowlist = 0
        // Effective policies, as the original counts the parsed config (schema defaults
        // applied); a channel whose policy is neither written nor schema-defaulted is not counted.
        let resolver = context.groupPolicies
        for (id, channel) in config["channels"].object?.entries ?? []
        where id != "defaults" && !OpenInboundPolicies.skippedChannelKeys.contains(id) && channel.object != nil {
            let effective = resolver.resolve(written: channel["groupPolicy"], channelId: id, sectionPresent: true)
            guard effective.source == .written || effective.source == .schemaDefault else { continue }
            switch Optional(effective.policy) {
            case "open"?: open += 1
            case "allowlist"?: allowlist += 1
            default: break
            }
        }
        func state(_ on: Bool) -> String { on ? "enabled" : "disabled" }
        let lines = [
            "groups: open=\(open), allowlist=\(allowlist)",
            "tools.elevated: \(state(config["tools"]["elevated"]["enabled"].bool != false))",
            "hooks.webhooks: \(state(config["hooks"]["enabled"].bool == true))",
            "hooks.internal: \(state(Self.internalHooksEnabled(config["hooks"]["internal"])))",
            "browser control: \(state(Self.browserControlEnabled(config)))",
            "trust model: personal assistant (one trusted operator boundary), not hostile multi-tenant on one shared gateway. For multiple users or organizations, run one isolated Gateway cell per tenant: https://docs.openclaw.ai/gateway/multi-tenant-hosting",
        ]
        return [finding("summary.attack_surface", .info, detail: lines.joined(separator: "\n"))]
    }

    /// Later rule: on when explicitly enabled or when anything is configured to run,
    /// never when `enabled: false`.
    static func internalHooksEnabled(_ hooks: ConfigNode?) -> Bool {
        guard let hooks, hooks.object != nil else { return false }
        let enabled = hooks["enabled"].bool
        if enabled == false { return false }
        if enabled == true { return true }
        let entries = hooks["entries"].object?.entries ?? []
        if entries.contains(where: { $0.value["enabled"].bool != false }) { return true }
        let extraDirs = hooks["load"]["extraDirs"].array ?? []
        if extraDirs.contains(where: { !($0.string?.trimmingWhitespace.isEmpty ?? true) }) { return true }
        if !(hooks["installs"].object?.isEmpty ?? true) { return true }
        if let handlers = hooks["handlers"], handlers.array.map({ !$0.isEmpty }) ?? (handlers.object.map { !$0.isEmpty } ?? false) {
            return true
        }
        return false
    }

    /// Browser control is on by default, unless the plugin policy blocks the browser plugin.
    static func browserControlEnabled(_ config: ConfigNode) -> Bool {
        guard config["browser"]["enabled"].bool != false else { return false }
        let plugins = config["plugins"]
        if plugins["enabled"].bool == false { return false }
        let deny = (plugins["deny"].array ?? []).compactMap(\.string)
        if deny.contains("browser") { return false }
        let allow = (plugins["allow"].array ?? []).compactMap(\.string)
        return allow.isEmpty || allow.contains("browser")
    }
}
