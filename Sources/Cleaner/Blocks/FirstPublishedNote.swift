/// The "appeared first" family: the one-sentence footer a blog engine or plugin adds to every entry of its feed.
///
/// It names the post and the site it first appeared on ("The post X appeared first on Y.",
/// "X first appeared on Y", "Der Beitrag X erschien zuerst auf Y", "L’articolo X proviene da Y",
/// "Cet article X est apparu en premier sur Y", "La entrada X se publicó primero en Y", "文章X最先出现在Y。"), also with
/// a plugin's short trailer after it ("… for readers, not scrapers", a copyright line).
///
/// The sentence names a site, a few words or links, and ends there or with
/// such a trailer: "The post office van appeared first on the ridge road at
/// ten past nine, …" goes on as prose and stays. Keys are
/// `BoundaryText.normalized` text.
enum FirstPublishedNote {
    /// The kind name of these footers.
    static let kind = "\"The post … appeared first on …\""
    /// The longest footer, in UTF-8 bytes.
    static let maximumLength = 400
    /// The most words of the site's name when it is not a link.
    static let maximumSiteWords = 8
    /// The most characters of the site's name after a Chinese or Japanese marker.
    static let maximumSiteCharacters = 24

    /// What the footer says between the post's title and the site's name.
    ///
    /// They come in the languages of the blog engines' translations.
    static let markers = [
        // English
        " appeared first on ", " first appeared on ", " appeared originally on ", " originally appeared on ",
        " was first published on ", " was originally published on ", " was published first on ",
        " was first posted on ", " was originally posted on ",
        // German
        " erschien zuerst auf ", " erschien zuerst bei ", " erschien zuerst im ", " ist zuerst erschienen auf ",
        " wurde zuerst veröffentlicht auf ", " wurde zuerst auf ",
        // Italian
        " proviene da ", " sembra essere il primo su ", " è apparso per la prima volta su ",
        " è stato pubblicato per la prima volta su ",
        // French
        " est apparu en premier sur ", " a été publié en premier sur ", " est paru en premier sur ",
        " est apparu en premier sur le site ",
        // Spanish
        " se publicó primero en ", " apareció primero en ", " se publicó originalmente en ", " fue publicado primero en ",
        // Portuguese
        " apareceu primeiro em ", " foi publicado primeiro em ", " apareceu originalmente em ",
        // Dutch, Scandinavian, Polish, Czech
        " verscheen eerst op ", " dök först upp på ", " blev vist første gang på ", " dukket først opp på ",
        " pojawił się poraz pierwszy w ", " pojawił się po raz pierwszy w ", " pochodzi z serwisu ",
        " se objevil nejdříve na ",
        // Russian, Turkish, Indonesian, Vietnamese
        " появились сначала на ", " появилось сначала на ", " впервые появилась на ", " впервые появилось на ",
        " ilk önce ", " muncul pertama kali di ", " xuất hiện đầu tiên tại ",
        // Japanese and Chinese name the site before the marker, without spaces around it.
        "に最初に表示されました", "最先出现在", "最早出現於",
    ]

    /// The openings below, by their first byte.
    private static let openingPhrases = Openings(openings)

    /// How the footer names the post, before its title.
    static let openings = [
        "the post ", "this post ", "the article ", "this article ", "the entry ", "this entry ", "der beitrag ",
        "der artikel ", "der post ", "l'articolo ", "l’articolo ", "il post ", "l'article ", "l’article ",
        "cet article ", "le billet ", "la entrada ", "el artículo ", "el post ", "la publicación ", "o post ", "o artigo ",
        "a postagem ", "het bericht ", "het artikel ", "inlägget ", "indlægget ", "innlegget ", "wpis ", "příspěvek ",
        "сообщение ", "запись ", "pos ", "bài viết ", "投稿", "文章",
    ]

    /// Words of a plugin's trailer after the site's name.
    ///
    /// Such a trailer is a copyright line, a note to scrapers or about the feed.
    private static let trailerWords = [
        "©", "copyright", "all rights reserved", "scraper", "feed", "rss", "for readers", "republish", "unauthori",
        "this content", "do not ", "reproduction", "alle rechte", "tous droits", "todos los derechos",
    ]

    /// Whether a block at an entry's tail is such a footer.
    ///
    /// It opens by naming the post (or is mostly links), holds a marker, and after the marker names
    /// a site (a few words, or a link) and ends, or adds a plugin's short trailer.
    static func matches(_ key: String, linkDensity: Double) -> Bool {
        guard key.utf8.count <= maximumLength, linkDensity >= 0.3 || openingPhrases.open(key),
              let marker = markers.first(where: key.containsBytes(of:)), let split = key.firstRange(of: marker)
        else { return false }
        // The title: as Yoast writes it, one sentence; a title holding ". "
        // ("Mr. Smith…") only when the title and site are links.
        guard linkDensity >= 0.5 || !key[..<split.lowerBound].containsBytes(of: ". ") else { return false }
        let after = key[split.upperBound...]
        let sentenceEnd = after.firstRange(of: ". ")
        let site = sentenceEnd.map { after[..<$0.lowerBound] } ?? after
        guard linkDensity >= 0.3 || site.split(separator: " ").count <= maximumSiteWords else { return false }
        // Without spaces to count words by, a site's name is a few characters and no clause.
        if !marker.hasPrefix(" "), site.count > maximumSiteCharacters || site.contains("，") { return false }
        guard let end = sentenceEnd else { return true }
        let trailer = after[end.upperBound...]
        return trailer.utf8.count <= 200 && trailerWords.contains(where: trailer.containsBytes(of:))
    }
}
