import Testing
@testable import Config

/// `template=no`: a feed option, like `clean`, that turns off learning the
/// blocks a feed repeats in its entries.
@Suite struct TemplateOptionTests {
    @Test func templatesAreLearnedUnlessAFeedSaysNo() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: """
            https://example.org/feed.xml name=learned
            https://example.org/releases.xml name=whole template=no
            """)
        #expect(config.feeds.map(\.template) == [true, false])
        #expect(config.feeds.map(\.clean) == [true, true])
    }

    @Test func aBadValueOrAnotherPlaceIsReportedWithItsLine() throws {
        let folder = try ConfigFolder()
        #expect(try folder.problems(text: """
            template = no
            [host example.org]
            template = no
            https://example.org/feed.xml template=maybe
            """) == [
                #"feeds.conf:1: "template" cannot be set globally; it is a feed option"#,
                #"feeds.conf:3: "template" cannot be set in a [host] section; it is a feed option"#,
                #"feeds.conf:4: bad value "maybe" (use yes or no)"#,
            ])
    }
}
