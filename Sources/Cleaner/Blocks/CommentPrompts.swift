/// Comment links and prompts that blogs, forums and aggregators put at an entry's edges, in several languages.
///
/// For example "Comments", "12 Comments", "Leave a comment", "Join the discussion",
/// "Discuss on Hacker News", "Commentaires : <a>voir le flux atom</a>", "What do you think? Let us
/// know in the comments!", "Open a thread on the forum to discuss this issue".
///
/// Each rule matches a whole short block: a label (with or without a
/// count), a label followed by links, a call to discuss that names where,
/// or a question that ends by sending the reader to the comments.
/// `EdgeNoise` asks about the blocks at the edges only, and prose about
/// comments does not end on the invitation ("Readers let us know in the
/// comments that the times were wrong, so we checked.").
enum CommentPrompts {
    /// `invitationOpenings`, by their first byte.
    private static let invitationOpeningsByInitial = Openings(invitationOpenings)
    /// `discussOpenings`, by their first byte.
    private static let discussOpeningsByInitial = Openings(discussOpenings)

    /// The marks that separate a comment label from its count.
    private static let labelSeparators = CharacterChoice(" ()[]:·|")
    /// The marks between the links of a post's footer line.
    private static let footerSeparators = CharacterChoice(" ()[]:·|•/,")

    /// The kind name of the blocks this family removes.
    static let kind = "comment prompt"
    /// The longest prompt looked at, in UTF-8 bytes.
    static let maximumLength = 220

    /// The kind of a block at an edge that is a comment link or prompt, or nil.
    /// - Parameters:
    ///   - key: The block's text, as `BoundaryText.normalized` writes it.
    ///   - linkDensity: The share of the block's text inside links, 0 to 1.
    static func kind(of key: String, linkDensity: Double) -> String? {
        let length = key.utf8.count
        guard length <= maximumLength || linkDensity >= 0.5 && length <= 2 * maximumLength,
              // A bare count ("12 comments") is `BoundaryText`'s comment count.
              !BoundaryText.isCommentCount(key)
        else { return nil }
        if length <= 48, isLabel(key) || isFooterLine(key) { return kind }
        if isLabelledLinks(key, linkDensity: linkDensity) { return kind }
        guard length <= maximumLength, !isNegated(key) else { return nil }
        if isCallToDiscuss(key, linkDensity: linkDensity) || sendsToTheComments(key) { return kind }
        return nil
    }

    /// Whether `key` is a comment label, its count words and numbers aside.
    ///
    /// For example "Comments", "12 Comments", "Comments (3)", "Kommentare: 5", "Leave a comment",
    /// "Aucun commentaire".
    static func isLabel(_ key: String) -> Bool {
        let bare = EdgeNoise.trimmedLabel(key)
        if labels.contains(bare) { return true }
        let words = labelSeparators.split(bare)
        let counted = words.filter { word in !countWords.contains(word) && !word.allSatisfy(\.isNumber) }
        guard counted.count < words.count, !counted.isEmpty else { return false }
        let label = counted.joined(separator: " ")
        // "Two thoughts" may title a section; "2 thoughts" and "No replies" count.
        return labels.contains(label) || countedLabels.contains(label)
            && words.contains(where: { $0.allSatisfy(\.isNumber) || $0 == "no" || $0 == "💬" })
    }

    /// Whether `key` is a post's footer line of comment links and the links beside them.
    ///
    /// For example "Permalink | Comments (3)", "3 Comments · Trackbacks".
    private static func isFooterLine(_ key: String) -> Bool {
        let words = footerSeparators.split(key)
        guard words.count >= 2 else { return false }
        return words.contains(where: { labels.contains(String($0)) })
            && words.allSatisfy { labels.contains(String($0)) || footerWords.contains($0) || $0.allSatisfy(\.isNumber) }
    }

    /// Whether `key` is a comment label and a colon, then links.
    ///
    /// For example "Commentaires : <a>voir le flux atom</a> <a>ouvrir dans le navigateur</a>",
    /// "Discussion: <a>Hacker News</a> · <a>Lobsters</a>".
    private static func isLabelledLinks(_ key: String, linkDensity: Double) -> Bool {
        guard linkDensity >= 0.5, let colon = key.firstIndex(of: ":") else { return false }
        let label = String(key[..<colon]).trimmingCharacters(in: " ")
        return labels.contains(label) || countedLabels.contains(label) || label == "discussion" || label == "discuss"
    }

