/// Where a key may be written: a global setting, a `[host]` section, or a feed line's option.
enum Place: Hashable {
    case global, host, feed

    /// How messages say "here": `"tags" cannot be set globally`.
    var phrase: String {
        switch self {
        case .global: return "globally"
        case .host: return "in a [host] section"
        case .feed: return "on a feed"
        }
    }
}

/// What one scope sets: the global section, a `[host]` section or a feed line.
/// nil (or empty) is "not set here".
struct Overrides {
    var spool: String?
    var state: String?
    var interval: Duration?
    /// `interval = auto`: true; a duration: false.
    var autoInterval: Bool?
    var jitter: Double?
    var concurrency: Int?
    var perHost: Int?
    var timeout: Duration?
    var maxSize: Int?
    var userAgent: String?
    var minInterval: Duration?
    var keepSeen: Duration?
    var name: String?
    var tags: [String]?
    var fulltext: Bool?
    var updates: Bool?
    var backlog: Backlog?
    var enclosureFolder: String?
    var enclosureMaxSize: Int?
    var clean: Bool?
    var template: Bool?
    var include: [EntryFilter] = []
    var exclude: [EntryFilter] = []
    var access = HTTPAccess()
    var shard: Shard?
    var sink: RedisTarget?
    var stream: String?
    var streamMaximumLength: Int?
    var redisPassword: String?
    /// `exec`; no words for `exec=none`.
    var exec: HookCommand?
    var execTimeout: Duration?
    var execKeep: Bool?
    var execConcurrency: Int?
}

/// A key of a setting or feed option: where it may appear and how its value is read.
struct Key: Sendable {
    /// The key as written, e.g. `per-host`.
    let name: String
    /// Where it may be written.
    let places: Set<Place>
    /// Whether it may be given more than once (the filters).
    let repeatable: Bool
    /// Reads `value` into the overrides.
    /// `folder` is the absolute folder of the file the line is in, against
    /// which relative paths resolve.
    let apply: @Sendable (_ overrides: inout Overrides, _ value: String, _ folder: String) throws(ValueError) -> Void

    init(
        _ name: String, _ places: Set<Place>, repeatable: Bool = false,
        apply: @escaping @Sendable (inout Overrides, String, String) throws(ValueError) -> Void
    ) {
        self.name = name
        self.places = places
        self.repeatable = repeatable
        self.apply = apply
    }

