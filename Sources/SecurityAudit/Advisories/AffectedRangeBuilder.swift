/// Turns an OSV range's `events` (in the order written, as GitHub writes them) into
/// intervals: each `introduced` opens one, the next `fixed`, `last_affected` or `limit`
/// closes it; one left open has no end. Shared by the OSV reader and the bundled
/// snapshot, so both read bounds the same way.
enum AffectedRangeBuilder {
    enum EventKind: String, Sendable, CaseIterable {
        case introduced
        case fixed
        case lastAffected = "last_affected"
        case limit
    }

    /// Why an event cannot be read; the caller adds where it is.
    struct Problem: Error, Equatable {
        var message: String
        /// Index of the event in the list.
        var index: Int
    }

    static func ranges(_ events: [(kind: EventKind, version: String)]) throws(Problem) -> [AffectedRange] {
        var ranges: [AffectedRange] = []
        var open: AffectedRange.Start?
        for (index, event) in events.enumerated() {
            switch event.kind {
            case .introduced:
                let start = try self.start(event.version, index: index)
                // A second `introduced` before any end extends nothing: the first start stands.
                if open == nil { open = start }
            case .fixed, .lastAffected, .limit:
                guard let version = OpenClawVersion(event.version) else {
                    throw Problem(message: "\(event.kind.rawValue) \"\(event.version)\" is not a version this tool can order", index: index)
                }
                let end: AffectedRange.End
                switch event.kind {
                case .fixed: end = .fixed(version)
                case .lastAffected: end = .lastAffected(version)
                default: end = .limit(version)
                }
                // An end without an `introduced`: affected from the beginning.
                ranges.append(AffectedRange(start: open ?? .everything, end: end))
                open = nil
            }
        }
        if let open { ranges.append(AffectedRange(start: open, end: .none)) }
        return ranges
    }

    private static func start(_ text: String, index: Int) throws(Problem) -> AffectedRange.Start {
        let trimmed = text.trimmingWhitespace
        if trimmed == "0" { return .everything }
        if trimmed.hasSuffix("-0"), let base = OpenClawVersion(String(trimmed.dropLast(2))), base.prerelease.isEmpty {
            return .base(base)
        }
        guard let version = OpenClawVersion(trimmed) else {
            throw Problem(message: "introduced \"\(text)\" is not a version this tool can order", index: index)
        }
        return .version(version)
    }
}
