import Cleaner
import FeedParser
import Foundation
import Spool
import State
import Testing

/// The article file is a contract scripts rely on: every key, in this
/// order, `null` when absent.
@Suite("Article JSON contract")
struct ArticleJSONTests {
    static let fetched = Date(timeIntervalSince1970: 1_732_970_096)

    @Test func aCleanedArticleIsOneLineWithWhatWasRemovedAsInTheSpool() {
        let article = CleanArticle(title: "T", text: "Long.", html: "<p>Long.</p>", source: nil,
                                   removed: [Removal(what: "share bar (class \"share\")", chars: 12, text: "Share on X")])
        var writer = JSONWriter()
        article.writeJSONLine(to: &writer)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == """
            {"title":"T","text":"Long.","html":"<p>Long.</p>","source":null,"removed":[{"what":"share bar (class \\"share\\")",\
            "chars":12,"rule":"share-bar","text":"Share on X"}]}

            """)
    }

    @Test func fullArticleIsWrittenInContractOrder() {
        let entry = Entry(
            guid: "urn:post:1", title: "Backups \"failed\"", link: "https://blog.example.org/1",
            authors: ["Ann"], published: Date(timeIntervalSince1970: 1_732_960_000), updated: nil,
            categories: ["ops", "backup"], summary: "<p>Short.</p>", content: "<p>Long.</p>",
            enclosures: [Enclosure(url: "https://blog.example.org/1.mp3", type: "audio/mpeg", length: 42)])
        let fresh = NewEntry(entry: entry, key: "urn:post:1", kind: .new, fingerprint: "0011223344556677")
        let body = CleanArticle(title: nil, text: "Long.", html: "<p>Long.</p>", source: "Original Source: example.com",
                                removed: [Removal(what: "share bar (class \"share\")", chars: 12, text: "Share on X")])
        let summary = CleanArticle(title: nil, text: "Short.", html: "<p>Short.</p>", source: nil, removed: [])
        let article = SpoolArticle(feed: blog, newEntry: fresh, body: body, summary: summary, fetched: Self.fetched)
        let expected = """
            {"schema":1,"id":"21063715de3183b07526894d62d6e72870140838067b9203d33cd5052c5ad022","kind":"new",\
            "feed":{"name":"blog","url":"https://blog.example.org/feed.xml","title":"The Blog",\
            "link":"https://blog.example.org/","tags":["tech"]},\
            "guid":"urn:post:1","title":"Backups \\"failed\\"","link":"https://blog.example.org/1",\
            "authors":["Ann"],"published":"2024-11-30T09:46:40Z","updated":null,"categories":["ops","backup"],\
            "enclosures":[{"url":"https://blog.example.org/1.mp3","type":"audio/mpeg","length":42}],"podcast":null,\
            "source":"Original Source: example.com","content_html":"<p>Long.</p>","content_text":"Long.",\
            "summary_text":"Short.",\
            "removed":[{"what":"share bar (class \\"share\\")","chars":12,"rule":"share-bar","text":"Share on X"}],\
            "fetched":"2024-11-30T12:34:56Z"}

            """
        #expect(String(decoding: article.jsonBytes(), as: UTF8.self) == expected)
    }

    @Test func emptyArticleHasEveryKeyAsNullOrEmpty() throws {
        let fresh = NewEntry(entry: Entry(), key: "sha256:00", kind: .update, fingerprint: "0")
        let article = SpoolArticle(feed: FeedInfo(name: "bare", url: "https://bare.example/feed"),
                                   newEntry: fresh, body: nil, summary: nil, fetched: Self.fetched)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(article.jsonBytes())) as? [String: Any])
        let keys = ["schema", "id", "kind", "feed", "guid", "title", "link", "authors", "published", "updated",
                    "categories", "enclosures", "podcast", "source", "content_html", "content_text", "summary_text",
                    "removed", "fetched"]
        #expect(Set(object.keys) == Set(keys))
        #expect(Self.topLevelKeys(article.jsonBytes()) == keys)
        for key in ["guid", "title", "link", "published", "updated", "source", "content_html", "content_text", "summary_text"] {
            #expect(object[key] is NSNull, "\(key) should be null")
        }
        #expect(object["kind"] as? String == "update")
        let feed = try #require(object["feed"] as? [String: Any])
        #expect(feed["title"] is NSNull && feed["link"] is NSNull)
        #expect((feed["tags"] as? [Any])?.isEmpty == true)
    }

    @Test func deliveredFileIsTheArticleJSON() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        try poll([post(1)], state: state, spool: spool)
        let documents = try documents(in: spool.newFolder)
        #expect(documents.count == 1)
        #expect(documents.first?["id"] as? String == EntryKeys.articleID(feed: "blog", key: "urn:post:1"))
        #expect(documents.first?["schema"] as? Int == 1)
    }

    /// The keys of the outer object, in the order written.
    static func topLevelKeys(_ bytes: [UInt8]) -> [String] {
        var keys: [String] = []
        var depth = 0, index = 0, expectingKey = false
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                expectingKey = depth == 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
            case UInt8(ascii: ","):
                expectingKey = depth == 1
            case UInt8(ascii: "\""):
                var end = index + 1
                while bytes[end] != UInt8(ascii: "\"") { end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1 }
                if expectingKey { keys.append(String(decoding: bytes[(index + 1)..<end], as: UTF8.self)) }
                expectingKey = false
                index = end
            default:
                break
            }
            index += 1
        }
        return keys
    }
}
