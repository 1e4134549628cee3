import Cleaner
import FeedParser
import Foundation
import TestSupport
import Spool
import State
import Testing

/// A folder that lives as long as one test.
protocol ScratchFolder: AnyObject {
    var path: String { get }
}

/// A temporary folder for one test, removed when the test ends.
final class TemporaryFolder: ScratchFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("feedspool-spool-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// A fresh state store and spool inside the folder.
    func open() throws -> (StateStore, Spool) {
        (try StateStore.open(folder: path + "/state"), Spool(path: path + "/spool"))
    }
}

/// The feed most tests deliver for.
let blog = FeedInfo(name: "blog", url: "https://blog.example.org/feed.xml", title: "The Blog",
                    link: "https://blog.example.org/", tags: ["tech"])

/// A plain entry with a guid and a link.
func post(_ number: Int, title: String? = nil, content: String? = nil) -> Entry {
    Entry(guid: "urn:post:\(number)", title: title ?? "Post \(number)",
          link: "https://blog.example.org/\(number)", content: content ?? "<p>Post number \(number).</p>")
}

/// The articles the daemon would make of `entries`.
func articles(_ entries: [NewEntry], feed: FeedInfo = blog, fetched: Date = Date()) -> [SpoolArticle] {
    entries.map { item in
        SpoolArticle(feed: feed, newEntry: item,
                     body: CleanArticle(title: nil, text: "Post.", html: "<p>Post.</p>", source: nil, removed: []),
                     summary: nil, fetched: fetched)
    }
}

/// What the daemon does for one fetched document: ask the state store, then deliver.
@discardableResult
func poll(_ entries: [Entry], state: StateStore, spool: Spool, feed: FeedInfo = blog,
          updates: Bool = false, now: Date = Date()) throws -> [NewEntry] {
    let fresh = try state.newEntries(feed: feed.name, entries: entries, updates: updates, now: now)
    try spool.deliver(articles(fresh, feed: feed, fetched: now), feed: feed.name, state: state, now: now)
    return fresh
}

/// The file names in one of the spool's folders, sorted.
func files(in folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
}

/// The JSON objects of the files in `folder`.
func documents(in folder: String) throws -> [[String: Any]] {
    try files(in: folder).map { name in
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}

/// Runs a program and returns its exit status and standard output.
@discardableResult
func run(_ program: String, _ arguments: [String], environment: [String: String]? = nil) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    if let environment { process.environment = environment }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Runs a program as `run` does, on a thread of its own, so that waiting
/// for it leaves Swift's cooperative pool (one thread per core) to other tests.
@discardableResult
func runOffPool(_ program: String, _ arguments: [String], environment: [String: String]? = nil) async throws
    -> (status: Int32, output: String)
{
    try await onOwnThread { try run(program, arguments, environment: environment) }
}

/// A small tmpfs mounted for one test, for a disk that fills up or turns
/// read-only even for root; nil when this process may not mount.
final class SmallFileSystem: ScratchFolder {
    let path: String

    init?(size: String) throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("feedspool-tmpfs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard getuid() == 0,
              (try? run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", path]))?.status == 0
        else {
            try? FileManager.default.removeItem(atPath: path)
            return nil
        }
    }

    /// Remounts with new options (`ro`, `size=1m`).
    func remount(_ options: String) throws {
        let result = try run("/bin/mount", ["-o", "remount,\(options)", path])
        #expect(result.status == 0)
    }

    deinit {
        _ = try? run("/bin/umount", [path])
        try? FileManager.default.removeItem(atPath: path)
    }
}
