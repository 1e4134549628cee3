/// Links to the same post in other languages, at an entry's edges.
///
/// For example "Read this post in <a>Español</a> | <a>Français</a>", "This article is also available
/// in <a>German</a>", "Lire en français", "Versión en español". Short and partly links: a sentence
/// that says a book is available in German has no link to the post's copy.
enum TranslationLinks {
    /// `openings`, by their first byte.
    private static let openingsByInitial = Openings(openings)

    /// The kind removals name.
    static let kind = "translation links"
    /// Such lines are at most this long, in UTF-8 bytes.
    static let maximumLength = 120

    /// The kind of `key` (normalised) when it is such a line, or nil.
    static func kind(of key: String, linkDensity: Double) -> String? {
        guard key.utf8.count <= maximumLength, linkDensity >= 0.2, openingsByInitial.open(key) else {
            return nil
        }
        return kind
    }

    /// How such lines open.
    private static let openings = [
        "read this post in ", "read this article in ", "read this in ", "read in ", "this post is also available in ",
        "this article is also available in ", "also available in ", "available in other languages", "english version",
        "version française", "version en français", "lire en ", "lire cet article en ", "auf deutsch lesen",
        "diesen artikel auf ", "deutsche version", "versión en ", "leer en ", "leggi in ", "versione italiana", "ler em ",
        "versão em ",
    ]
}
