import Config
import Foundation

/// A temporary folder of configuration files for one test, removed when the
/// test ends. Each test writes the files it reads, so the text it checks is in
/// front of the reader, and includes can use real relative paths.
final class ConfigFolder {
    /// The folder's absolute path.
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("feedspool-config-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `text` to `name` (which may contain folders) and returns its absolute path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// Loads `name` from the folder.
    func load(_ name: String = "feeds.conf") throws(ConfigError) -> Configuration {
        try ConfigLoader.load(path: path + "/" + name)
    }

    /// Writes `text` to feeds.conf and loads it.
    func load(text: String) throws -> Configuration {
        try write("feeds.conf", text)
        return try load()
    }

    /// The problems loading `name` reports, as printed, with the folder left
    /// out of file names: `feeds.conf:3: bad URL "htp://x"`. Empty when it loads.
    func problems(_ name: String = "feeds.conf") -> [String] {
        do {
            _ = try load(name)
            return []
        } catch {
            return error.problems.map { $0.description.replacingOccurrences(of: path + "/", with: "") }
        }
    }

    /// Writes `text` to feeds.conf and returns the problems loading it reports.
    func problems(text: String) throws -> [String] {
        try write("feeds.conf", text)
        return problems()
    }
}
