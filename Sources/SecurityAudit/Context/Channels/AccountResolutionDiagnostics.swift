/// The read-only account resolution of the later channel collector: Discord, Slack and Telegram are inspected without resolving secrets, but the
/// other plugins' `resolveAccount` reads credential SecretRefs and throws on one the
/// shell cannot resolve. This finds the first such ref each resolver would read, in
/// the resolver's order, and words the diagnostic as the original does.
extension AccountResolver {
    /// The credential fields a plugin's resolver reads as resolved strings, in order: the
    /// config path where the value is written, and the path its error message names.
    func secretFieldsRead(by source: ChannelInventory.AccountSource) -> [(written: String, named: String)] {
        let accountId = ChannelAccountIds.normalize(source.id)
        let channelPrefix = "channels.\(source.channel.id)"
        let accountPrefix = "\(channelPrefix).accounts.\(accountId)"
        /// Where `key` of the merged account config is written (the entry wins).
        func written(_ key: String) -> String {
            guard let entryKey = source.key, source.entry?[key] != nil else { return "\(channelPrefix).\(key)" }
            return "\(channelPrefix).accounts.\(entryKey).\(key)"
        }
        switch source.channel {
        case .irc:
            var fields: [(String, String)] = []
            let passwordFromEnv = source.isDefault && env("IRC_PASSWORD")
            let passwordFile = !(source.merged["passwordFile"].string?.trimmingWhitespace.isEmpty ?? true)
            if !passwordFromEnv && !passwordFile { fields.append((written("password"), "\(accountPrefix).password")) }
            // NickServ is merged one level deep: the entry's password wins over the channel's.
            var nickServ = "\(channelPrefix).nickserv.password"
            if let entryKey = source.key, source.entry["nickserv"]["password"] != nil {
                nickServ = "\(channelPrefix).accounts.\(entryKey).nickserv.password"
            }
            fields.append((nickServ, "\(accountPrefix).nickserv.password"))
            return fields
        case .mattermost:
            return [(written("botToken"), "\(accountPrefix).botToken")]
        case .msteams:
            return [("\(channelPrefix).appPassword", "\(channelPrefix).appPassword")]
        case .googlechat:
            return [(written("serviceAccount"), "\(accountPrefix).serviceAccount"),
                    (written("serviceAccountRef"), "\(accountPrefix).serviceAccount")]
        case .matrix:
            let fields = ["homeserver", "userId", "accessToken", "password", "deviceId", "deviceName"]
            var out: [(String, String)] = []
            if let entryKey = source.key, source.entry != nil {
                out += fields.map { ("\(channelPrefix).accounts.\(entryKey).\($0)", "\(channelPrefix).accounts.\(entryKey).\($0)") }
            }
            return out + fields.map { ("\(channelPrefix).\($0)", "\(channelPrefix).\($0)") }
        case .telegram, .discord, .slack, .whatsapp, .signal, .imessage, .zalouser:
            return []
        }
    }

    func resolutionDiagnostics(_ source: ChannelInventory.AccountSource) -> [String] {
        for field in secretFieldsRead(by: source) {
            guard let ref = facts.unresolvedSecretRefs[field.written] else { continue }
            let message = "\(field.named): unresolved SecretRef \"\(ref.source):\(ref.provider):\(ref.id)\". Resolve this command against an active gateway runtime snapshot before reading it."
            return ["\(source.channel.id):\(source.id): failed to resolve account (\(message))."]
        }
        return []
    }
}
