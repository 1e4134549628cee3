/// Share bars and share prompts that feeds copy from the page around a post.
///
/// For example "Share this: Twitter Facebook", "Click to share on X (Opens in new window)", "Share
/// on Facebook · Share on LinkedIn · Email", "Tweet Pin it", "Teilen: Facebook, WhatsApp",
/// "Partager sur Facebook", "Share it with your friends.", "Spread the word", "1.2K shares".
///
/// A block is a share bar when every word of it is a share word, a network's
/// name or one of the few words such bars hold ("on", "via", "this",
/// "opens in new window"), and one of them is a verb of sharing; or when it
/// is a short prompt opening with one of the family's phrases. `EdgeNoise`
/// asks about the blocks at the edges; between paragraphs only a bar that is
/// mostly links goes (`standaloneKind`). A sentence about sharing holds
/// other words ("share prices", "shared the cost"), so it stays.
enum ShareBars {
    /// The marks between the words of a share prompt.
    private static let wordSeparators = CharacterChoice(" .!,")
    /// The marks of an abbreviated count ("1.2k", "3,4m") beside its digits.
    private static let countMarks = CharacterChoice(".,km")

    /// The kind name of the blocks this family removes.
    static let kind = "share prompt"
    /// The longest bar or prompt looked at, in UTF-8 bytes.
    static let maximumLength = 300
    /// The longest prompt sentence looked at, in UTF-8 bytes.
    static let maximumPromptLength = 120

    /// The kind of a block at an edge that is a share bar or prompt, or nil.
    /// - Parameters:
    ///   - key: The block's text, as `BoundaryText.normalized` writes it.
    ///   - linkDensity: The share of the block's text inside links, 0 to 1.
    static func kind(of key: String, linkDensity: Double) -> String? {
        guard key.utf8.count <= maximumLength else { return nil }
        if key.utf8.count <= 40, labels.contains(EdgeNoise.trimmedLabel(key)) { return kind }
        if isBar(key, linkDensity: linkDensity) || isSyndicationLinks(key, linkDensity: linkDensity) { return kind }
        guard key.utf8.count <= maximumPromptLength else { return nil }
        if isShareYourPrompt(key) { return kind }
        // A prompt is one short clause; "Share this with the council, he
        // said, …" goes on as a sentence of the article. A short question or
        // "P.S." may lead in: "Enjoyed this post? Share it with a friend".
        let call = withoutLeadIn(key)
        guard let prompt = promptOpenings.firstOpening(of: call) else { return nil }
        let rest = call.dropFirst(prompt.count)
        return linkDensity >= 0.5 || rest.utf8.count <= 80 && !rest.containsBytes(of: ", ") && !rest.containsBytes(of: ". ")
            ? kind : nil
    }

    /// `key` after a short question to the reader or a "P.S." that leads in to a prompt.
    ///
    /// For example "Enjoyed this post? " or "P.S. If you enjoyed this issue, "; `key` itself without one.
    private static func withoutLeadIn(_ key: String) -> Substring {
        var rest = key[...]
        for postscript in ["p.s. ", "p.s.: ", "ps: ", "ps. "] where rest.hasBytePrefix(postscript) {
            rest = rest.dropFirst(postscript.count)
            break
        }
        if let mark = rest.utf8.prefix(40).firstIndex(of: UInt8(ascii: "?")),
           questionLeadIns.contains(where: rest.hasBytePrefix)
        {
            rest = rest[rest.utf8.index(after: mark)...].drop(while: { $0 == " " })
        }
        return BoundaryText.afterCondition(rest) ?? rest
    }

    /// Questions to the reader that lead in to a prompt to share.
    private static let questionLeadIns = [
        "enjoyed this", "enjoy this", "did you enjoy", "like this", "liked this", "found this", "find this", "know someone",
        "was this", "love this", "gefällt dir", "hat dir", "vous avez aimé", "¿te gustó",
    ]

