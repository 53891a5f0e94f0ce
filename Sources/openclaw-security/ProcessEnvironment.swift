#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few facts the CLI takes from the process, read once at start-up.
enum ProcessEnvironment {
    static func current() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let eq = text.firstIndex(of: "=") {
                result[String(text[..<eq])] = String(text[text.index(after: eq)...])
            }
            pointer += 1
        }
        return result
    }

    static func currentDirectory() -> String {
        guard let cwd = getcwd(nil, 0) else { return "/" }
        defer { free(cwd) }
        return String(cString: cwd)
    }

    static func passwordDatabaseHome() -> String? {
        guard let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir else { return nil }
        return String(cString: dir)
    }

    static func stdoutIsTerminal() -> Bool { isatty(STDOUT_FILENO) == 1 }

    static func stderrIsTerminal() -> Bool { isatty(STDERR_FILENO) == 1 }

    /// The width of the terminal stdout is, for wrapping the text report; nil when
    /// stdout is not a terminal (a pipe or a file gets lines as they are). `COLUMNS`
    /// wins, as shells and `less` set it.
    static func stdoutTerminalWidth(_ environment: [String: String]) -> Int? {
        guard stdoutIsTerminal() else { return nil }
        if let columns = environment["COLUMNS"].flatMap({ Int($0.trimmingCharactersInWhitespace) }), columns > 0 {
            return columns
        }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}

/// Writes whole strings to stdout / stderr without buffering surprises.
enum StandardStreams {
    static func output(_ text: String) {
        write(text, to: STDOUT_FILENO)
    }

    /// A message on stderr. Messages quote config text (include paths, keys), so control
    /// characters other than newline and tab are shown escaped, never sent raw to the
    /// terminal.
    static func error(_ line: String) {
        var safe = String.UnicodeScalarView()
        for scalar in line.unicodeScalars {
            if scalar != "\n", scalar != "\t", scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                safe.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
            } else {
                safe.append(scalar)
            }
        }
        write(String(safe) + "\n", to: STDERR_FILENO)
    }

    /// Text on stderr without a line break (progress lines that rewrite themselves).
    static func errorFragment(_ text: String) {
        write(text, to: STDERR_FILENO)
    }

    /// Writes all of `text`, retrying interrupted writes; false (with `errno` set) when
    /// the descriptor refuses it.
    @discardableResult
    static func write(_ text: String, to fd: Int32) -> Bool {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif

extension String {
    var trimmingCharactersInWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
