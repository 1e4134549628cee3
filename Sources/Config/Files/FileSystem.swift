#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file-system calls the loader needs, made through libc directly:
/// Foundation would cost every run of every command its start-up time.
/// The only file in this module that calls libc, with `WholeFile` below.
enum FileSystem {
    /// The path with symbolic links, `.` and `..` resolved, to tell whether two
    /// include paths name the same file; nil when it does not exist.
    static func canonicalPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The current directory, to make the spool and state paths absolute.
    static func currentDirectory() -> String {
        guard let buffer = getcwd(nil, 0) else { return "/" }
        defer { free(buffer) }
        return String(cString: buffer)
    }

    /// The paths matching a glob(3) pattern, in lexical (byte) order; none when nothing matches.
    static func expandGlob(_ pattern: String) -> [String] {
        var matches = glob_t()
        defer { globfree(&matches) }
        guard glob(pattern, GLOB_NOSORT, nil, &matches) == 0 else { return [] }
        var paths: [String] = []
        for index in 0..<Int(matches.gl_pathc) {
            if let path = matches.gl_pathv[index] { paths.append(String(cString: path)) }
        }
        // glob(3) sorts by the locale's collation; byte order is the same everywhere.
        return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}

/// Reads a whole file into memory: the configuration, and the feeds and
/// pages the `parse` and `clean` commands are given.
public enum WholeFile {
    /// The bytes of the file at `path`.
    /// - Throws: `FileError` with the system's reason.
    public static func read(_ path: String) throws(FileError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileError(errno: errno) }
        defer { close(descriptor) }
        return try read(descriptor: descriptor)
    }

    /// The bytes `descriptor` reads until its end: a file, a pipe, standard input.
    /// - Throws: `FileError` with the system's reason.
    public static func read(descriptor: Int32) throws(FileError) -> [UInt8] {
        var stats = stat()
        if fstat(descriptor, &stats) == 0, (stats.st_mode & S_IFMT) == S_IFREG {
            // A regular file: read it straight into an array of its size.
            let size = Int(stats.st_size)
            var failure: Int32 = 0
            let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
                count = 0
                while count < size {
                    let got = Glibc.read(descriptor, buffer.baseAddress! + count, size - count)
                    if got < 0 && errno == EINTR { continue }
                    if got < 0 { failure = errno }
                    if got <= 0 { break }
                    count += got
                }
            }
            if failure != 0 { throw FileError(errno: failure) }
            return bytes
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { throw FileError(errno: errno) }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }
}

/// A file that could not be read, with the system's reason.
public struct FileError: Error, CustomStringConvertible {
    /// The system's reason, e.g. "No such file or directory".
    public var reason: String

    init(errno code: Int32) {
        reason = String(cString: strerror(code))
    }

    public var description: String { reason }
}
