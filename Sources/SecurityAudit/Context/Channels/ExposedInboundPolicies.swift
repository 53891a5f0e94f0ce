/// The open inbound policies the exposure matrix (`security.exposure.open_groups_with_*`)
/// counts, as the audited release counts them. Upstream PR #92883 (merged 2026-06-14,
/// first in 2026.6.9) extended `collectExposureMatrixFindings` in
/// `src/security/audit-extra.sync.ts` from open `groupPolicy` to every open inbound
/// policy, DMs included (`src/security/audit-open-inbound.ts`), and reworded the findings
/// ("Open group/DM policy …"). Before it, an open DM left only the multi-user heuristic.
struct ExposedInboundPolicies {
    static let openDMsCountSince = OpenClawVersion(major: 2026, minor: 6, patch: 9)

    /// The open paths, in the order the release lists them.
    let policies: [OpenInboundPolicy]
    /// Whether DM policies count (and the texts speak of groups and DMs).
    let countsDMs: Bool

    init(context: AuditContext) {
        countsDMs = context.openclaw.isAtLeast(Self.openDMsCountSince)
        policies = countsDMs
            ? context.channels.openPolicies
            : OpenInboundPolicies.findGroupPoliciesOfChannelsAndAccounts(in: context.config)
    }

    /// `Found inbound policy="open" at:` (or February's `groupPolicy`) and one line per path.
    var header: String {
        (countsDMs ? "Found inbound policy=\"open\" at:\n" : "Found groupPolicy=\"open\" at:\n")
            + policies.map { "- \($0.path)" }.joined(separator: "\n")
    }
}
