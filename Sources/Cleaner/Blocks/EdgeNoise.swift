#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Boilerplate families that feeds put at either edge of an entry, found by wording and shape.
///
/// Podcast platform lists and hosting notes, sponsor messages, paywall prompts, blogging-platform
/// chrome, aggregator metadata, "Follow us on …" lines, lone ad labels, permalink markers,
/// "click here to read in full" prompts, and reprint, cross-post and reply-by-email notes.
///
/// Every rule matches a whole short block (or line), compared as
/// `BoundaryText.normalized` writes it; the cleaner asks only about the
/// blocks at the head and the tail, so the same words in the body stay.
enum EdgeNoise {
    /// `clickHereOpenings`, by their first byte.
    private static let clickHereOpeningsByInitial = Openings(clickHereOpenings)

    /// The marks between the networks and handles of a social line.
    private static let handleLineSeparators = CharacterChoice(" |·,:/")
    /// The marks between the links of blog navigation.
    private static let navigationSeparators = CharacterChoice(" |·/«»‹›←→")
    /// The marks of an abbreviated count ("1.2k", "3,4m") beside its digits.
    private static let countMarks = CharacterChoice(".,km")
    /// The marks between the names of a list.
    private static let listSeparators = CharacterChoice("·•|,/–—-")

    /// The kind name of sponsor messages, which also take their ad copy.
    static let sponsorMessage = "sponsor message"
    /// The kind name of labelled link lists ("Read more: <a>…</a>").
    static let linkList = "link list"
    /// The most blocks of ad copy a sponsor section at the tail may hold.
    static let maximumAdCopyBlocks = 6
    /// The longest block prefix rules match, in UTF-8 bytes (twice as long when mostly links).
    static let maximumLength = 300

    /// The kind of boilerplate a block at an edge is, or nil.
    static func kind(of key: String, linkDensity: Double) -> String? {
        let length = key.utf8.count
        guard length > 0, length <= 2 * maximumLength else { return nil }
        if length <= 48, let what = label(key) { return what }
        if length <= 32, linkDensity >= 0.9, sourceLinkLabels.contains(trimmedLabel(key)) { return "source link" }
        if FeedFooter.matches(key, linkDensity: linkDensity) { return FeedFooter.kind }
        if RelatedLinks.isLabelledLinkList(key, linkDensity: linkDensity) { return linkList }
        if PaywallNotice.matches(key) { return "paywall prompt" }
        if PlatformChrome.matches(key) || PlatformChrome.isPlayerLink(key, linkDensity: linkDensity) {
            return "platform chrome"
        }
        if DownloadLinks.matches(key, linkDensity: linkDensity) { return DownloadLinks.kind }
        // Only phrases opening with these letters hold an apostrophe.
        let key = "tdy".utf8.contains(key.utf8.first!) ? straightened(key) : key
        let isShort = length <= maximumLength || linkDensity >= 0.5
        guard isShort else { return SponsorSegments.isLongMessage(key, linkDensity: linkDensity) ? sponsorMessage : nil }
        if isPodcastPlatformList(key) || PodcastPlatforms.matches(key) || PodcastPlatforms.isListenerAppeal(key)
            || PodcastPlatforms.isWatchCall(key) || PodcastPlatforms.isNetworkMembership(key)
        {
            return "podcast links"
        }
        if PodcastPlatforms.isHostLine(key, linkDensity: linkDensity) { return "podcast host line" }
        if let what = prefixed(key, linkDensity: linkDensity) { return what }
        if isFollowerCount(key) || isBlogNavigation(key) { return "platform chrome" }
        if key.hasBytePrefix("points: "), key.dropFirst(8).allSatisfy(\.isNumber) { return "aggregator metadata" }
        if key.hasBytePrefix("posted by "), length <= 100, hasClockTime(key) { return "post metadata" }
        if mentionsPodcastHostingNotice(key) { return "podcast hosting notice" }
        if isPodcastPromotion(key, linkDensity: linkDensity) { return "podcast links" }
        if isSocialHandleLine(key) { return "social links" }
        if isScoreLine(key) { return "aggregator metadata" }
        if length <= 120, key.containsBytes(of: "@"),
           ["email us at ", "e-mail us at ", "write to us at ", "contact us at ", "you can reach us at ",
            "send us an email at ", "got a question or a comment? you can reach us at "].contains(where: key.hasBytePrefix)
        {
            return "contact line"
        }
        if key.hasBytePrefix("read "), key.containsBytes(of: " remaining paragraph") { return "read-in-full prompt" }
        if length <= maximumClickHereLength, isClickHerePrompt(key) { return "click-here prompt" }
        if let what = SubscribePrompts.kind(of: key) ?? Disclaimers.kind(of: key)
            ?? TranslationLinks.kind(of: key, linkDensity: linkDensity) ?? ShowNotesPointers.kind(of: key, linkDensity: linkDensity)
        {
            return what
        }
        if length <= 200, newsletterWords.contains(where: key.containsBytes(of:)), mentionsWebAddress(key) || linkDensity >= 0.3,
           newsletterCalls.contains(where: key.hasBytePrefix)
        {
            return "newsletter prompt"
        }
        if let what = FollowLines.kind(of: key, linkDensity: linkDensity) ?? DonationPrompts.kind(of: key, linkDensity: linkDensity)
            ?? SponsorSegments.kind(of: key, linkDensity: linkDensity) ?? AggregatorLines.kind(of: key, linkDensity: linkDensity)
            ?? ReadMorePrompts.kind(of: key) ?? ShareBars.kind(of: key, linkDensity: linkDensity)
            ?? CommentPrompts.kind(of: key, linkDensity: linkDensity)
        {
            return what
        }
        // "Love the show? Support us on Patreon!", "Got feedback? Email us at …": a short question leads in to the
        // call. A follow call after it names a network or a handle ("Would you like to be part of the team? Join our
        // program at fandom.com" is a page's own invitation).
        if let call = BoundaryText.afterQuestion(key[...]).map(String.init) {
            if let what = FollowLines.kind(of: call, linkDensity: linkDensity),
               what == FollowLines.contactKind || call.containsBytes(of: "@") || socialNetworks.contains(where: call.containsBytes(of:))
            {
                return what
            }
            if let what = DonationPrompts.kind(of: call, linkDensity: linkDensity) { return what }
        }
        if RightsNotices.matches(key) { return RightsNotices.kind }
        if CrossPostNotes.matches(key, linkDensity: linkDensity) { return CrossPostNotes.kind }
        if EmailReplyPrompts.matches(key, linkDensity: linkDensity) { return EmailReplyPrompts.kind }
        return nil
    }

