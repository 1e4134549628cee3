#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Phrases a key may open with, kept as bytes under their first byte.
///
/// A rule that asks whether a block opens with any of dozens of phrases (`hasBytePrefix` over a
/// list) compares only the few that share the block's first byte.
struct Openings: Sendable {
    /// The phrases' bytes, in the list's order, under their first byte.
    private let byInitial: [[[UInt8]]]
    /// Whether the list holds the empty phrase, which opens every key.
    private let holdsEmpty: Bool

    /// The openings of `phrases`.
    init(_ phrases: [String]) {
        var byInitial = [[[UInt8]]](repeating: [], count: 256)
        for phrase in phrases { if let first = phrase.utf8.first { byInitial[Int(first)].append(Array(phrase.utf8)) } }
        self.byInitial = byInitial
        holdsEmpty = phrases.contains("")
    }

    /// Whether the UTF-8 bytes of `key` start with those of one of the phrases.
    func open(_ key: some StringProtocol) -> Bool {
        if holdsEmpty { return true }
        return key.withBytes { bytes in
            guard let first = bytes.first, let base = bytes.baseAddress else { return false }
            return byInitial[Int(first)].contains { phrase in
                phrase.count <= bytes.count && memcmp(base, phrase, phrase.count) == 0
            }
        }
    }
}
