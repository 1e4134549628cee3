import Testing
@testable import FeedParser

/// Double-encoded UTF-8 ("CafÃ©"), repaired only when the whole string is
/// consistently such mojibake; correct text is never altered.
@Suite struct MojibakeTests {
    @Test(arguments: [
        ("CafÃ© â€” naÃ¯ve", "Café — naïve"),
        ("Mehrsprachigkeit wird unterstÃ¼tzt", "Mehrsprachigkeit wird unterstützt"),
        ("Ã‰tÃ© Ã\u{A0} SÃ£o Paulo", "Été à São Paulo"),
        ("â€œQuotedâ€\u{9D} and â€˜singleâ€™", "“Quoted” and ‘single’"),
        ("Ãœber StraÃŸe", "Über Straße"),
        ("æ—¥æœ¬èªž", "日本語"),
        ("Emoji ðŸŽ‰", "Emoji 🎉"),
        ("ÐŸÑ€Ð¸Ð²ÐµÑ‚", "Привет"),
    ])
    func doubleEncodedTextIsRepaired(mojibake: String, text: String) {
        #expect(Mojibake.repaired(mojibake) == text)
    }

    @Test(arguments: [
        "SÃO PAULO",
        "ÂNGELA E JOÃO NO CHÂTEAU",
        "Não há pão, só café",
        "Crème brûlée à la française",
        "Größe und Straße",
        "© 2024 Ã‰dition",  // mojibake beside a genuine ©: not consistently mojibake
        "CafÃ© and 日本",    // mojibake beside characters Windows-1252 lacks
        "CafÃ© “real” quotes",
        "CAFÉ™",  // É and ™ are the bytes of "ə", but one such pair is no evidence
        "Â",
        "Ã",
        "plain ASCII",
        "",
    ])
    func correctOrMixedTextIsLeftAlone(text: String) {
        #expect(Mojibake.repaired(text) == text)
    }

    @Test func onlyTextWithTheByteC3IsLookedAt() {
        #expect(!Mojibake.mayBeMojibake("Ελληνικά — “quoted”, 日本, ¡hola! £5"))
        #expect(Mojibake.mayBeMojibake("CafÃ©"))
    }

    @Test func titlesAuthorsCategoriesAndSummariesAreRepairedAtParseTime() throws {
        let feed = try parse(rss(
            items: """
                <item><title>CafÃ© â€” naÃ¯ve</title><dc:creator>JosÃ© GarcÃ­a</dc:creator>\
                <category>CrÃ¨me</category><guid>id-Ã©</guid>\
                <description>&lt;p&gt;Ã‰tÃ© Ã\u{A0} Paris&lt;/p&gt;</description></item>
                """,
            channel: "<title>Le CafÃ©</title><description>Ãœber uns</description>"))
        #expect(feed.title == "Le Café")
        #expect(feed.subtitle == "Über uns")
        let entry = try #require(feed.entries.first)
        #expect(entry.title == "Café — naïve")
        #expect(entry.authors == ["José García"])
        #expect(entry.categories == ["Crème"])
        #expect(entry.summary == "<p>Été à Paris</p>")
        // A guid is an identifier: kept exactly as written.
        #expect(entry.guid == "id-Ã©")
    }

    @Test func jsonFeedTextIsRepairedToo() throws {
        let feed = try parse("""
            {"version": "https://jsonfeed.org/version/1.1", "title": "Le CafÃ©",
             "items": [{"id": "Ã©-1", "title": "naÃ¯ve", "authors": [{"name": "JosÃ©"}],
                        "tags": ["CrÃ¨me"], "content_html": "<p>Ãœber</p>"}]}
            """)
        #expect(feed.title == "Le Café")
        #expect(feed.entries[0].title == "naïve")
        #expect(feed.entries[0].authors == ["José"])
        #expect(feed.entries[0].categories == ["Crème"])
        #expect(feed.entries[0].content == "<p>Über</p>")
        #expect(feed.entries[0].guid == "Ã©-1")
    }

    @Test func correctTextInAFeedIsUnchanged() throws {
        let feed = try parse(rss(items: """
            <item><title>SÃO PAULO: Não há pão</title><dc:creator>João</dc:creator>\
            <description>Â legit Â</description></item>
            """))
        #expect(feed.entries[0].title == "SÃO PAULO: Não há pão")
        #expect(feed.entries[0].authors == ["João"])
        #expect(feed.entries[0].summary == "Â legit Â")
    }
}
