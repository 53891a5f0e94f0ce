/// `channels.feishu.doc_owner_open_id`: the Feishu doc tool's "create" action shares
/// the new document with whoever asked, so a prompt can obtain document access.
struct FeishuDocToolCheck: Check {
    let infos = [
        CheckInfo(
            id: "channels.feishu.doc_owner_open_id",
            title: "Feishu doc create can grant requester permissions",
            severity: .fixed(.warn),
            rationale: "feishu_doc \"create\" grants the requesting Feishu user access to the document it creates; an untrusted prompt can use that to obtain documents.",
            remediation: "Disable channels.feishu.tools.doc when not needed, and restrict tool access for untrusted prompts.",
            triggers: [
                CheckExample(#"{ channels: { ↓feishu: { appId: "cli_test", appSecret: "secret_test" } } }"#),
                CheckExample(#"{ channels: { feishu: { appId: "cli_test", tools: { ↓doc: false }, accounts: { ops: { appSecret: { source: "env", id: "FEISHU_SECRET" }, tools: { doc: true } } } } } }"#),
            ],
            passes: [
                CheckExample(#"{ channels: { feishu: { appId: "cli_test", appSecret: "secret_test", tools: { doc: false } } } }"#),
                CheckExample(#"{ channels: { feishu: { enabled: false, appId: "cli_test", appSecret: "secret_test" } } }"#),
                CheckExample(#"{ channels: { feishu: { appId: "cli_test" } } }"#),
                CheckExample(#"{ channels: { feishu: { appId: "cli_test", appSecret: "s", accounts: { ops: { enabled: false } } } } }"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        guard let feishu = context.config["channels"]["feishu"], Self.isDocToolEnabled(feishu) else { return [] }
        return [finding(
            "channels.feishu.doc_owner_open_id", .warn,
            detail: "channels.feishu tools include \"doc\"; feishu_doc action \"create\" can grant document access to the trusted requesting Feishu user.",
            at: feishu["tools"]["doc"] ?? feishu)]
    }

    /// The channel is on, has app credentials (top level or per account) and the doc
    /// tool is not switched off for that account.
    static func isDocToolEnabled(_ feishu: ConfigNode) -> Bool {
        guard feishu.object != nil, feishu["enabled"].bool != false else { return false }
        let baseTools = feishu["tools"].flatMap { $0.object != nil ? $0 : nil }
        let baseAppId = !(feishu["appId"].string?.trimmingWhitespace.isEmpty ?? true)
        let baseAppSecret = SecretInput.isConfigured(feishu["appSecret"])
        guard let accounts = feishu["accounts"].object, !accounts.isEmpty else {
            return baseTools["doc"].bool != false && baseAppId && baseAppSecret
        }
        return accounts.entries.contains { _, account in
            guard account["enabled"].bool != false else { return false }
            let tools = account["tools"].flatMap { $0.object != nil ? $0 : nil } ?? baseTools
            guard tools["doc"].bool != false else { return false }
            let appId = baseAppId || !(account["appId"].string?.trimmingWhitespace.isEmpty ?? true)
            return appId && (baseAppSecret || SecretInput.isConfigured(account["appSecret"]))
        }
    }
}
