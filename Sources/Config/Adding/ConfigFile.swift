#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The main configuration file as `feedspool add` edits it.
/// Lines are only ever appended, and taken back when the result does not load.
public struct ConfigFile: Sendable {
    /// The file's path, as the user named it.
    public let path: String

    /// The file at `path`.
    public init(path: String) {
        self.path = path
    }

    /// A feed line appended, and where it stands.
    public struct AddedLine: Equatable, Sendable {
        /// Its file and line number.
        public var location: ConfigLocation
        /// The line, without its line break.
        public var line: String
    }

    /// Whether the file exists.
    public var exists: Bool { access(path, F_OK) == 0 }

    /// Appends `lines` and checks that the configuration still loads.
    /// They go after a line break, if the file does not end with one; the
    /// file is created when needed. When the result does not load, the file
    /// is cut back to what it was and the problems are thrown.
    public func append(_ lines: [String]) throws(ConfigError) -> [AddedLine] {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw fileError("cannot open")
        }
        defer { close(descriptor) }
        let originalSize = lseek(descriptor, 0, SEEK_END)
        var text = ""
        var lineNumber = 1
        if originalSize > 0 {
            var existing = [UInt8](repeating: 0, count: Int(originalSize))
            _ = pread(descriptor, &existing, existing.count, 0)
            lineNumber = existing.filter { $0 == UInt8(ascii: "\n") }.count + 1
            if existing.last != UInt8(ascii: "\n") {
                text = "\n"
                lineNumber += 1
            }
        }
        var added: [AddedLine] = []
        for line in lines {
            added.append(AddedLine(location: ConfigLocation(file: path, line: lineNumber), line: line))
            text += line + "\n"
            lineNumber += 1
        }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, originalSize) }
        do throws(ConfigError) {
            guard written == bytes.count, fsync(descriptor) == 0 else {
                throw fileError("cannot write")
            }
            _ = try ConfigLoader.load(path: path)
            return added
        } catch {
            _ = ftruncate(descriptor, originalSize)
            throw error
        }
    }

    /// The problem of the whole file, with the system's reason.
    private func fileError(_ what: String) -> ConfigError {
        ConfigError(problems: [ConfigProblem(file: path, line: nil, message: "\(what): \(String(cString: strerror(errno)))")])
    }
}