    /// The kind of a block between paragraphs that is a share bar.
    ///
    /// Such a bar is mostly links, every word a share word or network.
    static func standaloneKind(of key: String, linkDensity: Double) -> String? {
        linkDensity >= 0.5 && key.utf8.count <= maximumLength && isBar(key, linkDensity: linkDensity) ? kind : nil
    }

    /// Whether every word of `key` belongs to a share bar and one shares:
    /// a verb of sharing, or (in a bar of links) two networks' names.
    static func isBar(_ key: String, linkDensity: Double) -> Bool {
        guard let first = key.utf8.first, barInitials.contains(first) || first >= 0x80 || isDigit(first) else { return false }
        // Word by word, so that prose stops at its first word, not after splitting it all.
        var verbs = 0, networks = 0, count = 0
        var rest = key[...]
        while let start = rest.firstIndex(where: { !separators.contains($0) }) {
            let end = rest[start...].firstIndex(where: { separators.contains($0) }) ?? rest.endIndex
            let word = rest[start..<end]
            rest = rest[end...]
            count += 1
            guard count <= 40 else { return false }
            switch wordKinds[word] {
            case .verb?: verbs += 1
            case .network?: networks += 1
            case .other?: break
            case nil: guard word.allSatisfy({ $0.isNumber || countMarks.contains($0) }) else { return false }
            }
        }
        return verbs > 0 || networks >= 2 && linkDensity >= 0.5
    }

    /// Whether `key` is a label saying where else the post was shared, then links.
    ///
    /// For example "Shared: <a>https://social.example/@me/1137…</a>", "Also on: <a>Mastodon</a>
    /// <a>Bluesky</a>".
    private static func isSyndicationLinks(_ key: String, linkDensity: Double) -> Bool {
        guard linkDensity >= 0.5, let colon = key.utf8.prefix(32).firstIndex(of: UInt8(ascii: ":")) else { return false }
        return syndicationLabels.contains(String(key[..<colon]).trimmingCharacters(in: " "))
    }

    /// Labels of the links to a post's copies on other sites.
    private static let syndicationLabels: Set<String> = [
        "shared", "shared on", "shared to", "also on", "also posted on", "also posted to", "cross-posted to",
        "cross-posted on", "crossposted to", "syndicated to", "syndicated on", "elsewhere", "auch auf", "aussi sur",
        "también en", "anche su",
    ]

