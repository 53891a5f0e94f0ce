/// Report text with every secret the scanner recognises replaced by its redacted form.
/// Findings quote file names, and a name can hold a token (`credentials/ghp_….json`):
/// the report must not print it where it would never print the file's contents.
enum SecretTextRedaction {
    static func redact(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let matches = SecretScanner.scan(bytes)
        guard !matches.isEmpty else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var position = 0
        for match in matches where match.valueStart >= position {
            out += bytes[position..<match.valueStart]
            out += SecretRedaction.redact(Array(bytes[match.valueRange]), kind: match.kind).utf8
            position = match.valueEnd
        }
        out += bytes[position...]
        return String(decoding: out, as: UTF8.self)
    }

    static func redact(_ finding: Finding) -> Finding {
        var finding = finding
        finding.title = redact(finding.title)
        finding.detail = redact(finding.detail)
        finding.remediation = finding.remediation.map(redact)
        finding.abbreviatedDetail = finding.abbreviatedDetail.map(redact)
        return finding
    }
}
