import Cleaner
import FeedParser
import Foundation
import Spool
import Testing

/// `feedspool clean`'s work in-process: each form written as the cleaner gives it, in few pieces, and
/// a file that cannot be read named after what came before it.
@Suite struct CleanRunTests {
    static let article = """
        <article><p>The council approved the new cycle lanes on Tuesday, after a year of consultation.</p>
        <div class="share-buttons"><a href="https://twitter.com/share">Share on Twitter</a></div></article>
        """

    /// What a run handed over, in order: `out:` pieces and `err:` lines.
    final class Written {
        var events: [String] = []
        var pieces = 0

        func run(_ form: CleanRun.Form) -> CleanRun {
            CleanRun(form: form, baseURL: "https://example.org/news/", write: { bytes in
                self.pieces += 1
                self.events.append("out:" + String(decoding: bytes, as: UTF8.self))
            }, fail: { self.events.append("err:" + $0) })
        }

        /// Everything written to standard output, joined.
        var output: String { events.filter { $0.hasPrefix("out:") }.map { String($0.dropFirst(4)) }.joined() }
    }

    /// Writes `text` into a new file of `folder`, returning its path.
    static func file(_ text: String, named name: String, in folder: TemporaryFolder) throws -> String {
        let path = folder.path + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(arguments: CleanRun.Form.allCases)
    func eachFormWritesWhatTheCleanerGivesForEachFile(form: CleanRun.Form) throws {
        let folder = try TemporaryFolder()
        let files = [try Self.file(Self.article, named: "a.html", in: folder),
                     try Self.file("<p>Second <b>piece</b>.</p>", named: "b.html", in: folder)]
        let written = Written()
        #expect(written.run(form).clean(files))

        var expected = ""
        for (path, html) in zip(files, [Self.article, "<p>Second <b>piece</b>.</p>"]) {
            let article = Cleaner().clean(utf8: TextDecoding.utf8(from: Array(html.utf8)), baseURL: "https://example.org/news/")
            switch form {
            case .text: expected += String(decoding: article.textUTF8, as: UTF8.self) + "\n"
            case .html: expected += String(decoding: article.htmlUTF8, as: UTF8.self) + "\n"
            case .explain: expected += article.removalReport(file: path)
            case .json:
                var json = JSONWriter()
                article.writeJSONLine(to: &json)
                expected += String(decoding: json.bytes, as: UTF8.self)
            }
        }
        #expect(written.output == expected)
        #expect(!expected.isEmpty)
        #expect(written.pieces == 1)
    }

    @Test func oneFileIsExplainedWithoutItsName() throws {
        let folder = try TemporaryFolder()
        let written = Written()
        #expect(written.run(.explain).clean([try Self.file(Self.article, named: "a.html", in: folder)]))
        #expect(written.output == Cleaner().clean(utf8: TextDecoding.utf8(from: Array(Self.article.utf8)), baseURL: "https://example.org/news/").removalReport())
    }

    @Test func aFileThatCannotBeReadIsNamedAfterTheArticlesBeforeItAndTheRestAreStillCleaned() throws {
        let folder = try TemporaryFolder()
        let first = try Self.file("<p>First.</p>", named: "first.html", in: folder)
        let last = try Self.file("<p>Last.</p>", named: "last.html", in: folder)
        let missing = folder.path + "/missing.html"
        let written = Written()
        #expect(!written.run(.text).clean([first, missing, last]))
        #expect(written.events == ["out:First.\n", "err:\(missing): cannot read: No such file or directory", "out:Last.\n"])
    }

    @Test func hundredsOfFragmentsAreWrittenInAFewLargePieces() throws {
        let folder = try TemporaryFolder()
        let paragraph = "<p>" + String(repeating: "A sentence of the article body. ", count: 10) + "</p>"
        let files = try (0..<400).map { try Self.file(paragraph, named: "\($0).html", in: folder) }
        let written = Written()
        #expect(written.run(.json).clean(files))
        #expect(written.output.split(separator: "\n").count == 400)
        #expect(written.pieces < 10)
    }

    @Test func theListNamesOnePathALineAndAListThatCannotBeReadThrows() throws {
        let folder = try TemporaryFolder()
        let list = try Self.file("a.html\nb c.html\n\nd.html\n", named: "list", in: folder)
        #expect(try CleanRun.listedFiles(in: list) == ["a.html", "b c.html", "d.html"])
        #expect(throws: (any Error).self) { try CleanRun.listedFiles(in: folder.path + "/absent") }
    }
}
