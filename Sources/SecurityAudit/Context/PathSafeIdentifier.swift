/// The id normalisation the original shares between agent ids and channel account ids
/// (`normalizeAgentId`, `normalizeAccountId`): trimmed, lower-case, runs of characters
/// outside `[a-z0-9_-]` turned into one `-`, no leading or trailing `-`, at most 64
/// characters. Nil when nothing usable is left; each caller has its own fallback.
enum PathSafeIdentifier {
    static func canonical(_ raw: String) -> String? {
        let trimmed = raw.trimmingWhitespace
        guard !trimmed.isEmpty else { return nil }
        func isIdScalar(_ s: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(s) || ("0"..."9").contains(s) || s == "_" || s == "-"
        }
        let lower = trimmed.lowercased()
        let scalars = Array(lower.unicodeScalars)
        if scalars.count <= 64, let first = scalars.first, first != "_", first != "-", scalars.allSatisfy(isIdScalar) {
            return lower
        }
        var collapsed = String.UnicodeScalarView()
        var inInvalidRun = false
        for scalar in scalars {
            if isIdScalar(scalar) {
                collapsed.append(scalar)
                inInvalidRun = false
            } else if !inInvalidRun {
                collapsed.append("-")
                inInvalidRun = true
            }
        }
        var text = String(collapsed)
        while text.hasPrefix("-") { text.removeFirst() }
        while text.hasSuffix("-") { text.removeLast() }
        let limited = String(text.unicodeScalars.prefix(64).map(Character.init))
        return limited.isEmpty ? nil : limited
    }
}
