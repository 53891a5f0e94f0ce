import JSON5

/// Config text with its secrets replaced by their redacted form, for `--fix --dry-run`
/// diffs: a diff shows the lines around each edit, and a token on one of them would
/// otherwise be printed in clear. Secrets are what the secret scan finds (provider
/// formats, assignments) plus every string written under a key that names a secret
/// (`token`, `apiKey`, `password`), whatever its value looks like. The replacement keeps
/// the quotes and holds no newline, so the line structure of the diff stays as it was;
/// equal values redact equally, so unchanged lines still compare equal.
enum ConfigTextRedaction {
    static func redact(_ bytes: [UInt8]) -> [UInt8] {
        var spans: [(range: Range<Int>, kind: SecretKind)] = SecretScanner.scan(bytes).map { ($0.valueRange, $0.kind) }
        if let tree = try? JSON5.parse(bytes: bytes, maxValues: ConfigLoader.maxConfigValues) {
            var strings: [Range<Int>] = []
            collectStrings(tree, key: nil, secrets: &spans, all: &strings)
            // A private key match is its header line; the body follows in the same string.
            for index in spans.indices where spans[index].kind == .privateKey {
                if let string = strings.first(where: { $0.contains(spans[index].range.lowerBound) }) {
                    spans[index].range = string.lowerBound..<max(string.upperBound, spans[index].range.upperBound)
                }
            }
        }
        guard !spans.isEmpty else { return bytes }
        // Overlapping spans (a key found by both passes) become one, so no part of
        // either is left in clear.
        spans.sort { ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count) }
        var merged: [(range: Range<Int>, kind: SecretKind)] = []
        for span in spans {
            if let last = merged.last, span.range.lowerBound < last.range.upperBound {
                merged[merged.count - 1].range = last.range.lowerBound..<max(last.range.upperBound, span.range.upperBound)
            } else {
                merged.append(span)
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var position = 0
        for span in merged {
            out += bytes[position..<span.range.lowerBound]
            // A private key's redaction would be its header line: here the span may be
            // the whole string, shown like any other value.
            let kind: SecretKind = span.kind == .privateKey ? .assignment : span.kind
            out += SecretRedaction.redact(Array(bytes[span.range]), kind: kind).utf8
            position = span.range.upperBound
        }
        out += bytes[position...]
        return out
    }

    /// The text between the quotes of every string (`all`), and of each string under a
    /// secret-naming key (`secrets`); a `${VAR}` reference names a secret without holding
    /// it and stays readable.
    private static func collectStrings(
        _ node: JSON5Node, key: String?, secrets: inout [(range: Range<Int>, kind: SecretKind)], all: inout [Range<Int>]
    ) {
        switch node.value {
        case .string(let text):
            let start = node.range.start.offset + 1, end = node.range.end.offset - 1
            guard start < end else { return }
            all.append(start..<end)
            if let key, SecretAssignmentDetector.isSecretName(key), !EnvironmentSubstitution.isSingleReference(text) {
                secrets.append((start..<end, .assignment))
            }
        case .array(let items):
            for item in items { collectStrings(item, key: key, secrets: &secrets, all: &all) }
        case .object(let members):
            for member in members { collectStrings(member.value, key: member.key, secrets: &secrets, all: &all) }
        case .null, .bool, .number:
            break
        }
    }
}
