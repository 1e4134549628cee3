import Foundation
import Testing
import Cleaner

/// The plain text the cleaner writes: paragraphs separated by one blank
/// line, list items as "- " (nested ones indented), headings on their own
/// line, `<br>` as a line break, `<pre>` verbatim, no markup, and no runs of
/// white space.
@Suite struct TextOutputTests {
    @Test func paragraphsAreSeparatedByOneBlankLine() {
        let article = clean("<p>One.</p>\n\n\n<p>Two.</p><div>Three.</div>")
        #expect(article.text == "One.\n\nTwo.\n\nThree.")
    }

    @Test func listItemsStartWithADash() {
        let article = clean("<p>Bring:</p><ul><li>Boots</li><li>A flask</li></ul><ol><li>Park</li><li>Walk</li></ol>")
        #expect(article.text == "Bring:\n\n- Boots\n- A flask\n\n- Park\n- Walk")
    }

    @Test func nestedListItemsAreIndentedUnderTheirParent() {
        let article = clean("""
            <ul><li>Apples</li><li>Pears<ul><li>Conference</li><li>Comice<ul><li>Late</li></ul></li></ul></li><li>Plums</li></ul>
            """)
        #expect(article.text == "- Apples\n- Pears\n  - Conference\n  - Comice\n    - Late\n- Plums")
    }

    /// Markdown renders a "loose" list (items separated by blank lines) as
    /// `<li><p>…</p></li>`, and WordPress's list block does the same; the
    /// text belongs on the dash's line.
    @Test func listItemsHoldingParagraphsKeepTheTextOnTheDashLine() {
        let article = clean("<ol><li><p>First, loosen the wheel nuts.</p></li><li><p>Then jack up the car.</p></li></ol>")
        #expect(article.text == "- First, loosen the wheel nuts.\n- Then jack up the car.")
    }

    @Test func headingsStandOnTheirOwnLines() {
        let article = clean("<h1>Tides</h1><p>Intro text.</p><h2>Spring tides</h2><p>Body text.</p><h3>Neap tides</h3>More text.")
        #expect(article.text == "Tides\n\nIntro text.\n\nSpring tides\n\nBody text.\n\nNeap tides\n\nMore text.")
    }

    @Test func lineBreaksBecomeNewlines() {
        let article = clean("<p>12 Harbour Row<br>Carrick<br/>Co. Antrim</p>")
        #expect(article.text == "12 Harbour Row\nCarrick\nCo. Antrim")
    }

    /// Blogger's editor separates paragraphs with two `<br>`s, not `<p>`s.
    @Test func twoLineBreaksInARowSeparateParagraphs() {
        let article = clean("<div>First paragraph.<br><br>Second paragraph.<br />\n<br />\nThird paragraph.</div>")
        #expect(article.text == "First paragraph.\n\nSecond paragraph.\n\nThird paragraph.")
    }

    @Test func bloggerPostParagraphsAreSeparatedByBlankLines() throws {
        let article = try Fixture.clean("Entries/blogger-post.html")
        #expect(article.text == """
            The broad beans are finally over, and plot 14 looks bare for the first time since March.

            I cleared the last of the stalks on Saturday morning and dug in two barrows of the leaf mould that has \
            been sitting behind the shed since the autumn. The soil underneath was better than I expected: dark, \
            crumbly, and full of worms.

            Leeks go in next week, if the weather holds.
            """)
    }

    @Test func preformattedTextIsKeptVerbatim() {
        let article = clean("<p>Run:</p><pre>  let x = 1\n    let y = 2\n\n  print(x +   y)</pre><p>Done.</p>")
        #expect(article.text == "Run:\n\n  let x = 1\n    let y = 2\n\n  print(x +   y)\n\nDone.")
        #expect(article.html == "<p>Run:</p><pre>  let x = 1\n    let y = 2\n\n  print(x +   y)</pre><p>Done.</p>")
    }

    @Test func runsOfWhiteSpaceCollapseToOneSpace() {
        let article = clean("<p>  lots   of\n\tspace&nbsp;&nbsp;and   tabs  </p>")
        #expect(article.text == "lots of space and tabs")
    }

    @Test func inlineElementsAddNoSpaces() {
        let article = clean("<p>Heat<em>pump</em>s and <b>bold</b>, <a href=\"https://example.com/\">links</a>.</p>")
        #expect(article.text == "Heatpumps and bold, links.")
    }

    @Test func quotedParagraphsAreParagraphs() {
        let article = clean("<blockquote><p>Quoted one.</p><p>Quoted two.</p></blockquote><p>After.</p>")
        #expect(article.text == "Quoted one.\n\nQuoted two.\n\nAfter.")
    }

    @Test func tableRowsAreLinesAndCellsAreSpaced() {
        let article = clean("<table><tr><th>Tide</th><th>Time</th></tr><tr><td>High</td><td>06:12</td></tr></table>")
        #expect(article.text == "Tide Time\nHigh 06:12")
    }

    @Test func entitiesAreDecodedAndNoMarkupIsLeft() {
        let article = clean("<p>Fish &amp; chips, &lt;b&gt; is a tag, caf&eacute; &#8220;quoted&#8221;&#8230;</p>")
        #expect(article.text == "Fish & chips, <b> is a tag, café “quoted”…")
    }

    /// Every fixture's text: no blank line runs, no doubled or trailing
    /// spaces, no tabs, nothing at either end, no tag.
    @Test(arguments: Fixture.allHTML)
    func fixtureTextHasNoRunsOfWhiteSpace(path: String) throws {
        let text = try Fixture.clean(path).text
        #expect(!text.contains("\n\n\n"), "\(path): more than one blank line")
        #expect(!text.contains("\t"), "\(path): a tab")
        #expect(text == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(path): white space at an end")
        for line in text.split(separator: "\n") {
            let indent = line.prefix(while: { $0 == " " })
            let rest = line.dropFirst(indent.count)
            #expect(!rest.contains("  "), "\(path): doubled space in \(line)")
            #expect(rest.last != " ", "\(path): trailing space in \(line)")
        }
        #expect(!text.contains("</"), "\(path): markup in the text")
    }

    /// The text and HTML are written from libxml2's bytes without a string
    /// in between: they must be valid UTF-8 even when the input is not
    /// (a stray byte, a truncated sequence, an encoded surrogate).
    @Test func invalidUTF8InTheInputComesOutAsValidUTF8() {
        let input = Array("<p>caf".utf8) + [0xE9] + Array(" ok ".utf8) + [0xED, 0xA0, 0x80] + Array(" end".utf8) + [0xC3]
            + Array("</p><p>Second paragraph.</p>".utf8)
        let article = Cleaner().clean(utf8: input)
        #expect(String(validating: article.textUTF8, as: UTF8.self) != nil, "\(article.textUTF8)")
        #expect(String(validating: article.htmlUTF8, as: UTF8.self) != nil, "\(article.htmlUTF8)")
        #expect(article.text.hasSuffix("Second paragraph."))
    }
}
