/// Reads `feeds.conf` and the files it includes into a ``Configuration``.
public enum ConfigLoader {
    /// Loads the configuration in `path` and every file it includes, and checks all of it:
    /// one mistake anywhere and there is no configuration, but every mistake is
    /// reported, not only the first.
    /// - Parameter path: The main file. Messages name it as given, and an
    ///   included file as its include path resolved against the including file's folder.
    /// - Returns: The configuration, with each feed's settings resolved.
    /// - Throws: ``ConfigError`` with every problem, in the order of the lines
    ///   (an included file's problems where it is included).
    public static func load(path: String) throws(ConfigError) -> Configuration {
        var reader = ConfigReader(mainFile: path)
        reader.read(path, includedAt: nil)
        reader.checkExecHasASpool()
        guard reader.problems.isEmpty else { throw ConfigError(problems: reader.problems) }
        return reader.configuration()
    }
}

/// Reads configuration files line by line, following includes in place.
/// It keeps what each scope sets and every problem met.
struct ConfigReader {
    /// A `[host PATTERN]` section as read.
    struct HostSection {
        var pattern: String
        var overrides = Overrides()
        var keys: [String: ConfigLocation] = [:]
        var source: ConfigLocation
    }

    /// A feed line as read.
    struct FeedLine {
        var text: String
        var url: FeedURL
        var overrides: Overrides
        var source: ConfigLocation
    }

    /// Which section the lines being read belong to.
    private enum Section: Equatable {
        case global
        case host(Int)
        /// After a bad section line: its settings are skipped, not reported as well.
        case ignored
    }

    let mainFile: String
    let currentDirectory = FileSystem.currentDirectory()
    private(set) var problems: [ConfigProblem] = []
    private(set) var globals = Overrides()
    private(set) var hosts: [HostSection] = []
    private(set) var feeds: [FeedLine] = []
    private var globalKeys: [String: ConfigLocation] = [:]
    private var feedURLs: [String: ConfigLocation] = [:]
    private var feedNames: [String: ConfigLocation] = [:]
    /// The files being read, outermost first, to detect include cycles.
    private var openFiles: [(canonical: String, name: String)] = []
    /// Where each included file was included, to refuse including it twice.
    private var includedFiles: [String: ConfigLocation] = [:]

    init(mainFile: String) {
        self.mainFile = mainFile
    }

    // MARK: - Files

    /// Reads `file` (the main file when `include` is nil), and what it includes.
    mutating func read(_ file: String, includedAt include: ConfigLocation?) {
        let canonical = FileSystem.canonicalPath(file) ?? file
        if let open = openFiles.firstIndex(where: { $0.canonical == canonical }), let include {
            let cycle = openFiles[open...].map(\.name) + [openFiles[open].name]
            report(at: include, "include cycle: " + cycle.joined(separator: " -> "))
            return
        }
        if let first = includedFiles[canonical], let include {
            report(at: include, "\(quoted(file)) is already included (at \(first))")
            return
        }
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.contents(of: file)
        } catch {
            if let include {
                report(at: include, "cannot read \(quoted(file)): \(error)")
            } else {
                problems.append(ConfigProblem(file: file, line: nil, message: "cannot read: \(error)"))
            }
            return
        }
        if let include { includedFiles[canonical] = include }
        openFiles.append((canonical, file))
        defer { openFiles.removeLast() }

