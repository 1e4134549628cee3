import Logging
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to the standard streams the way a Unix tool should.
/// Data on stdout, one line per problem on stderr, prefixed with the program name. Uses the POSIX
/// calls directly: Foundation's file handles would cost every run of the command the start-up time
/// of all of Foundation.
enum Console {
    /// Writes raw bytes to standard output.
    static func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { writeAll($0, to: STDOUT_FILENO) }
    }

    /// Writes one line to standard error, prefixed with `feedspool: `.
    static func error(_ line: String) {
        var text = "feedspool: \(line)\n"
        text.withUTF8 { writeAll(UnsafeRawBufferPointer($0), to: STDERR_FILENO) }
    }

    /// Writes text to standard error as it is, without a line break.
    /// For the progress line a terminal redraws.
    static func raw(_ text: String) {
        var text = text
        text.withUTF8 { writeAll(UnsafeRawBufferPointer($0), to: STDERR_FILENO) }
    }

    /// Writes a warning line to standard error, labelled by the log handler.
    static func warning(_ line: String) {
        StandardErrorLog.plain.warning("\(line)")
    }

    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}
