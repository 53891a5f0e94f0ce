import Crypto
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket
@testable import SecurityAudit

/// A small OpenClaw gateway for the probe tests: a swift-nio WebSocket server on
/// 127.0.0.1 (a free port) that speaks the probe's protocol, or misbehaves in one of
/// the ways a real peer can. It only ever listens on loopback.
final class GatewayTestPeer: Sendable {
    enum Mode: Sendable, Equatable {
        /// Challenge, hello-ok for the right token (any token when nil), answers to reads.
        case accepts(requiredToken: String?)
        /// Rejects `connect` (`unauthorized`), then closes with 1008.
        case rejectsAuth
        /// Accepts the connection and never says a word.
        case neverAnswers
        /// Reads the HTTP upgrade request and closes the socket.
        case closesMidHandshake
        /// Answers the upgrade request with bytes that are not HTTP.
        case sendsGarbage
        /// Upgrades, then sends frames that are not protocol JSON and never a challenge.
        case sendsGarbageFrames
        /// Accepts `connect` but refuses the read requests (missing scope).
        case rejectsReads
        /// A gateway of a given protocol range (upstream `docs/gateway/protocol.md`): picks
        /// the highest protocol both sides offer or refuses with "protocol mismatch";
        /// from protocol 4 on, checks the device signature and that `signedAt` is the
        /// challenge's `ts`; answers `hello-ok` with `server.version` and `auth`.
        case speaks(protocols: ClosedRange<Int>, serverVersion: String)
    }

    /// The `ts` of the challenge a protocol-speaking peer sends.
    static let challengeTime: Int64 = 1_764_806_400_000

    let mode: Mode
    let port: Int
    private let group: MultiThreadedEventLoopGroup
    private let channel: Channel
    /// Every JSON frame the peer received, in order.
    private let received = NIOLockedValueBox<[JSONValue]>([])

    var receivedFrames: [JSONValue] { received.withLockedValue { $0 } }

    init(mode: Mode) throws {
        self.mode = mode
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let received = self.received
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try GatewayTestPeer.configure(channel, mode: mode, received: received)
                }
            }
        self.group = group
        self.channel = try bootstrap.bind(host: "127.0.0.1", port: 0).wait()
        self.port = channel.localAddress?.port ?? 0
    }

    func shutdown() {
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
    }

    private static func configure(_ channel: Channel, mode: Mode, received: NIOLockedValueBox<[JSONValue]>) throws {
        let pipeline = channel.pipeline.syncOperations
        switch mode {
        case .neverAnswers:
            try pipeline.addHandler(SilentHandler())
        case .closesMidHandshake:
            try pipeline.addHandler(CloseOnReadHandler())
        case .sendsGarbage:
            try pipeline.addHandler(GarbageHandler())
        case .accepts, .rejectsAuth, .sendsGarbageFrames, .rejectsReads, .speaks:
            let upgrader = NIOWebSocketServerUpgrader(
                maxFrameSize: 1 << 20,
                shouldUpgrade: { channel, _ in channel.eventLoop.makeSucceededFuture(HTTPHeaders()) },
                upgradePipelineHandler: { channel, _ in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(PeerFrameHandler(mode: mode, received: received))
                    }
                })
            try pipeline.configureHTTPServerPipeline(
                withServerUpgrade: (upgraders: [upgrader], completionHandler: { _ in }))
        }
    }
}

private final class SilentHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}
}

private final class CloseOnReadHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.close(promise: nil)
    }
}

private final class GarbageHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer
    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var garbage = context.channel.allocator.buffer(capacity: 64)
        garbage.writeBytes([0x00, 0xFF, 0x13, 0x37] + Array("not http at all\r\n\r\n".utf8))
        context.writeAndFlush(wrapOutboundOut(garbage), promise: nil)
    }
}

