import Foundation
import JSON5
import Testing
@testable import SecurityAudit

struct SuppressionTests {
    /// Two warn findings (`logging.redact_off`, `discovery.mdns_full_mode` on loopback)
    /// and whatever suppressions the test adds.
    func report(_ suppressions: String, at timestamp: Int64 = 0) throws -> AuditReport {
        let dir = try TemporaryDirectory()
        return try auditReport(in: dir, config: """
            {
              logging: { redactSensitive: 'off' },
              discovery: { mdns: { mode: 'full' } },
              security: { audit: { suppressions: \(suppressions) } },
            }
            """, timestamp: timestamp)
    }

    func ids(_ findings: [Finding]) -> [String] { findings.map(\.checkId) }

    @Test func suppressedFindingsLeaveFindingsAndSummaryAndTheMarkerComesLast() throws {
        let report = try report("[{ checkId: 'logging.redact_off', reason: '  lab machine  ' }]")
        #expect(!ids(report.findings).contains("logging.redact_off"))
        #expect(ids(report.findings).contains("discovery.mdns_full_mode"))
        #expect(report.suppressedFindings.map(\.finding.checkId) == ["logging.redact_off"])
        #expect(report.suppressedFindings.first?.reason == "lab machine")
        let plain = try self.report("[]")
        // One warn moved out; configured suppressions are themselves a dangerous flag
        // (one finding per flag since 2026.5.18).
        #expect(report.findings.contains { $0.detail == "Detected enabled flag: security.audit.suppressions configured (1)." })
        #expect(report.summary.warn == plain.summary.warn - 1 + 1)
        #expect(report.summary.info == plain.summary.info + 1)
        let marker = try #require(report.findings.last)
        #expect(marker.checkId == "security.audit.suppressions.active")
        #expect(marker.severity == .info)
        #expect(marker.title == "Security audit suppressions configured")
        #expect(marker.detail == "security.audit.suppressions has 1 configured suppression(s); 1 finding(s) moved to suppressedFindings.")
        #expect(marker.remediation == "Review suppressedFindings and remove suppressions when the accepted risk no longer applies.")
        #expect(report.configuredSuppressions == 1)
    }

