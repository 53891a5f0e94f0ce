/// Whether a CDP host is this machine, or a private / internal network endpoint.
enum HostClassification {
    static func unbracketed(_ host: String) -> String {
        host.hasPrefix("[") && host.hasSuffix("]") && host.count >= 2 ? String(host.dropFirst().dropLast()) : host
    }

    /// `localhost`, 127.0.0.0/8, `::1` and IPv4-mapped loopback (`isLoopbackHost`), plus
    /// the unspecified addresses `0.0.0.0` and `::`, which reach the local machine too.
    static func isLoopback(_ rawHost: String) -> Bool {
        let host = unbracketed(rawHost.trimmingWhitespace.lowercased())
        guard !host.isEmpty else { return false }
        if host == "localhost" { return true }
        if let v4 = IPAddress.parseCanonicalIPv4(host) { return IPAddress.isLoopbackIPv4(v4) || v4 == 0 }
        guard let pieces = IPAddress.parseIPv6Literal(host) else { return false }
        if pieces[0..<7].allSatisfy({ $0 == 0 }), pieces[7] <= 1 { return true }
        return IPAddress.mappedIPv4(pieces).map(IPAddress.isLoopbackIPv4) ?? false
    }

    /// The SSRF guard's `isBlockedHostnameOrIp`: local and
    /// internal names, private and special-use addresses, and IP literals too odd to
    /// judge (malformed IPv6, octal/hex/short IPv4).
    static func isPrivateOrInternal(_ rawHost: String) -> Bool {
        var host = unbracketed(rawHost.trimmingWhitespace.lowercased())
        while host.hasSuffix(".") { host.removeLast() }
        host = unbracketed(host)
        guard !host.isEmpty else { return false }
        if ["localhost", "localhost.localdomain", "metadata.google.internal"].contains(host)
            || host.hasSuffix(".localhost") || host.hasSuffix(".local") || host.hasSuffix(".internal") {
            return true
        }
        if let v4 = IPAddress.parseCanonicalIPv4(host) { return IPAddress.isSpecialUseIPv4(v4) }
        if host.contains(":") {
            guard let pieces = IPAddress.parseIPv6Literal(host) else { return true }
            return IPAddress.isSpecialUseIPv6(pieces)
        }
        return isLegacyIPv4Literal(host)
    }

    /// 1 to 4 dot-separated numeric parts (decimal or `0x` hex) that are not canonical
    /// dotted decimal: `127.1`, `0177.0.0.1`, `0x7f000001`.
    static func isLegacyIPv4Literal(_ host: String) -> Bool {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...4).contains(parts.count) else { return false }
        return parts.allSatisfy { part in
            guard !part.isEmpty else { return false }
            if part.allSatisfy({ $0.isASCII && $0.isNumber }) { return true }
            let lower = part.lowercased()
            return lower.hasPrefix("0x") && lower.count > 2 && lower.dropFirst(2).allSatisfy { $0.isASCII && $0.isHexDigit }
        }
    }
}
