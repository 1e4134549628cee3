import Foundation
import Testing
@testable import Config

/// The repository's own `feeds.conf`, the documented example users copy.
@Suite struct RepositoryConfigTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theRepositoryFeedsConfLoadsWithoutProblems() throws {
        let path = Self.repository.appendingPathComponent("feeds.conf").path
        let config: Configuration
        do {
            config = try ConfigLoader.load(path: path)
        } catch {
            Issue.record("feeds.conf has problems:\n\(error)")
            return
        }
        #expect(config.spoolPath == Self.repository.appendingPathComponent("spool").path)
        #expect(config.statePath == Self.repository.appendingPathComponent("state").path)
        // The last name is derived from its URL, as the file's comment says.
        #expect(config.feeds.map(\.name) == ["field-notes", "spoolkit-releases", "uptime-stories", "127.0.0.1-notes-json"])
        #expect(config.hosts.map(\.pattern) == ["127.0.0.1", "*.example.org"])
    }

    @Test func everyFeedItListsIsAnExampleFileServedOnPort8088() throws {
        let config = try ConfigLoader.load(path: Self.repository.appendingPathComponent("feeds.conf").path)
        for feed in config.feeds {
            let prefix = "http://127.0.0.1:8088/"
            #expect(feed.url.hasPrefix(prefix), "\(feed.name): \(feed.url)")
            let file = Self.repository.appendingPathComponent("examples/feeds")
                .appendingPathComponent(String(feed.url.dropFirst(prefix.count)))
            #expect(FileManager.default.fileExists(atPath: file.path), "\(feed.name): no \(file.path)")
        }
    }
}
