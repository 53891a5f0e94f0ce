import Foundation
import JSON5
@testable import SecurityAudit

/// A loopback port nothing listens on: bound once by the kernel's choice, then closed,
/// so a connection to it is refused at once.
func closedLoopbackPort() -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    precondition(fd >= 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
    }
    precondition(bound == 0)
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
}

extension TemporaryDirectory {
    /// Writes a file whose path may hold U+FFFD, written to disk as the byte 0xFF (a
    /// name that is not UTF-8).
    func writeRaw(_ relative: String, _ text: String) throws {
        let full = url(relative)
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        var bytes: [CChar] = []
        for scalar in full.unicodeScalars {
            if scalar == "\u{FFFD}" {
                bytes.append(CChar(bitPattern: 0xFF))
            } else {
                bytes.append(contentsOf: String(scalar).utf8.map { CChar(bitPattern: $0) })
            }
        }
        bytes.append(0)
        let fd = open(bytes, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        let data = Array(text.utf8)
        _ = data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    }
}

/// Audits a declared check example: its files laid out in the state dir, `{stateDir}`
/// and `{closedPort}` filled in, the deep collectors run when it asks for them.
func auditReport(example: CheckExample) throws -> AuditReport {
    let dir = try TemporaryDirectory()
    let stateDir = dir.url("state")
    let port = String(closedLoopbackPort())
    func fill(_ text: String) -> String {
        text.replacingOccurrences(of: "{stateDir}", with: stateDir).replacingOccurrences(of: "{closedPort}", with: port)
    }
    try dir.write("state/openclaw.json", fill(example.config))
    for (path, content) in example.files {
        try dir.writeRaw("state/" + path, fill(content))
    }
    try dir.makeDirectory("home")
    var env = example.environment
    env["HOME"] = dir.url("home")
    env["OPENCLAW_STATE_DIR"] = stateDir
    // Never probe a real gateway that may run on the default port of this machine.
    if example.deep, !example.config.contains("port"), env["OPENCLAW_GATEWAY_PORT"] == nil {
        env["OPENCLAW_GATEWAY_PORT"] = port
    }
    let request = AuditRequest(environment: env, cwd: dir.path, systemHome: nil, deep: example.deep, loadDotEnv: false)
    var context = try AuditPreparation.prepare(request)
    if example.deep {
        context = try DeepAudit.collect(into: context, request: request, options: DeepAuditOptions(timeoutMilliseconds: 5000))
    }
    return Auditor.run(context, timestamp: 0)
}
