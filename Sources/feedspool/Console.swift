import Foundation

/// Writes to the standard streams the way a Unix tool should: data on
/// stdout, one line per problem on stderr, prefixed with the program name.
enum Console {
    /// Writes raw bytes to standard output.
    static func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { FileHandle.standardOutput.write(Data($0)) }
    }

    /// Writes one line to standard error, prefixed with `feedspool: `.
    static func error(_ line: String) {
        FileHandle.standardError.write(Data("feedspool: \(line)\n".utf8))
    }

    /// Writes a warning line to standard error.
    static func warning(_ line: String) {
        error("warning: \(line)")
    }

    /// The bytes of a file, or of standard input for `-`.
    static func readInput(_ path: String) throws -> [UInt8] {
        if path == "-" {
            return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        }
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
