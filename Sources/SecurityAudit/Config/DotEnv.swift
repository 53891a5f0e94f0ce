/// The dotenv format the original loads from the working directory and the state dir
/// (`KEY=value`, `export KEY=value`, quotes, `#` comments), parsed without any I/O.
public enum DotEnv {
    public static func parse(_ text: String) -> [(key: String, value: String)] {
        var result: [(String, String)] = []
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            var line = rawLine.trimmingWhitespace
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)).trimmingWhitespace }
            guard let eq = line.firstIndex(of: "=") else { continue }
            let key = line[..<eq].trimmingWhitespace
            guard isValidKey(key) else { continue }
            var value = line[line.index(after: eq)...].trimmingWhitespace
            if let quote = value.first, quote == "\"" || quote == "'" || quote == "`",
               let close = value.dropFirst().firstIndex(of: quote) {
                let inner = String(value[value.index(after: value.startIndex)..<close])
                value = quote == "\"" ? inner.replacingEscapedNewlines : inner
            } else if let hash = value.range(of: " #") {
                value = value[..<hash.lowerBound].trimmingWhitespace
            }
            result.append((key, value))
        }
        return result
    }

    /// `[A-Za-z_][A-Za-z0-9_.-]*`, the names dotenv accepts.
    static func isValidKey(_ key: String) -> Bool {
        func isLetter(_ s: Unicode.Scalar) -> Bool { ("A"..."Z").contains(s) || ("a"..."z").contains(s) || s == "_" }
        guard let first = key.unicodeScalars.first, isLetter(first) else { return false }
        return key.unicodeScalars.allSatisfy { isLetter($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-" }
    }
}

private extension String {
    var replacingEscapedNewlines: String {
        var out = ""
        var iterator = makeIterator()
        while let c = iterator.next() {
            if c == "\\", let next = iterator.next() {
                switch next {
                case "n": out.append("\n")
                case "r": out.append("\r")
                default: out.append(c); out.append(next)
                }
            } else {
                out.append(c)
            }
        }
        return out
    }
}

private extension StringProtocol {
    func range(of needle: String) -> Range<Index>? {
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(needle) {
                return index..<self.index(index, offsetBy: needle.count)
            }
            index = self.index(after: index)
        }
        return nil
    }
}
