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
    /// The phrases and their bytes, in the list's order, under their first byte.
    private let byInitial: [[(phrase: String, bytes: [UInt8])]]
    /// Whether the list holds the empty phrase, which opens every key.
    private let holdsEmpty: Bool

    /// The openings of `phrases`.
    init(_ phrases: [String]) {
        var byInitial = [[(phrase: String, bytes: [UInt8])]](repeating: [], count: 256)
        for phrase in phrases {
            if let first = phrase.utf8.first { byInitial[Int(first)].append((phrase, Array(phrase.utf8))) }
        }
        self.byInitial = byInitial
        holdsEmpty = phrases.contains("")
    }

    /// Whether the UTF-8 bytes of `key` start with those of one of the phrases.
    func open(_ key: some StringProtocol) -> Bool {
        holdsEmpty || firstOpening(of: key) != nil
    }

    /// Whether `bytes` start with one of the phrases, reading ASCII capitals in `bytes` as small letters.
    ///
    /// For lists of lowercase phrases: a block's raw text is asked before any is lowercased.
    func openCaseInsensitively(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard !holdsEmpty else { return true }
        guard let first = bytes.first else { return false }
        let initial = first >= 0x41 && first <= 0x5A ? first | 0x20 : first
        return byInitial[Int(initial)].contains { entry in
            guard entry.bytes.count <= bytes.count else { return false }
            var index = bytes.startIndex
            for byte in entry.bytes {
                let candidate = bytes[index]
                if (candidate >= 0x41 && candidate <= 0x5A ? candidate | 0x20 : candidate) != byte { return false }
                index += 1
            }
            return true
        }
    }

    /// The first phrase in the list's order that the UTF-8 bytes of `key` start with, or nil.
    ///
    /// The empty phrase is left out: `open` answers for it.
    func firstOpening(of key: some StringProtocol) -> String? {
        key.withBytes { bytes in
            guard let first = bytes.first, let base = bytes.baseAddress else { return nil }
            return byInitial[Int(first)].first { entry in
                entry.bytes.count <= bytes.count && memcmp(base, entry.bytes, entry.bytes.count) == 0
            }?.phrase
        }
    }
}
