import Foundation
import Testing
@testable import SecurityAudit

/// Every id declared `fixable` has a trigger that `--fix` clears, and no other id claims
/// one: the fixer runs on the example's state, the audit runs again, and the finding is
/// gone. A finding the report marks `[--fix]` in any trigger must change under `--fix`.
struct DeclaredFixExampleTests {
    /// Every trigger of a fixable id: the declared fix examples, which `--fix` clears, and
    /// the others, where `--fix` must change every finding the report marks `[--fix]`.
    static let fixExamples: [CheckCatalogTests.Example] = CheckCatalog.infos.filter(\.fixable).flatMap { info in
        info.triggers.map { CheckCatalogTests.Example(info: info, example: $0, triggers: true) }
    }

    @Test func everyFixableIdAndOnlyThoseHaveAFixExample() {
        for info in CheckCatalog.infos {
            let declared = info.triggers.contains(where: \.clearedByFix)
            #expect(declared == info.fixable, "\(info.id): fixable \(info.fixable), fix example \(declared)")
        }
    }

    @Test(arguments: fixExamples)
    func fixClearsWhatTheReportMarksFixable(_ example: CheckCatalogTests.Example) throws {
        if example.example.files.contains(where: { $0.ownerUID != nil }), getuid() != 0 { return }
        let audit = try exampleAudit(example.example)
        let before = audit.report.findings.filter { example.info.matches($0.checkId) }
        #expect(!before.isEmpty, "expected \(example.info.id) before the fix")
        let marked = before.filter { $0.fixable }
        if example.example.clearedByFix {
            #expect(marked.count == before.count, "the report does not mark \(before.map(\.checkId)) as fixable")
        }
        // A finding the report does not mark `[--fix]` promises nothing.
        guard !marked.isEmpty else { return }

        var environment = audit.environment
        environment["HOME"] = audit.directory.url("home")
        if environment["OPENCLAW_STATE_DIR"] == nil { environment["OPENCLAW_STATE_DIR"] = audit.directory.url("state") }
        var request = AuditRequest(environment: environment, cwd: audit.directory.path, systemHome: nil, loadDotEnv: false)
        request.today = ISODate.dayNumber(BundledAdvisorySnapshot.date)
        let fix = try SecurityFixer.run(request)
        #expect(fix.ok, "the fix failed: \(fix.errors) \(fix.actions.compactMap(\.error))")

        var context = try AuditPreparation.prepare(request)
        if let release = example.example.release {
            context.releaseEvidence.add(ReleaseClaim(source: .flag, text: release))
        }
        let after = Auditor.run(context, timestamp: 0).findings.filter { example.info.matches($0.checkId) }
        if example.example.clearedByFix {
            #expect(after.isEmpty, "--fix left \(after.map { "\($0.checkId): \($0.detail)" })")
        }
        // `[--fix]` means --fix changes what the finding reports.
        let unchanged = marked.filter { finding in after.contains { $0.checkId == finding.checkId && $0.detail == finding.detail } }
        #expect(unchanged.isEmpty, "marked [--fix], but --fix left \(unchanged.map { "\($0.checkId): \($0.detail)" })")
    }
}
