extension Configuration {
    /// What `feedspool check` says of a configuration without problems, loaded from `path`, in one line.
    /// `PATH: 3 feeds, 2 hosts, no problems`, and with a shard, how many of them it polls.
    public func checkSummary(path: String) -> String {
        var summary = "\(path): \(Self.count(listedFeeds, "feed")), \(Self.count(hosts.count, "host")), no problems"
        if let shard {
            summary += "; shard \(shard) polls \(feeds.count) of them, on \(Set(feeds.map(\.host)).count) of \(listedHosts) hosts"
        }
        return summary
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
