/// The config shape an OpenClaw release reads. Upstream's doctor (`docs/gateway/doctor.md`,
/// the legacy-key table as synced on 2026-07-19 and 2026-07-22; first stable release
/// after it: 2026.8.1) renamed the agent roster, the node command lists and the exec
/// policy. A release reads one shape: 2026.8.1 and later refuse the older keys until
/// doctor has moved them ("Legacy config keys detected"); earlier releases do not know
/// the newer ones (their strict schema reports "Unrecognized key").
public enum ConfigShape: Sendable, Equatable {
    /// `agents.list: [{ id, … }]`, `gateway.nodes.allowCommands` / `denyCommands`,
    /// `tools.exec.security` / `ask`.
    case listRoster
    /// `agents.entries: { <id>: { … } }` (with `agents.ownership`),
    /// `gateway.nodes.commands.allow` / `deny`, `tools.exec.mode`, `agents.defaults.model`
    /// for the top-level `defaultModel`.
    case keyedRoster

    public static let keyedRosterSince = OpenClawVersion(major: 2026, minor: 8, patch: 1)

    /// An unknown release reads the newest shape.
    public init(release: OpenClawRelease) {
        self = release.isAtLeast(Self.keyedRosterSince) ? .keyedRoster : .listRoster
    }

    /// Where an agent's settings are written, for texts: `agents.entries.<id>` or
    /// `agents.list[<default agent>]`-style prose.
    var rosterKey: String { self == .keyedRoster ? "agents.entries" : "agents.list" }
}
