import Testing
@testable import Cleaner

/// Inline styles that hide an element, read as bytes for ASCII values and
/// as Characters otherwise: both readings must agree.
@Suite struct InlineStyleTests {
    @Test func hidingStylesAreFoundInAnyCaseAndSpacing() {
        #expect(InlineStyle.hides("display:none"))
        #expect(InlineStyle.hides("color: red; DISPLAY : None ;"))
        #expect(InlineStyle.hides("margin:0;\n\tvisibility:\thidden"))
        #expect(InlineStyle.hides("dis play:no ne"))
        #expect(InlineStyle.hides("d;display:none"))
    }

    @Test func visibleStylesAreNotHiding() {
        #expect(!InlineStyle.hides(""))
        #expect(!InlineStyle.hides("display: block; visibility: visible"))
        #expect(!InlineStyle.hides("display:non"))
        #expect(!InlineStyle.hides("display-none"))
    }

    /// A value with other scripts is read by Character, as before: a
    /// combining accent makes "é", which is not "e".
    @Test func nonASCIIValuesAreReadByCharacter() {
        #expect(InlineStyle.hides("font-family: “Noto”; display: none"))
        #expect(!InlineStyle.hides("display:none\u{301}"))
    }
}
