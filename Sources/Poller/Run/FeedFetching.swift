import Fetcher

/// What polls fetch through.
/// The libcurl `Fetcher` in the program, a stand-in that answers at once in the daemon's in-process
/// tests.
public protocol FeedFetching: Sendable {
    /// Fetches `requests` and returns when every one has a result.
    /// `onResult` is called once per request with its id, one call at a time
    /// (as `Fetcher.fetch(_:onResult:)`).
    func fetch(_ requests: [FetchRequest], onResult: (Int, Result<FetchResponse, FetchError>) -> Void)
}

extension Fetcher: FeedFetching {}

extension FeedFetching {
    /// Fetches `requests` and returns every result, in completion order.
    func results(_ requests: [FetchRequest]) -> [(id: Int, result: Result<FetchResponse, FetchError>)] {
        var results: [(id: Int, result: Result<FetchResponse, FetchError>)] = []
        fetch(requests) { id, result in results.append((id, result)) }
        return results
    }
}
