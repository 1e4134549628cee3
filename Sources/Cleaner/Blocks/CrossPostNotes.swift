/// Notes that the post is also published elsewhere, at either edge of an entry, in several languages.
///
/// For example "NOTE: this article is cross-posted on opam.ocaml.org and ocamlpro.com. Please head
/// to the latter for the comments!", "Cross-posted from my blog", "[Crossposted to LessWrong]",
/// "This post also appears on example.org", "Also published on Medium", "Dieser Beitrag erschien auch
/// auf …", "Cet article est également publié sur …", "Publicado también en …", "Zuerst erschienen auf
/// example.org", "本文首发于微信公众号「极客公园」".
///
/// The note opens with its words (after a label such as "Note:" or a
/// bracket) and names where in the rest of its sentence: a web address, a
/// link, or a name of at most three words ("the" aside); at most one
/// short sentence follows ("Please head to the latter for the comments!").
/// "Cross-posted from Facebook, the photos spread within hours" goes on as
/// a sentence and stays. Unlike an attribution ("Originally published at X"), no
/// `source` is recorded. Keys are `BoundaryText.normalized` text.
enum CrossPostNotes {
    /// The kind name of these notes.
    static let kind = "cross-post note"
    /// The longest note, in UTF-8 bytes (twice as long when mostly links).
    static let maximumLength = 240
    /// The longest sentence after the note.
    static let maximumFollowingSentenceLength = 100
    /// The most words that name the other site when no address or link does.
    static let maximumSiteWords = 3
    /// The most words of the sentence that names the site by an address or a link.
    static let maximumSentenceWords = 12

    /// Whether `key` is such a note, given the share of its text inside links.
    static func matches(_ key: String, linkDensity: Double) -> Bool {
        let length = key.utf8.count
        guard length <= maximumLength || linkDensity >= 0.5 && length <= 2 * maximumLength else { return false }
        let note = withoutLabel(key)
        guard let opening = openingsByInitial.firstOpening(of: note), !FollowLines.reportsSpeech(key)
        else { return false }
        let rest = note.dropFirst(opening.count)
        // The sentence that names the site, and what follows it.
        let sentenceEnd = rest.firstRange(of: ". ") ?? rest.firstRange(of: "! ") ?? rest.firstRange(of: "。")
        let site = sentenceEnd.map { rest[..<$0.lowerBound] } ?? rest
        if let end = sentenceEnd {
            let following = rest[end.upperBound...]
            guard following.utf8.count <= maximumFollowingSentenceLength,
                  following.dropLast().firstRange(of: ". ") == nil, following.dropLast().firstRange(of: "! ") == nil
            else { return false }
        }
        let named = String(site).trimmingCharacters(in: " .!)]*_")
        let words = named.split(separator: " ")
        if linkDensity >= 0.2 || EdgeNoise.mentionsWebAddress(named) { return words.count <= maximumSentenceWords }
        // "the Harbour Gazette blog", "my blog": a determiner aside, a name of a few words.
        let nameWords = words.first.map { determiners.contains($0) } == true ? words.count - 1 : words.count
        return nameWords > 0 && nameWords <= maximumSiteWords && !named.contains(",") && !named.contains("，")
    }

    /// `key` without a label and the marks that open such a note ("Note: ", "[", "(", "*").
    ///
    /// Most keys open with neither and are returned as they are, without a copy.
    private static func withoutLabel(_ key: String) -> String {
        guard let first = key.utf8.first, "[(*_".utf8.contains(first) || labelInitials.contains(first) else { return key }
        var note = Substring(key)
        while let mark = note.first, "[(*_ ".contains(mark) { note = note.dropFirst() }
        if let label = labels.first(where: { note.hasPrefix($0) }) {
            note = note.dropFirst(label.count)
            while note.first == " " { note = note.dropFirst() }
        }
        return String(note)
    }

    /// The first bytes of the labels.
    private static let labelInitials = Set(labels.compactMap(\.utf8.first))

    /// Words before a site's name that are not part of it.
    private static let determiners: Set<Substring> = [
        "the", "my", "our", "his", "her", "their", "le", "la", "mon", "notre", "el", "mi", "il", "der", "die", "das", "mein",
        "meinem", "unserem",
    ]

    /// Labels before a note.
    private static let labels = [
        "note:", "nb:", "n.b.", "ps:", "p.s.", "editor's note:", "editor’s note:", "hinweis:", "anmerkung:", "remarque:",
        "nota:",
    ]

    /// The openings by their first byte, which settles most blocks.
    private static let openingsByInitial = Openings(openings)

    /// How a note opens: that the post is a cross-post, or also appears elsewhere.
    private static let openings = [
        // English
        "this article is cross-posted", "this post is cross-posted", "this post was cross-posted",
        "this article was cross-posted", "this is a cross-post from ", "this is a crosspost from ", "this is cross-posted",
        "cross-posted from ",
        "cross-posted to ", "cross-posted on ", "cross-posted at ", "cross-posted with ", "crossposted from ",
        "crossposted to ", "crossposted on ", "cross-post from ", "crosspost from ",
        "cross-posting from ", "also cross-posted", "this post also appears on ", "this post also appeared on ",
        "this post also appears at ", "this article also appears on ", "this article also appeared on ",
        "this post is also available on ", "this post is also available at ", "this post was also published on ",
        "this article was also published on ", "this post is also published on ", "also published on ",
        "also published at ", "also posted on ", "also posted to ", "also posted at ", "also on my blog",
        "mirrored from ", "this post is mirrored", "this article is mirrored",
        // German
        "dieser beitrag erschien auch ", "dieser artikel erschien auch ", "dieser beitrag ist auch ",
        "dieser artikel ist auch ", "auch erschienen auf ", "auch erschienen bei ", "zuerst erschienen auf ",
        "zuerst erschienen bei ", "zuerst erschienen in ", "ursprünglich erschienen auf ", "ursprünglich veröffentlicht auf ",
        "crosspost von ", "crossposting von ",
        // French
        "cet article est également publié", "cet article a également été publié", "cet article est aussi publié",
        "ce billet est également publié", "billet également publié", "article également publié", "également publié sur ",
        "publié également sur ", "aussi publié sur ", "publié initialement sur ", "initialement publié sur ",
        "article initialement publié", "publié à l'origine sur ", "publié à l’origine sur ",
        // Spanish
        "este artículo también se publicó", "este artículo se publicó también", "este post también se publicó",
        "también publicado en ", "publicado también en ", "publicado originalmente en ", "originalmente publicado en ",
        // Italian
        "questo articolo è pubblicato anche", "questo articolo è stato pubblicato anche", "pubblicato anche su ",
        "pubblicato originariamente su ", "originariamente pubblicato su ",
        // Portuguese
        "este artigo também foi publicado", "este texto também foi publicado", "também publicado em ",
        "publicado também em ", "publicado originalmente no ", "publicado originalmente na ",
        // Dutch
        "dit artikel verscheen ook ", "dit bericht verscheen ook ", "ook gepubliceerd op ", "eerder verschenen op ",
        "oorspronkelijk gepubliceerd op ",
        // Chinese
        "本文同步发布于", "本文同步发表于", "本文同步发布在", "本文同时发布于", "本文同时发表于", "本文首发于", "本文首发在",
        "本文首發於", "本文同步發佈於", "本文最初发表于", "本文最初發表於",
    ]
}
