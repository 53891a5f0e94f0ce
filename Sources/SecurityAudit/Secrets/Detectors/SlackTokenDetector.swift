/// Slack tokens: `xoxb-` (bot), `xoxp-` (user), `xoxa-`, `xoxo-`, `xoxs-`, `xoxr-`
/// (refresh), `xoxe-` and `xoxe.xoxp-` (rotating), and `xapp-` (app-level). The body is
/// dash-separated numeric ids and a random part.
enum SlackTokenDetector {
    static let maxLength = 300
    static let kindLetters: [UInt8] = Array("abposre".utf8)

    /// `anchor` is the `x` of `xox` or `xapp`.
    static func match(_ w: ScanWindow, anchor: Int) -> SecretMatch? {
        let start = anchor
        guard w.isTokenStart(start, continues: ASCII.isTokenCharacter) else { return nil }
        var bodyStart: Int
        if w.hasPrefix("xapp-", at: start) {
            bodyStart = start + 5
        } else if w.hasPrefix("xox", at: start), kindLetters.contains(w[start + 3]) {
            if w[start + 4] == UInt8(ascii: "-") {
                bodyStart = start + 5
            } else if w.hasPrefix("xoxe.xox", at: start), kindLetters.contains(w[start + 8]), w[start + 9] == UInt8(ascii: "-") {
                bodyStart = start + 10
            } else {
                return nil
            }
        } else {
            return nil
        }
        let isBodyCharacter = { (b: UInt8) in ASCII.isAlphanumeric(b) || b == UInt8(ascii: "-") }
        let end = w.runEnd(from: bodyStart, limit: maxLength, isBodyCharacter)
        guard end - bodyStart >= 24, !ASCII.isTokenCharacter(w[end]) else { return nil }
        var digits = 0, dashes = 0
        for index in bodyStart..<end {
            if ASCII.isDigit(w[index]) { digits += 1 }
            if w[index] == UInt8(ascii: "-") { dashes += 1 }
        }
        guard digits >= 1, dashes >= 1 else { return nil }
        return TokenFormat.accept(.slack, w, value: start..<end, randomPart: bodyStart..<end, anchor: anchor)
    }
}
