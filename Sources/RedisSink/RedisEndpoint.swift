/// Where a Redis server is and how to log in: what `sink = redis://…` says.
public struct RedisEndpoint: Sendable, Equatable, CustomStringConvertible {
    /// The host name or address.
    public var host: String
    /// The TCP port (6379 by default).
    public var port: Int
    /// The database number (`/0` by default).
    public var database: Int
    /// The ACL user, when the URL names one besides a password.
    public var user: String?
    /// The password; never shown.
    public var password: String?

    /// Makes an endpoint.
    public init(host: String, port: Int = 6379, database: Int = 0, user: String? = nil, password: String? = nil) {
        self.host = host
        self.port = port
        self.database = database
        self.user = user
        self.password = password
    }

    /// `redis://host:port/db`, without user or password: how messages name it.
    public var description: String { "redis://\(host):\(port)/\(database)" }
}

/// Why Redis could not be reached or refused a command: one line naming the server (never its password) and the reason.
public struct RedisError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server, when known.
    public var endpoint: RedisEndpoint?
    /// The reason, as hiredis or the server words it.
    public var message: String

    /// Makes an error.
    public init(endpoint: RedisEndpoint?, message: String) {
        self.endpoint = endpoint
        self.message = message
    }

    public var description: String {
        endpoint.map { "\($0): \(message)" } ?? message
    }
}
