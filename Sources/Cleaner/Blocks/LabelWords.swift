/// The words of a short label, for the families that match a whole label word by word.
///
/// "Télécharger ce contenu au format Epub" is "télécharger", "ce", "contenu", "au", "format",
/// "epub". Brackets, bars, dashes, colons, apostrophes ("l'épisode") and symbols ("▶", "🎧")
/// separate words and are none. `ImageZoomLabels`, `DownloadLinks`, `PlatformChrome`'s player
/// links and `AggregatorLines`' coverage links accept a label when every word is one of their
/// family's, so a sentence that uses the same words among others stays.
enum LabelWords {
    /// The lowercased words of `key`, or nil when it has more than `limit`.
    static func words(of key: String, limit: Int) -> [String]? {
        var words: [String] = []
        for part in key.split(whereSeparator: isSeparator) where part.contains(where: { $0.isLetter || $0.isNumber }) {
            guard words.count < limit else { return nil }
            words.append(part.lowercased())
        }
        return words
    }

    /// Whether `word` is a number ("12", "45"), as durations and file sizes write them.
    static func isNumber(_ word: String) -> Bool {
        word.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    private static func isSeparator(_ character: Character) -> Bool {
        character.isWhitespace || separators.contains(character)
    }

    /// Punctuation that separates words.
    private static let separators: Set<Character> = [
        "(", ")", "[", "]", "{", "}", "|", ":", ";", ",", ".", "!", "?", "/", "\\", "-", "–", "—", "·", "•", "'",
        "’", "\"", "“", "”", "«", "»", "‹", "›", "<", ">", "*", "+", "=", "~", "&", "#",
    ]
}
