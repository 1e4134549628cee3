import Foundation

/// The Python fixture server, `Tests/Fixtures/server.py`, running on
/// 127.0.0.1 on a free port for as long as this object lives. The test
/// suites that talk HTTP wrap it with the endpoints they use.
public final class FixtureProcess: @unchecked Sendable {
    /// The port the server listens on.
    public let port: Int
    private let child: ChildProcess
    private let input = ChildProcess.pipe()

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
        let output = ChildProcess.pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python[0])
        process.arguments = Array(Self.python.dropFirst()) + [Self.script.path] + arguments
        process.standardInput = input
        process.standardOutput = output
        child = try ChildProcess(process)
        var printed = Data()
        while !printed.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed.append(chunk)
        }
        let line = String(decoding: printed, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let port = Int(line) else {
            child.send(SIGKILL)
            throw NoPort(printed: line)
        }
        self.port = port
    }

    /// Starts the server as `init(arguments:)` does, waiting for its port on
    /// a thread of its own rather than one of the test pool's.
    public static func start(arguments: [String] = []) async throws -> FixtureProcess {
        try await onOwnThread { try FixtureProcess(arguments: arguments) }
    }

    deinit {
        // Killed: it has nothing to save, and SIGTERM would wait, blocked as
        // it is in the Dispatch thread that started it. Its standard input
        // closing ends it too, should the test process die first.
        child.send(SIGKILL)
        child.waitForEnd()
        try? input.fileHandleForWriting.close()
    }

    /// The URL of `path` on this server, by IP address.
    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }
}
