#if canImport(Glibc)
import CSyncFS
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import InputFiles
import State

/// The spool's own file-system calls: durable writes, folder syncs, renames, reads and removals.
/// The only file of the module that touches files or folders directly, so every
/// `fsync` the delivery protocol depends on is visible here.
extension FileSystem {
    /// Writes each file (replacing any file there) and makes them all durable before returning.
    ///
    /// It uses as few syncs as that allows: one `syncfs(2)` of `folder`'s file system after
    /// writing them all when it reports writeback errors (Linux 5.8 on) and there are several
    /// files, else an `fsync` per file. When `syncfs` fails, every file is written again and
    /// fsynced, the safe baseline. `syncfs` flushes whatever else is dirty on that file system
    /// too, which is why one call covers files written through descriptors already closed.
    /// - Parameter afterEach: Called after each file is written (for `CrashPoint`).
    static func writeAllSynced(_ files: [(path: String, bytes: [UInt8])], onFileSystemOf folder: String,
                               afterEach: () -> Void) throws(StorageError) {
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

    /// Whether `syncfs(2)` returns writeback errors, as it does from Linux 5.8 on.
    ///
    /// Before, it returned 0 even when writing a file back failed.
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

    /// Writes `bytes` to a new file at `path`, replacing any file there.
    ///
    /// With `sync` it flushes the file to disk before returning.
    private static func writeFile(_ bytes: [UInt8], to path: String, sync: Bool) throws(StorageError) {
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

    /// Flushes a folder's entries (files created, renamed or removed in it) to disk.
    static func syncDirectory(_ path: String) throws(StorageError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("cannot sync folder", path) }
        defer { close(descriptor) }
        if fsync(descriptor) != 0 { throw failure("cannot sync folder", path) }
    }

    /// Renames `source` to `target` atomically; an existing `target` is replaced.
    static func move(_ source: String, to target: String) throws(StorageError) {
        if rename(source, target) != 0 { throw failure("cannot move \(source) to", target) }
    }

    /// The bytes of a file the spool wrote itself (an article in `tmp/`), whatever its size.
    static func contents(of path: String) throws(StorageError) -> [UInt8] {
        do {
            return try BoundedReader.read(path, limit: .max, regularOnly: true)
        } catch {
            throw StorageError(operation: "cannot read", path: path, reason: error.description)
        }
    }

    /// Removes the file at `path`; a missing file is no error.
    static func remove(_ path: String) throws(StorageError) {
        if unlink(path) != 0 && errno != ENOENT { throw failure("cannot remove", path) }
    }

    /// The names in a folder, without `.` and `..`.
    static func names(in path: String) throws(StorageError) -> [String] {
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
}