        let folder = Paths.folder(of: file)
        let absoluteFolder = Paths.absolute(folder.isEmpty ? "." : folder, in: currentDirectory)
        // Each file starts in the global section; a section ends with its file.
        var section = Section.global
        for (index, lineBytes) in Self.lines(of: bytes).enumerated() {
            let location = ConfigLocation(file: file, line: index + 1)
            guard lineBytes.count <= Self.maximumLineBytes else {
                report(at: location, "line longer than \(Self.maximumLineBytes) bytes, not read")
                continue
            }
            // The system reads a path only up to a NUL: "a\0junk" would be "a".
            guard !lineBytes.contains(0) else {
                report(at: location, "NUL byte in the line")
                continue
            }
            guard let text = String(validating: lineBytes, as: UTF8.self) else {
                report(at: location, "not UTF-8 text")
                continue
            }
            let line: ConfigLine?
            do {
                line = try LineScanner.scan(text)
            } catch {
                report(at: location, error.message)
                continue
            }
            switch line {
            case nil:
                continue
            case .section(let header):
                section = enterSection(header, at: location)
            case .include(let path):
                guard !path.isEmpty else {
                    report(at: location, "include needs a path, e.g. include feeds.conf.d/*.conf")
                    continue
                }
                let resolved = Paths.resolve(path, against: folder)
                if Paths.isGlob(path) {
                    for match in FileSystem.expandGlob(resolved) { read(match, includedAt: location) }
                } else {
                    read(resolved, includedAt: location)
                }
            case .setting(let key, let value):
                setSetting(key, value, in: section, at: location, folder: absoluteFolder)
            case .feed(let url, let options):
                addFeed(url, options, at: location, folder: absoluteFolder)
            case .other(let text):
                reportOtherLine(text, at: location)
            }
        }
    }

    /// The longest line read.
    ///
    /// A feed line with filters takes a few hundred bytes, and every
    /// message that quotes a line stays this short.
    static let maximumLineBytes = 4096

    /// The lines of a file, without line breaks (LF or CRLF) and byte order mark.
    private static func lines(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lines = bytes[start...].split(separator: 0x0A, omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map { $0.last == 0x0D ? $0.dropLast() : $0 }
    }

    // MARK: - Lines

    private mutating func enterSection(_ header: String, at location: ConfigLocation) -> Section {
        if header == "defaults" { return .global }
        let words = header.split(separator: " ", maxSplits: 1).map { String($0).trimmingSpace() }
        guard words.first == "host" else {
            report(at: location, "unknown section [\(header)] (use [defaults] or [host PATTERN])")
            return .ignored
        }
        guard words.count == 2, !words[1].isEmpty else {
            report(at: location, "[host] needs a pattern, e.g. [host *.example.org]")
            return .ignored
        }
        let pattern: String
        do {
            pattern = try Values.hostPattern(words[1])
        } catch {
            report(at: location, error.message)
            return .ignored
        }
        if let first = hosts.first(where: { $0.pattern == pattern }) {
            report(at: location, "duplicate section [host \(pattern)] (first at \(first.source))")
            return .ignored
        }
        hosts.append(HostSection(pattern: pattern, source: location))
        return .host(hosts.count - 1)
    }

    private mutating func setSetting(
        _ key: String, _ value: String, in section: Section, at location: ConfigLocation, folder: String
    ) {
        if section == .ignored { return }
        let place: Place = section == .global ? .global : .host
        if key == "include" {
            report(at: location, "write \"include PATH\", without \"=\"")
            return
        }
        guard let known = Key.named(key) else {
            report(at: location, "unknown setting \(quoted(key))" + Self.didYouMean(key, in: place))
            return
        }
        guard known.places.contains(place) else {
            report(at: location, "\(quoted(key)) cannot be set \(place.phrase); it is \(known.kind)")
            return
        }
        guard !value.isEmpty else {
            report(at: location, "missing value for \(quoted(key))")
            return
        }
        switch section {
        case .global:
            if !known.repeatable, let first = globalKeys[key] {
                report(at: location, "duplicate setting \(quoted(key)) (first at \(first))")
                return
            }
            globalKeys[key] = location
            if let error = Self.apply(known, value, to: &globals, folder: folder) { report(at: location, error) }
        case .host(let index):
            if !known.repeatable, let first = hosts[index].keys[key] {
                report(at: location, "duplicate setting \(quoted(key)) (first at \(first))")
                return
            }
            hosts[index].keys[key] = location
            if let error = Self.apply(known, value, to: &hosts[index].overrides, folder: folder) {
                report(at: location, error)
            }
        case .ignored:
            return
        }
    }

    private mutating func addFeed(_ text: String, _ options: [FeedOption], at location: ConfigLocation, folder: String) {
        let url: FeedURL
        do {
            url = try FeedURL(text)
        } catch {
            report(at: location, error.message)
            return
        }
        var overrides = Overrides()
        var given: Set<String> = []
        for option in options {
            guard let key = Key.named(option.key) else {
                report(at: location, "unknown option \(quoted(option.key))" + Self.didYouMean(option.key, in: .feed))
                continue
            }
            guard key.places.contains(.feed) else {
                report(at: location, "\(quoted(key.name)) cannot be set on a feed; it is \(key.kind)")
                continue
            }
            guard key.repeatable || given.insert(key.name).inserted else {
                report(at: location, "duplicate option \(quoted(key.name))")
                continue
            }
            guard !option.value.isEmpty else {
                report(at: location, "missing value for \(quoted(key.name))")
                continue
            }
            if let error = Self.apply(key, option.value, to: &overrides, folder: folder) { report(at: location, error) }
        }
        if let first = feedURLs[url.comparable] {
            report(at: location, "duplicate feed URL \(quoted(text)) (first at \(first))")
        } else {
            feedURLs[url.comparable] = location
        }
        if let name = overrides.name {
            if let first = feedNames[name] {
                report(at: location, "duplicate feed name \(quoted(name)) (first at \(first))")
            } else {
                feedNames[name] = location
            }
        }
        feeds.append(FeedLine(text: text, url: url, overrides: overrides, source: location))
    }

    private mutating func reportOtherLine(_ text: String, at location: ConfigLocation) {
        let word = String(text.prefix { !LineScanner.isSpace($0) })
        if Key.named(word) != nil {
            report(at: location, "missing \"=\" after \(quoted(word))")
        } else if word.contains(".") || word.contains("/") {
            report(at: location, "bad URL \(quoted(word)) (use http://, https:// or file://)")
        } else {
            report(at: location, "unknown line \(quoted(text)) (expected a feed URL, key = value, include PATH or [section])")
        }
    }

    // MARK: - Problems

    /// Reads `value` for `key` into `overrides`; the message when the value is bad.
    private static func apply(_ key: Key, _ value: String, to overrides: inout Overrides, folder: String) -> String? {
        do {
            try key.apply(&overrides, value, folder)
            return nil
        } catch {
            return error.message
        }
    }

    private mutating func report(at location: ConfigLocation, _ message: String) {
        problems.append(ConfigProblem(at: location, message))
    }

    /// Reports each `exec` when articles go to a Redis stream: there is no `new/` to run it on.
    mutating func checkExecHasASpool() {
        guard globals.sink != nil, let sink = globalKeys["sink"] else { return }
        let lines = [globalKeys["exec"]].compactMap { $0 }
            + feeds.filter { $0.overrides.exec?.words.isEmpty == false }.map(\.source)
        for location in lines { report(at: location, "exec needs the spool, but sink (\(sink)) is a Redis stream") }
    }

    /// ` (did you mean "interval"?)`, or nothing when no known key is close.
    private static func didYouMean(_ word: String, in place: Place) -> String {
        Key.suggestion(for: word, in: place).map { " (did you mean \(quoted($0))?)" } ?? ""
    }
}
