#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import InputFiles
import State

/// Claiming articles the way a consumer does, for feedspool's own `exec` hooks.
///
/// A rename from `new/` to `cur/`, back to `new/` when the command
/// failed, a removal when it succeeded.
extension Spool {
    /// The names of the article files waiting in `new/`, sorted (by delivery time).
    public func waitingFiles() throws(StorageError) -> [String] {
        try FileSystem.names(in: newFolder).filter { $0.hasSuffix(".json") }.sorted()
    }

    /// Moves `name` from `new/` to `cur/`.
    /// - Returns: false when it was not in `new/` (a consumer claimed it first).
    public func claim(_ name: String) throws(StorageError) -> Bool {
        try move(name, from: newFolder, to: claimedFolder)
    }

    /// Moves `name` from `cur/` back to `new/`.
    /// - Returns: false when it was not in `cur/`.
    public func unclaim(_ name: String) throws(StorageError) -> Bool {
        try move(name, from: claimedFolder, to: newFolder)
    }

    /// Removes `name` from `cur/`; a file already gone is no error.
    public func removeClaimed(_ name: String) throws(StorageError) {
        try FileSystem.remove(claimedFolder + "/" + name)
    }

    /// The article id and feed name an article file in `new/` starts with; nil for a file that is not one.
    /// Read from its first bytes (the keys come in contract order, docs/spool.md).
    public func articleHead(_ name: String) -> (id: String, feed: String)? {
        guard let bytes = BoundedReader.head(newFolder + "/" + name, count: 1024) else { return nil }
        let head = String(decoding: bytes, as: UTF8.self)
        // Ids are hex and feed names letters, digits, ".", "_" and "-": no escapes.
        guard let id = Self.value(after: #"{"schema":1,"id":""#, in: head),
              let feed = Self.value(after: #","feed":{"name":""#, in: head) else { return nil }
        return (id, feed)
    }

    private static func value(after marker: String, in text: String) -> String? {
        guard let start = text.firstRange(of: marker)?.upperBound,
              let end = text[start...].firstIndex(of: "\"") else { return nil }
        return String(text[start..<end])
    }

    private func move(_ name: String, from source: String, to target: String) throws(StorageError) -> Bool {
        try makeFolders()
        if rename(source + "/" + name, target + "/" + name) == 0 { return true }
        if errno == ENOENT { return false }
        throw FileSystem.failure("cannot move \(source)/\(name) to", target)
    }
}
