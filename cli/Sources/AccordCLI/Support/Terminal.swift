#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing to the standard streams.
enum Terminal {
    /// Writes a line to standard error.
    static func printError(_ line: String) {
        writeError(line + "\n")
    }

    /// Writes text to standard error as it is.
    static func writeError(_ text: String) {
        write(Array(text.utf8), to: 2)
    }

    /// Writes bytes to a file descriptor (1 for standard output), all of them unless it fails.
    static func write(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = systemWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }

    /// Erases a progress line left on a terminal (nothing when standard error is not one).
    static func eraseProgressLine() {
        if standardErrorIsTerminal { writeError("\r\u{1B}[K") }
    }

    /// The width of the terminal on standard error (`COLUMNS`, else the terminal's, else 80).
    static var width: Int {
        if let columns = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }), columns > 10 { return columns }
        var size = winsize()
        if ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 10 { return Int(size.ws_col) }
        return 80
    }

    /// Whether standard error is a terminal (progress is shown only then).
    static var standardErrorIsTerminal: Bool { isatty(2) == 1 }
}

/// `write(2)`, under a name that does not clash with `Terminal.write`.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
