import Testing
import Cleaner

/// The allow-list that makes article HTML safe to show: dangerous elements
/// dropped, attributes filtered, script URLs refused however they are
/// disguised, video embeds kept, relative URLs made absolute.
@Suite struct SanitizerTests {
    private static let base = "https://blog.example.com/2024/05/post/"

    // MARK: - Elements

    @Test func scriptAndStyleGoWithTheirContent() {
        let article = clean("""
            <p>Before.</p><script>document.write('<p>injected</p>'); alert(1)</script><style>p { color: red }</style><p>After.</p>
            """)
        #expect(article.html == "<p>Before.</p><p>After.</p>")
        #expect(article.text == "Before.\n\nAfter.")
    }

    @Test func formsGoWithTheirFieldsAndButtons() {
        let article = clean("""
            <p>\(bodyParagraph)</p><form action="/subscribe" method="post"><label>Email <input type="email" name="e"></label><select name="f"><option>Weekly</option></select><textarea name="t">Hi</textarea><button>Go</button></form><p>More text after the form.</p>
            """)
        #expect(article.html == "<p>\(bodyParagraph)</p><p>More text after the form.</p>")
        #expect(article.removed("form (<form>)"))
    }

    @Test func iframesThatAreNotPlayersGoAndAreNamed() {
        let article = clean("""
            <p>Watch:</p><iframe src="https://ads.example.net/frame.html" width="300" height="250"></iframe>
            """)
        #expect(article.html == "<p>Watch:</p>")
        #expect(article.removedWhat == ["iframe (https://ads.example.net/frame.html)"])
    }

