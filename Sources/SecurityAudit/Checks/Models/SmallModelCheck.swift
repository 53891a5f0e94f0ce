/// `models.small_params`: small models (300B parameters or fewer, read from the model
/// id) are easier to steer with injected text, so they should only run fully sandboxed
/// and without tools that pull in untrusted web content.
struct SmallModelCheck: Check {
    static let maxSmallParamsB = 300.0

    let infos = [
        CheckInfo(
            id: "models.small_params",
            title: "Small models require sandboxing and web tools disabled",
            severity: .varies(default: .critical, rule: "critical when a small model runs without sandbox mode \"all\" or with web_search / web_fetch / browser available, else info"),
            rationale: "Small models follow instructions found in web pages and messages far more readily; with tools and no sandbox that becomes command execution on the host.",
            remediation: "Run small models with agents.defaults.sandbox.mode=\"all\" and tools.deny=[\"group:web\",\"browser\"].",
            triggers: [
                CheckExample(#"{ agents: { defaults: { model: { ↓primary: "ollama/mistral-8b" }, sandbox: { mode: "all" } } }, tools: { web: { search: { enabled: false }, fetch: { enabled: false } } }, browser: { enabled: false } }"#, severity: .info),
                CheckExample(#"{ agents: { defaults: { model: { ↓primary: "ollama/mistral-8b" } } }, browser: { enabled: false }, tools: { web: { fetch: { enabled: false } } } }"#, severity: .critical),
                CheckExample(#"{ agents: { defaults: { ↓model: "ollama/llama3.2:3b", sandbox: { mode: "all" } } } }"#, severity: .info),
                CheckExample(#"{ agents: { defaults: { ↓model: "ollama/llama3.2:3b", sandbox: { mode: "all" } } }, tools: { sandbox: { tools: { allow: ["web_fetch"] } } } }"#, severity: .critical),
                CheckExample(#"{ agents: { list: [{ id: "tiny", ↓model: "qwen2.5-72b", sandbox: { mode: "all" } }] }, tools: { web: { search: { apiKey: "brave-key" } } } }"#, severity: .info),
                CheckExample(#"{ agents: { defaults: { model: "openai/gpt-5" }, list: [{ id: "tiny", model: { ↓primary: "qwen3-235b-a22b" } }] } }"#, severity: .critical),
            ],
            passes: [
                CheckExample(#"{ agents: { defaults: { model: "openai/gpt-5" } } }"#),
                CheckExample(#"{ agents: { defaults: { model: "meta/llama-3.1-405b" } } }"#),
                CheckExample(#"{ agents: { defaults: { imageModel: "ollama/llava:7b" } } }"#),
                CheckExample(#"{ agents: { defaults: { model: "anthropic/claude-opus-4-5" } } }"#),
            ]),
    ]

    struct SmallModel {
        var reference: ModelReference
        var paramsB: Double
    }

    func findings(in context: AuditContext) -> [Finding] {
        let small = ModelReference.collect(from: context)
            .filter { !$0.isImageModel }
            .compactMap { ref in
                ModelIdPatterns.parameterBillions(ref.id).flatMap { $0 <= Self.maxSmallParamsB ? SmallModel(reference: ref, paramsB: $0) : nil }
            }
        guard !small.isEmpty else { return [] }

        let webSearch = Self.isWebSearchEnabled(context)
        let webFetch = context.config["tools"]["web"]["fetch"]["enabled"].bool != false
        let browser = BrowserControlConfig.isEnabled(config: context.config, environment: context.environment)

        var hasUnsafe = false
        var exposedUnion: [String] = []
        var lines: [String] = []
        for model in small {
            let chain = context.toolPolicy(for: model.reference.agent)
            var exposed: [String] = []
            if webSearch, chain.allows("web_search") { exposed.append("web_search") }
            if webFetch, chain.allows("web_fetch") { exposed.append("web_fetch") }
            if browser, chain.allows("browser") { exposed.append("browser") }
            for tool in exposed where !exposedUnion.contains(tool) { exposedUnion.append(tool) }
            let safe = chain.sandboxMode == "all" && exposed.isEmpty
            if !safe { hasUnsafe = true }
            let web = exposed.isEmpty ? "off" : exposed.joined(separator: ", ")
            lines.append("- \(model.reference.id) (\(JavaScriptNumber.format(model.paramsB))B) @ \(model.reference.source) (\(safe ? "ok" : "unsafe"); sandbox=\(chain.sandboxMode); web=[\(web)])")
        }
        let exposure = exposedUnion.isEmpty
            ? "No web/browser tools detected for these models."
            : "Uncontrolled input tools allowed: \(exposedUnion.joined(separator: ", "))."
        return [finding(
            "models.small_params", hasUnsafe ? .critical : .info,
            detail: "Small models (<=300B params) detected:\n\(lines.joined(separator: "\n"))\n\(exposure)\nSmall models are not recommended for untrusted inputs.",
            remediation: "If you must use small models, enable sandboxing for all sessions (agents.defaults.sandbox.mode=\"all\") and disable web_search/web_fetch/browser (tools.deny=[\"group:web\",\"browser\"]).",
            at: small[0].reference.node)]
    }

    /// `tools.web.search.enabled`, or when unset, whether a search credential exists:
    /// an `apiKey` in `tools.web.search` (or one of its provider blocks) or in a
    /// plugin's `webSearch` config, or a Brave / Perplexity / OpenRouter key in the
    /// environment.
    static func isWebSearchEnabled(_ context: AuditContext) -> Bool {
        let search = context.config["tools"]["web"]["search"]
        if let enabled = search["enabled"].bool { return enabled }
        if ["BRAVE_API_KEY", "PERPLEXITY_API_KEY", "OPENROUTER_API_KEY"].contains(where: { context.env($0) != nil }) {
            return true
        }
        let pluginSearch = (context.config["plugins"]["entries"].object?.entries ?? []).map { $0.value["config"]["webSearch"] }
        return ([search] + pluginSearch).contains { hasSearchCredential($0, context: context) }
    }

    /// An `apiKey` directly in the block or in one of its child objects.
    static func hasSearchCredential(_ block: ConfigNode?, context: AuditContext) -> Bool {
        guard let object = block?.object else { return false }
        if isCredential(object["apiKey"], context: context) { return true }
        return object.entries.contains { $0.value.object != nil && isCredential($0.value["apiKey"], context: context) }
    }

    /// A non-blank string, a SecretRef, or an env SecretRef whose variable is set.
    static func isCredential(_ node: ConfigNode?, context: AuditContext) -> Bool {
        if let ref = SecretReference.parse(node, config: context.config), ref.source == "env" {
            return context.env(ref.id) != nil
        }
        return SecretInput.isConfigured(node)
    }
}
