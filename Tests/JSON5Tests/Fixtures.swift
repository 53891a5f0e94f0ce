import Foundation

/// The official JSON5 parse suite, read from the source tree (not SwiftPM resources).
enum Fixtures {
    static let suiteDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/json5-tests")

    /// Every case, as a path relative to the suite. The extension tells the expectation:
    /// `.json` and `.json5` must parse, `.js` and `.txt` must fail (see its README).
    static let cases: [String] = {
        let paths = (try? FileManager.default.subpathsOfDirectory(atPath: suiteDirectory.path)) ?? []
        return paths.filter { ["json", "json5", "js", "txt"].contains(pathExtension($0)) }.sorted()
    }()

    static let validCases = cases.filter(isValid)

    static func isValid(_ path: String) -> Bool {
        ["json", "json5"].contains(pathExtension(path))
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: suiteDirectory.appendingPathComponent(path)))
    }

    static func text(_ path: String) throws -> String? {
        String(data: try Data(contentsOf: suiteDirectory.appendingPathComponent(path)), encoding: .utf8)
    }

    private static func pathExtension(_ path: String) -> String {
        URL(fileURLWithPath: path).pathExtension
    }
}
