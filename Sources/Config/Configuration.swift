/// What `feeds.conf` (and the files it includes) says feedspool should do:
/// where to write, how often and how hard to poll, and which feeds, each with
/// its settings already resolved. Produced by ``ConfigLoader/load(path:)``.
public struct Configuration: Sendable, Equatable {
    /// The main configuration file, as it was given to the loader.
    public var path: String
    /// The spool directory, absolute (`spool`).
    /// Relative paths resolve against the folder of the file that sets it, by
    /// default `spool` beside the main file.
    public var spoolPath: String
    /// Where feedspool keeps what it has seen, absolute (`state`; resolved like `spoolPath`).
    public var statePath: String
    /// The global settings, with defaults filled in.
    public var globals: GlobalSettings
    /// The `[host PATTERN]` sections, in file order (later sections win over earlier ones).
    public var hosts: [HostSettings]
    /// The feeds in file order (includes expanded in place), each with its effective settings:
    /// with `shard`, only the feeds this shard polls.
    public var feeds: [FeedSettings]
    /// This instance's share of the feeds (`shard = K/N`); nil polls them all.
    public var shard: Shard?
    /// The Redis stream articles go to (`sink = redis://…`); nil writes them to the spool directory.
    public var redisSink: RedisTarget?
    /// How many feeds the files list in all, this shard's and the others'.
    public var listedFeeds = 0
    /// How many distinct hosts those feeds are on.
    public var listedHosts = 0

    /// The feed called `name`, if there is one.
    public func feed(named name: String) -> FeedSettings? {
        feeds.first { $0.name == name }
    }
}

/// A place in a configuration file, for messages and for finding a feed's line.
public struct ConfigLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file as the user would name it.
    ///
    /// The main file as given, an included file as its include path
    /// resolved against the including file's folder.
    public var file: String
    /// The line, counting from 1.
    public var line: Int

    /// Creates a location.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// `file:line`, the form editors and `grep -n` use.
    public var description: String { "\(file):\(line)" }
}

// MARK: - Settings

/// The settings in the global section, which apply to every feed unless overridden.
///
/// A matching `[host]` section or the feed itself may say otherwise.
public struct GlobalSettings: Sendable, Equatable {
    /// How often a feed is polled (`interval`, default 1h); with `autoInterval`, until its polls tell.
    public var interval: Duration
    /// Whether feeds follow how often they publish (`interval = auto`, default no).
    public var autoInterval = false
    /// How far each feed's wait is spread either way (`jitter`, default 10%: 0.1).
    public var jitter = 0.1
    /// How many transfers run at once in total (`concurrency`, default 8).
    public var concurrency: Int
    /// How many transfers run at once to one host (`per-host`, default 2).
    public var perHost: Int
    /// How long one transfer may take (`timeout`, default 30s).
    public var timeout: Duration
    /// The largest response accepted, in bytes (`max-size`, default 10M).
    public var maxSize: Int
    /// The `User-Agent` header; nil leaves the fetcher's own (`user-agent`).
    public var userAgent: String?
    /// The shortest interval any feed is polled at (`min-interval`, default none: zero).
    public var minInterval: Duration
    /// How long the ids of entries that left their feed are remembered (`keep-seen`, default 90d).
    /// So they are not delivered again if they come back.
    public var keepSeen: Duration
    /// Credentials, headers, cookies and proxy for every feed; none by default.
    /// Set by `netrc`, `header`, `cookie-file` and `proxy`.
    public var access = HTTPAccess()
    /// How much of a feed's first document is delivered (`backlog`, default 20).
    public var backlog = Backlog.standard
    /// Where new articles' enclosures are downloaded (`enclosures`); nil: not at all.
    public var enclosureFolder: String?
    /// The largest enclosure downloaded, in bytes (`enclosure-max-size`, default 200M).
    public var enclosureMaxSize = 200 << 20
    /// How many `exec` commands run at once (`exec-concurrency`, default 4).
    public var execConcurrency = 4

    /// The values used for what the configuration does not set.
    public static let defaults = GlobalSettings(
        interval: .seconds(3600),
        concurrency: 8,
        perHost: 2,
        timeout: .seconds(30),
        maxSize: 10 << 20,
        userAgent: nil,
        minInterval: .zero,
        keepSeen: .seconds(90 * 86400)
    )
}

