import Foundation
import Testing
@testable import SecurityAudit

/// Parsing, printing and ordering of OpenClaw release versions.
struct OpenClawVersionTests {
    func version(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> OpenClawVersion {
        try #require(OpenClawVersion(text), "\(text) should parse", sourceLocation: sourceLocation)
    }

    @Test func parsesTheReleaseShapes() throws {
        let stable = try version("2026.2.19")
        #expect(stable.major == 2026 && stable.minor == 2 && stable.patch == 19)
        #expect(stable.kind == .stable && !stable.isPrerelease)
        #expect(try version("2026.2.19-beta.1").kind == .beta(1))
        #expect(try version("2026.2.19-alpha.3").kind == .alpha(3))
        #expect(try version("2026.2.19-1").kind == .correction(1))
        #expect(try version("2026.1.24-3").kind == .correction(3))
        #expect(try !version("2026.1.24-3").isPrerelease)
        #expect(try version("2026.2.19-beta.1").isPrerelease)
        #expect(try version("2.0.0-beta3").kind == .otherPrerelease)
        #expect(try version("0.1.0").kind == .stable)
        #expect(try version("1.0.0-rc.1").isPrerelease)
    }

    @Test func acceptsALeadingVWhitespaceAndTheLegacyDotBeta() throws {
        #expect(try version("v2026.2.19") == version("2026.2.19"))
        #expect(try version("V2026.2.19-beta.2") == version("2026.2.19-beta.2"))
        #expect(try version("  2026.2.19\n") == version("2026.2.19"))
        #expect(try version("1.2.3.beta.4") == version("1.2.3-beta.4"))
        #expect(try version("1.2.3.beta.4").kind == .beta(4))
        #expect(try version("v1.2.3.beta").description == "1.2.3-beta")
    }

    @Test(arguments: [
        "", " ", "v", "dev", "unknown", "latest", "2026", "2026.2", "2026.2.19.1", "2026.2.x",
        "2026.02.19", "2026.2.019", "02026.2.19", "2026.2.19-", "2026.2.19-beta..1", "2026.2.19-beta.01",
        "2026.2.19+", "2026.2.19+a..b", "2026.2.19-0", "2026.2.19-be_ta", "2026.2.19 beta", "vv2026.2.19",
        "-2026.2.19", "2026.-2.19", "99999999999999999999.1.1", "1.2.3.alpha.1", "2026.2.19-ß",
        String(repeating: "1", count: 300) + ".1.1",
    ])
    func rejectsWhatIsNotAVersion(_ text: String) {
        #expect(OpenClawVersion(text) == nil, "\(text.debugDescription) should not parse")
    }

    @Test(arguments: [
        "2026.2.19", "2026.2.19-beta.1", "2026.2.19-alpha.12", "2026.2.19-1", "2026.7.1-2", "0.1.0",
        "2.0.0-beta3", "1.0.0-rc.1.x-y", "2026.2.19+build.7", "2026.8.35", "0.0.0",
    ])
    func descriptionRoundTrips(_ text: String) throws {
        let parsed = try version(text)
        #expect(parsed.description == text)
        #expect(OpenClawVersion(parsed.description) == parsed)
        #expect(try version("v" + text).description == text)
    }

    /// Each list is strictly ascending; every pair is checked both ways.
    @Test(arguments: [
        // The documented order: prerelease < stable < corrections < next patch.
        ["2026.2.19-beta.1", "2026.2.19", "2026.2.19-1", "2026.2.20"],
        ["2026.2.19-alpha.1", "2026.2.19-alpha.2", "2026.2.19-beta.1", "2026.2.19", "2026.2.19-1", "2026.2.19-2"],
        // Numbers compare numerically, not as text.
        ["2026.2.19-beta.2", "2026.2.19-beta.10"],
        ["2026.2.19-2", "2026.2.19-10"],
        ["2026.2.9", "2026.2.10", "2026.10.1", "2027.1.1"],
        // A correction sorts below the next patch and its prereleases.
        ["2026.7.1-2", "2026.7.2-alpha.1", "2026.7.2-beta.1", "2026.7.2"],
        ["2026.1.24-3", "2026.1.29-beta.1", "2026.1.29"],
        // Extended-stable builds are ordinary numbers in the order.
        ["2026.6.32", "2026.6.33", "2026.6.35", "2026.7.1"],
        // Semver's prerelease rules for other shapes: numeric below words, shorter first.
        ["1.0.0-1.2", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-rc.1", "1.0.0", "1.0.0-1"],
        ["0.1.0", "2.0.0-beta3", "2.0.0", "2026.1.14-1"],
    ])
    func ordersAsOpenClawDoes(_ ascending: [String]) throws {
        let versions = try ascending.map { try version($0) }
        for i in versions.indices {
            for j in versions.indices {
                #expect((versions[i] < versions[j]) == (i < j), "\(ascending[i]) < \(ascending[j]) should be \(i < j)")
                #expect((versions[i] == versions[j]) == (i == j))
            }
        }
        #expect(versions.shuffled().sorted() == versions)
    }

    @Test func buildMetadataDoesNotCount() throws {
        let plain = try version("2026.2.19")
        let built = try version("2026.2.19+abc.1")
        #expect(plain == built && !(plain < built) && !(built < plain))
        #expect(Set([plain, built]).count == 1)
        #expect(built.buildMetadata == ["abc", "1"])
    }

    @Test func npmWouldOrderCorrectionsTheOtherWay() throws {
        // The reason this type exists: under npm semver `2026.2.19-1` is a prerelease of
        // `2026.2.19`; OpenClaw ships it after.
        #expect(try version("2026.2.19") < version("2026.2.19-1"))
        #expect(try version("2026.2.19-1") < version("2026.2.20-beta.1"))
    }

    @Test func baseDropsThePrerelease() throws {
        #expect(try version("2026.2.19-beta.1").base == version("2026.2.19"))
        #expect(try version("2026.2.19-2").base == version("2026.2.19"))
        #expect(try version("2026.2.19+x").base.description == "2026.2.19")
    }

    @Test func extendedStableIsAPlainStableWithPatch33OrMore() throws {
        #expect(try version("2026.6.33").isExtendedStable)
        #expect(try version("2026.8.35").isExtendedStable)
        #expect(try !version("2026.6.32").isExtendedStable)
        #expect(try !version("2026.6.33-beta.1").isExtendedStable)
        #expect(try !version("2026.6.33-1").isExtendedStable)
        #expect(try !version("0.0.40").isExtendedStable)
    }

    @Test func codesAsAJSONString() throws {
        let original = try version("2026.2.19-beta.1")
        let data = try JSONEncoder().encode([original])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026.2.19-beta.1"]"#)
        #expect(try JSONDecoder().decode([OpenClawVersion].self, from: data) == [original])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([OpenClawVersion].self, from: Data(#"["dev"]"#.utf8)) }
    }

    /// Every pair is ordered exactly one way (or equal), and the order is transitive,
    /// over a pool that mixes every shape.
    @Test func theOrderIsAStrictTotalOrder() throws {
        let pool = try [
            "2026.2.19", "2026.2.19-1", "2026.2.19-2", "2026.2.19-10", "2026.2.19-beta.1", "2026.2.19-beta.2",
            "2026.2.19-beta.10", "2026.2.19-alpha.1", "2026.2.19-rc.1", "2026.2.19-1.2", "2026.2.20", "2026.2.20-beta.1",
            "2026.10.1", "2026.6.33", "2027.1.1", "0.1.0", "2.0.0-beta3", "2.0.0", "1.0.0-alpha", "1.0.0-alpha.beta",
            "2026.2.19+build", "2026.1.24-3", "2026.1.29-beta.1",
        ].map { try version($0) }
        for a in pool {
            for b in pool {
                let relations = [a < b, b < a, a == b].filter { $0 }.count
                #expect(relations == 1, "\(a) vs \(b)")
                for c in pool where a < b && b < c {
                    #expect(a < c, "\(a) < \(b) < \(c)")
                }
            }
        }
    }

    /// Whatever the text, parsing returns (never traps), and what parses prints back to
    /// an equal version.
    @Test func arbitraryTextParsesOrIsRefused() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789.-+vVabetalph ")
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...20, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            if let parsed = OpenClawVersion(text) {
                #expect(OpenClawVersion(parsed.description) == parsed, "\(text.debugDescription)")
            }
        }
    }
}
