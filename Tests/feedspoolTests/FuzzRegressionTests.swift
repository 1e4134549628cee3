import Foundation
import Testing

/// Every input a fuzzer ever found a problem with (`scripts/fuzz` keeps them
/// under Tests/FuzzRegressions/TARGET/) runs through its target again, and the
/// replay must end normally: no crash, no trap, no hang.
@Suite struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("FuzzRegressions")
    static let replayer = CommandRunner.binary.deletingLastPathComponent().appendingPathComponent("feedspool-fuzz")

    static var targets: [String] { ["parse", "clean", "dates", "config", "headers"] }

    @Test(arguments: targets)
    func everyFindingReplaysWithoutACrash(target: String) async throws {
        let inputs = (try? FileManager.default.contentsOfDirectory(atPath: Self.folder.appendingPathComponent(target).path)) ?? []
        let paths = inputs.sorted().map { Self.folder.appendingPathComponent(target).appendingPathComponent($0).path }
        // With no finding kept yet, the replayer still runs the target once
        // on a hostile document of its own, so the test exercises it.
        let sample = try TemporaryFolder()
        let hostile = try sample.write("hostile", String(repeating: "<a title='x'>", count: 5000) + "&#0;\u{1}]]>")
        let result = try await CommandRunner.run([target, hostile] + paths, executable: Self.replayer)
        #expect(result.status == 0, "\(target): \(result.stderr)")
    }

    @Test func theReplayerRefusesAnUnknownTarget() async throws {
        let result = try await CommandRunner.run(["nothing"], executable: Self.replayer)
        #expect(result.status == 2)
    }
}
