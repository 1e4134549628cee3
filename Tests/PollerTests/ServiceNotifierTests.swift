import Foundation
import InMemoryLogging
import Logging
import Poller
import Testing

/// `ServiceNotifier` sending to a real Unix datagram socket, as systemd's `$NOTIFY_SOCKET` is.
@Suite struct ServiceNotifierTests {
    /// A datagram socket bound at a path, or at a name in the abstract namespace; reads what arrives.
    final class Listener {
        let variable: String
        private let descriptor: Int32

        init(abstract: Bool) throws {
            let name = "/tmp/feedspool-notify-\(UUID().uuidString.prefix(12))"
            let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
            self.descriptor = descriptor
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            let bytes = (abstract ? [0] : []) + Array(name.utf8)
            withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
            let length = socklen_t(MemoryLayout<sockaddr_un>.offset(of: \.sun_path)! + bytes.count)
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
            }
            try #require(bound == 0)
            variable = abstract ? "@" + name : name
        }

        deinit {
            close(descriptor)
            if variable.hasPrefix("/") { unlink(variable) }
        }

        /// The datagrams received so far, each whole.
        func messages() -> [String] {
            var received: [String] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = recv(descriptor, &buffer, buffer.count, Int32(MSG_DONTWAIT))
                guard count > 0 else { return received }
                received.append(String(decoding: buffer[0..<count], as: UTF8.self))
            }
        }
    }

    let logs = InMemoryLogHandler()
    var log: Logger { Logger(label: "feedspool") { _ in self.logs } }

    @Test(arguments: [false, true])
    func statesGivenTogetherGoInOneDatagramEachAlone(abstract: Bool) throws {
        let listener = try Listener(abstract: abstract)
        let notifier = ServiceNotifier(socket: listener.variable, log: log)
        notifier.notify(.ready, .status("running: 2 feeds"))
        notifier.notify(.watchdog)
        notifier.notify(.stopping)
        #expect(listener.messages() == ["READY=1\nSTATUS=running: 2 feeds", "WATCHDOG=1", "STOPPING=1"])
        #expect(logs.entries.isEmpty)
    }

    @Test func reloadingCarriesTheMonotonicClockInMicroseconds() throws {
        let listener = try Listener(abstract: false)
        var before = timespec()
        clock_gettime(CLOCK_MONOTONIC, &before)
        ServiceNotifier(socket: listener.variable, log: log).notify(.reloading)
        let fields = try #require(listener.messages().first).split(separator: "\n")
        #expect(fields.first == "RELOADING=1")
        let microseconds = try #require(fields.last.flatMap { Int($0.dropFirst("MONOTONIC_USEC=".count)) })
        #expect(fields.last?.hasPrefix("MONOTONIC_USEC=") == true)
        #expect(microseconds >= before.tv_sec * 1_000_000 && microseconds < (before.tv_sec + 60) * 1_000_000)
    }

    @Test func withoutTheVariableOrWithARelativePathNothingIsSentOrLogged() {
        ServiceNotifier(socket: nil, log: log).notify(.ready)
        ServiceNotifier(socket: "relative/socket", log: log).notify(.ready)
        #expect(logs.entries.isEmpty)
    }

    @Test func aSocketNobodyListensOnIsLoggedAsAnError() {
        ServiceNotifier(socket: "/tmp/feedspool-notify-\(UUID().uuidString)-absent", log: log).notify(.ready)
        #expect(logs.entries.map(\.level) == [.error])
        #expect(logs.entries.first?.message.description.hasPrefix("cannot notify systemd: ") == true)
    }

    @Test func aNameLongerThanTheAddressCanHoldIsLoggedAsAnError() {
        ServiceNotifier(socket: "/" + String(repeating: "x", count: 200), log: log).notify(.ready)
        #expect(logs.entries.map(\.message.description) == ["cannot notify systemd: the socket name in NOTIFY_SOCKET is too long"])
    }
}
