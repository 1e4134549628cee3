#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to the standard streams the way a Unix tool should: data on
/// stdout, one line per problem on stderr, prefixed with the program name.
/// Uses the POSIX calls directly: Foundation's file handles would cost every
/// run of the command the start-up time of all of Foundation.
enum Console {
    /// Writes raw bytes to standard output.
    static func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { writeAll($0, to: STDOUT_FILENO) }
    }

    /// Writes one line to standard error, prefixed with `feedspool: `.
    static func error(_ line: String) {
        var text = "feedspool: \(line)\n"
        text.withUTF8 { writeAll(UnsafeRawBufferPointer($0), to: STDERR_FILENO) }
    }

    /// Writes one line to standard error as it is, without the program name:
    /// for `file:line: message` lines, the form editors jump to.
    static func diagnostic(_ line: String) {
        var text = line + "\n"
        text.withUTF8 { writeAll(UnsafeRawBufferPointer($0), to: STDERR_FILENO) }
    }

    /// Writes text to standard error as it is, without a line break: for
    /// the progress line a terminal redraws.
    static func raw(_ text: String) {
        var text = text
        text.withUTF8 { writeAll(UnsafeRawBufferPointer($0), to: STDERR_FILENO) }
    }

    /// Writes a warning line to standard error.
    static func warning(_ line: String) {
        error("warning: \(line)")
    }

    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}

// MARK: - Log lines

/// Where `feedspool run` writes its log lines: standard error, one line per
/// event, each with a syslog priority. On a terminal, a pipe or a file the
/// priority is not shown and the lines read as `Console` writes them
/// (`feedspool: …`, `feedspool: warning: …`, `file:line: …`). When standard
/// error is the journal's stream, each line starts with its priority as
/// journald reads it (`<3>`, systemd.exec's `SyslogLevelPrefix=`) in place
/// of the program name, which the journal shows already.
///
/// Decided once, when the daemon starts, and passed to what logs for it; the
/// other commands write with `Log.plain`, so their output never changes.
struct Log: Sendable {
    /// The lines as `Console` writes them, whatever standard error is: for
    /// `once`, and for the code `run` shares with it when `once` calls it.
    static let plain = Log(journal: false)

    /// Whether standard error is the journal's stream.
    private let journal: Bool

    /// The log for standard error, as `$JOURNAL_STREAM` tells it.
    /// - Parameter variable: The value of `$JOURNAL_STREAM`, set by systemd
    ///   to the `device:inode` of the stream connected to the journal. It
    ///   counts only when it names standard error itself, as sd-daemon(3)
    ///   asks: a process started from a service, or with its standard error
    ///   redirected, inherits the variable but not the stream.
    init(journalStream variable: String?) {
        journal = variable.map(Self.namesStandardError) ?? false
    }

    private init(journal: Bool) {
        self.journal = journal
    }

    /// Logs a failure: a feed that failed, a store that cannot be written.
    func error(_ line: String) {
        write(line, priority: 3)
    }

    /// Logs one problem of the configuration file as `file:line: message`,
    /// the form editors jump to, without the program name.
    func problem(_ line: String) {
        if journal { write(line, priority: 3) } else { Console.diagnostic(line) }
    }

    /// Logs something that needs a look but stopped nothing: a feed left
    /// out, a reload that kept the running configuration. The line is
    /// written as given: the ones `once` prints as `feedspool: warning: …`
    /// carry their `warning: ` themselves, so both commands word them alike.
    func warning(_ line: String) {
        write(line, priority: 4)
    }

    /// Logs the course of things: started, a round's summary, reloaded, stopping.
    func info(_ line: String) {
        write(line, priority: 6)
    }

    private func write(_ line: String, priority: Int) {
        if journal { Console.diagnostic("<\(priority)>\(line)") } else { Console.error(line) }
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
