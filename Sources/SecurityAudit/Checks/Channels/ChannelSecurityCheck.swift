/// The channel collector: for every channel plugin and every account that
/// is enabled and configured, in plugin order with the default account first, the
/// name-matching, Discord, Slack, DM-policy, plugin-warning and Telegram findings. Exact
/// duplicates are dropped at the end, after `warning.<N>` took its number from the
/// position it was emitted at.
struct ChannelSecurityCheck: Check {
    let infos = AccountResolutionRule.infos + NameMatchingRule.infos + DiscordRules.infos + ZalouserRules.infos
        + SlackRules.infos + DMPolicyRules.infos + ChannelWarningRule.infos + TelegramRules.infos

    func findings(in context: AuditContext) -> [Finding] {
        var findings: [Finding] = []
        for state in context.channels.channels {
            let multiAccount = state.accounts.count > 1
            for account in state.accounts {
                // Before the enabled/configured gate, as the original reports them.
                findings += AccountResolutionRule.findings(account: account)
                guard account.enabled && account.configured else { continue }
                findings += NameMatchingRule.findings(account: account, multiAccount: multiAccount)
                if account.channel == .discord {
                    findings += DiscordRules.findings(account: account, multiAccount: multiAccount, context: context)
                }
                if account.channel == .zalouser {
                    findings += ZalouserRules.findings(account: account, multiAccount: multiAccount)
                }
                if account.channel == .slack {
                    findings += SlackRules.findings(account: account, context: context)
                }
                findings += DMPolicyRules.findings(account: account, context: context)
                for message in ChannelWarnings.warnings(
                    for: account, groupPolicies: context.groupPolicies, environment: context.environment) {
                    findings.append(ChannelWarningRule.finding(
                        message, account: account, number: findings.count + 1, release: context.openclaw))
                }
                if account.channel == .telegram {
                    findings += TelegramRules.findings(account: account, context: context)
                }
            }
        }
        return Self.droppingDuplicates(findings)
    }

    /// Keeps the first of findings equal in id, severity, title, detail and remediation.
    static func droppingDuplicates(_ findings: [Finding]) -> [Finding] {
        var seen: Set<String> = []
        return findings.filter { finding in
            let key = [finding.checkId, finding.severity.rawValue, finding.title, finding.detail, finding.remediation ?? ""]
                .joined(separator: "\n")
            return seen.insert(key).inserted
        }
    }
}

/// `true`, `false` or `auto` (anything else is unset), as `coerceNativeSetting` reads
/// `commands.native` / `commands.nativeSkills`.
enum NativeCommandSetting {
    /// A provider setting wins over the global one; `auto` and unset mean the plugin's
    /// default, which is on for Discord and Telegram and off elsewhere.
    static func isEnabled(channel: KnownChannel, provider: ConfigNode?, global: ConfigNode?, coerceProvider: Bool = true) -> Bool {
        let providerSet: Bool
        if coerceProvider {
            providerSet = provider?.bool != nil || provider?.string == "auto"
        } else {
            providerSet = provider != nil && provider?.isNull == false
        }
        let setting = providerSet ? provider : global
        if let value = setting?.bool { return value }
        return channel == .discord || channel == .telegram
    }
}
