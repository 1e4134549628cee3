import Dispatch

/// Fetches feeds over HTTP(S) with libcurl, many at once.
/// The transfers running in all and to any one host are capped. One fetcher
/// serves the whole daemon: its connections (and DNS answers) are kept and
/// reused by later fetches to the same hosts.
///
/// What is sent, the limits and the errors are described in docs/fetching.md.
public final class Fetcher: Sendable {
    /// The most transfers that run at once.
    public let concurrency: Int
    /// The most transfers that run at once to one host.
    public let perHost: Int
    private let loop: CurlTransferLoop?

    /// Makes a fetcher and starts its thread.
    /// - Parameters:
    ///   - concurrency: the most transfers at once, at least 1.
    ///   - perHost: the most transfers at once to one host name, at least 1.
    public init(concurrency: Int = 8, perHost: Int = 2) {
        self.concurrency = max(1, concurrency)
        self.perHost = max(1, perHost)
        loop = CurlTransferLoop(concurrency: self.concurrency, perHost: self.perHost)
    }

    deinit {
        loop?.stop()
    }

    /// Fetches `requests` and returns when every one has a result.
    ///
    /// `onResult` is called once per request, with its `id`, in the order the
    /// transfers finish, one call at a time, on a thread of this call's own;
    /// it may take its time: the transfers go on meanwhile. Requests that
    /// cannot start (a bad URL, a refused scheme) are reported first. Several threads may fetch at once:
    /// the caps hold across all their requests.
    ///
    /// Every HTTP response is a `FetchResponse`, whatever its status; only a
    /// fetch that got no response is a `FetchError`.
    public func fetch(
        _ requests: [FetchRequest], onResult: (Int, Result<FetchResponse, FetchError>) -> Void
    ) {
        guard !requests.isEmpty else { return }
        guard let loop else {
            let message = "libcurl \(CurlLibrary.version) could not be started (feedspool needs 7.85 or later)"
            for request in requests { onResult(request.id, .failure(.failed(message))) }
            return
        }
        withoutActuallyEscaping(onResult) { onResult in
            let batch = Batch(count: requests.count, onResult: onResult)
            loop.submit(requests, to: batch)
            batch.waitUntilDone()
        }
    }

    /// Fetches `requests` and returns every result, in completion order: a convenience over `fetch(_:onResult:)`.
    public func fetch(_ requests: [FetchRequest]) -> [(id: Int, result: Result<FetchResponse, FetchError>)] {
        var results: [(id: Int, result: Result<FetchResponse, FetchError>)] = []
        results.reserveCapacity(requests.count)
        fetch(requests) { id, result in results.append((id, result)) }
        return results
    }

    /// The `Content-Encoding`s the libcurl in use decodes, such as `["deflate", "gzip", "br", "zstd"]`.
    /// All of them are offered in `Accept-Encoding`. Brotli needs libcurl built
    /// with it (Debian's is).
    public static var decodedEncodings: [String] { CurlLibrary.decodedEncodings }

    /// The libcurl version in use, such as "7.88.1".
    public static var libcurlVersion: String { CurlLibrary.version }
}

// MARK: - Batches

/// The requests of one `fetch` call, and how its caller hears of them.
///
/// The loop thread hands each result to the batch's own serial queue and
/// goes on at once: a caller that takes its time over a result (a full
/// queue, a slow disk) never holds up the other transfers, whose timeouts
/// keep running meanwhile.
///
/// Threading rule: `onResult` and `remaining` are used only on `results`,
/// one result at a time; the caller's thread only waits on `done`.
/// `onResult` need not be `Sendable` because the caller is blocked while it
/// runs, like the closure of `DispatchQueue.sync`, and the semaphore orders
/// its last call before `fetch` returns. It is dropped before that signal, so
/// `withoutActuallyEscaping` finds it unreferenced.
final class Batch: @unchecked Sendable {
    private var onResult: ((Int, Result<FetchResponse, FetchError>) -> Void)?
    private var remaining: Int
    private let done = DispatchSemaphore(value: 0)
    /// `utility`: Dispatch sets its thread's nice value to 2, which any process may (docs/daemon.md).
    private let results = DispatchQueue(label: "feedspool.fetcher.results", qos: .utility)

    init(count: Int, onResult: @escaping (Int, Result<FetchResponse, FetchError>) -> Void) {
        self.onResult = onResult
        remaining = count
    }

    /// Reports one request's result, without waiting for the caller to take it, and calls `taken` once it has.
    /// After the last one, wakes the caller.
    func deliver(_ id: Int, _ result: Result<FetchResponse, FetchError>,
                 taken: @escaping @Sendable () -> Void = {}) {
        results.async { [self] in
            onResult?(id, result)
            taken()
            remaining -= 1
            if remaining == 0 {
                onResult = nil
                done.signal()
            }
        }
    }

    /// Blocks the calling thread until every request has been reported.
    func waitUntilDone() {
        done.wait()
    }
}
