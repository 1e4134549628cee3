/// Why the spool or its state store could not do its work, as one line a sysadmin can act on.
/// The feed (when one is concerned), what failed, the path, and the system's
/// reason.
///
/// `lwn: cannot write /srv/spool/tmp/20241130T120000Z-9f2c….json: No space left on device`
public struct StorageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The feed being delivered or looked up, when there is one.
    public var feed: String?
    /// What feedspool was doing (`cannot write`, `cannot rename`, `state database`).
    public var operation: String
    /// The file, folder or database concerned.
    public var path: String
    /// The system's or SQLite's reason (`No space left on device`).
    public var reason: String

    /// Makes an error.
    public init(feed: String? = nil, operation: String, path: String, reason: String) {
        self.feed = feed
        self.operation = operation
        self.path = path
        self.reason = reason
    }

    /// The one-line message.
    public var description: String {
        let message = "\(operation) \(path): \(reason)"
        guard let feed else { return message }
        return "\(feed): \(message)"
    }

    /// The same error, naming `feed` when it does not name one yet.
    package func naming(feed name: String) -> StorageError {
        var copy = self
        if copy.feed == nil { copy.feed = name }
        return copy
    }
}
