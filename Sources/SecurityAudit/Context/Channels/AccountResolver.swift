import JSON5

/// Decides whether a channel account is enabled and configured, per plugin, the way
/// each plugin's `resolveAccount` / `isConfigured` does. Credentials written as
/// SecretRefs count as present even when this shell cannot resolve them (the later
/// read-only account inspection does the same). Token files are stat'ed, never read.
struct AccountResolver {
    let config: ConfigNode
    let environment: [String: String]
    let paths: OpenClawPaths
    let facts: ChannelFacts

    func env(_ name: String) -> Bool {
        guard let value = environment[name] else { return false }
        return !value.trimmingWhitespace.isEmpty
    }

    func resolve(_ source: ChannelInventory.AccountSource) -> ChannelAccount {
        ChannelAccount(
            channel: source.channel, id: source.id, key: source.key, section: source.section,
            entry: source.entry, config: source.merged, isDefault: source.isDefault,
            enabled: isEnabled(source), configured: isConfigured(source),
            storeAllowFrom: facts.storeEntries(channel: source.channel, accountId: source.id),
            hasNickServPasswordFile: source.channel == .irc && credentialFiles(source).contains { facts.hasCredentialFile($0) },
            resolutionDiagnostics: resolutionDiagnostics(source))
    }

    func isEnabled(_ source: ChannelInventory.AccountSource) -> Bool {
        if source.section["enabled"].bool == false { return false }
        switch source.channel {
        case .msteams: return true
        case .whatsapp:
            return source.entry["enabled"].bool != false && config["web"]["enabled"].bool != false
        default:
            return source.merged["enabled"].bool != false
        }
    }

    func isConfigured(_ source: ChannelInventory.AccountSource) -> Bool {
        let merged = source.merged
        let isDefault = source.isDefault
        func has(_ key: String) -> Bool { SecretInput.isConfigured(merged[key]) }
        switch source.channel {
        case .telegram:
            return telegramTokenPresent(source)
        case .discord:
            if SecretInput.isConfigured(source.entry["token"]) { return true }
            return isDefault && (SecretInput.isConfigured(source.section["token"]) || env("DISCORD_BOT_TOKEN"))
        case .slack:
            let bot = has("botToken") || (isDefault && env("SLACK_BOT_TOKEN"))
            let app = has("appToken") || (isDefault && env("SLACK_APP_TOKEN"))
            return bot && app
        case .whatsapp:
            let files = whatsAppCredentialFiles(source)
            guard let primary = files.first else { return false }
            if facts.hasCredentialFile(primary, largerThan: 1) { return true }
            // The default account falls back to creds.json directly in the credentials
            // dir (the pre-multi-account layout) when its own folder has none.
            return files.count > 1 && facts.hasCredentialFile(files[1], largerThan: 1)
        case .signal:
            return has("account") || has("httpUrl") || has("cliPath") || has("httpHost")
                || merged["httpPort"].number != nil || merged["autoStart"].bool != nil
        case .imessage:
            return has("cliPath") || has("dbPath") || merged["service"].isTruthy || has("region")
                || !(merged["allowFrom"].array ?? []).isEmpty || !(merged["groupAllowFrom"].array ?? []).isEmpty
                || merged["dmPolicy"].isTruthy || merged["groupPolicy"].isTruthy
                || merged["includeAttachments"].bool != nil
                || !(merged["attachmentRoots"].array ?? []).isEmpty || !(merged["remoteAttachmentRoots"].array ?? []).isEmpty
                || merged["mediaMaxMb"].number != nil || merged["textChunkLimit"].number != nil
                || !(merged["groups"].object?.isEmpty ?? true)
        case .googlechat:
            if merged["serviceAccount"].object != nil || parsesAsObject(merged["serviceAccount"].string) { return true }
            if has("serviceAccountFile") { return true }
            return isDefault && (parsesAsObject(environment["GOOGLE_CHAT_SERVICE_ACCOUNT"]) || env("GOOGLE_CHAT_SERVICE_ACCOUNT_FILE"))
        case .msteams:
            let section = source.section
            return (SecretInput.isConfigured(section["appId"]) || env("MSTEAMS_APP_ID"))
                && (SecretInput.isConfigured(section["appPassword"]) || env("MSTEAMS_APP_PASSWORD"))
                && (SecretInput.isConfigured(section["tenantId"]) || env("MSTEAMS_TENANT_ID"))
        case .mattermost:
            return (has("botToken") || (isDefault && env("MATTERMOST_BOT_TOKEN")))
                && (has("baseUrl") || (isDefault && env("MATTERMOST_URL")))
        case .matrix:
            guard has("homeserver") || env("MATRIX_HOMESERVER") else { return false }
            let accessToken = has("accessToken") || env("MATRIX_ACCESS_TOKEN")
            let passwordLogin = (has("userId") || env("MATRIX_USER_ID")) && (has("password") || env("MATRIX_PASSWORD"))
            return accessToken || passwordLogin || facts.hasCredentialFile(matrixStoredLogin(source))
        case .irc:
            return (has("host") || (isDefault && env("IRC_HOST"))) && (has("nick") || (isDefault && env("IRC_NICK")))
        case .zalouser:
            // The plugin also asks Zalo whether the stored session is still valid; the
            // audit never goes online, so a stored session counts.
            return facts.hasCredentialFile(zalouserSession(source))
        }
    }

