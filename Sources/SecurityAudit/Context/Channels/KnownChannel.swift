/// The channel plugins whose security adapters the audit models, in the original's
/// plugin order (`CHAT_CHANNEL_ORDER`, then the extensions' `meta.order`: Microsoft
/// Teams 60, Mattermost 65, Matrix 70, Zalo Personal 85). Channel findings follow this order.
public enum KnownChannel: String, CaseIterable, Sendable {
    case telegram, whatsapp, discord, irc, googlechat, slack, signal, imessage, msteams, mattermost, matrix, zalouser

    public var id: String { rawValue }

    /// The plugin label that starts finding titles.
    public var label: String {
        switch self {
        case .telegram: return "Telegram"
        case .whatsapp: return "WhatsApp"
        case .discord: return "Discord"
        case .irc: return "IRC"
        case .googlechat: return "Google Chat"
        case .slack: return "Slack"
        case .signal: return "Signal"
        case .imessage: return "iMessage"
        case .msteams: return "Microsoft Teams"
        case .mattermost: return "Mattermost"
        case .matrix: return "Matrix"
        case .zalouser: return "Zalo Personal"
        }
    }

    /// Where a channel keeps its DM policy and DM allowlist.
    enum DMKeys {
        /// `dmPolicy` / `allowFrom`.
        case flat
        /// `dmPolicy` / `allowFrom`, falling back to the legacy `dm.policy` / `dm.allowFrom`
        /// (Discord and Slack read them in this order at runtime).
        case flatThenLegacy
        /// Only `dm.policy` / `dm.allowFrom` (Google Chat, Matrix).
        case legacy
    }

    var dmKeys: DMKeys {
        switch self {
        case .discord, .slack: return .flatThenLegacy
        case .googlechat, .matrix: return .legacy
        default: return .flat
        }
    }

    /// February Discord and Slack treat a configured channel without any groupPolicy as
    /// open (`resolveOpenProviderRuntimeGroupPolicy`); every other plugin fails closed.
    var groupPolicyFallback: String {
        self == .discord || self == .slack ? "open" : "allowlist"
    }

    /// Plugins that normalize the keys of `accounts` when listing account ids.
    var normalizesAccountKeys: Bool {
        self == .telegram || self == .irc || self == .matrix
    }

    /// Microsoft Teams has exactly one account, configured at the channel level.
    var isSingleAccount: Bool { self == .msteams }

    /// The pairing adapter's `normalizeAllowEntry` for pairing-store entries.
    func normalizePairingEntry(_ entry: String) -> String {
        switch self {
        case .discord: return entry.removingPrefix(oneOf: ["discord:", "user:"])
        case .telegram: return entry.removingPrefix(oneOf: ["telegram:", "tg:"])
        case .slack: return entry.removingPrefix(oneOf: ["slack:", "user:"])
        case .signal: return entry.removingPrefix(oneOf: ["signal:"])
        case .msteams: return entry.removingPrefix(oneOf: ["msteams:", "user:"])
        case .matrix: return entry.removingPrefix(oneOf: ["matrix:"])
        case .googlechat: return Self.googleChatEntry(entry)
        case .mattermost: return Self.mattermostEntry(entry)
        case .irc: return Self.ircEntry(entry)
        case .zalouser: return entry.removingPrefix(oneOf: ["zalouser:", "zlu:"])
        case .whatsapp, .imessage: return entry
        }
    }

    /// The DM policy's `normalizeEntry`, used to count distinct DM senders.
    func normalizeDMEntry(_ entry: String) -> String {
        switch self {
        case .discord:
            let stripped = entry.removingPrefix(oneOf: ["discord:", "user:"])
            return Self.discordMentionId(stripped) ?? stripped
        case .telegram: return entry.removingPrefix(oneOf: ["telegram:", "tg:"])
        case .slack: return entry.removingPrefix(oneOf: ["slack:", "user:"])
        case .whatsapp: return Self.e164(entry)
        case .signal: return Self.e164(entry.removingPrefix(oneOf: ["signal:"]).trimmingWhitespace)
        case .msteams: return entry.removingPrefix(oneOf: ["msteams:", "user:"])
        case .matrix: return entry.removingPrefix(oneOf: ["matrix:", "user:"]).trimmingWhitespace.lowercased()
        case .googlechat: return Self.googleChatEntry(entry)
        case .mattermost: return Self.mattermostEntry(entry)
        case .irc: return Self.ircEntry(entry)
        case .zalouser: return entry.removingPrefix(oneOf: ["zalouser:", "zlu:"])
        case .imessage: return entry
        }
    }

    /// `<@123>` / `<@!123>` → `123`.
    static func discordMentionId(_ text: String) -> String? {
        guard text.hasPrefix("<@"), text.hasSuffix(">") else { return nil }
        var inner = text.dropFirst(2).dropLast()
        if inner.hasPrefix("!") { inner = inner.dropFirst() }
        guard !inner.isEmpty, inner.allSatisfy(\.isASCIIDigit) else { return nil }
        return String(inner)
    }

    /// `normalizeE164`: digits (and a leading `+`) of a phone number.
    static func e164(_ raw: String) -> String {
        let text = raw.hasPrefix("whatsapp:") ? String(raw.dropFirst("whatsapp:".count)) : raw
        let kept = text.trimmingWhitespace.filter { $0.isASCIIDigit || $0 == "+" }
        if kept.hasPrefix("+") { return "+" + kept.dropFirst().filter { $0 != "+" } }
        return "+" + kept.filter { $0 != "+" }
    }

    static func googleChatEntry(_ raw: String) -> String {
        raw.trimmingWhitespace.removingPrefix(oneOf: ["googlechat:", "google-chat:", "gchat:"]).trimmingWhitespace.lowercased()
    }

    static func mattermostEntry(_ raw: String) -> String {
        var text = raw.trimmingWhitespace.removingPrefix(oneOf: ["mattermost:", "user:"])
        if text.hasPrefix("@") { text.removeFirst() }
        return text.lowercased()
    }

    static func ircEntry(_ raw: String) -> String {
        var text = raw.trimmingWhitespace.lowercased()
        if text.hasPrefix("irc:") { text.removeFirst(4) }
        if text.hasPrefix("user:") { text.removeFirst(5) }
        return text.trimmingWhitespace
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension String {
    /// Drops the first of `prefixes` the string starts with, ignoring ASCII case (the
    /// original's `/^(a|b):/i`).
    func removingPrefix(oneOf prefixes: [String]) -> String {
        for prefix in prefixes where hasASCIIPrefixIgnoringCase(prefix) {
            return String(utf8.dropFirst(prefix.utf8.count))!
        }
        return self
    }

    /// `prefix` must be lower-case ASCII.
    func hasASCIIPrefixIgnoringCase(_ prefix: String) -> Bool {
        var own = utf8.makeIterator()
        for expected in prefix.utf8 {
            guard let byte = own.next() else { return false }
            let lowered = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
            if lowered != expected { return false }
        }
        return true
    }
}
