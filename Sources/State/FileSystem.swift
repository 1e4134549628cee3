#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file-system calls the state store and the spool share.
/// Each is a plain POSIX call whose failure becomes a `StorageError` naming the path.
/// The spool adds its own (writes, syncs, renames) in an extension.
package enum FileSystem {
    /// Creates `path` and any missing parents (like `mkdir -p`).
    ///
    /// `path` itself gets `mode` (less the umask), the parents 0777.
    package static func makeDirectories(_ path: String, mode: mode_t = 0o777) throws(StorageError) {
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
            throw StorageError(operation: "cannot create folder", path: path, reason: "a file of that name exists")
        }
    }

    /// Whether anything exists at `path`; only "no such file" counts as absent.
    ///
    /// The spool's protocol concludes from an absent file that it was renamed, so a folder it
    /// cannot search must be an error instead.
    package static func exists(_ path: String) throws(StorageError) -> Bool {
        var info = stat()
        if lstat(path, &info) == 0 { return true }
        if errno == ENOENT { return false }
        throw failure("cannot look for", path)
    }

    /// Opens (creating) `path` and takes an exclusive `flock` on it.
    ///
    /// It keeps two processes from sharing one state folder. The lock lasts until `unlock` or the
    /// process's death, `kill -9` included.
    /// - Returns: The descriptor holding the lock.
    package static func lockExclusively(_ path: String) throws(StorageError) -> Int32 {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw failure("cannot open lock file", path) }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let busy = errno == EWOULDBLOCK
            let error = failure("cannot lock", path)
            close(descriptor)
            if busy {
                throw StorageError(operation: "cannot lock", path: path,
                                 reason: "held by another feedspool process (is `feedspool run` running?)")
            }
            throw error
        }
        return descriptor
    }

    /// Releases a lock taken by `lockExclusively`.
    package static func unlock(_ descriptor: Int32) {
        close(descriptor)
    }

    /// An error for the call that just failed, with `errno`'s message.
    package static func failure(_ operation: String, _ path: String) -> StorageError {
        StorageError(operation: operation, path: path, reason: String(cString: strerror(errno)))
    }
}
