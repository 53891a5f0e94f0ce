/// IP literals as the URL standard and the original's `ipaddr.js` helpers read them,
/// and the address classes the checks and the deep probe care about (loopback, private
/// and special-use ranges). `HostClassification` builds every host test on these.
enum IPAddress {
    // MARK: - IPv4

    /// The URL standard's "ends in a number": the last label is decimal digits or `0x` hex.
    static func endsInNumber(_ host: String) -> Bool {
        var labels = host.split(separator: ".", omittingEmptySubsequences: false)
        if labels.last == "", labels.count > 1 { labels.removeLast() }
        guard let last = labels.last, !last.isEmpty else { return false }
        if last.allSatisfy({ $0.isASCII && $0.isNumber }) { return true }
        let lower = last.lowercased()
        return lower.hasPrefix("0x") && lower.dropFirst(2).allSatisfy { $0.isHexDigit && $0.isASCII }
    }

    /// The URL standard's IPv4 parser: 1 to 4 parts, each decimal, `0x` hex or
    /// leading-zero octal (`127.1`, `0x7f.0.0.1`, `2130706433`).
    static func parseWHATWGIPv4(_ host: String) -> UInt32? {
        var parts = host.split(separator: ".", omittingEmptySubsequences: false)
        if parts.last == "", parts.count > 1 { parts.removeLast() }
        guard (1...4).contains(parts.count) else { return nil }
        var numbers: [UInt64] = []
        for part in parts {
            guard let value = parseIPv4Number(part) else { return nil }
            numbers.append(value)
        }
        for value in numbers.dropLast() where value > 255 { return nil }
        guard let last = numbers.last, last < (1 << (8 * UInt64(5 - numbers.count))) else { return nil }
        var address = last
        for (index, value) in numbers.dropLast().enumerated() {
            address += value << (8 * UInt64(3 - index))
        }
        return UInt32(truncatingIfNeeded: address)
    }

    private static func parseIPv4Number(_ part: Substring) -> UInt64? {
        guard !part.isEmpty else { return nil }
        var digits = part
        var radix = 10
        if digits.lowercased().hasPrefix("0x") {
            digits = digits.dropFirst(2)
            radix = 16
        } else if digits.count > 1, digits.hasPrefix("0") {
            digits = digits.dropFirst()
            radix = 8
        }
        if digits.isEmpty { return 0 }
        guard digits.allSatisfy({ $0.isASCII }), digits.count <= 32 else { return nil }
        return UInt64(digits, radix: radix)
    }

    static func dottedDecimal(_ address: UInt32) -> String {
        (0..<4).map { String((address >> (8 * UInt32(3 - $0))) & 0xFF) }.joined(separator: ".")
    }

    /// Exactly four decimal parts 0-255 without leading zeros (`ipaddr.js`
    /// `isValidFourPartDecimal`).
    static func parseCanonicalIPv4(_ text: String) -> UInt32? {
        parseFourPartDecimal(text, allowingLeadingZeros: false)
    }

