/// A version of OpenClaw (or of its earlier packages `clawdbot` and `moltbot`), ordered as
/// OpenClaw orders its releases.
///
/// OpenClaw's releases are calendar versions in semver syntax (upstream
/// `scripts/lib/release-version.mjs`): `YYYY.M.P` stable, `YYYY.M.P-beta.N`,
/// `YYYY.M.P-alpha.N`, and `YYYY.M.P-N` correction releases (N >= 1) that re-ship a stable
/// release with a fix. Older packages used plain semver (`0.1.0`, `2.0.0-beta3`), and
/// legacy tags wrote betas as `1.2.3.beta.4`; both parse, so versions found in advisory
/// data and on old installs compare too.
///
/// The order is upstream's `compareOpenClawSemver` (`src/infra/semver.ts`), not npm's: a
/// correction release sorts above its stable release (npm semver would read `-1` as a
/// prerelease below it), so
/// `2026.2.19-alpha.1 < 2026.2.19-beta.1 < 2026.2.19 < 2026.2.19-1 < 2026.2.19-2 < 2026.2.20`.
/// Other prereleases order among themselves by semver's rules (identifier by identifier,
/// numbers numerically and below words). Build metadata (`+...`) is kept for the
/// description and, as in semver, does not count for order or equality.
public struct OpenClawVersion: Sendable, Hashable, Comparable, CustomStringConvertible, LosslessStringConvertible, Codable {
    /// One dot-separated part of a prerelease (`beta`, `1`).
    public enum PrereleaseIdentifier: Sendable, Hashable, Comparable, CustomStringConvertible {
        case numeric(Int)
        case text(String)

        /// Semver: numeric identifiers compare numerically and sort below alphanumeric ones,
        /// which compare by their ASCII bytes.
        public static func < (lhs: Self, rhs: Self) -> Bool {
            switch (lhs, rhs) {
            case let (.numeric(l), .numeric(r)): return l < r
            case (.numeric, .text): return true
            case (.text, .numeric): return false
            case let (.text(l), .text(r)): return Array(l.utf8).lexicographicallyPrecedes(Array(r.utf8))
            }
        }

        public var description: String {
            switch self {
            case let .numeric(n): return String(n)
            case let .text(t): return t
            }
        }
    }

    /// What kind of build a version names, in OpenClaw's terms.
    public enum Kind: Sendable, Hashable {
        /// `2026.2.19`
        case stable
        /// `2026.2.19-2`: the stable release re-shipped with a fix; sorts above `2026.2.19`.
        case correction(Int)
        /// `2026.2.19-beta.1`
        case beta(Int)
        /// `2026.2.19-alpha.1`
        case alpha(Int)
        /// Any other prerelease (`2.0.0-beta3`, `1.0.0-rc.1`): below the stable release.
        case otherPrerelease
    }

    /// Finals with a patch number of 33 and up belong to a trailing-month extended-stable
    /// line (upstream `EXTENDED_STABLE_PATCH_FLOOR` in `scripts/lib/release-version.mjs`).
    public static let extendedStablePatchFloor = 33

    /// The year of a calendar version.
    public let major: Int
    /// The month of a calendar version.
    public let minor: Int
    public let patch: Int
    /// Empty for stable releases; `[.numeric(N)]` for a correction release.
    public let prerelease: [PrereleaseIdentifier]
    /// `+...` identifiers; ignored by order and equality.
    public let buildMetadata: [String]

    /// Longer input is refused rather than parsed: no real version comes close.
    static let maximumLength = 256

