#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole input file, or standard input, but never more than a limit.
/// Every file feedspool reads from a command line or a configuration (`parse`,
/// `clean`, `include`) comes through here, so `/dev/zero`, an endless pipe or a
/// 200 MB page costs at most the limit in memory, not an allocation abort.
public enum BoundedReader {
    /// The bytes of the file at `path`, or of standard input for `-`.
    ///
    /// A regular file larger than `limit` is refused before anything is read;
    /// anything else (a pipe, a device, a file that grows) is read until it
    /// ends or passes `limit`, and then refused, or, with `regularOnly`,
    /// refused at once (a FIFO without a writer is never waited for). A path
    /// with a NUL byte is refused: the system would read the path only up to it.
    /// `Int.max` as `limit` reads the whole file, whatever its size.
    /// - Throws: ``InputFileError``.
    public static func read(_ path: String, limit: Int, regularOnly: Bool = false) throws(InputFileError) -> [UInt8] {
        if path.utf8.contains(0) { throw .nulInPath }
        let flags = O_RDONLY | O_CLOEXEC | (regularOnly ? O_NONBLOCK : 0)
        let descriptor = path == "-" ? STDIN_FILENO : open(path, flags)
        guard descriptor >= 0 else { throw .system(errno) }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        var stats = stat()
        guard fstat(descriptor, &stats) == 0 else { throw .system(errno) }
        switch stats.st_mode & S_IFMT {
        case S_IFDIR:
            throw .system(EISDIR)
        case S_IFREG:
            if Int(stats.st_size) > limit { throw .tooLarge(limit: limit) }
        default:
            if regularOnly { throw .notARegularFile }
        }
        // One byte over the limit tells a file that is too large from one
        // that is exactly the limit (asked for as below, so `Int.max` cannot overflow).
        let regularSize = (stats.st_mode & S_IFMT) == S_IFREG ? Int(stats.st_size) : 0
        var bytes = [UInt8]()
        bytes.reserveCapacity(min(limit, regularSize) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= limit {
            let wanted = min(chunk.count - 1, limit - bytes.count) + 1
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, wanted) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { throw .system(errno) }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
        throw .tooLarge(limit: limit)
    }

    /// The first bytes of the file at `path`, at most `count`, from one read; nil when there are none.
    ///
    /// Nil when it cannot be opened or gives nothing. For a file's head and for `/proc` files,
    /// whose size `stat` does not tell.
    public static func head(_ path: String, count: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: count)
        let read = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        guard read > 0 else { return nil }
        bytes.removeSubrange(read...)
        return bytes
    }
}

/// Why an input file was not read.
public enum InputFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The path has a NUL byte, which no file name can hold.
    case nulInPath
    /// The system refused, with this `errno`.
    case system(Int32)
    /// The input has more bytes than the limit.
    case tooLarge(limit: Int)
    /// A device, pipe or socket where only a regular file will do.
    case notARegularFile

    /// One line: "No such file or directory", "larger than 16 MiB".
    public var description: String {
        switch self {
        case .nulInPath: return "the path contains a NUL byte"
        case .system(let code): return String(cString: strerror(code))
        case .tooLarge(let limit): return "larger than \(Self.size(limit))"
        case .notARegularFile: return "not a regular file"
        }
    }

    /// `limit` in the largest binary unit that divides it: "16 MiB", "4 KiB".
    static func size(_ limit: Int) -> String {
        for (shift, unit) in [(30, "GiB"), (20, "MiB"), (10, "KiB")] where limit >= 1 << shift && limit % (1 << shift) == 0 {
            return "\(limit >> shift) \(unit)"
        }
        return "\(limit) bytes"
    }
}