/// A `[host PATTERN]` section: settings for the feeds whose host matches.
/// Only what the section sets is non-nil.
public struct HostSettings: Sendable, Equatable {
    /// The pattern, lowercase: an exact host (`lwn.net`) or `*.domain`.
    ///
    /// `*.domain` matches the domain itself and every host under it.
    public var pattern: String
    /// Transfers at once to one host (`per-host`).
    public var perHost: Int?
    /// The shortest interval a matching feed is polled at (`min-interval`).
    public var minInterval: Duration?
    /// Poll interval for matching feeds (`interval`).
    public var interval: Duration?
    /// Whether matching feeds follow how often they publish (`interval = auto`).
    public var autoInterval: Bool?
    /// How far matching feeds' waits are spread (`jitter`), as a fraction.
    public var jitter: Double?
    /// Transfer timeout (`timeout`).
    public var timeout: Duration?
    /// Largest response in bytes (`max-size`).
    public var maxSize: Int?
    /// `User-Agent` header (`user-agent`).
    public var userAgent: String?
    /// Credentials, headers, cookies and proxy for matching feeds.
    public var access = HTTPAccess()
    /// How much of a matching feed's first document is delivered (`backlog`).
    public var backlog: Backlog?
    /// Where matching feeds' enclosures are downloaded (`enclosures`).
    public var enclosureFolder: String?
    /// The largest enclosure downloaded (`enclosure-max-size`).
    public var enclosureMaxSize: Int?
    /// Where the section starts (its `[host …]` line).
    public var source: ConfigLocation

    /// Whether the section applies to `host` (compared without regard to case).
    public func matches(host: String) -> Bool {
        let host = host.lowercased()
        guard pattern.hasPrefix("*.") else { return host == pattern }
        let domain = pattern.dropFirst(2)
        return host == domain || host.hasSuffix(pattern.dropFirst())
    }
}

/// One feed with its effective settings.
///
/// Defaults, then global settings, then the matching `[host]` sections
/// in file order, then the feed's own options.
public struct FeedSettings: Sendable, Equatable {
    /// The feed's URL as written (`http://`, `https://` or `file://`).
    public var url: String
    /// The URL's host, lowercase, without port; empty for `file://` URLs.
    public var host: String
    /// The feed's identity in the state and the spool: `name=`, or derived from the URL.
    public var name: String
    /// How often the feed is polled; never below `minInterval`. With `autoInterval`, until its polls tell.
    public var interval: Duration
    /// The feed's tags (`tags=a,b`), in order, without duplicates.
    public var tags: [String]
    /// Whether the linked page is fetched and its article extracted (`fulltext`, default no).
    /// For feeds that carry only summaries.
    public var fulltext: Bool
    /// Entries are kept only if one of these matches (all kept when empty).
    public var include: [EntryFilter]
    /// Entries that any of these match are dropped.
    public var exclude: [EntryFilter]
    /// Whether an entry the feed changes after it was delivered is delivered again (`updates`, default no).
    public var updates: Bool
    /// Transfer timeout.
    public var timeout: Duration
    /// Largest response accepted, in bytes.
    public var maxSize: Int
    /// `User-Agent` header; nil leaves the fetcher's own.
    public var userAgent: String?
    /// Whether entry content goes through the cleaner (`clean`, default yes).
    public var clean: Bool
    /// Whether the cleaner learns the blocks the feed repeats in its entries and removes them.
    /// `template`, default yes; off without `clean`.
    public var template: Bool
    /// The shortest interval allowed for this feed's host (zero when none).
    public var minInterval: Duration
    /// Transfers at once to this feed's host.
    public var perHost: Int
    /// Credentials, headers, cookies and proxy, merged from every scope.
    ///
    /// Global, then host sections, then the feed's own.
    public var access = HTTPAccess()
    /// How much of the feed's first document is delivered: its newest entries (default 20), or all.
    public var backlog = Backlog.standard
    /// Where its new articles' enclosures are downloaded, into a folder named after the feed; nil when they are not.
    public var enclosureFolder: String?
    /// The largest enclosure downloaded, in bytes.
    public var enclosureMaxSize = 200 << 20
    /// The command run for each new article (`exec`, `exec-timeout`, `exec-keep`); nil for none.
    public var hook: FeedHook?
    /// The feed's line.
    public var source: ConfigLocation
    /// Whether the interval follows how often the feed publishes (`interval = auto`).
    public var autoInterval = false
    /// How far each wait is spread either way, as a fraction (`jitter`, 0.1 for 10%).
    public var jitter = 0.1

    /// Whether an entry passes the feed's `include` and `exclude` filters.
    ///
    /// No `exclude` filter may match it, and, when there are `include` filters, at least one of
    /// them must. Compiles the patterns on every call; for many entries use ``EntrySelector``.
    public func accepts(
        title: String?, link: String?, authors: [String], categories: [String], content: String?
    ) -> Bool {
        EntrySelector(self).accepts(
            title: title, link: link, authors: authors, categories: categories, content: content)
    }
}