    /// Whether `key` is a call to subscribe that names a platform and gives an address or links.
    ///
    /// For example "For sponsor-free episodes, sign up for X+ via
    /// Apple Podcasts or at plus.example.org".
    private static func isPodcastPromotion(_ key: String, linkDensity: Double) -> Bool {
        (key.containsBytes(of: "subscrib") || key.containsBytes(of: "sign up"))
            && podcastPlatforms.contains(where: { $0.utf8.count > 4 && key.containsBytes(of: $0) })
            && (mentionsWebAddress(key) || linkDensity >= 0.3)
    }

    /// "Twitter @harbourgazette", "Instagram: @gazette | Mastodon: @g@example.social":
    /// a network's name first, then handles.
    private static func isSocialHandleLine(_ key: String) -> Bool {
        guard key.utf8.count <= 120, key.containsBytes(of: "@") else { return false }
        let words = handleLineSeparators.split(key)
        guard words.count >= 2, socialNetworkNames.contains(words[0]) else { return false }
        return words.allSatisfy { $0.hasPrefix("@") || socialNetworkNames.contains($0) || ["on", "and", "&"].contains($0) }
            && words.contains(where: { $0.hasPrefix("@") })
    }

    /// "87 points, 64 comments", "12 points by alice 3 hours ago | 5 comments".
    private static func isScoreLine(_ key: String) -> Bool {
        guard key.utf8.count <= 80, let first = key.first, first.isNumber,
              key.containsBytes(of: " point"), key.containsBytes(of: " comment")
        else { return false }
        let words = key.split(separator: " ")
        return words.count >= 4 && words[1].hasPrefix("point") && words.filter({ $0.first?.isNumber == true }).count >= 2
            && words.last.map { $0.hasPrefix("comment") } == true
    }

    /// Whether a block opens a sponsor section.
    ///
    /// A heading or short line such as "Sponsors", "This week's sponsor", "Thanks to our sponsors",
    /// or a sponsor message ("Sponsor: X, the calm way to …").
    static func opensSponsorSection(_ block: Block) -> Bool {
        guard block.length <= BoundaryText.maximumRuleLength, let first = block.bytes.first,
              sponsorInitials.contains(first | 0x20),
              sponsorOpeningsByInitial.openCaseInsensitively(block.bytes)
        else { return false }
        let key = straightened(block.key)
        return block.length <= 48 && sponsorHeadings.contains(key) || kind(of: key, linkDensity: block.linkDensity) == sponsorMessage
    }

    /// Whether a normalized key is a sponsor heading ("Sponsors", "This week's sponsor").
    static func isSponsorHeading(_ key: String) -> Bool { sponsorHeadings.contains(key) }

    /// Whether `bytes` start with `prefix`, ignoring the case of ASCII letters in `bytes`.
    ///
    /// `prefix` is lowercase ASCII and other bytes.
    static func startsCaseInsensitively(_ bytes: ArraySlice<UInt8>, with prefix: [UInt8]) -> Bool {
        guard prefix.count <= bytes.count else { return false }
        var index = bytes.startIndex
        for byte in prefix {
            let candidate = bytes[index]
            if (candidate >= 0x41 && candidate <= 0x5A ? candidate | 0x20 : candidate) != byte { return false }
            index += 1
        }
        return true
    }

