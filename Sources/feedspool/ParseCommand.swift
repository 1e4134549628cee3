import ArgumentParser
import FeedParser
import InputFiles

/// `feedspool parse`: prints a feed file as the JSON the spool uses.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse feed files and print each as one JSON document.",
        discussion: """
            Reads RSS 0.90-2.0, RSS 1.0, Atom 0.3/1.0 and JSON Feed. With several files, the \
            documents follow each other on standard output, one per file that parsed. Exit \
            status: 0 when every file is a feed (a recovered broken feed also prints one \
            warning line on stderr), 1 when any is not, 2 for usage errors.
            """
    )

    @Option(name: .long, help: ArgumentHelp("URL the feed came from; relative links resolve against it.", valueName: "URL"))
    var base: String?

    @Option(name: .long, help: ArgumentHelp("Charset from the HTTP Content-Type; overrides the XML declaration.", valueName: "NAME"))
    var charset: String?

    @Argument(help: ArgumentHelp("The feed files, or - for standard input.", valueName: "FILE|-"))
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("Missing expected argument '<FILE|->'") }
    }

    func run() throws {
        let parser = FeedParser()
        var failed = false
        for file in files {
            do {
                let feed = try parser.parse(try BoundedReader.read(file, limit: parser.maximumBytes),
                                            baseURL: base, charset: charset)
                if !feed.warnings.isEmpty {
                    Console.warning("\(file): " + feed.warnings.joined(separator: "; "))
                }
                Console.write(feed.contractJSON())
            } catch let error as InputFileError {
                if case .tooLarge = error {
                    Console.error("\(file): \(error), not parsed")
                } else {
                    Console.error("\(file): cannot read: \(error)")
                }
                failed = true
            } catch {
                Console.error("\(file): \(error)")
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}
