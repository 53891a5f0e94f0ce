/// The part of the WHATWG URL parser (`new URL(text)` in the original) that the
/// browser checks depend on: which strings are URLs at all, the lower-cased scheme, the
/// host as the URL standard normalises it (IPv4 in any numeric form becomes dotted
/// decimal, IPv6 is compressed), the port without the scheme's default, and the
/// serialised form. International domain names are lower-cased but not converted to
/// punycode.
struct WebURL: Sendable, Equatable {
    var scheme: String
    var username = ""
    var password = ""
    /// Serialised host (IPv6 in brackets); nil for URLs without an authority.
    var host: String?
    /// nil when absent or equal to the scheme's default port.
    var port: Int?
    var path = ""
    var query: String?
    var fragment: String?

    static let defaultPorts: [String: Int] = ["http": 80, "https": 443, "ws": 80, "wss": 443, "ftp": 21]

    var isSpecial: Bool { Self.defaultPorts[scheme] != nil || scheme == "file" }
    /// `url.hostname`.
    var hostname: String { host ?? "" }

    /// `url.href`.
    var href: String {
        var out = scheme + ":"
        if let host {
            out += "//"
            if !username.isEmpty || !password.isEmpty {
                out += username
                if !password.isEmpty { out += ":" + password }
                out += "@"
            }
            out += host
            if let port { out += ":\(port)" }
        }
        out += path
        if let query { out += "?" + query }
        if let fragment { out += "#" + fragment }
        return out
    }

    static func parse(_ raw: String) -> WebURL? {
        var scalars = Array(raw.unicodeScalars)
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        while let last = scalars.last, last.value <= 0x20 { scalars.removeLast() }
        scalars.removeAll { $0 == "\t" || $0 == "\n" || $0 == "\r" }

        guard let colon = scalars.firstIndex(of: ":"), colon > 0, isAlpha(scalars[0]),
              scalars[..<colon].allSatisfy({ isAlpha($0) || isDigit($0) || $0 == "+" || $0 == "-" || $0 == "." })
        else { return nil }
        var url = WebURL(scheme: String(String.UnicodeScalarView(scalars[..<colon])).lowercased())
        var rest = Array(scalars[(colon + 1)...])
        if let hash = rest.firstIndex(of: "#") {
            url.fragment = encode(rest[(hash + 1)...], set: .fragment)
            rest = Array(rest[..<hash])
        }

        guard url.isSpecial else {
            // Opaque or authority-based URL of another scheme: valid as written.
            if let question = rest.firstIndex(of: "?") {
                url.query = encode(rest[(question + 1)...], set: .query)
                rest = Array(rest[..<question])
            }
            url.path = String(String.UnicodeScalarView(rest))
            return url
        }

        if url.scheme == "file" {
            // `file://host/path`; without the two slashes there is no host.
            guard rest.count >= 2, rest[0] == "/" || rest[0] == "\\", rest[1] == "/" || rest[1] == "\\" else {
                url.host = ""
                url.path = normalizePath(rest)
                return url
            }
            rest.removeFirst(2)
        } else {
            while let first = rest.first, first == "/" || first == "\\" { rest.removeFirst() }
        }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "\\" || $0 == "?" } ?? rest.endIndex
        var authority = Array(rest[..<authorityEnd])
        rest = Array(rest[authorityEnd...])

        if let at = authority.lastIndex(of: "@") {
            let credentials = authority[..<at]
            if let split = credentials.firstIndex(of: ":") {
                url.username = encode(credentials[..<split], set: .userinfo)
                url.password = encode(credentials[(split + 1)...], set: .userinfo)
            } else {
                url.username = encode(credentials, set: .userinfo)
            }
            authority = Array(authority[(at + 1)...])
        }

        var hostPart = authority[...]
        var portPart: ArraySlice<Unicode.Scalar>?
        if authority.first == "[" {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            hostPart = authority[...close]
            let after = authority[(close + 1)...]
            if let first = after.first {
                guard first == ":" else { return nil }
                portPart = after.dropFirst()
            }
        } else if let split = authority.firstIndex(of: ":") {
            hostPart = authority[..<split]
            portPart = authority[(split + 1)...]
        }

