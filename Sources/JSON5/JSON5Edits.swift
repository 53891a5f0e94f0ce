// Edits that change a JSON5 text in place, so that fixing one setting leaves every
// comment, blank line and the formatting of everything else exactly as it was.

/// A replacement of the UTF-8 bytes `range` of a text by `replacement`.
public struct JSON5TextEdit: Sendable, Hashable {
    /// Byte offsets in the original text (as in `SourceRange.byteRange`).
    public var range: Range<Int>
    public var replacement: String

    public init(range: Range<Int>, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

/// Builds and applies `JSON5TextEdit`s. Nodes passed in must come from parsing the same
/// text that is passed beside them.
public enum JSON5Edits {
    /// Applies non-overlapping edits whose ranges all refer to the original `bytes`
    /// (as if applied from the end). Insertions at the same offset keep their order.
    /// Overlapping ranges, or ranges that split a UTF-8 character, are programming errors.
    public static func apply(_ edits: [JSON5TextEdit], to bytes: [UInt8]) -> String {
        let ordered = edits.enumerated()
            .sorted { ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset) }
            .map(\.element)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + ordered.reduce(0) { $0 + $1.replacement.utf8.count })
        var copied = 0
        for edit in ordered {
            precondition(
                edit.range.lowerBound >= copied && edit.range.upperBound <= bytes.count,
                "JSON5 edits overlap or reach past the end of the text")
            precondition(
                isCharacterBoundary(edit.range.lowerBound, in: bytes)
                    && isCharacterBoundary(edit.range.upperBound, in: bytes),
                "JSON5 edit splits a UTF-8 character")
            result.append(contentsOf: bytes[copied..<edit.range.lowerBound])
            result.append(contentsOf: edit.replacement.utf8)
            copied = edit.range.upperBound
        }
        result.append(contentsOf: bytes[copied...])
        return String(decoding: result, as: UTF8.self)
    }

    /// `apply(_:to:)` on the UTF-8 bytes of `text`.
    public static func apply(_ edits: [JSON5TextEdit], to text: String) -> String {
        apply(edits, to: Array(text.utf8))
    }

    /// Replaces the text of `node` (a value, not a member) by `jsonText`.
    public static func replaceValue(of node: JSON5Node, with jsonText: String) -> JSON5TextEdit {
        JSON5TextEdit(range: node.range.byteRange, replacement: jsonText)
    }

    /// Adds `key: valueText` as the last member of `object`, written like the members
    /// around it: same indentation and line breaks, same key quoting (unquoted keys only
    /// when `key` is an identifier), same spacing around `:`, and a trailing comma if the
    /// last member had one. A comment after the last member stays with that member.
    /// An empty object takes its style from the rest of the document.
    ///
    /// `valueText` is inserted as is: pass JSON text, such as `JSON5.quote(string)`.
    public static func insertMember(
        key: String, valueText: String, into object: JSON5Node, in text: String
    ) -> JSON5TextEdit {
        guard case .object(let members) = object.value else {
            preconditionFailure("insertMember needs an object node")
        }
        let bytes = Array(text.utf8)
        let newline = lineBreak(in: bytes)
        guard let last = members.last else {
            return insertFirstMember(key: key, valueText: valueText, into: object, bytes: bytes, newline: newline)
        }
        let member = format(key: key, style: keyStyle(of: last, in: bytes)) + separator(of: last, in: bytes) + valueText
        let valueEnd = last.value.range.end.offset
        let afterValue = afterTrivia(bytes, from: valueEnd)
        let hasComma = bytes[afterValue] == UInt8(ascii: ",")
        let memberEnd = hasComma ? afterValue + 1 : valueEnd

        if last.keyRange.start.line == object.range.start.line {
            // On the line of the opening brace: stay on one line.
            return hasComma
                ? JSON5TextEdit(range: memberEnd..<memberEnd, replacement: " " + member + ",")
                : JSON5TextEdit(range: valueEnd..<valueEnd, replacement: ", " + member)
        }

        let indent = leadingWhitespace(bytes, lineStart: lineStart(bytes, of: last.keyRange.start.offset))
        // Whatever follows the last member on its line (a comment, most often) stays there.
        let lineEnd = afterTrivia(bytes, from: memberEnd, stopAtLineBreak: true)
        var insertion = lineEnd
        var addition = newline + indent + member + (hasComma ? "," : "")
        if lineBreakLength(bytes, at: lineEnd) == 0 {
            // The closing brace shares the line: it moves to a line of its own.
            while insertion > memberEnd && isBlank(bytes[insertion - 1]) { insertion -= 1 }
            let objectLine = lineStart(bytes, of: object.range.start.offset)
            addition += newline + leadingWhitespace(bytes, lineStart: objectLine)
        }
        if hasComma { return JSON5TextEdit(range: insertion..<lineEnd, replacement: addition) }
        // The comma goes right after the value, before any comment that belongs to it; the
        // edit spans that comment and writes it back unchanged.
        let between = String(decoding: bytes[valueEnd..<insertion], as: UTF8.self)
        return JSON5TextEdit(range: valueEnd..<lineEnd, replacement: "," + between + addition)
    }

