/// Lines of platform furniture a feed's copy of a post keeps, found by shape and wording.
///
/// A media player's time and speed labels ("0:00", "/0:32", "1×", "Listen to
/// this article · 5 min") and links that only start it ("Escuchar audio",
/// "Play episode"), buttons ("Dismiss", "Back to top"), a byline label
/// with no name after it ("Erstellt von:"), counters ("12 likes · 3
/// restacks", "1.2K views"), an embedded tweet's footer ("47 minutes ago via
/// Twitter for Mac Reply Retweet Favorite") and post metadata lines. The
/// widgets of several blocks are `PlatformWidgets`'.
///
/// `EdgeNoise` asks it about the blocks at the edges; between paragraphs
/// only the lines that are never prose go (`isWidgetLine`). A chapter list
/// ("0:00 Intro") or a time in a sentence stays.
enum PlatformChrome {
    /// The marks between the objects of a button's verb.
    private static let objectSeparators = CharacterChoice(" ,|·/")
    /// The marks and letters a reading time holds beside its digits.
    private static let readingTimeMarks = CharacterChoice(" ·•|:-–—()minsecutes")
    /// The marks between the words of a counter line.
    private static let counterSeparators = CharacterChoice(" ·•|,/-–—")
    /// The marks of an abbreviated count ("1.2k", "3,4m") beside its digits.
    private static let countMarks = CharacterChoice(".,km")
    /// The marks of a numeric date beside its digits.
    private static let dateMarks = CharacterChoice("/-.")
    /// The letters of a clock time beside its digits ("9:30am").
    private static let clockLetters = CharacterChoice("apm")

    /// Whether `key` (normalised by `BoundaryText.normalized`) is such a line.
    static func matches(_ key: String) -> Bool {
        let length = key.utf8.count
        if length <= 24, isPlayerTime(Array(key.utf8)) || isPlaybackSpeed(key) { return true }
        if length <= 48, labels.contains(EdgeNoise.trimmedLabel(key)) || isListenLabel(key) || isCounter(key) { return true }
        return length <= 160 && (isTweetFooter(key) || isPostMetaLine(key))
    }

    /// Whether a block between paragraphs is a widget's line that is never prose.
    ///
    /// Such a line is a player's position or speed ("0:00", "/0:32", "1×"), a link that only starts
    /// a player, an embedded tweet's footer, a counter, a platform label that is never a sentence
    /// ("Member-only story", "Newer Post Older Post Home") or a post metadata line. Most blocks are settled by their first byte.
    static func isWidgetLine(_ block: Block) -> Bool {
        guard block.length <= 160, !block.isHeading, let first = block.bytes.first else { return false }
        if block.linkDensity >= 0.9, block.length <= 60,
           isPlayerLink(block.key, linkDensity: block.linkDensity)
        {
            return true
        }
        if isDigit(first) || first == UInt8(ascii: "/") {
            let key = block.key
            return key.utf8.count <= 24 && (isPlayerState(key) || isPlaybackSpeed(key)) || isTweetFooter(key)
                || key.utf8.count <= 40 && isCounter(key)
        }
        guard block.length <= 80, inlineInitials.contains(first | 0x20) else { return false }
        let key = block.key
        return inlineLabels.contains(key) || inlineLabels.contains(EdgeNoise.trimmedLabel(key)) || EdgeNoise.isBlogNavigation(key)
            || isListenLabel(key) || isPostMetaLine(key)
    }

    /// Platform labels that are never a paragraph of prose, wherever they stand.
    private static let inlineLabels: Set<String> = [
        "member-only story", "member only story", "members-only story", "recommended from medium", "more from medium",
        "newer post", "older post", "newer posts", "older posts", "post comments (atom)", "subscribe to: posts (atom)",
        "subscribe to: post comments (atom)", "subscribe to: comments (atom)", "email thisblogthis!", "open in app",
        "skip to content", "skip to main content", "back to top", "scroll to top", "listen to this article",
        "listen to this story",
    ]

    /// The first bytes (lowercase) of those labels, of blog navigation and of listen labels and posting lines.
    private static let inlineInitials = Set(inlineLabels.compactMap(\.utf8.first) + Array("nopelsa".utf8)
        + postingVerbs.compactMap(\.utf8.first))