    /// Parses a version as OpenClaw writes it; leading and trailing whitespace and one
    /// leading `v`/`V` are ignored, a legacy `1.2.3.beta[.N]` is read as `1.2.3-beta[.N]`.
    /// Nil for anything that is not a version: empty text, `dev`, `unknown`, two
    /// components, leading zeros (`2026.02.1`), a `-0` correction (corrections start at 1),
    /// empty identifiers, characters outside `[0-9A-Za-z-]`, numbers that overflow.
    public init?(_ text: String) {
        var rest = Substring(text.trimmingWhitespace)
        guard !rest.isEmpty, rest.utf8.count <= Self.maximumLength else { return nil }
        if rest.first == "v" || rest.first == "V" { rest = rest.dropFirst() }

        var build: [String] = []
        if let plus = rest.firstIndex(of: "+") {
            guard let identifiers = Self.identifiers(rest[rest.index(after: plus)...]) else { return nil }
            build = identifiers.map(String.init)
            rest = rest[..<plus]
        }
        var prereleaseText: Substring?
        if let dash = rest.firstIndex(of: "-") {
            prereleaseText = rest[rest.index(after: dash)...]
            rest = rest[..<dash]
        }
        var parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        // Legacy dot-beta tags (upstream `normalizeLegacyDotBetaVersion`): `1.2.3.beta` or
        // `1.2.3.beta.4`, only when there is no dash prerelease already.
        if prereleaseText == nil, parts.count >= 4, parts[3] == "beta" {
            prereleaseText = parts[3...].joined(separator: ".")[...]
            parts = Array(parts[..<3])
        }
        guard parts.count == 3,
              let major = Self.number(parts[0]), let minor = Self.number(parts[1]), let patch = Self.number(parts[2])
        else { return nil }

        var prerelease: [PrereleaseIdentifier] = []
        if let prereleaseText {
            guard let identifiers = Self.identifiers(prereleaseText) else { return nil }
            for identifier in identifiers {
                if identifier.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                    guard let value = Self.number(identifier) else { return nil }
                    prerelease.append(.numeric(value))
                } else {
                    prerelease.append(.text(String(identifier)))
                }
            }
            // `X-0` is semver's "first prerelease of X", not a release OpenClaw ships;
            // corrections are numbered from 1.
            if prerelease == [.numeric(0)] { return nil }
        }
        self.init(major: major, minor: minor, patch: patch, prerelease: prerelease, buildMetadata: build)
    }

    /// A version from its parts; `prerelease` `[.numeric(N)]` is the correction release N.
    public init(major: Int, minor: Int, patch: Int, prerelease: [PrereleaseIdentifier] = [], buildMetadata: [String] = []) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease
        self.buildMetadata = buildMetadata
    }

    /// `major.minor.patch`, then `-prerelease` and `+build` when present: what `init?(_:)`
    /// reads back to an equal version (a leading `v` and the legacy dot-beta are normalised).
    public var description: String {
        var text = "\(major).\(minor).\(patch)"
        if !prerelease.isEmpty { text += "-" + prerelease.map(\.description).joined(separator: ".") }
        if !buildMetadata.isEmpty { text += "+" + buildMetadata.joined(separator: ".") }
        return text
    }

    public var kind: Kind {
        switch prerelease.count {
        case 0:
            return .stable
        case 1:
            if case let .numeric(n) = prerelease[0] { return .correction(n) }
        case 2:
            if case let .numeric(n) = prerelease[1] {
                if prerelease[0] == .text("beta") { return .beta(n) }
                if prerelease[0] == .text("alpha") { return .alpha(n) }
            }
        default:
            break
        }
        return .otherPrerelease
    }

    /// True for betas, alphas and other prereleases; false for stable and correction releases.
    public var isPrerelease: Bool {
        switch kind {
        case .stable, .correction: return false
        case .beta, .alpha, .otherPrerelease: return true
        }
    }

    /// The stable release this version belongs to (`2026.2.19` for `2026.2.19-beta.1` and `2026.2.19-2`).
    public var base: OpenClawVersion { OpenClawVersion(major: major, minor: minor, patch: patch) }

    /// A final (stable) calendar release with patch 33 or more: a build of the
    /// extended-stable line, which receives back-ports that advisory ranges do not record.
    /// Correction suffixes are not valid on that line, so only plain stables count.
    public var isExtendedStable: Bool {
        kind == .stable && major >= 2026 && patch >= Self.extendedStablePatchFloor
    }

    /// Upstream `compareOpenClawSemver`: the base version first, then prereleases below the
    /// stable release below its corrections.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        if (lhs.major, lhs.minor, lhs.patch) != (rhs.major, rhs.minor, rhs.patch) {
            return (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
        }
        if lhs.rank != rhs.rank { return lhs.rank < rhs.rank }
        switch (lhs.kind, rhs.kind) {
        case let (.correction(l), .correction(r)): return l < r
        default: return lhs.prerelease.lexicographicallyPrecedes(rhs.prerelease)
        }
    }

    /// Prereleases 0, the stable release 1, corrections 2.
    private var rank: Int {
        switch kind {
        case .stable: return 1
        case .correction: return 2
        case .beta, .alpha, .otherPrerelease: return 0
        }
    }

    /// Equality as the order sees it: build metadata does not count.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.major == rhs.major && lhs.minor == rhs.minor && lhs.patch == rhs.patch && lhs.prerelease == rhs.prerelease
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(major)
        hasher.combine(minor)
        hasher.combine(patch)
        hasher.combine(prerelease)
    }

    /// Encoded as its description, a JSON string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let version = OpenClawVersion(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an OpenClaw version: \(text)")
        }
        self = version
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// A non-negative decimal without leading zeros that fits in an `Int`.
    private static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        if text.utf8.count > 1, text.utf8.first == 0x30 { return nil }
        return Int(text)
    }

    /// Dot-separated identifiers of `[0-9A-Za-z-]`, none empty.
    private static func identifiers(_ text: Substring) -> [Substring]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        for part in parts {
            guard !part.isEmpty, part.utf8.allSatisfy({ byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D
            }) else { return nil }
        }
        return parts
    }
}
