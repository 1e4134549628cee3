#if canImport(Glibc)
import CSyncFS
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file-system calls the spool and the state store make, each one a
/// plain POSIX call whose failure becomes a `SpoolError` naming the path.
/// The only file of the module that touches files or folders directly, so
/// every `fsync` the delivery protocol depends on is visible here.
enum FileSystem {
    /// Creates `path` and any missing parents (like `mkdir -p`), `path`
    /// itself with `mode` (less the umask), the parents with 0777.
    static func makeDirectories(_ path: String, mode: mode_t = 0o777) throws(SpoolError) {
        var info = stat()
        // The common case, on every delivery: the folder is there.
        if stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR { return }
        var partial = path.hasPrefix("/") ? "" : "."
        let components = path.split(separator: "/")
        for (index, component) in components.enumerated() {
            partial += "/" + component
            if mkdir(partial, index == components.count - 1 ? mode : 0o777) != 0 && errno != EEXIST {
                throw failure("cannot create folder", partial)
            }
        }
        if stat(path, &info) != 0 { throw failure("cannot create folder", path) }
        if info.st_mode & S_IFMT != S_IFDIR {
            throw SpoolError(operation: "cannot create folder", path: path, reason: "a file of that name exists")
        }
    }

    /// Writes each file (replacing any file there) and makes them all
    /// durable before returning, with as few syncs as that allows: one
    /// `syncfs(2)` of `folder`'s file system after writing them all when it
    /// reports writeback errors (Linux 5.8 on) and there are several files,
    /// else an `fsync` per file. When `syncfs` fails, every file is written
    /// again and fsynced, the safe baseline. `syncfs` flushes whatever else
    /// is dirty on that file system too, which is why one call covers files
    /// written through descriptors already closed.
    /// - Parameter afterEach: Called after each file is written (for `CrashPoint`).
    static func writeAllSynced(_ files: [(path: String, bytes: [UInt8])], onFileSystemOf folder: String,
                               afterEach: () -> Void) throws(SpoolError) {
        // Opened before the writes: syncfs reports the writeback errors of
        // the file system since this descriptor was opened.
        let descriptor = files.count > 1 && syncfsReportsErrors
            ? open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1
        defer { if descriptor >= 0 { close(descriptor) } }
        for file in files {
            try writeFile(file.bytes, to: file.path, sync: descriptor < 0)
            afterEach()
        }
        guard descriptor >= 0, !syncFileSystem(descriptor) else { return }
        for file in files {
            try writeFile(file.bytes, to: file.path, sync: true)
        }
    }

    /// Whether `syncfs(2)` returns writeback errors: Linux 5.8 and later;
    /// before, it returned 0 even when writing a file back failed.
    private static let syncfsReportsErrors: Bool = {
        #if os(Linux)
        var names = utsname()
        guard uname(&names) == 0 else { return false }
        let release = withUnsafeBytes(of: names.release) { raw in
            String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
        }
        let numbers = release.split(whereSeparator: { !$0.isNumber }).prefix(2).compactMap { Int($0) }
        guard numbers.count == 2 else { return false }
        return (numbers[0], numbers[1]) >= (5, 8)
        #else
        return false
        #endif
    }()

    /// Runs `syncfs` on the file system of the open `descriptor`; whether it succeeded.
    private static func syncFileSystem(_ descriptor: Int32) -> Bool {
        #if os(Linux)
        return fs_syncfs(descriptor) == 0
        #else
        return false
        #endif
    }

    /// Writes `bytes` to a new file at `path`, replacing any file there,
    /// and with `sync` flushes it to disk before returning.
    private static func writeFile(_ bytes: [UInt8], to path: String, sync: Bool) throws(SpoolError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw failure("cannot write", path) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                let error = failure("cannot write", path)
                close(descriptor)
                throw error
            }
            written += result
        }
        if sync && fsync(descriptor) != 0 {
            let error = failure("cannot sync", path)
            close(descriptor)
            throw error
        }
        // Network file systems may report a failed write only at close.
        if close(descriptor) != 0 { throw failure("cannot write", path) }
    }

    /// Flushes a folder's entries (files created, renamed or removed in it)
    /// to disk.
    static func syncDirectory(_ path: String) throws(SpoolError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("cannot sync folder", path) }
        defer { close(descriptor) }
        if fsync(descriptor) != 0 { throw failure("cannot sync folder", path) }
    }

    /// Renames `source` to `target` atomically; an existing `target` is replaced.
    static func move(_ source: String, to target: String) throws(SpoolError) {
        if rename(source, target) != 0 { throw failure("cannot move \(source) to", target) }
    }

    /// Whether anything exists at `path`. Only "no such file" counts as
    /// absent: the protocol concludes from an absent file that it was
    /// renamed, so a folder it cannot search must be an error instead.
    static func exists(_ path: String) throws(SpoolError) -> Bool {
        var info = stat()
        if lstat(path, &info) == 0 { return true }
        if errno == ENOENT { return false }
        throw failure("cannot look for", path)
    }

    /// The bytes of a file the spool wrote itself (an article in `tmp/`).
    static func contents(of path: String) throws(SpoolError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("cannot open", path) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { throw failure("cannot read", path) }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// Removes the file at `path`; a missing file is no error.
    static func remove(_ path: String) throws(SpoolError) {
        if unlink(path) != 0 && errno != ENOENT { throw failure("cannot remove", path) }
    }

    /// The names in a folder, without `.` and `..`.
    static func names(in path: String) throws(SpoolError) -> [String] {
        guard let directory = opendir(path) else { throw failure("cannot read folder", path) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Opens (creating) `path` and takes an exclusive `flock` on it, so that
    /// two processes never share one state folder. The lock lasts until
    /// `unlock` or the process's death, `kill -9` included.
    /// - Returns: The descriptor holding the lock.
    static func lockExclusively(_ path: String) throws(SpoolError) -> Int32 {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw failure("cannot open lock file", path) }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let busy = errno == EWOULDBLOCK
            let error = failure("cannot lock", path)
            close(descriptor)
            if busy {
                throw SpoolError(operation: "cannot lock", path: path,
                                 reason: "held by another feedspool process (is `feedspool run` running?)")
            }
            throw error
        }
        return descriptor
    }

    /// Releases a lock taken by `lockExclusively`.
    static func unlock(_ descriptor: Int32) {
        close(descriptor)
    }

    /// An error for the call that just failed, with `errno`'s message.
    private static func failure(_ operation: String, _ path: String) -> SpoolError {
        SpoolError(operation: operation, path: path, reason: String(cString: strerror(errno)))
    }
}
