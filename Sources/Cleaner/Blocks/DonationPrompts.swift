/// The "donation" family: a publisher's appeal for money.
///
/// For example "Support us on Patreon", "Buy me a coffee", "If you enjoy the show, consider
/// supporting it", "Become a member", "Donate: https://ko-fi.com/x"; in English, German, French,
/// Spanish, Portuguese, Italian and Dutch.
///
/// An appeal opens with its call, names where to give (Patreon, Ko-fi,
/// Liberapay…) or asks for money, and speaks in the first person or
/// points to an address; a report of a donation drive ("The lifeboat
/// appeal raised £40,000"), news about a platform ("PayPal said…") or
/// advice that opens the same way ("Donate blood at the town hall") does not. Keys are `BoundaryText.normalized` text.
enum DonationPrompts {
    /// `firstPersonOpenings`, by their first byte.
    private static let firstPersonOpeningsByInitial = Openings(firstPersonOpenings)
    /// `appealOpenings`, by their first byte.
    private static let appealOpeningsByInitial = Openings(appealOpenings)

    /// The kind name of these blocks.
    static let kind = "donation appeal"
    /// The longest block a rule takes at an edge, in UTF-8 bytes (twice as long when mostly links).
    static let maximumLength = 400
    /// The longest block a rule takes between paragraphs.
    static let maximumStandaloneLength = 250

    /// The kind of a block at an edge that is a donation appeal, or nil.
    static func kind(of key: String, linkDensity: Double) -> String? {
        let length = key.utf8.count
        guard length <= maximumLength || linkDensity >= 0.5 && length <= 2 * maximumLength else { return nil }
        if length <= 32, labels.contains(EdgeNoise.trimmedLabel(key)) { return kind }
        let key = FollowLines.straightened(FollowLines.withoutLeadingSymbols(key))
        guard !key.utf8.isEmpty else { return nil }
        if isValueForValueAppeal(key) || isMembershipOffer(key, linkDensity: linkDensity) || isMerchLine(key, linkDensity: linkDensity) {
            return kind
        }
        guard openingsByInitial.open(key) else {
            return isPlatformAddressLine(key) || isSupportNamed(key) ? kind : nil
        }
        if FollowLines.reportsSpeech(key) { return nil }
        let isFirstPerson = isFirstPerson(key) || firstPersonOpeningsByInitial.open(key)
        let pointsSomewhere = linkDensity >= 0.3 || EdgeNoise.mentionsWebAddress(key)
        if platforms.contains(where: key.containsBytes(of:)) { return isFirstPerson || pointsSomewhere ? kind : nil }
        let asksForMoney = moneyWords.contains(where: key.containsBytes(of:))
        // "You can also help us by making a donation!": a word that only
        // asks for money needs no address.
        let asksOnlyForMoney = givingWords.contains(where: key.containsBytes(of:))
        return asksForMoney && isFirstPerson && (pointsSomewhere || asksOnlyForMoney || key.containsBytes(of: "consider"))
            ? kind : nil
    }

    /// Whether `key` asks listeners to pay a show through a podcast app ("value for value"), in a call of its own.
    ///
    /// For example "Boost this episode with a Podcasting 2.0 app like Fountain", "Send us a
    /// boostagram!", "This show is value for value: if you got value from it, send some back",
    /// "Stream sats to the show while you listen". "Fountain added boosts last year" is news and stays.
    private static func isValueForValueAppeal(_ key: String) -> Bool {
        guard key.utf8.count <= 300 else { return false }
        let opensBoost = { (call: Substring) in
            boostOpeningsByInitial.open(call)
        }
        if opensBoost(key[...]) || key.containsBytes(of: "?") && BoundaryText.afterQuestion(key[...]).map(opensBoost) == true {
            return !FollowLines.reportsSpeech(key)
        }
        // "This show is value for value", "We are a value-for-value podcast": the publisher says it of itself.
        guard key.containsBytes(of: "value") || key.containsBytes(of: "v4v") else { return false }
        return ["value for value", "value-for-value", "value4value", "v4v"].contains(where: key.containsBytes(of:))
            && isFirstPerson(key) && ["boost", "sats", "support", "send", "give", "return"].contains(where: key.containsBytes(of:))
            && !FollowLines.reportsSpeech(key)
    }

