/// A few characters that the rules test a key's Characters against ("·•|,/–—-"), ASCII ones by a bitmask.
///
/// It answers what `"·•|,/".contains(character)` answers, Character equality and all, without
/// walking the list's Characters for every Character of a key: the rules split short keys at such
/// marks, and the walk cost more than the rest of the rule.
struct CharacterChoice: Sendable {
    /// The ASCII characters the list holds, or is equal to, as bits 0 to 127.
    private let ascii: (low: UInt64, high: UInt64)
    /// The list's Characters, compared one by one with a Character that is not one ASCII byte.
    private let characters: [Character]

    /// The choice of the Characters of `list`.
    init(_ list: String) {
        characters = Array(list)
        var low: UInt64 = 0, high: UInt64 = 0
        for byte in UInt8(0)..<0x80 where characters.contains(Character(Unicode.Scalar(byte))) {
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }
        ascii = (low, high)
    }

    /// Whether `character` equals one of the list's Characters.
    @inline(__always)
    func contains(_ character: Character) -> Bool {
        let utf8 = character.utf8
        if utf8.count == 1, let byte = utf8.first {
            return byte < 64 ? ascii.low & (1 << UInt64(byte)) != 0 : ascii.high & (1 << UInt64(byte - 64)) != 0
        }
        return characters.contains(character)
    }

    /// `text.split(whereSeparator: contains)`: the non-empty pieces between the choice's Characters.
    ///
    /// Text of ASCII bytes only, without a CR LF pair, is one Character a byte, and is split by its
    /// bytes; other text by its Characters.
    func split<Text: StringProtocol>(_ text: Text) -> [Substring] where Text.SubSequence == Substring {
        let byBytes: [Range<Int>]? = text.withBytes { bytes in
            var pieces: [Range<Int>] = []
            var start = 0
            for (index, byte) in bytes.enumerated() {
                guard byte < 0x80, byte != 0x0D || index + 1 == bytes.count || bytes[index + 1] != 0x0A else { return nil }
                let isSeparator = byte < 64 ? ascii.low & (1 << UInt64(byte)) != 0 : ascii.high & (1 << UInt64(byte - 64)) != 0
                guard isSeparator else { continue }
                if index > start { pieces.append(start..<index) }
                start = index + 1
            }
            if bytes.count > start { pieces.append(start..<bytes.count) }
            return pieces
        }
        guard let byBytes else { return text.split(whereSeparator: contains) }
        let utf8 = text.utf8
        return byBytes.map { range in
            let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            return text[start..<utf8.index(start, offsetBy: range.count)]
        }
    }
}
