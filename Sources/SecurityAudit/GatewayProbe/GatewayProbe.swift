#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import NIOWebSocket

/// The live gateway probe of `--deep`: open a WebSocket, wait for
/// `connect.challenge`, send `connect` as a read-only operator, then ask for `health`,
/// `status`, `system-presence` and `config.get`. Everything happens on one event loop
/// against one deadline, so no peer, however it misbehaves, can make the probe outlast
/// its budget.
///
/// Unlike the original client the probe does not reconnect: the first failure is the
/// answer, which makes a dead gateway a fast result instead of a full timeout.
public enum GatewayProbe {
    /// Budget floor of the original (`max(250, deepTimeoutMs)`).
    public static let minimumTimeoutMilliseconds = 250
    public static let defaultTimeoutMilliseconds = 5000
    /// How long the gateway has to send its challenge once the WebSocket is open.
    static let challengeTimeout = TimeAmount.seconds(2)
    /// How long a closing handshake may take before the socket is simply closed.
    static let closeGrace = TimeAmount.milliseconds(250)
    /// The original client's `maxPayload`.
    static let maxFrameSize = 25 * 1024 * 1024
    /// The protocols the probe speaks: 3 for gateways before 2026.5.7, 4 for later ones
    /// (upstream `docs/gateway/protocol.md`; since 2026.5.18 operator clients must offer
    /// 4). A gateway picks one inside the offered range; the signed device payload is the
    /// same in both.
    static let minProtocolVersion = 3
    static let maxProtocolVersion = 4

    struct Request: Sendable {
        var target: GatewayTarget
        var credentials: GatewayProbeCredentials
        var identity: DeviceIdentity
        /// Used only when no shared token is given (the original's precedence).
        var storedDeviceToken: String?
        var deadline: NIODeadline
        var platform: String = GatewayProbe.currentPlatform
    }

    static var currentPlatform: String {
        #if os(Linux)
        return "linux"
        #elseif os(macOS)
        return "darwin"
        #else
        return "unknown"
        #endif
    }

    /// Starts the probe; the future always succeeds, with ok or with the failure.
    static func start(_ request: Request, on eventLoop: EventLoop) -> EventLoopFuture<GatewayProbeResult> {
        let promise = eventLoop.makePromise(of: GatewayProbeResult.self)
        eventLoop.execute {
            let session = GatewayProbeSession(request: request, eventLoop: eventLoop, promise: promise)
            session.begin()
        }
        return promise.futureResult
    }
}

/// One probe's state. Confined to its event loop: every method runs there.
final class GatewayProbeSession {
    enum Phase {
        case connecting
        case handshaking
        case awaitingChallenge
        case awaitingHello
        case awaitingResponses
        case finished
    }

    static let handshakeHandlerName = "openclaw.probe.handshake"

    let request: GatewayProbe.Request
    let eventLoop: EventLoop
    let promise: EventLoopPromise<GatewayProbeResult>
    var phase = Phase.connecting
    var channel: Channel?
    var connectError: String?
    var lastClose: GatewayProbeResult.Close?
    /// `server.version` of the `hello-ok` payload, for release resolution.
    var serverVersion: String?
    var closeSent = false
    /// Whether the upgrade completed: only then may WebSocket frames be written.
    var webSocketOpen = false
    var connectRequestId = ""
    var pendingReads: [String: String] = [:]
    var timers: [Scheduled<Void>] = []

    init(request: GatewayProbe.Request, eventLoop: EventLoop, promise: EventLoopPromise<GatewayProbeResult>) {
        self.request = request
        self.eventLoop = eventLoop
        self.promise = promise
    }

    var target: GatewayTarget { request.target }