    /// Whether a block reads like the ad copy of a sponsor message.
    ///
    /// Short, and mostly links or carrying an offer or a web address; inside a section under a
    /// sponsor heading, any short block with a link.
    static func isAdCopy(_ block: Block, inSponsorSection: Bool = false) -> Bool {
        guard block.length <= BoundaryText.maximumRuleLength else { return false }
        if block.linkDensity >= 0.3 || inSponsorSection && block.linkTextLength > 0 && block.length <= maximumLength {
            return true
        }
        let key = block.key
        return adSignals.contains(where: key.containsBytes(of:)) || mentionsWebAddress(key)
    }

    /// The openings of sponsor messages, for a quick look at every block.
    private static let sponsorOpenings = prefixRules.filter { $0.1 == sponsorMessage }.map(\.0)
    /// Their first letters, and those of the sponsor headings.
    private static let sponsorInitials = Set((sponsorOpenings + sponsorHeadings).compactMap(\.utf8.first))
    /// The openings and headings by their first byte, also with typographic apostrophes.
    private static let sponsorOpeningsByInitial = Openings((sponsorOpenings + sponsorHeadings).flatMap { phrase in
        phrase.contains("'") ? [phrase, phrase.replacing("'", with: "’")] : [phrase]
    })

    // MARK: - Labels

    /// Lone labels: ads, sponsorship, permalinks, platform chrome, paywalls.
    private static func label(_ key: String) -> String? {
        let bare = trimmedLabel(key)
        if adLabels.contains(bare) { return "ad label" }
        if permalinkMarkers.contains(bare) { return "permalink marker" }
        if chromeLabels.contains(bare) { return "platform chrome" }
        if paywallLabels.contains(bare) { return "paywall prompt" }
        return nil
    }

    /// `key` without the dashes, bullets, bars and brackets that frame a label.
    ///
    /// For example "- Advertisement -", "[Sponsored]"; most keys have none.
    static func trimmedLabel(_ key: String) -> String {
        guard let first = key.utf8.first, let last = key.utf8.last else { return key }
        let isFrame = { (byte: UInt8) in byte >= 0x80 || " -|*[]()".utf8.contains(byte) }
        return isFrame(first) || isFrame(last) ? key.trimmingCharacters(in: " -–—•·|*[]()") : key
    }

    /// "Advertisement" and its kin in several languages.
    static let adLabels: Set<String> = [
        "advertisement", "advertisements", "advertisment", "ad", "ads", "sponsored",
        "sponsored content", "sponsored post", "sponsored links", "paid content", "paid post", "promoted",
        "promoted content", "partner content", "anzeige", "werbung", "publicité", "publicite",
        "publicidad", "pubblicità", "reklame", "reklama", "annonce", "advertentie", "mainos",
        "story continues below advertisement", "article continues below advertisement",
        "story continues below", "article continues below", "continue reading below", "advertisement:",
        "scroll to continue with content", "skip advertisement", "реклама", "広告", "广告", "廣告", "annons", "reklam",
        "iklan", "quảng cáo", "mainokset", "annonser", "reklamy",
    ]

    /// Labels of a lone link to the post's original page, as aggregators and scrapers end an entry.
    ///
    /// Only a block that is that one link goes: "Source: Reuters" is an attribution, and a
    /// "Sources" heading over references is not a link.
    private static let sourceLinkLabels: Set<String> = [
        "source", "original", "original post", "original article", "view original", "read original", "original link",
        "quelle", "originalartikel", "fuente", "fuente original", "fonte", "fonte originale", "source originale",
        "article original", "bron", "источник", "оригинал", "来源", "原文", "原文链接", "阅读原文", "查看原文", "출처", "원문",
        "källa", "kilde", "lähde", "źródło", "zdroj", "kaynak",
    ]

    /// Permalink markers, as blogs write them at the end of a post.
    private static let permalinkMarkers: Set<String> = [
        "★", "☆", "#", "¶", "∞", "§", "🔗", "⚓", "permalink", "link", "permanent link", "direct link",
    ]

    /// Whole-block labels of blogging platforms (Medium, Blogger, Substack).
    private static let chromeLabels: Set<String> = [
        "member-only story", "member only story", "members-only story", "recommended from medium",
        "more from medium", "newer post", "older post", "newer posts", "older posts", "home",
        "post comments (atom)", "subscribe to: posts (atom)", "subscribe to: post comments (atom)",
        "subscribe to: comments (atom)", "follow", "open in app", "get the app", "written by",
        "listen", "share", "email thisblogthis!", "like", "comment", "restack",
    ]

    /// Whole-block paywall buttons.
    private static let paywallLabels: Set<String> = [
        "upgrade to paid", "get full access", "subscribe to keep reading", "subscribe to continue reading",
        "subscribe to read", "keep reading", "start free trial", "start your free trial", "start a free trial",
        "become a member", "become a paid subscriber", "upgrade", "unlock full access", "sign in", "log in",
        "already a subscriber? sign in", "already a paid subscriber? sign in", "already have an account? sign in",
        "already have an account? log in", "weiterlesen", "jetzt abonnieren", "s'abonner", "suscríbete",
    ]

    // MARK: - Prefixes

