/// One account of one channel plugin, as a channel check sees it, with what it needs to
/// know about the accounts and findings around it.
struct ChannelAccountScope {
    let account: ChannelAccount
    /// The channel has more than one account: findings then name the account.
    let multiAccount: Bool
    let context: AuditContext
    /// How many channel findings (of every channel check, before duplicates are
    /// dropped) came before this check's findings for this account: `warning.<N>`
    /// continues the count from here.
    let channelFindingsBefore: Int
}

/// A check of the channel collector (upstream `src/security/audit-channel.ts`): it runs
/// once per account, in the order the collector visits accounts, so the findings of all
/// channel checks interleave account by account as the original emits them. The catalog
/// lists these checks in `CheckCatalog.channelChecks`; `ChannelSecurityCheck` runs them.
protocol ChannelAccountCheck: Check {
    /// The one channel whose accounts it audits; nil for every channel.
    var channel: KnownChannel? { get }
    /// Also audits accounts that are disabled or have no credentials (the original
    /// reports unresolvable accounts before it skips those).
    var auditsInactiveAccounts: Bool { get }
    func findings(for scope: ChannelAccountScope) -> [Finding]
    /// Findings about all audited accounts together, after every account's findings
    /// (upstream reports DM session collisions last).
    func closingFindings(accounts: [ChannelAccountScope], context: AuditContext) -> [Finding]
}

extension ChannelAccountCheck {
    var channel: KnownChannel? { nil }
    var auditsInactiveAccounts: Bool { false }
    func closingFindings(accounts: [ChannelAccountScope], context: AuditContext) -> [Finding] { [] }

    func audits(_ account: ChannelAccount) -> Bool {
        (channel == nil || channel == account.channel) && (auditsInactiveAccounts || (account.enabled && account.configured))
    }

    /// This check alone over every account, as the collector would run it by itself.
    func findings(in context: AuditContext) -> [Finding] {
        ChannelSecurityCheck(checks: [self]).findings(in: context)
    }

    /// A finding of a declared id whose placeholders (`<accounts>`, `<N>`) are filled in.
    func finding(
        _ id: String, filling values: [String: String], _ severity: Severity, title: String? = nil,
        detail: String, remediation: FindingRemediation = .declared, at location: ConfigNode?
    ) -> Finding {
        var checkId = id
        for (placeholder, value) in values { checkId = checkId.replacingOccurrences(of: placeholder, with: value) }
        return Finding(
            checkId: checkId, severity: severity, title: title ?? info(id).title, detail: detail,
            remediation: remediation.text(declared: info(id).remediation), location: location?.origin)
    }

    /// A finding of a declared id for one channel: `<id>` in the id becomes the channel's
    /// id and `<N>` the number, `<Label>` in the declared title the channel's label.
    func finding(
        _ id: String, for channel: KnownChannel, _ severity: Severity, number: Int? = nil, title: String? = nil,
        detail: String, remediation: FindingRemediation = .declared, at location: ConfigNode?
    ) -> Finding {
        var checkId = id.replacingOccurrences(of: "<id>", with: channel.id)
        if let number { checkId = checkId.replacingOccurrences(of: "<N>", with: String(number)) }
        return Finding(
            checkId: checkId, severity: severity,
            title: title ?? info(id).title.replacingOccurrences(of: "<Label>", with: channel.label),
            detail: detail, remediation: remediation.text(declared: info(id).remediation), location: location?.origin)
    }
}
