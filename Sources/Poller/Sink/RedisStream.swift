import Config
import RedisSink
import Spool
import State
import Synchronization

/// The Redis stream of `sink = redis://…` as the spool's `ArticleStream`.
/// One connection, made at the first delivery and made again after a failure (a
/// restarted server, a dropped connection), shared by whoever delivers under
/// its lock.
public final class RedisStream: ArticleStream {
    private let target: RedisTarget
    private let seenFor: Duration
    private let sink = Mutex<RedisStreamSink?>(nil)

    /// The stream `target` names.
    /// An article's seen-marker lasts `seenFor` (longer than the state store
    /// remembers the entry, `keep-seen`).
    public init(target: RedisTarget, seenFor: Duration) {
        self.target = target
        self.seenFor = seenFor
    }

    public var name: String { "\(target) stream \(target.stream)" }

    public func add(_ articles: [StreamArticle]) throws(StreamError) {
        let result: Result<Void, RedisError> = sink.withLock { sink in
            do throws(RedisError) {
                if sink == nil {
                    let endpoint = RedisEndpoint(host: target.host, port: target.port, database: target.database,
                                                 user: target.user, password: target.password)
                    sink = try RedisStreamSink(endpoint: endpoint, stream: target.stream, seenFor: seenFor,
                                               maximumLength: target.maximumLength)
                }
                _ = try sink!.add(articles.map { RedisStreamSink.Entry(id: $0.id, feed: $0.feed, json: $0.json) })
                return .success(())
            } catch {
                // The next delivery connects again.
                sink = nil
                return .failure(error)
            }
        }
        if case .failure(let error) = result { throw StreamError(error.message) }
    }
}

extension Spool {
    /// The spool `configuration` names, with its Redis stream when it has one.
    /// Articles go into the stream instead of `new/` when it says
    /// `sink = redis://…`. An article's
    /// seen-marker there outlives twice the state store's memory of its entry.
    public init(for configuration: Configuration) {
        let keepSeen = configuration.globals.keepSeen
        self.init(path: configuration.spoolPath,
                  stream: configuration.redisSink.map { RedisStream(target: $0, seenFor: keepSeen * 2) })
    }
}