    /// The kind of a block that opens with one of the prefix rules' phrases.
    private static func prefixed(_ key: String, linkDensity: Double) -> String? {
        guard let first = key.utf8.first, let rules = prefixRulesByInitial[first] else { return nil }
        // The rules' bytes compared with the key's, in the list's order.
        let opening = key.withBytes { bytes in
            rules.indices.filter { rules[$0].0.count <= bytes.count && memcmp(bytes.baseAddress!, rules[$0].0, rules[$0].0.count) == 0 }
        }
        for (_, kind, condition) in opening.map({ rules[$0] }) {
            switch condition {
            case .none:
                return kind
            case .podcastWord:
                if podcastWords.contains(where: key.containsBytes(of:)) { return kind }
            case .podcastPlatform:
                if key.utf8.count <= BoundaryText.maximumPrefixRuleLength || linkDensity >= 0.5,
                   podcastPlatforms.contains(where: key.containsBytes(of:))
                {
                    return kind
                }
            case .socialNetwork:
                if linkDensity >= 0.5 || socialNetworks.contains(where: key.containsBytes(of:)) && !FollowLines.reportsSpeech(key) {
                    return kind
                }
            case .adSignal:
                if key.utf8.count <= 60 && !key.containsBytes(of: ", ") || linkDensity >= 0.3
                    || adSignals.contains(where: key.containsBytes(of:)) || mentionsWebAddress(key)
                {
                    return kind
                }
            case .mostlyLinks:
                if linkDensity >= 0.5, kind != linkList || !RelatedLinks.isWrittenOutList(key) { return kind }
            case .notReported:
                if !FollowLines.reportsSpeech(key) { return kind }
            }
        }
        return nil
    }

    /// What else a prefix rule asks of the block.
    private enum Condition {
        /// Nothing: the phrase is boilerplate whatever follows.
        case none
        /// The block names podcasts, episodes or an app.
        case podcastWord
        /// The block is short (or mostly links) and names a podcast platform.
        case podcastPlatform
        /// The block names a social network, or is mostly links.
        case socialNetwork
        /// The block is a short label, or carries an offer or a web address.
        case adSignal
        /// The block is mostly links ("Read more: <a>…</a>, <a>…</a>").
        case mostlyLinks
        /// The block reports no speech ("…, the mayor said").
        case notReported
    }

