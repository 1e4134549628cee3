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
}
