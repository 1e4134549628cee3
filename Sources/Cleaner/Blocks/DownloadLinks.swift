/// Links that offer the entry itself as a file: "Télécharger ce contenu au format Epub", "Download PDF".
///
/// LinuxFr ends every entry with "Télécharger ce contenu au format Epub"; other sites put
/// "Download this article as PDF", "Als PDF herunterladen", "Descargar en PDF", "Scarica il PDF",
/// "Baixar em PDF", "PDF version" or "Download (PDF, 1.2 MB)" at an edge or between paragraphs.
///
/// The block is short and mostly a link, and made only of the family's words: a verb to download
/// or a word for a version, a file format, and at most the entry's own nouns ("this article", "ce
/// contenu"), small words and a file size. A sentence that offers a document in prose ("You can
/// download the full 300-page report as a PDF from the ministry") has words of its own, and stays.
enum DownloadLinks {
    /// The kind name of these links.
    static let kind = "download link"
    /// Links are at most this long, in UTF-8 bytes.
    static let maximumLength = 100

    /// Whether `key` (normalised by `BoundaryText.normalized`) is such a link, given its link density.
    static func matches(_ key: String, linkDensity: Double) -> Bool {
        guard linkDensity >= 0.5, key.utf8.count <= maximumLength, formatWords.contains(where: key.containsBytes(of:)),
              let words = LabelWords.words(of: key, limit: 12)
        else { return false }
        var offers = false, hasFormat = false
        for word in words {
            if verbs.contains(word) || versions.contains(word) {
                offers = true
            } else if formats.contains(word) {
                hasFormat = true
            } else if !smallWords.contains(word), !LabelWords.isNumber(word) {
                return false
            }
        }
        return offers && hasFormat
    }

    /// Byte strings one of which every such link holds (its format, as `normalized` lowercases it).
    private static let formatWords = ["pdf", "epub", "mobi", "book", "kindle", "mp3", "m4a", "odt", "docx", "azw"]

    /// Verbs that offer a download, in several languages.
    private static let verbs: Set<String> = [
        "download", "downloaden", "télécharger", "téléchargez", "herunterladen", "runterladen", "laden", "descargar",
        "descarga", "descárgalo", "scarica", "scaricare", "baixar", "baixe", "descarregar", "save", "speichern",
        "enregistrer", "guardar", "salva", "export", "exportieren", "exporter", "get", "pobierz", "stáhnout", "lataa",
    ]

    /// Words for a version of the entry ("PDF version", "Version PDF").
    private static let versions: Set<String> = [
        "version", "versión", "versione", "versão", "versie", "fassung", "edition", "édition", "edición", "edizione",
    ]

    /// File formats an entry is offered in.
    private static let formats: Set<String> = [
        "pdf", "epub", "mobi", "ebook", "book", "kindle", "azw3", "odt", "docx", "mp3", "m4a",
    ]

    /// The entry's own nouns, small words and file-size units.
    private static let smallWords: Set<String> = [
        // English.
        "this", "the", "a", "an", "article", "post", "story", "page", "entry", "content", "chapter", "issue",
        "newsletter", "episode", "as", "in", "to", "for", "format", "file", "here", "of", "free", "e",
        // French, German, Spanish, Italian, Portuguese, Dutch.
        "ce", "cet", "cette", "le", "la", "l", "contenu", "billet", "numéro", "au", "en", "fichier", "ici",
        "diesen", "dieser", "diese", "den", "der", "die", "das", "artikel", "beitrag", "seite", "ausgabe", "text",
        "als", "im", "datei", "hier", "este", "esta", "el", "artículo", "contenido", "página", "entrada", "como",
        "archivo", "aquí", "questo", "questa", "il", "lo", "articolo", "contenuto", "pagina", "formato", "o",
        "artigo", "conteúdo", "matéria", "em", "no", "dit", "deze", "het", "de", "bericht",
        // Sizes.
        "kb", "mb", "gb", "ko", "mo", "go", "pages", "p", "pp",
    ]
}
