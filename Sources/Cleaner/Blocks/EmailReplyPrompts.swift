/// The reply-by-email footers of personal blogs, in several languages.
///
/// For example "Reply via email", "Reply to this post by email", "Respond via email", "Comment by
/// email", "You can email me at … to respond! Or just say hi.", "Have thoughts? Email me.", "Per
/// E-Mail antworten", "Répondre par e-mail", "Responder por correo".
///
/// The prompt is one sentence, or a short question and the sentence: it
/// opens with a reply label ("Reply by email", the rest at most a few
/// words: "or on Mastodon"), or it invites the reader, in the first person,
/// to e-mail the writer in order to reply ("you can email me … to
/// respond"). At most two short pleasantries may follow ("Or just say hi.",
/// "Thanks for reading!"). A sentence that reports speech, is not in the
/// first person ("If you want to reply to the council, email the clerk"),
/// or a longer paragraph stays. `EdgeNoise` asks about the blocks at the
/// edges only. Keys are `BoundaryText.normalized` text.
enum EmailReplyPrompts {
    /// `invitationOpenings`, by their first byte.
    private static let invitationOpeningsByInitial = Openings(invitationOpenings)

    /// The kind name of these prompts.
    static let kind = "reply-by-email prompt"
    /// The longest prompt, in UTF-8 bytes (twice as long when mostly links).
    static let maximumLength = 200
    /// The longest question before the prompt ("Have thoughts?").
    static let maximumQuestionLength = 40
    /// The longest pleasantry after the prompt ("Or just say hi.").
    static let maximumPleasantryLength = 60
    /// The most words after a reply label ("Reply via email or on Mastodon").
    static let maximumWordsAfterLabel = 8

    /// Whether `key` is such a prompt, given the share of its text inside links.
    static func matches(_ key: String, linkDensity: Double) -> Bool {
        let length = key.utf8.count
        guard length <= maximumLength || linkDensity >= 0.5 && length <= 2 * maximumLength,
              key.containsBytes(of: "mail") || key.containsBytes(of: "courriel") || key.containsBytes(of: "correo"),
              !FollowLines.reportsSpeech(key)
        else { return false }
        var parts = sentences(of: FollowLines.straightened(FollowLines.withoutLeadingSymbols(key)))
        // A short question may lead in: "Have thoughts? Email me."
        if parts.count > 1, parts[0].hasSuffix("?"), parts[0].utf8.count <= maximumQuestionLength { parts.removeFirst() }
        guard let prompt = parts.first, parts.count <= 3, parts.dropFirst().allSatisfy(isPleasantry) else { return false }
        // The question may say what the e-mail is for ("Comments? Email me.").
        return isLabel(prompt) || isInvitation(prompt) && replyWords.contains(where: key.containsBytes(of:))
    }

    /// Whether `sentence` opens with a reply label and names at most a few more ways to reply.
    ///
    /// A colon may follow the label ("Reply by email: jo@example.org"), not a later one ("… Producer: Jo").
    private static func isLabel(_ sentence: Substring) -> Bool {
        guard let label = labels.first(where: sentence.hasBytePrefix) else { return false }
        var rest = sentence.dropFirst(label.count)
        if rest.first == ":" { rest = rest.dropFirst() }
        return !rest.contains(":") && rest.split(separator: " ").count <= maximumWordsAfterLabel
    }

    /// Whether a block's lines are a prompt and, on the lines under it, pleasantries ending like sentences.
    ///
    /// For example "You can email me at … to respond!", then "Or just say hi. That's cool too!". A
    /// block of lines goes whole only when each line is boilerplate; these lines go with the prompt,
    /// and a name or a credit line under it keeps the block.
    static func endsInPleasantries(_ lines: [String]) -> Bool {
        guard lines.count > 1, matches(BoundaryText.normalized(lines[0]), linkDensity: 0) else { return false }
        return lines.dropFirst().allSatisfy { line in
            let key = Substring(BoundaryText.normalized(line))
            return isPleasantry(key) && key.last.map { ".!?".contains($0) } == true
        }
    }

    /// Whether `sentence` invites the reader to e-mail the writer; the block must also say it is to reply.
    ///
    /// For example "You can email me at … to respond!", "To reply, send me an e-mail", "Feel free to
    /// email me your thoughts".
    private static func isInvitation(_ sentence: Substring) -> Bool {
        invitationOpeningsByInitial.open(sentence) && writerPhrases.contains(where: sentence.containsBytes(of:))
    }

    /// Whether `sentence` is a short pleasantry after the prompt ("Or just say hi.", "That's cool too!").
    private static func isPleasantry(_ sentence: Substring) -> Bool {
        sentence.utf8.count <= maximumPleasantryLength && !sentence.contains(":")
            && !sentence.contains(where: \.isNumber)
    }

