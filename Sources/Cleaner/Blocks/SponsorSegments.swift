/// The "sponsor" family beyond `EdgeNoise`'s English openings.
///
/// Sponsor messages in German, French, Spanish, Portuguese, Italian and Dutch, "Thanks to X for
/// sponsoring", "The X newsletter is brought to you by Y", affiliate disclosures, and the segment a
/// sponsor message or label ("Episode Sponsor: X") opens between paragraphs: the message and the ad
/// copy about the sponsor under it, up to the first block that is not such copy (a heading, prose
/// that names neither the sponsor nor an offer).
enum SponsorSegments {
    /// `labelOpenings`, by their first byte.
    private static let labelOpeningsByInitial = Openings(labelOpenings)
    /// `strongOpenings`, by their first byte.
    private static let strongOpeningsByInitial = Openings(strongOpenings)
    /// `thanksOpenings`, by their first byte.
    private static let thanksOpeningsByInitial = Openings(thanksOpenings)
    /// `promoOpenings`, by their first byte.
    private static let promoOpeningsByInitial = Openings(promoOpenings)

    /// The kind name of affiliate disclosures.
    static let disclosureKind = "affiliate disclosure"
    /// The longest sponsor label line, in UTF-8 bytes.
    static let maximumLabelLength = 120
    /// The longest block of ad copy in a segment that does not name the sponsor, in UTF-8 bytes.
    static let maximumAdCopyLength = 300

    /// The kind of a block at an edge that is a sponsor message or an affiliate disclosure, or nil.
    static func kind(of key: String, linkDensity: Double) -> String? {
        let key = FollowLines.straightened(FollowLines.withoutLeadingSymbols(key))
        if isLongMessage(key, linkDensity: linkDensity) { return EdgeNoise.sponsorMessage }
        guard key.utf8.count <= EdgeNoise.maximumLength || linkDensity >= 0.5 else { return nil }
        if isForeignMessage(key) || isThanksForSponsoring(key) || isThanksToSponsors(key)
            || isBroughtToYouBy(key, linkDensity: linkDensity) || isSupportComesFrom(key) || isPromoLine(key, linkDensity: linkDensity)
        {
            return EdgeNoise.sponsorMessage
        }
        if isAffiliateDisclosure(key) { return disclosureKind }
        return nil
    }

    /// The kind of a short block between paragraphs that is only a sponsor's offer, or nil.
    ///
    /// For example "Go to tidewater.example/harbour for 20% off".
    static func standaloneKind(of key: String, linkDensity: Double) -> String? {
        isPromoLine(key, linkDensity: linkDensity) ? EdgeNoise.sponsorMessage : nil
    }

    /// Whether a short block is only a sponsor label, which opens a segment between paragraphs.
    ///
    /// For example "Episode Sponsor: X", "Sponsored by X".
    private static func isLabel(_ key: String) -> Bool {
        guard key.utf8.count <= maximumLabelLength, let first = key.utf8.first, "stepgb".utf8.contains(first),
              labelOpeningsByInitial.open(key),
              // One label, not a sentence that goes on.
              !key.dropLast().containsBytes(of: ". ")
        else { return false }
        return true
    }

    /// How many blocks, from `index` on, make a sponsor segment, or nil.
    ///
    /// The segment is a sponsor message or label and the ad copy under it. Nil when the block does
    /// not open with a sponsor message's own wording ("This episode is sponsored by", "Thanks to X
    /// for sponsoring") or is not a short label.
    static func segment(at index: Int, in blocks: [Block]) -> Int? {
        let block = blocks[index]
        // A heading is InlineNoise's sponsor section. The raw bytes settle
        // most blocks before any is lowercased.
        guard block.length <= BoundaryText.maximumRuleLength, !block.isHeading,
              let first = block.bytes.first,
              openingInitials.contains(first | 0x20)
                && openings.openCaseInsensitively(block.bytes)
                || block.length <= 200 && first | 0x20 == UInt8(ascii: "t") && mentionsBroughtToYouBy(block.bytes)
        else { return nil }
        let key = FollowLines.straightened(block.key)
        guard isMessage(key, linkDensity: block.linkDensity) || isLabel(key)
                || block.length <= 48 && EdgeNoise.isSponsorHeading(key)
        else { return nil }
        let sponsor = sponsorName(in: key)
        // Under a bare label ("Sponsors:", "This episode is sponsored by:"),
        // each short block with a link is a sponsor's.
        let isBareLabel = block.length <= 48 && EdgeNoise.isSponsorHeading(key) || block.bytes.last == UInt8(ascii: ":")
        var count = 1
        while index + count < blocks.count, count <= EdgeNoise.maximumAdCopyBlocks,
              isBareLabel ? !blocks[index + count].isHeading && EdgeNoise.isAdCopy(blocks[index + count], inSponsorSection: true)
                  : isAdCopy(blocks[index + count], about: sponsor)
        {
            count += 1
        }
        // A bare label over prose titles the article's own section.
        return isBareLabel && count == 1 ? nil : count
    }

