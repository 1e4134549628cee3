import Foundation
import Testing

/// Runs the `feedspool` binary that `swift build` put beside the test bundle,
/// the way a user's shell script would, and captures what it prints.
struct CommandRunner {
    /// What one run printed and how it ended.
    struct Result {
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
    /// stream it connected to the journal.
    static func run(
        _ arguments: [String], stdin: Data = Data(), in directory: URL? = nil,
        environment: [String: String] = [:], executable: URL? = nil, mergingErrors: Bool = false,
        journal: Bool = false
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let input = Pipe(), output = Pipe(), errors: Pipe? = mergingErrors ? nil : Pipe()
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
        try process.run()
        input.fileHandleForWriting.write(stdin)
        try input.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a large output cannot
        // fill a pipe and stall the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errorData = Data()
        if let errors {
            group.enter()
            DispatchQueue.global().async {
                errorData = errors.fileHandleForReading.readDataToEndOfFile()
                group.leave()
            }
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
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
