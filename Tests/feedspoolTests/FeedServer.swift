import Foundation
import TestSupport
import Testing

/// The Python server in `Tests/Fixtures/server.py` (shared with the Fetcher
/// tests), serving one test's feeds on
/// 127.0.0.1 on a free port for as long as this object lives. Each test
/// starts its own, so the requests it logs are that test's alone.
final class FeedServer {
    /// One request the server received, or an event it logged.
    struct Request {
        var path: String
        /// The request's headers, by lowercased name.
        var headers: [String: String]
        /// `closed` when a dripping body's client hung up, `answered` when a
        /// slow answer is sent; nil for a request.
        var event: String?
        /// When the server logged it, in seconds since 1970.
        var time: Double
    }

    private let server: FixtureProcess
    private let log: URL
    var port: Int { server.port }

    /// The folder of the fixture files, found from this source file.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// Starts the server on the files of `folder`, logging requests to `log`,
    /// and waits for the port it prints.
    init(serving folder: URL, log: URL) async throws {
        self.log = log
        server = try await FixtureProcess.start(arguments: [folder.path, log.path])
    }

    /// The URL of `path` on this server.
    func url(_ path: String) -> String { server.url(path) }

    /// Every request and event logged so far, oldest first.
    func requests() throws -> [Request] {
        guard FileManager.default.fileExists(atPath: log.path) else { return [] }
        let text = try String(contentsOf: log, encoding: .utf8)
        // What follows the last line break is empty, or a line the server
        // is writing right now.
        return try text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return Request(
                path: try #require(object["path"] as? String),
                headers: object["headers"] as? [String: String] ?? [:],
                event: object["event"] as? String,
                time: try #require(object["time"] as? Double))
        }
    }

    /// The requests logged so far for `path` (events left out).
    func requests(for path: String) throws -> [Request] {
        try requests().filter { $0.path == path && $0.event == nil }
    }
}
