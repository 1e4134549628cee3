import ArgumentParser
import Config
import FeedParser
import InputFiles

/// `feedspool import`: prints the feeds of an OPML subscription list as `feeds.conf` lines, ready for `>> feeds.conf`.
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
        // The configuration's feeds, when its file exists, are not added again, nor their names given twice.
        let configuration = ConfigFile(path: configFile.path)
        let existing = configuration.exists ? try ConfigPath.load(configuration.path, failingWith: 1).feeds : []
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
        var additions = FeedAdditions(existing: existing)
        for subscription in subscriptions {
            for note in additions.subscribe(url: subscription.url, title: subscription.title, tags: subscription.tags) {
                Console.warning("\(file): \(note)")
            }
        }
        if additions.lines.isEmpty { Console.warning("\(file): no feeds to add") }
        Console.write(Array(additions.lines.map { $0 + "\n" }.joined().utf8))
    }
}
