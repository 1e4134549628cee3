import ArgumentParser
import Config
import Logging
import Poller
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `--config PATH` option of the commands that read `feeds.conf`.
struct ConfigOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The configuration file (default: $FEEDSPOOL_CONFIG, else ./feeds.conf).", valueName: "PATH"))
    var config: String?

    func validate() throws {
        if config?.isEmpty == true { throw ValidationError("--config needs a path") }
    }

    /// The file to read, as `ConfigLoader.path(option:environment:)` chooses it.
    var path: String {
        ConfigLoader.path(option: config, environment: getenv("FEEDSPOOL_CONFIG").map { String(cString: $0) })
    }
}

/// How the commands load `feeds.conf`: its problems printed as editors read them, then the exit.
enum ConfigPath {
    /// Loads the configuration at `path`.
    /// On problems, prints each as `file:line: message` (without the
    /// "feedspool: " prefix: the form vim's quickfix and Emacs' compilation
    /// mode jump to) to `log` and exits with `status`.
    static func load(_ path: String, failingWith status: Int32, log: Logger = StandardErrorLog.plain) throws -> Configuration {
        do {
            return try ConfigLoader.load(path: path)
        } catch {
            report(error, to: log)
            throw ExitCode(status)
        }
    }

    /// Prints each problem of `error` as `file:line: message` to `log`.
    static func report(_ error: ConfigError, to log: Logger) {
        for problem in error.problems { log.problem(problem.description) }
    }
}
