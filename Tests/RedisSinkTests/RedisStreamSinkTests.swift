import Foundation
import RedisSink
import TestSupport
import Testing

/// The Redis stream sink against a real `redis-server`: each article once in
/// the stream, whatever is retried, restarted or killed.
@Suite(.enabled(if: RedisServer.isInstalled, "redis-server not installed (scripts/install-deps installs it): Redis tests skipped"))
struct RedisStreamSinkTests {
    private func entry(_ number: Int, feed: String = "blog") -> RedisStreamSink.Entry {
        RedisStreamSink.Entry(id: String(format: "%064x", number), feed: feed, json: Array("{\"n\":\(number),\"text\":\"é\\u0000\"}".utf8))
    }

    private func sink(_ server: RedisServer, stream: String = "feedspool", password: String? = nil,
                      maximumLength: Int = 0) throws -> RedisStreamSink {
        try RedisStreamSink(endpoint: RedisEndpoint(host: "127.0.0.1", port: server.port, password: password),
                            stream: stream, seenFor: .seconds(3600), maximumLength: maximumLength)
    }

    private func streamLength(_ server: RedisServer, _ stream: String = "feedspool") throws -> Int {
        Int(try server.cli(["XLEN", stream]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    @Test func eachEntryIsAddedWithItsFieldsAndSecondAddsAreSkipped() throws {
        let server = try RedisServer()
        let sink = try sink(server)
        #expect(try sink.add([entry(1), entry(2)]) == [true, true])
        #expect(try sink.add([entry(2), entry(3), entry(1)]) == [false, true, false])
        #expect(try streamLength(server) == 3)
        let first = try server.cli(["--no-raw", "XRANGE", "feedspool", "-", "+", "COUNT", "1"])
        #expect(first.contains("\"id\"") && first.contains(String(format: "%064x", 1)) && first.contains("\"blog\""))
        let ttl = Int(try server.cli(["TTL", sink.seenKey(for: entry(1).id)]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(ttl > 3500 && ttl <= 3600)
    }

    @Test func theJSONIsStoredByteForByte() throws {
        let server = try RedisServer()
        let sink = try sink(server)
        _ = try sink.add([entry(7)])
        let raw = try server.cli(["--raw", "XRANGE", "feedspool", "-", "+"])
        #expect(raw.contains("{\"n\":7,\"text\":\"é\\u0000\"}"))
    }

    @Test func twoSinksAddingTheSameArticlesLeaveOneEntryEach() throws {
        let server = try RedisServer()
        let one = try sink(server), two = try sink(server)
        let entries = (0..<250).map { entry($0) }
        let fromOne = try one.add(entries)
        let fromTwo = try two.add(entries.reversed())
        #expect(fromOne.filter { $0 }.count + fromTwo.filter { $0 }.count == 250)
        #expect(try streamLength(server) == 250)
    }

    @Test func theScriptIsLoadedAgainAfterTheServerRestarts() throws {
        let server = try RedisServer()
        let sink = try sink(server)
        #expect(try sink.add([entry(1)]) == [true])
        server.kill()
        #expect(throws: RedisError.self) { try sink.add([entry(2)]) }
        try server.start()
        // The append-only file kept what was acknowledged; a new connection
        // finds an empty script cache.
        let again = try self.sink(server)
        #expect(try again.add([entry(1), entry(2)]) == [false, true])
        #expect(try streamLength(server) == 2)
    }

    /// What lets a new test server move to another port when another
    /// process took its free port first: a server that cannot bind exits,
    /// and its start says so at once rather than after the readiness timeout.
    @Test func aServerWhosePortIsTakenExitsAndItsStartSaysSo() throws {
        let server = try RedisServer()
        server.kill()
        let holder = try #require(Self.occupy(server.port), "could not bind \(server.port)")
        defer { close(holder) }
        let started = Date()
        #expect {
            try server.start()
        } throws: { error in
            (error as? RedisServer.NotReady)?.exited == true
        }
        #expect(Date().timeIntervalSince(started) < RedisServer.readinessTimeout)
    }

    /// A socket bound to 127.0.0.1:`port` (not listening, as an outgoing
    /// connection's local port would be), or nil.
    private static func occupy(_ port: Int) -> Int32? {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else {
            close(socket)
            return nil
        }
        return socket
    }

    @Test func anUnreachableServerIsAOneLineErrorNamingIt() {
        #expect {
            _ = try RedisStreamSink(endpoint: RedisEndpoint(host: "127.0.0.1", port: 1), stream: "s", seenFor: .seconds(60))
        } throws: { error in
            "\(error)".hasPrefix("redis://127.0.0.1:1/0: ") && !"\(error)".contains("\n")
        }
    }

    @Test func aPasswordLogsInAndAWrongOneIsRefusedWithoutShowingIt() throws {
        let server = try RedisServer(password: "hunter2-redis")
        let sink = try sink(server, password: "hunter2-redis")
        #expect(try sink.add([entry(1)]) == [true])
        #expect {
            _ = try self.sink(server, password: "wrong-secret")
        } throws: { error in
            "\(error)".contains("WRONGPASS") && !"\(error)".contains("wrong-secret")
        }
        #expect(throws: RedisError.self) { _ = try self.sink(server).add([entry(2)]) }
    }

    @Test func aMaximumLengthTrimsTheStreamApproximately() throws {
        let server = try RedisServer()
        let sink = try sink(server, maximumLength: 100)
        _ = try sink.add((0..<1000).map { entry($0) })
        let length = try streamLength(server)
        #expect(length >= 100 && length < 1000)
    }

    @Test func seenMarkersShareTheStreamsHashSlot() throws {
        let server = try RedisServer()
        let sink = try sink(server, stream: "news")
        let slot = { (key: String) in try server.cli(["CLUSTER", "KEYSLOT", key]) }
        // CLUSTER KEYSLOT works without cluster mode in Redis 7.
        #expect(try slot("news") == slot(sink.seenKey(for: "abc")))
    }
}