    @Test func youTubeAndVimeoEmbedsStayWithOnlyAllowedAttributes() {
        let article = clean("""
            <p>Watch:</p><iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?rel=0" width="560" height="315" frameborder="0" allow="autoplay" allowfullscreen></iframe><iframe src="//player.vimeo.com/video/76979871" width="640" onload="x()"></iframe>
            """, baseURL: Self.base)
        #expect(article.html == "<p>Watch:</p>"
            + "<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ?rel=0\" width=\"560\" height=\"315\" allowfullscreen=\"\"></iframe>"
            + "<iframe src=\"https://player.vimeo.com/video/76979871\" width=\"640\"></iframe>")
        #expect(article.removed.isEmpty)
    }

    @Test func objectEmbedNoscriptAndSvgGo() {
        let article = clean("""
            <p>\(bodyParagraph)</p><object data="/movie.swf"><embed src="/movie.swf"></object><noscript><img src="/pixel.gif"></noscript><svg><text>Logo</text></svg>
            """)
        #expect(article.html == "<p>\(bodyParagraph)</p>")
    }

    // MARK: - Attributes

    @Test func eventHandlersStylesAndClassesGo() {
        let article = clean("""
            <p onclick="steal()" style="color:red" class="lead" id="intro">Click <a href="https://ok.example.com/" onmouseover="x()" target="_blank" rel="nofollow">me</a> <img src="https://ok.example.com/a.png" onerror="x()" onload="y()" alt="A" loading="lazy" srcset="a.png 1x, b.png 2x"></p>
            """)
        #expect(article.html == "<p>Click <a href=\"https://ok.example.com/\">me</a> <img src=\"https://ok.example.com/a.png\" alt=\"A\"></p>")
    }

    /// Each way of writing a `javascript:` URL that a browser would still
    /// run, as it appears in the page's source.
    @Test(arguments: [
        "javascript:alert(1)",
        "java\tscript:alert(2)",
        " JAVASCRIPT:alert(3)",
        "&#106;avascript:alert(4)",
        "&#x6A;&#x61;vascript&#58;alert(5)",
        "jav&#x09;ascript:alert(6)",
        "java&#10;script:alert(7)",
        "&#0000106&#0000097vascript:alert(8)",
        "java&NewLine;script:alert(9)",
        "\u{1}javascript:alert(10)",
        "vbscript:msgbox(11)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    ])
    func scriptURLsLoseTheirLinkButKeepTheText(href: String) {
        let article = clean("<p>Read <a href=\"\(href)\">the notice</a> today.</p>", baseURL: Self.base)
        #expect(article.html == "<p>Read <a>the notice</a> today.</p>")
        #expect(article.text == "Read the notice today.")
    }

    @Test func scriptURLsInImageSourcesDropTheImage() {
        let article = clean("""
            <p>\(bodyParagraph)<img src="javascript:alert(1)" alt="x"><img src="data:image/png;base64,iVBORw0KGgo=" alt="y"></p>
            """)
        #expect(article.html == "<p>\(bodyParagraph)</p>")
    }

    // MARK: - URLs

    @Test func relativeURLsResolveAgainstTheBase() {
        let article = clean("""
            <p><a href="/about/">About</a> <a href="../older/">Older</a> <a href="notes.html">Notes</a> <a href="?page=2">Next</a> <img src="images/tide.png" alt="Tide"> <img src="//cdn.example.com/boat.png" alt="Boat"></p>
            """, baseURL: Self.base)
        #expect(article.html == "<p>"
            + "<a href=\"https://blog.example.com/about/\">About</a> "
            + "<a href=\"https://blog.example.com/2024/05/older/\">Older</a> "
            + "<a href=\"https://blog.example.com/2024/05/post/notes.html\">Notes</a> "
            + "<a href=\"https://blog.example.com/2024/05/post/?page=2\">Next</a> "
            + "<img src=\"https://blog.example.com/2024/05/post/images/tide.png\" alt=\"Tide\"> "
            + "<img src=\"https://cdn.example.com/boat.png\" alt=\"Boat\">"
            + "</p>")
    }

    @Test func fragmentAndMailtoLinksStayAsWritten() {
        let article = clean("""
            <p>See note <a href="#fn1">1</a> or write to <a href="mailto:editor@example.com">the editor</a>.</p>
            """, baseURL: Self.base)
        #expect(article.html == "<p>See note <a href=\"#fn1\">1</a> or write to <a href=\"mailto:editor@example.com\">the editor</a>.</p>")
    }

    @Test func blockquoteCiteResolvesToo() {
        let article = clean("<blockquote cite=\"/sources/letter\"><p>\(bodyParagraph)</p></blockquote>", baseURL: Self.base)
        #expect(article.html == "<blockquote cite=\"https://blog.example.com/sources/letter\"><p>\(bodyParagraph)</p></blockquote>")
    }

    @Test func pageBaseElementChangesWhereRelativeLinksPoint() {
        let article = clean("""
            <!DOCTYPE html><html><head><title>Tides</title><base href="https://cdn.example.net/site/"></head>
            <body><article><p>The tide tables for the estuary are printed in the parish newsletter every spring, and \
            this year they are also <a href="tides.pdf">online as a PDF</a>, with the times of the spring tides marked.</p>
            </article></body></html>
            """, baseURL: "https://www.example.net/2024/tides/")
        #expect(article.html.contains("<a href=\"https://cdn.example.net/site/tides.pdf\">online as a PDF</a>"))
    }

    /// A base that is not a web URL, however it arrives (`--base`, an
    /// entry's `<link>`, a page's `<base href>`), never makes a relative
    /// link a script: it is ignored, and every resolved URL is checked again.
    @Test(arguments: ["javascript:alert(1)//", "JAVASCRIPT:alert(2)//x/", "data:text/html,x//", "vbscript:msgbox(3)//"])
    func aBaseThatIsNotAWebURLIsIgnored(base: String) {
        let article = clean("<p>Read <a href=\"notes.html\">the notes</a> <img src=\"/tide.png\" alt=\"Tide\"></p>",
                            baseURL: base)
        #expect(article.html == "<p>Read <a href=\"notes.html\">the notes</a> <img src=\"/tide.png\" alt=\"Tide\"></p>")
        #expect(!article.html.lowercased().contains("script:"))
        #expect(!article.html.contains("data:"))
    }

    @Test(arguments: ["javascript:alert(1)//", "JavaScript:alert(document.domain)//", "data:text/html,x//"])
    func aPageBaseElementThatIsNotAWebURLIsIgnored(href: String) {
        let article = clean("""
            <!DOCTYPE html><html><head><title>Tides</title><base href="\(href)"></head>
            <body><article><p>The tide tables for the estuary are printed in the parish newsletter every spring, and \
            this year they are also <a href="tides.pdf">online as a PDF</a>, with the times of the spring tides marked.</p>
            </article></body></html>
            """, baseURL: "https://www.example.net/2024/tides/")
        #expect(article.html.contains("<a href=\"https://www.example.net/2024/tides/tides.pdf\">online as a PDF</a>"))
    }

    @Test(arguments: [
        "https://www.youtube.com/embed/../../evil",
        "https://www.youtube.com/embed/%2e%2e/%2E%2E/evil",
        "https://www.youtube.com/embed/./../x",
        "https://www.youtube.com.evil.example/embed/x",
        "https://evil.example/?u=https://www.youtube.com/embed/x",
        "https://www.youtube.com@evil.example/embed/x",
        "https://www.youtube.com:8443/embed/x",
        "http://www.youtube.com/embed/x",
        "https://player.vimeo.com/videos/1",
    ])
    func embedsThatOnlyLookLikeAPlayerGo(source: String) {
        let article = clean("<p>Watch:</p><iframe src=\"\(source)\"></iframe>")
        #expect(article.html == "<p>Watch:</p>")
    }

    @Test func embedHostsCompareWithoutCase() {
        let article = clean("<p>Watch:</p><iframe src=\"https://WWW.YouTube.com/embed/dQw4w9WgXcQ\"></iframe>")
        #expect(article.html == "<p>Watch:</p><iframe src=\"https://WWW.YouTube.com/embed/dQw4w9WgXcQ\"></iframe>")
    }

    @Test func textIsEscapedInTheHtml() {
        let article = clean("<p>Use &lt;br&gt; &amp; not &lt;br/&gt; in \"quotes\".</p>")
        #expect(article.html == "<p>Use &lt;br&gt; &amp; not &lt;br/&gt; in \"quotes\".</p>")
        #expect(article.text == "Use <br> & not <br/> in \"quotes\".")
    }
}