    func begin() {
        let bound = NIOLoopBound(self, eventLoop: eventLoop)
        timers.append(eventLoop.scheduleTask(deadline: request.deadline) { bound.value.deadlineReached() })
        let remaining = request.deadline - .now()
        guard remaining > .zero else {
            deadlineReached()
            return
        }
        let tlsContext: NIOSSLContext?
        do {
            tlsContext = target.isSecure ? try NIOSSLContext(configuration: .makeClientConfiguration()) : nil
        } catch {
            fail(connect: "\(error)")
            return
        }
        let host = target.host
        let serverName = GatewayProbeSession.isIPAddress(host) ? nil : host
        let bootstrap = ClientBootstrap(group: eventLoop)
            .connectTimeout(remaining)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let session = bound.value
                    if let tlsContext {
                        let handler = try NIOSSLClientHandler(context: tlsContext, serverHostname: serverName)
                        try channel.pipeline.syncOperations.addHandler(handler)
                    }
                    let upgrader = NIOWebSocketClientUpgrader(
                        maxFrameSize: GatewayProbe.maxFrameSize,
                        automaticErrorHandling: true,
                        upgradePipelineHandler: { channel, _ in
                            // The handshake handler expects HTTP parts; frames must not reach it.
                            channel.pipeline.removeHandler(name: GatewayProbeSession.handshakeHandlerName).flatMapThrowing {
                                try channel.pipeline.syncOperations.addHandler(NIOWebSocketFrameAggregator(
                                    minNonFinalFragmentSize: 0, maxAccumulatedFrameCount: 4096,
                                    maxAccumulatedFrameSize: GatewayProbe.maxFrameSize))
                                try channel.pipeline.syncOperations.addHandler(GatewayFrameHandler(session: bound.value))
                                bound.value.webSocketOpened()
                            }
                        })
                    // Frames the gateway sends right behind its 101 response (the
                    // challenge) arrive in the same read: keep those bytes.
                    try channel.pipeline.syncOperations.addHTTPClientHandlers(
                        leftOverBytesStrategy: .forwardBytes,
                        withClientUpgrade: (upgraders: [upgrader], completionHandler: { _ in }))
                    try channel.pipeline.syncOperations.addHandler(
                        HandshakeResponseHandler(session: session), name: GatewayProbeSession.handshakeHandlerName)
                }
            }
        phase = .connecting
        bootstrap.connect(host: host, port: target.port).whenComplete { result in
            let session = bound.value
            switch result {
            case .success(let channel):
                guard session.phase != .finished else {
                    channel.close(promise: nil)
                    return
                }
                session.channel = channel
                if session.phase == .connecting { session.phase = .handshaking }
                channel.closeFuture.whenComplete { _ in bound.value.channelClosed() }
            case .failure(let error):
                session.fail(connect: GatewayProbeSession.describeConnectError(error, host: host, port: session.target.port))
            }
        }
    }

    // MARK: handshake

    func sendUpgradeRequest(context: ChannelHandlerContext) {
        var headers = HTTPHeaders()
        let defaultPort = target.isSecure ? 443 : 80
        let hostHeader = target.host.contains(":") ? "[\(target.host)]" : target.host
        headers.add(name: "Host", value: target.port == defaultPort ? hostHeader : "\(hostHeader):\(target.port)")
        let head = HTTPRequestHead(version: .http1_1, method: .GET, uri: target.requestTarget, headers: headers)
        context.write(NIOAny(HTTPClientRequestPart.head(head)), promise: nil)
        context.writeAndFlush(NIOAny(HTTPClientRequestPart.end(nil)), promise: nil)
    }

    /// A response that is not `101 Switching Protocols` (the upgrade handler passes it on).
    func handshakeRejected(status: HTTPResponseStatus) {
        fail(connect: "Unexpected server response: \(status.code)")
    }

    func handshakeError(_ error: Error) {
        guard phase == .handshaking || phase == .connecting else { return }
        fail(connect: GatewayProbeSession.describeHandshakeError(error))
    }

    func webSocketOpened() {
        guard phase != .finished else { return }
        phase = .awaitingChallenge
        webSocketOpen = true
        let bound = NIOLoopBound(self, eventLoop: eventLoop)
        timers.append(eventLoop.scheduleTask(in: GatewayProbe.challengeTimeout) {
            let session = bound.value
            guard session.phase == .awaitingChallenge else { return }
            session.connectError = "gateway connect challenge timeout"
            session.sendClose(code: 1008, reason: "connect challenge timeout")
        })
    }

    // MARK: protocol

    func received(text: String) {
        guard phase != .finished, let frame = try? StrictJSON.parse(text) else {
            // The original ignores frames it cannot parse.
            return
        }
        switch frame["type"]?.stringValue {
        case "event"?:
            guard frame["event"]?.stringValue == "connect.challenge", phase == .awaitingChallenge else { return }
            let nonce = frame["payload"]?["nonce"]?.stringValue?.trimmingWhitespace ?? ""
            guard !nonce.isEmpty else {
                connectError = "gateway connect challenge missing nonce"
                sendClose(code: 1008, reason: "connect challenge missing nonce")
                return
            }
            // Protocol 4 gateways sign-check `device.signedAt` against the challenge's `ts`;
            // older ones sent none and accept the local clock.
            let challengeTime = frame["payload"]?["ts"]?.integerValue.flatMap { $0 >= 0 ? $0 : nil }
            sendConnect(nonce: nonce, challengeTime: challengeTime)
        case "res"?:
            guard let id = frame["id"]?.stringValue, let ok = frame["ok"]?.boolValue else { return }
            let message = frame["error"]?["message"]?.stringValue ?? "unknown error"
            if phase == .awaitingHello, id == connectRequestId {
                if ok {
                    if let chosen = frame["payload"]?["protocol"]?.integerValue,
                       !(Int64(GatewayProbe.minProtocolVersion)...Int64(GatewayProbe.maxProtocolVersion)).contains(chosen) {
                        connectError = "protocol mismatch: gateway chose protocol \(chosen), the probe speaks \(GatewayProbe.minProtocolVersion)-\(GatewayProbe.maxProtocolVersion)"
                        sendClose(code: 1002, reason: "protocol mismatch")
                        return
                    }
                    serverVersion = frame["payload"]?["server"]?["version"]?.stringValue
                    helloReceived()
                } else {
                    connectError = message
                    sendClose(code: 1008, reason: "connect failed")
                }
            } else if phase == .awaitingResponses, pendingReads.removeValue(forKey: id) != nil {
                if !ok {
                    finish(ok: false, error: message)
                } else if pendingReads.isEmpty {
                    finish(ok: true, error: nil)
                }
            }
        default:
            return
        }
    }

    func sendConnect(nonce: String, challengeTime: Int64?) {
        phase = .awaitingHello
        connectRequestId = GatewayProbeSession.uuid()
        let role = "operator"
        let scopes = ["operator.read"]
        let explicitToken = request.credentials.token
        let deviceToken = explicitToken == nil ? request.storedDeviceToken : nil
        let authToken = explicitToken ?? deviceToken
        let signedAt = challengeTime ?? GatewayProbeSession.epochMilliseconds()
        let identity = request.identity
        let payload = [
            "v3", identity.deviceId, "cli", "probe", role, scopes.joined(separator: ","), String(signedAt),
            authToken ?? "", nonce, request.platform.trimmingWhitespace.lowercased(), "",
        ].joined(separator: "|")
        var auth: [(String, JSONValue)] = []
        if let authToken { auth.append(("token", .string(authToken))) }
        if let deviceToken { auth.append(("deviceToken", .string(deviceToken))) }
        if let password = request.credentials.password { auth.append(("password", .string(password))) }
        var params: [(String, JSONValue)] = [
            ("minProtocol", .integer(Int64(GatewayProbe.minProtocolVersion))),
            ("maxProtocol", .integer(Int64(GatewayProbe.maxProtocolVersion))),
            ("client", .object([
                ("id", .string("cli")),
                ("version", .string("dev")),
                ("platform", .string(request.platform)),
                ("mode", .string("probe")),
                ("instanceId", .string(GatewayProbeSession.uuid())),
            ])),
            ("caps", .array([])),
        ]
        if !auth.isEmpty { params.append(("auth", .object(auth))) }
        params.append(("role", .string(role)))
        params.append(("scopes", .array(scopes.map(JSONValue.string))))
        params.append(("device", .object([
            ("id", .string(identity.deviceId)),
            ("publicKey", .string(identity.publicKeyBase64URL)),
            ("signature", .string(identity.sign(payload))),
            ("signedAt", .integer(signedAt)),
            ("nonce", .string(nonce)),
        ])))
        sendRequest(id: connectRequestId, method: "connect", params: .object(params))
    }

    func helloReceived() {
        phase = .awaitingResponses
        let reads: [(String, JSONValue?)] = [
            ("health", nil), ("status", nil), ("system-presence", nil), ("config.get", .object([])),
        ]
        for (method, params) in reads {
            let id = GatewayProbeSession.uuid()
            pendingReads[id] = method
            sendRequest(id: id, method: method, params: params)
        }
    }

    func sendRequest(id: String, method: String, params: JSONValue?) {
        var members: [(String, JSONValue)] = [("type", .string("req")), ("id", .string(id)), ("method", .string(method))]
        if let params { members.append(("params", params)) }
        sendText(JSONValue.object(members).rendered(indent: 0))
    }

    func sendText(_ text: String) {
        guard let channel, webSocketOpen else { return }
        let buffer = channel.allocator.buffer(string: text)
        let frame = WebSocketFrame(fin: true, opcode: .text, maskKey: .random(), data: buffer)
        channel.writeAndFlush(frame, promise: nil)
    }

    // MARK: closing

    func received(close code: Int, reason: String) {
        lastClose = GatewayProbeResult.Close(code: code, reason: reason)
        if !closeSent { sendClose(code: code == 1005 ? 1000 : code, reason: "") }
        channel?.close(promise: nil)
    }

    func sendClose(code: Int, reason: String) {
        guard let channel, webSocketOpen, !closeSent else { return }
        closeSent = true
        var data = channel.allocator.buffer(capacity: 2 + reason.utf8.count)
        data.writeInteger(UInt16(truncatingIfNeeded: code))
        data.writeString(reason)
        let frame = WebSocketFrame(fin: true, opcode: .connectionClose, maskKey: .random(), data: data)
        channel.writeAndFlush(frame, promise: nil)
        let bound = NIOLoopBound(self, eventLoop: eventLoop)
        timers.append(eventLoop.scheduleTask(in: GatewayProbe.closeGrace) { bound.value.channel?.close(promise: nil) })
    }

    func channelClosed() {
        guard phase != .finished else { return }
        if lastClose == nil, phase != .connecting, phase != .handshaking {
            // Closed without a close frame: what `ws` reports as 1006.
            lastClose = GatewayProbeResult.Close(code: 1006, reason: "")
        }
        let closedText = "gateway closed (\(lastClose?.code ?? 1006)): \(lastClose?.reason ?? "")"
        switch phase {
        case .connecting, .handshaking:
            fail(connect: connectError ?? "socket hang up")
        case .awaitingChallenge, .awaitingHello:
            fail(connect: connectError ?? closedText)
        case .awaitingResponses:
            finish(ok: false, error: closedText)
        case .finished:
            break
        }
    }

    func deadlineReached() {
        guard phase != .finished else { return }
        finish(ok: false, error: connectError.map { "connect failed: \($0)" } ?? "timeout")
    }

    func fail(connect message: String) {
        connectError = message
        finish(ok: false, error: "connect failed: \(message)")
    }

    func finish(ok: Bool, error: String?) {
        guard phase != .finished else { return }
        phase = .finished
        for timer in timers { timer.cancel() }
        timers.removeAll()
        if let channel, channel.isActive {
            if webSocketOpen, !closeSent, ok || lastClose == nil {
                closeSent = true
                var data = channel.allocator.buffer(capacity: 2)
                data.writeInteger(UInt16(1000))
                channel.writeAndFlush(WebSocketFrame(fin: true, opcode: .connectionClose, maskKey: .random(), data: data), promise: nil)
            }
            channel.close(promise: nil)
        }
        promise.succeed(GatewayProbeResult(
            attempted: true, url: target.url, ok: ok, error: ok ? nil : error, close: lastClose,
            serverVersion: serverVersion))
    }

    // MARK: helpers

    static func isIPAddress(_ host: String) -> Bool {
        if host.contains(":") { return true }
        return host.split(separator: ".").count == 4 && host.allSatisfy { $0.isNumber || $0 == "." }
    }

    /// Node's wording (`connect ECONNREFUSED 127.0.0.1:18789`), which users and the
    /// original's docs recognise.
    static func describeConnectError(_ error: Error, host: String, port: Int) -> String {
        if let failure = error as? NIOConnectionError {
            if let single = failure.connectionErrors.first {
                return describeConnectError(single.error, host: host, port: port)
            }
            if failure.dnsAError != nil || failure.dnsAAAAError != nil {
                return "getaddrinfo ENOTFOUND \(host)"
            }
        }
        if let ioError = error as? IOError {
            return "connect \(FileSystemError.codeName(ioError.errnoCode).replacingErrnoNames()) \(host):\(port)"
        }
        if case ChannelError.connectTimeout = error {
            return "connect ETIMEDOUT \(host):\(port)"
        }
        return "\(error)"
    }

    static func describeHandshakeError(_ error: Error) -> String {
        if let error = error as? NIOSSLError { return "TLS handshake failed: \(error)" }
        if let error = error as? BoringSSLError { return "TLS handshake failed: \(error)" }
        if error is HTTPParserError { return "Parse Error: invalid HTTP response (\(error))" }
        if let error = error as? NIOWebSocketUpgradeError { return "WebSocket upgrade failed: \(error)" }
        return "\(error)"
    }

    static func uuid() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        let hex = bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
        let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(hex[hex.index(hex.startIndex, offsetBy: range.lowerBound)..<hex.index(hex.startIndex, offsetBy: range.upperBound)])
        }
        return parts.joined(separator: "-")
    }

    static func epochMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }

    /// Connection errors Node names that our errno table leaves numeric.
    func replacingErrnoNames() -> String {
        switch self {
        case "E\(ECONNREFUSED)": return "ECONNREFUSED"
        case "E\(ECONNRESET)": return "ECONNRESET"
        case "E\(EHOSTUNREACH)": return "EHOSTUNREACH"
        case "E\(ENETUNREACH)": return "ENETUNREACH"
        case "E\(ETIMEDOUT)": return "ETIMEDOUT"
        case "E\(EADDRNOTAVAIL)": return "EADDRNOTAVAIL"
        default: return self
        }
    }
}