    // MARK: - Lines

    /// Whether a line of a block is only a sponsor label, which opens the ad lines under it.
    ///
    /// For example "Sponsors:", "This episode is brought to you by:", "Thanks to our sponsors".
    static func isLabelLine(_ text: String) -> Bool {
        guard text.utf8.count <= 64, let first = text.utf8.first, openingInitials.contains(first | 0x20) else { return false }
        let key = FollowLines.straightened(BoundaryText.normalized(text))
        if EdgeNoise.isSponsorHeading(key) { return true }
        let endsWithColon = text.utf8.last(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 }) == UInt8(ascii: ":")
        return endsWithColon && !key.containsBytes(of: ". ")
            && (strongOpenings + labelOpenings).contains(where: key.hasBytePrefix)
            && [" by", "sponsor", "sponsors"].contains(where: key.hasByteSuffix)
    }

    /// Whether a line under a sponsor label is an ad line.
    ///
    /// An ad line is at most 300 bytes, with a link, an address or an offer.
    static func isAdCopyLine(_ text: String, linkDensity: Double) -> Bool {
        guard text.utf8.count <= maximumAdCopyLength else { return false }
        if linkDensity > 0 { return true }
        let key = BoundaryText.normalized(text)
        return hasOffer(key) || EdgeNoise.mentionsWebAddress(key)
    }

    // MARK: - Tagged items

    /// Tags that open a newsletter's paid item.
    private static let openingTags = [
        "sponsored:", "sponsor:", "[sponsored]", "[sponsor]", "(sponsored)", "promoted:", "paid post:", "advertorial:",
        "partner content:", "anzeige:", "werbung:", "sponsorisé :", "sponsorisé:", "patrocinado:",
    ]
    /// The opening tags as bytes.
    private static let openingTagOpenings = Openings(openingTags)

    /// Tags that end one.
    private static let closingTags = [
        "(sponsored)", "[sponsored]", "(sponsor)", "[sponsor]", "(ad)", "[ad]", "(advertisement)", "(paid post)",
        "(anzeige)", "(werbung)", "(sponsorisé)", "(publicité)", "(patrocinado)", "(sponsorizzato)", "(gesponsord)",
        "- sponsored", "– sponsored", "— sponsored",
    ]

    /// The kind of a paragraph a newsletter tags as paid, wherever it stands; or nil.
    ///
    /// The tag is at its start or end, and the paragraph is not a heading and is up to 600 bytes.
    /// For example "Sponsored: Quaywise sends your invoices …", "… Try it free. (Sponsored)".
    static func taggedKind(of block: Block) -> String? {
        guard block.length >= 12, block.length <= BoundaryText.maximumRuleLength, !block.isHeading,
              let last = block.bytes.last(where: { $0 != UInt8(ascii: ".") && $0 != 0x20 })
        else { return nil }
        // The raw bytes settle most blocks: a tag opens them, or they end in
        // ")", "]" or "…sponsored".
        let opensWithTag = openingTagOpenings.openCaseInsensitively(block.bytes)
        guard opensWithTag || last == UInt8(ascii: ")") || last == UInt8(ascii: "]")
                || last | 0x20 == UInt8(ascii: "d") && block.bytes.suffix(12).contains(where: { $0 | 0x20 == UInt8(ascii: "p") })
        else { return nil }
        let key = block.key
        // An opening tag over a paid item, which links or gives an offer or
        // an address ("Sponsored: that was the word on every shirt" is prose).
        if openingTags.contains(where: { key.hasBytePrefix($0) }) {
            return block.linkTextLength > 0 || hasOffer(key) || EdgeNoise.mentionsWebAddress(key) ? EdgeNoise.sponsorMessage : nil
        }
        // A closing tag after the item's last sentence ("…: (sponsored)" quotes the tag).
        guard let tag = closingTags.first(where: { key.hasByteSuffix($0) || key.hasByteSuffix($0 + ".") }) else { return nil }
        let before = key.dropLast(key.hasByteSuffix(".") ? tag.count + 1 : tag.count).trimmingSpaces()
        guard let end = before.last, ".!?".contains(end) || block.linkTextLength > 0 else { return nil }
        return EdgeNoise.sponsorMessage
    }

    // MARK: - Messages

    /// Whether `bytes` hold "brought to you by" in any case of ASCII letters.
    private static func mentionsBroughtToYouBy(_ bytes: ArraySlice<UInt8>) -> Bool {
        let phrase = broughtToYouBy
        var index = bytes.startIndex
        while index + phrase.count <= bytes.endIndex {
            if bytes[index] | 0x20 == phrase[0], EdgeNoise.startsCaseInsensitively(bytes[index...], with: phrase) { return true }
            index += 1
        }
        return false
    }

    /// "brought to you by" as bytes, made once: every short block opening with a "t" is searched for it.
    private static let broughtToYouBy = Array("brought to you by".utf8)

    /// Whether `key` opens with a sponsor message's own wording.
    ///
    /// Not the loose "Sponsored by", "Brought to you by" that a credit line shares.
    private static func isMessage(_ key: String, linkDensity: Double) -> Bool {
        if isForeignMessage(key) || isThanksForSponsoring(key) || isThanksToSponsors(key)
            || isBroughtToYouBy(key, linkDensity: linkDensity) || isSupportComesFrom(key) || isLongMessage(key, linkDensity: linkDensity)
        {
            return true
        }
        return strongOpeningsByInitial.open(key)
            && EdgeNoise.kind(of: key, linkDensity: linkDensity) == EdgeNoise.sponsorMessage
    }

    /// "This episode is sponsored by Tidewater. Tidewater backs up … Go to
    /// tidewater.example/harbour …": a sponsor read longer than the
    /// prefix rules take (up to 600 bytes), whose first sentence says it is
    /// sponsored and which makes an offer or gives an address or a link.
    static func isLongMessage(_ key: String, linkDensity: Double) -> Bool {
        guard key.utf8.count > EdgeNoise.maximumLength, key.utf8.count <= BoundaryText.maximumRuleLength,
              strongOpeningsByInitial.open(key)
        else { return false }
        let firstSentence = key.firstRange(of: ". ").map { key[..<$0.lowerBound] } ?? key[...]
        guard [" sponsored by", " brought to you by", " supported by", " made possible by", " underwritten by", " comes from",
               "sponsor:", "sponsors:", "sponsor is", "sponsors are"].contains(where: firstSentence.containsBytes(of:))
        else { return false }
        return hasOffer(key) || EdgeNoise.mentionsWebAddress(key) || linkDensity >= 0.1
    }

    /// English openings that say what follows is a sponsor's message.
    private static let strongOpenings = [
        "this episode ", "today's episode ", "this week's episode ", "this podcast ", "this show ", "this post ",
        "this newsletter ", "this issue ", "this video ", "today's sponsor", "this week's sponsor", "thanks to our sponsor",
        "thank you to our sponsor", "thanks to this week's sponsor", "thanks to today's sponsor", "a word from our sponsor",
        "support for this ", "support for the show", "sponsor:", "sponsors:", "show sponsor", "episode sponsor",
    ]

    /// Sponsor messages in other languages.
    private static let foreignOpenings = [
        // German
        "diese folge wird ", "diese episode wird ", "dieser podcast wird ", "diese ausgabe wird ", "dieser newsletter wird ",
        "gesponsert von ", "präsentiert von ", "sponsor dieser folge", "unser sponsor", "unsere sponsoren",
        // French
        "cet épisode est sponsorisé", "cet épisode est présenté par", "cet épisode vous est présenté",
        "cet épisode est soutenu par", "ce podcast est sponsorisé", "ce podcast vous est présenté", "sponsorisé par ",
        "notre sponsor", "nos sponsors", "merci à notre sponsor", "merci à nos sponsors", "partenaire de l'épisode",
        // Spanish
        "este episodio está patrocinado", "este episodio es patrocinado", "este episodio es presentado por",
        "este episodio cuenta con el patrocinio", "este podcast está patrocinado", "patrocinado por ",
        "nuestro patrocinador", "gracias a nuestro patrocinador", "gracias a nuestros patrocinadores", "patrocinador:",
        // Portuguese
        "este episódio é patrocinado", "este episódio tem o patrocínio", "este podcast é patrocinado",
        "nosso patrocinador", "obrigado ao nosso patrocinador", "patrocínio:",
        // Italian
        "questo episodio è sponsorizzato", "questo episodio è offerto da", "questo podcast è sponsorizzato",
        "sponsorizzato da ", "il nostro sponsor", "grazie al nostro sponsor", "grazie ai nostri sponsor",
        // Dutch
        "deze aflevering wordt gesponsord", "deze aflevering wordt mogelijk gemaakt", "deze podcast wordt gesponsord",
        "gesponsord door ", "onze sponsor", "dank aan onze sponsor",
    ]

    /// Every opening of a segment, lowercase, also with a typographic apostrophe.
    ///
    /// `openingInitials` holds their first bytes.
    private static let openingPhrases: [String] = (strongOpenings + foreignOpenings + labelOpenings + thanksOpenings
        + ["support for ", "today's show ", "sponsor", "our sponsor", "this week's sponsor", "today's sponsor", "episode sponsor", "show sponsor",
           "a word from our sponsor", "brought to you by", "sponsored by"])
        .flatMap { phrase in phrase.contains("'") ? [phrase, phrase.replacing("'", with: "’")] : [phrase] }
    /// `openingPhrases`, by their first byte.
    private static let openings = Openings(openingPhrases)
    /// Their first bytes.
    private static let openingInitials = Set(openingPhrases.compactMap(\.utf8.first))

    /// The foreign openings by their first byte.
    private static let foreignOpeningsByInitial = Openings(foreignOpenings)

    /// Whether `key` is a sponsor message in another language.
    ///
    /// For example "Diese Folge wird präsentiert von X", "Cet épisode
    /// est sponsorisé par X", "Patrocinado por X".
    private static func isForeignMessage(_ key: String) -> Bool {
        guard foreignOpeningsByInitial.open(key) else { return false }
        // "Diese Folge wird …" opens other sentences too: it must go on to sponsor.
        if key.hasBytePrefix("diese") || key.hasBytePrefix("dieser") {
            return ["gesponsert", "präsentiert", "unterstützt von", "ermöglicht"].contains(where: key.containsBytes(of:))
        }
        if key.hasBytePrefix("deze ") { return key.containsBytes(of: " door ") }
        return true
    }

    /// How thanks open.
    private static let thanksOpenings = [
        "thanks to ", "thank you to ", "many thanks to ", "big thanks to ", "huge thanks to ", "special thanks to ",
        "thanks again to ", "danke an ", "merci à ", "gracias a ", "obrigado a ", "grazie a ", "dank aan ",
    ]

    /// Whether `key` thanks a sponsor ("Thanks to Northbeam for sponsoring this episode").
    ///
    /// Also "Many thanks to X for supporting the show".
    private static func isThanksForSponsoring(_ key: String) -> Bool {
        guard thanksOpeningsByInitial.open(key) else { return false }
        return [" for sponsoring", " for supporting this episode", " for supporting the show", " for supporting this show",
                " for supporting this podcast", " for supporting this week", " for sponsoring this", " fürs sponsern",
                " für das sponsoring", " pour le sponsoring", " por patrocinar", " pelo patrocínio", " per la sponsorizzazione",
                " voor het sponsoren"].contains(where: key.containsBytes(of:))
    }

    /// Whether `key` opens by thanking the publication's sponsors, in any words of thanks.
    ///
    /// For example "Huge thanks to our sponsors, Linear and Mercury", "A big thank you to this
    /// week's sponsor: <a>Tidewater</a>", "Many thanks to our advertisers". The thanks and the
    /// sponsors are within the first 60 bytes ("our partners" may be a lifeboat crew); "Thanks to
    /// our sponsors' cuts, the festival shrank, the organiser said" reports speech and stays.
    private static func isThanksToSponsors(_ key: String) -> Bool {
        guard key.utf8.count <= EdgeNoise.maximumLength, let first = key.utf8.first, "hbmstawo".utf8.contains(first) else {
            return false
        }
        let lead = Substring(key.utf8.prefix(24)), opening = Substring(key.utf8.prefix(60))
        guard lead.containsBytes(of: "thank"), !FollowLines.reportsSpeech(key) else { return false }
        return [" to our sponsor", " to this week's sponsor", " to today's sponsor", " to our advertisers",
                " to this episode's sponsor"].contains(where: opening.containsBytes(of:))
    }

    /// Words that name what a reader is reading or hearing.
    private static let publicationWords = [
        "episode", "podcast", "show", "newsletter", "issue", "feed", "post", "video", "edition", "series", "digest",
        "briefing", "roundup", "segment", "column",
    ]

    /// What a publication is, by a sponsor.
    ///
    /// "brought to you by" speaks to the reader; "presented by" and "powered by" may name a host or
    /// a tool, and count only with an offer, an address or a link.
    private static let sponsorVerbs = [
        " brought to you by ", " sponsored by ", " supported by ", " made possible by ", " underwritten by ",
        " presented by ", " powered by ",
    ]

    /// Whether `key` is the publication's own sponsor line.
    ///
    /// For example "The Harbour Weekly newsletter is brought to you by X.", "Today's show is
    /// supported by X" (and at most a short label after it, "This week in Harbour Weekly:"). "The
    /// festival was sponsored by the council" does not name a publication.
    private static func isBroughtToYouBy(_ key: String, linkDensity: Double) -> Bool {
        guard key.utf8.count <= 200, key.hasBytePrefix("the ") || key.hasBytePrefix("this ") || key.hasBytePrefix("today's "),
              let verb = sponsorVerbs.first(where: key.containsBytes(of:)), let phrase = key.firstRange(of: verb)
        else { return false }
        let subject = key[..<phrase.lowerBound]
        guard subject.split(separator: " ").count <= 8, publicationWords.contains(where: subject.containsBytes(of:)),
              subject.hasByteSuffix(" is") || subject.hasByteSuffix(" are") || subject.hasByteSuffix(" was")
        else { return false }
        // "This episode was presented by Ana" names the host; "The podcast
        // was sponsored by a grant from …, which paid for …" reports.
        let hasAd = linkDensity >= 0.2 || hasOffer(key) || EdgeNoise.mentionsWebAddress(key)
        if verb == " presented by " || verb == " powered by " {
            guard hasAd else { return false }
        } else if verb != " brought to you by " {
            let sponsor = key[phrase.upperBound...].prefix { $0 != "." && $0 != "," && $0 != ";" }
            guard hasAd || sponsor.split(separator: " ").count <= 4 else { return false }
        }
        // After the sponsor's sentence, nothing, a short label, or its offer.
        guard let end = key[phrase.upperBound...].firstRange(of: ". ") else { return true }
        let rest = key[end.upperBound...]
        return rest.split(separator: " ").count <= 6 && !rest.containsBytes(of: ". ") || hasOffer(rest)
            || rest.utf8.count <= 200 && EdgeNoise.mentionsWebAddress(String(rest))
    }

    /// Whether `key` is the public-radio sponsor line, about the show or with an offer or an address.
    ///
    /// For example "Support for NPR and the following message come from X", "Support for this
    /// podcast comes from Y". "Support for the ferry link comes from every party" is news.
    private static func isSupportComesFrom(_ key: String) -> Bool {
        guard key.utf8.count <= EdgeNoise.maximumLength, key.hasBytePrefix("support for "),
              let from = key.firstRange(of: " come from ") ?? key.firstRange(of: " comes from ")
        else { return false }
        let subject = key[..<from.lowerBound]
        return subject.split(separator: " ").count <= 10
            && (subject.containsBytes(of: "following message") || subject.containsBytes(of: "npr")
                || publicationWords.contains(where: subject.containsBytes(of:)) || hasOffer(key) || EdgeNoise.mentionsWebAddress(key))
    }

    // MARK: - Offers

    /// Words of a sponsor's offer.
    private static let offerWords = [
        "% off", "% discount", "promo code", "use code", "coupon code", "discount code", "with code ", "enter code",
        "the code ", "code at checkout", "free trial", "-day trial", "day free", "month free", "months free",
        "first month", "first order", "free shipping", "exclusive offer", "special offer", "try it free",
        "try it for free", "sign up for free", "get started for free", "gutscheincode", "rabattcode", "code promo",
        "código de descuento", "codice sconto",
    ]

    /// `offerWords`, found through the anchors they share.
    private static let offerPhrases = PhraseSet(offerWords)

    /// Offers of a price cut or a code.
    private static let strongOfferWords = [
        "% off", "% discount", "promo code", "use code", "coupon code", "discount code", "with code ", "enter code",
        "code at checkout", "gutscheincode", "rabattcode", "code promo", "código de descuento", "codice sconto",
    ]

    /// Whether `key` makes an offer.
    static func hasOffer(_ key: Substring) -> Bool {
        mayHoldOffer(key) && offerPhrases.isFound(in: key)
    }

    /// Whether lowercase UTF-8 may hold an offer.
    ///
    /// Every offer word holds "%", "cod", "cód", "free", "rial", "irst" or "ffer": a few searches
    /// settle most text.
    private static func mayHoldOffer(_ key: Substring) -> Bool {
        key.withBytes { bytes in offerMarks.contains { mark in mark.withBytes { ByteSearch.contains(bytes, $0) } } }
    }

    /// What every offer word holds.
    private static let offerMarks = ["%", "cod", "cód", "free", "rial", "irst", "ffer"]

    /// Whether `key` makes an offer.
    static func hasOffer(_ key: String) -> Bool { hasOffer(key[...]) }

    /// How a sponsor's offer addresses the reader.
    static let promoOpenings = [
        "go to ", "visit ", "head to ", "head over to ", "check out ", "try ", "get ", "sign up", "use code",
        "use promo", "use the code", "start your", "start a ", "save ", "grab ", "claim ", "download ", "text ",
        "shop ", "order ", "enter ", "click ", "learn more at ", "find out more at ", "just go to ", "to get ",
        "for a limited time", "for a free", "right now", "new customers", "listeners get", "listeners can",
        "besuche ", "besuchen sie ", "geh auf ", "gehe auf ", "rendez-vous sur ", "visitez ", "utilisez le code", "visita ",
        "usa el código", "entra en ", "vai su ", "usa il codice", "ga naar ",
    ]

    /// Whether `key` is a sponsor's offer to the reader, short, with an offer and an address or a link.
    ///
    /// A promo code needs neither an address nor a link. The line is addressed to the reader (an
    /// imperative or "you"), never reported speech. For example "Go to tidewater.example/harbour
    /// for 20% off", "Use code HARBOUR at checkout for a free month", "Quaywise: invoices that
    /// chase themselves. Try it free at quaywise.example/harbour".
    static func isPromoLine(_ key: String, linkDensity: Double) -> Bool {
        guard key.utf8.count <= EdgeNoise.maximumLength, hasOffer(key), !FollowLines.reportsSpeech(key) else { return false }
        // A sentence of the offer opens with an imperative to the reader.
        let opensWithImperative = promoOpeningsByInitial.open(key)
            || promoOpenings.contains(where: { key.containsBytes(of: ". " + $0) || key.containsBytes(of: ": " + $0) })
        // A price cut or a code is a sponsor's own offer; "try it for free"
        // or "a free trial" also reads in a tutorial, and needs the imperative.
        let isPriceOffer = strongOfferWords.contains(where: key.containsBytes(of:))
        guard opensWithImperative || isPriceOffer && (key.containsBytes(of: " you") || key.containsBytes(of: "your ")) else {
            return false
        }
        let hasCode = ["promo code", "use code", "coupon code", "discount code", "with code ", "enter code", "code at checkout"]
            .contains(where: key.containsBytes(of:))
        return hasCode && key.utf8.count <= 200 || linkDensity >= 0.2 || EdgeNoise.mentionsWebAddress(key)
    }

    /// Whether `key` is the publisher's own affiliate disclosure.
    ///
    /// For example "Affiliate disclosure: …", "This post contains affiliate links", "We may earn a
    /// commission from purchases made through links", "As an Amazon Associate I earn from
    /// qualifying purchases": in the first person or under its label; an article about affiliate
    /// marketing reports on others.
    private static func isAffiliateDisclosure(_ key: String) -> Bool {
        guard key.utf8.count <= 400 else { return false }
        if disclosureOpenings.open(key) { return true }
        guard key.containsBytes(of: "affiliate") || key.containsBytes(of: "commission") else { return false }
        return ["we may earn", "we may receive", "we may get", "we may see", "we might earn", "we might receive",
                "i may earn", "i may receive", "i might earn", "we earn a commission", "i earn a commission",
                "we earn a small", "i earn a small", "we receive a commission", "we get a commission",
                "at no extra cost to you", "at no additional cost to you"].contains(where: key.containsBytes(of:))
    }

    /// How affiliate disclosures open, by their first byte.
    private static let disclosureOpenings = Openings([
        "affiliate disclosure", "disclosure:", "advertising disclosure", "ad disclosure", "as an amazon associate",
        "this post contains affiliate", "this post may contain affiliate", "this article contains affiliate",
        "this article may contain affiliate", "this page contains affiliate", "this page may contain affiliate",
        "this content contains affiliate", "this video contains affiliate",
    ])

    // MARK: - Labels

    /// Sponsor label lines, which stand alone wherever they are.
    private static let labelOpenings = [
        "sponsor:", "sponsors:", "episode sponsor", "show sponsor", "today's sponsor", "this week's sponsor",
        "sponsored by ", "presented by ", "gesponsert von ", "sponsorisé par ", "patrocinado por ", "sponsorizzato da ",
        "gesponsord door ", "brought to you by ", "thanks to our sponsor", "thank you to our sponsor", "sponsored by:",
        "brought to you by:", "presented by:", "supported by:",
    ]

    // MARK: - Ad copy

    /// The sponsor's name in a message, or nil.
    ///
    /// The word after "by", "sponsor:" or "thanks to".
    private static func sponsorName(in key: String) -> Substring? {
        for marker in [" by ", " von ", " par ", " por ", " da ", " door ", ": ", "thanks to ", "thank you to "] {
            guard let range = key.firstRange(of: marker) else { continue }
            let name = key[range.upperBound...].prefix(while: { $0.isLetter || $0.isNumber })
            return name.count >= 3 ? name : nil
        }
        return nil
    }

    /// Whether a block under the sponsor message `message` (its text) is its ad copy.
    ///
    /// See `isAdCopy(_:about:)`.
    static func isAdCopy(_ block: Block, under message: String) -> Bool {
        isAdCopy(block, about: sponsorName(in: FollowLines.straightened(BoundaryText.normalized(message))))
    }

    /// Whether a block under a sponsor message is its ad copy.
    ///
    /// Not a heading, and naming the sponsor (up to 600 bytes), or
    /// short (300) and mostly links or making an offer.
    private static func isAdCopy(_ block: Block, about sponsor: Substring?) -> Bool {
        guard block.length <= BoundaryText.maximumRuleLength, !block.isHeading else { return false }
        let key = block.key
        // Copy that names the sponsor may run longer.
        if let sponsor, key.containsBytes(of: String(sponsor)) { return true }
        guard block.length <= maximumAdCopyLength else { return false }
        if block.linkDensity >= 0.5 { return true }
        return EdgeNoise.isAdCopy(block) && (hasOffer(key) || ["coupon", "discount", "for free", "sign up"].contains(where: key.containsBytes(of:)))
    }
}
