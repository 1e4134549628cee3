/// Why a fetch got no HTTP response to report. Any response, a 404 or 500
/// included, is a `FetchResponse` instead. The descriptions are one-line
/// messages; callers prefix the feed's name.
public enum FetchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The URL cannot be parsed; `reason` is libcurl's.
    case invalidURL(String, reason: String)
    /// The requested URL's scheme is not fetched: anything but http and https, and `file` unless the request allows it.
    case schemeRefused(String)
    /// A redirect pointed to a URL whose scheme is not http or https.
    case redirectRefused(to: String)
    /// The redirect chain was longer than `limit`, or looped.
    case tooManyRedirects(limit: Int)
    /// The fetch ran out of time; the message is libcurl's and says which limit.
    /// Connecting took longer than the connect timeout, the transfer longer
    /// than the total timeout, or it ran below the low-speed limit for the
    /// low-speed time.
    case timedOut(String)
    /// The body, decompressed, is larger than the request's `maxBytes`.
    case tooLarge(limit: Int)
    /// The server could not be reached or the connection broke.
    /// DNS, refused connection, TLS, proxy, an empty or cut reply; the message
    /// is libcurl's.
    case connectionFailed(String)
    /// Any other failure, such as a file that cannot be read or a body that does not decompress.
    /// The message is libcurl's.
    case failed(String)

    public var description: String {
        switch self {
        case .invalidURL(let url, let reason):
            return "invalid URL \(url): \(reason)"
        case .schemeRefused(let url) where url.lowercased().hasPrefix("file:"):
            return "refused \(url): file URLs are read only for feeds that allow them"
        case .schemeRefused(let url):
            return "refused \(url): only http and https URLs are fetched"
        case .redirectRefused(let target):
            return "redirect refused: \(target) is not an http or https URL"
        case .tooManyRedirects(let limit):
            return "too many redirects: more than \(limit), or a loop"
        case .timedOut(let message):
            return "timed out: \(message)"
        case .tooLarge(let limit):
            return "too large: the body is over the limit of \(limit) bytes"
        case .connectionFailed(let message):
            return "connection failed: \(message)"
        case .failed(let message):
            return "fetch failed: \(message)"
        }
    }
}