    /// Imperatives that open a call to pay a show through a podcast app.
    /// `boostOpenings`, by their first byte.
    private static let boostOpeningsByInitial = Openings(boostOpenings)
    static let boostOpenings = [
        "boost this episode", "boost the episode", "boost the show", "boost this show", "boost us", "boost the podcast",
        "send a boost", "send us a boost", "send me a boost", "send boosts", "send a boostagram", "send us a boostagram",
        "send me a boostagram", "send boostagrams", "send us sats", "send sats", "stream sats", "stream us sats",
        "support the show with a boost", "support us with a boost", "support the show with sats", "support us with sats",
        "support us with value", "zap us", "zap the show", "zap this episode", "boostagrams", "boosts and boostagrams",
    ]

    /// Whether `key` offers a paid membership's perks: "Become a member and get ad-free episodes at …".
    ///
    /// For example "Join Harbour Plus for bonus episodes and no ads: harbour.fm/plus", "Go ad-free
    /// with Harbour Premium", "Get early access and bonus episodes on Patreon". The call opens the
    /// block, names a perk of members (no ads, bonus episodes, early access) and gives an address
    /// or a link, or is one short line. Perks are the show's (it names episodes, the podcast or "us"):
    /// "Join the beta for early access" and "Sign up for a Hulu ad-free account" stay.
    private static func isMembershipOffer(_ key: String, linkDensity: Double) -> Bool {
        guard key.utf8.count <= 240, let first = key.utf8.first, "bgjsuw".utf8.contains(first),
              membershipOpeningsByInitial.open(key), !FollowLines.reportsSpeech(key),
              memberPerks.contains(where: key.containsBytes(of:)),
              // The show's own membership: "Sign up for a Hulu ad-free account for $11.99" is a deal the article reports.
              ["episode", "podcast", "the show", "this show", "listen"].contains(where: key.containsBytes(of:)) || isFirstPerson(key)
        else { return false }
        return linkDensity > 0 || EdgeNoise.mentionsWebAddress(key) || key.utf8.count <= 100 && !key.containsBytes(of: ". ")
    }

    /// How offers of a membership open.
    /// `membershipOpenings`, by their first byte.
    private static let membershipOpeningsByInitial = Openings(membershipOpenings)
    private static let membershipOpenings = [
        "become a member", "become a subscriber", "become a supporter", "become a premium", "become a plus", "join ",
        "subscribe to ", "sign up for ", "go ad-free", "go ad free", "get ad-free", "get ad free", "get bonus", "get early",
        "get exclusive", "unlock ", "upgrade to ", "want ad-free", "want bonus", "want more", "support the show and get",
        "support us and get",
    ]

    /// The perks a membership offers listeners.
    private static let memberPerks = [
        "ad-free", "ad free", "no ads", "without ads", "sponsor-free", "bonus episode", "bonus show", "exclusive episode",
        "extended episode", "premium episode", "members-only episode", "subscriber-only episode", "extra episode",
        "early access to episodes", "early access to new episodes",
    ]

    /// The labels of a merch line, by their first byte.
    private static let merchLabels = Openings(["merch:", "merchandise:", "shop:", "store:", "merch store:", "our store:", "our shop:"])
    /// The calls to buy that open a merch line, by their first byte.
    private static let merchCalls = Openings([
        "get your ", "get our ", "buy ", "grab ", "shop ", "check out our ", "visit our ", "pick up ", "support the show by buying",
        "support us by buying",
    ])

