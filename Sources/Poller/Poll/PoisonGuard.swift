#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import FeedParser
import InputFiles
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps a feed that crashes feedspool from taking the other feeds down with it round after round.
///
/// While a feed is parsed and cleaned it is marked in flight: a file
/// `STATE/in-flight/NAME` holding a digest of its document, removed when the
/// work ends. A mark found at the start of a poll was left by a process that
/// died there, and counts against the feed (`NAME.strikes`: the count, the
/// digest, the time); a successful parse clears the count. A feed left in
/// flight twice in a row with the same document is quarantined: not parsed
/// again until its document changes or `delay` has passed. Feed names are
/// safe file names (letters, digits, `.`, `_`, `-`).
///
/// A crash finds every feed then in flight marked, the poison and the
/// innocent ones parsed beside it. So a feed with a strike (a suspect) is
/// parsed alone, while no other feed is in flight: a second strike, which
/// quarantines, only ever falls on the feed that was alone at the crash.
public struct PoisonGuard: Sendable {
    /// How long a quarantined feed waits before it is parsed again unchanged.
    static let delay: TimeInterval = 86_400

    /// The folder of the marks, inside the state folder.
    let folder: String
    /// Shared by ordinary feeds, taken alone by a suspect.
    private let turns = ParseTurns()

    /// The guard for the state folder `stateFolder`.
    public init(stateFolder: String) {
        folder = stateFolder + "/in-flight"
    }

    /// Makes the folder of the marks, and turns those a dead process left into strikes.
    /// Returns one line for each, for the log. Called before a poll's first
    /// `begin`.
    func recover(now: Date) -> [String] {
        mkdir(folder, 0o700)
        var lines: [String] = []
        for name in Self.names(in: folder) where !name.hasSuffix(".strikes") {
            let digest = Self.read(folder + "/" + name) ?? ""
            var count = 1
            if let strikes = strikes(of: name), strikes.digest == digest { count = strikes.count + 1 }
            Self.write("\(count) \(digest) \(Int(now.timeIntervalSince1970))", to: folder + "/" + name + ".strikes")
            unlink(folder + "/" + name)
            lines.append(count >= 2
                ? "\(name): quarantined: feedspool stopped twice in a row while parsing it; "
                    + "not parsed again until the feed changes or 24 h have passed"
                : "\(name): feedspool stopped while parsing it; once more in a row and it is quarantined")
        }
        return lines
    }

    /// Marks `feed` in flight with its `document`, or says why not (quarantined on this document).
    /// It waits for its turn first: a suspect waits until it is alone. Each
    /// `begin` that returns nil is followed by `end`.
    func begin(_ feed: String, document: [UInt8], now: Date) -> String? {
        let digest = Self.digest(document)
        let strikes = strikes(of: feed)
        if let until = quarantinedUntil(feed), until > now, strikes?.digest == digest {
            return "quarantined: feedspool stopped twice in a row while parsing it; not parsed again "
                + "until the feed changes or \(FeedDate.format(until))"
        }
        turns.begin(alone: strikes != nil)
        Self.write(digest, to: folder + "/" + feed)
        return nil
    }

    /// Clears `feed`'s mark and strikes (its document was parsed and cleaned), and ends its turn.
    func end(_ feed: String) {
        unlink(folder + "/" + feed)
        unlink(folder + "/" + feed + ".strikes")
        turns.end()
    }

    /// Clears every mark: the process stops on purpose, not on a crash.
    public func clearInFlight() {
        for name in Self.names(in: folder) where !name.hasSuffix(".strikes") { unlink(folder + "/" + name) }
    }

    /// Until when `feed` is quarantined, or nil when it is not.
    public func quarantinedUntil(_ feed: String) -> Date? {
        guard let strikes = strikes(of: feed), strikes.count >= 2 else { return nil }
        return strikes.since.addingTimeInterval(Self.delay)
    }

    // MARK: - Files

    private func strikes(of feed: String) -> (count: Int, digest: String, since: Date)? {
        guard let text = Self.read(folder + "/" + feed + ".strikes") else { return nil }
        let words = text.split(separator: " ")
        guard words.count == 3, let count = Int(words[0]), let since = Int(words[2]) else { return nil }
        return (count, String(words[1]), Date(timeIntervalSince1970: TimeInterval(since)))
    }

    /// FNV-1a over the document, in hex: enough to tell a changed document.
    private static func digest(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return String(hash, radix: 16) + "-\(bytes.count)"
    }

    private static func names(in folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if !name.hasPrefix(".") { names.append(name) }
        }
        return names
    }

    /// The text of a mark or strikes file (a few dozen bytes); nil when it cannot be read.
    private static func read(_ path: String) -> String? {
        (try? BoundedReader.read(path, limit: 4096, regularOnly: true)).map { String(decoding: $0, as: UTF8.self) }
    }

    private static func write(_ text: String, to path: String) {
        guard let file = fopen(path, "w") else { return }
        fputs(text, file)
        fclose(file)
    }
}
