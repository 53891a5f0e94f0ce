import Foundation
import Testing
@testable import SecurityAudit

/// A `Check` the catalog does not list never runs, silently. The sources are read for
/// every type that conforms to `Check` (in its declaration or an extension), so no
/// second hand-kept list can drift from the catalog.
struct CatalogCompletenessTests {
    static let sourcesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/SecurityAudit")

    /// Names of the types whose declaration or extension lists `Check`, or a protocol
    /// that refines it (`ChannelAccountCheck`), among its conformances.
    static func conformingTypeNames() throws -> Set<String> {
        let declaration = try Regex(#"(?m)^[ \t]*(?:(?:public|internal|fileprivate|private|package|final)[ \t]+)*(struct|class|enum|actor|extension|protocol)[ \t]+(\w+)(?:<[^>{]*>)?[ \t]*:([^{]*)\{"#)
        var conformances: [(kind: String, name: String, conformsTo: [String])] = []
        let files = FileManager.default.enumerator(atPath: sourcesDirectory.path)
        while let relative = files?.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            let text = try String(contentsOf: sourcesDirectory.appendingPathComponent(relative), encoding: .utf8)
            for match in text.matches(of: declaration) {
                let list = String(match.output[3].substring ?? "")
                    .split(whereSeparator: { $0 == "," || $0 == "&" })
                    .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                    .map { $0.hasPrefix("SecurityAudit.") ? String($0.dropFirst("SecurityAudit.".count)) : $0 }
                conformances.append((String(match.output[1].substring ?? ""), String(match.output[2].substring ?? ""), list))
            }
        }
        var checkProtocols: Set<String> = ["Check"]
        while true {
            let refined = conformances.filter { $0.kind == "protocol" && !checkProtocols.isDisjoint(with: $0.conformsTo) }.map(\.name)
            if checkProtocols.isSuperset(of: refined) { break }
            checkProtocols.formUnion(refined)
        }
        return Set(conformances.filter { $0.kind != "protocol" && !checkProtocols.isDisjoint(with: $0.conformsTo) }.map(\.name))
    }

    @Test func everyCheckTypeIsInTheCatalog() throws {
        let declared = try Self.conformingTypeNames()
        let listed = Set((CheckCatalog.checks + CheckCatalog.channelChecks.map { $0 as any Check }).map { String(describing: type(of: $0)) })
        #expect(declared.count >= listed.count, "the source scan found \(declared.count) Check types, the catalog lists \(listed.count)")
        #expect(declared.subtracting(listed).isEmpty, "Check types the catalog does not list: \(declared.subtracting(listed).sorted())")
    }
}