    /// Whether `key` is a player's position or duration, not a chapter's start time.
    ///
    /// For example "0:00", "/0:32", "1:02 / 3:12"; a chapter's start time is "00:00:00" or
    /// "00:11:03" above a chapter's title.
    private static func isPlayerState(_ key: String) -> Bool {
        guard isPlayerTime(Array(key.utf8)) else { return false }
        return key.containsBytes(of: "/") || key == "0:00"
    }

    /// Removes a media player's labels from a figure that holds a video or audio element (a Ghost video card).
    ///
    /// The labels are the text outside its caption that is only a position, a duration, a slash or
    /// a speed ("0:00", "/", "0:32", "1×"). The player and the caption stay.
    static func removePlayerLabels(of block: Block, in tree: inout HTMLTree, removals: inout [Removal]) {
        guard block.length <= 600, let figure = block.nodes.first else { return }
        let inside = tree.descendants(of: figure)
        guard inside.contains(where: { ["video", "audio"].contains(tree.nodes[$0].name) }) else { return }
        let captions = inside.filter { tree.nodes[$0].name == "figcaption" }
        for node in inside where tree.nodes[node].kind == .text && !tree.isDetached(node) {
            let key = BoundaryText.normalized(tree.text(of: node))
            guard !key.isEmpty, key.utf8.count <= 24, isPlayerLabel(key),
                  !captions.contains(where: { node > $0 && node < tree.subtreeEnd(of: $0) })
            else { continue }
            tree.remove(node)
            removals.append(Removal(what: "inline: platform chrome (player)", chars: key.count, text: key))
        }
    }

    /// "0:00", "/0:32", "/", "1×": what a player shows besides the video.
    private static func isPlayerLabel(_ key: String) -> Bool {
        key == "/" || isPlaybackSpeed(key)
            || key.utf8.allSatisfy { isDigit($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: " ") }
            && hasClockTime(Array(key.utf8.drop(while: { $0 == UInt8(ascii: "/") })))
    }

    // MARK: - Players

    /// "0:00", "/0:32", "0:00 / 3:12", "1:02:03": times and slashes only.
    private static func isPlayerTime(_ bytes: [UInt8]) -> Bool {
        bytes.allSatisfy { isDigit($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: " ") }
            && hasClockTime(bytes)
    }

    /// "1×", "1.5x", "0.75×": a player's speed button.
    private static func isPlaybackSpeed(_ key: String) -> Bool {
        guard key.utf8.count <= 6, let first = key.utf8.first, isDigit(first) else { return false }
        let number = key.hasByteSuffix("×") ? key.dropLast() : key.hasByteSuffix("x") ? key.dropLast() : nil
        return number.map { !$0.isEmpty && $0.allSatisfy { $0.isNumber || $0 == "." } } ?? false
    }

    /// Whether `key` is an audio version's label, a duration at most after it.
    ///
    /// For example "Listen to this article", "Listen to this story · 5 min", "6 min listen".
    private static func isListenLabel(_ key: String) -> Bool {
        if key.hasByteSuffix(" min listen") || key.hasByteSuffix(" minute listen") {
            return key.prefix(while: { $0 != " " }).allSatisfy(\.isNumber)
        }
        guard let opening = listenOpeningsByInitial.firstOpening(of: key) else { return false }
        return key.dropFirst(opening.count).allSatisfy { $0.isNumber || readingTimeMarks.contains($0) }
    }

