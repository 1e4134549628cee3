import Foundation
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

    let port: Int
    private let log: URL
    private let process = Process()
    private let input = Pipe()

    /// The folder of the fixture files, found from this source file.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The server's script, found from this source file.
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/server.py")

    /// Starts the server on the files of `folder`, logging requests to `log`,
    /// and waits for the port it prints.
    init(serving folder: URL, log: URL) throws {
        self.log = log
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script.path, folder.path, log.path]
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        var printed = Data()
        while !printed.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed.append(chunk)
        }
        let line = String(decoding: printed, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        port = try #require(Int(line), "the feed server printed no port: \(line)")
    }

    deinit {
        // Closing its standard input ends the server; terminate in case it hangs.
        try? input.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
    }

    /// The URL of `path` on this server.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

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
