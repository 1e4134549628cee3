import Testing
import TestSupport
@testable import Cleaner

/// Masking prose before libxml2 parses HTML must never change the tree:
/// every document parses to the same nodes, attributes and text with the
/// mask as without it.
@Suite struct ProseMaskTests {
    /// Everything about a tree the passes read, one line a node.
    static func describe(_ tree: HTMLTree) -> String {
        tree.nodes.indices.map { index in
            let node = tree.nodes[index]
            let attributes = node.attributes.map { "\($0.name)=\($0.value)" }.joined(separator: "|")
            return "\(node.kind) \(node.name) [\(attributes)] \"\(tree.text(of: index))\" \(node.parent) \(tree.subtreeEnd(of: index))"
        }.joined(separator: "\n")
    }

    static func trees(_ html: String) -> (masked: HTMLTree, plain: HTMLTree) {
        let bytes = Array(html.utf8)
        return bytes.withUnsafeBufferPointer { (HTMLTreeBuilder.parse($0), HTMLTreeBuilder.parse($0, prose: nil)!) }
    }

    static func mask(_ html: String) -> ProseMask? {
        Array(html.utf8).withUnsafeBufferPointer { ProseMask($0) }
    }

    @Test func proseAndQuotedValuesAreMasked() throws {
        let html = "<p class=\"lead paragraph\">The first paragraph, long enough.</p>\n<p>Fish &amp; chips, said the menu.</p>"
        let mask = try #require(Self.mask(html))
        let runs = mask.runs.map { String(decoding: Array(html.utf8)[$0], as: UTF8.self) }
        #expect(runs == ["lead paragraph", "The first paragraph, long enough.", "chips, said the menu."])
        #expect(mask.document.count < html.utf8.count)
        let (masked, plain) = Self.trees(html)
        #expect(Self.describe(masked) == Self.describe(plain))
    }

    /// A document holding a placeholder character, or a reference to one,
    /// is parsed as it is.
    @Test func documentsThatCouldHoldAPlaceholderAreNotMasked() {
        #expect(Self.mask("<p>Private use \u{E000} character in the text.</p>") == nil)
        #expect(Self.mask("<p>Private use &#57344; character in the text.</p>") == nil)
        #expect(Self.mask("<p>Private use &#xe001; character in the text.</p>") == nil)
        #expect(Self.mask("<p title=\"&#xE001;\">A value referring to the placeholder.</p>") == nil)
        #expect(Self.mask("<p title=&#57345;>An unquoted value referring to one.</p>") == nil)
        #expect(Self.mask("<p>Masked text before a script.</p><script>x</script>&#xE000;") == nil)
        #expect(Self.mask("<p>No private use character in this text.</p>") != nil)
    }

    /// libxml2 reads `<a =" x>` as an attribute it cannot name, ending the
    /// tag at the first `>`; the mask's reading differs, so the builder
    /// falls back, and the tree is still the same.
    @Test func aTagReadDifferentlyStillGivesTheSameTree() {
        let html = "<p><a =\" foo>bar baz qux\">Link text that is long</a> and after it more text.</p>"
        let (masked, plain) = Self.trees(html)
        #expect(Self.describe(masked) == Self.describe(plain))
    }

    /// An `<iframe>` in the head opens the body, so libxml2 drops the
    /// page's own `<body>` tag with its attributes: their values are not
    /// masked, and the masked parse needs no second, unmasked one.
    @Test func valuesOfADroppedBodyTagAreNotMasked() throws {
        let html = """
            <html><head><title>Page</title><iframe src="https://example.com/frame.html"></iframe></head>
            <body class="single single-post postid-5765662"><p>The article starts with this paragraph.</p></body></html>
            """
        let bytes = Array(html.utf8)
        let mask = try #require(Self.mask(html))
        let runs = mask.runs.map { String(decoding: bytes[$0], as: UTF8.self) }
        #expect(!runs.contains("single single-post postid-5765662"))
        let masked = try #require(mask.document.withUnsafeBufferPointer { document in
            bytes.withUnsafeBufferPointer { HTMLTreeBuilder.parse(document, prose: ($0, mask.runs)) }
        })
        let (_, plain) = Self.trees(html)
        #expect(Self.describe(masked) == Self.describe(plain))
    }

    /// Pieces of HTML, well and badly formed, for random documents.
    static let pieces = [
        "<p>", "</p>", "<div class=\"post body\">", "</div>", "<b>", "</b>", "<br/>", "<br>", "<hr>",
        "<a href=\"https://example.org/a/long/path?x=1\">", "<a href='q>r and more'>", "<a title = \"spaced value here\">",
        "</a>", "<a =\" foo>bar\">", "<a x==\"y>z long value\">", "<a b\"c=\"d long value\">", "<img src=\"/i.png\" alt=\"An image here\">",
        "Plain words of prose here.", "don't stop", " \"quoted words\" ", "a > b and c", "x < y", "<3 love", "&amp;", "&#8217;",
        "&#x41;bc", "&#xE000;", "&#57345;", "<a title=\"&#xE001;\">", "<a title=&#xe001;>", "&nbsp;", "&bogus;", "& and", "&caf\u{E9};", "<!-- a comment -->", "<!-- a > b -->", "<!--", "-->", "<!-->",
        "<script>if (a < b) x();</script>", "<style>p { color: red }</style>", "<!DOCTYPE html>", "<?php echo 1 ?>",
        "</ p>", "</p x>", "<table><tr><td>", "</td></tr></table>", "<ul><li>", "<li>", "</ul>", "<pre>\n  code here</pre>",
        "<title>A title here</title>", "<textarea>a<b c</textarea>", "<h2>", "</h2>", "\n", "  ", "\t", "\r\n", "\u{1}",
        "caf\u{E9} \u{201C}curly quotes\u{201D} \u{2014} dash", "\u{A0}no-break\u{A0}", "\u{FFFE} noncharacter here",
        "<p title=\"unterminated", "<html><body>", "</body></html>", "<head><meta charset=\"utf-8\"></head>", "<",
        "<a href=unquoted-value-long>", "\u{FEFF}", "<svg><g>drawing</g></svg>", "<noscript>no script text</noscript>",
    ]

    @Test func randomDocumentsGiveTheSameTreeMaskedOrNot() {
        var generator = SplitMix64(seed: 2026)
        var masked = 0
        for _ in 0..<3000 {
            let count = 1 + Int(generator.next() % 24)
            let html = (0..<count).map { _ in Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))] }.joined()
            if Self.mask(html) != nil { masked += 1 }
            let (maskedTree, plainTree) = Self.trees(html)
            #expect(Self.describe(maskedTree) == Self.describe(plainTree), "\(html)")
        }
        // Most documents hold prose worth masking: the comparison means something.
        #expect(masked > 800)
    }
}
