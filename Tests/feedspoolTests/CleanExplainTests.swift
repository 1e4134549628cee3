import Foundation
import Testing

/// `feedspool clean --explain`, and the rule and text of each removal in
/// `--json`: what went, by which rule, and its words.
@Suite struct CleanExplainTests {
    static let fragment = """
        <p>Rotate the key, then reload.</p>
        <div class="sharedaddy sd-sharing-enabled"><h3>Share this:</h3><ul><li><a href="https://x.example/share">Share on X</a></li></ul></div>
        <img src="https://pixel.wp.com/g.gif?post=1" width="1" height="1">
        <p>The post Rotating keys appeared first on Night Shift Notes.</p>
        """

    @Test func explainPrintsEachRemovalWithItsRuleAndTextAndNothingElse() async throws {
        let result = try await CommandRunner.run(["clean", "--explain", "-"], stdin: Data(Self.fragment.utf8))
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == """
            tracking-pixel: tracking pixel (pixel.wp.com), 0 chars

            share-bar: share bar (class "sharedaddy"), 21 chars
                Share this: Share on X

            boundary-tail: tail: "The post … appeared first on …", 59 chars
                The post Rotating keys appeared first on Night Shift Notes.


            """)
    }

    @Test func explainNamesTheFileWhenThereAreSeveral() async throws {
        let folder = try TemporaryFolder()
        let first = try folder.write("first.html", Self.fragment)
        let second = try folder.write("second.html", "<p>Nothing to remove here, only prose.</p>")
        let result = try await CommandRunner.run(["clean", "--explain", first, second])
        #expect(result.status == 0)
        let headers = result.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }
        #expect(headers.map { $0.components(separatedBy: ": ").first ?? "" } == [first, first, first])
    }

    @Test func explainIsAnotherOutputForm() async throws {
        let result = try await CommandRunner.run(["clean", "--explain", "--json", "-"])
        #expect(result.status == 2)
    }

    @Test func jsonRemovalsNameTheirRuleAndTextAfterWhatAndChars() async throws {
        let result = try await CommandRunner.run(["clean", "--json", "-"], stdin: Data(Self.fragment.utf8))
        #expect(result.status == 0)
        #expect(result.stdout.contains("""
            {"what":"share bar (class \\"sharedaddy\\")","chars":21,"rule":"share-bar","text":"Share this: Share on X"}
            """))
        let object = try #require(JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        let removed = try #require(object["removed"] as? [[String: Any]])
        #expect(removed.compactMap { $0["rule"] as? String } == ["tracking-pixel", "share-bar", "boundary-tail"])
        #expect(removed.allSatisfy { Set($0.keys) == ["what", "chars", "rule", "text"] })
    }
}
