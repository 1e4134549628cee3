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
    /// `creditLabels`, by their first byte.
    private static let creditLabelsByInitial = Openings(creditLabels)

    /// The marks between the words of a network line.
    private static let wordSeparators = CharacterChoice(" |·,:")
    /// The space between words.
    private static let wordSpaces = CharacterChoice(" ")
    /// The marks between the entries after a label.
    private static let entrySeparators = CharacterChoice(" |·,•")
    /// The marks between the names of a network list.
    private static let networkSeparators = CharacterChoice(" |·,•/")
    /// The marks that end a sentence.
    private static let sentenceEnds = CharacterChoice(".?!")
    /// The marks between the names of a list.
    private static let listSeparators = CharacterChoice("|·•,/–—-")

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
        let key = straightened(withoutLeadingSymbols(key))
        if isInvitation(key, linkDensity: linkDensity) || isFollowNamed(key, linkDensity: linkDensity) || isCommunityInvitation(key) {
            return kind
        }
        if isNetworkLine(key, linkDensity: linkDensity) || isFollowButton(key) || isChannelPrompt(key) || isMoreStoriesPrompt(key)
            || isNetworkNameList(key, linkDensity: linkDensity) || isHandleList(key)
        {
            return kind
        }
        if isContactLine(key) || isAddressAlone(key) { return contactKind }
        if isLinkHubLine(key) || isNewsChannelPrompt(key) || isLedByPurpose(key) || isSiteFollowPrompt(key) { return kind }
        if isNewsletterCall(key) { return "newsletter prompt" }
        return labelledAddressKind(of: key, linkDensity: linkDensity)
    }

    /// The kind of a show-notes line that is a label and one address, or nil.
    ///
    /// For example "☕ Support: harbour.fm/support", "Donations: <a>…</a>", "📧 Contact:
    /// hello@harbour.fm", "Advertise with us: harbour.fm/ads", "Check out our other shows: …". The
    /// label is one the publisher gives its own pages (support, contact, advertising, its other
    /// shows); after the colon, one address, e-mail address or handle, or mostly links.
    private static func labelledAddressKind(of key: String, linkDensity: Double) -> String? {
        guard key.utf8.count <= 120, let colon = key.utf8.prefix(48).firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let label = String(key[..<colon])
        let rest = key[key.utf8.index(after: colon)...].split(separator: " ")
        guard rest.count == 1 && (rest[0].contains("@") || EdgeNoise.mentionsWebAddress(String(rest[0])))
                || linkDensity >= 0.5 && rest.count <= 6,
              let what = addressLabels[label]
        else { return nil }
        return what
    }

    /// Labels of the publisher's own pages, and the kind of line they make.
    private static let addressLabels: [String: String] = {
        var labels: [String: String] = [:]
        for label in ["support", "support us", "support the show", "support the podcast", "donate", "donations", "donation",
                      "become a patron", "become a supporter", "become a member", "tip jar", "tips", "membership", "patreon"] {
            labels[label] = DonationPrompts.kind
        }
        for label in ["contact", "contact us", "email", "e-mail", "email us", "feedback", "send us feedback", "questions",
                      "voicemail", "hotline", "get in touch", "write to us"] {
            labels[label] = contactKind
        }
        for label in ["advertise", "advertise with us", "advertising", "sponsor the show", "sponsorship", "sponsorships",
                      "sponsor us", "business inquiries", "listen", "listen to the show", "check out our other shows",
                      "our other shows", "more shows", "other shows", "more from our network"] {
            labels[label] = "podcast links"
        }
        return labels
    }()

    /// Whether `key` is a news site's prompt to follow its authors or get its alerts.
    ///
    /// For example "Follow topics and authors from this story to see more like this in your
    /// personalized homepage feed", "Sign up for notifications from Insider!", "Download our app
    /// for breaking news alerts". Only these prompts' own openings, which no article sentence shares.
    private static func isSiteFollowPrompt(_ key: String) -> Bool {
        guard key.utf8.count <= 200 else { return false }
        if siteFollowOpeningsByInitial.open(key) { return !reportsSpeech(key) }
        // "Download the Harbour app for iOS and Android to get breaking news alerts."
        guard ["download our app", "get our app", "download the ", "get the ", "install the "].contains(where: key.hasBytePrefix),
              let app = key.utf8.prefix(48).firstRange(of: " app".utf8)
        else { return false }
        let rest = key[app.upperBound...]
        return ["news alert", "breaking news", "latest news", "notifications", "our journalism"].contains(where: rest.containsBytes(of:))
            && !reportsSpeech(key)
    }

    /// Openings of news sites' follow and alert prompts.
    /// `siteFollowOpenings`, by their first byte.
    private static let siteFollowOpeningsByInitial = Openings(siteFollowOpenings)
    private static let siteFollowOpenings = [
        "follow topics and authors", "follow authors and topics", "follow this author", "follow this topic",
        "follow the topics and authors", "sign up for notifications", "turn on notifications", "get notifications from",
        "get email alerts", "get alerts from", "sign up for alerts", "receive email updates from",
    ]

    /// Whether `key` asks the reader to join the publisher's mailing list, in the first person, without an address.
    ///
    /// For example "Get the latest news delivered to your inbox: sign up for our daily newsletter.".
    /// The call opens the block or follows a lead-in ending in ":"; "She signed up for our newsletter in 2019" stays.
    private static func isNewsletterCall(_ key: String) -> Bool {
        guard key.utf8.count <= 200, newsletterPhrases.isFound(in: key) else { return false }
        let call = key.firstRange(of: ": ").map { key[$0.upperBound...] } ?? key[...]
        return newsletterCalls.contains(where: call.hasBytePrefix) && call.utf8.count >= key.utf8.count - 100
            && !reportsSpeech(key)
    }

    /// Words for a newsletter, in several languages.
    private static let newsletterWords = [
        "newsletter", "mailing list", "email list", "boletín", "lettre d'information", "lettre d’information",
        "рассылк", "新闻通讯", "邮件列表", "ニュースレター",
    ]

    /// `newsletterWords`, found through the anchors they share.
    private static let newsletterPhrases = PhraseSet(newsletterWords)

    /// How a call to subscribe to the newsletter opens, in several languages.
    private static let newsletterCalls = [
        "sign up for our", "sign up to our", "subscribe to our", "join our", "get our", "sign up for the", "subscribe to the",
        "abonnez-vous à notre", "inscrivez-vous à notre", "suscríbete a nuestro", "suscríbete al", "iscriviti alla nostra",
        "assine nossa", "assine a nossa", "inscreva-se na nossa", "abonniere unseren", "abonnieren sie unseren",
        "melde dich für unseren", "подпишитесь на нашу", "подпишитесь на наш", "订阅我们的", "ニュースレターに登録",
    ]

    /// Whether `key` invites the reader to get the publisher's news in a messaging app's channel.
    ///
    /// For example ":: Clique aqui para receber notícias do Brasil de Fato no seu WhatsApp ::", "Get
    /// our news on Telegram: t.me/harbour", "Recibe las noticias en tu WhatsApp". A call to get or
    /// join, the news or the channel, and the app, in one short line; "The minister's WhatsApp
    /// messages were leaked" stays.
    private static func isNewsChannelPrompt(_ key: String) -> Bool {
        guard key.utf8.count <= 160, ["whatsapp", "telegram", "signal"].contains(where: key.containsBytes(of:)) else { return false }
        let call = key.drop(while: { ":|-–—•·►▶ ".contains($0) })
        return newsChannelCalls.contains(where: call.hasBytePrefix)
            && newsChannelObjects.contains(where: call.containsBytes(of:)) && !reportsSpeech(key)
    }

    /// How calls to a news channel open, in several languages.
    static let newsChannelCalls = [
        "clique aqui", "click here", "get our", "get the latest", "get news", "receive ", "join our", "join the",
        "follow our", "subscribe to our", "receba ", "entre no", "entre em", "participe", "siga ", "recibe ", "únete",
        "suscríbete", "recevez ", "rejoignez", "abonnez-vous", "erhalte ", "erhalten sie", "folge unserem", "abonniere ",
        "ricevi ", "iscriviti", "unisciti",
    ]

    /// What such a call offers: the news, the updates, the channel.
    private static let newsChannelObjects = [
        "news", "notícias", "noticias", "nouvelles", "actualités", "infos", "nachrichten", "notizie", "updates", "alerts",
        "channel", "canal", "kanal", "canale", "grupo", "group", "gruppe",
    ]

    /// Whether `key` is an invitation to follow led in by what following gives.
    ///
    /// For example "For the latest news on closers, be sure to follow @CloserNews on Twitter.",
    /// "For more updates, follow us on Mastodon". The lead-in opens with "for", ends at a comma
    /// within 100 bytes, and the invitation names a network or a handle.
    private static func isLedByPurpose(_ key: String) -> Bool {
        guard key.utf8.count <= 200, key.hasBytePrefix("for "), !reportsSpeech(key),
              let comma = key.utf8.prefix(100).firstIndex(of: UInt8(ascii: ","))
        else { return false }
        let call = key[key.utf8.index(after: comma)...].drop(while: { $0 == " " })
        guard ["be sure to follow", "make sure to follow", "make sure you follow", "follow us", "follow me", "find us",
               "you can follow", "you can find us", "join us on", "join our", "connect with us"].contains(where: call.hasBytePrefix),
              !call.containsBytes(of: ". ")
        else { return false }
        return call.containsBytes(of: "@") || EdgeNoise.socialNetworks.contains(where: call.containsBytes(of:))
    }

    /// Whether `key` gives the publisher's page of links on a link-in-bio service, with a short label at most.
    ///
    /// For example "All our links: linktr.ee/harbour", "🔗 https://linktr.ee/harbourpod", "Everywhere
    /// else: lnk.bio/harbour". Such a page lists the show's networks and platforms.
    private static func isLinkHubLine(_ key: String) -> Bool {
        guard key.utf8.count <= 120, key.containsBytes(of: "/"), let hub = linkHubs.first(where: key.containsBytes(of:)),
              let range = key.firstRange(of: hub)
        else { return false }
        // A few words of label before the address, and nothing but the address after it.
        let before = key[..<range.lowerBound].split(separator: " ").filter { !$0.hasPrefix("http") }
        // The address runs to the next space.
        let after = key[range.upperBound...].split(separator: " ").dropFirst()
        return before.count <= 5 && after.isEmpty && !key[..<range.lowerBound].containsBytes(of: ". ")
    }

    /// Link-in-bio services' addresses, as a show's notes give them.
    private static let linkHubs = [
        "linktr.ee/", "lnk.bio/", "beacons.ai/", "linkin.bio/", "bio.link/", "campsite.bio/", "solo.to/", "hoo.be/",
        "pod.link/", "podlink.to/", "podfollow.com/", "link.chtbl.com/", "lnk.to/", "smarturl.it/", "allmylinks.com/",
    ]

    /// Whether `key` is one e-mail address and nothing else ("hi@harbour.fm", a `mailto:` link's text).
    ///
    /// At an edge it is where to write, under a "Get in touch" or alone; a sentence that gives an
    /// address says more.
    private static func isAddressAlone(_ key: String) -> Bool {
        guard key.utf8.count <= 64, !key.containsBytes(of: " "), let at = key.utf8.firstIndex(of: UInt8(ascii: "@")),
              at != key.utf8.startIndex
        else { return false }
        let domain = key.utf8[key.utf8.index(after: at)...]
        return domain.contains(UInt8(ascii: ".")) && !domain.contains(UInt8(ascii: "@"))
    }

    /// The kind of a short block between paragraphs that is only a follow or contact prompt, or nil.
    ///
    /// That is a first-person invitation, a follow button, a channel or more-stories prompt, a list
    /// of networks' names, or a contact line with an e-mail address or handle. A handle or a
    /// network's address alone may be a guest's, and is left to the edge rules.
    static func standaloneKind(of key: String, linkDensity: Double) -> String? {
        if isCommunityInvitation(key) { return kind }
        guard key.utf8.count <= maximumStandaloneLength else { return nil }
        let key = straightened(withoutLeadingSymbols(key))
        if isInvitation(key, linkDensity: linkDensity) || isFollowButton(key) || isChannelPrompt(key)
            || isMoreStoriesPrompt(key) || isNetworkNameList(key) || isLinkHubLine(key) || isNewsChannelPrompt(key)
        {
            return kind
        }
        return key.containsBytes(of: "@") && isContactLine(key) ? contactKind : nil
    }

    /// `key` without the bullets, arrows and emoji that open lines of show notes.
    ///
    /// For example "► Twitter: …", "👉 Support us …". Letters, digits, "@", "#", "(" and quotes open
    /// a line of text.
    static func withoutLeadingSymbols(_ key: String) -> String {
        // An ASCII letter or digit opens most keys, and leaves them as they are.
        if let byte = key.utf8.first, byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            || byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")
        {
            return key
        }
        guard let first = key.unicodeScalars.first, !first.properties.isAlphabetic, !("0"..."9").contains(first),
              !"@#(\"'“‘«¿¡".unicodeScalars.contains(first)
        else { return key }
        let rest = key.unicodeScalars.drop { scalar in
            !scalar.properties.isAlphabetic && !("0"..."9").contains(scalar) && !"@#(\"'“‘«¿¡".unicodeScalars.contains(scalar)
        }
        // The rest's bytes, copied at once: building it scalar by scalar cost more than the rules that read it.
        return String(Substring(rest))
    }

    /// `key` with typographic apostrophes as "'" ("we’re" as "we're").
    static func straightened(_ key: String) -> String {
        key.withBytes { bytes in
            // The apostrophe's UTF-8 opens with E2, which most keys lack.
            guard ByteSearch.firstIndex(of: 0xE2, in: bytes, from: 0) != nil, "’".withBytes({ ByteSearch.contains(bytes, $0) })
            else { return key }
            // An apostrophe (E2 80 99) between ASCII bytes or apostrophes is a Character of its
            // own: its bytes are swapped in one pass. One beside other text may join a mark (a
            // combining accent after it), and goes through the Character-wise replacement.
            let isApostrophe = { (index: Int) in
                index >= 0 && index + 2 < bytes.count && bytes[index] == 0xE2 && bytes[index + 1] == 0x80
                    && bytes[index + 2] == 0x99
            }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                guard isApostrophe(index) else {
                    output.append(bytes[index])
                    index += 1
                    continue
                }
                let before = index == 0 || bytes[index - 1] < 0x80 || isApostrophe(index - 3)
                let after = index + 3 == bytes.count || bytes[index + 3] < 0x80 || isApostrophe(index + 3)
                guard before, after else { return key.replacing("’", with: "'") }
                output.append(UInt8(ascii: "'"))
                index += 3
            }
            return String(decoding: output, as: UTF8.self)
        }
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
        "you'll find us", "you will find us", "catch us on", "also find us", "check us out on", "give us a follow",
        "give me a follow", "say hi to us on", "tag us on", "tag us in",
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
        // Russian and Chinese
        "подписывайтесь на нас", "подпишитесь на нас", "следите за нами", "присоединяйтесь к нам", "关注我们", "關注我們",
    ]

    /// The invitations by their first byte, which settles most blocks.
    private static let invitationsByInitial = Openings(invitations)

    /// Social networks and chat services, as they appear in follow lines.
    static let networks = EdgeNoise.socialNetworks + [
        "slack", "signal", "matrix", "substack", "patreon", "newsletter", "community", "forum", "@", "rss", "channel",
        "google news",
    ]

    /// Whether `key` is a first-person invitation that names a network, or is mostly links.
    ///
    /// For example "Follow us on Mastodon", "Join our Discord", "Retrouvez-nous sur Instagram";
    /// never a sentence reporting what someone said.
    private static func isInvitation(_ key: String, linkDensity: Double) -> Bool {
        guard invitationsByInitial.open(key) else { return isLedInvitation(key) }
        if reportsSpeech(key) { return false }
        return linkDensity >= 0.5 || networks.contains(where: key.containsBytes(of:))
            || EdgeNoise.mentionsWebAddress(key) && key.utf8.count <= 160
    }

    /// First-person invitations that a short lead-in may open.
    ///
    /// For example "So - you should probably follow us on Twitter, or join the mailing list!", "And
    /// don't forget: find us on Mastodon", "Stay up to date with the latest news: follow us on …".
    private static let ledInvitations = [
        "follow us on ", "follow me on ", "find us on ", "find me on ", "join us on ", "connect with us on ", "like us on ",
        "join the conversation on ", "join in on the conversation on ", "join the conversation over on ",
        "keep up with us on ", "keep up with the show on ", "keep up with the podcast on ",
        "follow the show on ", "follow the podcast on ", "following us on ", "by following us",
    ]
    /// `ledInvitations`, found through the anchors they share.
    private static let ledInvitationPhrases = PhraseSet(ledInvitations)

    /// Whether `key` is a block that holds such an invitation.
    ///
    /// The block is at most 120 bytes, names a network and reports no speech; the invitation is
    /// within its first 48 bytes and after no sentence's end.
    private static func isLedInvitation(_ key: String) -> Bool {
        guard key.utf8.count <= 120, let phrase = ledInvitationPhrases.first(in: key),
              let range = key.firstRange(of: phrase), key.utf8.distance(from: key.startIndex, to: range.lowerBound) <= 48,
              // The lead-in is a few words, not a sentence of its own; it may end
              // in a colon ("Stay up to date: follow us on …").
              !key[..<range.lowerBound].contains(where: { sentenceEnds.contains($0) }), !reportsSpeech(key)
        else { return false }
        let rest = key[range.upperBound...]
        return EdgeNoise.socialNetworks.contains(where: rest.containsBytes(of:)) || rest.containsBytes(of: "google news")
    }

    /// Whether `key` is the imperative to follow a short name on networks, with a handle, a link or two networks.
    ///
    /// For example "Follow Night Harbour on Twitter @nightharbour and Instagram", "Follow Harbour
    /// Weekly on Mastodon: <a>…</a>", "Follow Brian on <a>Twitter</a>" (any link). "Find Andy Weir
    /// on Instagram" may name the article's guest.
    private static func isFollowNamed(_ key: String, linkDensity: Double) -> Bool {
        guard key.utf8.count <= 160, key.hasBytePrefix("follow "), !reportsSpeech(key),
              let on = key.firstRange(of: " on "), key[..<on.lowerBound].split(separator: " ").count <= 5
        else { return false }
        let rest = key[on.upperBound...]
        let networks = EdgeNoise.socialNetworks.filter { rest.containsBytes(of: $0) }.count
        guard networks >= 1 else { return false }
        return networks >= 2 || rest.containsBytes(of: "@") || linkDensity > 0 || EdgeNoise.mentionsWebAddress(String(rest))
    }

    /// Chat places a publisher's community meets in.
    private static let communityPlaces = ["discord", "slack", "telegram", "matrix", "subreddit", "forum", "whatsapp", "signal group"]

    /// Whether `key` is the publisher's invitation to its chat, in the first person, up to 300 bytes.
    ///
    /// For example "We also have a community Discord server where you can join our community and
    /// chat with other readers".
    static func isCommunityInvitation(_ key: String) -> Bool {
        guard key.utf8.count <= 300, key.containsBytes(of: "join our ") || key.containsBytes(of: "join us "),
              communityPlaces.contains(where: key.containsBytes(of:)), !reportsSpeech(key)
        else { return false }
        return key.hasBytePrefix("we ") || key.hasBytePrefix("join ") || key.hasBytePrefix("you can ")
            || key.hasBytePrefix("come ") || key.containsBytes(of: " we ")
    }

    /// Whether `key` reports what someone said ("…, the minister urged"):
    /// the words are a quotation in the article, not the publisher's call.
    static func reportsSpeech(_ key: String) -> Bool {
        speechVerbPhrases.isFound(in: key)
    }

    /// `speechVerbs`, found through the anchors they share.
    private static let speechVerbPhrases = PhraseSet(speechVerbs)

    /// Verbs that report what someone said, in several languages.
    private static let speechVerbs = [
        " said", " says", " urged", " told ", " asked ", " wrote", " tweeted", " sagte", " a dit", " a déclaré",
        " dijo", " disse", " ha detto", " zei ", " сказал", " заявил", " говорил", " просил",
    ]

    // MARK: - Network lines

    /// Labels of a line that gives one network's address.
    private static let networkLabels: Set<Substring> = [
        "twitter", "x", "facebook", "instagram", "linkedin", "mastodon", "youtube", "tiktok", "threads", "bluesky",
        "telegram", "pinterest", "reddit", "tumblr", "twitch", "discord", "slack", "chat", "community", "fediverse",
        "follow", "social", "socials", "social media", "find us", "follow us", "ig", "fb", "matrix", "signal",
        "whatsapp", "email", "newsletter", "rss", "website", "web",
    ]

    /// Words of a label that credits or cites, not a list of networks ("Photo: Instagram @jane").
    private static let creditLabels = [
        "photo", "image", "picture", "credit", "source", "via", "quelle", "foto", "bild", "illustration", "video", "quote",
        "h/t", "hat tip", "screenshot", "cover", "art",
    ]

    /// Words of a label that invites to follow ("Follow the show:", "Where to find Jane:").
    private static let followLabelWords = ["follow", "find ", "connect", "social", "socials", "where to find", "elsewhere"]

    /// Whether `key` is a label, then addresses, handles, network names or links only.
    ///
    /// One under a network's name, two or more under any short label but a credit:
    /// "Twitter: https://twitter.com/x", "Chat: https://discord.gg/x", "Follow:
    /// <a>Typepad</a> | <a>Twitter</a>", "Follow the show: Instagram | Twitter",
    /// "Jane Doe: Twitter · Instagram".
    private static func isNetworkLine(_ key: String, linkDensity: Double) -> Bool {
        guard key.utf8.count <= 160, key.containsBytes(of: ":"), let colon = key.firstIndex(of: ":") else { return false }
        let label = key[..<colon]
        let isNetworkLabel = networkLabels.contains(label)
        let isFollowLabel = !isNetworkLabel && label.utf8.count <= 48 && followLabelWords.contains(where: label.containsBytes(of:))
        let isShortLabel = { label.utf8.count <= 40 && wordSpaces.split(label).count <= 5 && !creditLabelsByInitial.open(label) }
        guard isNetworkLabel || isFollowLabel || isShortLabel() else { return false }
        // "Twitter: @x | Instagram: @y": a label inside the list reads without its colon.
        let rest = entrySeparators.split(key[key.index(after: colon)...])
            .map { $0.hasSuffix(":") ? $0.dropLast() : $0 }.filter { !$0.isEmpty }
        guard !rest.isEmpty, rest.count <= 8 else { return false }
        // Links under a follow label are the publisher's; under a network's
        // name they may be a video or a post of the article's.
        if isFollowLabel || ["follow", "follow us", "find us", "social", "socials", "social media"].contains(label),
           linkDensity >= 0.5
        {
            return true
        }
        let isNetworkItem = { (word: Substring) in
            word.hasPrefix("@") || word.hasPrefix("http") || word.hasPrefix("www.") || word.contains(".")
                || EdgeNoise.socialNetworkNames.contains(word) || networkLabels.contains(word)
        }
        guard rest.allSatisfy({ isNetworkItem($0) || ["and", "&", "or", "/", "-", "–"].contains($0) }) else { return false }
        if isNetworkLabel || isFollowLabel { return true }
        // Under a name: two networks or more, named or as handles.
        return rest.filter { EdgeNoise.socialNetworkNames.contains($0) || $0.hasPrefix("@") }.count >= 2
            || rest.filter(isNetworkItem).count >= 2 && linkDensity >= 0.5
    }

    /// Whether `key` is nothing but handles, networks' names and addresses, with two handles at least.
    ///
    /// For example "@harbourgazette on X · gazette.bsky.social". One handle, "@guest on Twitter",
    /// may be a guest's.
    private static func isHandleList(_ key: String) -> Bool {
        guard key.utf8.count <= 160, key.containsBytes(of: "@") || key.containsBytes(of: ".bsky.") else { return false }
        let words = networkSeparators.split(key)
        guard words.count >= 2 else { return false }
        let handles = words.filter { $0.hasPrefix("@") || $0.hasSuffix(".bsky.social") }
        return !handles.isEmpty && words.allSatisfy { word in
            word.hasPrefix("@") || word.hasSuffix(".bsky.social") || EdgeNoise.socialNetworkNames.contains(word)
                || networkLabels.contains(word) || ["on", "at", "and", "&", "or", "-", "–", "—"].contains(word)
        } && handles.count >= 2
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
    private static func isNetworkNameList(_ key: String, linkDensity: Double = 0) -> Bool {
        guard key.utf8.count <= 80, let first = key.utf8.first, networkInitials.contains(first) else { return false }
        // A row of linked icons' names needs no separator: "Facebook Twitter Instagram".
        guard ["|", "·", "•", ",", "/", "–", "—", "-"].contains(where: key.containsBytes(of:)) else {
            guard linkDensity >= 0.5 else { return false }
            let words = key.split(separator: " ")
            return words.count >= 2 && words.allSatisfy { EdgeNoise.socialNetworkNames.contains($0) }
        }
        let names = listSeparators.split(key).map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
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

    /// Words of a label line ending in ":" that opens a list of the publisher's networks.
    ///
    /// For example "Here are all the places you can find us:", "#ABONNIERE UNS HIER:".
    private static let sectionLabelWords = [
        "find us", "find me", "follow us", "follow me", "follow the show", "follow the podcast", "connect with us",
        "connect with me", "social", "tag us", "stay in touch", "stay connected",
        "abonniere uns", "abonniert uns", "abonnieren sie uns", "folge uns", "folgt uns", "folgen sie uns", "folge mir",
        "suivez-nous", "suivez nous", "retrouvez-nous", "síguenos", "siguenos", "siga-nos", "seguici", "volg ons",
        "vind ons",
    ]

    /// Whether a short block or line is such a label.
    ///
    /// Such a label is a known label, or a line ending in ":" that invites to follow.
    static func isSectionLabel(_ text: String) -> Bool {
        guard text.utf8.count <= 64 else { return false }
        var key = straightened(withoutLeadingSymbols(BoundaryText.normalized(text)))
        while key.hasPrefix("#") { key.removeFirst() }
        if key.utf8.count <= 48, sectionLabels.contains(key) { return true }
        // `normalized` drops the colon: the text keeps it.
        let endsWithColon = text.utf8.last(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 }) == UInt8(ascii: ":")
        // "Follow our installation instructions:" opens the article's list.
        return endsWithColon && !key.containsBytes(of: ". ") && sectionLabelWords.contains(where: key.containsBytes(of:))
    }

    /// Whether a short block or line under such a label is one of the networks.
    ///
    /// It is when mostly links, a handle, a network's name or a network line, "KagiHQ on
    /// Mastodon", or a short label and one address ("Seminare: https://example.org/s").
    static func isSectionEntry(_ text: String, linkDensity: Double) -> Bool {
        guard text.utf8.count <= 120 else { return false }
        let key = BoundaryText.normalized(text)
        if linkDensity >= 0.5 || key.hasBytePrefix("@") || isNetworkLine(key, linkDensity: linkDensity) || isHandleList(key) {
            return true
        }
        let words = wordSeparators.split(key)
        if words.count >= 3, words.count <= 5, words[words.count - 2] == "on", EdgeNoise.socialNetworkNames.contains(words.last!) {
            return true
        }
        if let colon = key.firstIndex(of: ":"), key[..<colon].utf8.count <= 40 {
            let rest = key[key.index(after: colon)...].split(separator: " ")
            if rest.count == 1, rest[0].hasPrefix("http") || rest[0].hasPrefix("www.") || rest[0].hasPrefix("@") { return true }
        }
        return !words.isEmpty && words.count <= 4 && words.contains(where: networkLabels.contains)
            && words.allSatisfy { networkLabels.contains($0) || $0.hasPrefix("@") || ["on", "and", "&"].contains($0) }
    }

    /// Whether a block is one linked network's name, alone or with a handle.
    ///
    /// For example "<a>Mastodon</a>", "<a>KagiHQ on Bluesky</a>".
    private static func isLinkedNetwork(_ block: Block) -> Bool {
        guard block.length <= 48, block.linkDensity >= 0.5, !block.isHeading else { return false }
        let words = wordSeparators.split(block.key)
        guard let last = words.last, EdgeNoise.socialNetworkNames.contains(last) || networkLabels.contains(last) else { return false }
        return words.count == 1 || words.count <= 4 && words[words.count - 2] == "on"
    }

    /// Words of a paragraph that introduces the publisher's networks.
    private static let introWords = ["follow", "find us", "find me", "social", "connect", "join us", "engage with us"]

    /// How many blocks from `index` on make a follow section between paragraphs, or nil.
    ///
    /// The section is the label and the networks under it (at most 8). Nil when the block is not
    /// such a label or nothing under it is a network.
    static func section(at index: Int, in blocks: [Block], end: Int? = nil) -> Int? {
        guard blocks[index].length <= 64 else { return nil }
        let end = end ?? blocks.count
        if isSectionLabel(blocks[index].text) {
            var count = 1
            while index + count < end, count <= 8, !blocks[index + count].isHeading,
                  isSectionEntry(blocks[index + count].text, linkDensity: blocks[index + count].linkDensity)
            {
                count += 1
            }
            return count > 1 ? count : nil
        }
        return networkList(at: index, in: blocks, end: end)
    }

    /// How many blocks from `index` on are linked networks' names, two at least and at most 10; nil otherwise.
    ///
    /// For example "<a>Mastodon</a>", "<a>Bluesky</a>". They stand under a paragraph that invites
    /// to follow, or end the article.
    static func networkList(at index: Int, in blocks: [Block], end: Int) -> Int? {
        guard index > 0, isLinkedNetwork(blocks[index]), !isLinkedNetwork(blocks[index - 1]) else { return nil }
        var count = 1
        while index + count < end, count < 10, isLinkedNetwork(blocks[index + count]) { count += 1 }
        guard count >= 2 else { return nil }
        // Ending the article, the run is the publisher's icons, unless the
        // paragraph above ends in ":" and introduces it as the article's list.
        let previous = blocks[index - 1].bytes
        if index + count == end, previous.last(where: { $0 != 0x20 }) != UInt8(ascii: ":") { return count }
        let intro = BoundaryText.normalized(String(decoding: previous.prefix(600), as: UTF8.self))
        return introWords.contains(where: intro.containsBytes(of:)) || isSectionLabel(blocks[index - 1].text) ? count : nil
    }

    // MARK: - Contact lines

    /// First-person requests to get in touch.
    private static let contactPhrases = [
        "email us", "e-mail us", "write to us", "write us", "reach us", "contact us", "send us", "drop us a line",
        "get in touch", "tweet us", "message us", "let us know", "reach out to us", "hear from you", "email me",
        "e-mail me", "write to me", "reach me", "contact me", "drop me a line", "let me know", "reach out to me",
        "schreiben sie uns", "schreib uns", "écrivez-nous", "contactez-nous", "escríbenos", "contáctanos",
        "escreva-nos", "fale conosco", "scrivici", "contattaci", "mail ons", "schrijf ons", "send it to", "send them to",
        "send your questions", "send your feedback", "leave a voicemail", "leave us a voicemail", "call us at", "text us at",
    ]

    /// "Got a question or a comment? You can reach us at show@example.org",
    /// "Feedback? Email us at letters@example.org": a short request to get
    /// in touch that gives an address or a handle.
    private static func isContactLine(_ key: String) -> Bool {
        // "Email ads@harbour.fm": the imperative and the address alone.
        if key.hasBytePrefix("email ") || key.hasBytePrefix("e-mail "), key.split(separator: " ").count == 2 {
            return isAddressAlone(String(key.split(separator: " ")[1]))
        }
        // A question or the request itself opens the line.
        guard key.utf8.count <= 200,
              contactLineOpenings.open(key),
              contactPhrases.contains(where: key.containsBytes(of:)),
              key.containsBytes(of: "@") || EdgeNoise.mentionsWebAddress(key) || mentionsPhoneNumber(key) && !reportsSpeech(key)
        else { return false }
        return true
    }

    /// How contact lines open: the requests themselves, or these.
    private static let contactLineOpenings = Openings(contactOpenings + contactPhrases)

    /// Whether `key` holds a telephone number: seven digits or more in a run of digits, spaces and "()-+.".
    ///
    /// For example "Leave us a voicemail at (555) 010-2030".
    private static func mentionsPhoneNumber(_ key: String) -> Bool {
        var digits = 0
        for byte in key.utf8 {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits += 1
                if digits >= 7 { return true }
            } else if !" ()-+.".utf8.contains(byte) {
                digits = 0
            }
        }
        return false
    }

    /// How contact lines open, besides the requests themselves.
    private static let contactOpenings = [
        "got a ", "have a ", "have questions", "questions", "question", "feedback", "comments", "suggestions", "ideas",
        "tips", "if you have", "if you've got", "want to ", "you can ", "we'd love", "we would love", "i'd love",
        "we love", "please ",
    ]
}
