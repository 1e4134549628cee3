import Logging
import Poller
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The loggers that write to standard error.
/// `JournalLogHandler`'s lines, with the syslog priority only when standard error is the journal's
/// stream.
///
/// Decided once, when `run` starts, and passed to what logs for it; the
/// other commands write with `plain`, so their output never changes.
enum StandardErrorLog {
    /// The lines as `Console` writes them, whatever standard error is.
    static let plain = logger(journal: false)

    /// The logger for standard error, with priorities when `$JOURNAL_STREAM` names it (`JournalStream`).
    static func logger(journalStream variable: String?) -> Logger {
        logger(journal: JournalStream.isJournal(variable, descriptor: STDERR_FILENO))
    }

    private static func logger(journal: Bool) -> Logger {
        Logger(label: "feedspool") { _ in JournalLogHandler(journal: journal, write: { Console.raw($0) }) }
    }
}