/// Sends the upgrade request once connected, and reports what ends the handshake:
/// a non-101 response, a parse or TLS error, or a connection that closes first.
final class HandshakeResponseHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    let session: GatewayProbeSession

    init(session: GatewayProbeSession) { self.session = session }

    func channelActive(context: ChannelHandlerContext) {
        session.sendUpgradeRequest(context: context)
        context.fireChannelActive()
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { session.sendUpgradeRequest(context: context) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head(let head) = unwrapInboundIn(data) {
            session.handshakeRejected(status: head.status)
            context.close(promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        session.handshakeError(error)
        context.close(promise: nil)
    }
}

/// WebSocket frames after the upgrade: text (and binary) frames are protocol frames;
/// pings are answered; a close frame ends the session.
final class GatewayFrameHandler: ChannelInboundHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    let session: GatewayProbeSession

    init(session: GatewayProbeSession) { self.session = session }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        switch frame.opcode {
        case .text, .binary:
            var payload = frame.unmaskedData
            let text = payload.readString(length: payload.readableBytes) ?? ""
            session.received(text: text)
        case .ping:
            // A peer that floods pings and never reads would grow the outbound buffer
            // without bound; past the channel's write high-water mark (64 KiB) pings go
            // unanswered, so what the probe queues stays bounded.
            guard context.channel.isWritable else { return }
            let pong = WebSocketFrame(fin: true, opcode: .pong, maskKey: .random(), data: frame.unmaskedData)
            context.writeAndFlush(wrapOutboundOut(pong), promise: nil)
        case .connectionClose:
            var payload = frame.unmaskedData
            let code = payload.readInteger(as: UInt16.self).map(Int.init) ?? 1005
            let reason = payload.readString(length: payload.readableBytes) ?? ""
            session.received(close: code, reason: reason)
        default:
            break
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        if session.connectError == nil, session.phase != .awaitingResponses {
            session.connectError = "\(error)"
        }
        context.close(promise: nil)
    }
}
