/// Adds articles to a Redis stream, each exactly once.
/// The add and its de-duplication are one Lua script run atomically on the
/// server.
///
/// For each article the script checks a seen-key (`{STREAM}:seen:ID`); when
/// it is absent, it adds the stream entry (fields `id`, `feed`, `json`) and
/// then sets the key with an expiry longer than feedspool remembers the
/// entry itself. An article already added (by this process before a crash,
/// or by another instance) is skipped and reported as such. If the server
/// fails between the two writes, the article is in the stream unmarked and
/// a retry adds it again; Redis refuses a whole write script when it is out
/// of memory, before it starts, which is the usual failure. The seen-keys
/// share the stream key's hash slot (`{STREAM}` is their hash tag), so the
/// script runs unchanged on Redis Cluster.
///
/// Threading: one sink serves one thread at a time.
public final class RedisStreamSink {
    /// One stream entry to add.
    public struct Entry: Sendable, Equatable {
        /// The article id: the key of its seen-marker.
        public var id: String
        /// The feed's name.
        public var feed: String
        /// The article's JSON, exactly as a spool file would hold it.
        public var json: [UInt8]

        /// Makes an entry.
        public init(id: String, feed: String, json: [UInt8]) {
            self.id = id
            self.feed = feed
            self.json = json
        }
    }

    /// The most entries one script call adds, so one call never blocks the server for long.
    static let batchSize = 100

    private let connection: RedisConnection
    private let endpoint: RedisEndpoint
    /// The stream's key.
    public let stream: String
    private let seenSeconds: Int
    private let maximumLength: Int
    private var scriptSHA: String?

    /// Connects to `endpoint`.
    /// - Parameters:
    ///   - stream: the stream's key.
    ///   - seenFor: how long an article's seen-marker lasts.
    ///   - maximumLength: trims the stream to about this many entries
    ///     (`MAXLEN ~`); 0 keeps every entry.
    ///   - timeout: how long connecting, and each command, may take.
    /// - Throws: `RedisError` when the server cannot be reached or logged in to.
    public init(endpoint: RedisEndpoint, stream: String, seenFor: Duration, maximumLength: Int = 0,
                timeout: Duration = .seconds(10)) throws(RedisError) {
        connection = try RedisConnection(endpoint, timeout: timeout)
        self.endpoint = endpoint
        self.stream = stream
        seenSeconds = max(1, Int(seenFor.components.seconds))
        self.maximumLength = max(0, maximumLength)
    }

    /// The seen-marker's key for article `id`.
    public func seenKey(for id: String) -> String { "{\(stream)}:seen:\(id)" }

    /// Adds `entries` that were never added before, in order.
    /// - Returns: for each entry, whether this call added it (false: it was
    ///   in the stream already).
    /// - Throws: `RedisError` when the server failed or refused; entries of
    ///   earlier batches may be in by then, which a retry detects.
    public func add(_ entries: [Entry]) throws(RedisError) -> [Bool] {
        var added: [Bool] = []
        added.reserveCapacity(entries.count)
        var start = 0
        while start < entries.count {
            let batch = entries[start..<min(entries.count, start + Self.batchSize)]
            added += try addBatch(batch)
            start += batch.count
        }
        return added
    }

    private func addBatch(_ batch: ArraySlice<Entry>) throws(RedisError) -> [Bool] {
        var keys = [Array(stream.utf8)]
        var arguments = [Array(String(seenSeconds).utf8), Array(String(maximumLength).utf8)]
        for entry in batch {
            keys.append(Array(seenKey(for: entry.id).utf8))
            arguments += [Array(entry.id.utf8), Array(entry.feed.utf8), entry.json]
        }
        let reply = try runScript(keys: keys, arguments: arguments)
        guard case .array(let results) = reply, results.count == batch.count else {
            throw RedisError(endpoint: endpoint, message: "unexpected reply to the add script: \(reply)")
        }
        return results.map { $0 == .integer(1) }
    }

    /// Runs the add script by its SHA1, loading it first when the server does not know it.
    /// A restart of the server empties its script cache.
    private func runScript(keys: [[UInt8]], arguments: [[UInt8]]) throws(RedisError) -> RedisReply {
        let count = Array(String(keys.count).utf8)
        if let sha = scriptSHA {
            let reply = try connection.command([Array("EVALSHA".utf8), Array(sha.utf8), count] + keys + arguments)
            if case .error(let message) = reply, message.hasPrefix("NOSCRIPT") {
                scriptSHA = nil
            } else {
                return try checked(reply)
            }
        }
        let loaded = try checked(connection.command([Array("SCRIPT".utf8), Array("LOAD".utf8), Array(Self.script.utf8)]))
        guard case .string(let sha) = loaded else {
            throw RedisError(endpoint: endpoint, message: "SCRIPT LOAD answered \(loaded)")
        }
        scriptSHA = String(decoding: sha, as: UTF8.self)
        return try checked(connection.command([Array("EVALSHA".utf8), sha, count] + keys + arguments))
    }

    private func checked(_ reply: RedisReply) throws(RedisError) -> RedisReply {
        if case .error(let message) = reply { throw RedisError(endpoint: endpoint, message: message) }
        return reply
    }

    /// KEYS[1] the stream, KEYS[2…] the seen-markers.
    /// ARGV[1] their expiry in seconds, ARGV[2] the MAXLEN (0 for none), then
    /// id, feed and JSON of each entry. Returns 1 for each entry added, 0 for
    /// each skipped.
    static let script = """
        local seconds = tonumber(ARGV[1])
        local maxlen = tonumber(ARGV[2])
        local result = {}
        for i = 2, #KEYS do
          local at = 3 + (i - 2) * 3
          if redis.call('EXISTS', KEYS[i]) == 0 then
            if maxlen > 0 then
              redis.call('XADD', KEYS[1], 'MAXLEN', '~', maxlen, '*',
                         'id', ARGV[at], 'feed', ARGV[at + 1], 'json', ARGV[at + 2])
            else
              redis.call('XADD', KEYS[1], '*', 'id', ARGV[at], 'feed', ARGV[at + 1], 'json', ARGV[at + 2])
            end
            redis.call('SET', KEYS[i], '1', 'EX', seconds)
            result[#result + 1] = 1
          else
            result[#result + 1] = 0
          end
        end
        return result
        """
}