    /// Every key, in the order the documentation lists them.
    static let all: [Key] = [
        Key("spool", [.global]) { $0.spool = Paths.absolute($1, in: $2) },
        Key("state", [.global]) { $0.state = Paths.absolute($1, in: $2) },
        Key("interval", [.global, .host, .feed]) { overrides, value, _ throws(ValueError) in
            overrides.interval = try Values.interval(value)
            overrides.autoInterval = overrides.interval == nil
        },
        Key("jitter", [.global, .host, .feed]) { overrides, value, _ throws(ValueError) in
            overrides.jitter = try Values.jitter(value)
        },
        Key("concurrency", [.global]) { overrides, value, _ throws(ValueError) in
            overrides.concurrency = try Values.count(value)
        },
        Key("per-host", [.global, .host]) { overrides, value, _ throws(ValueError) in
            overrides.perHost = try Values.count(value)
        },
        Key("timeout", [.global, .host, .feed]) { overrides, value, _ throws(ValueError) in
            overrides.timeout = try Values.duration(value)
        },
        Key("max-size", [.global, .host, .feed]) { overrides, value, _ throws(ValueError) in
            overrides.maxSize = try Values.size(value)
        },
        Key("user-agent", [.global, .host, .feed]) { overrides, value, _ in overrides.userAgent = value },
        Key("min-interval", [.global, .host]) { overrides, value, _ throws(ValueError) in
            overrides.minInterval = try Values.duration(value)
        },
        Key("keep-seen", [.global]) { overrides, value, _ throws(ValueError) in
            overrides.keepSeen = try Values.duration(value)
        },
        Key("name", [.feed]) { overrides, value, _ throws(ValueError) in
            overrides.name = try Values.name(value)
        },
        Key("tags", [.feed]) { overrides, value, _ throws(ValueError) in
            overrides.tags = try Values.tags(value)
        },
        Key("fulltext", [.feed]) { overrides, value, _ throws(ValueError) in
            overrides.fulltext = try Values.flag(value)
        },
        Key("include", [.feed], repeatable: true) { overrides, value, _ throws(ValueError) in
            overrides.include.append(try Values.filter(value, option: "include"))
        },
        Key("exclude", [.feed], repeatable: true) { overrides, value, _ throws(ValueError) in
            overrides.exclude.append(try Values.filter(value, option: "exclude"))
        },
        Key("updates", [.feed]) { overrides, value, _ throws(ValueError) in
            overrides.updates = try Values.flag(value)
        },
        Key("backlog", [.global, .host, .feed]) { overrides, value, _ throws(ValueError) in
            overrides.backlog = try Values.backlog(value)
        },
        Key("enclosures", [.global, .host, .feed]) { $0.enclosureFolder = Paths.absolute($1, in: $2) },
        Key("enclosure-max-size", [.global, .host, .feed]) { overrides, value, _ throws(ValueError) in
            overrides.enclosureMaxSize = try Values.size(value)
        },
        Key("clean", [.feed]) { overrides, value, _ throws(ValueError) in
            overrides.clean = try Values.flag(value)
        },
        Key("sink", [.global]) { overrides, value, _ throws(ValueError) in
            overrides.sink = value == "spool" ? nil : try RedisTarget.parse(value)
        },
        Key("stream", [.global]) { overrides, value, _ throws(ValueError) in
            overrides.stream = try Values.streamKey(value)
        },
        Key("stream-max-length", [.global]) { overrides, value, _ throws(ValueError) in
            overrides.streamMaximumLength = try Values.count(value)
        },
        Key("redis-password-file", [.global]) { overrides, value, folder throws(ValueError) in
            overrides.redisPassword = try Values.secret(fromFile: Paths.absolute(value, in: folder), as: value)
        },
        Key("shard", [.global]) { overrides, value, _ throws(ValueError) in
            overrides.shard = try Values.shard(value)
        },
        Key("netrc", [.global, .host, .feed]) { $0.access.netrcFile = Paths.absolute($1, in: $2) },
        Key("password-file", [.host, .feed]) { overrides, value, folder throws(ValueError) in
            let path = Paths.absolute(value, in: folder)
            overrides.access.passwordFile = path
            overrides.access.login = try Values.login(fromFile: path, as: value)
        },
        Key("header", [.global, .host, .feed], repeatable: true) { overrides, value, _ throws(ValueError) in
            overrides.access.headers.append(try Values.header(value))
        },
        Key("cookie-file", [.global, .host, .feed]) { $0.access.cookieFile = Paths.absolute($1, in: $2) },
        Key("proxy", [.global, .host, .feed]) { overrides, value, _ throws(ValueError) in
            overrides.access.proxy = try Values.proxy(value)
        },
        Key("template", [.feed]) { overrides, value, _ throws(ValueError) in
            overrides.template = try Values.flag(value)
        },
        Key("exec", [.global, .feed]) { overrides, value, folder throws(ValueError) in
            overrides.exec = try Values.hookCommand(value, in: folder)
        },
        Key("exec-timeout", [.global, .feed]) { overrides, value, _ throws(ValueError) in
            overrides.execTimeout = try Values.duration(value)
        },
        Key("exec-keep", [.global, .feed]) { overrides, value, _ throws(ValueError) in
            overrides.execKeep = try Values.flag(value)
        },
        Key("exec-concurrency", [.global]) { overrides, value, _ throws(ValueError) in
            overrides.execConcurrency = try Values.count(value)
        },
    ]

    private static let byName: [String: Key] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// The key called `name`, if there is one.
    static func named(_ name: String) -> Key? { byName[name] }

    /// What the key is, for "cannot be set here" messages: `a global or [host] setting`.
    /// (Keys allowed everywhere never need it.)
    var kind: String {
        if places == [.feed] { return "a feed option" }
        if places == [.global, .feed] { return "a global setting or feed option" }
        return places.contains(.host) ? "a global or [host] setting" : "a global setting"
    }

    /// The known key, allowed in `place`, that `word` is most likely a misspelling of:
    /// at most two edits away (one for short words), case ignored.
    static func suggestion(for word: String, in place: Place) -> String? {
        let word = word.lowercased()
        let limit = max(1, min(2, word.count / 3))
        var best: (name: String, distance: Int)? = nil
        for key in all where key.places.contains(place) {
            let distance = editDistance(word, key.name)
            if distance <= limit, distance < best?.distance ?? .max { best = (key.name, distance) }
        }
        return best?.name
    }

    /// Levenshtein distance: insertions, deletions and substitutions.
    private static func editDistance(_ a: String, _ b: String) -> Int {
        let b = Array(b)
        var previous = Array(0...b.count)
        for (i, charA) in a.enumerated() {
            var current = [i + 1]
            for (j, charB) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (charA == charB ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
