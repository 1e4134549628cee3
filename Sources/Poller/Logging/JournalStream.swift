#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether a process's log lines go to the journal, as `$JOURNAL_STREAM` tells it.
/// systemd sets the variable to the `device:inode` of the stream connected
/// to the journal. It counts only when it names the descriptor itself, as
/// sd-daemon(3) asks: a process started from a service, or with its standard
/// error redirected, inherits the variable but not the stream.
public enum JournalStream {
    /// Whether `variable` (`device:inode` in decimal) names the open file `descriptor`.
    public static func isJournal(_ variable: String?, descriptor: Int32) -> Bool {
        let numbers = (variable ?? "").split(separator: ":", omittingEmptySubsequences: false).map { UInt64($0) }
        guard numbers.count == 2, let device = numbers[0], let inode = numbers[1] else { return false }
        var stats = stat()
        guard fstat(descriptor, &stats) == 0 else { return false }
        return UInt64(stats.st_dev) == device && UInt64(stats.st_ino) == inode
    }
}
