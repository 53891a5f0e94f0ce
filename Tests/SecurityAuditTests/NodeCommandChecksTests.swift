import Testing
@testable import SecurityAudit

/// `gateway.nodes.*`: the known-command list, pattern detection, suggestions and both
/// config shapes.
struct NodeCommandChecksTests {
    func finding(_ config: String, _ id: String) throws -> Finding? {
        try auditReport(config: config).findings.first { $0.checkId == id }
    }

    /// February's keys and texts (releases before 2026.8.1 read `allowCommands` /
    /// `denyCommands`).
    @Test func denyTextsWithSuggestions() throws {
        let f = try #require(try finding(
            #"{ meta: { lastTouchedVersion: "2026.2.26" }, gateway: { nodes: { denyCommands: ["system.*", "system.runx", "canvas.a2ui", "camera.lst", "zzzzzzzzzzzz", "  ", "/sms/"] } } }"#,
            "gateway.nodes.deny_commands_ineffective"))
        #expect(f.title == "Some gateway.nodes.denyCommands entries are ineffective")
        #expect(f.detail == """
            gateway.nodes.denyCommands uses exact node command-name matching only (for example `system.run`), not shell-text filtering inside a command payload.
            - Pattern-like entries (not supported by exact matching): system.*, /sms/
            - Unknown command names (not in defaults/allowCommands): system.runx (did you mean: system.run), canvas.a2ui (did you mean: canvas.a2ui.push, canvas.a2ui.pushJSONL, canvas.a2ui.reset), camera.lst (did you mean: camera.list), zzzzzzzzzzzz
            """)
        #expect(f.remediation == "Use exact command names (for example: canvas.present, canvas.hide, canvas.navigate, canvas.eval, canvas.snapshot, canvas.a2ui.push, canvas.a2ui.pushJSONL, canvas.a2ui.reset). If you need broader restrictions, remove risky command IDs from allowCommands/default workflows and tighten tools.exec policy.")
    }

    @Test func laterKeysChangeTheWording() throws {
        let f = try #require(try finding(#"{ gateway: { nodes: { commands: { deny: ["rm -rf"] } } } }"#, "gateway.nodes.deny_commands_ineffective"))
        #expect(f.title == "Some gateway.nodes.commands.deny entries are ineffective")
        #expect(f.detail.hasPrefix("gateway.nodes.commands.deny uses exact node command-name matching only"))
        #expect(f.remediation?.contains("remove risky command IDs from gateway.nodes.commands.allow/default workflows") == true)
        let unknown = try #require(try finding(#"{ gateway: { nodes: { commands: { deny: ["foo.bar"] } } } }"#, "gateway.nodes.deny_commands_ineffective"))
        #expect(unknown.detail.contains("- Unknown command names (not in defaults/gateway.nodes.commands.allow): foo.bar"))

        let allow = try #require(try finding(#"{ gateway: { bind: "tailnet", nodes: { commands: { allow: ["sms.send", "camera.snap"] } } } }"#, "gateway.nodes.allow_commands_dangerous"))
        #expect(allow.severity == .critical)
        #expect(allow.detail == "gateway.nodes.commands.allow includes: camera.snap, sms.send. These commands can trigger high-impact device actions or read sensitive data (desktop input/camera/screen/contacts/calendar/reminders/health/SMS/file).")
    }

    @Test func dangerousAllowTexts() throws {
        let f = try #require(try finding(
            #"{ meta: { lastTouchedVersion: "2026.2.26" }, gateway: { nodes: { allowCommands: ["sms.send", "screen.record", "camera.snap", "camera.clip"], denyCommands: ["camera.clip"] } } }"#,
            "gateway.nodes.allow_commands_dangerous"))
        #expect(f.severity == .warn)
        #expect(f.detail == "gateway.nodes.allowCommands includes: camera.snap, screen.record, sms.send. These commands can trigger high-impact device actions (camera/screen/contacts/calendar/reminders/SMS).")
        #expect(f.remediation == "Remove these entries from gateway.nodes.allowCommands (recommended). If you keep them, treat gateway auth as full operator access and keep gateway exposure local/tailnet-only.")
    }

    @Test func knownCommandsIncludeAllowListAndOptInCommands() throws {
        #expect(try finding(#"{ gateway: { nodes: { denyCommands: ["camera.snap", "sms.send", "system.run.prepare", "notifications.list"] } } }"#, "gateway.nodes.deny_commands_ineffective") == nil)
        #expect(try finding(#"{ gateway: { nodes: { allowCommands: ["my.tool"], denyCommands: ["my.tool"] } } }"#, "gateway.nodes.deny_commands_ineffective") == nil)
    }

    @Test(arguments: [
        ("system.*", true), ("sys?", true), ("[a]", true), ("a|b", true), ("a,b", true), ("(x)", true), ("{x}", true),
        ("/x", true), ("x/", true), ("^x", true), ("x$", true), ("rm -rf", true), ("group:runtime", true),
        ("system.run", false), ("canvas.a2ui.pushJSONL", false),
    ])
    func patternLike(_ entry: String, _ expected: Bool) {
        #expect(NodeCommandPolicy.looksLikePattern(entry) == expected)
    }

    @Test func editDistance() {
        #expect(NodeCommandPolicy.editDistance("kitten", "sitting") == 3)
        #expect(NodeCommandPolicy.editDistance("", "abc") == 3)
        #expect(NodeCommandPolicy.editDistance("same", "same") == 0)
    }
}
