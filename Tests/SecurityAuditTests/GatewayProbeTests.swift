import Crypto
import Foundation
import NIOCore
import NIOPosix
import Testing
@testable import SecurityAudit

/// The live probe against a real WebSocket peer on 127.0.0.1, one test per way the peer
/// can behave. Every probe has a deadline; the expected error texts tell a probe that
/// ended on its own (`connect failed: ...`) from one the deadline ended (`timeout`).
@Suite(.serialized)
struct GatewayProbeTests {
    func probe(
        port: Int, budgetMilliseconds: Int = 5000, credentials: GatewayProbeCredentials = GatewayProbeCredentials(),
        identity: DeviceIdentity = .ephemeral()
    ) throws -> GatewayProbeResult {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { try? group.syncShutdownGracefully() }
        let target = try GatewayTarget.resolve(
            config: try config("{ gateway: { port: \(port) } }"), environment: [:], configPath: "/dev/null")
        let request = GatewayProbe.Request(
            target: target, credentials: credentials, identity: identity, storedDeviceToken: nil,
            deadline: .now() + .milliseconds(Int64(budgetMilliseconds)))
        return try GatewayProbe.start(request, on: group.next()).wait()
    }

    func config(_ text: String) throws -> ConfigNode {
        let dir = try TemporaryDirectory()
        let path = try dir.write("openclaw.json", text)
        return try ConfigLoader(environment: [:]).load(path: path).root
    }

    func withPeer<T>(_ mode: GatewayTestPeer.Mode, _ body: (GatewayTestPeer) throws -> T) throws -> T {
        let peer = try GatewayTestPeer(mode: mode)
        defer { peer.shutdown() }
        return try body(peer)
    }

