import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket

/// A hostile gateway for the probe's memory bound: it completes the WebSocket upgrade,
/// sends `connect.challenge`, stops reading, and writes ping frames as fast as its own
/// socket takes them. A probe that answered every ping would queue the pongs without
/// bound. Listens on 127.0.0.1 only.
final class GatewayFloodPeer: Sendable {
    let port: Int
    private let group: MultiThreadedEventLoopGroup
    private let channel: Channel

    init() throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let upgrader = NIOWebSocketServerUpgrader(
                        maxFrameSize: 1 << 20,
                        shouldUpgrade: { channel, _ in channel.eventLoop.makeSucceededFuture(HTTPHeaders()) },
                        upgradePipelineHandler: { channel, _ in
                            channel.eventLoop.makeCompletedFuture {
                                try channel.pipeline.syncOperations.addHandler(PingFloodHandler())
                            }
                        })
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(
                        withServerUpgrade: (upgraders: [upgrader], completionHandler: { _ in }))
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
}

private final class PingFloodHandler: ChannelInboundHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    func handlerAdded(context: ChannelHandlerContext) {
        let challenge = context.channel.allocator.buffer(string: #"{"type":"event","event":"connect.challenge","payload":{"nonce":"n","ts":1}}"#)
        context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .text, data: challenge)), promise: nil)
        // Never read again: the probe's pongs pile up in its own buffers, not here.
        context.channel.setOption(ChannelOptions.autoRead, value: false).whenComplete { _ in }
        flood(context)
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable { flood(context) }
    }

    private func flood(_ context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        let payload = context.channel.allocator.buffer(repeating: 0x70, count: 125)
        for _ in 0..<1024 {
            context.write(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .ping, data: payload)), promise: nil)
        }
        context.flush()
        if context.channel.isWritable {
            let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            context.eventLoop.execute { bound.value.0.flood(bound.value.1) }
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}
}
