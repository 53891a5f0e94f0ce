/// `models.legacy` and `models.weak_tier`: configured models that are old or below the
/// recommended tiers, which resist prompt injection and tool misuse less well.
struct ModelHygieneCheck: Check {
    static let maxListedLines = 12

    let infos = [
        CheckInfo(
            id: "models.legacy",
            title: "Some configured models look legacy",
            severity: .fixed(.warn),
            rationale: "GPT-3.5, Claude 2/Instant and early GPT-4 snapshots predate most instruction-hierarchy hardening; a bot that can run tools should not sit on them.",
            remediation: "Prefer modern, instruction-hardened models for any bot that can run tools.",
            triggers: [
                CheckExample(#"{ agents: { defaults: { ↓model: "openai/gpt-3.5-turbo" } } }"#),
                CheckExample(#"{ agents: { list: [{ id: "old", model: { primary: "openai/gpt-5", fallbacks: [↓"anthropic/claude-instant-1.2"] } }] } }"#),
                CheckExample(#"{ agents: { defaults: { imageModel: { ↓primary: "openai/GPT-4-0613" } } } }"#),
            ],
            passes: [
                CheckExample(#"{ agents: { defaults: { model: "openai/gpt-5.2" } } }"#),
                CheckExample(#"{ agents: { defaults: { model: "openai/gpt-3.55" } } }"#),
                CheckExample(#"{ agents: { defaults: { model: "anthropic/claude-2x" } } }"#),
            ]),
        CheckInfo(
            id: "models.weak_tier",
            title: "Some configured models are below recommended tiers",
            severity: .fixed(.warn),
            rationale: "Haiku-class and pre-GPT-5 / pre-Claude-4.5 models follow injected instructions more readily; bots with tools or untrusted inboxes need the strongest tier.",
            remediation: "Use the latest, top-tier model for any bot with tools or untrusted inboxes. Avoid Haiku tiers; prefer GPT-5+ and Claude 4.5+.",
            triggers: [
                CheckExample(#"{ agents: { defaults: { model: { ↓primary: "anthropic/claude-haiku-4-5" } } } }"#),
                CheckExample(#"{ agents: { defaults: { ↓model: "openai/gpt-4o" } } }"#),
                CheckExample(#"{ agents: { defaults: { ↓model: "anthropic/claude-sonnet-4" } } }"#),
                CheckExample(#"{ agents: { entries: { ops: { ↓model: "anthropic/claude-3-5-sonnet" } } } }"#),
            ],
            passes: [
                CheckExample(#"{ agents: { defaults: { model: "anthropic/claude-opus-4-5" } } }"#),
                CheckExample(#"{ agents: { defaults: { model: "anthropic/claude-sonnet-4.6" } } }"#),
                CheckExample(#"{ agents: { defaults: { model: "openai/gpt-5-mini" } } }"#),
                CheckExample(#"{ agents: { defaults: { model: "ollama/llama3.3:70b" } } }"#),
            ]),
    ]


    /// Reasons in the original's order, for one model id.
    static func weakTierReasons(_ id: String) -> [String] {
        let s = ModelIdPatterns.scalars(id)
        var reasons: [String] = []
        if ModelIdPatterns.isHaiku(s) { reasons.append("Haiku tier (smaller model)") }
        if ModelIdPatterns.isGPT(s), !ModelIdPatterns.isGPT5OrHigher(s) { reasons.append("Below GPT-5 family") }
        if ModelIdPatterns.isClaude(s), !ModelIdPatterns.isClaude45OrHigher(s) { reasons.append("Below Claude 4.5") }
        return reasons
    }

    /// The first legacy family the id belongs to.
    static func legacyLabel(_ id: String) -> String? {
        let s = ModelIdPatterns.scalars(id)
        if ModelIdPatterns.isGPT35(s) { return "GPT-3.5 family" }
        if ModelIdPatterns.isClaude2OrInstant(s) { return "Claude 2/Instant family" }
        if ModelIdPatterns.isLegacyGPT4Snapshot(s) { return "Legacy GPT-4 snapshots" }
        return nil
    }

    func findings(in context: AuditContext) -> [Finding] {
        let models = ModelReference.collect(from: context)
        guard !models.isEmpty else { return [] }

        // Weak-tier reasons accumulate per (model, source), first-seen order.
        var weak: [(model: String, source: String, reasons: [String], node: ConfigNode)] = []
        for model in models {
            let reasons = Self.weakTierReasons(model.id)
            guard !reasons.isEmpty else { continue }
            if let index = weak.firstIndex(where: { $0.model == model.id && $0.source == model.source }) {
                for reason in reasons where !weak[index].reasons.contains(reason) { weak[index].reasons.append(reason) }
            } else {
                weak.append((model.id, model.source, reasons, model.node))
            }
        }
        let legacy = models.compactMap { model in Self.legacyLabel(model.id).map { (model, $0) } }

        var out: [Finding] = []
        if !legacy.isEmpty {
            let lines = legacy.map { "- \($0.0.id) (\($0.1)) @ \($0.0.source)" }
            out.append(finding(
                "models.legacy", .warn,
                detail: "Older/legacy models can be less robust against prompt injection and tool misuse.\n" + Self.capped(lines),
                at: legacy[0].0.node))
        }
        if !weak.isEmpty {
            let lines = weak.map { "- \($0.model) (\($0.reasons.joined(separator: "; "))) @ \($0.source)" }
            out.append(finding(
                "models.weak_tier", .warn,
                detail: "Smaller/older models are generally more susceptible to prompt injection and tool misuse.\n" + Self.capped(lines),
                at: weak[0].node))
        }
        return out
    }

    /// The first 12 lines, then `…<N> more`.
    static func capped(_ lines: [String]) -> String {
        let shown = lines.prefix(maxListedLines).joined(separator: "\n")
        return lines.count > maxListedLines ? shown + "\n…\(lines.count - maxListedLines) more" : shown
    }
}