    @Test func acceptingGatewayAnswersAllFourReads() throws {
        let identity = DeviceIdentity.ephemeral()
        let (result, frames) = try withPeer(.accepts(requiredToken: "secret-token")) { peer in
            (try probe(port: peer.port, credentials: GatewayProbeCredentials(token: "secret-token"), identity: identity),
             peer.receivedFrames)
        }
        #expect(result.ok)
        #expect(result.error == nil)
        #expect(result.url?.hasPrefix("ws://127.0.0.1:") == true)

        let connect = try #require(frames.first)
        #expect(connect["method"]?.stringValue == "connect")
        let params = try #require(connect["params"])
        #expect(params["role"]?.stringValue == "operator")
        #expect(params["scopes"] == .array([.string("operator.read")]))
        #expect(params["minProtocol"]?.integerValue == 3 && params["maxProtocol"]?.integerValue == 4)
        #expect(params["client"]?["id"]?.stringValue == "cli")
        #expect(params["client"]?["mode"]?.stringValue == "probe")
        #expect(params["auth"]?["token"]?.stringValue == "secret-token")
        #expect(params["auth"]?["password"] == nil)

        // The device block is signed with the identity's key over the v3 payload.
        let device = try #require(params["device"])
        #expect(device["id"]?.stringValue == identity.deviceId)
        #expect(device["nonce"]?.stringValue == "nonce-123")
        let signedAt = try #require(device["signedAt"]?.integerValue)
        let platform = params["client"]?["platform"]?.stringValue ?? ""
        let payload = "v3|\(identity.deviceId)|cli|probe|operator|operator.read|\(signedAt)|secret-token|nonce-123|\(platform)|"
        let key = try Curve25519.Signing.PublicKey(
            rawRepresentation: try #require(Base64.decode(device["publicKey"]?.stringValue ?? "")))
        let signature = try #require(Base64.decode(device["signature"]?.stringValue ?? ""))
        #expect(key.isValidSignature(signature, for: Array(payload.utf8)))

        let reads = frames.dropFirst().compactMap { $0["method"]?.stringValue }
        #expect(reads == ["health", "status", "system-presence", "config.get"])
        #expect(frames.last?["params"] == .object([]))
        #expect(frames.dropFirst().prefix(3).allSatisfy { $0["params"] == nil })
    }

    /// Today's gateways speak protocol 4 only and check that the device signed the
    /// challenge's `ts`; the probe connects and learns the gateway's release.
    @Test func protocolFourGatewayAcceptsTheProbe() throws {
        let (result, frames) = try withPeer(.speaks(protocols: 4...4, serverVersion: "2026.9.9")) { peer in
            (try probe(port: peer.port, credentials: GatewayProbeCredentials(token: "t")), peer.receivedFrames)
        }
        #expect(result.ok, "\(String(describing: result.error))")
        #expect(result.serverVersion == "2026.9.9")
        #expect(frames.first?["params"]?["device"]?["signedAt"]?.integerValue == GatewayTestPeer.challengeTime)
        #expect(frames.dropFirst().compactMap { $0["method"]?.stringValue } == ["health", "status", "system-presence", "config.get"])
    }

    @Test func protocolThreeGatewayStillWorksAndAFutureOneIsAMismatch() throws {
        let legacy = try withPeer(.speaks(protocols: 3...3, serverVersion: "2026.4.20")) { try probe(port: $0.port) }
        #expect(legacy.ok && legacy.serverVersion == "2026.4.20")
        let future = try withPeer(.speaks(protocols: 5...5, serverVersion: "2027.1.1")) { try probe(port: $0.port) }
        #expect(!future.ok)
        #expect(future.error?.contains("protocol mismatch") == true, "\(String(describing: future.error))")
    }

    @Test func rejectedAuthEndsWithThePeersPolicyClose() throws {
        let result = try withPeer(.rejectsAuth) { try probe(port: $0.port) }
        #expect(!result.ok)
        #expect(result.error == "connect failed: unauthorized: gateway token mismatch")
        #expect(result.close?.code == 1008)
    }

    @Test func wrongTokenIsRejected() throws {
        let result = try withPeer(.accepts(requiredToken: "right")) {
            try probe(port: $0.port, credentials: GatewayProbeCredentials(token: "wrong"))
        }
        #expect(!result.ok)
        #expect(result.error == "connect failed: unauthorized: gateway token mismatch")
    }

    @Test func silentPeerEndsAtTheDeadline() throws {
        let result = try withPeer(.neverAnswers) { try probe(port: $0.port, budgetMilliseconds: 300) }
        #expect(!result.ok)
        #expect(result.error == "timeout")
        #expect(result.close == nil)
    }

    @Test func peerClosingMidHandshakeFailsAtOnce() throws {
        let result = try withPeer(.closesMidHandshake) { try probe(port: $0.port) }
        #expect(!result.ok)
        #expect(result.error == "connect failed: socket hang up")
    }

    @Test func garbageInsteadOfHTTPIsAParseError() throws {
        let result = try withPeer(.sendsGarbage) { try probe(port: $0.port) }
        #expect(!result.ok)
        #expect(result.error?.hasPrefix("connect failed: Parse Error") == true, "\(result.error ?? "nil")")
    }

    @Test func garbageFramesAndNoChallengeTimeOutTheChallenge() throws {
        let result = try withPeer(.sendsGarbageFrames) { try probe(port: $0.port) }
        #expect(!result.ok)
        #expect(result.error == "connect failed: gateway connect challenge timeout")
        #expect(result.close?.code == 1008)
    }

    @Test func garbageFramesWithinAShortBudgetEndAtTheDeadline() throws {
        let result = try withPeer(.sendsGarbageFrames) { try probe(port: $0.port, budgetMilliseconds: 400) }
        #expect(result.error == "timeout")
    }

    @Test func refusedReadReportsTheGatewaysError() throws {
        let result = try withPeer(.rejectsReads) { try probe(port: $0.port) }
        #expect(!result.ok)
        #expect(result.error == "missing scope: operator.read")
    }

    @Test func nothingListeningIsRefusedAtOnce() throws {
        let port = closedLoopbackPort()
        let result = try probe(port: port)
        #expect(!result.ok)
        #expect(result.error == "connect failed: connect ECONNREFUSED 127.0.0.1:\(port)")
    }

    // MARK: the whole deep step

    func deepAudit(config: String, environment: [String: String] = [:], options: DeepAuditOptions = DeepAuditOptions()) throws -> AuditReport {
        let dir = try TemporaryDirectory()
        try dir.write("state/openclaw.json", config)
        try dir.makeDirectory("home")
        var env = environment
        env["HOME"] = dir.url("home")
        env["OPENCLAW_STATE_DIR"] = dir.url("state")
        let request = AuditRequest(environment: env, cwd: dir.path, systemHome: nil, deep: true, loadDotEnv: false)
        let context = try DeepAudit.collect(into: try AuditPreparation.prepare(request), request: request, options: options)
        return Auditor.run(context, timestamp: 0)
    }

    /// The running gateway's version names the release, over the config's stamp, and a
    /// release it reports retires what that release no longer has.
    @Test func gatewayVersionNamesTheAuditedRelease() throws {
        try withPeer(.speaks(protocols: 4...4, serverVersion: "2026.9.9")) { peer in
            let report = try deepAudit(config: #"{ meta: { lastTouchedVersion: "2026.2.26" }, logging: { redactSensitive: "off" }, gateway: { port: \#(peer.port) } }"#)
            #expect(report.openclaw == OpenClawRelease(version: OpenClawVersion("2026.9.9"), source: "gateway hello-ok server.version"))
            #expect(!report.findings.contains { $0.checkId == "logging.redact_off" })
        }
    }

    @Test func explicitTokenWinsOverEnvironmentAndConfig() throws {
        try withPeer(.accepts(requiredToken: "from-flag")) { peer in
            let report = try deepAudit(
                config: #"{ gateway: { port: \#(peer.port), auth: { token: "from-config" } } }"#,
                environment: ["OPENCLAW_GATEWAY_TOKEN": "from-env"],
                options: DeepAuditOptions(credentials: GatewayProbeCredentials(token: "  from-flag  ")))
            #expect(report.deepGateway?.ok == true)
            #expect(report.complete)
            #expect(!report.findings.contains { $0.checkId == "gateway.probe_failed" })
            let json = JSONReporter().render(report)
            #expect(!json.contains("\"complete\""))
            #expect(json.contains("\"ok\": true"))
        }
    }

    @Test func environmentTokenWinsOverConfigLocally() throws {
        try withPeer(.accepts(requiredToken: "from-env")) { peer in
            let report = try deepAudit(
                config: #"{ gateway: { port: \#(peer.port), auth: { token: "from-config" } } }"#,
                environment: ["OPENCLAW_GATEWAY_TOKEN": "from-env"])
            #expect(report.deepGateway?.ok == true)
        }
    }

    @Test func failedProbeMakesTheReportIncomplete() throws {
        try withPeer(.rejectsAuth) { peer in
            let report = try deepAudit(config: "{ gateway: { port: \(peer.port) } }")
            let finding = try #require(report.findings.last)
            #expect(finding.checkId == "gateway.probe_failed")
            #expect(finding.detail == "connect failed: unauthorized: gateway token mismatch")
            #expect(!report.complete)
            let json = JSONReporter().render(report)
            #expect(json.contains("\"complete\": false"))
            #expect(json.contains("\"code\": 1008"))
        }
    }

    @Test func unresolvedSecretRefProbesWithoutCredentialsAndSaysSo() throws {
        try withPeer(.accepts(requiredToken: nil)) { peer in
            let report = try deepAudit(
                config: #"{ gateway: { port: \#(peer.port), auth: { token: { source: "exec", provider: "vault", id: "gw" } } } }"#)
            #expect(report.deepGateway?.ok == true)
            let ids = report.findings.map(\.checkId)
            #expect(!ids.contains("gateway.probe_failed"))
            #expect(ids.last == "gateway.probe_auth_secretref_unavailable")
            #expect(report.findings.last?.detail == "gateway.auth.token SecretRef is unresolved in this command path; probing without configured auth credentials.")
        }
    }

    @Test func fileSecretRefIsResolvedForTheProbe() throws {
        try withPeer(.accepts(requiredToken: "from-secret-file")) { peer in
            let dir = try TemporaryDirectory()
            let secret = try dir.write("gw.secret", "from-secret-file\n", mode: 0o600)
            let report = try deepAudit(config: #"""
                { secrets: { providers: { local: { source: "file", path: "\#(secret)", mode: "singleValue" } } },
                  gateway: { port: \#(peer.port), auth: { token: { source: "file", provider: "local", id: "value" } } } }
                """#)
            #expect(report.deepGateway?.ok == true)
            #expect(!report.findings.contains { $0.checkId == "gateway.probe_auth_secretref_unavailable" })
        }
    }

    @Test func secretRefWarningIsAppendedToTheProbeError() throws {
        let port = closedLoopbackPort()
        let report = try deepAudit(
            config: #"{ gateway: { port: \#(port), auth: { token: { source: "env", id: "NOT_SET_ANYWHERE" } } } }"#)
        let failed = try #require(report.findings.first { $0.checkId == "gateway.probe_failed" })
        #expect(failed.detail == "connect failed: connect ECONNREFUSED 127.0.0.1:\(port); gateway.auth.token SecretRef is unresolved in this command path; probing without configured auth credentials.")
    }
}

/// Where the probe connects and with what, without a network.
struct GatewayTargetAndAuthTests {
    func config(_ text: String) throws -> ConfigNode {
        let dir = try TemporaryDirectory()
        return try ConfigLoader(environment: [:]).load(path: try dir.write("openclaw.json", text)).root
    }

    @Test func localTargetUsesEnvPortThenConfigPortThenDefault() throws {
        let cfg = try config("{ gateway: { port: 19001, bind: \"lan\" } }")
        #expect(try GatewayTarget.resolve(config: cfg, environment: [:], configPath: "c").url == "ws://127.0.0.1:19001")
        #expect(try GatewayTarget.resolve(config: cfg, environment: ["OPENCLAW_GATEWAY_PORT": "20000"], configPath: "c").url
            == "ws://127.0.0.1:20000")
        #expect(try GatewayTarget.resolve(config: try config("{}"), environment: [:], configPath: "c").url == "ws://127.0.0.1:18789")
        #expect(try GatewayTarget.resolve(config: try config("{ gateway: { tls: { enabled: true } } }"), environment: [:], configPath: "c").url
            == "wss://127.0.0.1:18789")
    }

    @Test func remoteModeUsesTheRemoteURLOrFallsBackToLoopback() throws {
        let remote = try GatewayTarget.resolve(
            config: try config(#"{ gateway: { mode: "remote", remote: { url: " wss://gw.example.com:8443/ws?x=1 " } } }"#),
            environment: [:], configPath: "c")
        #expect(remote.url == "wss://gw.example.com:8443/ws?x=1")
        #expect(remote.host == "gw.example.com" && remote.port == 8443 && remote.requestTarget == "/ws?x=1")
        #expect(remote.isRemoteMode)
        let fallback = try GatewayTarget.resolve(config: try config(#"{ gateway: { mode: "remote" } }"#), environment: [:], configPath: "c")
        #expect(fallback.url == "ws://127.0.0.1:18789" && !fallback.isRemoteMode)
    }

    @Test func plaintextToARemoteHostIsRefused() throws {
        #expect(throws: GatewayTarget.PlaintextRemoteError.self) {
            try GatewayTarget.resolve(
                config: try config(#"{ gateway: { mode: "remote", remote: { url: "ws://10.0.0.5:18789" } } }"#),
                environment: [:], configPath: "/cfg/openclaw.json")
        }
        for url in ["ws://localhost:1", "ws://127.0.0.2:1", "ws://[::1]:1", "wss://gw.example.com"] {
            #expect(throws: Never.self) {
                try GatewayTarget.resolve(
                    config: try config(#"{ gateway: { mode: "remote", remote: { url: "\#(url)" } } }"#),
                    environment: [:], configPath: "c")
            }
        }
    }

    @Test func plaintextErrorNamesTheURLAndTheFix() throws {
        do {
            _ = try GatewayTarget.resolve(
                config: try config(#"{ gateway: { mode: "remote", remote: { url: "ws://gw.example.com" } } }"#),
                environment: [:], configPath: "/cfg/openclaw.json")
            Issue.record("expected a refusal")
        } catch let error as GatewayTarget.PlaintextRemoteError {
            #expect(error.description.hasPrefix("SECURITY ERROR: Gateway URL \"ws://gw.example.com\" uses plaintext ws:// to a non-loopback address."))
            #expect(error.description.contains("Config: /cfg/openclaw.json"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func localCredentialsComeFromEnvThenAuthThenRemote() throws {
        let cfg = try config(#"{ gateway: { auth: { password: "cfg-pass" }, remote: { token: "remote-token" } } }"#)
        let plain = GatewayProbeAuth.resolve(config: cfg, environment: [:], remote: false)
        #expect(plain.credentials == GatewayProbeCredentials(token: "remote-token", password: "cfg-pass"))
        let env = GatewayProbeAuth.resolve(
            config: cfg, environment: ["OPENCLAW_GATEWAY_TOKEN": "env-token", "CLAWDBOT_GATEWAY_PASSWORD": "legacy"], remote: false)
        #expect(env.credentials == GatewayProbeCredentials(token: "env-token", password: "cfg-pass"))
    }

    @Test func remoteTokenIsRemoteOnlyButPasswordFallsBack() throws {
        let cfg = try config(#"{ gateway: { mode: "remote", auth: { token: "local-token", password: "local-pass" }, remote: { url: "wss://x" } } }"#)
        let resolved = GatewayProbeAuth.resolve(config: cfg, environment: ["OPENCLAW_GATEWAY_TOKEN": "env-token"], remote: true)
        #expect(resolved.credentials == GatewayProbeCredentials(token: nil, password: "local-pass"))
    }

    @Test func blankExplicitValuesAreIgnored() throws {
        let cfg = try config(#"{ gateway: { auth: { token: "cfg-token" } } }"#)
        let resolved = GatewayProbeAuth.resolve(
            config: cfg, environment: [:], remote: false, explicit: GatewayProbeCredentials(token: "   ", password: ""))
        #expect(resolved.credentials.token == "cfg-token")
    }

    @Test func envSecretRefIsResolvedFromTheEnvironment() throws {
        let cfg = try config(#"{ gateway: { auth: { token: { source: "env", provider: "default", id: "GW_TOKEN" } } } }"#)
        let resolved = GatewayProbeAuth.resolve(config: cfg, environment: ["GW_TOKEN": " t0k "], remote: false)
        #expect(resolved.credentials.token == "t0k")
        #expect(resolved.warning == nil)
    }

    @Test func storedIdentityIsReadButNeverWritten() throws {
        let dir = try TemporaryDirectory()
        #expect(DeviceIdentity.load(stateDir: dir.path) == nil)
        let key = Curve25519.Signing.PrivateKey()
        let der = DeviceIdentity.pkcs8Prefix + Array(key.rawRepresentation)
        let pem = "-----BEGIN PRIVATE KEY-----\n\(Base64.encode(der))\n-----END PRIVATE KEY-----\n"
        let document = JSONValue.object([("version", .integer(1)), ("deviceId", .string("stale")), ("privateKeyPem", .string(pem))])
        let path = try dir.write("identity/device.json", document.rendered())
        let identity = try #require(DeviceIdentity.load(stateDir: dir.path))
        #expect(identity.rawPublicKey == Array(key.publicKey.rawRepresentation))
        #expect(identity.deviceId.count == 64)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("stale"))
        try dir.write("identity/device-auth.json", #"{"version":1,"deviceId":"\#(identity.deviceId)","tokens":{"operator":{"token":"dev-tok"}}}"#)
        #expect(DeviceIdentity.storedDeviceToken(stateDir: dir.path, deviceId: identity.deviceId, role: "operator") == "dev-tok")
        #expect(DeviceIdentity.storedDeviceToken(stateDir: dir.path, deviceId: "other", role: "operator") == nil)
    }
}