    /// Whether `key` is a call to discuss that names an aggregator, or whose words are mostly links.
    ///
    /// An invitation to a thread or discussion may name a forum or a chat instead. For example
    /// "Discuss on Hacker News", "Join the discussion on our forum", "Open a thread on the forums
    /// to discuss …".
    private static func isCallToDiscuss(_ key: String, linkDensity: Double) -> Bool {
        guard let first = key.utf8.first, discussInitials.contains(first) else { return false }
        if invitationOpeningsByInitial.open(key) {
            return linkDensity >= 0.5 || venues.contains(where: key.containsBytes(of:))
                || aggregators.contains(where: key.containsBytes(of:))
        }
        return discussOpeningsByInitial.open(key)
            && (linkDensity >= 0.5 || aggregators.contains(where: key.containsBytes(of:)))
    }

    /// "What would you like to see next? Let us know in the comments!": a
    /// block of one or two short sentences that ends by inviting the reader
    /// to the comments. A longer closing paragraph that asks several
    /// questions about the story is the author's own.
    private static func sendsToTheComments(_ key: String) -> Bool {
        guard key.utf8.count <= maximumInvitationLength,
              key.containsBytes(of: "comment") || key.containsBytes(of: "komment") || key.containsBytes(of: "coment")
                || key.containsBytes(of: "reacties"),
              sentenceBreaks(in: key) <= 1
        else { return false }
        let trimmed = key.trimmingCharacters(in: " .!?:;)…👇⬇️")
        guard commentEndings.contains(where: trimmed.hasByteSuffix) else { return false }
        return invitations.contains(where: key.containsBytes(of:))
    }

    /// The longest invitation to the comments, in UTF-8 bytes.
    static let maximumInvitationLength = 160

