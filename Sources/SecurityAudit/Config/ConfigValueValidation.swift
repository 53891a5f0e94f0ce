/// A value OpenClaw refuses (its config schema is strict: an unknown enum value, a
/// wrong type or an unknown key makes the whole config invalid, and the gateway does not
/// start) or ignores, at a key the audit's checks read.
public struct RejectedConfigValue: Sendable, Equatable {
    public enum Problem: Sendable, Equatable {
        /// Not one of the accepted values.
        case unknownValue(accepted: [String])
        /// The wrong JSON type (`"true"` for a boolean, a list for a map).
        case wrongType(expected: String)
        /// A key OpenClaw does not have; `hint` says where the setting lives.
        case unknownKey(hint: String)
        /// A key only later releases have (`ConfigShape`): the audit leaves it out, as
        /// the audited release cannot read it.
        case keyOfLaterRelease(hint: String)
    }

    public var path: String
    /// The value as written (JSON text for non-strings), for the finding.
    public var written: String
    public var problem: Problem
    public var origin: ConfigOrigin?
}

/// Validates the keys the checks read against what OpenClaw accepts (the zod schema in
/// `src/config/zod-schema*.ts`: enums, booleans, the `tools.elevated.allowFrom` record).
/// A check reads such a value as written and never swaps in a default; this says that
/// OpenClaw itself would refuse the config. Values that are unresolved `${VAR}`
/// references are unknown and not judged.
enum ConfigValueValidation {
    static let enums: [(path: [String], values: [String])] = [
        (["gateway", "mode"], ["local", "remote"]),
        (["gateway", "bind"], ["auto", "lan", "loopback", "custom", "tailnet"]),
        (["gateway", "auth", "mode"], ["none", "token", "password", "trusted-proxy"]),
        (["gateway", "tailscale", "mode"], ["off", "serve", "funnel"]),
        (["discovery", "mdns", "mode"], ["off", "minimal", "full"]),
        (["logging", "redactSensitive"], ["off", "tools"]),
        (["session", "dmScope"], ["main", "per-peer", "per-channel-peer", "per-account-channel-peer"]),
        (["tools", "profile"], profiles),
        (["tools", "exec", "host"], ["sandbox", "gateway", "node", "auto"]),
        (["tools", "exec", "security"], ["deny", "allowlist", "full"]),
        (["tools", "exec", "ask"], ["off", "on-miss", "always"]),
        (["agents", "defaults", "sandbox", "mode"], sandboxModes),
    ]
    static let profiles = ["minimal", "coding", "messaging", "full"]
    static let sandboxModes = ["off", "non-main", "all"]
    static let dmPolicies = ["pairing", "allowlist", "open", "disabled"]
    static let groupPolicies = ["open", "disabled", "allowlist"]

    static let booleans: [[String]] = [
        ["hooks", "enabled"], ["tools", "elevated", "enabled"], ["gateway", "controlUi", "enabled"],
        ["browser", "enabled"], ["gateway", "auth", "allowTailscale"],
        ["gateway", "http", "endpoints", "chatCompletions", "enabled"], ["gateway", "http", "endpoints", "responses", "enabled"],
    ]

    /// Keys people write that OpenClaw's strict `gateway` object does not have.
    static let gatewayNonKeys: [String: String] = [
        "host": "the listen address comes from gateway.bind (loopback, lan, tailnet, auto) or gateway.customBindHost with bind \"custom\"",
        "hostname": "the listen address comes from gateway.bind, or gateway.customBindHost with bind \"custom\"",
        "address": "the listen address comes from gateway.bind, or gateway.customBindHost with bind \"custom\"",
        "listen": "the listen address comes from gateway.bind, and the port from gateway.port",
        "password": "the gateway password is gateway.auth.password",
    ]

    static let skippedChannelKeys: Set<String> = ["defaults", "modelByChannel", "tools"]

    /// The audit's list: the keys of a newer shape than the audited release reads
    /// (`LoadedConfig.newerKeys`), then the values the checks read.
    static func problems(in context: AuditContext) -> [RejectedConfigValue] {
        context.configFile.newerKeys + problems(in: context.config)
    }

