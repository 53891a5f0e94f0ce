import Testing
@testable import SecurityAudit

/// `models.legacy`, `models.weak_tier`, `models.small_params` and the model-id parsing
/// behind them. Expected values were computed with the original's regular expressions.
struct ModelChecksTests {
    static let parameterSizes: [(String, Double?)] = [
        ("ollama/llama3.2:3b", 3), ("qwen2.5-72b", 72), ("qwen3-235b-a22b", 235), ("ollama/mistral-8b", 8),
        ("meta-llama/Llama-3.1-8B-Instruct", 8), ("meta-llama/llama-3.1-405b-instruct", 405),
        ("ollama/llama3.1:70b", 70), ("ollama/qwen2.5:0.5b", 0.5), ("ollama/qwen2.5:1.5b", 1.5),
        ("ollama/gemma2:2b", 2), ("ollama/gemma2:27b", 27), ("google/gemma-3-27b-it", 27), ("ollama/phi3:3.8b", 3.8),
        ("mistralai/Mixtral-8x7B-Instruct-v0.1", nil), ("mistralai/mixtral-8x22b", nil),
        ("deepseek-ai/DeepSeek-R1-Distill-Qwen-32B", 32), ("ollama/deepseek-r1:671b", 671), ("ollama/deepseek-r1:1.5b", 1.5),
        ("Qwen/Qwen3-30B-A3B", 30), ("Qwen/Qwen3-Coder-480B-A35B-Instruct", 480), ("openai/gpt-oss-20b", 20),
        ("openai/gpt-oss-120b", 120), ("ollama/codellama:13b", 13), ("ollama/llama2:7b-chat", 7), ("ollama/tinyllama:1.1b", 1.1),
        ("ollama/smollm2:135m", nil), ("ollama/starcoder2:15b", 15), ("ollama/yi:34b", 34), ("ollama/command-r:35b", 35),
        ("ollama/mistral-nemo:12b", 12), ("anthropic/claude-opus-4-5", nil), ("openai/gpt-5", nil),
        ("ollama/llama3.3:70b-instruct-q4_K_M", 70), ("lmstudio/llama-3-8b@q4", 8), ("together/Qwen/Qwen2.5-7B-Instruct-Turbo", 7),
        ("groq/llama-3.1-8b-instant", 8), ("ollama/qwen2.5-coder:32b", 32), ("moonshotai/kimi-k2", nil),
        ("ollama/granite3.1-dense:8b", 8), ("nvidia/llama-3.1-nemotron-70b-instruct", 70), ("ollama/falcon:180b", 180),
        ("ollama/bloom-176b", 176), ("zai/glm-4.5-air", nil), ("ollama/phi4:14b", 14),
        // Edge cases of the expression: non-overlapping matches, a letter before the
        // number, zero, a bare `b`.
        ("x/model-7b-8b", 7), ("x/7B", 7), ("x/e5b", 5), ("ollama/model-0b", nil), ("ollama/model-b", nil),
    ]

    @Test(arguments: parameterSizes)
    func parameterSize(_ id: String, _ expected: Double?) {
        #expect(ModelIdPatterns.parameterBillions(id) == expected)
    }

    @Test func tableCoversThirtyRealModelIds() {
        #expect(Self.parameterSizes.count >= 30)
    }

