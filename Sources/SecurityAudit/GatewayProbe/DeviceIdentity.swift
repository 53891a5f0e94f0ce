import Crypto

/// The CLI's Ed25519 device key, which signs the probe's `connect` request
/// (`src/infra/device-identity.ts`). The audit reads `identity/device.json` and
/// `identity/device-auth.json` but never writes them: where the original would create
/// a key pair on disk, the audit uses a key that lives only for this run.
struct DeviceIdentity: Sendable {
    /// The 32-byte Ed25519 seed (Crypto's key type is not `Sendable`).
    let seed: [UInt8]
    /// Whether the key came from `identity/device.json` (a paired device).
    let isStored: Bool

    private var privateKey: Curve25519.Signing.PrivateKey {
        // The seed was validated when the identity was made.
        (try? Curve25519.Signing.PrivateKey(rawRepresentation: seed)) ?? Curve25519.Signing.PrivateKey()
    }

    var rawPublicKey: [UInt8] { Array(privateKey.publicKey.rawRepresentation) }

    /// SHA-256 of the raw public key, hex: the id the gateway derives from the key.
    var deviceId: String { Crypto.SHA256.hash(data: rawPublicKey).map { byteHex($0) }.joined() }

    var publicKeyBase64URL: String { Base64.encode(rawPublicKey, urlSafe: true) }

    func sign(_ payload: String) -> String {
        let signature = (try? privateKey.signature(for: Array(payload.utf8))).map { Array($0) } ?? []
        return Base64.encode(signature, urlSafe: true)
    }

    static func ephemeral() -> DeviceIdentity {
        DeviceIdentity(seed: Array(Curve25519.Signing.PrivateKey().rawRepresentation), isStored: false)
    }

    /// `identity/device.json` (version 1, PKCS#8 PEM private key), or nil when it is
    /// missing or unusable.
    static func load(stateDir: String, fileSystem: any FileSystemAccess = POSIXFileSystem()) -> DeviceIdentity? {
        let path = PathNormalization.join(stateDir, "identity", "device.json")
        guard let bytes = try? fileSystem.readFile(path, limit: 64 * 1024).get(),
              let document = try? StrictJSON.parse(String(decoding: bytes, as: UTF8.self)),
              document["version"]?.integerValue == 1,
              let pem = document["privateKeyPem"]?.stringValue,
              let seed = ed25519Seed(fromPKCS8PEM: pem),
              (try? Curve25519.Signing.PrivateKey(rawRepresentation: seed)) != nil
        else { return nil }
        return DeviceIdentity(seed: seed, isStored: true)
    }

    /// The cached device token for `role` from `identity/device-auth.json`, when it
    /// belongs to this device.
    static func storedDeviceToken(
        stateDir: String, deviceId: String, role: String, fileSystem: any FileSystemAccess = POSIXFileSystem()
    ) -> String? {
        let path = PathNormalization.join(stateDir, "identity", "device-auth.json")
        guard let bytes = try? fileSystem.readFile(path, limit: 256 * 1024).get(),
              let document = try? StrictJSON.parse(String(decoding: bytes, as: UTF8.self)),
              document["version"]?.integerValue == 1,
              document["deviceId"]?.stringValue == deviceId,
              let token = document["tokens"]?[role.trimmingWhitespace.lowercased()]?["token"]?.stringValue,
              !token.trimmingWhitespace.isEmpty
        else { return nil }
        return token.trimmingWhitespace
    }

    /// An Ed25519 PKCS#8 key is a fixed 16-byte DER prefix followed by the 32-byte seed.
    static let pkcs8Prefix: [UInt8] = [
        0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
    ]

    static func ed25519Seed(fromPKCS8PEM pem: String) -> [UInt8]? {
        let body = pem.split(whereSeparator: \.isNewline)
            .filter { !$0.hasPrefix("-----") }
            .joined()
        guard let der = Base64.decode(body), der.count == pkcs8Prefix.count + 32,
              Array(der.prefix(pkcs8Prefix.count)) == pkcs8Prefix
        else { return nil }
        return Array(der.suffix(32))
    }

    private func byteHex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}

/// RFC 4648 base64, with the URL-safe unpadded variant the gateway uses for keys and
/// signatures.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8], urlSafe: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let b0 = bytes[index]
            let b1 = index + 1 < bytes.count ? bytes[index + 1] : 0
            let b2 = index + 2 < bytes.count ? bytes[index + 2] : 0
            out.append(alphabet[Int(b0 >> 2)])
            out.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
            out.append(index + 1 < bytes.count ? alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            out.append(index + 2 < bytes.count ? alphabet[Int(b2 & 0x3F)] : UInt8(ascii: "="))
            index += 3
        }
        var text = String(decoding: out, as: UTF8.self)
        if urlSafe {
            text = String(text.compactMap { $0 == "=" ? nil : $0 == "+" ? "-" : $0 == "/" ? "_" : $0 })
        }
        return text
    }

    static func decode(_ text: String) -> [UInt8]? {
        var values: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): values.append(byte - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): values.append(byte - UInt8(ascii: "a") + 26)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): values.append(byte - UInt8(ascii: "0") + 52)
            case UInt8(ascii: "+"), UInt8(ascii: "-"): values.append(62)
            case UInt8(ascii: "/"), UInt8(ascii: "_"): values.append(63)
            case UInt8(ascii: "="), 0x20, 0x09, 0x0A, 0x0D: continue
            default: return nil
            }
        }
        guard values.count % 4 != 1 else { return nil }
        var out: [UInt8] = []
        var index = 0
        while index < values.count {
            let chunk = values[index..<min(index + 4, values.count)].map { $0 } + [0, 0, 0, 0]
            out.append(chunk[0] << 2 | chunk[1] >> 4)
            if index + 2 < values.count { out.append(chunk[1] << 4 | chunk[2] >> 2) }
            if index + 3 < values.count { out.append(chunk[2] << 6 | chunk[3]) }
            index += 4
        }
        return out
    }
}