    /// How many sentences end inside `key` (". ", "? ", "! ").
    private static func sentenceBreaks(in key: String) -> Int {
        key.withBytes { bytes in
            guard bytes.count > 1 else { return 0 }
            return (0..<(bytes.count - 1)).filter { index in
                bytes[index + 1] == 0x20 && (bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: "?")
                    || bytes[index] == UInt8(ascii: "!"))
            }.count
        }
    }

    /// Whether `key` turns the invitation down.
    ///
    /// For example "… should write to us, not leave a comment".
    private static func isNegated(_ key: String) -> Bool {
        key.containsBytes(of: " not ") || key.containsBytes(of: "n't ") || key.containsBytes(of: "n’t ")
    }

    // MARK: - Words

    /// Whole-block comment labels, links and buttons.
    private static let labels: Set<String> = [
        "comments", "comment", "view comments", "read comments", "show comments", "see comments", "view all comments",
        "read the comments", "see the comments", "add comment", "add a comment", "post a comment", "write a comment",
        "leave a comment", "leave a reply", "leave your comment", "join the discussion", "join the conversation",
        "discuss this post", "discuss this article", "discuss this story", "discuss this", "comment on this post",
        "comment on this article", "comment on this story", "reply by email", "reply via email", "reply by e-mail",
        "reply to this post", "comments feed", "comments (rss)", "comment rss", "comments rss", "comments (atom)",
        "kommentare", "kommentar", "kommentieren", "jetzt kommentieren", "kommentar schreiben", "zu den kommentaren",
        "commentaires", "commentaire", "commenter", "laisser un commentaire", "ajouter un commentaire",
        "voir les commentaires", "comentarios", "comentario", "comentar", "deja un comentario", "dejar un comentario",
        "ver comentarios", "commenti", "commento", "commenta", "lascia un commento", "reacties", "reageer",
        "reageren", "kommentarer", "kommentera", "comentários", "comentarii", "komentarze", "komentáře",
        "kommentek", "комментарии", "комментариев", "комментария", "комментарий", "komentarzy",
        "komentarza", "yorum", "yorumlar", "komentar", "bình luận", "件のコメント", "コメント", "条评论", "评论", "則留言",
        "留言", "comments are closed", "no comments yet", "be the first to comment",
        "top comments", "recent comments", "loading comments", "loading comments...", "loading comments…",
        "comments powered by disqus", "comments powered by disqus.", "show all comments", "load comments",
    ]

    /// Labels that are comment labels only with a count ("12 responses").
    private static let countedLabels: Set<String> = [
        "responses", "response", "replies", "reply", "comment", "comments", "thoughts", "reactions",
    ]

    /// The links a post's footer line holds beside its comment link.
    private static let footerWords: Set<Substring> = [
        "permalink", "link", "trackback", "trackbacks", "pingback", "pingbacks", "reply", "replies", "edit", "share",
        "email", "print", "no", "one", "add", "read", "view", "rss", "atom", "feed",
    ]

    /// The words of a count: numbers aside, "no", "one", "keine", "aucun"…
    private static let countWords: Set<Substring> = [
        "no", "one", "two", "three", "zero", "keine", "kein", "ein", "aucun", "un", "sin", "ningún", "nessun",
        "geen", "inga", "ingen", "nenhum", "sem", "нет", "brak", "#", "💬",
    ]

    /// Openings of calls to discuss a post elsewhere, which name an aggregator or are links.
    ///
    /// For example "Discuss on <a>Hacker News</a>".
    private static let discussOpenings = [
        "discuss on ", "discuss this on ", "discuss this post on ", "discuss this article on ", "discuss it on ",
        "discuss at ", "discussion on ", "discussion at ", "comments on ", "comment on ", "discuss this ",
        "discuss it ", "talk about this on ", "diskutiere", "diskutieren sie", "mitdiskutieren", "discutez",
        "discuter", "débattez", "comenta en ", "discuti ", "discussione su ",
    ]

    /// Openings of invitations to a discussion, which may name a forum or chat.
    private static let invitationOpenings = [
        "join the discussion", "join the conversation", "continue the discussion", "continue the conversation",
        "open a thread", "start a thread", "start a discussion", "open a discussion", "join us on the forum",
        "join us in the forum", "head over to the forum", "head to the forum",
    ]

    /// The first bytes of those openings.
    private static let discussInitials = Set((discussOpenings + invitationOpenings).compactMap(\.utf8.first))

    /// Aggregators that hold a post's discussion.
    private static let aggregators = [
        "hacker news", "reddit", "lobsters", "lobste.rs", "news.ycombinator", "tildes", "slashdot",
    ]

    /// Where else discussions happen, for the invitations.
    private static let venues = [
        "forum", "thread", "comments", "discord", "mastodon", "community", "discourse", "fediverse", "mailing list",
        "slack", "zulip", "matrix",
    ]

    /// How a block ends when it sends the reader to the comments.
    private static let commentEndings = [
        "in the comments", "in the comments below", "in the comment section", "in the comments section",
        "in the comment section below", "in the comments section below", "in the comments down below",
        "below in the comments", "down in the comments", "in a comment", "in a comment below", "leave a comment",
        "leave a comment below", "drop a comment", "drop a comment below", "comment below", "comments below",
        "dans les commentaires", "en commentaire", "en commentaires", "in den kommentaren", "im kommentarbereich",
        "in die kommentare", "en los comentarios", "en comentarios", "nei commenti", "in de reacties",
        "i kommentarerna", "i kommentarene", "i kommentarerne", "nos comentários",
    ]

    /// The words of an invitation to comment.
    private static let invitations = [
        "let us know", "let me know", "tell us", "tell me", "share your", "sound off", "leave", "drop", "chime in",
        "what do you think", "what are your thoughts", "your thoughts", "what would you", "what's your", "what is your",
        "we'd love to hear", "we would love to hear", "i'd love to hear", "i would love to hear", "love to hear",
        "comment below",
        "dites-nous", "dites-moi", "sagen sie", "sag uns", "schreiben sie", "schreibt", "verratet", "verraten sie",
        "cuéntanos", "dinos", "déjanos", "fateci sapere", "diteci", "laat het ons weten", "berätta",
    ]
}
