/// Every group or DM policy set to `"open"` anywhere under `channels`: the channel sections, their accounts, and any nested room, guild or DM
/// override. Read from the config as written, with no defaults applied.
public struct OpenInboundPolicy: Sendable, Equatable {
    /// `channels.whatsapp.accounts.work.groupPolicy`, `channels.discord.dm.policy`...
    public var path: String
    public var channelId: String
    /// The `accounts` key the policy sits under, if any.
    public var accountKey: String?
    /// The innermost `groups` / `guilds` / `channels` / `rooms` key it sits under.
    public var roomId: String?
    /// A DM policy rather than a group policy.
    public var isDM: Bool
    public var origin: ConfigOrigin?
}

public enum OpenInboundPolicies {
    /// Keys under `channels` that are not channels.
    static let skippedChannelKeys: Set<String> = ["modelByChannel", "tools"]
    static let roomContainers: Set<String> = ["groups", "guilds", "channels", "rooms"]

    /// Sorted by path in UTF-16 code-unit order, each path once.
    public static func find(in config: ConfigNode) -> [OpenInboundPolicy] {
        var found: [String: OpenInboundPolicy] = [:]
        for (channelId, value) in config["channels"].object?.entries ?? [] where !skippedChannelKeys.contains(channelId) {
            visit(value, scope: "channels.\(channelId)", channelId: channelId, account: nil, room: nil, container: nil, into: &found)
        }
        return found.values.map { (Array($0.path.utf16), $0) }
            .sorted { $0.0.lexicographicallyPrecedes($1.0) }
            .map(\.1)
    }

    /// The February list (`listGroupPolicyOpen` in `src/security/audit-extra.sync.ts`):
    /// `groupPolicy` "open" on a channel section, then on each of its `accounts`, in
    /// config order; no DM policies and no nested rooms.
    public static func findGroupPoliciesOfChannelsAndAccounts(in config: ConfigNode) -> [OpenInboundPolicy] {
        var found: [OpenInboundPolicy] = []
        for (channelId, section) in config["channels"].object?.entries ?? [] where !skippedChannelKeys.contains(channelId) {
            let scope = "channels.\(channelId)"
            if let policy = section["groupPolicy"], policy.string == "open" {
                found.append(OpenInboundPolicy(
                    path: scope + ".groupPolicy", channelId: channelId, accountKey: nil, roomId: nil, isDM: false, origin: policy.origin))
            }
            for (accountId, account) in section["accounts"].object?.entries ?? [] {
                guard let policy = account["groupPolicy"], policy.string == "open" else { continue }
                found.append(OpenInboundPolicy(
                    path: "\(scope).accounts.\(accountId).groupPolicy", channelId: channelId, accountKey: accountId, roomId: nil,
                    isDM: false, origin: policy.origin))
            }
        }
        return found
    }

    /// `container` is the key of the map `record` is a member of (`accounts`, `groups`...).
    static func visit(
        _ record: ConfigNode, scope: String, channelId: String, account: String?, room: String?,
        container: String?, into found: inout [String: OpenInboundPolicy]
    ) {
        guard let object = record.object else { return }
        func add(_ path: String, isDM: Bool, node: ConfigNode?) {
            if found[path] == nil {
                found[path] = OpenInboundPolicy(
                    path: path, channelId: channelId, accountKey: account, roomId: room, isDM: isDM, origin: node?.origin)
            }
        }
        if object["groupPolicy"]?.string == "open" {
            add(scope + ".groupPolicy", isDM: false, node: object["groupPolicy"])
        }
        let top = object["dmPolicy"]
        let nested = object["dm"]?.object?["policy"]
        // "Top first": a top-level dmPolicy decides even when dm.policy differs.
        if let top, !top.isNull {
            if top.string == "open" { add(scope + ".dmPolicy", isDM: true, node: top) }
        } else if nested?.string == "open" {
            add(scope + ".dm.policy", isDM: true, node: nested)
        }
        for (key, child) in object.entries where child.object != nil {
            var childAccount = account
            var childRoom = room
            if container == "accounts", account == nil { childAccount = key }
            if let container, roomContainers.contains(container) { childRoom = key }
            visit(child, scope: scope + "." + key, channelId: channelId, account: childAccount, room: childRoom,
                  container: key, into: &found)
        }
    }
}
