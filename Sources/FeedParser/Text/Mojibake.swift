#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Repairs text that was UTF-8, was read as Windows-1252 (or Latin-1) and was encoded as UTF-8 again:
/// "CafÃ© â€” naÃ¯ve" is "Café — naïve".
///
/// The repair is all or nothing: every character of the string must be one
/// that Windows-1252 or Latin-1 gives a byte, and those bytes together must
/// be valid UTF-8. Genuine Latin-1 text fails that test, since an accented
/// letter is followed by a plain letter, not by the continuation bytes
/// UTF-8 needs ("SÃO PAULO", "CHÂTEAU", "naïve" stay as they are), and so
/// does any string that mixes mojibake with other characters. One two-byte
/// sequence is not evidence enough unless it starts with 0xC2 or 0xC3 (the
/// Latin-1 range, by far the most common): "CAFÉ™" stays as it is.
enum Mojibake {
    /// `text` repaired, or `text` itself when it is not wholly such mojibake.
    static func repaired(_ text: String) -> String {
        guard mayBeMojibake(text), bytesFollowUTF8Pattern(text) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        bytes.append(contentsOf: text.unicodeScalars.compactMap(windows1252Byte))
        return String(validating: bytes, as: UTF8.self) ?? text
    }

    /// Whether `text` reads as UTF-8 bytes shown as Windows-1252 characters.
    /// That is: every character of `text` has a Windows-1252 byte, those
    /// bytes alternate lead and continuation bytes as UTF-8's do, and the
    /// sequences are evidence enough (see above); it stops at the first
    /// byte that breaks the pattern (in genuine Latin-1 text, the first
    /// accented letter), so that text costs no allocation. The ASCII before
    /// the first other character stands for itself and is skipped.
    private static func bytesFollowUTF8Pattern(_ text: String) -> Bool {
        guard let firstNonASCII = text.utf8.firstIndex(where: { $0 >= 0x80 }) else { return false }
        var continuationsDue = 0
        var sequences = 0
        var isConvincing = false
        for scalar in text.unicodeScalars[firstNonASCII...] {
            guard let byte = windows1252Byte(scalar) else { return false }
            if continuationsDue > 0 {
                guard byte & 0xC0 == 0x80 else { return false }
                continuationsDue -= 1
            } else if byte >= 0x80 {
                switch byte {
                case 0xC2...0xDF: continuationsDue = 1
                case 0xE0...0xEF: continuationsDue = 2
                case 0xF0...0xF4: continuationsDue = 3
                default: return false
                }
                sequences += 1
                isConvincing = isConvincing || byte <= 0xC3 || byte >= 0xE0
            }
        }
        return continuationsDue == 0 && (isConvincing || sequences > 1)
    }

    /// Whether `text` holds the byte 0xC3, which every such mojibake does:
    /// the lead byte of a UTF-8 sequence (0xC2–0xF4), read as one character,
    /// is a letter from U+00C2 to U+00F4, and those are 0xC3 0x82–0xB4 in
    /// UTF-8. Text without it, which is nearly all text, costs one `memchr`.
    static func mayBeMojibake(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let start = bytes.baseAddress else { return false }
            return memchr(start, 0xC3, bytes.count) != nil
        }
    }

    /// The byte Windows-1252 writes as `scalar`, else the Latin-1 byte.
    /// The Latin-1 byte also covers the five bytes Windows-1252 leaves undefined.
    private static func windows1252Byte(_ scalar: Unicode.Scalar) -> UInt8? {
        if scalar.value < 0x100 { return UInt8(scalar.value) }
        switch scalar.value {
        case 0x20AC: return 0x80
        case 0x201A: return 0x82
        case 0x0192: return 0x83
        case 0x201E: return 0x84
        case 0x2026: return 0x85
        case 0x2020: return 0x86
        case 0x2021: return 0x87
        case 0x02C6: return 0x88
        case 0x2030: return 0x89
        case 0x0160: return 0x8A
        case 0x2039: return 0x8B
        case 0x0152: return 0x8C
        case 0x017D: return 0x8E
        case 0x2018: return 0x91
        case 0x2019: return 0x92
        case 0x201C: return 0x93
        case 0x201D: return 0x94
        case 0x2022: return 0x95
        case 0x2013: return 0x96
        case 0x2014: return 0x97
        case 0x02DC: return 0x98
        case 0x2122: return 0x99
        case 0x0161: return 0x9A
        case 0x203A: return 0x9B
        case 0x0153: return 0x9C
        case 0x017E: return 0x9E
        case 0x0178: return 0x9F
        default: return nil
        }
    }
}
