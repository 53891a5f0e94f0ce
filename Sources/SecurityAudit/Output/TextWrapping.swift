/// Word wrapping for the text report on a terminal: breaks at spaces so that no line is
/// wider than the terminal, the first line after `indent`, the rest after `hanging`. A
/// word longer than a line (a path, a URL) stays whole on its own line rather than being
/// cut. Without a width the text is only indented. Widths count Unicode scalars, which
/// is exact for the ASCII the report is mostly made of.
enum TextWrapping {
    /// Narrower than this, wrapping does more harm than good.
    static let minimumWidth = 40

    static func wrap(_ text: String, width: Int?, indent: String, hanging: String) -> [String] {
        guard let width, width >= minimumWidth, indent.unicodeScalars.count + text.unicodeScalars.count > width else {
            return [indent + text]
        }
        var lines: [String] = []
        var current = indent
        var currentWidth = indent.unicodeScalars.count
        var lineHasWord = false
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let wordWidth = word.unicodeScalars.count
            if lineHasWord, currentWidth + 1 + wordWidth > width {
                lines.append(current)
                current = hanging + word
                currentWidth = hanging.unicodeScalars.count + wordWidth
                continue
            }
            if lineHasWord {
                current += " "
                currentWidth += 1
            }
            current += word
            currentWidth += wordWidth
            lineHasWord = true
        }
        lines.append(current)
        return lines
    }
}
