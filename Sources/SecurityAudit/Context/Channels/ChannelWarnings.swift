/// The strings each plugin's `security.collectWarnings` returns for an account, without
/// the leading `- `. Almost all are the open-group warning. The original's strings always
/// name the channel-level keys; when the open policy is written in an account entry,
/// ours name that entry instead, because that is the key a user has to change.
enum ChannelWarnings {
    static func warnings(for account: ChannelAccount, groupPolicies: GroupPolicyResolver, environment: [String: String]) -> [String] {
        let effective = groupPolicies.resolve(account)
        let raw = rawWarnings(for: account, groupsOpen: effective.policy == "open", environment: environment)
        // A warning that rests on a default says so (the original's text names only the key).
        guard effective.policy == "open", let note = effective.defaultNote else { return raw }
        return raw.map { $0.contains("groupPolicy=\"open\"") ? $0 + " (\(note).)" : $0 }
    }

    static func rawWarnings(for account: ChannelAccount, groupsOpen: Bool, environment: [String: String]) -> [String] {
        var out: [String] = []
        let config = account.config
        let p = account.prefix(whereWritten: "groupPolicy")
        func hasKeys(_ key: String) -> Bool { !(config[key].object?.isEmpty ?? true) }

        switch account.channel {
        case .discord where groupsOpen:
            out.append(hasKeys("guilds")
                ? "Discord guilds: groupPolicy=\"open\" allows any channel not explicitly denied to trigger (mention-gated). Set \(p).groupPolicy=\"allowlist\" and configure \(p).guilds.<id>.channels."
                : "Discord guilds: groupPolicy=\"open\" with no guild/channel allowlist; any channel can trigger (mention-gated). Set \(p).groupPolicy=\"allowlist\" and configure \(p).guilds.<id>.channels.")
        case .slack where groupsOpen:
            out.append(hasKeys("channels")
                ? "Slack channels: groupPolicy=\"open\" allows any channel not explicitly denied to trigger (mention-gated). Set \(p).groupPolicy=\"allowlist\" and configure \(p).channels."
                : "Slack channels: groupPolicy=\"open\" with no channel allowlist; any channel can trigger (mention-gated). Set \(p).groupPolicy=\"allowlist\" and configure \(p).channels.")
        case .telegram where groupsOpen, .whatsapp where groupsOpen:
            let name = account.channel == .telegram ? "Telegram" : "WhatsApp"
            out.append(hasKeys("groups")
                ? "\(name) groups: groupPolicy=\"open\" allows any member in allowed groups to trigger (mention-gated). Set \(p).groupPolicy=\"allowlist\" + \(p).groupAllowFrom to restrict senders."
                : "\(name) groups: groupPolicy=\"open\" with no \(p).groups allowlist; any group can add + ping (mention-gated). Set \(p).groupPolicy=\"allowlist\" + \(p).groupAllowFrom or configure \(p).groups.")
        case .signal where groupsOpen, .imessage where groupsOpen:
            let name = account.channel == .signal ? "Signal" : "iMessage"
            out.append("\(name) groups: groupPolicy=\"open\" allows any member to trigger the bot. Set \(p).groupPolicy=\"allowlist\" + \(p).groupAllowFrom to restrict senders.")
        case .msteams where groupsOpen:
            out.append("MS Teams groups: groupPolicy=\"open\" allows any member to trigger (mention-gated). Set \(p).groupPolicy=\"allowlist\" + \(p).groupAllowFrom to restrict senders.")
        case .mattermost where groupsOpen:
            out.append("Mattermost channels: groupPolicy=\"open\" allows any member to trigger (mention-gated). Set \(p).groupPolicy=\"allowlist\" + \(p).groupAllowFrom to restrict senders.")
        case .matrix where groupsOpen:
            out.append("Matrix rooms: groupPolicy=\"open\" allows any room to trigger (mention-gated). Set \(p).groupPolicy=\"allowlist\" + \(p).groups (and optionally \(p).groupAllowFrom) to restrict rooms.")
        case .googlechat:
            if groupsOpen {
                out.append("Google Chat spaces: groupPolicy=\"open\" allows any space to trigger (mention-gated). Set \(p).groupPolicy=\"allowlist\" and configure \(p).groups.")
            }
            if config["dm"]["policy"].string == "open" {
                let dm = account.prefix(whereWritten: "dm")
                out.append("Google Chat DMs are open to anyone. Set \(dm).dm.policy=\"pairing\" or \"allowlist\".")
            }
        case .irc:
            out += ircWarnings(account: account, groupsOpen: groupsOpen, environment: environment)
        default:
            break
        }
        return out
    }

    static func ircWarnings(account: ChannelAccount, groupsOpen: Bool, environment: [String: String]) -> [String] {
        var out: [String] = []
        let config = account.config
        if groupsOpen {
            let p = account.prefix(whereWritten: "groupPolicy")
            out.append("IRC channels: groupPolicy=\"open\" allows all channels and senders (mention-gated). Prefer \(p).groupPolicy=\"allowlist\" with \(p).groups.")
        }
        // Without a tls setting the default account follows IRC_TLS, else TLS is on.
        let tls: Bool
        if let explicit = config["tls"].bool {
            tls = explicit
        } else if account.isDefault, let raw = environment["IRC_TLS"], !raw.isEmpty {
            tls = ["true", "1", "yes", "on"].contains(raw.trimmingWhitespace.lowercased())
        } else {
            tls = true
        }
        if !tls {
            out.append("IRC TLS is disabled (\(account.prefix(whereWritten: "tls")).tls=false); traffic and credentials are plaintext.")
        }
        let nickserv = config["nickserv"]
        if nickserv["register"].isTruthy {
            out.append("IRC NickServ registration is enabled (channels.irc.nickserv.register=true); this sends \"REGISTER\" on every connect. Disable after first successful registration.")
            let envPassword = account.isDefault && !(environment["IRC_NICKSERV_PASSWORD"]?.trimmingWhitespace.isEmpty ?? true)
            let hasPassword = SecretInput.isConfigured(nickserv["password"]) || envPassword || account.hasNickServPasswordFile
            if !hasPassword {
                out.append("IRC NickServ registration is enabled but no NickServ password is resolved; set channels.irc.nickserv.password, channels.irc.nickserv.passwordFile, or IRC_NICKSERV_PASSWORD.")
            }
        }
        return out
    }

    /// `classifyChannelWarningSeverity`: keywords of an open surface are critical, of a
    /// closed one info, anything else warn.
    static func severity(of message: String) -> Severity {
        let text = Array(message.lowercased().utf8)
        func contains(_ needle: String) -> Bool {
            let pattern = Array(needle.utf8)
            guard pattern.count <= text.count else { return false }
            return (0...(text.count - pattern.count)).contains { start in
                text[start] == pattern[0] && text[start..<(start + pattern.count)].elementsEqual(pattern)
            }
        }
        let critical = ["dms: open", "grouppolicy=\"open\"", "dmpolicy=\"open\"", "allows any", "anyone can dm", "public"]
        if critical.contains(where: contains) { return .critical }
        if contains("locked") || contains("disabled") { return .info }
        return .warn
    }
}
