import Testing
import TestSupport
@testable import Cleaner

/// The byte-level shortcuts the rules match keys with, checked against the plain list and
/// Character operations they stand for, on random text: the shortcuts must answer the same.
@Suite struct TextMatchingTests {
    /// Pieces of keys: words the phrases below hold, separators, capitals, CR LF, no-break
    /// spaces, combining accents and letters of other scripts.
    static let tokens = [
        "follow", " us", " on ", "join", "the", "conversation", "available", " only", " to ", "members", "said", " a dit",
        "только", "подписчикам", "会員", "限定", "|", "·", "/", ",", "–", " ", "\u{A0}", "\r\n", "\r", "\n", "\u{301}", "é",
        "FOLLOW", "Join", "x", "(click", "@", "e\u{301}", "’",
    ]

    /// A random key of up to 24 tokens.
    static func randomKey(_ generator: inout SplitMix64) -> String {
        (0..<Int(generator.next() % 25)).map { _ in tokens[Int(generator.next() % UInt64(tokens.count))] }.joined()
    }

    /// Phrases that share anchors, overlap, hold spaces only at their edges or are short.
    static let phrases = [
        "follow us on ", "join us on ", "join the conversation on ", " said", " a dit", "available only to members",
        "только подписчикам", "会員限定", "on", "x", "us on", "é",
    ]

    @Test func phraseSetAnswersAsTheList() {
        var generator = SplitMix64(seed: 21)
        let set = PhraseSet(Self.phrases)
        for _ in 0..<3000 {
            let key = Self.randomKey(&generator)
            #expect(set.isFound(in: key) == Self.phrases.contains(where: key.containsBytes(of:)), "\(key)")
            #expect(set.first(in: key) == Self.phrases.first(where: key.containsBytes(of:)), "\(key)")
        }
    }

    @Test func phraseSetWithTheEmptyPhraseFindsItEverywhere() {
        let set = PhraseSet(["members only", ""])
        #expect(set.isFound(in: "prose"))
        #expect(set.first(in: "for members only") == "members only")
        #expect(set.first(in: "") == "")
    }

    @Test func characterChoiceSplitsAsCharactersDo() {
        var generator = SplitMix64(seed: 22)
        for list in [" |·,", "·•|,/–—-", " ()[]:·|", ".!?", "\n"] {
            let choice = CharacterChoice(list)
            for _ in 0..<1000 {
                let key = Self.randomKey(&generator)
                let expected = key.split(whereSeparator: { list.contains($0) })
                #expect(choice.split(key) == expected, "\(key)")
                #expect(choice.split(key.dropFirst()) == key.dropFirst().split(whereSeparator: { list.contains($0) }), "\(key)")
            }
        }
    }

    @Test func openingsMatchCapitalsAsSmallLetters() {
        var generator = SplitMix64(seed: 23)
        let phrases = ["follow us", "join", "(click", "x", "только", "会員"]
        let openings = Openings(phrases)
        for _ in 0..<3000 {
            let key = ArraySlice(Self.randomKey(&generator).utf8)
            #expect(openings.openCaseInsensitively(key)
                == phrases.contains(where: { EdgeNoise.startsCaseInsensitively(key, with: Array($0.utf8)) }))
        }
    }

    @Test func trimmingAnswersAsTheCharacterWalk() {
        var generator = SplitMix64(seed: 24)
        for set in [" -–—•·|*[]()", " \u{A0}", " .!?:;)…"] {
            for _ in 0..<1000 {
                let key = Self.randomKey(&generator)
                let first = key.firstIndex(where: { !set.contains($0) })
                let expected = first.map { String(key[$0...key.lastIndex(where: { !set.contains($0) })!]) } ?? ""
                #expect(key.trimmingCharacters(in: set) == expected, "\(key)")
            }
        }
    }
}