    static let tiers: [(String, String?, [String])] = [
        ("openai/gpt-3.5-turbo", "GPT-3.5 family", ["Below GPT-5 family"]),
        ("openai/gpt-4-0613", "Legacy GPT-4 snapshots", ["Below GPT-5 family"]),
        ("openai/gpt-4-0314", "Legacy GPT-4 snapshots", ["Below GPT-5 family"]),
        ("openai/gpt-4o-mini", nil, ["Below GPT-5 family"]),
        ("openai/gpt-4.1", nil, ["Below GPT-5 family"]),
        ("openai/gpt-5", nil, []), ("openai/gpt-5.1", nil, []), ("openai/gpt-5-mini", nil, []),
        ("openai/gpt-5o", nil, ["Below GPT-5 family"]), ("openai/gpt-50", nil, ["Below GPT-5 family"]),
        ("anthropic/claude-2.1", "Claude 2/Instant family", ["Below Claude 4.5"]),
        ("anthropic/claude-instant-1.2", "Claude 2/Instant family", ["Below Claude 4.5"]),
        ("anthropic/claude-3-haiku-20240307", nil, ["Haiku tier (smaller model)", "Below Claude 4.5"]),
        ("anthropic/claude-sonnet-4-20250514", nil, ["Below Claude 4.5"]),
        ("anthropic/claude-opus-4-1", nil, ["Below Claude 4.5"]),
        ("anthropic/claude-opus-4-5", nil, []), ("anthropic/claude-opus-4.5", nil, []),
        ("anthropic/claude-sonnet-4-5-20250929", nil, []), ("venice/claude-opus-45", nil, []),
        ("anthropic/claude-haiku-4-5", nil, ["Haiku tier (smaller model)"]),
        ("anthropic/claude-opus-5", nil, []), ("anthropic/claude-4.6", nil, []), ("claude-opus-4-10", nil, []),
        ("openrouter/anthropic/claude-3.7-sonnet", nil, ["Below Claude 4.5"]),
        ("mygpt-4o", nil, []), ("gpt-4-0613x", nil, ["Below GPT-5 family"]), ("Haiku", nil, ["Haiku tier (smaller model)"]),
        // Deliberately stricter than the original, whose regex takes the "-5" of these
        // Claude 3.x ids for a major version 5.
        ("anthropic/claude-3-5-sonnet", nil, ["Below Claude 4.5"]),
        ("anthropic/claude-3-5-haiku-latest", nil, ["Haiku tier (smaller model)", "Below Claude 4.5"]),
        ("claude-3-7-sonnet-latest", nil, ["Below Claude 4.5"]),
    ]

    @Test(arguments: tiers)
    func legacyAndWeakTier(_ id: String, _ legacy: String?, _ reasons: [String]) {
        #expect(ModelHygieneCheck.legacyLabel(id) == legacy)
        #expect(ModelHygieneCheck.weakTierReasons(id) == reasons)
    }

    @Test func hygieneDetailsListSourcesAndCapAtTwelve() throws {
        let fallbacks = (1...13).map { "\"openai/gpt-4o-\($0)\"" }.joined(separator: ", ")
        let report = try auditReport(config: """
            { agents: { defaults: { model: { primary: "openai/gpt-3.5-turbo", fallbacks: [\(fallbacks)] } },
                        entries: { ops: { model: "anthropic/claude-haiku-4-5" } } } }
            """)
        let legacy = try #require(report.findings.first { $0.checkId == "models.legacy" })
        #expect(legacy.detail == "Older/legacy models can be less robust against prompt injection and tool misuse.\n- openai/gpt-3.5-turbo (GPT-3.5 family) @ agents.defaults.model.primary")
        let weak = try #require(report.findings.first { $0.checkId == "models.weak_tier" })
        let lines = weak.detail.split(separator: "\n").map(String.init)
        #expect(lines.first == "Smaller/older models are generally more susceptible to prompt injection and tool misuse.")
        #expect(lines[1] == "- openai/gpt-3.5-turbo (Below GPT-5 family) @ agents.defaults.model.primary")
        #expect(lines[2] == "- openai/gpt-4o-1 (Below GPT-5 family) @ agents.defaults.model.fallbacks")
        #expect(lines.count == 14)
        #expect(lines.last == "…3 more")
        #expect(!weak.detail.contains("agents.entries.ops.model"))
    }

