import InputFiles
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file-system calls the loader needs, made through libc directly:
/// Foundation would cost every run of every command its start-up time.
/// The only file in this module that calls libc.
enum FileSystem {
    /// The most bytes a configuration file may have.
    ///
    /// Thousands of feeds take a few hundred kilobytes.
    static let maximumFileBytes = 4 << 20

    /// The bytes of the regular file at `path`, at most `maximumFileBytes`.
    /// A configuration is never a device or a pipe to wait on.
    /// - Throws: the reason, e.g. "No such file or directory", "larger than 4 MiB".
    static func contents(of path: String) throws(FileError) -> [UInt8] {
        do {
            return try BoundedReader.read(path, limit: maximumFileBytes, regularOnly: true)
        } catch {
            throw FileError(reason: error.description)
        }
    }

    /// The path with symbolic links, `.` and `..` resolved; nil when it does not exist.
    ///
    /// It tells whether two include paths name the same file.
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

/// A file that could not be read, with the system's reason.
struct FileError: Error, CustomStringConvertible {
    /// The system's reason, e.g. "No such file or directory".
    var reason: String

    init(reason: String) {
        self.reason = reason
    }

    var description: String { reason }
}