    /// Whether `key` sends the reader to the publisher's own shop: "Get your Harbour Hour merch at harbour.fm/shop!".
    ///
    /// For example "Merch: <a>harbour.fm/shop</a>", "Check out our store: store.harbour.fm", "Grab a
    /// Harbour Hour merch at harbour.fm/shop". A call to buy (or a short label), the publisher's merch or
    /// store, and its address or link. "The harbour shop sells maps at harbour.fm/maps" stays.
    private static func isMerchLine(_ key: String, linkDensity: Double) -> Bool {
        guard key.utf8.count <= 200, let first = key.utf8.first, "msogbcvp".utf8.contains(first) else { return false }
        let hasAddress = { linkDensity > 0 || EdgeNoise.mentionsWebAddress(key) }
        if merchLabels.open(key) {
            return key.utf8.count <= 100 && hasAddress()
        }
        return merchCalls.open(key)
            && ["merch", "our store", "our shop", "our online store", "our online shop", "our t-shirt", "our mug", "our hoodie"]
                .contains(where: key.containsBytes(of:))
            && hasAddress() && !FollowLines.reportsSpeech(key)
    }

    /// Words that ask for money and nothing else.
    private static let givingWords = [
        "donat", "patron", "chip in", "tip jar", "pledge", "spende", "faire un don", "mécène", "donación", "doação",
        "donazion", "doneer", "donateur",
    ]

    /// "Support Harbour Radio! Donate today at harbour.example/donate",
    /// "Support Tails: donate": a short call to support a name that goes
    /// on to ask for money; "Support for the ferry" is news.
    private static func isSupportNamed(_ key: String) -> Bool {
        guard key.utf8.count <= 160, key.hasBytePrefix("support "), !key.hasBytePrefix("support for "),
              !FollowLines.reportsSpeech(key)
        else { return false }
        return givingWords.contains(where: key.containsBytes(of:)) || platforms.contains(where: key.containsBytes(of:))
    }

    /// Addresses of the places to give.
    private static let platformAddresses = [
        "patreon.com/", "ko-fi.com/", "buymeacoffee.com/", "liberapay.com/", "paypal.me/", "paypal.com/donate",
        "opencollective.com/", "github.com/sponsors/", "steadyhq.com/", "tipeee.com/", "donorbox.org/", "gofundme.com/",
        "givebutter.com/", "flattr.com/", "memberful.com/",
    ]

    /// "Get bonus episodes at patreon.com/harbour", "Patreon – https://patreon.com/x":
    /// a short line that gives a place to give by its address and speaks
    /// to the reader or for the publisher, or names the place first and
    /// little else; never reported speech.
    private static func isPlatformAddressLine(_ key: String) -> Bool {
        guard key.utf8.count <= 200, key.containsBytes(of: "/"), platformAddresses.contains(where: key.containsBytes(of:)),
              !FollowLines.reportsSpeech(key)
        else { return false }
        // A bare address may be a fundraiser the article links to.
        let namesPlatformFirst = key.split(separator: " ").count <= 4 && platforms.contains(where: key.hasBytePrefix)
            && !key.hasBytePrefix("http")
        return namesPlatformFirst || isFirstPerson(key) || key.containsBytes(of: "you")
            || ["get ", "join ", "visit ", "go to ", "head to ", "check out ", "sign up", "become ", "back ", "pledge "]
                .contains(where: key.hasBytePrefix)
    }

    /// The kind of a short block between paragraphs that is only a donation appeal, or nil.
    ///
    /// The appeal must name where to give or open as one.
    static func standaloneKind(of key: String, linkDensity: Double) -> String? {
        guard key.utf8.count <= maximumStandaloneLength, let what = kind(of: key, linkDensity: linkDensity) else { return nil }
        // Calls to boost the show, to buy its merch, or to join for its perks at an address.
        if isValueForValueAppeal(key) || isMerchLine(key, linkDensity: linkDensity)
            || isMembershipOffer(key, linkDensity: linkDensity) && (linkDensity > 0 || EdgeNoise.mentionsWebAddress(key))
        {
            return what
        }
        let key = FollowLines.straightened(key)
        return platforms.contains(where: key.containsBytes(of:)) || linkDensity >= 0.5
            || appealOpeningsByInitial.open(key) && givingWords.contains(where: key.containsBytes(of:)) ? what : nil
    }

