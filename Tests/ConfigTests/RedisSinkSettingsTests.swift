import Testing
@testable import Config

/// `sink = redis://…`, `stream` and `redis-password-file`: what the Redis sink
/// is told, and messages that never quote a password.
@Suite struct RedisSinkSettingsTests {
    @Test(arguments: [
        ("redis://127.0.0.1", RedisTarget(host: "127.0.0.1", port: 6379, database: 0, stream: "feedspool")),
        ("redis://cache.internal:6380/3", RedisTarget(host: "cache.internal", port: 6380, database: 3, stream: "feedspool")),
        ("redis://:pw@h/1", RedisTarget(host: "h", port: 6379, database: 1, password: "pw", stream: "feedspool")),
        ("redis://bot:p:w@h", RedisTarget(host: "h", port: 6379, database: 0, user: "bot", password: "p:w", stream: "feedspool")),
    ])
    func aRedisURLIsReadWithItsDefaults(text: String, target: RedisTarget) throws {
        #expect(try RedisTarget.parse(text) == target)
    }

    @Test(arguments: ["http://h", "redis://", "redis://h:0", "redis://h/x", "redis://a b"])
    func aBadSinkIsAProblem(text: String) {
        #expect(throws: ValueError.self) { try RedisTarget.parse(text) }
    }

    @Test func theStreamAndPasswordFileApplyToTheSinkAndNoMessageShowsAPassword() throws {
        let folder = try ConfigFolder()
        try folder.write("redis.password", "from-file\n")
        let config = try folder.load(text: """
            sink = redis://:in-url@127.0.0.1:7000/2
            stream = news
            stream-max-length = 100000
            redis-password-file = redis.password
            """)
        let sink = try #require(config.redisSink)
        #expect(sink.stream == "news" && sink.password == "from-file" && sink.port == 7000 && sink.database == 2)
        #expect(sink.maximumLength == 100_000)
        #expect(sink.description == "redis://127.0.0.1:7000/2")
        do {
            _ = try folder.load(text: "sink = redis://:in-url-secret@bad host\n")
            Issue.record("a bad sink was accepted")
        } catch {
            #expect(!"\(error)".contains("in-url-secret"))
        }
    }

    @Test func theSpoolIsTheDefaultSink() throws {
        let folder = try ConfigFolder()
        #expect(try folder.load(text: "interval = 1h\n").redisSink == nil)
        #expect(try folder.load(text: "sink = spool\n").redisSink == nil)
    }
}
