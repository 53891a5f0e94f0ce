#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text the audit read from outside that holds a line break: config keys and values,
/// environment values, paths and names found on disk, a gateway's messages, database
/// table names. Findings quote such text as it is, and JSON, SARIF and the other machine
/// formats carry it raw. The text reporter alone escapes it (`TextReporter`): it shows
/// each of these strings with its control characters escaped wherever a finding quotes
/// it, so a line break in a path or a value cannot start a line of its own and forge one
/// (`INFO …`), while the line breaks a check writes between its lines stay. Almost
/// always empty.
public struct UntrustedText: Sendable, Equatable {
    /// Longest first, so that a string is escaped before one it contains.
    public private(set) var strings: [String] = []

    public init(_ candidates: some Sequence<String> = []) {
        var seen = Set<String>()
        for candidate in candidates where Self.hasLineBreak(candidate) && seen.insert(candidate).inserted {
            strings.append(candidate)
        }
        strings.sort { $0.utf8.count > $1.utf8.count }
    }

    /// `text` with every occurrence of an untrusted string replaced by `escape(string)`.
    public func escaping(_ text: String, with escape: (String) -> String) -> String {
        guard !strings.isEmpty, Self.hasLineBreak(text) else { return text }
        var out = text
        for string in strings where out.contains(string) {
            out = out.replacing(string, with: escape(string))
        }
        return out
    }

    /// A line feed or a carriage return: the report's own text escapes every other
    /// control character wherever it comes from.
    static func hasLineBreak(_ text: String) -> Bool {
        // Called for every path and value the audit read (tens of thousands of
        // transcript paths): a search of the contiguous bytes when the string has them.
        if let found = text.utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
            return memchr(base, 0x0A, bytes.count) != nil || memchr(base, 0x0D, bytes.count) != nil
        }) {
            return found
        }
        return text.utf8.contains { $0 == 0x0A || $0 == 0x0D }
    }
}
