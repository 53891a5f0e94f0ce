/// Google API keys: `AIza` then 35 base64url characters.
enum GoogleAPIKeyDetector {
    /// `anchor` is the `I` of `AIza`.
    static func match(_ w: ScanWindow, anchor: Int) -> SecretMatch? {
        let start = anchor - 1
        guard w.hasPrefix("AIza", at: start), w.isTokenStart(start, continues: ASCII.isTokenCharacter) else { return nil }
        let end = w.runEnd(from: start + 4, limit: 36, ASCII.isTokenCharacter)
        guard end - (start + 4) == 35, !ASCII.isTokenCharacter(w[end]) else { return nil }
        return TokenFormat.accept(.googleAPI, w, value: start..<end, randomPart: (start + 4)..<end, anchor: anchor)
    }
}
