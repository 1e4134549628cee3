import Foundation

/// A real `redis-server` (Debian's package) for one test, on 127.0.0.1 on a
/// free port, with its data in a temporary folder and the append-only file
/// synced on every write, so a test can kill and restart it without losing
/// what it acknowledged.
public final class RedisServer: @unchecked Sendable {
    /// Where Debian installs the server.
    public static let executable = "/usr/bin/redis-server"
    /// Whether the server is installed (`scripts/install-deps` installs it).
    public static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: executable) }

    /// How long a start may take before PING answers: seconds on a quiet machine, and the
    /// deadline is only reached when the machine is loaded (a full test run beside two builds
    /// once took more than 10 s).
    public static let readinessTimeout: TimeInterval = 30

    /// The port it listens on.
    public private(set) var port: Int
    /// Its data folder.
    public let folder: URL
    private let password: String?
    private var server: ChildProcess?

    /// The server did not answer PING on its port in time, or exited first.
    public struct NotReady: Error, CustomStringConvertible {
        public let port: Int
        /// Whether the server exited (as it does when it cannot bind its port).
        public let exited: Bool
        public var description: String {
            exited ? "redis-server exited before answering PING on 127.0.0.1:\(port) (see its redis.log)"
                : "redis-server did not answer PING on 127.0.0.1:\(port) within \(Int(RedisServer.readinessTimeout)) s"
        }
    }

    /// Starts a server, requiring `password` when given.
    public init(password: String? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("feedspool-redis-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        self.password = password
        // The free port is closed before the server binds it, and an outgoing
        // connection of another test may take it meanwhile: a server that
        // could not bind exits at once, and is started again on another port.
        var attempt = 1
        port = try Self.freePort()
        while true {
            do {
                try start()
                return
            } catch let error as NotReady where error.exited && attempt < Self.attempts {
                attempt += 1
                port = try Self.freePort()
            }
        }
    }

    /// How many free ports a new server tries.
    static let attempts = 5

    deinit {
        kill()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Starts the server again on the same port and folder (after `kill()`).
    public func start() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        var arguments = ["--port", String(port), "--bind", "127.0.0.1", "--dir", folder.path,
                         "--appendonly", "yes", "--appendfsync", "always", "--save", "",
                         "--daemonize", "no", "--logfile", folder.appendingPathComponent("redis.log").path]
        if let password { arguments += ["--requirepass", password] }
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let server = try ChildProcess(process)
        self.server = server
        let deadline = Date().addingTimeInterval(Self.readinessTimeout)
        // A restarted server accepts connections while it loads its append-only
        // file, and answers every command with LOADING until it has (seen on
        // the busy 2-core machine); it is ready when PING answers PONG.
        while server.isRunning {
            if Self.accepts(port: port), (try? cli(["PING"]))?.hasPrefix("PONG") == true { return }
            guard Date() < deadline else { throw NotReady(port: port, exited: false) }
            usleep(20_000)
        }
        throw NotReady(port: port, exited: true)
    }

    /// Kills the server with SIGKILL, as a crash would, and waits for it.
    public func kill() {
        guard let server, server.isRunning else { return }
        server.send(SIGKILL)
        server.waitForEnd()
        self.server = nil
    }

    /// Runs `redis-cli` with `arguments` against this server and returns its output.
    public func cli(_ arguments: [String]) throws -> String {
        let cli = Process()
        cli.executableURL = URL(fileURLWithPath: "/usr/bin/redis-cli")
        cli.arguments = ["-h", "127.0.0.1", "-p", String(port)] + (password.map { ["--no-auth-warning", "-a", $0] } ?? [])
            + arguments
        let output = ChildProcess.pipe()
        cli.standardOutput = output
        let child = try ChildProcess(cli)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        child.waitForEnd()
        return String(decoding: data, as: UTF8.self)
    }

    private static func freePort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func accepts(port: Int) -> Bool {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }
}
