/// Where `sink = redis://…` sends articles: a Redis server, a database, a stream and a login.
///
/// The stream is named by its key. The description never shows the password.
public struct RedisTarget: Sendable, Equatable, CustomStringConvertible {
    /// The host name or address.
    public var host: String
    /// The TCP port (6379 unless the URL says).
    public var port: Int
    /// The database number (`/N` in the URL, 0 unless it says).
    public var database: Int
    /// The ACL user (`redis://user:password@…`), when the URL names one.
    public var user: String?
    /// The password, from the URL or `redis-password-file`.
    public var password: String?
    /// The stream's key (`stream`, default `feedspool`).
    public var stream: String
    /// Trims the stream to about this many entries (`stream-max-length`, Redis's `MAXLEN ~`); 0 keeps every entry.
    public var maximumLength = 0

    /// `redis://host:port/db`, without credentials.
    public var description: String { "redis://\(host):\(port)/\(database)" }

    /// Reads `redis://[[user]:password@]host[:port][/db]`.
    /// - Throws: a message that never quotes the password.
    static func parse(_ text: String) throws(ValueError) -> RedisTarget {
        let shown = URLCredentials.removed(from: text)
        func bad(_ reason: String) -> ValueError { ValueError("bad sink \"\(shown)\" (\(reason))") }
        guard text.lowercased().hasPrefix("redis://") else { throw bad("use redis://HOST[:PORT][/DB]") }
        var rest = Substring(text.dropFirst("redis://".count))
        var user: String?, password: String?
        if let at = rest.prefix(while: { $0 != "/" }).lastIndex(of: "@") {
            let login = rest[..<at]
            rest = rest[rest.index(after: at)...]
            if let colon = login.firstIndex(of: ":") {
                user = login[..<colon].isEmpty ? nil : String(login[..<colon])
                password = String(login[login.index(after: colon)...])
            } else {
                password = String(login)
            }
        }
        let authority = rest.prefix { $0 != "/" }
        let path = rest.dropFirst(authority.count).drop { $0 == "/" }
        var host = authority, port = 6379
        if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            guard let number = Int(authority[authority.index(after: colon)...]), (1...65535).contains(number) else {
                throw bad("bad port")
            }
            port = number
        }
        guard !host.isEmpty, host.allSatisfy({ $0.isLetter || $0.isNumber || "-._".contains($0) }) else {
            throw bad("bad host")
        }
        var database = 0
        if !path.isEmpty {
            guard let number = Int(path), (0...65535).contains(number) else { throw bad("the path is a database number") }
            database = number
        }
        return RedisTarget(host: String(host), port: port, database: database, user: user, password: password,
                           stream: "feedspool")
    }
}
