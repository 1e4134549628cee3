import Testing
import Cleaner

/// A news aggregator's link to a story's coverage (`AggregatorLines.isCoverageLink`): "View Full
/// Coverage on Google News", "Full coverage", "See all coverage" and their kin go as a whole short
/// block that is mostly a link; a sentence about the coverage stays whole.
@Suite struct CoverageLinkTests {
    typealias Case = BoilerplateFamilyTests.Case
    static let story = "https://news.google.example/stories/CAAqNggKIjBDQklT?oc=5"

    static let links: [Case] = [
        Case(html: "<p><strong><a href=\"\(story)\">View Full Coverage on Google News</a></strong></p>", kind: "aggregator metadata"),
        Case(html: "<p><a href=\"\(story)\">Full coverage</a></p>", kind: "aggregator metadata"),
        Case(html: "<p><a href=\"\(story)\">See all coverage</a></p>", kind: "aggregator metadata"),
        Case(html: "<p><a href=\"\(story)\">More coverage »</a></p>", kind: "aggregator metadata"),
        Case(html: "<p><a href=\"\(story)\">Voir la couverture complète sur Google Actualités</a></p>", kind: "aggregator metadata"),
        Case(html: "<p><a href=\"\(story)\">Ver la cobertura completa en Google Noticias</a></p>", kind: "aggregator metadata"),
        Case(html: "<p><a href=\"\(story)\">Vollständige Berichterstattung ansehen</a></p>", kind: "aggregator metadata"),
    ]

    @Test(arguments: links) func coverageLinksGoAtTheEdges(link: Case) {
        BoilerplateFamilyTests.check(link)
    }

    @Test(arguments: links) func coverageLinksGoBetweenParagraphs(link: Case) {
        WordingFamilyTests.checkBetweenParagraphs(link.html)
    }

    @Test func googleNewsClusterLosesItsCoverageLinkAndKeepsItsHeadlines() {
        let cluster = """
            <ol><li><a href="https://news.example/a">Ferry fares rise again as the council votes</a>&nbsp;&nbsp;<font color="#6f6f6f">Harbour Gazette</font></li>
            <li><a href="https://news.example/b">Islanders protest the new timetable at the pier</a>&nbsp;&nbsp;<font color="#6f6f6f">Island Times</font></li>
            <li><strong><a href="\(Self.story)">View Full Coverage on Google News</a></strong></li></ol>
            """
        let article = clean(cluster)
        #expect(!article.text.contains("Full Coverage"), "\(article.removedWhat)")
        #expect(article.text.contains("Ferry fares rise again as the council votes"))
        #expect(article.text.contains("Islanders protest the new timetable at the pier"))
    }

    @Test func aCoverageLinkEndingASingleStoryGoesAsATrailer() {
        let story = """
            <a href="https://news.example/a">Supplemental vitamin D and fractures in older adults | NEJM</a>&nbsp;&nbsp;<font color="#6f6f6f">nejm.org</font><strong><a href="\(Self.story)">View Full Coverage on Google News</a></strong>
            """
        let article = clean(story)
        #expect(article.text == "Supplemental vitamin D and fractures in older adults | NEJM nejm.org", "\(article.removedWhat)")
        #expect(article.removed("trailer: aggregator metadata"))
    }

    @Test func aSentenceEndingInACoverageLinkOfItsOwnStays() {
        let last = "The council has followed the ferry trial since May: read <a href=\"https://gazette.example/trial\">our full coverage of the trial</a>"
        let article = clean("<p>\(bodyParagraph)</p><p>\(last)</p>")
        #expect(article.text.hasSuffix("read our full coverage of the trial"), "\(article.removedWhat)")
    }

    // MARK: - The same words in the article

    static let prose = [
        "The full coverage of the trial is on page 4, with the verdict and the families' statements.",
        "<a href=\"https://gazette.example/trial\">Our full coverage of the ferry trial</a>",
        "Google News gave the story more coverage than the council expected.",
        "<a href=\"https://insurer.example/cover\">See all insurance coverage options</a>",
    ]

    @Test(arguments: prose) func sentencesAboutCoverageStay(prose: String) {
        WordingFamilyTests.checkKept(prose)
    }
}
