import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `feedspool` command: the root of the subcommands.
struct Feedspool: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "feedspool",
        abstract: "Polls feeds and delivers each new article, cleaned, into a spool directory.",
        version: version,
        subcommands: [RunCommand.self, OnceCommand.self, StatusCommand.self, CheckCommand.self, ParseCommand.self, CleanCommand.self,
                      AddCommand.self, ImportCommand.self, ExportCommand.self]
    )
}

/// Runs the command line, mapping outcomes to feedspool's exit codes.
/// 0 success, 1 for input that failed, 2 for usage errors.
@main
enum Main {
    static func main() {
        if CommandLine.arguments.count < 2 {
            // No subcommand is a usage error, as for git or systemctl.
            Console.error("missing subcommand\n" + Feedspool.helpMessage())
            exit(2)
        }
        do {
            var command = try Feedspool.parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch {
            let code = Feedspool.exitCode(for: error)
            let message = Feedspool.fullMessage(for: error)
            if code == .success {
                print(message)
                exit(0)
            }
            if !message.isEmpty { Console.error(message) }
            exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