    private static func insertFirstMember(
        key: String, valueText: String, into object: JSON5Node, bytes: [UInt8], newline: String
    ) -> JSON5TextEdit {
        let style = DocumentStyle(bytes)
        let open = object.range.start.offset
        let close = object.range.end.offset - 1
        let baseIndent = leadingWhitespace(bytes, lineStart: lineStart(bytes, of: open))
        let member = format(key: key, style: style.keyStyle) + style.separator + valueText
        let line = baseIndent + style.indentUnit + member
        if bytes[(open + 1)..<close].allSatisfy({ isBlank($0) || $0 == 0x0A || $0 == 0x0D }) {
            return JSON5TextEdit(range: (open + 1)..<close, replacement: newline + line + newline + baseIndent)
        }
        // Comments inside: keep them, and add the member after them.
        let closeLine = lineStart(bytes, of: close)
        if closeLine > open && bytes[closeLine..<close].allSatisfy(isBlank) {
            return JSON5TextEdit(range: closeLine..<closeLine, replacement: line + newline)
        }
        var end = close
        while end > open + 1 && isBlank(bytes[end - 1]) { end -= 1 }
        return JSON5TextEdit(range: end..<close, replacement: newline + line + newline + baseIndent)
    }

    /// Removes the member at `index` of `object` with its comma. A member on lines of its
    /// own goes with those lines (and a comment that ends its last line); comment lines
    /// above it stay. Removing the last member also removes the comma before it, so no
    /// trailing comma appears where there was none.
    public static func removeMember(at index: Int, of object: JSON5Node, in text: String) -> JSON5TextEdit {
        guard case .object(let members) = object.value, members.indices.contains(index) else {
            preconditionFailure("removeMember needs an object node and one of its member indices")
        }
        let bytes = Array(text.utf8)
        let member = members[index]
        let start = member.keyRange.start.offset
        let valueEnd = member.value.range.end.offset
        let afterValue = afterTrivia(bytes, from: valueEnd)
        let hasComma = bytes[afterValue] == UInt8(ascii: ",")
        let memberEnd = hasComma ? afterValue + 1 : valueEnd
        let isLast = index == members.count - 1

        let keyLine = lineStart(bytes, of: start)
        let lineEnd = afterTrivia(bytes, from: memberEnd, stopAtLineBreak: true)
        let breakLength = lineBreakLength(bytes, at: lineEnd)
        if bytes[keyLine..<start].allSatisfy(isBlank) && breakLength > 0 {
            let removalEnd = lineEnd + breakLength
            if isLast && !hasComma && index > 0 {
                let comma = afterTrivia(bytes, from: members[index - 1].value.range.end.offset)
                let kept = String(decoding: bytes[(comma + 1)..<keyLine], as: UTF8.self)
                return JSON5TextEdit(range: comma..<removalEnd, replacement: kept)
            }
            return JSON5TextEdit(range: keyLine..<removalEnd, replacement: "")
        }

        // Shares a line with other members or a brace.
        if !isLast {
            var end = memberEnd
            while end < bytes.count && isBlank(bytes[end]) { end += 1 }
            var begin = start
            if lineBreakLength(bytes, at: end) > 0 {
                while begin > 0 && isBlank(bytes[begin - 1]) { begin -= 1 }
            }
            return JSON5TextEdit(range: begin..<end, replacement: "")
        }
        if index > 0 {
            return JSON5TextEdit(range: members[index - 1].value.range.end.offset..<memberEnd, replacement: "")
        }
        return JSON5TextEdit(range: start..<memberEnd, replacement: "")
    }

    /// Removes the last member named `key` (the one lookups see), or returns nil if there
    /// is none. Earlier duplicates stay, and become the visible value.
    public static func removeMember(key: String, from object: JSON5Node, in text: String) -> JSON5TextEdit? {
        guard let index = object.members?.lastIndex(where: { $0.key == key }) else { return nil }
        return removeMember(at: index, of: object, in: text)
    }
}

// MARK: - Style

extension JSON5Edits {
    enum KeyStyle: Equatable {
        case unquoted
        case quoted(Unicode.Scalar)
    }

    static func keyStyle(of member: JSON5Member, in bytes: [UInt8]) -> KeyStyle {
        switch bytes[member.keyRange.start.offset] {
        case UInt8(ascii: "\""): .quoted("\"")
        case UInt8(ascii: "'"): .quoted("'")
        default: .unquoted
        }
    }