    @Test func modelSourcesUseTheRosterShapeAndKeepIdlessListEntries() throws {
        let entries = try auditReport(config: #"{ agents: { entries: { ops: { model: { primary: "openai/gpt-4o" } } } } }"#)
        #expect(entries.findings.first { $0.checkId == "models.weak_tier" }?.detail.hasSuffix("@ agents.entries.ops.model.primary") == true)
        // A release before 2026.8.1 reads the list as written, id-less entries included.
        let list = try auditReport(config: #"{ meta: { lastTouchedVersion: "2026.7.1" }, agents: { list: [{ model: "openai/gpt-4o" }, { id: "b", model: { fallbacks: ["openai/gpt-4o"] } }] } }"#)
        let detail = try #require(list.findings.first { $0.checkId == "models.weak_tier" }?.detail)
        #expect(detail.contains("- openai/gpt-4o (Below GPT-5 family) @ agents.list..model\n"))
        #expect(detail.hasSuffix("- openai/gpt-4o (Below GPT-5 family) @ agents.list.b.model.fallbacks"))
    }

    @Test func smallParamsDetailNamesSandboxAndExposedTools() throws {
        let report = try auditReport(config: """
            { meta: { lastTouchedVersion: "2026.7.1" }, agents: { defaults: { model: { primary: "ollama/mistral-8b", fallbacks: ["ollama/qwen2.5:0.5b"] }, imageModel: "ollama/llava:7b" },
                        list: [{ id: "boxed", model: "qwen2.5-72b", sandbox: { mode: "all" } }] },
              tools: { web: { fetch: { enabled: false } } }, browser: { enabled: false } }
            """, environment: ["BRAVE_API_KEY": "brave"])
        let finding = try #require(report.findings.first { $0.checkId == "models.small_params" })
        #expect(finding.severity == .critical)
        #expect(finding.detail == """
            Small models (<=300B params) detected:
            - ollama/mistral-8b (8B) @ agents.defaults.model.primary (unsafe; sandbox=off; web=[web_search])
            - ollama/qwen2.5:0.5b (0.5B) @ agents.defaults.model.fallbacks (unsafe; sandbox=off; web=[web_search])
            - qwen2.5-72b (72B) @ agents.list.boxed.model (ok; sandbox=all; web=[off])
            Uncontrolled input tools allowed: web_search.
            Small models are not recommended for untrusted inputs.
            """)
    }

    @Test func smallParamsFollowsTheToolPolicy() throws {
        let denied = try auditReport(config: #"{ agents: { defaults: { model: "ollama/llama3.2:3b" } }, tools: { deny: ["group:web", "browser"] } }"#)
        let finding = try #require(denied.findings.first { $0.checkId == "models.small_params" })
        #expect(finding.severity == .critical)
        #expect(finding.detail.contains("(unsafe; sandbox=off; web=[off])"))
        #expect(finding.detail.contains("No web/browser tools detected for these models."))

        let agentDeny = try auditReport(config: #"{ agents: { entries: { tiny: { model: "ollama/llama3.2:3b", tools: { deny: ["browser"] } } } }, tools: { web: { search: { enabled: true } } } }"#)
        #expect(agentDeny.findings.first { $0.checkId == "models.small_params" }?.detail
            .contains("@ agents.entries.tiny.model (unsafe; sandbox=off; web=[web_search, web_fetch])") == true)
    }

    @Test func webSearchCredentialSources() throws {
        func searchEnabled(_ config: String, _ env: [String: String] = [:]) throws -> Bool {
            let report = try auditReport(config: config, environment: env)
            return report.findings.first { $0.checkId == "models.small_params" }?.detail.contains("web_search") == true
        }
        let base = #"agents: { defaults: { model: "x-8b" } }"#
        #expect(try !searchEnabled("{ \(base) }"))
        #expect(try searchEnabled("{ \(base) }", ["OPENROUTER_API_KEY": "k"]))
        #expect(try searchEnabled("{ \(base), tools: { web: { search: { perplexity: { apiKey: \"p\" } } } } }"))
        #expect(try searchEnabled("{ \(base), plugins: { entries: { exa: { config: { webSearch: { apiKey: \"e\" } } } } } }"))
        #expect(try !searchEnabled("{ \(base), tools: { web: { search: { apiKey: { source: \"env\", id: \"UNSET_KEY\" } } } } }"))
        #expect(try searchEnabled("{ \(base), tools: { web: { search: { apiKey: { source: \"env\", id: \"SET_KEY\" } } } } }", ["SET_KEY": "v"]))
        #expect(try !searchEnabled("{ \(base), tools: { web: { search: { enabled: false, apiKey: \"k\" } } } }", ["BRAVE_API_KEY": "b"]))
    }

    @Test func browserCountsAsEnabledWhenItsConfigIsInvalid() throws {
        let report = try auditReport(config: #"{ agents: { defaults: { model: "x-8b" } }, browser: { enabled: false, cdpUrl: "ftp://x" }, tools: { web: { fetch: { enabled: false } } } }"#)
        #expect(report.findings.first { $0.checkId == "models.small_params" }?.detail.contains("web=[browser]") == true)
    }
}
