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

    /// The logger for standard error, as `$JOURNAL_STREAM` tells it.
    /// - Parameter variable: The value of `$JOURNAL_STREAM`, set by systemd
    ///   to the `device:inode` of the stream connected to the journal. It
    ///   counts only when it names standard error itself, as sd-daemon(3)
    ///   asks: a process started from a service, or with its standard error
    ///   redirected, inherits the variable but not the stream.
    static func logger(journalStream variable: String?) -> Logger {
        logger(journal: variable.map(namesStandardError) ?? false)
    }

    private static func logger(journal: Bool) -> Logger {
        Logger(label: "feedspool") { _ in JournalLogHandler(journal: journal, write: { Console.raw($0) }) }
    }

    /// Whether `variable`, `device:inode` in decimal, names standard error.
    private static func namesStandardError(_ variable: String) -> Bool {
        let numbers = variable.split(separator: ":", omittingEmptySubsequences: false).map { UInt64($0) }
        guard numbers.count == 2, let device = numbers[0], let inode = numbers[1] else { return false }
        var stats = stat()
        guard fstat(STDERR_FILENO, &stats) == 0 else { return false }
        return UInt64(stats.st_dev) == device && UInt64(stats.st_ino) == inode
    }
}
