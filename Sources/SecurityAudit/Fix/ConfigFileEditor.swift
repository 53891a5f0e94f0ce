import JSON5

/// A config file's bytes before and after the fix. `before` is what was read when the
/// plan was made: the writer refuses to replace a file that no longer holds it.
public struct ConfigFileRewrite: Sendable, Equatable {
    public var path: String
    public var before: [UInt8]
    public var after: [UInt8]
}

/// Turns value edits into byte edits of the files that hold the values. Only the bytes
/// of the changed values (or the inserted member) change; comments, quoting, key order,
/// `${VAR}` references and `$include` directives stay as written.
struct ConfigFileEditor {
    /// The bytes of a config file as they are now: the main config's bytes come from the
    /// load, include files are read again (and checked against the loaded tree).
    var bytesOfFile: (String) -> Result<[UInt8], ConfigFileEditError>

    struct ConfigFileEditError: Error, Equatable {
        var message: String
    }

    /// One rewrite per file, in the order the files are first named by `edits`.
    func rewrites(for edits: [ConfigValueEdit]) throws(ConfigFileEditError) -> [ConfigFileRewrite] {
        var files: [String] = []
        var byFile: [String: [ConfigValueEdit]] = [:]
        for edit in edits {
            if byFile[edit.origin.file] == nil { files.append(edit.origin.file) }
            byFile[edit.origin.file, default: []].append(edit)
        }
        var result: [ConfigFileRewrite] = []
        for file in files {
            let bytes = try bytesOfFile(file).get()
            let after = try Self.apply(byFile[file] ?? [], to: bytes, file: file)
            if after != bytes { result.append(ConfigFileRewrite(path: file, before: bytes, after: after)) }
        }
        return result
    }

    static func apply(_ edits: [ConfigValueEdit], to bytes: [UInt8], file: String) throws(ConfigFileEditError) -> [UInt8] {
        let tree: JSON5Node
        do {
            tree = try JSON5.parse(bytes: bytes, file: file)
        } catch {
            throw ConfigFileEditError(message: "\(file) no longer parses (\(error)); it changed since it was read")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        var textEdits: [JSON5TextEdit] = []
        for edit in edits {
            guard let node = node(at: edit.origin.range, in: tree) else {
                throw ConfigFileEditError(message: "\(edit.origin.description): the value is no longer there; \(file) changed since it was read")
            }
            let textEdit: JSON5TextEdit
            switch edit {
            case .replaceString(_, let newValue):
                guard node.asString != nil else {
                    throw ConfigFileEditError(message: "\(edit.origin.description): expected a string; \(file) changed since it was read")
                }
                let quote = bytes[node.range.start.offset] == UInt8(ascii: "'") ? "'" : "\""
                textEdit = JSON5Edits.replaceValue(of: node, with: quote + Self.escape(newValue, quote: quote) + quote)
            case .replaceWithList(_, let list):
                textEdit = JSON5Edits.replaceValue(of: node, with: Self.listText(list))
            case .insertList(_, let key, let list):
                guard node.members != nil else {
                    throw ConfigFileEditError(message: "\(edit.origin.description): expected an object; \(file) changed since it was read")
                }
                textEdit = JSON5Edits.insertMember(key: key, valueText: Self.listText(list), into: node, in: text)
            }
            if !textEdits.contains(textEdit) { textEdits.append(textEdit) }
        }
        // Two different edits of the same bytes (a value reached through two paths with
        // different outcomes) cannot both be honoured: refuse rather than guess. The
        // order is the one `JSON5Edits.apply` uses.
        var end = 0
        let ordered = textEdits.enumerated()
            .sorted { ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset) }
        for edit in ordered.map(\.element) {
            guard edit.range.lowerBound >= end else {
                throw ConfigFileEditError(message: "\(file): conflicting edits at byte \(edit.range.lowerBound); not changed")
            }
            end = edit.range.upperBound
        }
        let after = Array(JSON5Edits.apply(textEdits, to: bytes).utf8)
        do {
            _ = try JSON5.parse(bytes: after, file: file)
        } catch {
            throw ConfigFileEditError(message: "\(file): the edited text would not parse (\(error)); not changed")
        }
        return after
    }

    /// `["a", "b"]` on one line, each entry a JSON string literal.
    static func listText(_ list: [String]) -> String {
        "[" + list.map { JSON5.quote($0) }.joined(separator: ", ") + "]"
    }

    /// The fix writes fixed words ("tools", "allowlist"); escaping keeps the helper
    /// honest for any value.
    static func escape(_ value: String, quote: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case _ where String(scalar) == quote: out += "\\" + quote
            case "\u{00}"..."\u{1F}", "\u{2028}", "\u{2029}":
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The node whose range is exactly `range`, found by descending through the
    /// containers that enclose it.
    static func node(at range: SourceRange, in root: JSON5Node) -> JSON5Node? {
        var current = root
        while true {
            if current.range.byteRange == range.byteRange { return current }
            let children: [JSON5Node]
            switch current.value {
            case .object(let members): children = members.map(\.value)
            case .array(let elements): children = elements
            default: return nil
            }
            guard let next = children.first(where: {
                $0.range.start.offset <= range.start.offset && range.end.offset <= $0.range.end.offset
            }) else { return nil }
            current = next
        }
    }
}
