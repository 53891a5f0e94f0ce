import Foundation
import JSON5
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
        let audit = try exampleAudit(example.example)
        let report = audit.report
        let hits = report.findings.filter { example.info.matches($0.checkId) }
        if example.triggers {
            #expect(!hits.isEmpty, "expected \(example.info.id)")
            if let severity = example.example.severity {
                #expect(hits.contains { $0.severity == severity }, "expected \(severity), got \(hits.map(\.severity))")
            }
            try expectMarkedLocations(of: hits, in: audit)
        } else {
            #expect(hits.isEmpty, "unexpected \(hits.map(\.checkId))")
        }
    }

    /// The findings of a trigger point exactly at the values its `↓` markers stand before
    /// (the same file, line and column SARIF's region gets); a finding that carries a
    /// location needs a marker.
    func expectMarkedLocations(of hits: [Finding], in audit: ExampleAudit) throws {
        let configPath = try #require(audit.report.paths?.configPath)
        var trees: [String: JSON5Node] = [:]
        var expected: [String] = []
        for marked in audit.markedTexts {
            let file = marked.path ?? configPath
            let tree = try JSON5.parse(marked.text)
            trees[file] = tree
            for offset in marked.markerOffsets {
                guard let place = MarkedValue.find(at: offset, in: tree) else {
                    Issue.record("a ↓ at byte \(offset) of \(file) stands before neither a key nor a value: \(marked.text)")
                    continue
                }
                expected.append("\(file):\(place.position.line):\(place.position.column) (\(place.path))")
            }
        }
        var actual: [String] = []
        for hit in hits {
            guard let origin = hit.location else { continue }
            let path = trees[origin.file].flatMap { MarkedValue.path(at: origin.range.start.offset, in: $0) } ?? "?"
            let described = "\(origin.file):\(origin.range.start.line):\(origin.range.start.column) (\(path))"
            if !actual.contains(described) { actual.append(described) }
        }
        #expect(Set(actual) == Set(expected), "findings point at \(actual), markers at \(expected)")
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

/// What a `↓` marker in an example stands before: a member's key (the finding points at
/// that member's value) or a value (an array element), with its key path for messages.
enum MarkedValue {
    struct Place {
        var position: SourcePosition
        var path: String
    }

    static func find(at offset: Int, in node: JSON5Node, path: String = "") -> Place? {
        if node.range.start.offset == offset { return Place(position: node.range.start, path: path.isEmpty ? "(root)" : path) }
        switch node.value {
        case .object(let members):
            for member in members {
                let memberPath = path.isEmpty ? member.key : path + "." + member.key
                if member.keyRange.start.offset == offset { return Place(position: member.value.range.start, path: memberPath) }
                if let place = find(at: offset, in: member.value, path: memberPath) { return place }
            }
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                if let place = find(at: offset, in: element, path: "\(path)[\(index)]") { return place }
            }
        default:
            break
        }
        return nil
    }

    /// The key path of the value that starts at `offset`.
    static func path(at offset: Int, in node: JSON5Node, path: String = "") -> String? {
        if node.range.start.offset == offset { return path.isEmpty ? "(root)" : path }
        switch node.value {
        case .object(let members):
            for member in members {
                let memberPath = path.isEmpty ? member.key : path + "." + member.key
                if let found = self.path(at: offset, in: member.value, path: memberPath) { return found }
            }
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                if let found = self.path(at: offset, in: element, path: "\(path)[\(index)]") { return found }
            }
        default:
            break
        }
        return nil
    }
}

