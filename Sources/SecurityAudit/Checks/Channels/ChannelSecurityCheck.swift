/// The channel collector: for every channel plugin and every account, in plugin order
/// with the default account first, each channel check in catalog order
/// (`CheckCatalog.channelChecks`). Exact duplicates are dropped at the end, after
/// `warning.<N>` took its number from the position it was emitted at.
struct ChannelSecurityCheck: Check {
    let checks: [any ChannelAccountCheck]

    init(checks: [any ChannelAccountCheck] = CheckCatalog.channelChecks) {
        self.checks = checks
    }

    var infos: [CheckInfo] { checks.flatMap(\.infos) }

    func findings(in context: AuditContext) -> [Finding] {
        // Findings of ids the audited release does not have are left out here, not only
        // by the auditor's gate: `warning.<N>` counts the findings before it, so they must
        // not take a number upstream's release would not have given.
        let gate = ReleaseGate(release: context.openclaw)
        var findings: [Finding] = []
        var audited: [ChannelAccountScope] = []
        for state in context.channels.channels {
            let multiAccount = state.accounts.count > 1
            for account in state.accounts {
                if account.enabled && account.configured {
                    audited.append(ChannelAccountScope(
                        account: account, multiAccount: multiAccount, context: context, channelFindingsBefore: 0))
                }
                for check in checks where check.audits(account) {
                    findings += check.findings(for: ChannelAccountScope(
                        account: account, multiAccount: multiAccount, context: context,
                        channelFindingsBefore: findings.count)).filter { gate.runs($0.checkId) }
                }
            }
        }
        for check in checks {
            findings += check.closingFindings(accounts: audited, context: context).filter { gate.runs($0.checkId) }
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
