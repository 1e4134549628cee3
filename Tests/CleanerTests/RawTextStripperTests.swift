import Testing
@testable import Cleaner

/// Script, style and similar elements are cut out before libxml2 parses a
/// page, without touching anything else.
@Suite struct RawTextStripperTests {
    private func strip(_ html: String) -> String {
        String(decoding: RawTextStripper.strip(Array(html.utf8)), as: UTF8.self)
    }

    @Test func scriptsStylesAndSVGsAreCutOut() {
        #expect(strip("<p>a</p><script>var x = '<p>not text</p>';</script><p>b</p>") == "<p>a</p><p>b</p>")
        #expect(strip("<STYLE type=\"text/css\">p { color: red }</Style ><p>c</p>") == "<p>c</p>")
        #expect(strip("<p>d<svg viewBox=\"0 0 1 1\"><path d=\"M0\"/></svg>e</p>") == "<p>de</p>")
        #expect(strip("<noscript><img src=\"pixel.gif\"></noscript><template><p>x</p></template>f") == "f")
    }

    @Test func similarTagNamesAndTextAreKept() {
        let html = "<scripture>Genesis</scripture><p>The &lt;script&gt; tag and the style guide</p><styles>x</styles>"
        #expect(strip(html) == html)
    }

    @Test func aScriptInsideACommentStartsNoCut() {
        let html = "<!-- <script> --><p>kept</p><!-- </script> -->"
        #expect(strip(html) == html)
    }

    @Test func anUnclosedScriptIsLeftToLibxml2() {
        let html = "<p>a</p><script>never closed <p>b</p>"
        #expect(strip(html) == html)
    }

    @Test(arguments: ["script", "svg", "style", "noscript", "template", "SCRIPT"])
    func manyUnclosedStartTagsAreSearchedPastOnce(name: String) {
        for count in [2_000, 8_000] {
            let html = Array(String(repeating: "<\(name)><p>x</p>", count: count).utf8)
            var searched = 0
            let stripped = RawTextStripper.strip(html, searched: &searched)
            #expect(stripped == html)
            // One search to the end of the page, not one per start tag.
            #expect(searched <= html.count)
        }
    }

    @Test func anUnclosedElementLeavesTheOthersCutOut() {
        let html = "<svg><p>a</p><script>x</script><p>b</p><svg><script>y</script><p>c</p>"
        var searched = 0
        #expect(String(decoding: RawTextStripper.strip(Array(html.utf8), searched: &searched), as: UTF8.self)
            == "<svg><p>a</p><p>b</p><svg><p>c</p>")
        #expect(searched <= html.utf8.count * 2)
    }

    @Test func pageTextAroundScriptsSurvivesCleaning() {
        let page = """
            <!DOCTYPE html><html><head><title>T</title><script>window.x = "<article>fake</article>";</script></head>
            <body><article><p>First paragraph of the article, long enough to count as prose in a page.</p>
            <script type="application/ld+json">{"articleBody": "ignored"}</script>
            <p>Second paragraph of the article, with more words so that it reads like text.</p></article></body></html>
            """
        let text = Cleaner().clean(page).text
        #expect(text.contains("First paragraph of the article"))
        #expect(text.contains("Second paragraph of the article"))
        #expect(!text.contains("fake"))
        #expect(!text.contains("ignored"))
    }
}
