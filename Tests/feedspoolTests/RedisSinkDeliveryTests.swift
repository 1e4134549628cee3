import Foundation
import TestSupport
import Testing

/// `sink = redis://…` end to end: `feedspool once` against the fixture
/// server and a real `redis-server`, each article in the stream once,
/// whatever is repeated or fails on the way.
@Suite(.enabled(if: RedisServer.isInstalled, "redis-server not installed (scripts/install-deps installs it): Redis sink tests skipped"))
struct RedisSinkDeliveryTests {
    private func streamIDs(_ redis: RedisServer) throws -> [String] {
        let raw = try redis.cli(["--raw", "XRANGE", "feedspool", "-", "+"])
        // Each entry prints its stream id, then field, value pairs: id, feed, json.
        let lines = raw.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return lines.indices.filter { lines[$0] == "id" && $0 + 1 < lines.count }.map { lines[$0 + 1] }
    }

    @Test func articlesGoToTheStreamOnceAndNotToNew() async throws {
        let redis = try RedisServer()
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.configure("sink = redis://127.0.0.1:\(redis.port)/0\n\(workspace.url("/feeds/notes.rss")) name=notes")
        #expect(try await workspace.once().status == 0)
        let ids = try streamIDs(redis)
        #expect(ids.count == 3)
        #expect(Set(ids).count == 3)
        #expect(try workspace.newFileNames().isEmpty)
        #expect(try workspace.temporaryFileNames().isEmpty)
        // The JSON is the article a spool file would hold.
        let json = try redis.cli(["--raw", "XRANGE", "feedspool", "-", "+", "COUNT", "1"])
        #expect(json.contains("\"feed\":{\"name\":\"notes\""))
        // Polled again: nothing new reaches the stream.
        #expect(try await workspace.once().status == 0)
        #expect(try streamIDs(redis).count == 3)
    }

    @Test func anUnreachableServerFailsOnceAndTheArticlesWaitForIt() async throws {
        let redis = try RedisServer()
        redis.kill()
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.configure("sink = redis://127.0.0.1:\(redis.port)/0\n\(workspace.url("/feeds/notes.rss")) name=notes")
        let failed = try await workspace.once()
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("redis://127.0.0.1:\(redis.port)/0"))
        #expect(try workspace.temporaryFileNames().count == 3, "the articles wait in tmp/ for the stream")
        try redis.start()
        #expect(try await workspace.once().status == 0)
        #expect(try streamIDs(redis).count == 3)
        #expect(try workspace.temporaryFileNames().isEmpty)
        #expect(try await workspace.once().status == 0)
        #expect(try streamIDs(redis).count == 3)
    }

    @Test func aPasswordFileLogsInAndTheSecretIsShownNowhere() async throws {
        let secret = "r3dis-Secret-xq"
        let redis = try RedisServer(password: secret)
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.folder.write("redis.password", secret + "\n")
        try workspace.configure("""
            sink = redis://127.0.0.1:\(redis.port)/0
            redis-password-file = redis.password
            \(workspace.url("/feeds/notes.rss")) name=notes
            """)
        let result = try await workspace.once()
        #expect(result.status == 0)
        #expect(try streamIDs(redis).count == 3)
        for command in [["status"], ["check"]] {
            let output = try await CommandRunner.run(command, in: workspace.folder.url)
            #expect(!output.stdout.contains(secret) && !output.stderr.contains(secret))
        }
        #expect(!result.stderr.contains(secret))
    }

    @Test func aWrongPasswordIsAOneLineFailureNamingTheServer() async throws {
        let redis = try RedisServer(password: "right-one")
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.configure("sink = redis://:wrong-one@127.0.0.1:\(redis.port)/0\n\(workspace.url("/feeds/notes.rss")) name=notes")
        let result = try await workspace.once()
        #expect(result.status == 1)
        #expect(result.stderr.contains("redis://127.0.0.1:\(redis.port)/0"))
        #expect(!result.stderr.contains("wrong-one"))
    }
}

/// Two instances sharded 1/2 and 2/2 deliver into one stream: every article
/// once, each feed fetched by one instance only, through `kill -9` of
/// either at random moments, a Redis crash and a round without Redis.
@Suite(.enabled(if: RedisServer.isInstalled, "redis-server not installed (scripts/install-deps installs it): Redis sink tests skipped"))
struct RedisShardedDeliveryTests {
    /// Names that all reach 127.0.0.1 but are different hosts to the
    /// shards: by the documented hash, the first two fall to shard 1 of 2,
    /// the others to shard 2.
    static let hosts = ["127.0.0.1", "localhost", "127.1", "127.0.1"]
    static let environment = ["no_proxy": "*", "NO_PROXY": "*"]

