/// The words of a short label, for the families that match a whole label word by word.
///
/// "Télécharger ce contenu au format Epub" is "télécharger", "ce", "contenu", "au", "format",
/// "epub". Brackets, bars, dashes, colons, apostrophes ("l'épisode") and symbols ("▶", "🎧")
/// separate words and are none. `ImageZoomLabels`, `DownloadLinks`, `PlatformChrome`'s player
/// links and `AggregatorLines`' coverage links accept a label when every word is one of their
/// family's, so a sentence that uses the same words among others stays.
enum LabelWords {
    /// The lowercased words of `key` (normalised by `BoundaryText.normalized`), or nil when it has more than `limit`.
    ///
    /// Read as bytes: the families ask it of many short links.
    static func words(of key: String, limit: Int) -> [String]? {
        key.withBytes { bytes in
            var words: [String] = []
            var start = 0, index = 0
            var tooMany = false
            func finish(_ end: Int) {
                guard end > start, !tooMany else { return }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                // `normalized` lowercased ASCII; other letters are lowercased here.
                if word.allSatisfy({ $0 < 0x80 }) {
                    guard word.contains(where: isASCIIAlphanumeric) else { return }
                    words.append(String(decoding: word, as: UTF8.self))
                } else {
                    let text = String(decoding: word, as: UTF8.self)
                    guard text.contains(where: { $0.isLetter || $0.isNumber }) else { return }
                    words.append(text.lowercased())
                }
                tooMany = words.count > limit
            }
            while index < bytes.count {
                let width = separatorWidth(bytes, at: index)
                if width > 0 {
                    finish(index)
                    index += width
                    start = index
                } else {
                    index += 1
                }
            }
            finish(bytes.count)
            return tooMany ? nil : words
        }
    }

    /// Whether `word` is a number ("12", "45"), as durations and file sizes write them.
    static func isNumber(_ word: String) -> Bool {
        word.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    /// How many bytes the separator at `index` takes, or 0 when none starts there.
    private static func separatorWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return asciiSeparators.contains(byte) || byte <= 0x20 ? 1 : 0 }
        // "·", "«", "»" (C2 B7, C2 AB, C2 BB) and a no-break space (C2 A0).
        if byte == 0xC2, index + 1 < bytes.count, [0xB7, 0xAB, 0xBB, 0xA0].contains(bytes[index + 1]) { return 2 }
        // Dashes, "•", quotes and angle quotes: E2 80 93…BA.
        if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
           [0x93, 0x94, 0xA2, 0x98, 0x99, 0x9C, 0x9D, 0xB9, 0xBA].contains(bytes[index + 2])
        {
            return 3
        }
        return 0
    }

    /// ASCII punctuation that separates words.
    private static let asciiSeparators: Set<UInt8> = Set("()[]{}|:;,.!?/\\-'\"<>*+=~&#".utf8)
}
