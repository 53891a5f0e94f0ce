/// PEM private keys: `-----BEGIN … PRIVATE KEY-----` (RSA, EC, DSA, OPENSSH, encrypted
/// PKCS#8, PGP `PRIVATE KEY BLOCK`) followed by a base64 body. A header followed by
/// `...` or a few characters is documentation, not a key: at least 64 base64
/// characters must follow, across line breaks written raw or as JSON `\n` escapes.
enum PrivateKeyBlockDetector {
    static let minimumBodyCharacters = 64

    /// `anchor` is the `-` just before `BEGIN`.
    static func match(_ w: ScanWindow, anchor: Int) -> SecretMatch? {
        let start = anchor - 4
        guard w.hasPrefix("-----BEGIN ", at: start) else { return nil }
        let labelStart = start + 11
        let isLabelCharacter = { (b: UInt8) in ASCII.isUpper(b) || ASCII.isDigit(b) || b == UInt8(ascii: " ") }
        let labelEnd = w.runEnd(from: labelStart, limit: 48, isLabelCharacter)
        var headerEnd = labelEnd
        let label = String(decoding: w.bytes(labelStart..<labelEnd), as: UTF8.self)
        guard label.hasSuffix("PRIVATE KEY") || label.hasSuffix("PRIVATE KEY BLOCK"), w.hasPrefix("-----", at: labelEnd)
        else { return nil }
        headerEnd += 5
        var body: [UInt8] = []
        var index = headerEnd
        let limit = min(w.count, headerEnd + 512)
        while index < limit, body.count < minimumBodyCharacters {
            let byte = w[index]
            if ASCII.isBase64(byte) {
                if w.isEscapeLetter(at: index) { index += 1; continue }
                body.append(byte)
            } else if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
                        || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                // Line breaks, raw or escaped.
            } else {
                break
            }
            index += 1
        }
        guard body.count >= minimumBodyCharacters, !PlaceholderFilter.isPlaceholder(body),
              Entropy.bitsPerByte(body) >= TokenFormat.minimumEntropy
        else { return nil }
        return SecretMatch(kind: .privateKey, valueStart: start, valueEnd: headerEnd, anchor: anchor)
    }
}
