/// Whether a host is this machine, or a private / internal network endpoint: the one
/// place every loopback and private-address test of the audit lives. Upstream has
/// several helpers that answer "is this loopback" differently; each predicate here follows
/// the one its caller mirrors and says where it deliberately differs from the others.
enum HostClassification {
    static func unbracketed(_ host: String) -> String {
        host.hasPrefix("[") && host.hasSuffix("]") && host.count >= 2 ? String(host.dropFirst().dropLast()) : host
    }

    /// A CDP host (browser profiles): `localhost`, 127.0.0.0/8, `::1` and IPv4-mapped
    /// loopback (as `isLoopbackHost`), plus the unspecified addresses `0.0.0.0` and `::`,
    /// which reach the local machine too when a client connects to them.
    static func isLoopback(_ rawHost: String) -> Bool {
        let host = unbracketed(rawHost.trimmingWhitespace.lowercased())
        guard !host.isEmpty else { return false }
        if host == "localhost" { return true }
        if let v4 = IPAddress.parseCanonicalIPv4(host) { return IPAddress.isLoopbackIPv4(v4) || v4 == 0 }
        guard let pieces = IPAddress.parseIPv6Literal(host) else { return false }
        if pieces[0..<7].allSatisfy({ $0 == 0 }), pieces[7] <= 1 { return true }
        return IPAddress.mappedIPv4(pieces).map(IPAddress.isLoopbackIPv4) ?? false
    }

    /// Upstream's `isLoopbackHost` (`src/gateway/net.ts`), by which the deep probe refuses
    /// plaintext `ws://` to anything else: `localhost`, four decimal parts in
    /// 127.0.0.0/8 (leading zeros read as decimal), `::1` and IPv4-mapped 127.0.0.0/8,
    /// bracketed or not. Unlike `isLoopback`, `0.0.0.0` and `::` do not count: they are
    /// where a server listens, not an address the probe should send a token to in clear.
    static func isLoopbackHost(_ rawHost: String) -> Bool {
        let host = unbracketed(rawHost.trimmingWhitespace.lowercased())
        if host == "localhost" { return true }
        if let v4 = IPAddress.parseFourPartDecimal(host, allowingLeadingZeros: true) { return IPAddress.isLoopbackIPv4(v4) }
        guard let pieces = IPAddress.parseIPv6Literal(host) else { return false }
        return IPAddress.isLoopbackIPv6(pieces) || (IPAddress.mappedIPv4(pieces).map(IPAddress.isLoopbackIPv4) ?? false)
    }

    /// A host `docker port` prints for a published port, as upstream's sandbox browser
    /// check judges it (`src/security/audit-extra.async.ts`): only the literals
    /// `127.0.0.1`, `::1` and `localhost` are loopback. Deliberately narrower than
    /// `isLoopbackHost`: Docker prints the address the port was published on as given,
    /// and upstream compares those texts, so `127.0.0.2` is reported as upstream reports it.
    static func isLoopbackPublishHost(_ rawHost: String) -> Bool {
        ["127.0.0.1", "::1", "localhost"].contains(rawHost.trimmingWhitespace.lowercased())
    }

    /// A `gateway.trustedProxies` entry that names this machine only, as upstream's
    /// `gateway.real_ip_fallback_enabled` severity reads it (`src/security/audit.ts`):
    /// exactly `127.0.0.1` or `::1`, or the same as `/32` / `/128`. Deliberately not
    /// `isLoopbackHost`: a range such as `127.0.0.0/8` or another spelling of `::1` is
    /// not "strictly loopback" there, so the finding stays critical for it.
    static func isStrictLoopbackProxyEntry(_ entry: String) -> Bool {
        let candidate = entry.trimmingWhitespace
        guard !candidate.isEmpty else { return false }
        guard let slash = candidate.firstIndex(of: "/") else {
            return candidate == "127.0.0.1" || candidate.lowercased() == "::1"
        }
        let ip = candidate[..<slash].trimmingWhitespace
        let prefix = candidate[candidate.index(after: slash)...].trimmingWhitespace
        guard let bits = Int(prefix.prefix(while: \.isNumber)), !prefix.isEmpty else { return false }
        if ip == "127.0.0.1" { return bits == 32 }
        if ip.lowercased() == "::1" { return bits == 128 }
        return false
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
