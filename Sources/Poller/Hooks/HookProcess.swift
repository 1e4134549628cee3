import InputFiles
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// One run of an `exec` command, started in a process group of its own.
///
/// It is waited for within a timeout, and its standard error is kept in a few lines.
///
/// The command gets `/dev/null` as standard input and output, the pipe as standard error,
/// the environment and working directory of feedspool plus `environment`, default signal
/// actions and an empty signal mask. At the timeout its whole process group
/// gets SIGTERM, and SIGKILL `grace` later if its first process has not ended by then.
///
/// Threading: `run` blocks its thread until the command ended; any number of threads may
/// run commands at once.
struct HookProcess {
    /// How a run ended.
    enum Ending: Equatable, Sendable {
        /// The command exited with this status.
        case exited(Int32)
        /// A signal ended it (not one feedspool sent).
        case signalled(Int32)
        /// It was still running at the timeout and was ended.
        case timedOut
        /// It could not be started, and why (`No such file or directory`).
        case notStarted(String)
    }

    /// What a run came to.
    struct Outcome: Equatable, Sendable {
        var ending: Ending
        /// The first lines it wrote to standard error, each cut at `lineLength` characters.
        var errorLines: [String]
        /// How many more lines it wrote, left out.
        var moreLines: Int

        /// Whether the command succeeded (exit status 0).
        var succeeded: Bool { ending == .exited(0) }
    }

    /// The most standard error lines kept of one run.
    static let keptLines = 10
    /// The most characters kept of one line.
    static let lineLength = 300

    /// The program and its arguments; the program is found on `PATH` unless it holds a `/`.
    var words: [String]
    /// Variables added to (or replacing in) feedspool's own environment.
    var environment: [(String, String)]
    /// How long the command may run.
    var timeout: Duration
    /// How long after SIGTERM its group gets SIGKILL.
    var grace: Duration

    /// Runs the command to its end, or to the timeout and the kill.
    /// `started` is called with its process id as soon as it runs.
    func run(started: (pid_t) -> Void = { _ in }) -> Outcome {
        // Made and spawned under one lock: the Glibc module has no pipe2, and a
        // command another thread started between pipe and FD_CLOEXEC would
        // inherit this pipe's ends.
        let launch: (read: Int32, spawned: Spawned)? = Self.spawning.withLock { _ in
            var pipeEnds: [Int32] = [-1, -1]
            guard pipe(&pipeEnds) == 0 else { return nil }
            for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            let spawned = spawn(errorTo: pipeEnds[1])
            close(pipeEnds[1])
            return (pipeEnds[0], spawned)
        }
        guard let (readEnd, spawned) = launch else {
            return Outcome(ending: .notStarted(Self.errorText()), errorLines: [], moreLines: 0)
        }
        let pid: pid_t
        switch spawned {
        case .success(let started):
            pid = started
        case .failure(let reason):
            close(readEnd)
            return Outcome(ending: .notStarted(reason), errorLines: [], moreLines: 0)
        }
        _ = fcntl(readEnd, F_SETFL, fcntl(readEnd, F_GETFL) | O_NONBLOCK)
        started(pid)
        var lines = ErrorLines()
        let ending = wait(for: pid, reading: readEnd, into: &lines)
        close(readEnd)
        lines.finish()
        return Outcome(ending: ending, errorLines: lines.kept, moreLines: lines.more)
    }

    // MARK: - Starting

    /// Held while a pipe is made and a command started.
    private static let spawning = Mutex(())

    private enum Spawned {
        case success(pid_t)
        case failure(String)
    }

