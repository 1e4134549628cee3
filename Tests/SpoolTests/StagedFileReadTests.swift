import Foundation
@testable import Spool
import State
import Testing

/// How the spool reads back the article files it staged in `tmp/` (a stream sink adds them from there).
@Suite("Reading staged files")
struct StagedFileReadTests {
    @Test func aFileOfManyReadChunksIsReadWholeWithoutALimit() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/article.json"
        // Over three of the reader's 64 KiB chunks, and not a multiple of one.
        let bytes = (0..<200_003).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try FileSystem.contents(of: path) == bytes)
    }

    @Test func anEmptyFileReadsAsNoBytes() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/empty.json"
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        #expect(try FileSystem.contents(of: path) == [])
    }

    @Test func aMissingFileIsAnErrorNamingIt() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/gone.json"
        let error = #expect(throws: StorageError.self) { try FileSystem.contents(of: path) }
        #expect(error?.description == "cannot read \(path): No such file or directory")
    }

    @Test func aFIFOInPlaceOfAFileIsRefusedAtOnce() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/fifo.json"
        #expect(mkfifo(path, 0o600) == 0)
        // Without a writer, opening or reading it would wait for good.
        let error = #expect(throws: StorageError.self) { try FileSystem.contents(of: path) }
        #expect(error?.description == "cannot read \(path): not a regular file")
    }
}