    /// Openings that make a block an appeal wherever it stands, with a word that only asks for money.
    ///
    /// For example "You can also help us by making a donation!".
    private static let appealOpenings = [
        "you can also help us", "you can help us", "help us ", "please donate", "please consider donating",
        "consider donating", "consider making a donation", "make a donation", "your donation", "any donation",
        "donations are", "become a patron", "become a monthly",
    ]

    /// Whole-block donation buttons.
    static let labels: Set<String> = [
        "donate", "donate now", "donate today", "make a donation", "support us", "support me", "support our work",
        "support the show", "support this podcast", "become a patron", "become a supporter", "become a member",
        "tip jar", "buy me a coffee", "buy us a coffee", "spenden", "jetzt spenden", "spende", "unterstütze uns",
        "unterstützen sie uns", "faire un don", "faites un don", "soutenez-nous", "donar", "dona", "haz una donación",
        "apóyanos", "doar", "doe", "faça uma doação", "apoie", "dona ora", "fai una donazione", "sostienici", "doneer",
        "doneer nu", "steun ons", "unterstützen", "soutenir", "apoyar", "become a sponsor", "sponsor us", "sponsor me",
        "support us on patreon", "support the podcast", "support this show", "tip us", "leave a tip", "tips welcome",
        "werde unterstützer", "podcast unterstützen", "soutenir le podcast", "apoya el podcast", "sostieni il podcast",
    ]

    /// How appeals open.
    static let openings = [
        // Portuguese, French, Russian and Chinese first-person appeals
        "apoie-nos", "apoia-nos", "offrez-nous un ", "поддержите нас", "поддержите проект", "支持我们",
        // English
        "support us", "support me", "support our ", "support my ", "support the show", "support this ",
        "support the podcast", "support the newsletter", "support:", "support independent", "supporting us",
        "become a patron", "become a supporter", "become a member", "become a sustaining", "become a paid",
        "become a monthly", "buy me a ", "buy us a ", "donate", "make a donation", "make a one-time", "chip in",
        "pledge", "join our patreon", "join us on patreon", "help us ", "help keep ", "help support", "help fund",
        "please support", "please consider", "please donate", "consider supporting", "consider donating",
        "consider becoming", "consider a donation", "if you enjoy", "if you like", "if you love", "if you find",
        "if you found", "if you appreciate", "if you value", "if you'd like to support", "if you would like to support",
        "if you want to support", "if you want to help", "if you'd like to help", "if you would like to help",
        "you can also help", "you can also support", "become a sponsor", "sponsor us", "sponsor me", "sponsor this",
        "leave a tip", "send a tip", "tip us", "make a contribution", "contribute to our", "get bonus", "get ad-free",
        "for ad-free", "for bonus", "back us", "back the show", "fund our",
        "if this ", "enjoy this", "enjoyed this", "like this ", "love this", "like what you", "want to support",
        "want to help", "tip jar", "donate:", "patreon:", "ko-fi:", "paypal:", "liberapay:", "we need your help",
        "we need your support", "your support", "with your support", "thanks to our patrons", "thank you to our patrons",
        "thanks to all our patrons", "this show is listener", "this podcast is listener", "this work is reader",
        "this newsletter is reader", "this blog is reader", "you can support", "you can help", "to support ",
        // German
        "unterstütze ", "unterstützen sie ", "unterstützt ", "jetzt spenden", "spenden", "spende ", "werde mitglied",
        "werde unterstützer", "werde förderer", "mit einer spende", "du kannst uns", "ihr könnt uns",
        "werden sie mitglied", "wenn dir ", "wenn ihnen ", "wenn euch ", "gefällt dir ", "gefällt ihnen ",
        // French
        "soutenez", "soutenir ", "faire un don", "faites un don", "devenez membre", "devenez mécène", "si vous aimez",
        "devenez tipeur", "vous pouvez nous soutenir",
        "si vous avez aimé", "si vous appréciez", "si ce ", "vous aimez ",
        // Spanish
        "apóyanos", "apoyanos", "apoya ", "haz una donación", "dona ", "hazte socio", "hazte miembro", "hazte mecenas",
        "hazte patrocinador", "puedes apoyar",
        "si te gusta", "si te ha gustado", "si disfrutas", "si quieres apoyar",
        // Portuguese
        "apoie ", "apoia ", "faça uma doação", "doe ", "torne-se membro", "seja membro", "seja apoiador",
        "se você gosta", "se gostou", "se você curte",
        // Italian
        "sostienici", "sostieni ", "fai una donazione", "dona ora", "diventa membro", "diventa socio",
        "se ti piace", "se ti è piaciuto",
        // Dutch
        "steun ons", "steun ", "doneer", "word lid", "word donateur", "als je dit ", "vind je dit ",
    ]

