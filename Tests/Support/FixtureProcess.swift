import Foundation

/// The Python fixture server, `Tests/Fixtures/server.py`, running on
/// 127.0.0.1 on a free port for as long as this object lives. The test
/// suites that talk HTTP wrap it with the endpoints they use. Each is a
/// process of its own, forked by one `server.py --fork` per test process,
/// which has paid for Python's start and imports once.
public final class FixtureProcess: @unchecked Sendable {
    /// The port the server listens on.
    public let port: Int
    private let pid: Int32

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
        /// What the forking server answered instead.
        public let printed: String
        public var description: String { "the fixture server printed no port: \(printed)" }
    }

    /// Starts a server with `arguments` (see the script's docstring) and
    /// waits for its port.
    public init(arguments: [String] = []) throws {
        let answer = try Forker.shared.get().fork(arguments)
        let words = answer.split(separator: " ")
        guard words.count == 2, let pid = Int32(words[0]), let port = Int(words[1]) else { throw NoPort(printed: answer) }
        self.pid = pid
        self.port = port
    }

    /// Starts the server as `init(arguments:)` does, waiting for its port on
    /// a thread of its own rather than one of the test pool's.
    public static func start(arguments: [String] = []) async throws -> FixtureProcess {
        try await onOwnThread { try FixtureProcess(arguments: arguments) }
    }

    deinit {
        // Killed: it has nothing to save, and SIGTERM would wait, blocked as
        // it is in the Dispatch thread that started the forking server.
        // The forking server's kernel reaps it.
        kill(pid, SIGKILL)
    }

    /// The URL of `path` on this server, by IP address.
    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// `server.py --fork`, started at the first server a test asks for; it
    /// and its servers end when the test process ends and its standard
    /// input closes.
    private final class Forker: @unchecked Sendable {
        static let shared = Result { try Forker() }

        private let child: ChildProcess
        private let input = ChildProcess.pipe()
        private let output = ChildProcess.pipe()
        private let asking = NSLock()

        init() throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: FixtureProcess.python[0])
            process.arguments = Array(FixtureProcess.python.dropFirst()) + [FixtureProcess.script.path, "--fork"]
            process.standardInput = input
            process.standardOutput = output
            child = try ChildProcess(process)
        }

        /// Asks for a server with `arguments`; the answer line, `PID PORT`.
        func fork(_ arguments: [String]) throws -> String {
            asking.lock()
            defer { asking.unlock() }
            try input.fileHandleForWriting.write(contentsOf: JSONEncoder().encode(arguments) + Data("\n".utf8))
            var printed = Data()
            while !printed.contains(UInt8(ascii: "\n")) {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                printed.append(chunk)
            }
            return String(decoding: printed, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }
}
