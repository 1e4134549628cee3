import ArgumentParser
import Config
import FeedParser
import InputFiles
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `feedspool import`: prints the feeds of an OPML subscription list as
/// `feeds.conf` lines, ready for `>> feeds.conf`.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Print the feeds of an OPML file as feeds.conf lines.",
        discussion: """
            Each feed becomes one line: its URL, name= from its title, and tags= from the \
            folders it sits in and its category attribute. Feeds already in the \
            configuration (when it exists), a user:password in a URL (never printed), repeated URLs and URLs feeds.conf cannot take are \
            left out, each named on stderr. Example: feedspool import Subscriptions.opml >> \
            feeds.conf. Exit status: 0 when the file is OPML, 1 when it is not or the \
            configuration has problems, 2 for usage errors.
            """
    )

    @OptionGroup var configFile: ConfigOption

    @Argument(help: ArgumentHelp("The OPML file, or - for standard input.", valueName: "FILE|-"))
    var file: String

    func run() throws {
        let existing = try existingFeeds()
        let subscriptions: [Subscription]
        do {
            subscriptions = try SubscriptionList.read(try BoundedReader.read(file, limit: SubscriptionList.maximumBytes))
        } catch let error as InputFileError {
            Console.error("\(file): cannot read: \(error)")
            throw ExitCode(1)
        } catch {
            Console.error("\(file): \(error)")
            throw ExitCode(1)
        }
        var seen = Set(existing.map(\.identity))
        var names = Set(existing.map(\.name))
        var lines: [String] = []
        for subscription in subscriptions {
            let shown = URLCredentials.removed(from: subscription.url)
            if FeedLine.problem(with: subscription.url) != nil {
                // Worded from the URL without its password, which must not be shown.
                let problem = FeedLine.problem(with: shown) ?? "bad URL \"\(shown)\""
                Console.warning("\(file): left out: \(problem)")
                continue
            }
            let identity = FeedLine.identity(of: subscription.url) ?? subscription.url
            guard seen.insert(identity).inserted else {
                Console.warning("\(file): left out \(shown): already listed")
                continue
            }
            let name = subscription.title.flatMap(FeedLine.name(fromTitle:)).map { FeedLine.unique($0, among: &names) }
            if shown != subscription.url {
                Console.warning("\(file): \(shown): user and password left out; add them to the line yourself")
            }
            lines.append(FeedLine.format(url: shown, name: name, tags: subscription.tags) + "\n")
        }
        if lines.isEmpty { Console.warning("\(file): no feeds to add") }
        Console.write(Array(lines.joined().utf8))
    }

    /// The feeds of the configuration, when its file exists: their URLs are
    /// not added again, and their names not given twice.
    private func existingFeeds() throws -> [(identity: String, name: String)] {
        let path = configFile.path
        guard access(path, F_OK) == 0 else { return [] }
        let configuration = try ConfigPath.load(path, failingWith: 1)
        return configuration.feeds.map { (FeedLine.identity(of: $0.url) ?? $0.url, $0.name) }
    }
}
