import JSON5

/// Advisory data that cannot be used: unreadable, not JSON, not OSV, or a version this
/// tool cannot order. Named `FILE:LINE:COL: message` when the place is known (a zip
/// entry is named `ARCHIVE:ENTRY`).
public struct AdvisoryDataError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var position: SourcePosition?
    public var message: String

    public init(file: String, position: SourcePosition? = nil, message: String) {
        self.file = file
        self.position = position
        self.message = message
    }

    public var description: String {
        guard let position else { return "\(file): \(message)" }
        return "\(file):\(position.line):\(position.column): \(message)"
    }
}