/// The gateway side of the protocol after the upgrade.
private final class PeerFrameHandler: ChannelInboundHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    let mode: GatewayTestPeer.Mode
    let received: NIOLockedValueBox<[JSONValue]>

    init(mode: GatewayTestPeer.Mode, received: NIOLockedValueBox<[JSONValue]>) {
        self.mode = mode
        self.received = received
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if mode == .sendsGarbageFrames {
            send(context, "this is not JSON {{{")
            send(context, #"{"type":"event","event":"tick","payload":{"ts":1}}"#)
            var junk = context.channel.allocator.buffer(capacity: 4)
            junk.writeBytes([0xDE, 0xAD, 0xBE, 0xEF])
            context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .binary, data: junk)), promise: nil)
            return
        }
        let ts = if case .speaks = mode { GatewayTestPeer.challengeTime } else { Int64(1) }
        send(context, #"{"type":"event","event":"connect.challenge","payload":{"nonce":"nonce-123","ts":\#(ts)}}"#)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        switch frame.opcode {
        case .connectionClose:
            var echo = context.channel.allocator.buffer(capacity: 2)
            var payload = frame.unmaskedData
            echo.writeInteger(payload.readInteger(as: UInt16.self) ?? 1000)
            context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .connectionClose, data: echo)), promise: nil)
            context.close(promise: nil)
        case .text:
            var payload = frame.unmaskedData
            guard let text = payload.readString(length: payload.readableBytes),
                  let request = try? StrictJSON.parse(text) else { return }
            received.withLockedValue { $0.append(request) }
            respond(context, to: request)
        default:
            break
        }
    }

    func respond(_ context: ChannelHandlerContext, to request: JSONValue) {
        guard request["type"]?.stringValue == "req", let id = request["id"]?.stringValue,
              let method = request["method"]?.stringValue else { return }
        if method == "connect", case .speaks(let protocols, let version) = mode {
            let params = request["params"]
            let low = max(Int(params?["minProtocol"]?.integerValue ?? 0), protocols.lowerBound)
            let high = min(Int(params?["maxProtocol"]?.integerValue ?? 0), protocols.upperBound)
            guard low <= high else {
                send(context, #"{"type":"res","id":"\#(id)","ok":false,"error":{"code":"INVALID_REQUEST","message":"protocol mismatch"}}"#)
                close(context, code: 1002, reason: "protocol mismatch")
                return
            }
            if high >= 4, !Self.validDevice(params) {
                send(context, #"{"type":"res","id":"\#(id)","ok":false,"error":{"code":"INVALID_REQUEST","message":"device signature invalid","details":{"code":"DEVICE_AUTH_SIGNATURE_INVALID"}}}"#)
                close(context, code: 1008, reason: "device signature invalid")
                return
            }
            send(context, #"{"type":"res","id":"\#(id)","ok":true,"payload":{"type":"hello-ok","protocol":\#(high),"server":{"version":"\#(version)","connId":"c1"},"features":{"methods":[],"events":[]},"snapshot":{},"policy":{"maxPayload":26214400},"auth":{"role":"operator","scopes":["operator.read"]}}}"#)
            return
        }
        if method == "connect" {
            let token = request["params"]?["auth"]?["token"]?.stringValue
            var accept = true
            if mode == .rejectsAuth { accept = false }
            if case .accepts(let required?) = mode, token != required { accept = false }
            if accept {
                send(context, #"{"type":"res","id":"\#(id)","ok":true,"payload":{"type":"hello-ok","protocol":3}}"#)
            } else {
                send(context, #"{"type":"res","id":"\#(id)","ok":false,"error":{"code":"unauthorized","message":"unauthorized: gateway token mismatch"}}"#)
                close(context, code: 1008, reason: "unauthorized")
            }
            return
        }
        if mode == .rejectsReads {
            send(context, #"{"type":"res","id":"\#(id)","ok":false,"error":{"code":"forbidden","message":"missing scope: operator.read"}}"#)
            return
        }
        send(context, #"{"type":"res","id":"\#(id)","ok":true,"payload":{"method":"\#(method)"}}"#)
    }

    /// The v3 device payload signed with the device's key, `signedAt` the challenge `ts`.
    static func validDevice(_ params: JSONValue?) -> Bool {
        guard let device = params?["device"], let id = device["id"]?.stringValue,
              device["signedAt"]?.integerValue == GatewayTestPeer.challengeTime,
              device["nonce"]?.stringValue == "nonce-123",
              let keyBytes = Base64.decode(device["publicKey"]?.stringValue ?? ""),
              let signature = Base64.decode(device["signature"]?.stringValue ?? ""),
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: keyBytes)
        else { return false }
        let scopes = (params?["scopes"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: ",")
        let platform = params?["client"]?["platform"]?.stringValue?.lowercased() ?? ""
        let token = params?["auth"]?["token"]?.stringValue ?? ""
        let payload = "v3|\(id)|cli|probe|operator|\(scopes)|\(GatewayTestPeer.challengeTime)|\(token)|nonce-123|\(platform)|"
        return key.isValidSignature(signature, for: Array(payload.utf8))
    }

    func send(_ context: ChannelHandlerContext, _ text: String) {
        let buffer = context.channel.allocator.buffer(string: text)
        context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .text, data: buffer)), promise: nil)
    }

    func close(_ context: ChannelHandlerContext, code: UInt16, reason: String) {
        var data = context.channel.allocator.buffer(capacity: 2 + reason.utf8.count)
        data.writeInteger(code)
        data.writeString(reason)
        context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .connectionClose, data: data)), promise: nil)
    }
}