    @Test func twoShardsDeliverEveryArticleOnceThroughKillsAndARedisCrash() async throws {
        let redis = try RedisServer()
        let workspace = try await OnceWorkspace()
        var lines: [String] = [], names: [String] = []
        for (index, host) in Self.hosts.enumerated() {
            for copy in 0..<2 {
                let name = "feed\(index)-\(copy).rss"
                names.append(name)
                try workspace.serve("notes.rss", as: name)
                lines.append("http://\(host):\(workspace.server.port)/feeds/\(name) name=f\(index)-\(copy)")
            }
        }
        let folders = try [TemporaryFolder(), TemporaryFolder()]
        for (index, folder) in folders.enumerated() {
            try folder.write("feeds.conf", """
                spool = spool
                state = state
                sink = redis://127.0.0.1:\(redis.port)/0
                shard = \(index + 1)/2
                user-agent = "shard-\(index + 1)"
                \(lines.joined(separator: "\n"))
                """)
        }
        func once(_ folder: TemporaryFolder) async throws -> CommandRunner.Result {
            try await CommandRunner.run(["once"], in: folder.url, environment: Self.environment)
        }
        var generator = SplitMix64(seed: 15)
        // Kill each instance at random moments of its poll, six times.
        for round in 0..<6 {
            for folder in folders {
                let command = try backgroundCommand(["once"], in: folder.url, environment: Self.environment)
                try await Task.sleep(for: .microseconds(generator.next() % 400_000))
                command.send(SIGKILL)
                await command.ending()
            }
            if round == 2 {
                // Redis crashes once, and a round with a new entry in every
                // feed goes without it: the new articles wait for it.
                redis.kill()
                for name in names { try workspace.serve("notes-next.rss", as: name) }
                for folder in folders { await #expect(try once(folder).status == 1) }
                try redis.start()
            }
        }
        for folder in folders {
            let result = try await once(folder)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let raw = try redis.cli(["--raw", "XRANGE", "feedspool", "-", "+"])
        let fields = raw.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let ids = fields.indices.filter { fields[$0] == "id" && $0 + 1 < fields.count }.map { fields[$0 + 1] }
        #expect(ids.count == 32, "8 feeds of 4 entries")
        #expect(Set(ids).count == ids.count, "no article twice")
        // Each feed was fetched by one instance only.
        var agents: [String: Set<String>] = [:]
        for request in try workspace.server.requests() where request.event == nil {
            agents[request.path, default: []].insert(request.headers["user-agent"] ?? "")
        }
        #expect(agents.count == 8)
        for (path, seen) in agents { #expect(seen.count == 1, "\(path) fetched by \(seen)") }
    }
}

/// `feedspool run` with `sink = redis://…` keeps running while Redis is
/// down: it logs the failure, backs off, and delivers what waited once
/// Redis is back.
@Suite(.enabled(if: RedisServer.isInstalled, "redis-server not installed (scripts/install-deps installs it): Redis sink tests skipped"))
struct RedisSinkDaemonTests {
    @Test func runLogsAnUnreachableStreamAndDeliversWhenItIsBack() async throws {
        let redis = try RedisServer()
        redis.kill()
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.configure("sink = redis://127.0.0.1:\(redis.port)/0\n\(workspace.url("/feeds/notes.rss")) name=notes interval=1s")
        let daemon = try DaemonProcess(in: workspace)
        #expect(try await eventually { try daemon.log().contains { $0.contains("notes:") && $0.contains("redis://127.0.0.1:\(redis.port)/0") } })
        try redis.start()
        #expect(try await eventually {
            let count = try redis.cli(["XLEN", "feedspool"]).trimmingCharacters(in: .whitespacesAndNewlines)
            return count == "3"
        })
        daemon.send(SIGTERM)
        #expect(await daemon.exitStatus(within: 10) == 0)
        #expect(try redis.cli(["XLEN", "feedspool"]).trimmingCharacters(in: .whitespacesAndNewlines) == "3")
        #expect(try workspace.temporaryFileNames().isEmpty)
    }
}
