import Crypto

/// A finding's identity across runs, edits and machines, for baselines and SARIF's
/// `partialFingerprints`: the check id and what the finding says about its subject,
/// never where the value sits in a file (moving a key or adding a comment above it must
/// not make an accepted finding "new").
///
/// What the finding says is normalised so that incidental changes do not count:
/// - the state dir, the config path and the home dir become `<stateDir>`, `<config>`
///   and `~`, so a baseline written on a laptop holds in CI;
/// - every run of digits becomes `0`, so a token that grows from 12 to 20 characters,
///   a changed count or a changed file mode is the same subject;
/// - runs of white space become one space.
/// A different subject (another path, another channel, another flag in a list) gives a
/// different fingerprint.
public struct FindingFingerprinter: Sendable {
    /// Part of every fingerprint and of SARIF's fingerprint key: a change to the rules
    /// above must bump it, so old baselines fail loudly instead of matching wrongly.
    public static let version = 1

    /// Replacements, longest path first so the state dir wins over the home it lives in.
    let pathAliases: [(path: String, alias: String)]

    public init(paths: OpenClawPaths?) {
        guard let paths else {
            pathAliases = []
            return
        }
        let candidates = [(paths.configPath, "<config>"), (paths.stateDir, "<stateDir>"), (paths.homeDir, "~")]
        pathAliases = candidates
            .filter { $0.0.count > 1 }
            .sorted { $0.0.count > $1.0.count }
            .map { (path: $0.0, alias: $0.1) }
    }

    /// 32 hex digits (128 bits of SHA-256).
    public func fingerprint(of finding: Finding) -> String {
        let material = "openclaw-subject/v\(Self.version)\u{0}\(finding.checkId)\u{0}\(subject(of: finding))"
        let digest = Crypto.SHA256.hash(data: Array(material.utf8))
        return String(digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined().prefix(32))
    }

    func subject(of finding: Finding) -> String {
        var text = finding.title + "\n" + finding.detail
        for (path, alias) in pathAliases {
            text = text.replacingAll(path, with: alias)
        }
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            let normalized: Unicode.Scalar
            if ("0"..."9").contains(scalar) {
                normalized = "0"
                if previous == "0" { continue }
            } else if scalar.properties.isWhitespace {
                normalized = " "
                if previous == " " { continue }
            } else {
                normalized = scalar
            }
            out.append(normalized)
            previous = normalized
        }
        return String(out).trimmingWhitespace
    }
}

extension String {
    /// Literal, non-overlapping replacement, left to right (no Foundation here).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        let source = Array(utf8), pattern = Array(target.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(source.count)
        var index = 0
        while index < source.count {
            if source[index] == pattern[0], index + pattern.count <= source.count,
               source[index..<index + pattern.count].elementsEqual(pattern) {
                out.append(contentsOf: replacement.utf8)
                index += pattern.count
            } else {
                out.append(source[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
