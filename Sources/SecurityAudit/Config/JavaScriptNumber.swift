/// Formats a Double the way JavaScript's `String(number)` does for the values configs
/// hold: integers without a fraction, `Infinity`, `NaN`, and the shortest round-trip
/// digits otherwise.
enum JavaScriptNumber {
    static func format(_ n: Double) -> String {
        if n.isNaN { return "NaN" }
        if n.isInfinite { return n < 0 ? "-Infinity" : "Infinity" }
        if n == 0 { return "0" }
        if n == n.rounded(), abs(n) < 1e21 {
            return String(Int64(n))
        }
        let text = "\(n)"
        // Swift prints 1e-07 / 1e+22 where JavaScript prints 1e-7 / 1e+22.
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            let mantissa = text[..<e]
            var exponent = String(text[text.index(after: e)...])
            let sign = exponent.hasPrefix("-") ? "-" : "+"
            exponent = String(exponent.drop(while: { $0 == "-" || $0 == "+" || $0 == "0" }))
            return "\(mantissa)e\(sign)\(exponent.isEmpty ? "0" : exponent)"
        }
        return text
    }
}
