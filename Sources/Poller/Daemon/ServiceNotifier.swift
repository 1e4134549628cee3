import Logging
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells systemd how a `Type=notify` service stands, as `sd_notify(3)` does, without libsystemd.
/// One datagram a message (`READY=1`, `RELOADING=1`, `STOPPING=1`, `STATUS=…`) to the Unix socket
/// named by `$NOTIFY_SOCKET`. A path there starting with `@` names a socket in the abstract
/// namespace. Without the variable, as outside systemd, sending does nothing.
public struct ServiceNotifier: Sendable {
    /// The socket's address bytes (`sun_path`); nil when there is nothing to notify.
    /// A leading NUL for an abstract name, no terminator.
    private let address: [UInt8]?
    private let log: Logger

    /// A notifier for the socket `$NOTIFY_SOCKET` names, if any, that logs its failures to `log`.
    public init(socket variable: String?, log: Logger) {
        self.log = log
        guard let variable, let first = variable.utf8.first, first == UInt8(ascii: "/") || first == UInt8(ascii: "@")
        else {
            address = nil
            return
        }
        var bytes = Array(variable.utf8)
        if first == UInt8(ascii: "@") { bytes[0] = 0 }
        address = bytes
    }

    /// Tells systemd `states`, in one datagram; a failure is logged, since systemd then waits in vain.
    public func notify(_ states: ServiceState...) {
        guard let address else { return }
        let message = states.map(\.message).joined(separator: "\n")
        if let reason = Self.send(Array(message.utf8), to: address) {
            log.error("cannot notify systemd: \(reason)")
        }
    }

    /// Sends one datagram; returns why it could not be sent, or nil.
    private static func send(_ message: [UInt8], to path: [UInt8]) -> String? {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        guard path.count <= MemoryLayout.size(ofValue: address.sun_path) else {
            return "the socket name in NOTIFY_SOCKET is too long"
        }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: path) }
        let length = socklen_t(MemoryLayout<sockaddr_un>.offset(of: \.sun_path)! + path.count)
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        defer { close(descriptor) }
        let sent = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                message.withUnsafeBytes { bytes in
                    sendto(descriptor, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL), socketAddress, length)
                }
            }
        }
        return sent < 0 ? String(cString: strerror(errno)) : nil
    }
}

extension ServiceState {
    /// The state as a field of `sd_notify(3)`'s message (`READY=1`).
    /// `RELOADING=1` carries `MONOTONIC_USEC=`, which systemd wants with it.
    public var message: String {
        switch self {
        case .ready: "READY=1"
        case .reloading: "RELOADING=1\nMONOTONIC_USEC=\(Self.monotonicMicroseconds())"
        case .stopping: "STOPPING=1"
        case .status(let line): "STATUS=\(line)"
        case .watchdog: "WATCHDOG=1"
        }
    }

    /// `CLOCK_MONOTONIC` in microseconds.
    private static func monotonicMicroseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1_000_000 + now.tv_nsec / 1000
    }
}
