import Config
import State
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension FeedStatus {
    /// The status of each of `configuration`'s feeds, in configuration order, read from its state folder.
    /// Read-only and without the lock, so the daemon may be running. With no state yet, every feed
    /// has a blank one, `stateFound` is false, and none is created.
    public static func all(of configuration: Configuration) throws(StorageError) -> (feeds: [FeedStatus], stateFound: Bool) {
        var states: [String: FeedState] = [:]
        var hookFailures: [String: (articles: Int, nextTry: Date?)] = [:]
        let reader = try StateReader.open(folder: configuration.statePath)
        if let reader {
            states = try reader.feedStates()
            hookFailures = try reader.hookFailures()
        }
        let poison = PoisonGuard(stateFolder: configuration.statePath)
        let feeds = configuration.feeds.map {
            FeedStatus(settings: $0, state: states[$0.name] ?? FeedState(), quarantinedUntil: poison.quarantinedUntil($0.name),
                       hookFailures: hookFailures[$0.name])
        }
        return (feeds, reader != nil)
    }

    /// The text form of `feeds`: the header, then a line each, each line ending in a line break.
    public static func table(_ feeds: [FeedStatus]) -> String {
        ([header] + feeds.map(\.line)).map { $0 + "\n" }.joined()
    }
}
