/// OpenAI API keys: `sk-` then base64url characters with the `T3BlbkFJ` marker (the
/// base64 of "OpenAI") in the middle. Project, service-account and admin keys have a
/// `sk-proj-`, `sk-svcacct-` or `sk-admin-` prefix and are recognised by it as well.
enum OpenAIKeyDetector {
    static let marker: [UInt8] = Array("T3BlbkFJ".utf8)
    static let maxLength = 300

    /// `anchor` is the `k` of `sk-`.
    static func match(_ w: ScanWindow, anchor: Int) -> SecretMatch? {
        let start = anchor - 1
        guard w[start] == UInt8(ascii: "s"), w[anchor + 1] == UInt8(ascii: "-"),
              w.isTokenStart(start, continues: ASCII.isTokenCharacter),
              !w.hasPrefix("sk-ant-", at: start)
        else { return nil }
        let end = w.runEnd(from: start + 3, limit: maxLength, ASCII.isTokenCharacter)
        guard end - start >= 40, !ASCII.isTokenCharacter(w[end]) else { return nil }
        var bodyStart = start + 3
        for prefix: StaticString in ["proj-", "svcacct-", "admin-"] where w.hasPrefix(prefix, at: bodyStart) {
            bodyStart += prefix.utf8CodeUnitCount
            break
        }
        let prefixed = bodyStart > start + 3
        let hasMarker = containsMarker(w, bodyStart..<end)
        guard hasMarker || (prefixed && end - bodyStart >= 40) else { return nil }
        return TokenFormat.accept(.openAI, w, value: start..<end, randomPart: bodyStart..<end, anchor: anchor)
    }

    static func containsMarker(_ w: ScanWindow, _ range: Range<Int>) -> Bool {
        guard range.count >= marker.count else { return false }
        for index in range.lowerBound...(range.upperBound - marker.count) where w[index] == marker[0] {
            if w.hasPrefix("T3BlbkFJ", at: index) { return true }
        }
        return false
    }
}
