/// Discord bot tokens: three base64url parts joined by dots. The first is the base64 of
/// the bot's numeric user id (so it starts with `M`, `N` or `O` and decodes to digits),
/// the second a 6-character timestamp, the third a 27 to 38 character HMAC.
enum DiscordBotTokenDetector {
    /// `anchor` is the first dot; the second is 7 bytes later.
    static func match(_ w: ScanWindow, anchor: Int) -> SecretMatch? {
        guard w[anchor] == UInt8(ascii: "."), w[anchor + 7] == UInt8(ascii: ".") else { return nil }
        let start = w.runStart(endingAt: anchor, limit: 29, ASCII.isTokenCharacter)
        guard (23...28).contains(anchor - start), w.isTokenStart(start, continues: ASCII.isTokenCharacter) else { return nil }
        let first = w[start]
        guard first == UInt8(ascii: "M") || first == UInt8(ascii: "N") || first == UInt8(ascii: "O") else { return nil }
        guard w.runEnd(from: anchor + 1, limit: 6, ASCII.isTokenCharacter) == anchor + 7 else { return nil }
        let end = w.runEnd(from: anchor + 8, limit: 39, ASCII.isTokenCharacter)
        guard (27...38).contains(end - (anchor + 8)), !ASCII.isTokenCharacter(w[end]), w[end] != UInt8(ascii: ".") else { return nil }
        guard decodesToUserId(w.bytes(start..<anchor)) else { return nil }
        return TokenFormat.accept(.discord, w, value: start..<end, randomPart: (anchor + 8)..<end, anchor: anchor)
    }

    /// Whether base64 text (no padding) decodes to 17 to 20 ASCII digits: a snowflake id.
    static func decodesToUserId(_ text: [UInt8]) -> Bool {
        var bits: UInt32 = 0, bitCount = 0, digits = 0
        for char in text {
            guard let value = base64Value(char) else { return false }
            bits = (bits << 6) | UInt32(value)
            bitCount += 6
            if bitCount >= 8 {
                bitCount -= 8
                let byte = UInt8((bits >> UInt32(bitCount)) & 0xFF)
                guard ASCII.isDigit(byte) else { return false }
                digits += 1
            }
        }
        return (17...20).contains(digits)
    }

    private static func base64Value(_ char: UInt8) -> UInt8? {
        if ASCII.isUpper(char) { return char - UInt8(ascii: "A") }
        if ASCII.isLower(char) { return char - UInt8(ascii: "a") + 26 }
        if ASCII.isDigit(char) { return char - UInt8(ascii: "0") + 52 }
        return nil
    }
}
