import Foundation
import Testing
@testable import SecurityAudit

/// Every id declared `fixable` has a trigger that `--fix` clears, and no other id claims
/// one: the fixer runs on the example's state, the audit runs again, and the finding is
/// gone.
struct DeclaredFixExampleTests {
    static let fixExamples: [CheckCatalogTests.Example] = CheckCatalog.infos.flatMap { info in
        info.triggers.filter(\.clearedByFix).map { CheckCatalogTests.Example(info: info, example: $0, triggers: true) }
    }

    @Test func everyFixableIdAndOnlyThoseHaveAFixExample() {
        for info in CheckCatalog.infos {
            let declared = info.triggers.contains(where: \.clearedByFix)
            #expect(declared == info.fixable, "\(info.id): fixable \(info.fixable), fix example \(declared)")
        }
    }

    @Test(arguments: fixExamples)
    func fixClearsTheFinding(_ example: CheckCatalogTests.Example) throws {
        if example.example.files.contains(where: { $0.ownerUID != nil }), getuid() != 0 { return }
        let audit = try exampleAudit(example.example)
        let before = audit.report.findings.filter { example.info.matches($0.checkId) }
        #expect(!before.isEmpty, "expected \(example.info.id) before the fix")
        let allMarked = before.allSatisfy { $0.fixable }
        #expect(allMarked, "the report does not mark \(before.map(\.checkId)) as fixable")

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
        #expect(after.isEmpty, "--fix left \(after.map { "\($0.checkId): \($0.detail)" })")
    }
}
