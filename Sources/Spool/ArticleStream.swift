import State
/// Where step 3 of the delivery puts articles instead of `new/`.
/// A stream on a server (the Redis sink), which must add each article at most
/// once however often it is asked, since a crash between the add and step 4
/// makes the next delivery ask again.
public protocol ArticleStream: Sendable {
    /// How messages name the stream, without credentials (`redis://host:6379/0 stream feedspool`).
    var name: String { get }

    /// Adds each article that the stream does not hold yet.
    /// - Parameter articles: Each article's id, feed name and JSON (the bytes a spool file holds).
    /// - Throws: the reason, one line, when the stream could not be reached or refused.
    func add(_ articles: [StreamArticle]) throws(StreamError)
}

/// One article handed to an `ArticleStream`.
public struct StreamArticle: Sendable, Equatable {
    /// The article's id (the same as in its JSON).
    public var id: String
    /// The feed's name.
    public var feed: String
    /// The article's JSON, exactly as a spool file would hold it.
    public var json: [UInt8]
}

/// Why a stream refused articles, in one line.
public struct StreamError: Error, Sendable, CustomStringConvertible {
    /// The reason, naming the server without credentials.
    public var description: String

    /// Makes an error.
    public init(_ description: String) {
        self.description = description
    }
}
