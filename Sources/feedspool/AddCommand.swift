import ArgumentParser
import Config
import Fetcher
import Poller
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `feedspool add`: appends a checked line for the feed behind a URL to `feeds.conf`.
/// The feed is the URL itself, or one its page advertises (`FeedDiscovery`).
struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a feed, or the feed a web page advertises, to feeds.conf.",
        discussion: """
            Fetches URL. A feed is added as it is; for an HTML page, the feeds it advertises \
            with <link rel="alternate"> are found, else the feeds at common paths of its site \
            (/feed, /rss, /atom.xml, ...). With several, --all adds them all; on a terminal a \
            numbered choice is asked; otherwise they are listed and nothing is added. OPTIONS \
            are feed options (name=lwn tags=news interval=30m); without name=, the name comes \
            from the feed's title. A feed already configured (its URL, or where it redirects) \
            is refused. The line is appended only if the configuration still loads without \
            problems; it is printed as FILE:LINE: LINE. Example: feedspool add \
            https://lwn.net/ tags=news interval=30m. Exit status: 0 when a feed was added, \
            1 when none was, 2 for usage errors.
            """
    )

    @OptionGroup var configFile: ConfigOption

    @Flag(name: .long, help: "Add every feed the page has, not one.")
    var all = false

    @Argument(help: ArgumentHelp("The feed's or the web page's URL (http or https).", valueName: "URL"))
    var url: String

    @Argument(help: ArgumentHelp("Feed options for the line, as in feeds.conf.", valueName: "OPTIONS"))
    var options: [String] = []

    func validate() throws {
        guard url.lowercased().hasPrefix("http://") || url.lowercased().hasPrefix("https://") else {
            throw ValidationError("URL must start with http:// or https://")
        }
        for option in options where option.firstIndex(of: "=").map({ $0 == option.startIndex }) ?? true {
            throw ValidationError("expected key=value, found \"\(option)\"")
        }
    }

    func run() throws {
        let file = ConfigFile(path: configFile.path)
        let configuration = file.exists ? try ConfigPath.load(file.path, failingWith: 1) : nil
        var additions = FeedAdditions(existing: configuration?.feeds ?? [])
        if let configured = additions.alreadyConfigured(url) {
            Console.error(configured)
            throw ExitCode(1)
        }
        let globals = configuration?.globals ?? .defaults
        let discovery = FeedDiscovery(fetcher: Fetcher(concurrency: globals.concurrency, perHost: globals.perHost),
                                      globals: globals)
        let choice: FeedChoice
        do {
            choice = FeedChoice(try discovery.discover(url), additions: additions)
        } catch {
            Console.error(URLCredentials.removed(from: error.description))
            throw ExitCode(1)
        }
        for configured in choice.configured { Console.warning(configured) }
        guard !choice.candidates.isEmpty else { throw ExitCode(1) }
        for candidate in try choose(from: choice) {
            additions.add(url: candidate.url, title: candidate.title, options: options)
        }
        do {
            for added in try file.append(additions.lines) { Console.write(Array("\(added.location): \(added.line)\n".utf8)) }
        } catch {
            ConfigPath.report(error, to: StandardErrorLog.plain)
            Console.error("nothing added to \(file.path)")
            throw ExitCode(1)
        }
    }

    /// The candidates to add.
    /// The only one, all with `--all`, the one picked on a terminal; otherwise
    /// a usage message listing them.
    private func choose(from choice: FeedChoice) throws -> [FeedDiscovery.Candidate] {
        let count = choice.candidates.count
        if count == 1 || all { return choice.candidates }
        guard isatty(STDIN_FILENO) == 1, isatty(STDERR_FILENO) == 1 else {
            Console.error("\(url) has \(count) feeds; add one by its URL, or all with --all:\n" + choice.menu)
            throw ExitCode(1)
        }
        Console.raw(choice.menu + "\nwhich one (1-\(count))? ")
        guard let answer = readLine(), let picked = choice.picked(answer) else {
            Console.error("no feed chosen; nothing added")
            throw ExitCode(1)
        }
        return [picked]
    }
}
