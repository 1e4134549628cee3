/// Turns what the files set into effective settings.
///
/// That is the precedence of scopes, the spool and state paths, and feed names.
extension ConfigReader {
    /// The configuration read; call only when there were no problems.
    func configuration() -> Configuration {
        var global = GlobalSettings.defaults
        global.interval = globals.interval ?? global.interval
        global.autoInterval = globals.autoInterval ?? global.autoInterval
        global.jitter = globals.jitter ?? global.jitter
        global.concurrency = globals.concurrency ?? global.concurrency
        global.perHost = globals.perHost ?? global.perHost
        global.timeout = globals.timeout ?? global.timeout
        global.maxSize = globals.maxSize ?? global.maxSize
        global.userAgent = globals.userAgent ?? global.userAgent
        global.minInterval = globals.minInterval ?? global.minInterval
        global.keepSeen = globals.keepSeen ?? global.keepSeen
        global.access = globals.access
        global.backlog = globals.backlog ?? global.backlog
        global.enclosureFolder = globals.enclosureFolder
        global.enclosureMaxSize = globals.enclosureMaxSize ?? global.enclosureMaxSize
        global.execConcurrency = globals.execConcurrency ?? global.execConcurrency

        let folder = Paths.folder(of: mainFile)
        let mainFolder = Paths.absolute(folder.isEmpty ? "." : folder, in: currentDirectory)
        let hostSettings = hosts.map { section in
            HostSettings(
                pattern: section.pattern,
                perHost: section.overrides.perHost,
                minInterval: section.overrides.minInterval,
                interval: section.overrides.interval,
                autoInterval: section.overrides.autoInterval,
                jitter: section.overrides.jitter,
                timeout: section.overrides.timeout,
                maxSize: section.overrides.maxSize,
                userAgent: section.overrides.userAgent,
                access: section.overrides.access,
                backlog: section.overrides.backlog,
                enclosureFolder: section.overrides.enclosureFolder,
                enclosureMaxSize: section.overrides.enclosureMaxSize,
                source: section.source)
        }
        let names = feedNames()
        let feedSettings = feeds.indices.map { index in
            effectiveSettings(of: feeds[index], name: names[index], global: global, hosts: hostSettings)
        }
        return Configuration(
            path: mainFile,
            spoolPath: globals.spool ?? Paths.absolute("spool", in: mainFolder),
            statePath: globals.state ?? Paths.absolute("state", in: mainFolder),
            globals: global,
            hosts: hostSettings,
            feeds: globals.shard.map { shard in feedSettings.filter { shard.owns(host: $0.host) } } ?? feedSettings,
            shard: globals.shard,
            redisSink: globals.sink.map { target in
                var target = target
                target.stream = globals.stream ?? target.stream
                target.maximumLength = globals.streamMaximumLength ?? 0
                target.password = globals.redisPassword ?? target.password
                return target
            },
            listedFeeds: feedSettings.count,
            listedHosts: Set(feedSettings.map(\.host)).count)
    }

    /// A feed's settings: defaults, then global settings, then matching host sections, then its options.
    /// Host sections apply in file order; the interval is raised to the minimum.
    private func effectiveSettings(
        of feed: FeedLine, name: String, global: GlobalSettings, hosts: [HostSettings]
    ) -> FeedSettings {
        var interval = global.interval
        var autoInterval = global.autoInterval
        var jitter = global.jitter
        var timeout = global.timeout
        var maxSize = global.maxSize
        var userAgent = global.userAgent
        var minInterval = global.minInterval
        var perHost = global.perHost
        var access = global.access
        var backlog = global.backlog
        var enclosureFolder = global.enclosureFolder
        var enclosureMaxSize = global.enclosureMaxSize
        for host in hosts where host.matches(host: feed.url.host) {
            access = host.access.merged(over: access)
            interval = host.interval ?? interval
            autoInterval = host.autoInterval ?? autoInterval
            jitter = host.jitter ?? jitter
            timeout = host.timeout ?? timeout
            maxSize = host.maxSize ?? maxSize
            userAgent = host.userAgent ?? userAgent
            minInterval = host.minInterval ?? minInterval
            perHost = host.perHost ?? perHost
            backlog = host.backlog ?? backlog
            enclosureFolder = host.enclosureFolder ?? enclosureFolder
            enclosureMaxSize = host.enclosureMaxSize ?? enclosureMaxSize
        }
        let options = feed.overrides
        return FeedSettings(
            url: feed.text,
            host: feed.url.host,
            name: name,
            interval: max(options.interval ?? interval, minInterval),
            tags: options.tags ?? [],
            fulltext: options.fulltext ?? false,
            include: options.include,
            exclude: options.exclude,
            updates: options.updates ?? false,
            timeout: options.timeout ?? timeout,
            maxSize: options.maxSize ?? maxSize,
            userAgent: options.userAgent ?? userAgent,
            clean: options.clean ?? true,
            template: options.template ?? true,
            minInterval: minInterval,
            perHost: perHost,
            access: feed.overrides.access.merged(over: access),
            backlog: options.backlog ?? backlog,
            enclosureFolder: options.enclosureFolder ?? enclosureFolder,
            enclosureMaxSize: options.enclosureMaxSize ?? enclosureMaxSize,
            hook: hook(of: options),
            source: feed.source,
            autoInterval: options.autoInterval ?? autoInterval,
            jitter: options.jitter ?? jitter)
    }

    /// The feed's `exec` hook, its own options over the global ones; nil without a command.
    private func hook(of options: Overrides) -> FeedHook? {
        guard let command = options.exec ?? globals.exec, !command.words.isEmpty else { return nil }
        return FeedHook(command: command, timeout: options.execTimeout ?? globals.execTimeout ?? FeedHook.defaultTimeout,
                        keep: options.execKeep ?? globals.execKeep ?? false)
    }

    /// Each feed's name, in feed order.
    ///
    /// Its `name=`, or the name derived from its URL, followed by
    /// `-2`, `-3`… when an earlier feed or any `name=` has it.
    private func feedNames() -> [String] {
        var taken = Set(feeds.compactMap(\.overrides.name))
        return feeds.map { feed in
            if let name = feed.overrides.name { return name }
            return Config.FeedLine.unique(feed.url.derivedName, among: &taken)
        }
    }
}
