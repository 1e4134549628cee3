import State

/// A downloaded enclosure saved beside the spool (`enclosures = DIR`).
///
/// The file appears whole under its name, and is durable before the
/// article that names it is delivered.
public enum EnclosureFile {
    /// Writes `bytes` to `folder/name`, creating `folder`.
    ///
    /// It writes into a hidden `.name.part` first, synced, then renamed, so a consumer never sees
    /// half a file and a crash leaves at most a `.part` file that the next download of it replaces.
    /// - Throws: `StorageError` naming the path that failed.
    public static func write(_ bytes: [UInt8], folder: String, name: String) throws(StorageError) {
        try FileSystem.makeDirectories(folder)
        let part = folder + "/." + name + ".part"
        try FileSystem.writeAllSynced([(part, bytes)], onFileSystemOf: folder) {}
        try FileSystem.move(part, to: folder + "/" + name)
        try FileSystem.syncDirectory(folder)
    }

    /// Whether `folder/name` exists already (an earlier delivery of the same entry downloaded it).
    public static func exists(folder: String, name: String) throws(StorageError) -> Bool {
        try FileSystem.exists(folder + "/" + name)
    }
}