    /// Block openings, the kind they mark, and what else they need.
    private static let prefixRules: [(String, String, Condition)] = [
        // Podcast platform links and subscribe prompts.
        ("listen on ", "podcast links", .podcastPlatform), ("listen to this episode on ", "podcast links", .podcastPlatform),
        ("listen to the episode on ", "podcast links", .podcastPlatform), ("listen now on ", "podcast links", .podcastPlatform),
        ("subscribe on ", "podcast links", .podcastPlatform), ("available on ", "podcast links", .podcastPlatform),
        ("also available on ", "podcast links", .podcastPlatform), ("where to listen", "podcast links", .none),
        ("listen and subscribe", "podcast links", .podcastPlatform), ("subscribe and listen", "podcast links", .podcastPlatform),
        ("subscribe to the podcast", "podcast links", .none), ("subscribe to our podcast", "podcast links", .none),
        ("subscribe to the show", "podcast links", .podcastWord), ("get this episode by subscribing", "podcast links", .none),
        ("get the episode by subscribing", "podcast links", .none), ("please subscribe", "podcast links", .podcastWord),
        ("don't forget to subscribe", "podcast links", .podcastWord), ("be sure to subscribe", "podcast links", .podcastWord),
        ("make sure to subscribe", "podcast links", .podcastWord), ("you can download", "podcast links", .podcastWord),
        ("you can subscribe", "podcast links", .podcastWord), ("rate and review", "podcast links", .podcastWord),
        ("please rate and review", "podcast links", .podcastWord), ("support this podcast", "podcast links", .none),
        ("support the show", "podcast links", .none), ("follow the show on", "podcast links", .none),
        ("learn more about your ad choices", "podcast hosting notice", .none),
        ("hosted on acast", "podcast hosting notice", .none), ("hosted by acast", "podcast hosting notice", .none),
        // Sponsor messages.
        ("this episode is sponsored by", sponsorMessage, .none), ("this episode is brought to you by", sponsorMessage, .none),
        ("this episode was sponsored by", sponsorMessage, .none), ("this episode was brought to you by", sponsorMessage, .none),
        ("today's episode is sponsored by", sponsorMessage, .none), ("today's episode is brought to you by", sponsorMessage, .none),
        ("this week's episode is sponsored by", sponsorMessage, .none), ("this podcast is sponsored by", sponsorMessage, .none),
        ("this show is sponsored by", sponsorMessage, .none), ("this post is sponsored by", sponsorMessage, .none),
        ("this newsletter is sponsored by", sponsorMessage, .none), ("this issue is sponsored by", sponsorMessage, .none),
        ("this video is sponsored by", sponsorMessage, .none), ("today's sponsor", sponsorMessage, .none),
        ("this week's sponsor", sponsorMessage, .none), ("thanks to our sponsor", sponsorMessage, .notReported),
        ("thank you to our sponsor", sponsorMessage, .notReported), ("thanks to this week's sponsor", sponsorMessage, .none),
        ("thanks to today's sponsor", sponsorMessage, .none), ("a word from our sponsor", sponsorMessage, .none),
        ("support for this episode comes from", sponsorMessage, .none),
        ("support for this podcast comes from", sponsorMessage, .none),
        ("support for the show comes from", sponsorMessage, .none), ("sponsor:", sponsorMessage, .none),
        ("please support our sponsors", sponsorMessage, .notReported), ("support our sponsors", sponsorMessage, .notReported),
        ("check out our sponsors", sponsorMessage, .notReported), ("check out today's sponsors", sponsorMessage, .notReported),
        ("promo codes and links", sponsorMessage, .none), ("promo codes:", sponsorMessage, .none),
        ("sponsor links", sponsorMessage, .none), ("sponsor deals", sponsorMessage, .none),
        ("offers from our sponsors", sponsorMessage, .none), ("deals from our sponsors", sponsorMessage, .none),
        ("sponsors:", sponsorMessage, .none), ("show sponsor", sponsorMessage, .none),
        ("episode sponsor", sponsorMessage, .none), ("our sponsor", sponsorMessage, .adSignal),
        ("sponsored by ", sponsorMessage, .adSignal), ("brought to you by ", sponsorMessage, .adSignal),
        ("presented by ", sponsorMessage, .adSignal), ("in partnership with ", sponsorMessage, .adSignal),
        // Paywall and subscription prompts.
        ("keep reading with a ", "paywall prompt", .none), ("continue reading with a ", "paywall prompt", .none),
        ("already a paid subscriber", "paywall prompt", .none), ("already a subscriber?", "paywall prompt", .none),
        ("already have an account?", "paywall prompt", .none), ("this post is for paid subscribers", "paywall prompt", .none),
        ("this post is for paying subscribers", "paywall prompt", .none), ("this post is for subscribers", "paywall prompt", .none),
        ("this post is only available to", "paywall prompt", .none), ("this post is for members", "paywall prompt", .none),
        ("this article is for subscribers", "paywall prompt", .none), ("this article is only available to", "paywall prompt", .none),
        ("this content is for subscribers", "paywall prompt", .none), ("this content is only available to", "paywall prompt", .none),
        ("this content is for paid", "paywall prompt", .none), ("this story is for subscribers", "paywall prompt", .none),
        ("this is a members-only", "paywall prompt", .none), ("subscribe to keep reading", "paywall prompt", .none),
        ("subscribe to continue reading", "paywall prompt", .none), ("subscribe to read the full", "paywall prompt", .none),
        ("subscribe to unlock", "paywall prompt", .none), ("subscribe now to keep reading", "paywall prompt", .none),
        ("subscribe now to continue", "paywall prompt", .none), ("upgrade to paid to ", "paywall prompt", .none),
        ("upgrade your subscription to", "paywall prompt", .none), ("get full access to", "paywall prompt", .none),
        ("become a paid subscriber to", "paywall prompt", .none), ("become a member to read", "paywall prompt", .none),
        ("become a member to continue", "paywall prompt", .none), ("sign in to read", "paywall prompt", .none),
        ("sign in to continue reading", "paywall prompt", .none), ("log in to read", "paywall prompt", .none),
        ("sign up to read", "paywall prompt", .none), ("register to read", "paywall prompt", .none),
        ("start your free trial to", "paywall prompt", .none), ("to continue reading, ", "paywall prompt", .none),
        ("to keep reading, ", "paywall prompt", .none), ("you've reached your free article limit", "paywall prompt", .none),
        ("you have reached your free article limit", "paywall prompt", .none), ("unlock this post", "paywall prompt", .none),
        ("unlock this article", "paywall prompt", .none), ("a subscription is required", "paywall prompt", .none),
        ("jetzt weiterlesen", "paywall prompt", .none), ("weiterlesen mit", "paywall prompt", .none),
        ("lesen sie weiter mit", "paywall prompt", .none), ("dieser artikel ist nur für abonnenten", "paywall prompt", .none),
        ("abonnez-vous pour lire", "paywall prompt", .none), ("la suite est réservée aux abonnés", "paywall prompt", .none),
        ("cet article est réservé aux abonnés", "paywall prompt", .none),
        ("suscríbete para seguir leyendo", "paywall prompt", .none),
        ("este contenido es exclusivo para suscriptores", "paywall prompt", .none),
        ("continuez la lecture avec un essai", "paywall prompt", .none), ("sigue leyendo con una prueba", "paywall prompt", .none),
        ("continue lendo com um teste", "paywall prompt", .none), ("continua a leggere con una prova", "paywall prompt", .none),
        ("lees verder met een gratis", "paywall prompt", .none), ("déjà abonné ?", "paywall prompt", .none),
        ("déjà abonné?", "paywall prompt", .none), ("¿ya eres suscriptor?", "paywall prompt", .none),
        ("bereits abonnent?", "paywall prompt", .none), ("já é assinante?", "paywall prompt", .none),
        // Blogging-platform chrome.
        ("labels:", "post metadata", .none), ("subscribe to: ", "platform chrome", .none),
        ("this entry was posted in ", "post metadata", .none), ("this entry was posted on ", "post metadata", .none),
        ("this entry was filed under ", "post metadata", .none), ("this entry was tagged ", "post metadata", .none),
        ("email thisblogthis", "platform chrome", .none), ("newer post ", "platform chrome", .none),
        ("older post ", "platform chrome", .none), ("recommended from medium", "platform chrome", .none),
        ("sign up to discover human stories", "platform chrome", .none),
        // Aggregator metadata (Hacker News, Lobsters, Reddit).
        ("article url:", "aggregator metadata", .none), ("comments url:", "aggregator metadata", .none),
        ("# comments:", "aggregator metadata", .none), ("submitted by ", "aggregator metadata", .mostlyLinks),
        // "Follow us" lines.
        ("follow us on ", "social links", .socialNetwork), ("follow us at ", "social links", .socialNetwork),
        ("follow us:", "social links", .none), ("follow us ", "social links", .socialNetwork),
        ("follow me on ", "social links", .socialNetwork), ("follow me at ", "social links", .socialNetwork),
        ("like us on ", "social links", .socialNetwork), ("find us on ", "social links", .socialNetwork),
        ("connect with us", "social links", .socialNetwork), ("join us on ", "social links", .socialNetwork),
        ("stay connected", "social links", .socialNetwork), ("folgen sie uns", "social links", .socialNetwork),
        ("folge uns", "social links", .socialNetwork), ("suivez-nous", "social links", .socialNetwork),
        ("síguenos", "social links", .socialNetwork), ("seguici", "social links", .socialNetwork),
        // "Click here to read in full" prompts and labelled link lists.
        ("to read this article in full", "read-in-full prompt", .none), ("to read the full article", "read-in-full prompt", .none),
        ("to read the rest of this", "read-in-full prompt", .none), ("to read the full story", "read-in-full prompt", .none),
        ("click here to read", "read-in-full prompt", .none), ("click here to continue", "read-in-full prompt", .none),
        ("click here for the full", "read-in-full prompt", .none), ("click here to view the full", "read-in-full prompt", .none),
        ("read the full article here", "read-in-full prompt", .none), ("read the full story here", "read-in-full prompt", .none),
        ("read more of this story at ", "read-in-full prompt", .none), ("read the rest at ", "read-in-full prompt", .none),
        ("continue reading at ", "read-in-full prompt", .none), ("continue reading on ", "read-in-full prompt", .none),
        ("read the original article", "read-in-full prompt", .none),
        ("read full article", "read-in-full prompt", .none), ("read the full story", "read-in-full prompt", .none),
        ("read full story", "read-in-full prompt", .none), ("read more:", "link list", .mostlyLinks),
        ("related:", "link list", .mostlyLinks), ("see also:", "link list", .mostlyLinks), ("more from ", "link list", .mostlyLinks),
        ("also read:", "link list", .mostlyLinks), ("read also:", "link list", .mostlyLinks), ("more on this:", "link list", .mostlyLinks),
        ("recommended:", "link list", .mostlyLinks), ("lesen sie auch", "link list", .mostlyLinks),
        ("mehr zum thema", "link list", .mostlyLinks), ("à lire aussi", "link list", .mostlyLinks),
        ("lire aussi", "link list", .mostlyLinks), ("leer más", "link list", .mostlyLinks), ("leggi anche", "link list", .mostlyLinks),
    ]

