/// `plugins.allow_phantom_entries` (later-checks §10.1): `plugins.allow` names plugins
/// that are neither installed nor bundled; whoever later installs a plugin with that id
/// is trusted on arrival.
struct PluginAllowPhantomEntriesCheck: Check {
    static let id = "plugins.allow_phantom_entries"

    /// Plugin ids bundled with the product (snapshot of 2026-03-19 plus two later stock
    /// ids); upstream asks its live registry instead.
    static let bundledPluginIds: Set<String> = [
        "acpx", "amazon-bedrock", "anthropic", "bluebubbles", "brave", "byteplus", "chutes",
        "cloudflare-ai-gateway", "copilot-proxy", "device-pair", "diagnostics-otel", "diffs", "discord",
        "elevenlabs", "fal", "feishu", "firecrawl", "github-copilot", "google", "googlechat", "huggingface",
        "imessage", "irc", "kilocode", "kimi", "line", "llm-task", "lobster", "matrix", "mattermost",
        "memory-core", "memory-lancedb", "microsoft", "minimax", "mistral", "modelstudio", "moonshot",
        "msteams", "nextcloud-talk", "nostr", "nvidia", "ollama", "open-prose", "openai", "opencode",
        "opencode-go", "openrouter", "openshell", "perplexity", "phone-control", "qianfan", "qwen-portal-auth",
        "sglang", "signal", "slack", "synology-chat", "synthetic", "talk-voice", "telegram", "thread-ownership",
        "tlon", "together", "twitch", "venice", "vercel-ai-gateway", "vllm", "voice-call", "volcengine",
        "whatsapp", "xai", "xiaomi", "zai", "zalo", "zalouser", "browser", "admin-http-rpc",
    ]
    static let plugin = FileFixture.directory("extensions/some-plugin")

    let infos = [
        CheckInfo(
            id: id,
            title: "plugins.allow contains entries with no matching installed plugin",
            severity: .fixed(.warn),
            rationale: "An allowlisted id with no plugin behind it is a standing invitation: the first plugin installed under that id is trusted without review.",
            remediation: "Remove unused entries from plugins.allow, or verify the expected plugins are installed.",
            triggers: [
                CheckExample(#"{ plugins: { ↓allow: ["some-plugin", "Ghost-Plugin"] } }"#, files: [plugin]),
            ],
            passes: [
                CheckExample(#"{ plugins: { allow: ["Some-Plugin", "discord", "group:plugins", 7] } }"#, files: [plugin]),
                CheckExample(#"{ plugins: { allow: ["ghost"] } }"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        guard let plugins = context.files.plugins, !plugins.names.isEmpty,
              let allow = context.config["plugins"]["allow"].array, !allow.isEmpty
        else { return [] }
        let installed = Set(plugins.names.map { $0.lowercased() })
        let phantom = allow.compactMap(\.string).filter {
            $0 != "group:plugins" && !installed.contains($0.lowercased()) && !Self.bundledPluginIds.contains($0.lowercased())
        }
        guard !phantom.isEmpty else { return [] }
        return [finding(
            Self.id, .warn,
            detail: "The following plugins.allow entries do not correspond to any installed plugin: \(phantom.joined(separator: ", ")).\nPhantom entries could be exploited by registering a new plugin with an allowlisted ID.",
            at: context.config["plugins"]["allow"])]
    }
}
