/// A line diff in the unified format (`diff -u`), for `--fix --dry-run`. Uses Myers'
/// algorithm, whose cost grows with the number of changed lines, which for a fix is a
/// handful.
enum UnifiedDiff {
    static let contextLines = 3

    static func render(old: [UInt8], new: [UInt8], oldLabel: String, newLabel: String) -> String {
        let a = lines(old), b = lines(new)
        let script = editScript(a, b)
        guard script.contains(where: { $0.kind != .same }) else { return "" }
        // The labels as given: the text renderer escapes a path's control characters.
        var out = "--- \(oldLabel)\n+++ \(newLabel)\n"
        for hunk in hunks(script) {
            let oldStart = hunk.first { $0.oldIndex != nil }?.oldIndex.map { $0 + 1 } ?? 0
            let newStart = hunk.first { $0.newIndex != nil }?.newIndex.map { $0 + 1 } ?? 0
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            out += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for step in hunk {
                let (prefix, text) = switch step.kind {
                case .same: (" ", a[step.oldIndex!])
                case .delete: ("-", a[step.oldIndex!])
                case .insert: ("+", b[step.newIndex!])
                }
                out += prefix + text.text + "\n"
                if !text.hasNewline { out += "\\ No newline at end of file\n" }
            }
        }
        return out
    }

    struct Line: Equatable {
        var text: String
        var hasNewline: Bool
    }

    static func lines(_ bytes: [UInt8]) -> [Line] {
        var result: [Line] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            result.append(Line(text: String(decoding: bytes[start..<index], as: UTF8.self), hasNewline: true))
            start = index + 1
        }
        if start < bytes.count {
            result.append(Line(text: String(decoding: bytes[start...], as: UTF8.self), hasNewline: false))
        }
        return result
    }

    struct Step: Equatable {
        enum Kind { case same, delete, insert }
        var kind: Kind
        var oldIndex: Int?
        var newIndex: Int?
    }

    /// The shortest edit script from `a` to `b` (Myers 1986, with the trace kept to walk
    /// back).
    static func editScript(_ a: [Line], _ b: [Line]) -> [Step] {
        let n = a.count, m = b.count, max = n + m
        var v = [Int](repeating: 0, count: 2 * max + 2)
        var trace: [[Int]] = []
        var found = false
        for d in 0...max where !found {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && v[max + k - 1] < v[max + k + 1])) ? v[max + k + 1] : v[max + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                v[max + k] = x
                if x >= n && y >= m { found = true; break }
            }
        }
        var steps: [Step] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK = (k == -d || (k != d && v[max + k - 1] < v[max + k + 1])) ? k + 1 : k - 1
            let previousX = d == 0 ? 0 : v[max + previousK]
            let previousY = previousX - previousK
            while x > previousX && y > previousY {
                x -= 1; y -= 1
                steps.append(Step(kind: .same, oldIndex: x, newIndex: y))
            }
            guard d > 0 else { break }
            if x == previousX {
                y -= 1
                steps.append(Step(kind: .insert, oldIndex: nil, newIndex: y))
            } else {
                x -= 1
                steps.append(Step(kind: .delete, oldIndex: x, newIndex: nil))
            }
        }
        return steps.reversed()
    }

    /// Groups changes with up to three lines of context around them; changes closer than
    /// twice that share a hunk.
    static func hunks(_ script: [Step]) -> [[Step]] {
        let changed = script.indices.filter { script[$0].kind != .same }
        var groups: [ClosedRange<Int>] = []
        for index in changed {
            let low = Swift.max(0, index - contextLines), high = Swift.min(script.count - 1, index + contextLines)
            if let last = groups.last, low <= last.upperBound + 1 {
                groups[groups.count - 1] = last.lowerBound...Swift.max(last.upperBound, high)
            } else {
                groups.append(low...high)
            }
        }
        return groups.map { Array(script[$0]) }
    }

    /// `start,count`; an empty side (only possible for an empty file) is `0,0`.
    private static func range(_ start: Int, _ count: Int) -> String {
        if count == 0 { return "0,0" }
        return count == 1 ? "\(start)" : "\(start),\(count)"
    }
}
