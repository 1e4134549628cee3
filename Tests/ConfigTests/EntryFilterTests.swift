import Testing
@testable import Config

/// `include=` and `exclude=` filters: which entries a feed keeps.
@Suite struct EntryFilterTests {
    private func matches(
        _ filter: String, title: String? = nil, link: String? = nil, authors: [String] = [],
        categories: [String] = [], content: String? = nil
    ) throws -> Bool {
        let filter = try Values.filter(filter, option: "exclude")
        return filter.matches(title: title, link: link, authors: authors, categories: categories, content: content)
    }

    @Test func aPatternMatchesAnywhereInTheFieldAndCaseMatters() throws {
        #expect(try matches("title~sponsored", title: "A sponsored post"))
        #expect(try !matches("title~sponsored", title: "A Sponsored post"))
        #expect(try matches("title~(?i)sponsored", title: "A Sponsored post"))
        #expect(try !matches("title~^sponsored", title: "A sponsored post"))
    }

    @Test func eachFieldLooksAtItsOwnPartOfTheEntry() throws {
        #expect(try matches("link~/ads/", link: "https://example.org/ads/1"))
        #expect(try matches("author~^Jane", authors: ["Bob", "Jane Roe"]))
        #expect(try matches("category~^podcast$", categories: ["news", "podcast"]))
        #expect(try !matches("category~^pod$", categories: ["news", "podcast"]))
        #expect(try matches(#"content~<img[^>]+pixel"#, content: #"<p>Hi<img src="/pixel.gif"></p>"#))
        #expect(try !matches("title~news", categories: ["news"]))
    }

    @Test func anAbsentFieldNeverMatches() throws {
        #expect(try !matches("title~.*"))
        #expect(try !matches("author~.*"))
    }

    @Test func aFeedDropsWhatAnyExcludeMatchesAndKeepsOnlyWhatAnIncludeMatches() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: #"""
            https://example.org/a.xml exclude="title~(?i)sponsored" exclude=category~^ads$
            https://example.org/b.xml include=category~linux include=title~(?i)kernel exclude=title~rumou?r
            """#)
        let plain = config.feeds[0], picky = config.feeds[1]
        func accepts(_ feed: FeedSettings, _ title: String, _ categories: [String] = []) -> Bool {
            let selector = EntrySelector(feed)
            let answer = selector.accepts(title: title, link: nil, authors: [], categories: categories, content: nil)
            #expect(answer == feed.accepts(title: title, link: nil, authors: [], categories: categories, content: nil))
            return answer
        }
        #expect(accepts(plain, "Release notes"))
        #expect(!accepts(plain, "SPONSORED: a VPN"))
        #expect(!accepts(plain, "Deal", ["ads"]))
        #expect(accepts(picky, "Kernel 6.12 released"))
        #expect(accepts(picky, "Release notes", ["linux"]))
        #expect(!accepts(picky, "Release notes", ["windows"]))
        #expect(!accepts(picky, "Kernel rumour", ["linux"]))
    }

    @Test func aHandBuiltFilterThatDoesNotCompileMatchesNothing() {
        let broken = EntryFilter(field: .title, pattern: "(")
        #expect(!broken.matches(title: "(", link: nil, authors: [], categories: [], content: nil))
        #expect(broken.description == "title~(")
    }
}