    /// The longest block `isClickHerePrompt` reads, in UTF-8 bytes.
    static let maximumClickHereLength = 200

    /// Whether `key` (normalised) sends the reader elsewhere to read, see or follow more, by a click.
    ///
    /// For example "Click here for the full coverage", "Clique aqui para acompanhar a cobertura
    /// completa", "Cliquez ici pour lire la suite", "Klicken Sie hier für mehr", "点击此处查看更多奖项".
    /// One sentence without a comma: "Click here, the instructor said, …" and "Click here to download the form, then fill
    /// in …" are the article's instructions.
    static func isClickHerePrompt(_ key: String) -> Bool {
        guard let first = key.utf8.first, clickHereInitials.contains(first),
              clickHereOpeningsByInitial.open(key), !key.containsBytes(of: ","),
              !key.containsBytes(of: "，"), !key.dropLast().contains("。"), key.split(separator: ". ").count == 1
        else { return false }
        return key.utf8.count <= 16 || clickHerePurposes.contains(where: key.containsBytes(of:))
    }

    /// Words of what the click leads to: more to read, see or follow.
    private static let clickHerePurposes = [
        "read", "full", "more", "continue", "coverage", "view", "watch", "see ", "listen", "story", "article", "leer",
        "lire", "lesen", "ler ", "leggere", "acompanhar", "cobertura", "completa", "ver ", "voir", "vedere", "suite",
        "mehr", "weiter", "lezen", "más", "mais", "plus", "altro", "meer", "查看", "阅读", "閱讀", "更多", "全文", "詳細",
        "続き", "見る", "보기", "자세히",
    ]

