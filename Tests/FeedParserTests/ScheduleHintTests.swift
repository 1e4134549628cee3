import Testing
@testable import FeedParser

/// What a feed says of how often to fetch it: RSS 2.0's `<ttl>` and the syndication module's
/// `sy:updatePeriod`/`sy:updateFrequency`, in RSS 1.0 and in RSS 2.0.
@Suite struct ScheduleHintTests {
    @Test func rssTTLIsInMinutes() throws {
        let feed = try parse("""
            <rss version="2.0"><channel><title>Harbour notes</title><ttl> 90 </ttl>
            <item><title>Tide tables</title><ttl>5</ttl></item></channel></rss>
            """)
        #expect(feed.schedule == FeedSchedule(ttl: 90))
        #expect(feed.schedule.interval == 5400)
        #expect(feed.entries.map(\.title) == ["Tide tables"])
    }

    @Test func theSyndicationModuleInRSS10() throws {
        let feed = try parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                     xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
            <channel rdf:about="https://example.org/"><title>Planet</title>
            <sy:updatePeriod>Hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency></channel>
            <item rdf:about="https://example.org/1"><title>One</title></item></rdf:RDF>
            """)
        #expect(feed.schedule == FeedSchedule(updatePeriod: .hourly, updateFrequency: 2))
        #expect(feed.schedule.interval == 1800)
    }

    @Test func theSyndicationModuleInRSS20AsWordPressWritesItUnderAnotherPrefix() throws {
        let feed = try parse("""
            <rss version="2.0" xmlns:syn="http://purl.org/rss/1.0/modules/syndication/"><channel><title>Blog</title>
            <syn:updatePeriod>
            	daily	</syn:updatePeriod>
            <syn:updateFrequency>
            	1	</syn:updateFrequency></channel></rss>
            """)
        #expect(feed.schedule.interval == 86400)
    }

    @Test func theLongerOfTTLAndTheUpdatePeriodWins() throws {
        let feed = try parse("""
            <rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel><title>Both</title>
            <ttl>30</ttl><sy:updatePeriod>hourly</sy:updatePeriod></channel></rss>
            """)
        #expect(feed.schedule.interval == 3600)
    }

    @Test(arguments: ["<ttl>soon</ttl>", "<ttl>0</ttl>", "<ttl>-5</ttl>", "<ttl></ttl>",
                      "<sy:updatePeriod>fortnightly</sy:updatePeriod>", "<sy:updateFrequency>0</sy:updateFrequency>"])
    func valuesThatSayNothingUsableAreIgnored(element: String) throws {
        let feed = try parse("""
            <rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel><title>Odd</title>
            \(element)</channel></rss>
            """)
        #expect(feed.schedule.interval == nil)
    }

    @Test func aFrequencyWithoutAPeriodCountsPerDay() {
        #expect(FeedSchedule(updateFrequency: 4).interval == 21600)
    }

    @Test func atomAndFeedsWithoutHintsHaveNone() throws {
        let feed = try parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title><ttl>60</ttl></feed>
            """)
        #expect(feed.schedule == FeedSchedule())
    }
}