    @Test func jsonPutsSuppressedFindingsAfterFindingsWithTheirReason() throws {
        let report = try report("[{ checkId: 'logging.redact_off', reason: 'accepted' }, { checkId: 'discovery.mdns_full_mode', reason: '   ' }]")
        let text = JSONReporter().render(report)
        let root = try JSON5.parse(text)
        #expect(root.members?.map(\.key) == ["ts", "summary", "findings", "suppressedFindings", "openclaw"])
        let suppressed = try #require(root[key: "suppressedFindings"]?.elements)
        #expect(suppressed.map { $0.members?.map(\.key) ?? [] } == [
            ["checkId", "severity", "title", "detail", "remediation", "suppression"],
            ["checkId", "severity", "title", "detail", "remediation", "suppression"],
        ])
        // Emission order: the mdns check runs before the logging one.
        #expect(suppressed.map { $0[key: "checkId"]?.asString } == ["discovery.mdns_full_mode", "logging.redact_off"])
        #expect(suppressed[0][key: "suppression"]?.members?.isEmpty == true)
        #expect(suppressed[1][key: "suppression"]?[key: "reason"]?.asString == "accepted")
        #expect(root[key: "summary"]?[key: "warn"]?.asDouble == Double(try self.report("[]").summary.warn - 2 + 1))
        #expect(try ProjectFile.reportSchema.get().validate(root) == [])
    }

    @Test func textSaysHowManyAreConfigured() throws {
        let text = TextReporter(colors: false, profile: nil).render(try report("[{ checkId: 'logging.redact_off' }, { checkId: 'x' }]"))
        #expect(text.contains(" info\nSuppressed: 2 configured\nOpenClaw release: "))
        let none = TextReporter(colors: false, profile: nil).render(try report("[{ checkId: 'x' }]"))
        #expect(!none.contains("Suppressed:"))
    }

    @Test func matchingIsTheOriginalsRule() throws {
        // Trimmed id, case-insensitive substrings; the first matching entry gives the reason.
        let report = try report("""
            [
              { checkId: 'logging.redact', reason: 'prefix of an id: no match' },
              { checkId: ' logging.redact_off ', titleIncludes: ' REDACTION ', detailIncludes: 'LEAK SECRETS', reason: 'first' },
              { checkId: 'logging.redact_off', reason: 'second' },
              { checkId: 'discovery.mdns_full_mode', detailIncludes: 'not in the detail' },
            ]
            """)
        #expect(report.suppressedFindings.map(\.reason) == ["first"])
        #expect(ids(report.findings).contains("discovery.mdns_full_mode"))
        let stale = try #require(report.findings.first { $0.checkId == "security.audit.suppressions.stale" })
        #expect(stale.detail == "security.audit.suppressions[0] (logging.redact); security.audit.suppressions[3] (discovery.mdns_full_mode) match no finding.")
        #expect(stale.severity == .info)
        #expect(stale.location?.range.start.line == 5)
    }

    @Test func reportFindingsAreNeverSuppressed() throws {
        let report = try report("[{ checkId: 'security.audit.suppressions.active' }, { checkId: 'security.audit.suppressions.stale' }]")
        #expect(report.suppressedFindings.isEmpty)
        #expect(ids(report.findings).suffix(2) == ["security.audit.suppressions.stale", "security.audit.suppressions.active"])
    }

    @Test func noMarkerWithoutANonEmptyArray() throws {
        for value in ["[]", "{ checkId: 'logging.redact_off' }", "'logging.redact_off'", "null"] {
            let report = try report(value)
            #expect(!ids(report.findings).contains { $0.hasPrefix("security.audit.suppressions") }, "\(value)")
            #expect(report.suppressedFindings.isEmpty)
        }
    }

    @Test func aDateSuppressesThroughThatWholeDayInUTC() throws {
        let suppressions = "[{ checkId: 'logging.redact_off', expires: '2026-06-30', reason: 'until the migration' }]"
        let lastMoment = try report(suppressions, at: epochMilliseconds("2026-06-30T23:59:59.999Z"))
        #expect(lastMoment.suppressedFindings.count == 1)
        #expect(!ids(lastMoment.findings).contains("security.audit.suppressions.expired"))

        let nextDay = try report(suppressions, at: epochMilliseconds("2026-07-01T00:00:00.000Z"))
        #expect(nextDay.suppressedFindings.isEmpty)
        #expect(ids(nextDay.findings).contains("logging.redact_off"))
        let expired = try #require(nextDay.findings.first { $0.checkId == "security.audit.suppressions.expired" })
        #expect(expired.severity == .warn)
        #expect(expired.detail == "security.audit.suppressions[0] (logging.redact_off) expired 2026-06-30 (1 finding(s) reported again).")
        #expect(expired.location?.range.start.line == 4)
        // An expired entry is not also stale, and the marker still counts it.
        #expect(!ids(nextDay.findings).contains("security.audit.suppressions.stale"))
        #expect(nextDay.findings.last?.detail == "security.audit.suppressions has 1 configured suppression(s); 0 finding(s) moved to suppressedFindings.")
    }

    @Test func aDateTimeExpiresAtThatInstant() throws {
        let suppressions = "[{ checkId: 'logging.redact_off', expires: '2026-06-30T18:00:00+02:00' }]"
        #expect(try report(suppressions, at: epochMilliseconds("2026-06-30T15:59:59.999Z")).suppressedFindings.count == 1)
        let expired = try report(suppressions, at: epochMilliseconds("2026-06-30T16:00:00.000Z"))
        #expect(expired.suppressedFindings.isEmpty)
        #expect(ids(expired.findings).contains("security.audit.suppressions.expired"))
    }

    @Test func unusableEntriesAreReportedAndSuppressNothing() throws {
        let report = try report("""
            [
              { titleIncludes: 'redaction' },
              { checkId: 'logging.redact_off', expires: 'end of June' },
              { checkId: 'logging.redact_off', expires: '2026-02-29' },
              'logging.redact_off',
              { checkId: 42 },
              { checkId: 'discovery.mdns_full_mode', reason: 7 },
            ]
            """)
        #expect(report.suppressedFindings.isEmpty)
        let invalid = try #require(report.findings.first { $0.checkId == "security.audit.suppressions.invalid" })
        #expect(invalid.severity == .warn)
        #expect(invalid.detail == """
            security.audit.suppressions[0]: checkId is missing or empty; \
            security.audit.suppressions[1]: expires "end of June" is not a date (YYYY-MM-DD or an RFC 3339 date-time); \
            security.audit.suppressions[2]: expires "2026-02-29" is not a date (YYYY-MM-DD or an RFC 3339 date-time); \
            security.audit.suppressions[3]: not an object with a checkId; \
            security.audit.suppressions[4]: checkId is not a string; \
            security.audit.suppressions[5]: reason is not a string. These entries suppress nothing.
            """)
        #expect(report.findings.last?.detail.hasPrefix("security.audit.suppressions has 6 configured suppression(s); 0 finding(s)") == true)
    }

    @Test func expiryParsing() {
        let day = ISODate.millisecondsPerDay
        #expect(ISODate.expiryInstant("1970-01-01") == day)
        #expect(ISODate.expiryInstant("2024-02-29") == epochMilliseconds("2024-03-01T00:00:00Z"))
        #expect(ISODate.expiryInstant("2026-06-30T18:00:00Z") == epochMilliseconds("2026-06-30T18:00:00Z"))
        #expect(ISODate.expiryInstant("2026-06-30t18:00:00.5z") == epochMilliseconds("2026-06-30T18:00:00.500Z"))
        #expect(ISODate.expiryInstant("2026-06-30T18:00:00.123456-05:30") == epochMilliseconds("2026-06-30T23:30:00.123Z"))
        for bad in ["2023-02-29", "2026-13-01", "2026-00-10", "2026-6-30", "2026-06-30T25:00:00Z", "2026-06-30T18:00:00",
                    "2026-06-30T18:00Z", "2026-06-30 18:00:00Z", "2026-06-30T18:00:00.Z", "2026-06-30T18:00:00+0200", "20260630", ""] {
            #expect(ISODate.expiryInstant(bad) == nil, "\(bad)")
        }
    }

    @Test func calendarArithmeticAgreesWithFoundation() {
        #expect(ISODate.format(epochMilliseconds: 0) == "1970-01-01T00:00:00.000Z")
        #expect(ISODate.format(epochMilliseconds: -1) == "1969-12-31T23:59:59.999Z")
        #expect(ISODate.format(epochMilliseconds: 951_782_400_000) == "2000-02-29T00:00:00.000Z")
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var ms: Int64 = -2_208_988_800_000 // 1900-01-01
        while ms < 4_102_444_800_000 { // 2100-01-01
            let expected = formatter.string(from: Date(timeIntervalSince1970: Double(ms) / 1000))
            #expect(ISODate.format(epochMilliseconds: ms) == expected)
            ms += 86_400_000 * 37 + 3_601_000
        }
    }
}
