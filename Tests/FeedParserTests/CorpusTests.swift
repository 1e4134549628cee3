import Foundation
import Testing
@testable import FeedParser

/// Where the shared sample feeds are: `<repository>/../shared/data/feeds`,
/// found from this source file so the tests run from any directory.
enum SharedCorpus {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("../../../shared/data/feeds")
        .standardizedFileURL

    static var exists: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Every file of the corpus, as `collection/name`.
    static var allFiles: [String] {
        guard exists else { return [] }
        return ["newsboat", "miniflux"].flatMap { collection in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(collection).path)) ?? [])
                .sorted()
                .map { "\(collection)/\($0)" }
        }
    }
}

/// The shared sample feeds from newsboat's and miniflux's test data, kept
/// beside the repository in `../shared/data/feeds`. Every file must give a
/// feed or a clear one-line error; several are checked field by field,
/// with expectations taken from the formats' specifications.
@Suite(.enabled(if: SharedCorpus.exists, "../shared/data/feeds not found: corpus tests skipped"))
struct CorpusTests {
    private func bytes(_ file: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: SharedCorpus.folder.appendingPathComponent(file)))
    }

    private func feed(_ file: String) throws -> Feed {
        try FeedParser().parse(bytes(file))
    }

    // MARK: - Every file

    @Test func corpusHasBothCollections() {
        #expect(SharedCorpus.allFiles.filter { $0.hasPrefix("newsboat/") }.count >= 10)
        #expect(SharedCorpus.allFiles.filter { $0.hasPrefix("miniflux/") }.count >= 10)
    }

    @Test(.timeLimit(.minutes(1)), arguments: SharedCorpus.allFiles)
    func everyFileGivesAFeedOrAClearError(file: String) throws {
        let bytes = try bytes(file)
        let result = Result { () throws(FeedParseError) in try FeedParser().parse(bytes) }
        switch result {
        case .success(let feed):
            for warning in feed.warnings {
                #expect(!warning.isEmpty && !warning.contains("\n"), "warning is not one line: \(warning)")
            }
            _ = try JSONSerialization.jsonObject(with: Data(feed.contractJSON()))
        case .failure(let error):
            let message = error.description
            #expect(message.hasPrefix("not a feed: ") || message.hasPrefix("not parsed: "))
            #expect(!message.contains("\n"), "error is not one line: \(message)")
        }
    }

    // MARK: - newsboat

    @Test func newsboatEmptyFileIsEmpty() throws {
        #expect(parseError(try bytes("newsboat/empty.xml")) == .empty)
    }

    @Test func newsboatAtomChoosesTheAlternateLinkWhereverItIs() throws {
        let feed = try feed("newsboat/atom10_1.xml")
        #expect(feed.format == .atom10)
        #expect(feed.title == "test atom")
        #expect(feed.subtitle == "atom description!")
        #expect(feed.link == "http://example.com/")
        #expect(feed.language == "en")
        #expect(printed(feed.updated) == "2008-12-30T18:26:15Z")
        #expect(feed.entries.map(\.title) == ["A gentle introduction to Atom testing", "A missing rel attribute", "alternate link isn't first"])
        #expect(feed.entries.map(\.link) == Array(repeating: "http://example.com/atom_testing.html", count: 3))
        #expect(feed.entries[2].authors == ["Person A", "Person B"])
        #expect(printed(feed.entries[1].published) == "2008-12-30T20:14:15Z")
        #expect(feed.entries[0].content == "some content")
    }

    @Test func newsboatAtomFeedAuthorsApplyOnlyToEntriesWithoutAuthors() throws {
        let feed = try feed("newsboat/atom10_feed_authors.xml")
        #expect(feed.entries.count == 9)
        let feedAuthors = ["First Feed Author", "Second Feed Author"]
        #expect(feed.entries[0].authors == feedAuthors)
        #expect(feed.entries[1].authors == ["Entry Author"])
        #expect(feed.entries[2].authors == ["Entry Author 1", "Entry Author 2"])
        #expect(feed.entries[3].authors == feedAuthors)
        #expect(feed.entries[7].authors == ["Entry Author"])
        #expect(feed.entries[8].authors == ["Entry Author 1", "Entry Author 2"])
        #expect(printed(feed.updated) == "2022-11-28T13:01:25Z")
    }

    @Test func newsboatAtomPrefersTheHTMLAlternateOverGeminiAndGopher() throws {
        let feed = try feed("newsboat/multiple_item_links.atom")
        #expect(feed.title == "Test")
        #expect(feed.link == "http://www.test.org/")
        #expect(feed.entries.count == 1)
        #expect(feed.entries[0].link == "http://www.test.org/tests")
        #expect(feed.entries[0].authors == ["Tester"])
    }

    @Test func newsboatAtomItemsWithoutTitlesKeepTheirLinks() throws {
        let feed = try feed("newsboat/items_without_titles.xml")
        #expect(feed.entries.count == 5)
        #expect(feed.entries.allSatisfy { $0.title == nil })
        #expect(feed.entries[2].link == "http://example.com/alternate-link-isnt-first.aspx")
        #expect(feed.entries[4].link == "http://example.com/alternate-link-isn%27t-first.aspx")
    }

    @Test func newsboatBloggerFeedIsRead() throws {
        let feed = try feed("newsboat/rss.xml")
        #expect(feed.format == .rss20)
        #expect(feed.title == "AK's moblog")
        #expect(feed.link == "http://aksmoblog.blogspot.com")
        #expect(printed(feed.updated) == "2006-09-03T21:34:11Z")
        #expect(feed.entries.count == 8)
        let first = feed.entries[0]
        #expect(first.guid == "http://www.blogger.com/feeds/33750310/posts/full/116665092831467603")
        #expect(first.title == "Teh Saxxi")
        #expect(first.link == "http://aksmoblog.blogspot.com/2006/12/teh-saxxi.html")
        #expect(first.authors == ["ak"])
        #expect(printed(first.published) == "2006-12-20T21:42:06Z")
        #expect(first.summary?.hasPrefix("<div xmlns=\"http://www.w3.org/1999/xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><a href=") == true)
    }

    @Test func newsboatRSS091EscapedTextIsDecodedOnce() throws {
        let feed = try feed("newsboat/rss091_1.xml")
        #expect(feed.format == .rss09x)
        #expect(feed.title == "Example Channel")
        #expect(feed.language == "en")
        #expect(feed.entries.count == 1)
        #expect(feed.entries[0].title == "1 < 2")
        #expect(feed.entries[0].summary
            == "1 < 2, 3 < 4.\nIn HTML, <b> starts a bold phrase\nand you start a link with <a href=")
    }

    @Test func newsboatRSS092ResolvesRelativeLinksAgainstXMLBase() throws {
        let feed = try feed("newsboat/rss092_1.xml")
        #expect(feed.entries.map(\.title) == ["1 < 2", "A second item", "A third item"])
        #expect(feed.entries[2].link == "http://example.com/a_third_item.html")
    }

    @Test func newsboatRSS10ImageTitleDoesNotReplaceTheChannelTitle() throws {
        let feed = try feed("newsboat/rss10_1.xml")
        #expect(feed.format == .rss10)
        #expect(feed.title == "Example Dot Org")
        #expect(feed.entries.count == 1)
        #expect(feed.entries[0].guid == "http://www.example.org/status/")
        #expect(feed.entries[0].link == "http://www.example.org/status/foo")
        #expect(printed(feed.entries[0].published) == "2008-12-30T07:20:00Z")
    }

    @Test func newsboatRSS20ItemIsRead() throws {
        let feed = try feed("newsboat/rss20_1.xml")
        #expect(feed.title == "my weblog")
        #expect(feed.entries.count == 1)
        let entry = feed.entries[0]
        #expect(entry.authors == ["Andreas Krennmair"])
        #expect(entry.content == "oh well, this is the content.")
        #expect(entry.link == "http://example.com/blog/this_is_an_item.html")
        #expect(printed(entry.published) == "2008-12-12T01:36:10Z")
    }

    @Test func newsboatMediaContentBecomesEnclosures() throws {
        let feed = try feed("newsboat/rss20_2.xml")
        #expect(feed.entries.count == 3)
        #expect(feed.entries[2].enclosures == [
            Enclosure(url: "http://example.com/media-test.png", type: "image/png"),
            Enclosure(url: "http://example.com/movie.mov", type: "video/quicktime"),
        ])
        #expect(feed.entries[0].enclosures == [])
    }

    @Test(arguments: ["rss_091_with_bracket_author.xml", "rss_092_with_bracket_author.xml", "rss_094_with_bracket_author.xml"])
    func newsboatAuthorsWithBracketsKeepEverythingButAnEmailsName(file: String) throws {
        let feed = try feed("newsboat/\(file)")
        #expect(feed.format == .rss09x)
        #expect(feed.entries.map(\.authors) == [["Author name)"], ["Author"], ["Author (name)"]])
    }

    @Test(arguments: ["rss_091_with_empty_author.xml", "rss_092_with_empty_author.xml", "rss_094_with_empty_author.xml"])
    func newsboatEmptyAuthorsGiveNoAuthors(file: String) throws {
        let feed = try feed("newsboat/\(file)")
        #expect(feed.entries.count == 2)
        #expect(feed.entries.allSatisfy { $0.authors.isEmpty })
    }

    // MARK: - miniflux

    @Test func minifluxLargeAtomFeedIsRead() throws {
        let feed = try feed("miniflux/parser-large_atom.xml")
        #expect(feed.format == .atom10)
        #expect(feed.title == "Artificial truth")
        #expect(feed.link == "https://dustri.org/b/")
        #expect(feed.entries.count == 25)
        #expect(feed.entries[0].title == "Using vale with vim")
        #expect(feed.entries[0].link == "https://dustri.org/b/using-vale-with-vim.html")
        #expect(feed.entries[0].authors == ["jvoisin"])
        #expect(printed(feed.entries[0].published) == "2024-03-10T16:15:00Z")
    }

    @Test func minifluxLargeRSSFeedIsRead() throws {
        let feed = try feed("miniflux/parser-large_rss.xml")
        #expect(feed.format == .rss20)
        #expect(feed.title == "Artificial truth")
        #expect(feed.entries.count == 25)
        #expect(feed.entries[1].title == "Carrot disclosure")
    }

    @Test func minifluxGitHubCommitsFeedTrimsItsTitles() throws {
        let feed = try feed("miniflux/parser-small_atom.xml")
        #expect(feed.title == "Recent Commits to v2:main")
        #expect(feed.link == "https://github.com/miniflux/v2/commits/main")
        #expect(feed.language == "en-US")
        #expect(feed.entries.count == 20)
        #expect(feed.entries[0].title == "Parse podcast categories")
        #expect(feed.entries[0].authors == ["fguillot"])
        #expect(feed.entries[0].content == "<pre style='white-space:pre-wrap;width:81ex'>Parse podcast categories</pre>")
    }

    @Test func minifluxHeiseFeedIsRSS090() throws {
        let feed = try feed("miniflux/parser-rdf_UTF8.xml")
        #expect(feed.format == .rss09x)
        #expect(feed.title == "heise online News")
        #expect(feed.entries.count == 60)
        #expect(feed.entries[1].title == "Mega-Deal: IBM übernimmt Red Hat")
    }

    @Test func minifluxUrduFeedIsRead() throws {
        let feed = try feed("miniflux/parser-urdu_UTF8.xml")
        #expect(feed.language == "ur")
        #expect(feed.link == "http://www.bbcurdu.com")
        #expect(feed.entries.count == 26)
        #expect(feed.entries[0].link == "http://www.bbc.com/urdu/pakistan-42575603")
    }

    @Test func minifluxGolemAndBashFeedsKeepEveryItem() throws {
        let golem = try feed("miniflux/parser-encoding_ISO-8859-1.xml")
        #expect(golem.title == "Golem.de")
        #expect(golem.entries.count == 40)
        let bash = try feed("miniflux/parser-encoding_WINDOWS-1251.xml")
        #expect(bash.title == "iBash.Org.Ru")
        #expect(bash.entries.count == 50)
    }

    @Test func minifluxLegacyCharsetFeedsAreDecodedExactlyOnce() throws {
        let golem = try feed("miniflux/parser-encoding_ISO-8859-1.xml")
        #expect(golem.entries.first?.summary?.hasPrefix("Viele Spieler w\u{FC}nschen sich eine PC-Version") == true)
        let bash = try feed("miniflux/parser-encoding_WINDOWS-1251.xml")
        #expect(bash.subtitle == "\u{41D}\u{43E}\u{432}\u{44B}\u{439} \u{446}\u{438}\u{442}\u{430}\u{442}\u{43D}\u{438}\u{43A} \u{420}\u{443}\u{43D}\u{435}\u{442}\u{430}")
        #expect(bash.warnings.isEmpty)
    }

    @Test func minifluxNoteDocumentIsNoFeed() throws {
        #expect(parseError(try bytes("miniflux/xml-iso88591.xml")) == .notAFeed(rootElement: "note"))
    }
}