    static func problems(in config: ConfigNode) -> [RejectedConfigValue] {
        var out: [RejectedConfigValue] = []
        func enumValue(_ node: ConfigNode?, path: String, accepted: [String]) {
            guard let node, !node.isNull, !node.isUnresolved else { return }
            if let text = node.string {
                if !accepted.contains(text) {
                    out.append(RejectedConfigValue(path: path, written: "\"\(text)\"", problem: .unknownValue(accepted: accepted), origin: node.origin))
                }
            } else {
                out.append(RejectedConfigValue(path: path, written: written(node), problem: .unknownValue(accepted: accepted), origin: node.origin))
            }
        }
        func boolean(_ node: ConfigNode?, path: String) {
            guard let node, !node.isNull, !node.isUnresolved, node.bool == nil else { return }
            out.append(RejectedConfigValue(path: path, written: written(node), problem: .wrongType(expected: "true or false"), origin: node.origin))
        }

        for (path, values) in enums {
            enumValue(node(config, path), path: path.joined(separator: "."), accepted: values)
        }
        for path in booleans { boolean(node(config, path), path: path.joined(separator: ".")) }
        for (key, hint) in gatewayNonKeys.sorted(by: { $0.key < $1.key }) {
            guard let value = config["gateway"][key] else { continue }
            out.append(RejectedConfigValue(path: "gateway.\(key)", written: written(value), problem: .unknownKey(hint: hint), origin: value.origin))
        }
        elevatedAllowFrom(config["tools"]["elevated"]["allowFrom"], path: "tools.elevated.allowFrom", into: &out)

        // Channels, their accounts: DM and group policies, enabled flags.
        enumValue(config["channels"]["defaults"]["groupPolicy"], path: "channels.defaults.groupPolicy", accepted: groupPolicies)
        for (id, section) in config["channels"].object?.entries ?? [] where !skippedChannelKeys.contains(id) && section.object != nil {
            var scopes: [(String, ConfigNode)] = [("channels.\(id)", section)]
            for (key, account) in section["accounts"].object?.entries ?? [] where account.object != nil {
                scopes.append(("channels.\(id).accounts.\(key)", account))
            }
            for (scope, node) in scopes {
                enumValue(node["dmPolicy"], path: "\(scope).dmPolicy", accepted: dmPolicies)
                enumValue(node["dm"]["policy"], path: "\(scope).dm.policy", accepted: dmPolicies)
                let groupValues = id == "feishu" ? groupPolicies + ["allowall"] : groupPolicies
                enumValue(node["groupPolicy"], path: "\(scope).groupPolicy", accepted: groupValues)
                boolean(node["enabled"], path: "\(scope).enabled")
            }
        }

        // Agents: per-agent sandbox mode, tool profile and elevated allow lists.
        var agents: [(String, ConfigNode)] = []
        for (index, agent) in (config["agents"]["list"].array ?? []).enumerated() where agent.object != nil {
            agents.append(("agents.list[\(index)]", agent))
        }
        for (key, agent) in config["agents"]["entries"].object?.entries ?? [] where agent.object != nil {
            agents.append(("agents.entries.\(key)", agent))
        }
        for (scope, agent) in agents {
            enumValue(agent["sandbox"]["mode"], path: "\(scope).sandbox.mode", accepted: sandboxModes)
            enumValue(agent["tools"]["profile"], path: "\(scope).tools.profile", accepted: profiles)
            elevatedAllowFrom(agent["tools"]["elevated"]["allowFrom"], path: "\(scope).tools.elevated.allowFrom", into: &out)
        }
        return out
    }

    /// A map from provider id to a list of senders (`{ whatsapp: ["+1555…"] }`).
    static func elevatedAllowFrom(_ node: ConfigNode?, path: String, into out: inout [RejectedConfigValue]) {
        guard let node, !node.isNull else { return }
        guard let object = node.object else {
            out.append(RejectedConfigValue(
                path: path, written: written(node),
                problem: .wrongType(expected: "a map from channel to a list of senders, e.g. { whatsapp: [\"+15550001\"] }"),
                origin: node.origin))
            return
        }
        for (provider, list) in object.entries where list.array == nil && !list.isNull {
            out.append(RejectedConfigValue(
                path: "\(path).\(provider)", written: written(list), problem: .wrongType(expected: "a list of senders"), origin: list.origin))
        }
    }

    static func node(_ config: ConfigNode, _ path: [String]) -> ConfigNode? {
        var current: ConfigNode? = config
        for key in path { current = current?[key] }
        return current
    }

    /// A short rendering of what is written.
    static func written(_ node: ConfigNode) -> String {
        switch node.value {
        case .string(let text): return "\"\(text)\""
        case .array(let items): return items.isEmpty ? "[]" : "a list (\(items.count) item\(items.count == 1 ? "" : "s"))"
        case .object: return "an object"
        default: return node.javaScriptString
        }
    }
}
