/// The "follow" family: a publisher's own invitation to follow, join or contact it elsewhere.
///
/// For example "Find us on Mastodon", "Join our Discord", "Subscribe to our
/// YouTube channel", "Got a question? Email us at …"; in English, German,
/// French, Spanish, Portuguese, Italian and Dutch. Also lines that only name a
/// network and give an address ("Twitter: https://twitter.com/x", "Follow @x").
///
/// The wording is first person ("us", "our", "me"): "Find Andy Weir on
/// Instagram @andyweir" is about the article's guest and stays. Keys are
/// `BoundaryText.normalized` text.
enum FollowLines {
    /// The kind name of these lines.
    static let kind = "social links"
    /// The kind name of first-person contact lines.
    static let contactKind = "contact line"
    /// The longest block a rule takes at an edge, in UTF-8 bytes (twice as long when mostly links).
    static let maximumLength = 240
    /// The longest block a rule takes between paragraphs.
    static let maximumStandaloneLength = 200

    /// The kind of a block at an edge that is a follow or contact line, or nil.
    static func kind(of key: String, linkDensity: Double) -> String? {
        let length = key.utf8.count
        guard length <= maximumLength || linkDensity >= 0.5 && length <= 2 * maximumLength else { return nil }
        let key = straightened(key)
        if isInvitation(key, linkDensity: linkDensity) { return kind }
        if isNetworkLine(key, linkDensity: linkDensity) || isFollowButton(key) || isChannelPrompt(key) || isMoreStoriesPrompt(key)
            || isNetworkNameList(key)
        {
            return kind
        }
        if isContactLine(key) { return contactKind }
        return nil
    }

    /// The kind of a short block between paragraphs that is only a follow or contact prompt, or nil.
    ///
    /// That is a first-person invitation, a follow button, a channel or more-stories prompt, a list
    /// of networks' names, or a contact line with an e-mail address or handle. A handle or a
    /// network's address alone may be a guest's, and is left to the edge rules.
    static func standaloneKind(of key: String, linkDensity: Double) -> String? {
        guard key.utf8.count <= maximumStandaloneLength else { return nil }
        let key = straightened(key)
        if isInvitation(key, linkDensity: linkDensity) || isFollowButton(key) || isChannelPrompt(key)
            || isMoreStoriesPrompt(key) || isNetworkNameList(key)
        {
            return kind
        }
        return key.containsBytes(of: "@") && isContactLine(key) ? contactKind : nil
    }

    /// `key` with typographic apostrophes as "'" ("we’re" as "we're").
    static func straightened(_ key: String) -> String {
        // The apostrophe's UTF-8 opens with E2, which most keys lack.
        key.withBytes({ $0.contains(0xE2) }) && key.containsBytes(of: "’") ? key.replacing("’", with: "'") : key
    }

    // MARK: - Invitations

    /// First-person openings of an invitation to follow or join.
    static let invitations = [
        // English
        "follow us", "follow me", "find us ", "find me ", "you can find us", "you can find me", "you can follow us",
        "you can follow me", "you can also follow", "also follow us", "be sure to follow", "make sure to follow",
        "don't forget to follow", "please follow", "join us on", "join us at", "join our ", "join me on", "come join us",
        "connect with us", "connect with me", "chat with us", "come chat with us", "come hang out", "hang out with us",
        "talk to us on", "like us on", "stay connected", "stay in touch", "keep in touch", "keep up with us",
        "subscribe to our youtube", "subscribe to my youtube", "subscribe to our channel", "subscribe to my channel",
        "you'll find us", "you will find us", "catch us on", "also find us",
        // German
        "folgen sie uns", "folge uns", "folgt uns", "finden sie uns", "du findest uns", "ihr findet uns",
        "besuchen sie uns auf", "besuche uns auf", "abonniere unseren", "abonnieren sie unseren",
        // French
        "suivez-nous", "suivez nous", "retrouvez-nous", "retrouvez nous", "rejoignez-nous", "rejoignez nous",
        "abonnez-vous à notre chaîne", "suis-nous", "suis nous",
        // Spanish
        "síguenos", "siguenos", "encuéntranos", "únete a nuestro", "suscríbete a nuestro canal",
        // Portuguese
        "siga-nos", "segue-nos", "acompanhe-nos", "encontre-nos", "inscreva-se no nosso canal",
        // Italian
        "seguici", "seguiteci", "trovaci", "iscriviti al nostro canale",
        // Dutch
        "volg ons", "vind ons", "abonneer op ons kanaal",
    ]

    /// The invitations by their first byte, which settles most blocks.
    private static let invitationsByInitial = Dictionary(grouping: invitations, by: { $0.utf8.first! })

