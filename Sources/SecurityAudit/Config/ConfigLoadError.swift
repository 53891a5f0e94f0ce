import JSON5

/// Why a config could not be loaded, with the place to look. `description` is
/// `FILE:LINE:COL: message` when a position is known, `FILE: message` otherwise.
public struct ConfigLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var position: SourcePosition?
    public var message: String

    public init(file: String, position: SourcePosition?, message: String) {
        self.file = file
        self.position = position
        self.message = message
    }

    init(_ syntax: JSON5SyntaxError, file: String) {
        self.init(file: file, position: syntax.position, message: syntax.message)
    }

    public var description: String {
        guard let position else { return "\(file): \(message)" }
        return "\(file):\(position.line):\(position.column): \(message)"
    }
}
