import ArgumentParser
import FeedParser
import Foundation

/// `feedspool parse`: prints a feed file as the JSON the spool uses.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse a feed file and print it as one JSON document.",
        discussion: """
            Reads RSS 0.90-2.0, RSS 1.0, Atom 0.3/1.0 and JSON Feed. Exit status: 0 when the \
            file is a feed (a recovered broken feed also prints one warning line on stderr), \
            1 when it is not, 2 for usage errors.
            """
    )

    @Option(name: .long, help: ArgumentHelp("URL the feed came from; relative links resolve against it.", valueName: "URL"))
    var base: String?

    @Option(name: .long, help: ArgumentHelp("Charset from the HTTP Content-Type; overrides the XML declaration.", valueName: "NAME"))
    var charset: String?

    @Argument(help: ArgumentHelp("The feed file, or - for standard input.", valueName: "FILE|-"))
    var file: String

    func run() throws {
        let bytes: [UInt8]
        do {
            bytes = try Console.readInput(file)
        } catch {
            Console.error("\(file): cannot read: \(error.localizedDescription)")
            throw ExitCode(1)
        }
        do {
            let feed = try FeedParser().parse(bytes, baseURL: base, charset: charset)
            if !feed.warnings.isEmpty {
                Console.warning("\(file): " + feed.warnings.joined(separator: "; "))
            }
            Console.write(feed.contractJSON())
        } catch {
            Console.error("\(file): \(error)")
            throw ExitCode(1)
        }
    }
}
