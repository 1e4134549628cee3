import Foundation
import State

/// A temporary state folder for one test, removed when the test ends.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("feedspool-state-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// A fresh state store inside the folder.
    func open() throws -> StateStore {
        try StateStore.open(folder: path + "/state")
    }
}
