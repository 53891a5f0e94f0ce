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
    try exampleAudit(example).report
}

/// A declared example as audited: the report, and the texts that held `↓` markers (the
/// config, always, and any file of the example) as written to disk, with the offsets in
/// those texts where the markers stood.
struct ExampleAudit {
    struct MarkedText {
        /// nil for the config (whose path the report knows); else the file's absolute path.
        var path: String?
        var text: String
        var markerOffsets: [Int]
    }

    var report: AuditReport
    var markedTexts: [MarkedText]
    /// The state dir the example was laid out in (it lives as long as this value).
    var directory: TemporaryDirectory
    var environment: [String: String]
}

func exampleAudit(_ example: CheckExample) throws -> ExampleAudit {
    let dir = try TemporaryDirectory()
    let stateDir = dir.url("state")
    let port = String(closedLoopbackPort())
    func fill(_ text: String) -> String {
        text.replacingOccurrences(of: "{stateDir}", with: stateDir).replacingOccurrences(of: "{closedPort}", with: port)
    }
    // Placeholders never span a marker: filling the text between markers piece by piece
    // gives the markers' offsets in the text written to disk.
    func fill(_ text: String, markers: [Int]) -> (String, [Int]) {
        var written = ""
        var offsets: [Int] = []
        var start = 0
        let bytes = Array(text.utf8)
        for offset in markers {
            written += fill(String(decoding: bytes[start..<offset], as: UTF8.self))
            offsets.append(written.utf8.count)
            start = offset
        }
        written += fill(String(decoding: bytes[start...], as: UTF8.self))
        return (written, offsets)
    }
    let (writtenConfig, configMarkers) = fill(example.config, markers: example.markerOffsets)
    var markedTexts = [ExampleAudit.MarkedText(path: nil, text: writtenConfig, markerOffsets: configMarkers)]
    var fixtures: [FileFixture] = []
    var rawFiles: [(String, String)] = []
    for var fixture in example.files {
        if case .file(let content) = fixture.kind {
            if fixture.path.contains("\u{FFFD}") {
                rawFiles.append((fixture.path, fill(content)))
                continue
            }
            let (written, markers) = fill(content, markers: fixture.markerOffsets)
            fixture.kind = .file(written)
            if !markers.isEmpty {
                let path = fixture.path.hasPrefix("/") ? fixture.path : PathNormalization.normalize(stateDir + "/" + fixture.path)
                markedTexts.append(ExampleAudit.MarkedText(path: path, text: written, markerOffsets: markers))
            }
        }
        fixtures.append(fixture)
    }
    var environment = example.environment.mapValues(fill)
    if !example.programs.isEmpty {
        for (name, script) in example.programs { try dir.write("bin/" + name, script, mode: 0o755) }
        environment["PATH"] = dir.url("bin")
        environment.merge(fakeDockerDaemon(for: example.programs)) { own, _ in own }
    }
    // Never probe a real gateway that may run on the default port of this machine.
    if example.deep, !example.config.contains("port"), environment["OPENCLAW_GATEWAY_PORT"] == nil {
        environment["OPENCLAW_GATEWAY_PORT"] = port
    }
    var context = try auditContext(
        in: dir, config: writtenConfig, environment: environment, files: fixtures, release: example.release)
    for (path, content) in rawFiles {
        try dir.writeRaw("state/" + path, content)
    }
    func result(_ report: AuditReport) -> ExampleAudit {
        ExampleAudit(report: report, markedTexts: markedTexts, directory: dir, environment: environment)
    }
    guard example.deep else { return result(Auditor.run(context, timestamp: 0)) }
    var env = environment
    env["HOME"] = dir.url("home")
    env["OPENCLAW_STATE_DIR"] = env["OPENCLAW_STATE_DIR"] ?? stateDir
    var request = AuditRequest(environment: env, cwd: dir.path, systemHome: nil, deep: true, loadDotEnv: false)
    request.openclawVersion = context.releaseEvidence.claims.first { $0.source == .flag }.flatMap { OpenClawVersion($0.text) }
    context.deep = true
    context = try DeepAudit.collect(into: context, request: request, options: DeepAuditOptions(timeoutMilliseconds: 5000))
    return result(Auditor.run(context, timestamp: 0))
}