    /// Whether `bytes` hold a time of day or a duration: a digit, ":", two digits.
    private static func hasClockTime(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 4 else { return false }
        return (1..<(bytes.count - 2)).contains { index in
            bytes[index] == UInt8(ascii: ":") && isDigit(bytes[index - 1]) && isDigit(bytes[index + 1])
                && isDigit(bytes[index + 2])
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    // MARK: - Player links

    /// Whether `key` is a link that only starts a player, given its link density.
    ///
    /// For example "Escuchar audio" (RTVE), "Listen to audio", "Play episode", "Listen now",
    /// "Écouter l'épisode", "Audio anhören", "Ouvir episódio", "▶ Play (45:12)": one link, a verb to
    /// listen, play or watch and at most what is played, "now" or "here" and a duration. A link
    /// that says more ("Listen to the episode where Jo explains the timetable") stays, and so
    /// does a sentence that is not a link.
    static func isPlayerLink(_ key: String, linkDensity: Double) -> Bool {
        guard linkDensity >= 0.9, key.utf8.count <= 60, let words = LabelWords.words(of: key, limit: 6) else { return false }
        var plays = false, hasObject = false
        for word in words {
            if playVerbs.contains(word) {
                plays = true
            } else if playedWords.contains(word) || LabelWords.isNumber(word) {
                hasObject = true
            } else if !playerSmallWords.contains(word) {
                return false
            }
        }
        return plays && hasObject
    }

    /// Verbs that start a player, in several languages.
    private static let playVerbs: Set<String> = [
        "listen", "play", "hear", "stream", "watch", "escuchar", "escucha", "escúchalo", "reproducir", "écouter",
        "écoutez", "regarder", "anhören", "hören", "abspielen", "ansehen", "anschauen", "ascolta", "ascoltare",
        "riproduci", "guarda", "ouvir", "ouça", "ouve", "assistir", "luister", "beluister", "afspelen", "bekijk",
        "lyssna", "spela", "lytt", "słuchaj", "posłuchaj", "kuuntele",
    ]

    /// What a player plays, and "now", "here" and duration units.
    private static let playedWords: Set<String> = [
        "audio", "episode", "podcast", "video", "recording", "track", "now", "here", "online", "mp3", "min", "mins",
        "minutes", "épisode", "émission", "vidéo", "maintenant", "ici", "folge", "sendung", "beitrag",
        "jetzt", "hier", "episodio", "programa", "vídeo", "ahora", "aquí", "puntata", "ora", "qui", "episódio",
        "agora", "aqui", "aflevering", "nu", "avsnitt", "jakso",
    ]

    /// Articles and pronouns between the verb and what it plays.
    private static let playerSmallWords: Set<String> = [
        "to", "the", "this", "it", "full", "l", "le", "la", "cet", "cette", "die", "diese", "den", "das", "el", "este",
        "esta", "il", "lo", "questo", "questa", "o", "a", "de", "het", "deze", "in", "en", "em",
    ]

    // MARK: - Counters and embeds

    /// Whether `key` is numbers and the nouns platforms count, nothing else.
    ///
    /// For example "12 likes · 3 restacks", "1.2K views", "345 Aufrufe".
    private static func isCounter(_ key: String) -> Bool {
        guard let first = key.utf8.first, isDigit(first), !BoundaryText.isCommentCount(key) else { return false }
        let words = counterSeparators.split(key)
        guard words.count >= 2, words.count % 2 == 0 else { return false }
        return stride(from: 0, to: words.count, by: 2).allSatisfy { index in
            words[index].allSatisfy { $0.isNumber || countMarks.contains($0) } && counterNouns.contains(words[index + 1])
        }
    }

    /// Whether `key` is the footer of an embedded tweet, its buttons run together or apart.
    ///
    /// For example "47 minutes ago via Twitter for Mac Reply Retweet Favorite".
    private static func isTweetFooter(_ key: String) -> Bool {
        key.containsBytes(of: "retweet") && (key.containsBytes(of: "favorite") || key.containsBytes(of: "like"))
            && key.containsBytes(of: "reply") && (key.containsBytes(of: " via twitter") || key.containsBytes(of: " ago")
                || key.hasBytePrefix("reply"))
    }

    // MARK: - Post metadata

    /// Whether `key` is a post's metadata line.
    ///
    /// It has a reading time among "·"-separated parts, or a posting verb, a date and at most a
    /// time, an author and a section after it. For example "Published in The Gazette · 5 min read ·
    /// Jan 3, 2024", "Posted on March 3, 2024 at 10:45 am by Jo Reyes".
    private static func isPostMetaLine(_ key: String) -> Bool {
        if key.containsBytes(of: " min read"), key.containsBytes(of: "·") {
            return key.split(separator: "·").contains { part in
                let words = part.split(separator: " ")
                return words.count == 3 && words[0].allSatisfy(\.isNumber) && words[1] == "min" && words[2] == "read"
            }
        }
        guard key.utf8.count <= 100, let verb = postingVerbsByInitial.firstOpening(of: key) else { return false }
        var words = objectSeparators.split(key.dropFirst(verb.count))[...]
        var hasDate = false
        while let word = words.first, dateWords.contains(word) || isDateNumber(word) || isClockTime(word) {
            hasDate = hasDate || months.contains(word) || word.count == 4 && word.allSatisfy(\.isNumber) || word.contains("/") || word.contains("-")
            words = words.dropFirst()
        }
        guard hasDate else { return false }
        // "by Jo Reyes", "in Ferries": a name or section of a few words, nothing more.
        while let word = words.first, ["by", "in", "von", "par", "por", "di", "da"].contains(word) {
            let rest = words.dropFirst().prefix(while: { !["by", "in"].contains($0) })
            guard (1...4).contains(rest.count) else { return false }
            words = words.dropFirst(1 + rest.count)
        }
        return words.isEmpty
    }

    /// "3", "3rd", "2024", "03/03/2024", "2024-03-03", "3.": a date's number.
    private static func isDateNumber(_ word: Substring) -> Bool {
        guard let first = word.first, first.isNumber, word.count <= 10 else { return false }
        let digits = word.filter(\.isNumber).count
        return word.allSatisfy { $0.isNumber || dateMarks.contains($0) } || digits <= 2 && ["st", "nd", "rd", "th"].contains(word.dropFirst(digits))
    }

    /// "10:45", "10:45am": a time of day.
    private static func isClockTime(_ word: Substring) -> Bool {
        guard word.count <= 7, word.contains(":") else { return false }
        return word.allSatisfy { $0.isNumber || $0 == ":" || clockLetters.contains($0) }
    }

    /// How metadata lines open.
    /// `postingVerbs`, by their first byte.
    private static let postingVerbsByInitial = Openings(postingVerbs)
    private static let postingVerbs = [
        "posted on ", "published on ", "first published on ", "first published ", "posted ", "published ",
        "veröffentlicht am ", "publié le ", "publicado el ", "pubblicato il ",
    ]

    /// The words of a date and time besides numbers.
    private static let dateWords: Set<Substring> = months.union([
        "on", "at", "am", "pm", "utc", "gmt", "et", "pt", "cet", "cest", "um", "à", "a", "las", "alle", "le", "el", "il",
        "de", "del", "uhr", "h", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon",
        "tue", "wed", "thu", "fri", "sat", "sun", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
        "sonntag", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ])

    /// Month names and their short forms in the languages of the posting verbs.
    private static let months: Set<Substring> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "januar",
        "februar", "märz", "mai", "juni", "juli", "oktober", "dezember", "janvier", "février", "mars", "avril", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre", "enero", "febrero", "marzo", "abril", "mayo",
        "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre", "gennaio", "febbraio", "aprile",
        "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre",
    ]

    // MARK: - Labels

    /// Whole-block labels of platform buttons, and byline labels with no name after them.
    private static let labels: Set<String> = [
        "dismiss", "skip to content", "skip to main content", "back to top", "scroll to top", "to top", "top ↑",
        "↑ top", "↑", "print this page", "print this article", "print article", "save article", "save for later",
        "add to reading list", "audio version", "play audio", "download audio", "text to speech", "open in browser",
        "by", "author", "authors", "posted by", "written by", "published by", "words by", "story by", "posted on",
        "published on",
        "erstellt von", "geschrieben von", "verfasst von", "veröffentlicht von", "von", "autor", "autorin",
        "auteur", "auteurs", "par", "publié par", "écrit par", "rédigé par", "por", "escrito por", "publicado por",
        "di", "scritto da", "pubblicato da", "autore", "door", "geschreven door", "skrevet af",
        "skrivet av", "skrevet av", "autorstwa",
    ]

    /// Openings of audio-version labels.
    /// `listenOpenings`, by their first byte.
    private static let listenOpeningsByInitial = Openings(listenOpenings)
    private static let listenOpenings = [
        "listen to this article", "listen to this story", "listen to this post", "listen to article",
        "listen to the article", "listen to story", "artikel anhören", "diesen artikel anhören", "artikel vorlesen lassen",
        "écouter cet article", "écouter l'article", "escuchar este artículo", "escuchar artículo", "ascolta l'articolo",
        "ouvir este artigo", "ouvir artigo", "beluister dit artikel", "lyssna på artikeln", "слушать статью",
        "прослушать статью", "listen ·", "listen -",
    ]

    /// What platforms count under a post.
    private static let counterNouns: Set<Substring> = [
        "like", "likes", "comment", "comments", "share", "shares", "restack", "restacks", "view", "views", "read",
        "reads", "clap", "claps", "follower", "followers", "reaction", "reactions", "reply", "replies", "retweet",
        "retweets", "repost", "reposts", "boost", "boosts", "favourite", "favourites", "favorite", "favorites",
        "response", "responses", "aufrufe", "kommentare", "vues", "commentaires", "visitas",
        "comentarios", "visualizzazioni", "commenti", "mentions", "post", "posts", "participant", "participants",
    ]
}