    /// The sentences of `key`, split after ". ", "! " and "? ".
    private static func sentences(of key: String) -> [Substring] {
        var sentences: [Substring] = []
        var start = key.startIndex
        var index = key.startIndex
        while index < key.endIndex {
            let next = key.index(after: index)
            if ".!?".contains(key[index]), next < key.endIndex, key[next] == " " {
                sentences.append(key[start..<next])
                start = key.index(after: next)
            }
            index = next
        }
        if start < key.endIndex { sentences.append(key[start...]) }
        return sentences
    }

    /// Labels and buttons that offer to reply by e-mail.
    private static let labels = [
        // English
        "reply via email", "reply by email", "reply via e-mail", "reply by e-mail", "reply via mail", "reply by mail",
        "reply to this post by email", "reply to this post via email", "reply to this post by e-mail",
        "reply to this article by email", "reply to this entry by email", "respond via email", "respond by email",
        "respond via e-mail", "respond by e-mail", "respond to this post by email", "comment via email",
        "comment by email", "comment via e-mail", "comment by e-mail", "comments via email", "comments by email",
        "send a reply by email", "reply with an email", "email a reply", "email me a reply", "email your reply",
        // German
        "per e-mail antworten", "per mail antworten", "per email antworten", "antworten per e-mail", "antworten per mail",
        "antwort per e-mail", "antwort per mail", "per e-mail kommentieren", "kommentieren per e-mail",
        "kommentar per e-mail", "kommentar per mail", "kommentare per e-mail", "kommentare per mail",
        "kommentare bitte per e-mail", "kommentare bitte per mail",
        // French
        "répondre par e-mail", "répondre par email", "répondre par mail", "répondre par courriel", "réagir par e-mail",
        "réagir par email", "réagir par mail", "réagir par courriel", "commenter par e-mail", "commenter par courriel",
        // Spanish and Portuguese
        "responder por correo", "responder por email", "responder por e-mail", "responder via email",
        "responder via e-mail", "comentar por correo", "comentar por email", "comentar por e-mail",
        // Italian and Dutch
        "rispondi via email", "rispondi via e-mail", "rispondi per email", "rispondi per e-mail", "commenta via email",
        "commenta via e-mail", "reageer via e-mail", "reageer via email", "reageer per e-mail", "reageer per mail",
        "reageren per e-mail", "reageren via e-mail",
    ]

    /// How an invitation to reply by e-mail opens.
    private static let invitationOpenings = [
        "you can email", "you can e-mail", "you can mail", "you can send me", "you can send us", "you can reach me",
        "you can write to me", "you can always email", "feel free to email", "feel free to e-mail", "feel free to send",
        "feel free to write", "feel free to reach", "please email", "please e-mail", "please send me", "please send us",
        "if you want to reply", "if you want to respond", "if you want to comment", "if you'd like to reply",
        "if you'd like to respond", "if you'd like to comment", "if you have thoughts", "if you have comments",
        "if you have feedback", "to respond", "to reply", "to comment", "want to reply", "want to respond",
        "want to comment", "email me", "e-mail me", "mail me", "send me an", "send me a", "send me your",
        "drop me an", "drop me a", "write to me", "write me", "shoot me an", "shoot me a", "just email", "just e-mail",
        "reply ", "respond ", "you can reply", "you can respond", "you can comment", "schreib mir", "schreiben sie mir",
        "schreibt mir", "um zu antworten", "wer antworten möchte", "écrivez-moi", "écris-moi", "pour réagir", "pour répondre",
        "pour commenter", "escríbeme", "escribidme", "para responder", "para comentar", "scrivimi", "per rispondere",
        "per commentare", "mail mij", "stuur me", "om te reageren",
    ]

    /// Words that say the reader's e-mail is a reply ("to respond", "your thoughts"; not "I'll reply").
    private static let replyWords = [
        "to respond", "to reply", "reply to this", "respond to this", "reply to the post", "reply to my", "respond to my",
        "your reply", "your response", "your replies", "comment", "thoughts", "feedback", "say hi", "say hello",
        "antwort", "kommentar", "répond", "réagi", "réaction", "commentaire", "respuesta", "responder", "comentario",
        "rispond", "risposta", "commento", "reageer", "reageren", "reactie",
    ]

    /// Words that send the e-mail to the writer ("email me", "send us", "écrivez-moi").
    private static let writerPhrases = [
        "email me", "e-mail me", "mail me", "email us", "e-mail us", "mail us", "send me", "send us", "write to me",
        "write me", "write to us", "write us", "drop me", "drop us", "reach me", "reach us", "contact me", "contact us",
        "shoot me", "sending me", "emailing me", "e-mailing me", "mailing me", "writing to me", "dropping me",
        "emailing us", "e-mailing us", "writing to us", "my inbox", "my email", "my e-mail", "schreib mir", "schreiben sie mir", "schreibt mir",
        "mir eine", "uns eine", "écrivez-moi", "écris-moi", "écrivez-nous", "envoyez-moi", "escríbeme", "escríbenos",
        "escribidme", "envíame", "scrivimi", "scriveteci", "mail mij", "mail ons", "stuur me", "stuur ons",
    ]
}
