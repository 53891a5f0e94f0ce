/// Credentials written into a URL's authority (`scheme://user:password@host`), found
/// anywhere in a string: a proxy URL, a provider `baseUrl`, a `DATABASE_URL` in
/// `env.vars`, a command line. Any scheme counts (`postgresql://`, `redis://`), since
/// the userinfo syntax is the same (RFC 3986 §3.2.1).
struct URLCredentials: Sendable, Equatable {
    var scheme: String
    var username: String
    var password: String
    /// The URL with the password (and a token-like user name) replaced by `***`.
    var redacted: String

    /// A user name this long with no password is a token (`https://ghp_…@github.com`).
    static let tokenUserNameLength = 20

    static func find(in text: String) -> [URLCredentials] {
        let scalars = Array(text.unicodeScalars)
        var found: [URLCredentials] = []
        var index = 0
        while index + 3 <= scalars.count {
            guard scalars[index] == ":", index + 2 < scalars.count, scalars[index + 1] == "/", scalars[index + 2] == "/" else {
                index += 1
                continue
            }
            var schemeStart = index
            while schemeStart > 0, isSchemeCharacter(scalars[schemeStart - 1]) { schemeStart -= 1 }
            let authorityStart = index + 3
            var authorityEnd = authorityStart
            while authorityEnd < scalars.count, !endsAuthority(scalars[authorityEnd]) { authorityEnd += 1 }
            defer { index = max(authorityEnd, index + 1) }
            // A scheme starts with a letter (RFC 3986 §3.1).
            while schemeStart < index, !(scalars[schemeStart].isASCII && scalars[schemeStart].properties.isAlphabetic) {
                schemeStart += 1
            }
            guard schemeStart < index else { continue }
            let authority = scalars[authorityStart..<authorityEnd]
            guard let at = authority.lastIndex(of: "@") else { continue }
            let userinfo = authority[authorityStart..<at]
            let user: ArraySlice<Unicode.Scalar>
            let password: ArraySlice<Unicode.Scalar>
            if let colon = userinfo.firstIndex(of: ":") {
                user = userinfo[authorityStart..<colon]
                password = userinfo[(colon + 1)..<at]
            } else {
                user = userinfo
                password = []
            }
            let userText = string(user), passwordText = string(password)
            let tokenUser = passwordText.isEmpty && userText.count >= tokenUserNameLength
            guard !passwordText.isEmpty || tokenUser else { continue }
            let shownUser = tokenUser ? "***" : userText
            let shownPassword = passwordText.isEmpty ? "" : ":***"
            let redacted = string(scalars[schemeStart..<authorityStart]) + shownUser + shownPassword
                + string(authority[at...]) + string(scalars[authorityEnd..<min(scalars.count, authorityEnd + 200)].prefix { !$0.properties.isWhitespace })
            found.append(URLCredentials(
                scheme: string(scalars[schemeStart..<index]).lowercased(), username: userText, password: passwordText, redacted: redacted))
        }
        return found
    }

    /// Whether the secret part is a `${VAR}` the loader fills: the credential then lives
    /// in the environment, not in the file.
    var isReference: Bool {
        let secret = password.isEmpty ? username : password
        return secret.hasPrefix("${") && secret.hasSuffix("}")
    }

    private static func isSchemeCharacter(_ s: Unicode.Scalar) -> Bool {
        s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "+" || s == "-" || s == ".")
    }

    private static func endsAuthority(_ s: Unicode.Scalar) -> Bool {
        s == "/" || s == "?" || s == "#" || s == "\"" || s == "'" || s == "`" || s == "<" || s == ">" || s.properties.isWhitespace
    }

    private static func string<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
