import Testing
import TestSupport
@testable import Cleaner

/// White space collapsing and the lowercased keys the boundary rules
/// compare, checked against plain references on random prose: their fast
/// path copies eight bytes at a time, so every run of white space and every
/// capital must come out right wherever it falls in those eight.
@Suite struct TextNormalizerTests {
    /// Words, single and double spaces, tabs, line feeds, no-break spaces,
    /// capitals, the bytes next to "A" and "Z" and multi-byte letters, in
    /// random order.
    static func randomProse(_ generator: inout SplitMix64) -> String {
        let tokens = ["a", "bc", "word", "longerword", "é", "ünïcode", "!", "x1", "ABC", "Zebra", "@[`{", "ÉTÉ", "Читайте ЁЖ", "×Þß", "ŠΩ", "ŁÓDŹ Ÿİı", "ĿĽŉŊ", "ΆΈΌΎΏ ΑΣΩΫ", "ςΐ", " ", " ", " ", "  ", "\t", "\n",
                      "\u{A0}", " \u{A0} "]
        let count = Int(generator.next() % 60)
        return (0..<count).map { _ in tokens[Int(generator.next() % UInt64(tokens.count))] }.joined()
    }

    /// Runs of ASCII white space and no-break spaces as one space, trimmed.
    static func reference(_ text: String) -> String {
        var words: [String] = [], word = ""
        for scalar in text.unicodeScalars {
            if [" ", "\t", "\n", "\u{A0}"].contains(scalar) {
                if !word.isEmpty { words.append(word) }
                word = ""
            } else {
                word.unicodeScalars.append(scalar)
            }
        }
        if !word.isEmpty { words.append(word) }
        return words.joined(separator: " ")
    }

    /// `reference` with the capitals of ASCII, Latin-1 (not "×"), Latin Extended-A (not "İ"),
    /// Greek (Ά to Ϋ) and Cyrillic (Ѐ to Я) made small, as Unicode maps them.
    static func referenceKey(_ text: String) -> String {
        var key = ""
        for scalar in reference(text).unicodeScalars {
            let value = scalar.value
            let isCapital = (0x41...0x5A).contains(value) || (0xC0...0xDE).contains(value) && value != 0xD7
                || (0x100...0x17F).contains(value) && value != 0x130 && scalar.properties.isUppercase
                || (0x386...0x3AB).contains(value) && scalar.properties.isUppercase
                || (0x400...0x42F).contains(value)
            key.unicodeScalars.append(isCapital ? scalar.properties.lowercaseMapping.unicodeScalars.first! : scalar)
        }
        return key
    }

    @Test func collapseMatchesTheReferenceOnRandomProse() {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<2000 {
            let text = Self.randomProse(&generator)
            #expect(TextNormalizer.collapse(text) == Self.reference(text), "\(Array(text.utf8))")
        }
    }

    @Test func normalizedKeysMatchTheReferenceOnRandomProse() {
        var generator = SplitMix64(seed: 13)
        for _ in 0..<2000 {
            // Ending in a letter: keys also lose trailing colons and arrows.
            let text = Self.randomProse(&generator) + "q"
            #expect(BoundaryText.normalized(text) == Self.referenceKey(text), "\(Array(text.utf8))")
        }
    }

    @Test func textOutputMatchesTheReferenceOnRandomProse() {
        var generator = SplitMix64(seed: 11)
        for _ in 0..<500 {
            let text = Self.randomProse(&generator)
            #expect(clean("<p>x \(text) y</p>").text == Self.reference("x \(text) y"), "\(Array(text.utf8))")
        }
    }
}
