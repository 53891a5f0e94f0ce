/// The one pass over the bytes: finds every position where some detector's keyword
/// could start, 16 bytes at a time, and hands only those positions to the detectors.
///
/// Each keyword is reduced to a rare pair of adjacent bytes (its "anchor"): `k-` of
/// `sk-`, `xo`/`xa` of `xox…`/`xapp-`, `gh` of `ghp_`, `b_` of `github_pat_`, `IA`/`CA` of
/// `AKIA`/`ACCA`, `Iz` of `AIza`, `-B` of `-----BEGIN`, `:A` of a Telegram token, a dot
/// with another dot 7 bytes on for a Discord token, and `ke`/`cr`/`sw`/`pw` of `key`,
/// `token`, `secret`, `password`, `pwd` (case-insensitive). A vector step compares 16
/// positions against every pair at once; almost every block has none and costs a few
/// instructions.
enum KeywordPrefilter {
    typealias Bytes = SIMD16<UInt8>

    /// Calls `visit` with every anchor position in `range` (ascending). Positions up to
    /// `range.upperBound + 8` are read when the window has them.
    @inline(__always)
    static func forEachAnchor(in w: ScanWindow, range: Range<Int>, _ visit: (Int) -> Void) {
        var index = max(0, range.lowerBound)
        let end = min(range.upperBound, w.count)
        // Vector loads read 16 bytes at index, index + 1 and index + 7.
        let vectorEnd = min(end, w.count - 23)
        let raw = UnsafeRawPointer(w.base)
        while index < vectorEnd {
            let v0 = raw.loadUnaligned(fromByteOffset: index, as: Bytes.self)
            let v1 = raw.loadUnaligned(fromByteOffset: index + 1, as: Bytes.self)
            let v7 = raw.loadUnaligned(fromByteOffset: index + 7, as: Bytes.self)
            // A mask lane is all ones where an anchor starts; two words hold the 16 lanes.
            let lanes = unsafeBitCast(anchorMask(v0, v1, v7), to: (UInt64, UInt64).self)
            if lanes.0 | lanes.1 != 0 {
                visitLanes(lanes.0, base: index, visit)
                visitLanes(lanes.1, base: index + 8, visit)
            }
            index += 16
        }
        while index < end {
            if isAnchor(w, index) { visit(index) }
            index += 1
        }
    }

    @inline(__always)
    private static func visitLanes(_ lanes: UInt64, base: Int, _ visit: (Int) -> Void) {
        var word = lanes
        while word != 0 {
            let bit = word.trailingZeroBitCount
            visit(base + bit / 8)
            word &= ~(UInt64(0xFF) << UInt64(bit & ~7))
        }
    }

    @inline(__always)
    private static func anchorMask(_ v0: Bytes, _ v1: Bytes, _ v7: Bytes) -> SIMDMask<SIMD16<Int8>> {
        let fold = Bytes(repeating: 0x20)
        let f0 = v0 | fold, f1 = v1 | fold
        @inline(__always) func eq(_ v: Bytes, _ c: UInt8) -> SIMDMask<SIMD16<Int8>> { v .== Bytes(repeating: c) }
        let k = eq(f0, 0x6B), x = eq(f0, 0x78), capitalI = eq(v0, 0x49)
        var mask = k .& (eq(f1, 0x2D) .| eq(f1, 0x65))                  // k- ke
        mask .|= x .& (eq(f1, 0x6F) .| eq(f1, 0x61))                     // xo xa
        mask .|= eq(f0, 0x67) .& eq(f1, 0x68)                            // gh
        mask .|= eq(f0, 0x62) .& eq(f1, 0x7F)                            // b_ (_ folds to 0x7F)
        mask .|= eq(f0, 0x63) .& eq(f1, 0x72)                            // cr
        mask .|= (eq(f0, 0x73) .| eq(f0, 0x70)) .& eq(f1, 0x77)          // sw pw
        mask .|= capitalI .& (eq(v1, 0x41) .| eq(v1, 0x7A))              // IA Iz
        mask .|= eq(v0, 0x43) .& eq(v1, 0x41)                            // CA
        mask .|= eq(v0, 0x2D) .& eq(v1, 0x42)                            // -B
        mask .|= eq(v0, 0x3A) .& eq(v1, 0x41)                            // :A
        mask .|= eq(v0, 0x2E) .& eq(v7, 0x2E)                            // . … .
        return mask
    }

    /// The scalar form of `anchorMask`, for the last bytes of a window.
    static func isAnchor(_ w: ScanWindow, _ index: Int) -> Bool {
        let b0 = w[index], b1 = w[index + 1]
        let f0 = b0 | 0x20, f1 = b1 | 0x20
        switch f0 {
        case 0x6B: if f1 == 0x2D || f1 == 0x65 { return true }
        case 0x78: if f1 == 0x6F || f1 == 0x61 { return true }
        case 0x67: if f1 == 0x68 { return true }
        case 0x62: if f1 == 0x7F { return true }
        case 0x63: if f1 == 0x72 { return true }
        case 0x73, 0x70: if f1 == 0x77 { return true }
        default: break
        }
        switch b0 {
        case 0x49: return b1 == 0x41 || b1 == 0x7A
        case 0x43: return b1 == 0x41
        case 0x2D: return b1 == 0x42
        case 0x3A: return b1 == 0x41
        case 0x2E: return w[index + 7] == 0x2E
        default: return false
        }
    }

    /// Every detector whose anchor is at `index`, tried in turn.
    @inline(__always)
    static func detect(_ w: ScanWindow, at index: Int, _ found: (SecretMatch) -> Void) {
        let b0 = w[index], b1 = w[index + 1]
        let f0 = b0 | 0x20, f1 = b1 | 0x20
        switch (f0, f1) {
        case (0x6B, 0x2D):
            if let m = AnthropicKeyDetector.match(w, anchor: index) ?? OpenAIKeyDetector.match(w, anchor: index) { found(m) }
        case (0x6B, 0x65), (0x63, 0x72), (0x73, 0x77), (0x70, 0x77):
            if let m = SecretAssignmentDetector.match(w, anchor: index) { found(m) }
        case (0x78, 0x6F), (0x78, 0x61):
            if let m = SlackTokenDetector.match(w, anchor: index) { found(m) }
        case (0x67, 0x68):
            if let m = GitHubTokenDetector.matchPrefixed(w, anchor: index) { found(m) }
        case (0x62, 0x7F):
            if let m = GitHubTokenDetector.matchFineGrained(w, anchor: index) { found(m) }
        default:
            break
        }
        switch (b0, b1) {
        case (0x49, 0x41), (0x43, 0x41):
            if let m = AWSAccessKeyDetector.match(w, anchor: index) { found(m) }
        case (0x49, 0x7A):
            if let m = GoogleAPIKeyDetector.match(w, anchor: index) { found(m) }
        case (0x2D, 0x42):
            if let m = PrivateKeyBlockDetector.match(w, anchor: index) { found(m) }
        case (0x3A, 0x41):
            if let m = TelegramBotTokenDetector.match(w, anchor: index) { found(m) }
        case (0x2E, _):
            if w[index + 7] == 0x2E, let m = DiscordBotTokenDetector.match(w, anchor: index) { found(m) }
        default:
            break
        }
    }
}