    /// `resolveTelegramToken`: the account's tokenFile, then its botToken; for the
    /// default account also the channel's tokenFile, botToken and `TELEGRAM_BOT_TOKEN`.
    /// A tokenFile that is named but missing ends the search.
    func telegramTokenPresent(_ source: ChannelInventory.AccountSource) -> Bool {
        if let file = source.entry["tokenFile"].string?.trimmingWhitespace, !file.isEmpty {
            return facts.hasCredentialFile(file)
        }
        if SecretInput.isConfigured(source.entry["botToken"]) { return true }
        guard source.isDefault else { return false }
        if let file = source.section["tokenFile"].string?.trimmingWhitespace, !file.isEmpty {
            guard facts.credentialFileSizes[file] != nil else { return false }
            if facts.hasCredentialFile(file) { return true }
        }
        return SecretInput.isConfigured(source.section["botToken"]) || env("TELEGRAM_BOT_TOKEN")
    }

    /// WhatsApp's linked-session file: `<authDir>/creds.json` (the account's `authDir`,
    /// else `<credentials>/whatsapp/<account>`), then for the default account the legacy
    /// `<credentials>/creds.json`.
    func whatsAppCredentialFiles(_ source: ChannelInventory.AccountSource) -> [String] {
        if let custom = source.entry["authDir"].string?.trimmingWhitespace, !custom.isEmpty {
            return [custom + "/creds.json"]
        }
        let own = PathNormalization.join(paths.credentialsDir, "whatsapp", ChannelAccountIds.normalize(source.id), "creds.json")
        guard ChannelAccountIds.normalize(source.id) == ChannelInventory.defaultAccountId else { return [own] }
        return [own, PathNormalization.join(paths.credentialsDir, "creds.json")]
    }

    /// A login stored by the Matrix plugin: `<state>/credentials/matrix/credentials[-<account>].json`.
    func matrixStoredLogin(_ source: ChannelInventory.AccountSource) -> String {
        let account = ChannelAccountIds.normalize(source.id)
        let name = account == ChannelInventory.defaultAccountId ? "credentials.json" : "credentials-\(account).json"
        return PathNormalization.join(paths.stateDir, "credentials", "matrix", name)
    }

    /// Zalo Personal's stored login: `<state>/credentials/zalouser/credentials[-<profile>].json`,
    /// the profile being the account's `profile`, else `ZALOUSER_PROFILE` / `ZCA_PROFILE`,
    /// else the account id (`default` for the default account).
    func zalouserSession(_ source: ChannelInventory.AccountSource) -> String {
        let accountId = ChannelAccountIds.normalize(source.id)
        let profile = [source.merged["profile"].string, environment["ZALOUSER_PROFILE"], environment["ZCA_PROFILE"]]
            .compactMap { $0?.trimmingWhitespace }.first { !$0.isEmpty }
            ?? accountId
        let lowered = profile.lowercased()
        let name = lowered == ChannelInventory.defaultAccountId ? "credentials.json" : "credentials-\(Self.encodeURIComponent(lowered)).json"
        return PathNormalization.join(paths.stateDir, "credentials", "zalouser", name)
    }

    /// JavaScript's `encodeURIComponent`.
    static func encodeURIComponent(_ text: String) -> String {
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()".utf8)
        let hex = Array("0123456789ABCDEF")
        return text.utf8.map { byte in
            unreserved.contains(byte) ? String(UnicodeScalar(byte)) : "%\(hex[Int(byte >> 4)])\(hex[Int(byte & 0xF)])"
        }.joined()
    }

    /// The plugins whose state depends on a file (`credentialFiles` is empty for the rest).
    static let channelsWithCredentialFiles: [KnownChannel] = [.telegram, .whatsapp, .irc, .matrix, .zalouser]

    /// Every credential file the decisions above (and the IRC NickServ warning) look at.
    func credentialFiles(_ source: ChannelInventory.AccountSource) -> [String] {
        switch source.channel {
        case .whatsapp:
            return whatsAppCredentialFiles(source)
        case .telegram:
            return [source.entry["tokenFile"].string, source.isDefault ? source.section["tokenFile"].string : nil]
                .compactMap { $0?.trimmingWhitespace }.filter { !$0.isEmpty }
        case .matrix:
            return [matrixStoredLogin(source)]
        case .zalouser:
            return [zalouserSession(source)]
        case .irc:
            return [source.merged["nickserv"]["passwordFile"].string?.trimmingWhitespace].compactMap { $0 }.filter { !$0.isEmpty }
        default:
            return []
        }
    }

    /// `JSON.parse(value)` yields an object (an inline service-account key).
    func parsesAsObject(_ text: String?) -> Bool {
        guard let trimmed = text?.trimmingWhitespace, trimmed.hasPrefix("{"),
              let node = try? JSON5.parse(trimmed), case .object = node.value else { return false }
        return true
    }
}
