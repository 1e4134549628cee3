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
        Console.write(Array((try ConfigPath.load(path, failingWith: 1).checkSummary(path: path) + "\n").utf8))
    }
}