    /// How calls to click open, in several languages (as `BoundaryText.normalized` leaves them).
    private static let clickHereOpenings = [
        "click here", "click on the image", "click the image", "clique aqui", "clique na imagem", "clique no link",
        "clique ici", "cliquez ici", "cliquez sur l'image", "haz clic aquí", "haga clic aquí", "pulsa aquí", "pincha aquí",
        "clic aquí", "klicken sie hier", "klick hier", "hier klicken", "clicca qui", "clicca sull'immagine", "klik hier",
        "klik op de afbeelding", "kliknij tutaj", "kliknij tu", "klikk her", "klicka här", "klik her", "点击此处", "点击这里",
        "点此", "點擊此處", "點擊這裡", "ここをクリック", "여기를 클릭",
    ]

    /// The first bytes of those openings.
    private static let clickHereInitials = Set(clickHereOpenings.compactMap(\.utf8.first))

    /// The prefix rules by their first byte, which settles most blocks.
    private static let prefixRulesByInitial: [UInt8: [([UInt8], String, Condition)]] =
        Dictionary(grouping: prefixRules.map { (Array($0.0.utf8), $0.1, $0.2) }, by: { $0.0[0] })

    // MARK: - Shapes

    /// Where podcasts are listened to.
    static let podcastPlatforms: Set<String> = [
        "apple podcasts", "itunes", "spotify", "overcast", "pocket casts", "pocketcasts", "google podcasts",
        "youtube", "youtube music", "youtube podcasts", "castbox", "stitcher", "amazon music", "audible", "castro",
        "podcast addict", "deezer", "iheartradio", "iheart", "rss", "rss feed", "tunein", "pandora", "player fm",
        "player.fm", "podbean", "soundcloud", "radiopublic", "radio public", "podchaser", "fountain", "podverse",
        "antennapod", "goodpods", "podcast republic", "breaker", "anchor", "simplecast",
    ]

    /// The first bytes of the platforms' names.
    private static let platformInitials = Set(podcastPlatforms.compactMap(\.utf8.first))
    /// The platforms' names, as the openings of a list of them.
    private static let podcastPlatformOpenings = Openings(Array(podcastPlatforms))

    /// Words that tie a subscribe prompt to a podcast.
    private static let podcastWords = [
        "podcast", "episode", "itunes", "apple", "spotify", "overcast", "stitcher", "rss", " app", "the show",
    ]

    /// Social networks, for "Follow us on …" lines.
    static let socialNetworks = [
        "twitter", " x ", " x,", " x.", "facebook", "instagram", "linkedin", "mastodon", "youtube", "tiktok", "threads",
        "bluesky", "telegram", "whatsapp", "pinterest", "reddit", "social media", "tumblr", "fediverse", "twitch", "discord",
    ]

    /// The names of social networks as words, for handle lines.
    static let socialNetworkNames: Set<Substring> = [
        "twitter", "x", "facebook", "instagram", "linkedin", "mastodon", "youtube", "tiktok", "threads", "bluesky",
        "telegram", "pinterest", "reddit", "tumblr", "twitch", "discord", "ig", "fb",
    ]

    /// Words that mark the ad copy of a sponsor message.
    private static let adSignals = [
        "% off", "promo code", "use code", "coupon code", "discount code", "free trial", "/code", "sign up for free",
        "try it free", "try it for free", "get started for free",
    ]

    /// Words that name a mailing list, in several languages.
    private static let newsletterWords = ["newsletter", "mailing list", "email list", "boletín", "infolettre", "nieuwsbrief"]

    /// Imperatives that open a call to join a mailing list with its address: "Get the Harbour newsletter: …".
    private static let newsletterCalls = [
        "visit ", "sign up", "subscribe", "get our ", "get the ", "get my ", "join our ", "join the ", "join my ",
        "check out our ", "read our ", "don't miss ", "abonnez-vous", "inscrivez-vous", "abonniere ", "abonniert ",
        "melde dich", "suscríbete", "regístrate", "assine ", "inscreva-se", "iscriviti", "schrijf je in", "meld je aan",
    ]

    /// The sponsor headings that open a section of ad copy.
    private static let sponsorHeadings: Set<String> = [
        "sponsor", "sponsors", "our sponsor", "our sponsors", "this week's sponsor", "this week's sponsors",
        "today's sponsor", "today's sponsors", "thanks to our sponsor", "thanks to our sponsors",
        "thank you to our sponsors", "episode sponsors", "show sponsors", "sponsored by", "brought to you by",
        "a word from our sponsor", "a word from our sponsors", "sponsor message", "promo codes", "sponsor links",
        "sponsor deals", "offers from our sponsors", "deals from our sponsors", "support our sponsors", "our partners",
        "show partners", "episode partners", "today's partners", "this week's partners", "our advertisers",
    ]

