import Config
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The main configuration file as `feedspool add` edits it: lines are only
/// ever appended, and taken back when the result does not load.
struct ConfigFile {
    /// The file's path, as the user named it.
    let path: String

    /// A feed line appended, and where it stands.
    struct AddedLine {
        var location: ConfigLocation
        var line: String
    }

    /// The configuration, or nil when the file does not exist yet; exits 1
    /// (after printing its problems) when it does not load.
    func load() throws -> Configuration? {
        guard access(path, F_OK) == 0 else { return nil }
        return try ConfigPath.load(path, failingWith: 1)
    }

    /// Appends `lines` (after a line break, if the file does not end with
    /// one), creating the file when needed, and checks that the
    /// configuration still loads; when it does not, the file is cut back to
    /// what it was and the problems are thrown.
    func append(_ lines: [String]) throws(ConfigError) -> [AddedLine] {
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
