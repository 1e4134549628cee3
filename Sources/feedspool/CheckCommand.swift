import ArgumentParser
import Config

/// `feedspool check`: loads the configuration and reports every mistake in it.
/// One `file:line: message` line each, as compilers do.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check feeds.conf and the files it includes for mistakes.",
        discussion: """
            Prints each problem as FILE:LINE: MESSAGE on standard error, or one summary \
            line on standard output when there are none. The configuration is --config, \
            else $FEEDSPOOL_CONFIG, else feeds.conf in the current directory. Exit status: \
            0 when there are no problems, 1 when there are, 2 for usage errors.
            """
    )

    @OptionGroup var configFile: ConfigOption

    func run() throws {
        let path = configFile.path
        let loaded = try ConfigPath.load(path, failingWith: 1)
        let feeds = loaded.listedFeeds, hosts = loaded.hosts.count
        var summary = "\(path): \(feeds) \(feeds == 1 ? "feed" : "feeds"), \(hosts) \(hosts == 1 ? "host" : "hosts"), no problems"
        if let shard = loaded.shard {
            let ownHosts = Set(loaded.feeds.map(\.host)).count
            let own = loaded.feeds.count
            summary += "; shard \(shard) polls \(own) of them, on \(ownHosts) of \(loaded.listedHosts) hosts"
        }
        summary += "\n"
        Console.write(Array(summary.utf8))
    }
}