    /// Whether `key` is a prompt whose words after "share your" are only what is shared and where.
    ///
    /// For example "Share your thoughts about the newsletter.".
    private static func isShareYourPrompt(_ key: String) -> Bool {
        guard key.hasBytePrefix("share your ") else { return false }
        let words = wordSeparators.split(key.dropFirst(11))
        return !words.isEmpty && words.count <= 8 && words.allSatisfy { feedbackWords.contains($0) }
            && words.contains(where: { ["thoughts", "feedback", "opinion", "view", "comments"].contains($0) })
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    // MARK: - Words

    /// What separates the words of a bar.
    private static let separators = CharacterChoice(" |·•/,:()[]-–—!.+")

    /// Verbs (and nouns) of sharing, in several languages.
    private static let shareVerbs: Set<Substring> = [
        "share", "shares", "sharing", "shared", "tweet", "retweet", "pin", "teilen", "teile", "partager", "partagez",
        "partage", "compartir", "comparte", "compartilhar", "compartilhe", "partilhar", "partilhe", "condividi",
        "condividere", "delen", "deel", "dela", "del", "jaa", "udostępnij", "sdílet", "paylaş", "поделиться",
        "поделитесь", "repost", "boost", "toot",
    ]

    /// Networks and services share bars link to.
    static let networkNames: Set<Substring> = [
        "facebook", "twitter", "x", "linkedin", "reddit", "whatsapp", "telegram", "pinterest", "tumblr", "mastodon",
        "bluesky", "threads", "pocket", "flipboard", "messenger", "sms", "xing", "vk", "weibo", "wechat", "skype",
        "digg", "delicious", "stumbleupon", "evernote", "buffer", "gmail", "hacker", "news", "hn", "email", "e-mail",
        "mail", "print", "imprimer", "drucken", "imprimir", "stampa", "bookmark", "signal", "viber", "line", "fb",
        "instapaper", "mix", "google", "tootpick",
    ]

    /// The other words of share bars and of their buttons' labels.
    private static let barWords: Set<Substring> = [
        "on", "via", "to", "this", "it", "with", "the", "your", "friends", "post", "article", "page", "link", "links",
        "copy", "copied", "save", "more", "like", "click", "opens", "open", "in", "new", "window", "tab", "a", "and",
        "or", "by", "thread", "read", "loading", "&", "auf", "per", "diesen", "dieser", "artikel", "beitrag", "sur",
        "par", "cet", "cette", "en", "por", "este", "esta", "artículo", "su", "questo", "articolo", "op", "på",
        "no", "na", "mit", "avec", "con", "met", "med", "freunden", "amis", "amigos", "amici", "vrienden", "…", "...",
        "episode", "newsletter", "url", "lien", "enlace", "kopieren", "copier", "copiar", "copia", "social", "media",
        "networks", "now", "icon", "button", "buttons", "blogthis", "entry", "item", "friend", "shortlink", "plus",
    ]

    /// Whole-block share buttons without a verb of sharing.
    private static let labels: Set<String> = [
        "copy link", "copy url", "copy the link", "link copied", "email this", "email this post", "email this article",
        "email to a friend", "email a friend", "send to a friend", "print this", "print this post", "print friendly",
        "print-friendly", "link kopieren", "per e-mail senden", "copier le lien", "envoyer par e-mail", "copiar enlace",
        "enviar por correo", "copia link", "invia per email",
    ]

    /// What a word of a share bar is.
    private enum WordKind { case verb, network, other }

    /// The words of share bars, each as a verb of sharing before a network before another bar word: one look a word.
    private static let wordKinds: [Substring: WordKind] = {
        var kinds = Dictionary(uniqueKeysWithValues: barWords.map { ($0, WordKind.other) })
        for name in networkNames { kinds[name] = .network }
        for verb in shareVerbs { kinds[verb] = .verb }
        return kinds
    }()

    /// The first bytes of the words a bar can open with.
    private static let barInitials = Set((shareVerbs.union(networkNames).union(barWords)).compactMap(\.utf8.first))

    /// The words that may follow "share your" in a feedback prompt.
    private static let feedbackWords: Set<Substring> = [
        "thoughts", "feedback", "opinion", "opinions", "point", "of", "view", "comments", "about", "on", "with", "us",
        "me", "below", "in", "the", "this", "newsletter", "post", "article", "episode", "issue", "show", "podcast", "blog",
    ]

    /// The prompts below, by their first byte.
    private static let promptOpenings = Openings(prompts)

    /// Openings of share prompts: the whole block is the call to share.
    private static let prompts = [
        "share this article", "share this post", "share this story", "share this page", "share this episode",
        "share this newsletter", "share this issue", "share this with", "share this on", "share on ", "share via ",
        "share to ", "share it with", "share it on", "share with your", "share the love", "spread the word",
        "tweet this", "click to share", "click to tweet", "click to email", "click to print", "pin it",
        "please share", "feel free to share", "if you enjoyed this, please share", "if you liked this, please share",
        "if you enjoyed this post, please share", "if you enjoyed this article, please share",
        "if you found this useful, please share", "know someone who would like this", "know someone who would enjoy this",
        "forward this email to", "forward this newsletter to", "forward it to", "please forward", "pass it on to", "diesen artikel teilen", "artikel teilen", "beitrag teilen",
        "teilen auf ", "teile diesen", "jetzt teilen", "partager sur ", "partager cet article", "partagez cet article",
        "partager l'article", "compartir en ", "compartir este", "comparte este", "condividi su ", "condividi questo",
        "condividi l'articolo", "delen op ", "deel dit", "dela på ", "dela artikeln", "compartilhe", "compartilhar no ",
        "compartilhar este", "поделитесь этой", "поделиться статьей", "поделитесь статьей", "分享到", "分享这篇",
        "si vous avez aimé cet article, partagez", "si te gustó este artículo, compártelo",
    ]
}
