import ArgumentParser
import Config
import FeedParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `feedspool export`: prints the configured feeds as an OPML 2.0 subscription list, for other feed readers.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print the configured feeds as an OPML 2.0 subscription list.",
        discussion: """
            Each feed is one outline: its name as title, its URL without any user:password, \
            its tags as category and its first tag as folder, so feedspool import gives the \
            same lines back. Example: feedspool export > feeds.opml. Exit status: 0, 1 when \
            the configuration has problems, 2 for usage errors.
            """
    )

    @OptionGroup var configFile: ConfigOption

    func run() throws {
        let configuration = try ConfigPath.load(configFile.path, failingWith: 1)
        let feeds = configuration.feeds.map { feed in
            if URLCredentials.present(in: feed.url) {
                Console.warning("\(feed.name): exported without its user and password")
            }
            return Subscription(url: URLCredentials.removed(from: feed.url), title: feed.name, tags: feed.tags)
        }
        let document = OPMLWriter.document(feeds, title: "feedspool feeds", created: OPMLWriter.dateCreated(Date()))
        Console.write(Array(document.utf8))
    }
}