    /// Social networks and chat services, as they appear in follow lines.
    static let networks = EdgeNoise.socialNetworks + [
        "slack", "signal", "matrix", "substack", "patreon", "newsletter", "community", "forum", "@", "rss", "channel",
    ]

    /// Whether `key` is a first-person invitation that names a network, or is mostly links.
    ///
    /// For example "Follow us on Mastodon", "Join our Discord", "Retrouvez-nous sur Instagram";
    /// never a sentence reporting what someone said.
    private static func isInvitation(_ key: String, linkDensity: Double) -> Bool {
        guard let first = key.utf8.first, let candidates = invitationsByInitial[first],
              candidates.contains(where: key.hasBytePrefix)
        else { return false }
        if reportsSpeech(key) { return false }
        return linkDensity >= 0.5 || networks.contains(where: key.containsBytes(of:))
            || EdgeNoise.mentionsWebAddress(key) && key.utf8.count <= 160
    }

    /// Whether `key` reports what someone said ("…, the minister urged"):
    /// the words are a quotation in the article, not the publisher's call.
    static func reportsSpeech(_ key: String) -> Bool {
        [" said", " says", " urged", " told ", " asked ", " wrote", " tweeted"].contains(where: key.containsBytes(of:))
    }

    // MARK: - Network lines

    /// Labels of a line that gives one network's address.
    private static let networkLabels: Set<Substring> = [
        "twitter", "x", "facebook", "instagram", "linkedin", "mastodon", "youtube", "tiktok", "threads", "bluesky",
        "telegram", "pinterest", "reddit", "tumblr", "twitch", "discord", "slack", "chat", "community", "fediverse",
        "follow", "social", "socials", "social media", "find us", "follow us", "ig", "fb", "matrix", "signal",
        "whatsapp", "email", "newsletter", "rss", "website", "web",
    ]

    /// Whether `key` is a network's label, then addresses, handles, network names or links only.
    ///
    /// For example "Twitter: https://twitter.com/x", "Chat: https://discord.gg/x", "Follow:
    /// <a>Typepad</a> | <a>Twitter</a>".
    private static func isNetworkLine(_ key: String, linkDensity: Double) -> Bool {
        guard key.utf8.count <= 160, key.containsBytes(of: ":"), let colon = key.firstIndex(of: ":"),
              networkLabels.contains(key[..<colon])
        else { return false }
        let rest = key[key.index(after: colon)...].split(whereSeparator: { " |·,•".contains($0) })
        guard !rest.isEmpty, rest.count <= 8 else { return false }
        // Links under a follow label are the publisher's; under a network's
        // name they may be a video or a post of the article's.
        let isFollowLabel = ["follow", "follow us", "find us", "social", "socials", "social media"].contains(key[..<colon])
        return isFollowLabel && linkDensity >= 0.5 || rest.allSatisfy { word in
            word.hasPrefix("@") || word.hasPrefix("http") || word.hasPrefix("www.") || word.contains(".")
                || EdgeNoise.socialNetworkNames.contains(word) || networkLabels.contains(word)
                || ["and", "&", "or", "/"].contains(word)
        }
    }

    /// Whether `key` is a follow button's text ("Follow @harbourgazette", "Follow @gazette on Twitter").
    private static func isFollowButton(_ key: String) -> Bool {
        guard key.utf8.count <= 64, key.hasBytePrefix("follow @") else { return false }
        return key.split(separator: " ").dropFirst().allSatisfy {
            $0.hasPrefix("@") || networkLabels.contains($0) || ["on", "and", "&"].contains($0)
        }
    }

    /// The first bytes of the networks' names.
    private static let networkInitials = Set(EdgeNoise.socialNetworkNames.compactMap(\.utf8.first))

    /// Whether `key` is nothing but networks' names between separators, as follow links are laid out.
    ///
    /// For example "Twitter | Instagram | Mastodon".
    private static func isNetworkNameList(_ key: String) -> Bool {
        guard key.utf8.count <= 80, let first = key.utf8.first, networkInitials.contains(first),
              ["|", "·", "•", ",", "/", "–", "—", "-"].contains(where: key.containsBytes(of:))
        else { return false }
        let names = key.split(whereSeparator: { "|·•,/–—-".contains($0) }).map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        return names.count >= 2 && names.allSatisfy { EdgeNoise.socialNetworkNames.contains($0) }
    }

    /// Whether `key` is a short prompt to subscribe to a channel.
    ///
    /// For example "Subscribe to Harbour Weekly's YouTube channel".
    private static func isChannelPrompt(_ key: String) -> Bool {
        key.utf8.count <= 80 && key.hasBytePrefix("subscribe to ") && key.containsBytes(of: " channel")
            && !key.containsBytes(of: ". ")
    }

