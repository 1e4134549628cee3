import Foundation

/// The Python fixture server, `Tests/Fixtures/server.py`, running on
/// 127.0.0.1 on a free port for as long as this object lives. The test
/// suites that talk HTTP wrap it with the endpoints they use.
public final class FixtureProcess: @unchecked Sendable {
    /// The port the server listens on.
    public let port: Int
    private let process = Process()
    private let input = Pipe()

    /// The server's script, found from this source file.
    public static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/server.py")

    /// Debian's `python3` (`scripts/install-deps` installs it), else the
    /// first on `$PATH`: a version manager's shim there (pyenv's) runs a
    /// shell script of a dozen processes before Python, 0.25 s a server.
    static let python: [String] = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
        ? ["/usr/bin/python3"] : ["/usr/bin/env", "python3"]

    /// A server that did not print its port.
    public struct NoPort: Error, CustomStringConvertible {
        /// What it printed instead.
        public let printed: String
        public var description: String { "the fixture server printed no port: \(printed)" }
    }

    /// Starts the server with `arguments` (see the script's docstring) and
    /// waits for the port it prints on its first line.
    public init(arguments: [String] = []) throws {
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: Self.python[0])
        process.arguments = Array(Self.python.dropFirst()) + [Self.script.path] + arguments
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        var printed = Data()
        while !printed.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed.append(chunk)
        }
        let line = String(decoding: printed, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let port = Int(line) else {
            process.terminate()
            throw NoPort(printed: line)
        }
        self.port = port
    }

    deinit {
        // Closing its standard input ends the server; terminate in case it hangs.
        try? input.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
    }

    /// The URL of `path` on this server, by IP address.
    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }
}
