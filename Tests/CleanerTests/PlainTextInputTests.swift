import Testing
import Cleaner

/// Text without markup, as exports, mail bodies and some feeds carry it:
/// paragraphs separated by blank lines, an optional title line, the same
/// head and tail rules as HTML.
@Suite struct PlainTextInputTests {
    @Test func shortFirstLineSetApartIsTheTitle() {
        let article = clean("Harbour Notes\n\nThe ferry ran late again.\n\nTomorrow should be clear.")
        #expect(article.title == "Harbour Notes")
        #expect(article.text == "The ferry ran late again.\n\nTomorrow should be clear.")
        #expect(article.html == "<p>The ferry ran late again.</p><p>Tomorrow should be clear.</p>")
    }

    @Test func firstLineEndingLikeASentenceIsNoTitle() {
        let article = clean("The ferry ran late again.\n\nTomorrow should be clear.")
        #expect(article.title == nil)
        #expect(article.text == "The ferry ran late again.\n\nTomorrow should be clear.")
    }

    @Test func singleParagraphHasNoTitle() {
        let article = clean("Harbour closed today")
        #expect(article.title == nil)
        #expect(article.text == "Harbour closed today")
    }

    @Test func linesInsideAParagraphStayLines() {
        let article = clean("Notes\n\nThe ferry ran late again.\nIt was the fog this time.\n\nTomorrow should be clear.")
        #expect(article.text == "The ferry ran late again.\nIt was the fog this time.\n\nTomorrow should be clear.")
        #expect(article.html == "<p>The ferry ran late again.<br>It was the fog this time.</p><p>Tomorrow should be clear.</p>")
    }

    @Test func surroundingSpacesAndExtraBlankLinesGo() {
        let article = clean("   Indented title   \n\n   Body line one.   \n   Body line two.\n\n\n\nThird paragraph.\n")
        #expect(article.title == "Indented title")
        #expect(article.text == "Body line one.\nBody line two.\n\nThird paragraph.")
    }

    @Test func spacesInsideALineCollapse() {
        let article = clean("Beans, peas and  lettuce   went in today.\n\nMore tomorrow.")
        #expect(article.text == "Beans, peas and lettuce went in today.\n\nMore tomorrow.")
    }

    /// Text from Windows tools and mail bodies ends its lines with CR LF.
    @Test func windowsLineEndingsSeparateParagraphsAndFindTheTitle() {
        let article = clean("Harbour Notes\r\n\r\nThe ferry ran late again.\r\nIt was the fog.\r\n\r\nTomorrow should be clear.\r\n")
        #expect(article.title == "Harbour Notes")
        #expect(article.text == "The ferry ran late again.\nIt was the fog.\n\nTomorrow should be clear.")
    }

    @Test func comparisonSignsAreTextNotMarkup() {
        let article = clean("Tide heights\n\nAt 3 < 4 metres the slip is usable; at > 5 it floods.")
        #expect(article.title == "Tide heights")
        #expect(article.text == "At 3 < 4 metres the slip is usable; at > 5 it floods.")
        #expect(article.html == "<p>At 3 &lt; 4 metres the slip is usable; at &gt; 5 it floods.</p>")
    }

    @Test func tailRulesApplyToPlainText() {
        let article = clean("Spring planting\n\nBeans, peas and lettuce went in today.\n\nShare this:\n\nLike this:")
        #expect(article.title == "Spring planting")
        #expect(article.text == "Beans, peas and lettuce went in today.")
        #expect(article.removedWhat == ["tail: share prompt from \"Share this:\""])
    }

    @Test func sourceLineInPlainTextBecomesTheSource() {
        let article = clean("Tram opens\n\nThe tram line opened on Saturday, two years late.\n\nSource: Harbour City Gazette")
        #expect(article.source == "Harbour City Gazette")
        #expect(article.text == "The tram line opened on Saturday, two years late.")
    }
}
