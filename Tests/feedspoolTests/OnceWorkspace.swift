import Foundation
import TestSupport
import Testing

/// Everything one `feedspool once` test needs, in a temporary folder: a
/// `feeds.conf` the test writes, the spool and state folders beside it, and
/// a feed server on 127.0.0.1 serving the files of `www/`. Runs the real
/// binary and reads the spool the way a consumer's script would.
final class OnceWorkspace {
    let folder: TemporaryFolder
    let server: FeedServer

    /// The folder the server serves as `/feeds/NAME` and `/plain/NAME`.
    var www: URL { folder.url.appendingPathComponent("www") }
    /// The spool folder `feeds.conf` names by default.
    var spool: URL { folder.url.appendingPathComponent("spool") }
    /// Where complete articles appear.
    var newFolder: URL { spool.appendingPathComponent("new") }

    init() async throws {
        folder = try TemporaryFolder()
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("www"), withIntermediateDirectories: true)
        server = try await FeedServer(serving: folder.url.appendingPathComponent("www"),
                                log: folder.url.appendingPathComponent("requests.jsonl"))
    }

    // MARK: - Feeds

    /// Serves the fixture file `fixture` as `www/name` (by default its own
    /// name), replacing what was served there.
    func serve(_ fixture: String, as name: String? = nil) throws {
        let target = www.appendingPathComponent(name ?? fixture)
        let data = try Data(contentsOf: FeedServer.fixtures.appendingPathComponent(fixture))
        try data.write(to: target)
    }

    /// Makes `/feeds/name` answer with `Content-Type: type`.
    func setContentType(_ type: String, for name: String) throws {
        try Data(type.utf8).write(to: www.appendingPathComponent(name + ".type"))
    }

    /// Makes `/feeds/name` answer `status` (e.g. `"410"`, or `"503 120"` for
    /// a Retry-After), or, with nil, its file again.
    func setStatus(_ status: String?, for name: String) throws {
        let file = www.appendingPathComponent(name + ".status")
        if let status {
            try Data(status.utf8).write(to: file)
        } else {
            try FileManager.default.removeItem(at: file)
        }
    }

    /// Makes `/feeds/name` drip its body a byte a second, or, with false,
    /// answer with its file again.
    func setDripping(_ dripping: Bool, for name: String) throws {
        let file = www.appendingPathComponent(name + ".drip")
        if dripping {
            try Data().write(to: file)
        } else {
            try FileManager.default.removeItem(at: file)
        }
    }

    /// The URL of `path` on the feed server.
    func url(_ path: String) -> String { server.url(path) }

    // MARK: - Running

    /// Writes `feeds.conf`: the spool and state beside it, then `lines`.
    func configure(_ lines: String) throws {
        try folder.write("feeds.conf", "spool = spool\nstate = state\n" + lines + "\n")
    }

    /// What every feedspool the tests start gets in its environment: a
    /// proxy set where the tests run must not carry requests for the feed
    /// server off this machine.
    static let loopbackOnly = ["no_proxy": "127.0.0.1", "NO_PROXY": "127.0.0.1"]

    /// Runs `feedspool once` with `arguments` in the workspace, where it
    /// finds `feeds.conf`. Unless `summary`, with `--quiet`, as cron runs it:
    /// standard error then holds only the failures and warnings, which most
    /// tests check line by line (OnceOutputTests check the summary).
    func once(_ arguments: [String] = [], environment: [String: String] = [:],
              summary: Bool = false) async throws -> CommandRunner.Result
    {
        try await CommandRunner.run(["once"] + (summary ? [] : ["--quiet"]) + arguments, in: folder.url,
                              environment: Self.loopbackOnly.merging(environment) { $1 })
    }

    // MARK: - The spool

    /// The names of the files in `spool/new`, sorted (by delivery time).
    func newFileNames() throws -> [String] {
        guard FileManager.default.fileExists(atPath: newFolder.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: newFolder.path).sorted()
    }

    /// The names of the files in `spool/tmp`.
    func temporaryFileNames() throws -> [String] {
        let tmp = spool.appendingPathComponent("tmp").path
        guard FileManager.default.fileExists(atPath: tmp) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: tmp).sorted()
    }

    /// The articles in `spool/new`, sorted by file name.
    func articles() throws -> [SpoolFile] {
        try newFileNames().map { name in
            let data = try Data(contentsOf: newFolder.appendingPathComponent(name))
            return try SpoolFile(name: name, data: data)
        }
    }

    /// Takes every article out of `spool/new` as a consumer would (claim,
    /// process, delete) and returns them, so the next run's deliveries
    /// stand alone.
    func consume() throws -> [SpoolFile] {
        let taken = try articles()
        for file in taken {
            try FileManager.default.removeItem(at: newFolder.appendingPathComponent(file.name))
        }
        return taken
    }
}

/// One article file from `spool/new`.
struct SpoolFile {
    /// The file name, `YYYYmmddTHHMMSSZ-<16 hex>.json`.
    var name: String
    /// The file's text.
    var text: String
    /// The parsed JSON object.
    var object: [String: Any]

    init(name: String, data: Data) throws {
        self.name = name
        text = String(decoding: data, as: UTF8.self)
        object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(name) is no JSON object")
    }

    /// A top-level string value, nil for `null`.
    func string(_ key: String) -> String? { object[key] as? String }
    /// A value of the `feed` object.
    func feed(_ key: String) -> Any? { (object["feed"] as? [String: Any])?[key] }

    var id: String? { string("id") }
    var kind: String? { string("kind") }
    var title: String? { string("title") }
    var guid: String? { string("guid") }
    var link: String? { string("link") }
    var feedName: String? { feed("name") as? String }
}

/// The hex SHA-256 of `bytes`, from coreutils' `sha256sum`, so the test
/// does not share the code it checks.
func sha256Hex(_ bytes: [UInt8]) async throws -> String {
    let result = try await CommandRunner.run([], stdin: Data(bytes), executable: URL(fileURLWithPath: "/usr/bin/sha256sum"))
    return String(result.stdout.prefix(64))
}

/// The article id docs/spool.md defines: SHA-256 of the feed's name, a
/// zero byte and the entry key.
func articleID(feed: String, key: String) async throws -> String {
    try await sha256Hex(Array(feed.utf8) + [0] + Array(key.utf8))
}

/// "14:05": the hours and minutes of `date` in UTC, as feedspool prints them.
func utcHoursAndMinutes(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.hour, .minute], from: date)
    return String(format: "%02d:%02d", parts.hour!, parts.minute!)
}
