/// A post's taxonomy line in the languages blog themes are translated into.
///
/// A label and a colon, then the post's tags or categories ("Étiquettes : port, ferry",
/// "Schlagwörter: Hafen, Fähre", "Рубрика: Новости", "分类：新闻", "Category: News"), or where it
/// was posted ("Publié dans Actualités | Laisser un commentaire"). The English "Tags:", "Filed
/// under" and "Posted in … | …" are `BoundaryText`'s. What follows the label is links, or a few
/// words that are no sentence: "Catégorie : la plus disputée du salon, celle des voiliers…" is prose.
enum PostMetadataLines {
    /// The kind name of these lines.
    static let kind = "post metadata"

    /// Whether `key` (normalised by `BoundaryText.normalized`) is such a line, given its link density.
    static func matches(_ key: String, linkDensity: Double) -> Bool {
        guard key.utf8.count <= maximumLength, let first = key.utf8.first, initials.contains(first) else { return false }
        if let (label, rest) = labelled(key), labels.contains(label) {
            return !rest.isEmpty && (linkDensity >= 0.5 || isWordList(rest))
        }
        return linkDensity >= 0.5 && postedInOpenings.contains(where: key.hasBytePrefix)
    }

    /// The label before a colon (ASCII or full-width) near the start of `key`, and what follows it, trimmed.
    private static func labelled(_ key: String) -> (label: String, rest: String)? {
        // A byte search first: most blocks hold no colon near their start.
        guard let colonByte = key.utf8.prefix(maximumLabelLength).firstIndex(where: { $0 == UInt8(ascii: ":") || $0 == 0xEF }),
              let colon = key[colonByte...].first == ":" || key[colonByte...].first == "：" ? colonByte : nil
        else { return nil }
        let label = String(key[..<colon]).trimmingCharacters(in: " ")
        let rest = String(key[colon...].drop(while: { $0 == ":" || $0 == "：" })).trimmingCharacters(in: " ")
        return (label, rest)
    }

    /// Whether `text` is a few words or names, not a sentence.
    private static func isWordList(_ text: String) -> Bool {
        text.utf8.count <= maximumWordListLength && !text.contains(". ") && !text.hasSuffix(".")
            && text.split(separator: " ").count <= maximumWords
    }

    /// The longest label and its colon, in UTF-8 bytes.
    private static let maximumLabelLength = 48
    /// The first bytes of the labels and openings.
    private static let initials = Set((Array(labels) + postedInOpenings).compactMap(\.utf8.first))

    /// The longest line, in UTF-8 bytes.
    private static let maximumLength = 300
    /// The longest list of tags without links, in UTF-8 bytes.
    private static let maximumWordListLength = 100
    /// The most words of a list of tags without links.
    private static let maximumWords = 12

    /// Labels of tags and categories before the colon, lowercased.
    private static let labels: Set<String> = [
        "tag", "tags", "category", "categories", "filed under", "topics", "étiquette", "étiquettes", "mots-clés",
        "mots clés", "catégorie", "catégories", "classé dans", "classé sous", "schlagwort", "schlagwörter",
        "schlagworte", "kategorie", "kategorien", "abgelegt unter", "etiqueta", "etiquetas", "categoría", "categorías",
        "archivado en", "etichette", "categoria", "categorie", "archiviato in", "marcadores", "categorias",
        "arquivado em", "trefwoorden", "метки", "теги", "тэги", "категория", "категории", "рубрика",
        "рубрики", "标签", "標籤", "分类", "分類", "タグ", "カテゴリー", "カテゴリ", "tagi", "kategoria",
        "etiketter", "kategorier", "etiketler", "kategoriler", "thẻ", "danh mục",
    ]

    /// "Posted in" in other languages, before the category links.
    private static let postedInOpenings = [
        "publié dans ", "veröffentlicht in ", "veröffentlicht unter ", "publicado en ", "pubblicato in ",
        "publicado em ", "geplaatst in ", "опубликовано в ", "publicerat i ", "opublikowano w ",
    ]
}