    /// Whether `key` is nothing but platform names between separators.
    ///
    /// For example "Apple Podcasts · Spotify · Overcast".
    private static func isPodcastPlatformList(_ key: String) -> Bool {
        // Every name is a platform's, the first too.
        guard key.utf8.count <= 240, let first = key.utf8.first, platformInitials.contains(first),
              podcastPlatformOpenings.open(key)
        else { return false }
        let names = listSeparators.split(key)
            .flatMap { $0.components(separatedBy: " and ") }
            .map { $0.trimmingCharacters(in: " ") }
            .filter { !$0.isEmpty }
        guard names.count >= 2 else { return false }
        return names.allSatisfy(podcastPlatforms.contains)
    }

    /// Whether `key` mentions a podcast host's privacy or ad notice.
    ///
    /// For example "See omnystudio.com/listener for privacy information", "Hosted on Acast. See
    /// acast.com/privacy for more information.", "Hosted by Ausha. See ausha.co/privacy-policy for more
    /// information.", "Learn more about your ad choices. Visit megaphone.fm/adchoices".
    private static func mentionsPodcastHostingNotice(_ key: String) -> Bool {
        guard key.containsBytes(of: "privacy") || key.containsBytes(of: "adchoices")
            || key.containsBytes(of: "personal data")
        else { return false }
        return (key.containsBytes(of: "privacy information") || key.containsBytes(of: "adchoices")
            || key.containsBytes(of: "/privacy") || key.containsBytes(of: "for information about our collection"))
            && mentionsWebAddress(key) && !key.containsBytes(of: ". ") || key.hasBytePrefix("see ")
            && key.containsBytes(of: "privacy") && mentionsWebAddress(key)
            || key.hasBytePrefix("hosted on ") && key.containsBytes(of: "privacy")
            || key.hasBytePrefix("hosted by ") && (key.containsBytes(of: "privacy") || key.containsBytes(of: "personal data"))
            && mentionsWebAddress(key)
    }

    /// "1.2K Followers", "345 followers".
    private static func isFollowerCount(_ key: String) -> Bool {
        guard key.utf8.count <= 24, key.hasByteSuffix(" followers") || key.hasByteSuffix(" follower") else { return false }
        let number = key.prefix(while: { $0 != " " })
        return number.first?.isNumber == true && number.allSatisfy { $0.isNumber || countMarks.contains($0) }
    }

    /// "Newer Post Older Post Home", "« Previous post | Next post »".
    static func isBlogNavigation(_ key: String) -> Bool {
        guard key.utf8.count <= 60, let first = key.utf8.first, "nophe«‹←".utf8.contains(first),
              ["newer", "older", "previous", "next"].contains(where: key.containsBytes(of:))
        else { return false }
        let words = navigationSeparators.split(key)
        let navigation: Set<Substring> = ["newer", "older", "post", "posts", "home", "previous", "next", "entry", "entries"]
        return words.count >= 2 && words.allSatisfy(navigation.contains)
            && words.contains(where: { ["newer", "older", "previous", "next"].contains($0) })
            && words.contains(where: { ["post", "posts", "home", "entry", "entries"].contains($0) })
    }

    /// Whether `key` holds a time of day such as "10:45".
    private static func hasClockTime(_ key: String) -> Bool {
        let bytes = Array(key.utf8)
        guard bytes.count >= 4 else { return false }
        for index in 1..<(bytes.count - 2) where bytes[index] == UInt8(ascii: ":") {
            let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
            if isDigit(bytes[index - 1]), isDigit(bytes[index + 1]), isDigit(bytes[index + 2]) { return true }
        }
        return false
    }

    /// Whether `key` holds a web address: a URL or a domain ("x.com/code", "acast.com").
    static func mentionsWebAddress(_ key: String) -> Bool {
        if key.containsBytes(of: "http://") || key.containsBytes(of: "https://") || key.containsBytes(of: "www.") {
            return true
        }
        // A dot between two letters or digits and two letters, with no
        // space: "acast.com", "plus.npr.org" (not "e.g." or "U.S.").
        let bytes = Array(key.utf8)
        guard bytes.count >= 5 else { return false }
        let isWordByte = { (byte: UInt8) in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }
        let isLetter = { (byte: UInt8) in byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
        for index in 2..<(bytes.count - 2) where bytes[index] == UInt8(ascii: ".") {
            if isWordByte(bytes[index - 1]), isWordByte(bytes[index - 2]), isLetter(bytes[index + 1]), isLetter(bytes[index + 2]) {
                return true
            }
        }
        return false
    }

    /// `key` with typographic apostrophes (E2 80 99) in its first 48 bytes as "'".
    ///
    /// So "today’s" reads as "today's": the phrases that hold one open their block.
    private static func straightened(_ key: String) -> String {
        key.withBytes { bytes in
            let opening = bytes.prefix(48)
            guard opening.count >= 3, opening.indices.dropLast(2).contains(where: {
                bytes[$0] == 0xE2 && bytes[$0 + 1] == 0x80 && bytes[$0 + 2] == 0x99
            }) else { return key }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                if index < 48, index + 2 < bytes.count, bytes[index] == 0xE2, bytes[index + 1] == 0x80, bytes[index + 2] == 0x99 {
                    output.append(UInt8(ascii: "'"))
                    index += 3
                } else {
                    output.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }
}
