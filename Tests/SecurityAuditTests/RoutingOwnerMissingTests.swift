import Testing
@testable import SecurityAudit

/// `channels.<id>.routing.owner_missing.<accountId>`: accounts whose DMs no binding and no
/// roster owner route, and what that leaves for the session collision analysis.
struct RoutingOwnerMissingTests {
    func channelFindings(_ config: String, release: String = "2026.8.1") throws -> [Finding] {
        try ChannelFixture(config, release: release).findings(ChannelSecurityCheck())
    }

    static let threeAccounts = #"""
    { agents: { entries: { a: {}, b: {} } },
      bindings: [{ agentId: "b", match: { channel: "telegram", accountId: "owned" } }],
      channels: { telegram: { accounts: {
        finite: { botToken: "f", allowFrom: ["1", "2"] },
        open: { botToken: "o", dmPolicy: "open", allowFrom: ["*"] },
        owned: { botToken: "w", allowFrom: ["3"] } } } } }
    """#

    @Test func unboundAccountsOnARosterWithoutOwner() throws {
        let findings = try channelFindings(Self.threeAccounts)
        let owners = findings.filter { $0.checkId.contains(".routing.owner_missing.") }
        #expect(owners.map(\.checkId) == ["channels.telegram.routing.owner_missing.finite", "channels.telegram.routing.owner_missing.open"])
        #expect(owners.allSatisfy { $0.severity == .warn })
        #expect(owners[0].title == "Telegram (account: finite) routing has no explicit owner")
        #expect(owners[0].detail == "Multiple agents are configured, but telegram account finite routing has no explicit owner. Add a channel-wide binding for telegram:finite or configure a sole agent.")
        #expect(owners[0].remediation == "Add a channel-wide binding for telegram:finite or configure a sole agent.")
        #expect(owners.map { $0.location?.range.start.line } == [4, 5])
        // The unowned senders are left out: the two senders of `finite` share no session.
        #expect(!findings.contains { $0.checkId.hasPrefix("channels.dm.session_collision.") })
    }

    @Test func ownerRules() throws {
        let channel = #"channels: { telegram: { botToken: "t", allowFrom: ["1"] } }"#
        func fires(_ agents: String, release: String = "2026.8.1") throws -> Bool {
            try channelFindings("{ agents: \(agents), \(channel) }", release: release)
                .contains { $0.checkId == "channels.telegram.routing.owner_missing.default" }
        }
        #expect(try fires(#"{ entries: { a: {}, b: {} } }"#))
        #expect(try fires(#"{ list: [{ id: "a" }, { id: "b" }] }"#))
        #expect(try fires(#"{ entries: { a: { default: true }, b: { default: true } } }"#))
        #expect(try fires(#"{ ownership: "explicit", entries: { a: { default: true }, b: {} } }"#))
        #expect(try !fires(#"{ entries: { a: { default: true }, b: {} } }"#))
        #expect(try !fires(#"{ ownership: "explicit", entries: { a: {} } }"#))
        #expect(try !fires(#"{ entries: {} }"#))
        #expect(try !fires(#"{ entries: { a: {}, b: {} } }"#, release: "2026.7.1"))
    }

    @Test func aBoundSenderIsOwnedAndStillCollides() throws {
        // Both senders bound to one agent: owned, so no finding, and they share its session.
        let findings = try channelFindings(#"""
        { agents: { entries: { a: {}, b: {} } },
          bindings: [{ agentId: "b", match: { channel: "telegram", peer: { kind: "direct", id: "1" } } },
                     { agentId: "b", match: { channel: "telegram", peer: { kind: "direct", id: "2" } } }],
          channels: { telegram: { botToken: "t", allowFrom: ["1", "2"] } } }
        """#)
        #expect(findings.map(\.checkId).filter { $0.contains("owner_missing") || $0.contains("session_collision") }
            == ["channels.dm.session_collision.telegram-default.1"])
    }
}
