#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to the standard streams the way a Unix tool should: data on
/// stdout, one line per problem on stderr, prefixed with the program name.
/// Uses the POSIX calls directly: Foundation's file handles would cost every
/// run of the command the start-up time of all of Foundation.
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

    /// Writes one line to standard error as it is, without the program name:
    /// for `file:line: message` lines, the form editors jump to.
    static func diagnostic(_ line: String) {
        var text = line + "\n"
        text.withUTF8 { writeAll(UnsafeRawBufferPointer($0), to: STDERR_FILENO) }
    }

    /// Writes text to standard error as it is, without a line break: for
    /// the progress line a terminal redraws.
    static func raw(_ text: String) {
        var text = text
        text.withUTF8 { writeAll(UnsafeRawBufferPointer($0), to: STDERR_FILENO) }
    }

    /// Writes a warning line to standard error.
    static func warning(_ line: String) {
        error("warning: \(line)")
    }

    /// The bytes of a file, or of standard input for `-`.
    /// - Throws: `InputError` naming the system's reason.
    static func readInput(_ path: String) throws(InputError) -> [UInt8] {
        let descriptor = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw InputError(reason: String(cString: strerror(errno))) }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        var stats = stat()
        if fstat(descriptor, &stats) == 0, (stats.st_mode & S_IFMT) == S_IFREG {
            // A regular file: read it straight into an array of its size.
            let size = Int(stats.st_size)
            var failure: Int32 = 0
            let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
                count = 0
                while count < size {
                    let got = read(descriptor, buffer.baseAddress! + count, size - count)
                    if got < 0 && errno == EINTR { continue }
                    if got < 0 { failure = errno }
                    if got <= 0 { break }
                    count += got
                }
            }
            if failure != 0 { throw InputError(reason: String(cString: strerror(failure))) }
            return bytes
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { throw InputError(reason: String(cString: strerror(errno))) }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
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

/// A file that could not be read.
struct InputError: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}
