import Foundation
import Testing
@testable import SecurityAudit

/// Remediation defaults to the declared one: a finding that would say what its
/// declaration says passes nothing. The sources are read for `remediation:` followed by
/// a declared text written again as a string literal; each text may appear once for
/// every declaration that has it, no more.
struct DeclaredRemediationTests {
    static let sourcesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/SecurityAudit")

    /// The ways a text is written as a Swift literal in these sources.
    static func literals(of text: String) -> [String] {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return ["\"" + escaped + "\"", "#\"" + text + "\"#"]
    }

    @Test func noFindingRepeatsItsDeclaredRemediation() throws {
        var sources = ""
        let files = FileManager.default.enumerator(atPath: Self.sourcesDirectory.path)
        while let relative = files?.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            sources += try String(contentsOf: Self.sourcesDirectory.appendingPathComponent(relative), encoding: .utf8)
        }
        let infos = CheckCatalog.infos
        var declarations: [String: Int] = [:]
        for info in infos {
            if let text = info.remediation { declarations[text, default: 0] += 1 }
        }
        var checked = 0
        for (text, count) in declarations {
            let written = Self.literals(of: text).map { sources.components(separatedBy: "remediation: " + $0).count - 1 }.reduce(0, +)
            if written > 0 { checked += 1 }
            #expect(written <= count, "\"\(text)\" is declared \(count) time(s) but written \(written) times: the finding should take the declared text")
        }
        #expect(checked > 50, "only \(checked) declared remediations were found in the sources")
    }
}
