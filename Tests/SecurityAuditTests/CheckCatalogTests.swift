import Foundation
import Testing
@testable import SecurityAudit

/// One test for every declared example of every check (the SwiftLint way): triggers
/// must produce the id (with the declared severity), passes must not.
struct CheckCatalogTests {
    struct Example: CustomTestStringConvertible, Sendable {
        let info: CheckInfo
        let example: CheckExample
        let triggers: Bool
        var testDescription: String { "\(info.id) \(triggers ? "triggers" : "passes"): \(example.config)" }
    }

    static let examples: [Example] = CheckCatalog.infos.flatMap { info in
        info.triggers.map { Example(info: info, example: $0, triggers: true) }
            + info.passes.map { Example(info: info, example: $0, triggers: false) }
    }

    @Test(arguments: examples)
    func declaredExample(_ example: Example) throws {
        // Changing a file's owner needs root; such examples only run as root.
        if example.example.files.contains(where: { $0.ownerUID != nil }), getuid() != 0 { return }
        let report = try auditReport(example: example.example)
        let hits = report.findings.filter { example.info.matches($0.checkId) }
        if example.triggers {
            #expect(!hits.isEmpty, "expected \(example.info.id)")
            if let severity = example.example.severity {
                #expect(hits.contains { $0.severity == severity }, "expected \(severity), got \(hits.map(\.severity))")
            }
        } else {
            #expect(hits.isEmpty, "unexpected \(hits.map(\.checkId))")
        }
    }

    @Test func everyCheckDeclaresATriggerAndWellFormedInfo() {
        for info in CheckCatalog.infos {
            #expect(!info.triggers.isEmpty, "\(info.id) has no trigger example")
            #expect(!info.title.isEmpty && !info.rationale.isEmpty, "\(info.id) lacks title or rationale")
        }
    }

    @Test func idsAreUniqueAndPendingIdsAreNotImplemented() {
        let ids = CheckCatalog.infos.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(Set(ids).isDisjoint(with: CheckCatalog.pendingIDs))
        #expect(Set(CheckCatalog.pendingIDs).count == CheckCatalog.pendingIDs.count)
    }

    static let baselineIDs: [String] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/baseline-check-ids.txt")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }()

    @Test func baselineListIsLoaded() {
        #expect(Self.baselineIDs.count == 110)
    }

    /// Every baseline id (`Tests/Fixtures/baseline-check-ids.txt`) is in the catalog; the ones still pending are reported as
    /// known issues, one each, so the gap shows in every test run.
    @Test(arguments: baselineIDs)
    func baselineCheckIsImplemented(_ id: String) {
        let implemented = CheckCatalog.infos.contains { $0.id == id }
        let pending = CheckCatalog.pendingIDs.contains(id)
        #expect(implemented || pending, "\(id) is missing from the catalog")
        if pending {
            withKnownIssue("\(id) is declared but not implemented yet") {
                #expect(implemented)
            }
        }
    }
}
