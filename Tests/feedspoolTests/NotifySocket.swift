import Foundation

/// The Unix datagram socket systemd listens on for a `Type=notify` service,
/// bound by the test: `environmentValue` goes into `$NOTIFY_SOCKET`, and
/// `messages` reads what the daemon sent.
final class NotifySocket {
    /// What `$NOTIFY_SOCKET` is set to: the path, or `@name` for a name in
    /// the abstract namespace.
    let environmentValue: String
    private let descriptor: Int32
    private var received: [String] = []

    /// A socket bound at `path`, or with `abstract`, at `@path` in the
    /// abstract namespace (no file).
    init(path: String, abstract: Bool) throws {
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(path.utf8)
        if abstract { bytes.insert(0, at: 0) }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let length = socklen_t(MemoryLayout<sockaddr_un>.offset(of: \.sun_path)! + bytes.count)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0 else {
            let code = errno
            close(descriptor)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
        self.descriptor = descriptor
        environmentValue = abstract ? "@" + path : path
    }

    deinit {
        close(descriptor)
    }

    /// Every message received so far, oldest first, each as sent
    /// (`READY=1\nSTATUS=…`).
    func messages() -> [String] {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            if count <= 0 { break }
            received.append(String(decoding: buffer[0..<count], as: UTF8.self))
        }
        return received
    }

    /// The fields of every message received so far, in order (`READY=1`).
    func fields() -> [String] {
        messages().flatMap { $0.split(separator: "\n").map(String.init) }
    }
}