    /// Four decimal parts of one to three digits, each 0-255; with
    /// `allowingLeadingZeros`, `127.000.0.1` too (read as decimal, not octal).
    static func parseFourPartDecimal(_ text: String, allowingLeadingZeros: Bool) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var address: UInt32 = 0
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy({ $0.isASCII && $0.isNumber }),
                  allowingLeadingZeros || part == "0" || !part.hasPrefix("0"), let value = UInt32(part), value <= 255
            else { return nil }
            address = address << 8 | value
        }
        return address
    }

    // MARK: - IPv6

    /// The URL standard's IPv6 parser (also accepts a trailing embedded IPv4).
    static func parseIPv6(_ input: [Unicode.Scalar]) -> [UInt16]? {
        var pieces = [UInt16](repeating: 0, count: 8)
        var pieceIndex = 0
        var compress: Int?
        var p = 0
        let n = input.count
        func hex(_ s: Unicode.Scalar) -> UInt16? { UInt16(String(s), radix: 16) }
        func digit(_ s: Unicode.Scalar) -> UInt16? { ("0"..."9").contains(s) ? UInt16(s.value - 48) : nil }
        if p < n, input[p] == ":" {
            guard p + 1 < n, input[p + 1] == ":" else { return nil }
            p += 2
            pieceIndex += 1
            compress = pieceIndex
        }
        while p < n {
            guard pieceIndex < 8 else { return nil }
            if input[p] == ":" {
                guard compress == nil else { return nil }
                p += 1
                pieceIndex += 1
                compress = pieceIndex
                continue
            }
            var value: UInt16 = 0
            var length = 0
            while length < 4, p < n, let h = hex(input[p]) {
                value = value * 16 + h
                p += 1
                length += 1
            }
            if p < n, input[p] == "." {
                guard length > 0, pieceIndex <= 6 else { return nil }
                p -= length
                var numbersSeen = 0
                while p < n {
                    if numbersSeen > 0 {
                        guard input[p] == ".", numbersSeen < 4 else { return nil }
                        p += 1
                    }
                    guard p < n, digit(input[p]) != nil else { return nil }
                    var piece: UInt16?
                    while p < n, let d = digit(input[p]) {
                        if let current = piece {
                            guard current != 0 else { return nil }
                            piece = current * 10 + d
                        } else {
                            piece = d
                        }
                        guard piece! <= 255 else { return nil }
                        p += 1
                    }
                    pieces[pieceIndex] = pieces[pieceIndex] &* 0x100 &+ piece!
                    numbersSeen += 1
                    if numbersSeen == 2 || numbersSeen == 4 { pieceIndex += 1 }
                }
                guard numbersSeen == 4 else { return nil }
                break
            } else if p < n, input[p] == ":" {
                p += 1
                guard p < n else { return nil }
            } else if p < n {
                return nil
            }
            pieces[pieceIndex] = value
            pieceIndex += 1
        }
        if let compress {
            var swaps = pieceIndex - compress
            var index = 7
            while index != 0, swaps > 0 {
                pieces.swapAt(index, compress + swaps - 1)
                index -= 1
                swaps -= 1
            }
        } else if pieceIndex != 8 {
            return nil
        }
        return pieces
    }

    /// Lower-case hex, the longest run of two or more zero pieces compressed to `::`.
    static func serializeIPv6(_ pieces: [UInt16]) -> String {
        var bestStart: Int?
        var bestLength = 1
        var index = 0
        while index < 8 {
            guard pieces[index] == 0 else { index += 1; continue }
            var end = index
            while end < 8, pieces[end] == 0 { end += 1 }
            if end - index > bestLength {
                bestStart = index
                bestLength = end - index
            }
            index = end
        }
        var out = ""
        var skipping = false
        for i in 0..<8 {
            if skipping, pieces[i] == 0 { continue }
            skipping = false
            if bestStart == i {
                out += i == 0 ? "::" : ":"
                skipping = true
                continue
            }
            out += String(pieces[i], radix: 16)
            if i != 7 { out += ":" }
        }
        return out
    }

    /// An IPv6 literal as `ipaddr.js` accepts it (without zone), or nil.
    static func parseIPv6Literal(_ text: String) -> [UInt16]? {
        guard text.contains(":") else { return nil }
        return parseIPv6(Array(text.unicodeScalars))
    }

    // MARK: - Classes

    static func isLoopbackIPv4(_ address: UInt32) -> Bool { address >> 24 == 127 }

    /// `::1`, however it is written (`0:0:0:0:0:0:0:1`, `0::1`).
    static func isLoopbackIPv6(_ pieces: [UInt16]) -> Bool {
        pieces[0..<7].allSatisfy { $0 == 0 } && pieces[7] == 1
    }

    /// IPv4-mapped `::ffff:a.b.c.d`.
    static func mappedIPv4(_ pieces: [UInt16]) -> UInt32? {
        guard pieces[0..<5].allSatisfy({ $0 == 0 }), pieces[5] == 0xFFFF else { return nil }
        return UInt32(pieces[6]) << 16 | UInt32(pieces[7])
    }

    /// An IPv4 address carried inside an IPv6 one: mapped, IPv4-compatible, NAT64
    /// (64:ff9b::/96 and 64:ff9b:1::/48), 6to4, Teredo and ISATAP forms.
    static func embeddedIPv4(_ p: [UInt16]) -> UInt32? {
        func join(_ high: UInt16, _ low: UInt16) -> UInt32 { UInt32(high) << 16 | UInt32(low) }
        if let mapped = mappedIPv4(p) { return mapped }
        if p[0..<6].allSatisfy({ $0 == 0 }) { return join(p[6], p[7]) }
        if p[0] == 0x64, p[1] == 0xFF9B, p[2...5].allSatisfy({ $0 == 0 }) { return join(p[6], p[7]) }
        if p[0] == 0x64, p[1] == 0xFF9B, p[2] == 1, p[3...5].allSatisfy({ $0 == 0 }) { return join(p[6], p[7]) }
        if p[0] == 0x2002 { return join(p[1], p[2]) }
        if p[0] == 0x2001, p[1] == 0 { return join(p[6] ^ 0xFFFF, p[7] ^ 0xFFFF) }
        if p[4] & 0xFCFF == 0, p[5] == 0x5EFE { return join(p[6], p[7]) }
        return nil
    }

    /// Private, loopback, link-local, CGNAT and other special-use IPv4 ranges.
    static func isSpecialUseIPv4(_ a: UInt32) -> Bool {
        func inRange(_ base: UInt32, _ bits: UInt32) -> Bool {
            bits == 0 || a >> (32 - bits) == base >> (32 - bits)
        }
        let ranges: [(UInt32, UInt32)] = [
            (0x0000_0000, 8), (0x0A00_0000, 8), (0x6440_0000, 10), (0x7F00_0000, 8), (0xA9FE_0000, 16),
            (0xAC10_0000, 12), (0xC000_0000, 24), (0xC000_0200, 24), (0xC058_6300, 24), (0xC0A8_0000, 16),
            (0xC612_0000, 15), (0xC633_6400, 24), (0xCB00_7100, 24), (0xE000_0000, 4), (0xF000_0000, 4),
        ]
        return a == 0xFFFF_FFFF || ranges.contains { inRange($0.0, $0.1) }
    }

    /// `::`, `::1`, fe80::/10, fc00::/7, ff00::/8, and embedded IPv4 judged as IPv4.
    static func isSpecialUseIPv6(_ p: [UInt16]) -> Bool {
        if let v4 = embeddedIPv4(p) { return isSpecialUseIPv4(v4) }
        if p.allSatisfy({ $0 == 0 }) { return true }
        if isLoopbackIPv6(p) { return true }
        return p[0] & 0xFFC0 == 0xFE80 || p[0] & 0xFE00 == 0xFC00 || p[0] & 0xFF00 == 0xFF00
    }
}