    private func spawn(errorTo errorFile: Int32) -> Spawned {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, errorFile, 2)
        // Its own group, so that the timeout ends its children too; the daemon's
        // ignored signals (SIGPIPE, the ones Dispatch watches) and mask are not its.
        var everySignal = sigset_t(), noSignal = sigset_t()
        sigfillset(&everySignal)
        sigemptyset(&noSignal)
        posix_spawnattr_setsigdefault(&attributes, &everySignal)
        posix_spawnattr_setsigmask(&attributes, &noSignal)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let arguments = words.map { strdup($0) } + [nil]
        let variables = mergedEnvironment().map { strdup($0) } + [nil]
        defer {
            for pointer in arguments { free(pointer) }
            for pointer in variables { free(pointer) }
        }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, words[0], &actions, &attributes, arguments, variables)
        guard status == 0 else { return .failure(String(cString: strerror(status))) }
        return .success(pid)
    }

    /// feedspool's environment with `environment` added, as `NAME=value` strings.
    private func mergedEnvironment() -> [String] {
        let added = Set(environment.map { $0.0 + "=" })
        var result: [String] = []
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if !added.contains(where: { text.hasPrefix($0) }) { result.append(text) }
            entry += 1
        }
        return result + environment.map { $0.0 + "=" + $0.1 }
    }

    // MARK: - Waiting

    /// Reads standard error until the command ends, ending it at the timeout.
    private func wait(for pid: pid_t, reading readEnd: Int32, into lines: inout ErrorLines) -> Ending {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var killAt: ContinuousClock.Instant? = nil
        var pipeOpen = true
        while true {
            if pipeOpen {
                var poller = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
                _ = poll(&poller, 1, 50)
                pipeOpen = lines.read(from: readEnd)
            } else {
                usleep(20_000)
            }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                if killAt != nil {
                    // What the group started may still hold on.
                    kill(-pid, SIGKILL)
                    return .timedOut
                }
                _ = lines.read(from: readEnd)
                let signal = status & 0x7f
                return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
            }
            let now = clock.now
            if killAt == nil, now >= deadline {
                kill(-pid, SIGTERM)
                killAt = now.advanced(by: grace)
            } else if let due = killAt, now >= due {
                kill(-pid, SIGKILL)
                waitpid(pid, &status, 0)
                return .timedOut
            }
        }
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }

    // MARK: - Identity

    /// `BOOT-ID:PID:START-TICKS` of a running process; nil when it is gone.
    ///
    /// The same pid in another boot, or started at another time, is another process. The boot id is
    /// `-` where `/proc/sys` is hidden (the system unit's `ProcSubset=pid`; systemd then ends a
    /// killed service's commands itself).
    static func identity(of pid: pid_t) -> String? {
        let boot = firstLine(of: "/proc/sys/kernel/random/boot_id") ?? "-"
        guard let stat = firstLine(of: "/proc/\(pid)/stat"),
              let close = stat.lastIndex(of: ")") else { return nil }
        // After "pid (comm) ", the start time is field 22 of stat(5): the 20th from the state.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 19, fields[0] != "Z" else { return nil }
        return "\(boot):\(pid):\(fields[19])"
    }

    /// Ends with SIGKILL the process group a command recorded as `identity` started; returns whether it did.
    /// Only when the group's first process is still that one.
    @discardableResult
    static func endGroup(of identity: String) -> Bool {
        let parts = identity.split(separator: ":")
        guard parts.count == 3, let pid = pid_t(parts[1]), pid > 1, Self.identity(of: pid) == identity else { return false }
        return kill(-pid, SIGKILL) == 0
    }

    private static func firstLine(of path: String) -> String? {
        BoundedReader.head(path, count: 1024).map { String(decoding: $0.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self) }
    }
}

/// The lines a command writes to standard error, as many as `HookProcess.keptLines`.
/// Each is cut at `HookProcess.lineLength` characters, control characters made spaces.
struct ErrorLines {
    private(set) var kept: [String] = []
    private(set) var more = 0
    private var partial: [UInt8] = []

    /// Reads what `descriptor` holds now, at most 64 KiB; false once it reached its end.
    /// The limit: a command writing without end must not keep the caller from its timeout.
    mutating func read(from descriptor: Int32) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        for _ in 0..<16 {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return false }
            if count < 0 { return errno == EAGAIN || errno == EINTR }
            for byte in buffer[..<count] {
                if byte == UInt8(ascii: "\n") {
                    add(partial)
                    partial = []
                } else if partial.count < 4 * HookProcess.lineLength {
                    partial.append(byte)
                }
            }
        }
        return true
    }

    /// Takes a last line that had no line break.
    mutating func finish() {
        if !partial.isEmpty { add(partial) }
        partial = []
    }

    private mutating func add(_ bytes: [UInt8]) {
        guard kept.count < HookProcess.keptLines else {
            more += 1
            return
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let printable = String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7f ? " " : Character($0) })
        let trimmed = printable.count > HookProcess.lineLength ? printable.prefix(HookProcess.lineLength) + "…" : Substring(printable)
        kept.append(String(trimmed))
    }
}
