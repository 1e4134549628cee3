import Foundation
import TestSupport
import Testing

/// Runs the `feedspool` binary that `swift build` put beside the test bundle,
/// the way a user's shell script would, and captures what it prints.
struct CommandRunner {
    /// What one run printed and how it ended.
    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutData: Data

        /// Standard error split into lines, without the empty last one.
        var stderrLines: [Substring] { stderr.split(separator: "\n") }
    }

    /// The built binary: the test bundle lives in the same build folder.
    static let binary: URL = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // On Linux the runner is `.build/debug/feedspoolPackageTests.xctest`.
        while !FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("feedspool").path),
              folder.path != "/"
        {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("feedspool")
    }()

    /// Runs `feedspool` (or `executable`) with `arguments`, feeding `stdin`
    /// to it; `environment` adds to the test's own environment. With
    /// `mergingErrors`, standard error goes into the standard output pipe, as
    /// `2>&1` does, and `stderr` stays empty. With `journal`,
    /// `$JOURNAL_STREAM` names the standard error pipe, as systemd names the
    /// stream it connected to the journal. Waits on a thread of its own, so
    /// other tests run on the test pool meanwhile.
    static func run(
        _ arguments: [String], stdin: Data = Data(), in directory: URL? = nil,
        environment: [String: String] = [:], executable: URL? = nil, mergingErrors: Bool = false,
        journal: Bool = false
    ) async throws -> Result {
        try await onOwnThread {
            try runWaiting(arguments, stdin: stdin, in: directory, environment: environment, executable: executable,
                           mergingErrors: mergingErrors, journal: journal)
        }
    }

    /// `run`, waiting on the calling thread: for a trait's condition, which
    /// cannot await.
    static func runWaiting(
        _ arguments: [String], stdin: Data = Data(), in directory: URL? = nil, environment: [String: String] = [:],
        executable: URL? = nil, mergingErrors: Bool = false, journal: Bool = false
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let input = ChildProcess.pipe(), output = ChildProcess.pipe()
        let errors: Pipe? = mergingErrors ? nil : ChildProcess.pipe()
        var environment = environment
        if journal {
            environment["JOURNAL_STREAM"] = streamIdentity(of: (errors ?? output).fileHandleForWriting.fileDescriptor)
        }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors ?? output
        let child = try ChildProcess(process)
        input.fileHandleForWriting.write(stdin)
        try input.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a large output cannot
        // fill a pipe and stall the child.
        // Standard error on a thread of its own: Dispatch's global queue
        // is a few threads wide, which many tests' runs at once would fill.
        let errorsRead = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var errorData = Data()
        if let errors {
            Thread {
                errorData = errors.fileHandleForReading.readDataToEndOfFile()
                errorsRead.signal()
            }.start()
        } else {
            errorsRead.signal()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        errorsRead.wait()
        return Result(
            status: child.waitForEnd().status,
            stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData, as: UTF8.self),
            stdoutData: outputData)
    }
}

/// A temporary folder for one test, removed when the test ends.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("feedspool-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `contents` to `name` inside the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ contents: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(contents.utf8).write(to: file)
        return file.path
    }
}

/// A `feedspool` command started in the background with its output
/// discarded, for a test that kills it part-way and checks how it ended.
func backgroundCommand(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws
    -> ChildProcess
{
    let process = Process()
    process.executableURL = CommandRunner.binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    return try ChildProcess(process)
}
