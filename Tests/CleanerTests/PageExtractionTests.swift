import Testing
import Cleaner

/// The structural signals whole-page extraction keeps or drops by: where an
/// element stands, what its links lead to, how its text reads. Each rule
/// has a page where it removes furniture and a page where the article's own
/// prose, with the same shape, survives.
@Suite struct PageExtractionTests {
    /// A page of `article` inside a template with a header, menu and footer.
    private func page(title: String, _ article: String) -> String {
        """
        <!DOCTYPE html><html><head><title>\(title) | The Quarry Gazette</title></head><body>
        <header><a href="/">The Quarry Gazette</a></header>
        <nav><a href="/news">News</a> <a href="/sport">Sport</a> <a href="/about">About</a></nav>
        <main><article>\(article)</article></main>
        <footer><p>© The Quarry Gazette. All rights reserved.</p></footer>
        </body></html>
        """
    }

    private let quarry = """
        <p>The old quarry above the village closed in 1968, and for fifty years its pond was fenced off and left \
        to the herons, the newts and the occasional lost sheep.</p>
        """
    private let reopening = """
        <p>This spring the parish council bought the land for one pound, cleared the brambles from the rim, and \
        opened a path around the water, with two benches facing west.</p>
        """

    // MARK: - Headings

    /// The first `<h1>` is the headline, which the text leaves out (it is
    /// the title); later ones after the prose head its sections.
    @Test func laterH1AfterProseIsASectionHeadingAndStays() {
        let article = clean(page(title: "The quarry pond", """
            <h1>The quarry pond</h1>\(quarry)<h1>Opening the path</h1>\(reopening)
            """))
        #expect(article.text.hasPrefix("The old quarry above the village"))
        #expect(article.paragraphs.contains("Opening the path"), "\(article.text)")
        #expect(article.text.hasSuffix("with two benches facing west."))
    }

    /// Paired: a lone `<h1>` below a teaser paragraph is still the
    /// headline, and the teaser and body stay.
    @Test func loneH1BelowATeaserIsStillTheHeadline() {
        let article = clean(page(title: "The quarry pond", """
            \(quarry)<h1>A pond for the village</h1>\(reopening)
            """))
        #expect(!article.text.contains("A pond for the village"))
        #expect(article.text.contains("The old quarry above the village"))
        #expect(article.text.hasSuffix("with two benches facing west."))
    }

    // MARK: - Links within the page

    /// A heading made of its own anchor link (`<a href="#path">`) is the
    /// article's heading, not a list of links.
    @Test func headingThatIsItsOwnAnchorLinkStays() {
        let article = clean(page(title: "The quarry pond", """
            \(quarry)<h2 id="path"><a class="anchor" href="#path">Opening the path</a></h2>\(reopening)
            """))
        #expect(article.paragraphs.contains("Opening the path"), "\(article.text)")
        #expect(article.text.hasPrefix("The old quarry above the village"))
    }

    /// Paired: a heading that links to another page, with a list of other
    /// pages' links under it, is a "more stories" box and goes; the article
    /// around it stays whole.
    @Test func headingLinkingElsewhereInALinkBoxGoes() {
        let article = clean(page(title: "The quarry pond", """
            \(quarry)<div><h2><a href="/news/more">More from the village</a></h2>
            <p><a href="/news/fete">Fete raises record sum</a> <a href="/news/bus">Bus route saved</a></p></div>
            \(reopening)
            """))
        #expect(!article.text.contains("More from the village"), "\(article.text)")
        #expect(!article.text.contains("Fete raises"))
        #expect(article.text.hasPrefix("The old quarry above the village"))
        #expect(article.text.hasSuffix("with two benches facing west."))
    }

    /// A bare `href="#"` is a script's button, not a place on the page: a
    /// row of them still reads as links.
    @Test func scriptButtonsWithABareHashAreStillLinks() {
        let article = clean(page(title: "The quarry pond", """
            \(quarry)<div><a href="#">Share</a> <a href="#">Print</a> <a href="#">Close</a></div>\(reopening)
            """))
        #expect(!article.text.contains("Print"), "\(article.text)")
        #expect(article.text.hasSuffix("with two benches facing west."))
    }

    // MARK: - Class names inside sentences

    /// An inline element inside a sentence is part of it, whatever its
    /// class: an annotation link classed `popup` keeps its words.
    @Test func inlineLinkClassedAsFurnitureInsideASentenceStays() {
        let article = clean(page(title: "The quarry pond", """
            \(quarry)<p>The council paid <a class="popup" href="/notes/1">one pound</a> for the land, and the \
            volunteers gave <span class="date">three weekends</span> to clearing the brambles from the rim.</p>
            \(reopening)
            """))
        #expect(article.text.contains(
            "The council paid one pound for the land, and the volunteers gave three weekends to clearing"),
            "\(article.text)")
    }

    /// Paired: the same class names on elements that stand alone, outside
    /// any sentence, still mark furniture.
    @Test func elementClassedAsFurnitureOutsideASentenceGoes() {
        let article = clean(page(title: "The quarry pond", """
            \(quarry)<div><span class="date">12 May 2024</span></div>
            <div><a class="popup" href="/gallery">See all photos of the pond</a></div>\(reopening)
            """))
        #expect(!article.text.contains("12 May 2024"), "\(article.text)")
        #expect(!article.text.contains("See all photos"))
        #expect(article.text.hasSuffix("with two benches facing west."))
    }
}
