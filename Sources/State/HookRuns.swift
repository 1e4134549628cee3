#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What the state store remembers of an article file an `exec` hook ran on or claimed.
/// A row is written before the file is claimed (moved from `new/` to `cur/`), so a file
/// feedspool claimed is always named here, and one a consumer claimed never is
/// (docs/spool.md, "Exec hooks").
public struct HookRun: Sendable, Equatable {
    /// The file's name in `new/` or `cur/`.
    public var file: String
    /// The feed it belongs to.
    public var feed: String
    /// How many runs failed so far.
    public var failures: Int
    /// When the next run may start; nil for at once.
    public var retryAfter: Date?
    /// Whether feedspool claimed the file and a run may be under way (or was, when a crash ended it).
    public var claimed: Bool
    /// The running command's process, `BOOT-ID:PID:START-TICKS`; nil when none was started.
    /// So that a restart can end what a killed feedspool left running.
    public var process: String?

    /// Makes a record.
    public init(file: String, feed: String, failures: Int = 0, retryAfter: Date? = nil, claimed: Bool = false,
                process: String? = nil) {
        self.file = file
        self.feed = feed
        self.failures = failures
        self.retryAfter = retryAfter
        self.claimed = claimed
        self.process = process
    }
}

extension StateStore {
    /// Every file an `exec` hook ran on without success yet, or claimed.
    public func hookRuns() throws(StorageError) -> [HookRun] {
        try withDatabase { database throws(StorageError) in
            var runs: [HookRun] = []
            try database.statement("SELECT file, feed, failures, retry_after, claimed, process FROM hook_runs ORDER BY file")
                .rows([]) { row in
                    runs.append(HookRun(file: row.text(0) ?? "", feed: row.text(1) ?? "", failures: Int(row.integer(2) ?? 0),
                                        retryAfter: row.real(3).map(Date.init(timeIntervalSince1970:)),
                                        claimed: (row.integer(4) ?? 0) != 0, process: row.text(5)))
                }
            return runs
        }
    }

    /// Records `run` durably as it now stands (failures, next attempt, claimed, process).
    ///
    /// A claim is on disk before the file is renamed into `cur/`.
    public func recordHookRun(_ run: HookRun) throws(StorageError) {
        try withDatabase { database throws(StorageError) in
            try database.statement("""
                INSERT INTO hook_runs (file, feed, failures, retry_after, claimed, process) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                ON CONFLICT (file) DO UPDATE SET feed = ?2, failures = ?3, retry_after = ?4, claimed = ?5, process = ?6
                """).run([.text(run.file), .text(run.feed), .integer(Int64(run.failures)), optional(run.retryAfter),
                          .integer(run.claimed ? 1 : 0), optional(run.process)])
        }
    }

    /// Forgets the files named: the hook succeeded, or the file left the spool's folders.
    public func forgetHookRuns(_ files: [String]) throws(StorageError) {
        guard !files.isEmpty else { return }
        try withDatabase { database throws(StorageError) in
            try database.transaction { () throws(StorageError) in
                let delete = try database.statement("DELETE FROM hook_runs WHERE file = ?")
                for file in files { try delete.run([.text(file)]) }
            }
        }
    }
}