    /// The openings by their first byte, which settles most blocks.
    private static let openingsByInitial = Openings(openings)

    /// Where money is given: naming one makes an appeal.
    private static let platforms = [
        "patreon", "ko-fi", "kofi.com", "buymeacoffee", "buy me a coffee", "liberapay", "opencollective",
        "open collective", "github sponsors", "github.com/sponsors", "paypal", "steadyhq", "steady.", "flattr",
        "memberful", "donorbox", "givebutter", "gofundme", "tipeee", "utip", "substack.com/subscribe", "boosty",
        "apoia.se", "catarse", "yoomoney", "爱发电", "afdian",
    ]

    /// Words that ask for money.
    private static let moneyWords = [
        "donat", "patron", "member", "supporter", "chip in", "tip jar", "coffee", "pledge", "spend",
        "spende", "mitglied", "unterstütz", "don ", "mécène", "soutien", "souten", "donación", "socio", "apoy",
        "doação", "apoi", "donazion", "sosten", "doneer", "donateur", "steun", "support", "$", "€", "£",
    ]

    /// Openings that are first person in themselves ("Apóyanos", "Sostienici").
    private static let firstPersonOpenings = [
        "support us", "support me", "support our ", "support my ", "support independent", "support local journalism",
        "support quality journalism", "buy me a ", "buy us a ", "apóyanos", "apoyanos",
        "sostienici", "soutenez-nous", "steun ons", "unterstütze uns", "unterstützt uns", "unterstützen sie uns",
        "apoie-nos", "apoia-nos", "поддержите нас", "поддержите проект", "offrez-nous un ", "支持我们",
    ]

    /// First-person words: the appeal is the publisher's own.
    private static let firstPersonWords: Set<Substring> = [
        "us", "me", "our", "my", "we", "i", "i'm", "we're", "uns", "unser", "unsere", "unseren", "unserem", "mich",
        "mir", "nous", "notre", "nos", "moi", "nuestro", "nuestra", "nuestros", "nuestras", "nós", "nosso", "nossa",
        "nossos", "ci", "noi", "nostro", "nostra", "nostri", "ons", "onze", "mij",
    ]

    /// Whether `key` speaks in the first person, or of the show or publication itself.
    ///
    /// For example "support the show".
    private static func isFirstPerson(_ key: String) -> Bool {
        ["this show", "this podcast", "this blog", "this newsletter", "this work", "the show", "the podcast",
         "the newsletter", "the blog"].contains(where: key.containsBytes(of:))
            || key.split(whereSeparator: { !$0.isLetter && $0 != "'" }).contains(where: firstPersonWords.contains)
    }
}
