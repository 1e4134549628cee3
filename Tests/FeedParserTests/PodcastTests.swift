import Foundation
import Testing
@testable import FeedParser

/// The Podcasting 2.0 namespace: `podcast:transcript`, `podcast:chapters`
/// and `podcast:person`, read by namespace URI, printed as the entry's
/// `podcast` object.
@Suite struct PodcastTests {
    private func episodes(channel: String = "", items: String, prefix: String = "podcast",
                          uri: String = "https://podcastindex.org/namespace/1.0") throws -> Feed {
        try parse("""
            <rss version="2.0" xmlns:\(prefix)="\(uri)"><channel><title>Show</title>
            <language>en-gb</language>\(channel)\(items)</channel></rss>
            """, baseURL: "https://show.example.fm/feed.xml")
    }

    @Test func transcriptsAreReadInOrderWithTypeAndLanguage() throws {
        let feed = try episodes(items: """
            <item><title>One</title>
            <podcast:transcript url="/1/transcript.vtt" type="text/VTT" rel="captions"/>
            <podcast:transcript url="https://cdn.example.fm/1.json" type="application/json" language="es"/>
            <podcast:transcript type="text/html"/>
            </item>
            """)
        #expect(feed.entries[0].podcast?.transcripts == [
            PodcastTranscript(url: "https://show.example.fm/1/transcript.vtt", type: "text/vtt", language: "en-gb"),
            PodcastTranscript(url: "https://cdn.example.fm/1.json", type: "application/json", language: "es"),
        ])
    }

    @Test func chaptersAreTheFirstWithAURL() throws {
        let feed = try episodes(items: """
            <item><podcast:chapters type="application/json+chapters"/>\
            <podcast:chapters url="ch/1.json" type="application/json+chapters"/>\
            <podcast:chapters url="ch/other.json" type="application/json+chapters"/></item>
            """)
        #expect(feed.entries[0].podcast?.chapters
            == PodcastChapters(url: "https://show.example.fm/ch/1.json", type: "application/json+chapters"))
        #expect(feed.entries[0].podcast?.transcripts == [])
    }

    @Test func personsHaveARoleHostByDefaultAndAnAbsoluteHref() throws {
        let feed = try episodes(items: """
            <item><podcast:person href="/people/ada" img="a.jpg">  Ada   Lovelace </podcast:person>\
            <podcast:person role="Guest">Charles Babbage</podcast:person>\
            <podcast:person role="guest"> </podcast:person></item>
            """)
        #expect(feed.entries[0].podcast?.persons == [
            PodcastPerson(name: "Ada Lovelace", role: "host", href: "https://show.example.fm/people/ada"),
            PodcastPerson(name: "Charles Babbage", role: "guest"),
        ])
    }

    @Test func itemPersonsWhollyReplaceTheChannelsAndOthersInheritThem() throws {
        let feed = try episodes(
            channel: "<podcast:person>Terry Scott</podcast:person><podcast:person>June Whitfield</podcast:person>",
            items: """
                <item><title>Usual</title></item>
                <item><title>Terry away</title><podcast:person>Reginald Marsh</podcast:person>\
                <podcast:person>June Whitfield</podcast:person></item>
                """)
        #expect(feed.entries[0].podcast?.persons.map(\.name) == ["Terry Scott", "June Whitfield"])
        #expect(feed.entries[1].podcast?.persons.map(\.name) == ["Reginald Marsh", "June Whitfield"])
    }

    @Test func theNamespaceIsKnownByURIWhateverThePrefix() throws {
        let feed = try episodes(items: """
            <item><pi:transcript url="https://show.example.fm/t.srt" type="application/x-subrip"/></item>
            """, prefix: "pi", uri: "http://podcastindex.org/namespace/1.0")
        #expect(feed.entries[0].podcast?.transcripts.map(\.url) == ["https://show.example.fm/t.srt"])
    }

    @Test func anEntryWithoutAnyIsNilAndOtherNamespacesAreIgnored() throws {
        let feed = try episodes(items: """
            <item><title>Plain</title><x:transcript url="https://x.example/t.vtt" type="text/vtt"/></item>
            """.replacingOccurrences(of: "<item>", with: "<item xmlns:x=\"https://example.org/other\">"))
        #expect(feed.entries[0].podcast == nil)
        #expect(feed.entries[0].title == "Plain")
    }

    @Test func thePodcastObjectIsPrintedWithEveryKey() throws {
        let feed = try episodes(items: """
            <item><podcast:transcript url="https://show.example.fm/t.vtt" type="text/vtt"/>\
            <podcast:person role="guest" href="https://ada.example">Ada</podcast:person></item>
            <item><title>None</title></item>
            """)
        let document = try OrderedJSON.parse(feed.contractJSON())
        let entries = try #require(document["entries"]?.elements)
        let podcast = try #require(entries[0]["podcast"])
        #expect(podcast.keys == ["transcripts", "chapters", "persons"])
        #expect(podcast["transcripts"]?.elements?.first?.keys == ["url", "type", "language"])
        #expect(podcast["transcripts"]?.elements?.first?["language"] == .string("en-gb"))
        #expect(podcast["chapters"] == .null)
        #expect(podcast["persons"]?.elements?.first?.keys == ["name", "role", "href"])
        #expect(podcast["persons"]?.elements?.first?["role"] == .string("guest"))
        #expect(entries[1]["podcast"] == .null)
    }
}