    /// Whether the publisher sends the reader to its other stories at an address.
    ///
    /// For example "For other stories about wild greens, visit www.example.org".
    private static func isMoreStoriesPrompt(_ key: String) -> Bool {
        guard key.utf8.count <= 200, key.hasBytePrefix("for other ") || key.hasBytePrefix("for more "),
              ["stories", "articles", "posts", "episodes", "updates", "content like this"].contains(where: key.containsBytes(of:)),
              ["visit ", "check out ", "head to ", "go to ", "head over to ", "see "].contains(where: key.containsBytes(of:))
        else { return false }
        return EdgeNoise.mentionsWebAddress(key)
    }

    // MARK: - Sections

    /// First-person labels that open a list of the publisher's own networks.
    ///
    /// For example "Follow us:", "Find us online:".
    private static let sectionLabels: Set<String> = [
        "follow us", "follow us on", "find us", "find us on", "find us online", "find us elsewhere", "connect with us",
        "stay in touch", "stay connected", "where to find us", "follow along", "follow the show", "us on the web",
        "our socials", "our social media", "find us on social media", "follow us on social media", "folgen sie uns",
        "folge uns", "suivez-nous", "retrouvez-nous", "síguenos", "siga-nos", "seguici", "volg ons",
    ]

    /// Whether a short block or line is such a label.
    static func isSectionLabel(_ text: String) -> Bool {
        text.utf8.count <= 48 && sectionLabels.contains(straightened(BoundaryText.normalized(text)))
    }

    /// Whether a short block or line under such a label is one of the networks.
    ///
    /// It is when mostly links, a handle, a network's name or a network line.
    static func isSectionEntry(_ text: String, linkDensity: Double) -> Bool {
        guard text.utf8.count <= 120 else { return false }
        let key = BoundaryText.normalized(text)
        if linkDensity >= 0.5 || key.hasBytePrefix("@") || isNetworkLine(key, linkDensity: linkDensity) { return true }
        let words = key.split(whereSeparator: { " |·,:".contains($0) })
        return !words.isEmpty && words.count <= 4 && words.contains(where: networkLabels.contains)
            && words.allSatisfy { networkLabels.contains($0) || $0.hasPrefix("@") || ["on", "and", "&"].contains($0) }
    }

    /// How many blocks from `index` on make a follow section between paragraphs, or nil.
    ///
    /// The section is the label and the networks under it (at most 8). Nil when the block is not
    /// such a label or nothing under it is a network.
    static func section(at index: Int, in blocks: [Block]) -> Int? {
        guard blocks[index].length <= 48, isSectionLabel(blocks[index].text) else { return nil }
        var count = 1
        while index + count < blocks.count, count <= 8, !blocks[index + count].isHeading,
              isSectionEntry(blocks[index + count].text, linkDensity: blocks[index + count].linkDensity)
        {
            count += 1
        }
        return count > 1 ? count : nil
    }

    // MARK: - Contact lines

    /// First-person requests to get in touch.
    private static let contactPhrases = [
        "email us", "e-mail us", "write to us", "write us", "reach us", "contact us", "send us", "drop us a line",
        "get in touch", "tweet us", "message us", "let us know", "reach out to us", "hear from you", "email me",
        "e-mail me", "write to me", "reach me", "contact me", "drop me a line", "let me know", "reach out to me",
        "schreiben sie uns", "schreib uns", "écrivez-nous", "contactez-nous", "escríbenos", "contáctanos",
        "escreva-nos", "fale conosco", "scrivici", "contattaci", "mail ons", "schrijf ons",
    ]

    /// "Got a question or a comment? You can reach us at show@example.org",
    /// "Feedback? Email us at letters@example.org": a short request to get
    /// in touch that gives an address or a handle.
    private static func isContactLine(_ key: String) -> Bool {
        // A question or the request itself opens the line.
        guard key.utf8.count <= 200,
              contactOpenings.contains(where: key.hasBytePrefix) || contactPhrases.contains(where: key.hasBytePrefix),
              contactPhrases.contains(where: key.containsBytes(of:)),
              key.containsBytes(of: "@") || EdgeNoise.mentionsWebAddress(key)
        else { return false }
        return true
    }

    /// How contact lines open, besides the requests themselves.
    private static let contactOpenings = [
        "got a ", "have a ", "have questions", "questions", "question", "feedback", "comments", "suggestions", "ideas",
        "tips", "if you have", "if you've got", "want to ", "you can ", "we'd love", "we would love", "i'd love",
        "we love", "please ",
    ]
}
