import Testing
@testable import Cleaner

/// What `removed` says of each removal: the rule's identifier, what it was,
/// how long, and the start of the removed text.
@Suite struct RemovalRecordTests {
    @Test(arguments: [
        ("comment form (class \"comment-respond\")", "comment-form"),
        ("share bar (class \"sharedaddy\")", "share-bar"),
        ("tracking pixel (1×1)", "tracking-pixel"),
        ("tracker link target (kept its text)", "tracker-link-target"),
        ("<script> element", "script-element"),
        ("tail: comment form", "boundary-tail"),
        ("tail: comments section from \"Leave a Reply\"", "boundary-tail"),
        ("head: comment count", "boundary-head"),
        ("trailer: elision \"[…]\"", "boundary-trailer"),
        ("attribution: \"Original Source: lwn.net\"", "attribution"),
        ("feed template: \"© 2024 Backend Weekly\"", "feed-template"),
        ("(unnamed)", "other"),
    ])
    func ruleIsDerivedFromTheDescription(what: String, rule: String) {
        #expect(Removal(what: what, chars: 0).rule == rule)
    }

    @Test func aRuleGivenIsKept() {
        #expect(Removal(what: "tail: comment form", chars: 12, rule: "comment-form").rule == "comment-form")
    }

    @Test func textIsCollapsedAndCutAfterTwoHundredCharacters() {
        #expect(Removal(what: "x", chars: 5, text: "  Leave\n\ta   Reply ").text == "Leave a Reply")
        let long = String(repeating: "é", count: 250)
        let kept = Removal(what: "x", chars: 250, text: long).text
        #expect(kept == String(repeating: "é", count: 200) + "…")
        #expect(Removal(what: "x", chars: 200, text: String(repeating: "a", count: 200)).text.count == 200)
    }

    @Test func recordsNameTheirRuleAndKeepTheirText() {
        let article = clean("""
            <p>\(bodyParagraph)</p>
            <div class="sharedaddy sd-sharing-enabled"><h3>Share this:</h3><ul><li><a href="https://x.example/s">Share on X</a></li></ul></div>
            <img src="https://pixel.wp.com/g.gif?post=1" width="1" height="1">
            <p>The post Tides appeared first on Harbour Notes.</p>
            """)
        #expect(article.text == bodyParagraph)
        let byRule = Dictionary(article.removed.map { ($0.rule, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byRule["share-bar"]?.text == "Share this: Share on X")
        #expect(byRule["tracking-pixel"]?.text == "")
        #expect(byRule["boundary-tail"]?.text == "The post Tides appeared first on Harbour Notes.")
        #expect(article.removed.count == 3)
    }

    @Test func theReportHasABlockPerRemovalWithItsRuleAndTextIndented() {
        let article = clean("""
            <p>\(bodyParagraph)</p>
            <img src="https://pixel.wp.com/g.gif?post=1" width="1" height="1">
            <p>The post Tides appeared first on Harbour Notes.</p>
            """)
        let report = article.removalReport(file: "a.html")
        #expect(report.hasPrefix("a.html: tracking-pixel: tracking pixel"))
        #expect(report.contains("chars\n\na.html: boundary-tail: "))
        #expect(report.hasSuffix("\n    The post Tides appeared first on Harbour Notes.\n\n"))
        #expect(!report.contains(bodyParagraph))
        #expect(clean("<p>\(bodyParagraph)</p>").removalReport() == "")
    }
}
