import Foundation
import TestSupport
import Testing
@testable import Fetcher

/// The Python server in `Tests/Fixtures/server.py` (shared with the
/// `feedspool once` tests), running on 127.0.0.1 on a free
/// port for as long as this object lives, or, for `shared`, until the test
/// process exits.
///
/// Sendable because nothing in it changes after `init`.
final class FixtureServer: @unchecked Sendable {
    /// The server most tests share: starting one takes most of a second on a
    /// loaded machine. Tests that read its counters use keys of their own.
    static let shared = Result { try FixtureServer() }

    private let server: FixtureProcess
    var port: Int { server.port }

    /// The folder of the fixture files, found from this source file.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// Starts the server and waits for the port it prints.
    init() throws {
        server = try FixtureProcess()
    }

    /// The URL of `path` on this server, by IP address.
    func url(_ path: String) -> String { server.url(path) }

    /// The most `/hold/<key>` requests the server saw running at once
    /// (`key@host` counts those that named `host`).
    func most(_ key: String, fetcher: Fetcher) async throws -> Int {
        let response = try await fetchResponse(FetchRequest(id: 0, url: url("/most/\(key)")), with: fetcher)
        return try #require(Int(response.text))
    }
}

/// Fetches `requests` on a thread of its own: `fetch` blocks until the batch
/// is done, and Swift's cooperative pool (one thread per core) stays free for
/// other tests meanwhile.
func fetchOffPool(_ requests: [FetchRequest], with fetcher: Fetcher) async
    -> [(id: Int, result: Result<FetchResponse, FetchError>)]
{
    await onOwnThread { fetcher.fetch(requests) }
}

/// Fetches one request and returns its result.
func fetchResult(_ request: FetchRequest, with fetcher: Fetcher = Fetcher()) async -> Result<FetchResponse, FetchError> {
    let results = await fetchOffPool([request], with: fetcher)
    #expect(results.count == 1)
    return results[0].result
}

/// Fetches one request that must get an HTTP response, and returns it.
func fetchResponse(_ request: FetchRequest, with fetcher: Fetcher = Fetcher()) async throws -> FetchResponse {
    try await fetchResult(request, with: fetcher).get()
}

/// Fetches one request that must fail, and returns why.
func fetchError(_ request: FetchRequest, with fetcher: Fetcher = Fetcher()) async throws -> FetchError {
    switch await fetchResult(request, with: fetcher) {
    case .success(let response):
        Issue.record("expected an error, got HTTP \(response.status) from \(response.effectiveURL)")
        throw FetchError.failed("unexpected success")
    case .failure(let error):
        return error
    }
}

extension FetchResponse {
    /// The body as UTF-8 text.
    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body of `/echo`: the headers the server received, by lowercased name.
    func echoedHeaders() throws -> [String: String] {
        let object = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
        return try #require(object?["headers"] as? [String: String])
    }
}
