/// `channels.dm.session_collision.<accounts>.<N>` (upstream `src/security/audit-channel.ts`,
/// from 2026.8.1): after every account, each session bucket that DMs of more than one
/// person reach (see `DMSessionRouting`), numbered in bucket order. It replaced
/// `channels.<id>.dm.scope_main_multiuser`, which looked at one account and the global
/// scope only.
struct DMSessionCollisionCheck: ChannelAccountCheck {
    static let id = "channels.dm.session_collision.<accounts>.<N>"
    static let remediation = "Set the effective DM route to an account-safe isolated scope; update the matching binding or session.dmScope as applicable."

    let infos = [
        CheckInfo(
            id: Self.id,
            title: "DM principals share a session",
            severity: .fixed(.warn),
            rationale: "Senders whose DMs land in one session share its context: what one person told the agent, and what its tools returned, is there for the next person to ask about.",
            remediation: Self.remediation,
            triggers: [
                CheckExample(#"{ channels: { telegram: { botToken: "t", ↓allowFrom: ["1", "2"] } } }"#, release: "2026.8.1"),
                // One sender per account, both on the default agent's main session.
                CheckExample(#"{ channels: { telegram: { botToken: "t", ↓allowFrom: ["1"] }, discord: { token: "d", allowFrom: ["42"] } } }"#),
                CheckExample(#"{ channels: { telegram: { botToken: "t", dmPolicy: "open", ↓allowFrom: ["*"] } } }"#),
                // An unknown sender under per-peer may carry the id of a known one elsewhere.
                CheckExample(#"{ session: { ↓dmScope: "per-peer" }, channels: { telegram: { botToken: "t", dmPolicy: "open", allowFrom: ["*"] }, discord: { token: "d", allowFrom: ["42"] } } }"#),
                CheckExample(#"{ session: { ↓dmScope: "per-channel-peer", scope: "global" }, channels: { telegram: { botToken: "t", allowFrom: ["1", "2"] } } }"#),
            ],
            passes: [
                CheckExample(#"{ channels: { telegram: { botToken: "t", allowFrom: ["1", "2"] } } }"#, release: "2026.7.1"),
                CheckExample(#"{ session: { dmScope: "per-channel-peer" }, channels: { telegram: { botToken: "t", allowFrom: ["1", "2"] } } }"#),
                CheckExample(#"{ channels: { telegram: { botToken: "t", allowFrom: ["1", "tg:1"] } } }"#),
                // The same person on two channels, linked into one identity.
                CheckExample(#"{ session: { identityLinks: { alice: ["telegram:1", "discord:42"] }, dmScope: "per-peer" }, channels: { telegram: { botToken: "t", allowFrom: ["1"] }, discord: { token: "d", allowFrom: ["42"] } } }"#),
                // Each sender bound to an agent of its own.
                CheckExample(#"{ agents: { entries: { a: { default: true }, b: {} } }, bindings: [{ agentId: "b", match: { channel: "telegram", peer: { kind: "direct", id: "2" } } }], channels: { telegram: { botToken: "t", allowFrom: ["1", "2"] } } }"#),
            ]),
    ]

    func findings(for scope: ChannelAccountScope) -> [Finding] { [] }

    func closingFindings(accounts: [ChannelAccountScope], context: AuditContext) -> [Finding] {
        let global = context.config["session"]["scope"].string == "global"
        let dmScope = context.config["session"]["dmScope"]
        return DMSessionRouting(accounts: accounts, context: context).collisions.enumerated().map { index, collision in
            let number = index + 1
            let accounts = collision.accountKeys
            let symbolic = collision.isSymbolic
            return finding(
                Self.id, filling: ["<accounts>": accounts.joined(separator: "_"), "<N>": String(number)], .warn,
                title: symbolic ? "DM principals may share a session" : "DM principals share a session",
                detail: "Collision topology \(number): \(collision.principalCount) distinct admitted DM principals from \(accounts.joined(separator: ", ")) "
                    + "\(symbolic ? "can resolve" : "resolve") to the same session bucket owned by agent \"\(collision.agentId)\""
                    + (global ? " under session.scope=\"global\"." : ".") + " This can leak context across users.",
                at: dmScope ?? collision.routes.first?.node)
        }
    }
}
