/// `security.trust_model.group_scope_main`: `session.groupScope: "main"` (globally, or
/// on a binding for a group/channel room) folds group rooms into the agent's main
/// session, the one the operator's direct messages use.
struct GroupScopeMainCheck: Check {
    let infos = [
        CheckInfo(
            id: "security.trust_model.group_scope_main",
            title: "Group rooms share the main session",
            severity: .fixed(.warn),
            rationale: "In the main session every room member sees, and can steer, the context of the operator's private conversation: files read, credentials pasted, earlier instructions.",
            remediation: "Use session.groupScope=\"per-group\" or remove groupScope=\"main\" from the listed bindings.",
            triggers: [
                CheckExample(#"{ session: { ↓groupScope: " main " } }"#),
                CheckExample(#"{ bindings: [{ agentId: "main", match: { channel: "discord", peer: { kind: "channel", id: "123" } }, session: { ↓groupScope: "main" } }] }"#),
                // A broader earlier binding does not shadow the room-specific one.
                CheckExample(#"{ bindings: [{ agentId: "a", match: { channel: "slack" } }, { agentId: "b", match: { channel: "slack", peer: { kind: "group", id: "C1" } }, session: { ↓groupScope: "main" } }] }"#),
            ],
            passes: [
                CheckExample(#"{ session: { groupScope: "per-group" } }"#),
                CheckExample(#"{ bindings: [{ agentId: "main", match: { channel: "telegram", peer: { kind: "direct", id: "42" } }, session: { groupScope: "main" } }] }"#),
                // The earlier equivalent binding wins routing, so the main-scoped one never applies.
                CheckExample(#"{ bindings: [{ agentId: "a", match: { channel: "slack", peer: { kind: "channel", id: "C1" } } }, { agentId: "b", match: { channel: "slack", peer: { kind: "group", id: "C1" } }, session: { groupScope: "main" } }] }"#),
                CheckExample(#"{}"#),
            ]),
    ]

    struct RoomMatch: Equatable {
        var channel: String
        var accountId: String?
        var peerKind: String
        var peerId: String
        var guildId: String?
        var teamId: String?
        var roles: [String]

        init?(_ match: ConfigNode?) {
            let peer = match["peer"]
            guard let kind = peer["kind"].string?.trimmingWhitespace, ["group", "channel"].contains(kind),
                  let id = peer["id"].scalarText
            else { return nil }
            channel = match["channel"].string?.trimmingWhitespace ?? ""
            accountId = match["accountId"].scalarText
            peerKind = kind
            peerId = id
            guildId = match["guildId"].scalarText
            teamId = match["teamId"].scalarText
            roles = (match["roles"].array ?? []).compactMap { Optional($0).scalarText }
        }

        /// Routes the same rooms: group and channel peers are interchangeable.
        func isEquivalent(to other: RoomMatch) -> Bool {
            channel.lowercased() == other.channel.lowercased() && accountId == other.accountId && peerId == other.peerId
                && guildId == other.guildId && teamId == other.teamId && roles == other.roles
        }

        var description: String {
            var text = channel
            if let accountId { text += " accountId=\(accountId)" }
            text += " peer=\(peerKind):\(peerId)"
            if let guildId { text += " guild=\(guildId)" }
            if let teamId { text += " team=\(teamId)" }
            if !roles.isEmpty { text += " roles=\(roles.joined(separator: ","))" }
            return text
        }
    }

    func findings(in context: AuditContext) -> [Finding] {
        let globalScope = context.config["session"]["groupScope"]
        let globalHit = globalScope.string?.trimmingWhitespace == "main"
        var earlier: [RoomMatch] = []
        var rooms: [String] = []
        var firstBindingNode: ConfigNode?
        for binding in context.config["bindings"].array ?? [] {
            guard let room = RoomMatch(binding["match"]) else { continue }
            defer { earlier.append(room) }
            guard binding["session"]["groupScope"].string?.trimmingWhitespace == "main",
                  !earlier.contains(where: room.isEquivalent)
            else { continue }
            rooms.append(room.description)
            firstBindingNode = firstBindingNode ?? binding["session"]["groupScope"]
        }
        guard globalHit || !rooms.isEmpty else { return [] }
        var parts: [String] = []
        if globalHit {
            parts.append("session.groupScope=\"main\" routes all group/channel rooms into the agent main session, so anyone in those rooms shares context with the operator's direct conversation.")
        }
        if !rooms.isEmpty {
            parts.append("bindings with session.groupScope=\"main\" route these rooms into the agent main session:" + rooms.map { "\n- \($0)" }.joined())
        }
        return [finding(
            "security.trust_model.group_scope_main", .warn,
            detail: parts.joined(separator: "\n"),
            remediation: "Use session.groupScope=\"per-group\" or remove groupScope=\"main\" from the listed bindings. See https://docs.openclaw.ai/channels/groups#session-keys",
            at: globalHit ? globalScope : firstBindingNode)]
    }
}

private extension Optional where Wrapped == ConfigNode {
    /// A string (trimmed, non-empty) or a number as JavaScript prints it.
    var scalarText: String? {
        switch self?.value {
        case .string(let text)?:
            let trimmed = text.trimmingWhitespace
            return trimmed.isEmpty ? nil : trimmed
        case .number?: return self?.javaScriptString
        default: return nil
        }
    }
}
