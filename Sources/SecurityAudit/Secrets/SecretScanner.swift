/// Finds secrets in a window of bytes: the keyword pass, then the detectors at each
/// anchor, then one match per value (a provider format wins over a generic assignment
/// of the same value: `OPENAI_API_KEY=sk-proj-…` is an OpenAI key).
enum SecretScanner {
    /// How far a detector may read before its anchor (a name, a Telegram bot id, the
    /// first part of a Discord token, the dashes of a PEM header) and after it.
    static let lookBehind = 160
    static let lookAhead = 1200

    /// Matches whose anchor lies in `anchors`, sorted by value start.
    static func scan(_ w: ScanWindow, anchors: Range<Int>) -> [SecretMatch] {
        var matches: [SecretMatch] = []
        KeywordPrefilter.forEachAnchor(in: w, range: anchors) { index in
            KeywordPrefilter.detect(w, at: index) { matches.append($0) }
        }
        return deduplicated(matches)
    }

    static func scan(_ bytes: [UInt8]) -> [SecretMatch] {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [] }
            return scan(ScanWindow(base: base, count: buffer.count), anchors: 0..<buffer.count)
        }
    }

    /// One match per value; where values overlap, the more specific kind stays.
    static func deduplicated(_ matches: [SecretMatch]) -> [SecretMatch] {
        guard matches.count > 1 else { return matches }
        let sorted = matches.sorted { ($0.valueStart, $0.kind) < ($1.valueStart, $1.kind) }
        var kept: [SecretMatch] = []
        for match in sorted {
            if let last = kept.last, last.valueRange.overlaps(match.valueRange) {
                if match.kind < last.kind { kept[kept.count - 1] = match }
                continue
            }
            kept.append(match)
        }
        return kept
    }
}
