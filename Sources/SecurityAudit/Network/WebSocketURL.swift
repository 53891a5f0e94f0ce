/// The parts of a `ws://` / `wss://` URL the deep probe's client needs, as WHATWG URL
/// parsing gives them for ordinary URLs (userinfo is dropped; it is never sent). Unlike
/// `WebURL` it does not normalize the host (`127.1` stays `127.1`): the probe connects to
/// what the config says, and `HostClassification.isLoopbackHost` judges that text.
struct WebSocketURL: Equatable {
    var isSecure: Bool
    /// Without brackets for IPv6.
    var host: String
    var port: Int
    var requestTarget: String

    init?(_ text: String) {
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("wss://") {
            isSecure = true
            rest = text.dropFirst(6)
        } else if lower.hasPrefix("ws://") {
            isSecure = false
            rest = text.dropFirst(5)
        } else {
            return nil
        }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        var target = String(rest[authorityEnd...])
        if let hash = target.firstIndex(of: "#") { target = String(target[..<hash]) }
        if target.isEmpty || target.hasPrefix("?") { target = "/" + target }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var portText: Substring = ""
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty { return nil }
        } else if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon])
            portText = authority[authority.index(after: colon)...]
        } else {
            host = String(authority)
        }
        host = host.lowercased()
        guard !host.isEmpty else { return nil }
        if portText.isEmpty {
            port = isSecure ? 443 : 80
        } else {
            guard portText.allSatisfy(\.isNumber), let value = Int(portText), value <= 65535 else { return nil }
            port = value
        }
        requestTarget = target
    }
}