    static func format(key: String, style: KeyStyle) -> String {
        switch style {
        case .quoted(let delimiter): JSON5.quote(key, delimiter: delimiter)
        case .unquoted: JSON5.isIdentifierName(key) ? key : JSON5.quote(key)
        }
    }

    /// The text between a member's key and value when it is plain (`:`, `: `, ` : `),
    /// else `": "`.
    static func separator(of member: JSON5Member, in bytes: [UInt8]) -> String {
        let text = bytes[member.keyRange.end.offset..<member.value.range.start.offset]
        let isPlain = text.filter { $0 == UInt8(ascii: ":") }.count == 1
            && text.allSatisfy { $0 == UInt8(ascii: ":") || isBlank($0) }
        return isPlain ? String(decoding: text, as: UTF8.self) : ": "
    }

    /// How a document writes its members, read from its first multi-line container and
    /// its first member, for objects that have no members to copy from.
    struct DocumentStyle {
        var keyStyle = KeyStyle.quoted("\"")
        var separator = ": "
        var indentUnit = "  "

        init(_ bytes: [UInt8]) {
            guard let root = try? JSON5.parse(bytes: bytes) else { return }
            var foundMember = false
            var foundIndent = false
            var pending = [root]
            while let node = pending.popLast(), !(foundMember && foundIndent) {
                var children: [(start: SourcePosition, node: JSON5Node)] = []
                switch node.value {
                case .object(let members):
                    if let first = members.first, !foundMember {
                        keyStyle = JSON5Edits.keyStyle(of: first, in: bytes)
                        separator = JSON5Edits.separator(of: first, in: bytes)
                        foundMember = true
                    }
                    children = members.map { ($0.keyRange.start, $0.value) }
                case .array(let elements):
                    children = elements.map { ($0.range.start, $0) }
                default:
                    break
                }
                if !foundIndent, let first = children.first, first.start.line > node.range.start.line {
                    let nodeLine = JSON5Edits.lineStart(bytes, of: node.range.start.offset)
                    let outer = leadingWhitespace(bytes, lineStart: nodeLine)
                    let childLine = JSON5Edits.lineStart(bytes, of: first.start.offset)
                    let inner = leadingWhitespace(bytes, lineStart: childLine)
                    if childLine + inner.utf8.count == first.start.offset,
                        inner.hasPrefix(outer), inner.count > outer.count
                    {
                        indentUnit = String(inner.dropFirst(outer.count))
                        foundIndent = true
                    }
                }
                pending.append(contentsOf: children.reversed().map(\.node))
            }
        }
    }
}

// MARK: - Bytes

extension JSON5Edits {
    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    static func isCharacterBoundary(_ offset: Int, in bytes: [UInt8]) -> Bool {
        offset >= bytes.count || bytes[offset] & 0xC0 != 0x80
    }

    /// The offset after whitespace and comments from `offset` (the text is known to parse).
    static func afterTrivia(_ bytes: [UInt8], from offset: Int, stopAtLineBreak: Bool = false) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var cursor = JSON5Cursor(bytes: buffer, file: nil, offset: offset)
            try? cursor.skipTrivia(stopAtLineBreak: stopAtLineBreak)
            return cursor.offset
        }
    }

    /// The length of the line break at `offset` (CRLF, LF, CR, U+2028, U+2029), or 0.
    static func lineBreakLength(_ bytes: [UInt8], at offset: Int) -> Int {
        guard offset < bytes.count else { return 0 }
        switch bytes[offset] {
        case 0x0A: return 1
        case 0x0D: return offset + 1 < bytes.count && bytes[offset + 1] == 0x0A ? 2 : 1
        case 0xE2:
            let isSeparator = offset + 2 < bytes.count && bytes[offset + 1] == 0x80
                && (bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9)
            return isSeparator ? 3 : 0
        default: return 0
        }
    }

    static func lineStart(_ bytes: [UInt8], of offset: Int) -> Int {
        var index = offset
        while index > 0 {
            let byte = bytes[index - 1]
            if byte == 0x0A || byte == 0x0D { break }
            if index >= 3 && lineBreakLength(bytes, at: index - 3) == 3 { break }
            index -= 1
        }
        return index
    }

    static func leadingWhitespace(_ bytes: [UInt8], lineStart: Int) -> String {
        var end = lineStart
        while end < bytes.count && isBlank(bytes[end]) { end += 1 }
        return String(decoding: bytes[lineStart..<end], as: UTF8.self)
    }

    /// The document's first line break, so that inserted lines match it.
    static func lineBreak(in bytes: [UInt8]) -> String {
        guard let index = bytes.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { return "\n" }
        switch lineBreakLength(bytes, at: index) {
        case 2: return "\r\n"
        default: return bytes[index] == 0x0D ? "\r" : "\n"
        }
    }
}