        if url.scheme == "file" {
            url.host = hostPart.isEmpty ? "" : parseHost(hostPart)
            guard url.host != nil else { return nil }
        } else {
            guard !hostPart.isEmpty, let host = parseHost(hostPart) else { return nil }
            url.host = host
        }
        if let portPart, !portPart.isEmpty {
            let significant = portPart.drop { $0 == "0" }
            guard portPart.allSatisfy(isDigit), significant.count <= 5 else { return nil }
            let value = Int(String(String.UnicodeScalarView(significant))) ?? 0
            guard value <= 65535 else { return nil }
            url.port = value == defaultPorts[url.scheme] ? nil : value
        }

        if let question = rest.firstIndex(of: "?") {
            url.query = encode(rest[(question + 1)...], set: .specialQuery)
            rest = Array(rest[..<question])
        }
        url.path = normalizePath(rest)
        return url
    }

    // MARK: - Host

    static func parseHost(_ input: ArraySlice<Unicode.Scalar>) -> String? {
        if input.first == "[" {
            guard input.last == "]", let pieces = IPAddress.parseIPv6(Array(input.dropFirst().dropLast())) else { return nil }
            return "[" + IPAddress.serializeIPv6(pieces) + "]"
        }
        let decoded = percentDecode(input)
        let forbidden: Set<Unicode.Scalar> = [" ", "#", "%", "/", ":", "<", ">", "?", "@", "[", "\\", "]", "^", "|"]
        guard !decoded.isEmpty,
              !decoded.unicodeScalars.contains(where: { $0.value <= 0x1F || $0.value == 0x7F || forbidden.contains($0) })
        else { return nil }
        let domain = decoded.lowercased()
        if IPAddress.endsInNumber(domain) {
            guard let address = IPAddress.parseWHATWGIPv4(domain) else { return nil }
            return IPAddress.dottedDecimal(address)
        }
        return domain
    }

    static func percentDecode<C: Collection>(_ input: C) -> String where C.Element == Unicode.Scalar {
        let chars = Array(input)
        var bytes: [UInt8] = []
        var i = 0
        while i < chars.count {
            if chars[i] == "%", i + 2 < chars.count, let high = hexValue(chars[i + 1]), let low = hexValue(chars[i + 2]) {
                bytes.append(UInt8(high * 16 + low))
                i += 3
                continue
            }
            bytes.append(contentsOf: Array(String(chars[i]).utf8))
            i += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: - Path and percent-encoding

    static func normalizePath(_ input: [Unicode.Scalar]) -> String {
        guard !input.isEmpty else { return "/" }
        let segments = input.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "\\" }.dropFirst()
        var output: [String] = []
        for (index, segment) in segments.enumerated() {
            let text = String(String.UnicodeScalarView(segment)).lowercased()
            let isLast = index == segments.count - 1
            if [".."  , ".%2e", "%2e.", "%2e%2e"].contains(text) {
                if !output.isEmpty { output.removeLast() }
                if isLast { output.append("") }
            } else if [".", "%2e"].contains(text) {
                if isLast { output.append("") }
            } else {
                output.append(encode(segment, set: .path))
            }
        }
        return "/" + output.joined(separator: "/")
    }

    enum EncodeSet {
        case fragment, query, specialQuery, path, userinfo

        func contains(_ s: Unicode.Scalar) -> Bool {
            if s.value <= 0x1F || s.value > 0x7E { return true }
            let common: Set<Unicode.Scalar> = [" ", "\"", "<", ">"]
            switch self {
            case .fragment: return common.contains(s) || s == "`"
            case .query: return common.contains(s) || s == "#"
            case .specialQuery: return common.contains(s) || s == "#" || s == "'"
            case .path: return common.contains(s) || ["#", "?", "`", "{", "}"].contains(s)
            case .userinfo:
                return common.contains(s) || ["#", "?", "`", "{", "}", "/", ":", ";", "=", "@", "[", "\\", "]", "^", "|"].contains(s)
            }
        }
    }

    static func encode<C: Collection>(_ input: C, set: EncodeSet) -> String where C.Element == Unicode.Scalar {
        var out = ""
        for scalar in input {
            if set.contains(scalar) {
                for byte in String(scalar).utf8 {
                    out += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
                }
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func isAlpha(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) || ("A"..."Z").contains(s) }
    static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
    static func hexValue(_ s: Unicode.Scalar) -> Int? { Int(String(s), radix: 16) }
}
